"""Flow items in the Qt scene only while selected.

Unselected flows are painted by their kind's `FlowLayer`; a flow's Qt item (`FlowItem`) is
put in the scene so Qt's selection machinery can work on it — `materialize` adds it before
Qt handles a click on it — and unselected ones are taken out again after every selection
change (long flows slow Qt's index down).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from orgdesigner.gui.canvas.items.flow_geom import FlowGeom

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.flow_item import FlowItem
    from orgdesigner.gui.canvas.items.flows import SceneFlows


class SelectedFlows:
    def __init__(self, flows: SceneFlows) -> None:
        self._flows = flows
        self._in_scene: set[str] = set()  # materialized flow items
        scene = flows.scene
        self._prune_timer = QTimer(scene)
        self._prune_timer.setSingleShot(True)
        self._prune_timer.setInterval(0)
        self._prune_timer.timeout.connect(self.prune)
        scene.selectionChanged.connect(self._prune_timer.start)

    def materialize(self, item: FlowItem | FlowGeom) -> FlowItem:
        """Put a flow in the scene so Qt can select it (unselected flows live in layers);
        its item."""
        if isinstance(item, FlowGeom):
            item = self._flows.items[item.fid]
        if item.scene() is None and item.layer is not None:
            item.prepare_for_scene()
            self._flows.scene.addItem(item)
            self._in_scene.add(item.fid)
        return item

    def forget(self, fid: str) -> None:
        """The flow is gone (its item was taken out of the scene with it)."""
        self._in_scene.discard(fid)

    def prune(self) -> None:
        """Take unselected flows back out of the scene."""
        scene = self._flows.scene
        for fid in list(self._in_scene):
            geom = self._flows.geoms.get(fid)
            item = geom.item if geom is not None else None
            if item is None or item.scene() is not scene:
                self._in_scene.discard(fid)
            elif not item.isSelected():
                scene.removeItem(item)
                self._in_scene.discard(fid)

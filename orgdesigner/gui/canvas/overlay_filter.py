"""View › Overlay Flows of the Selection Only: in a large group, thousands of incident-report
lines into one CSIRT hide the chart. With the filter on, reporting lines are drawn for every
unit and the other (overlay) flows only for the selected units and flows. View state only:
the design and the undo stack are untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene


class OverlayFilter:
    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        #: The units whose overlay flows are drawn; None while the filter is off.
        self.units: set[str] | None = None
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)  # one refill for a burst of selection changes
        self._timer.timeout.connect(self.refresh)

    @property
    def enabled(self) -> bool:
        return self.units is not None

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.units = self._selection_ends() if on else None
        self._refill()

    def selection_changed(self) -> None:
        if self.enabled:
            self._timer.start()

    def refresh(self) -> None:
        if not self.enabled:
            return
        units = self._selection_ends()
        if units != self.units:
            self.units = units
            self._refill()

    def _selection_ends(self) -> set[str]:
        scene = self.scene
        units = set(scene.selected_unit_ids())
        flows = scene.design.flows
        for fid in scene.selected_flow_ids():
            if fid in flows:
                units.update((flows[fid].source, flows[fid].target))
        return units

    def _refill(self) -> None:
        self.scene.flows.refill()
        self.scene.update()

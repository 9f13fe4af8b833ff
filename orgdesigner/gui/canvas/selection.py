"""What the canvas has selected, by id, and selecting by id or by a rubber band — for units,
flows and company frames that may have no Qt item yet (a large design makes them where
the canvas is looked at, or when asked: see items/units.py and items/flows.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene


def selected(scene: DiagramScene, cls: type, attr: str, table: Mapping[str, object]
             ) -> list[str]:
    """The ids (`attr` of the selected items of class `cls`), in the design's order."""
    return in_order(table, {getattr(i, attr) for i in scene.selectedItems()
                            if isinstance(i, cls)})


def in_order(table: Mapping[str, object], ids: set[str]) -> list[str]:
    """`ids` in the design's order (after each edit the inspector asks for the selection:
    a scan of 76,000 flows when nothing or a few are selected took 11 ms)."""
    if not ids:
        return []
    if len(ids) == 1:
        return [i for i in ids if i in table]
    return [i for i in table if i in ids]


def select_ids(scene: DiagramScene, units: Iterable[str], flows: Iterable[str],
               companies: Iterable[str]) -> None:
    """Exactly these selected (items made where needed), one selection-changed signal."""
    units, flows, companies = list(units), list(flows), list(companies)
    scene.blockSignals(True)
    try:
        scene.clearSelection()
        for fid in flows:
            if fid in scene.flow_items:
                scene.flows.selected.materialize(scene.flow_items[fid])
        for uid in units:
            scene.units.item(uid)
        for ids, table in ((units, scene.unit_items), (flows, scene.flow_items),
                           (companies, scene.company_items)):
            for i in ids:
                if i in table:
                    table[i].setSelected(True)
    finally:
        scene.blockSignals(False)
    scene.selectionChanged.emit()


def select_flows_within(scene: DiagramScene, rect: QRectF) -> None:
    """Add to the selection the shown flows lying wholly inside `rect` (a rubber band)."""
    for layer in scene.flow_layers.values():
        for geom in layer.candidates(rect.left(), rect.top(), rect.right(), rect.bottom()):
            if geom.inside(rect):
                scene.flows.selected.materialize(geom).setSelected(True)

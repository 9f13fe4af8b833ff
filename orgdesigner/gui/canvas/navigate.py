"""The canvas by keyboard: arrow keys walk the organisation, Shift+arrows nudge.

Up goes to the unit's superior, Down to the subordinate nearest below it, Left and Right
to the previous and next sibling (units with the same superior, or the other roots, in
left-to-right order) — the reporting tree, not the pixels, so the walk matches what the
chart means. Shift+arrows move the selected units by a small step; a burst of nudges of
the same units is one undo step (the controller merges them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from orgdesigner.model import ops

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene

NUDGE = 10.0  # points per Shift+arrow (the grid step when snapping)
UP, DOWN, LEFT, RIGHT = Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right
ARROWS = (UP, DOWN, LEFT, RIGHT)


def _shown(scene: DiagramScene, ids: list[str]) -> list[str]:
    return [u for u in ids if u not in scene.hidden_units]


def neighbour(scene: DiagramScene, uid: str | None, key: Qt.Key) -> str | None:
    """The unit an arrow key goes to from `uid` (None: nothing selected yet → the top)."""
    d = scene.design
    units = d.units
    children = d.children()
    if uid is None or uid not in units:
        roots = _shown(scene, d.roots())
        if not roots:
            return None
        return max(roots, key=lambda u: len(children.get(u, ())))
    here = units[uid]
    if key == UP:
        return d.superior(uid)
    if key == DOWN:
        kids = _shown(scene, children.get(uid, []))
        if not kids:
            return None
        return min(kids, key=lambda u: (abs(units[u].x - here.x), units[u].y))
    sup = d.superior(uid)
    row = _shown(scene, children.get(sup, []) if sup is not None else d.roots())
    row.sort(key=lambda u: (units[u].x, units[u].y))
    if uid not in row:
        return None
    i = row.index(uid) + (1 if key == RIGHT else -1)
    return row[i] if 0 <= i < len(row) else None


def walk(scene: DiagramScene, key: Qt.Key) -> str | None:
    """Select the unit the arrow leads to and show it; its id, or None (nothing there)."""
    selected = scene.selected_unit_ids()
    current = selected[-1] if selected else None
    target = neighbour(scene, current, key)
    if target is None or target == current:
        return None
    scene.select_ids(units=[target])
    _ensure_visible(scene, target)
    return target


def _ensure_visible(scene: DiagramScene, uid: str) -> None:
    box = scene.items_rect([uid])
    for view in scene.views():
        view.ensureVisible(box, 40, 40)


def nudge(scene: DiagramScene, key: Qt.Key) -> bool:
    """Move the selected units a step; True when something moved."""
    ids = scene.selected_unit_ids()
    if not ids:
        return False
    step = 20.0 if scene.snap_to_grid else NUDGE
    dx = {LEFT: -step, RIGHT: step}.get(key, 0.0)
    dy = {UP: -step, DOWN: step}.get(key, 0.0)
    d = scene.design
    batch = ops.Batch([ops.UpdateUnit(u, {"x": d.units[u].x + dx, "y": d.units[u].y + dy})
                       for u in ids])
    text = QCoreApplication.translate("DiagramView", "Move")
    return scene.controller.push(batch, text, merge_key=("nudge", tuple(ids)))

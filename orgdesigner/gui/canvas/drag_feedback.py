"""What the canvas shows while units and frames are dragged: the items move (and the flows
and frames follow) before anything is pushed to the model; the release pushes one move and
the model's events then agree with what was shown. A cancelled drag puts items back.

Kept apart from the scene (scene.py) as the one place that moves items without the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene


def preview_move(scene: DiagramScene, units: dict[str, QPointF],
                 frames: dict[str, QPointF]) -> None:
    """Draw the units (and the frames) at these positions; flows and fitted frames follow."""
    touched: set[str] = set()
    for uid, pos in units.items():
        scene.units.drawn_at(uid, pos.x(), pos.y())
        scene.flows.unit_moved(uid)
        touched.update(scene.flows.of_unit(uid))
        cid = scene._unit_company.get(uid)
        if cid:
            scene._dirty_companies.add(cid)
    for fid in touched:
        scene.flows.route(fid)
    for cid, pos in frames.items():
        scene.company_items[cid].setPos(pos)
    scene._dirty_companies -= set(frames)
    scene.unit_layer.invalidate()
    scene.flush()


def resync_positions(scene: DiagramScene, units: list[str], frames: list[str]) -> None:
    """Put items back where the model says (a cancelled drag)."""
    d = scene.design
    preview_move(scene, {u: QPointF(d.units[u].x, d.units[u].y) for u in units
                         if u in d.units}, {})
    for cid in frames:
        if cid in d.companies:
            scene._dirty_companies.add(cid)
    scene.flush()

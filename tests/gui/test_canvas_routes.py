"""The canvas draws the same flow routes as the export of the same design (one router, fed
the same boxes and frames), and a moved unit's flows stay clear of the other boxes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from orgdesigner import templates
from orgdesigner.render.diagram import diagram_for


def _close(a, b, tol=0.01) -> bool:
    return len(a) == len(b) and all(abs(p[0] - q[0]) < tol and abs(p[1] - q[1]) < tol
                                    for p, q in zip(a, b, strict=True))


@pytest.mark.parametrize("tid", ["model-1", "model-3", "consensual"])
def test_canvas_and_export_draw_the_same_routes(window, tid):
    design = templates.load(tid)
    ctrl = window.open_design(design, None)
    QApplication.processEvents()
    scene = ctrl.scene
    d = diagram_for(ctrl.design, layout="canvas", lang=scene.lang)
    routed = [e for e in d.edges if e.head or e.tail or e.kind.value != "reporting"]
    assert routed
    for e in routed:
        assert _close(scene.flow_items[e.id].route_points, e.waypoints), e.id


def test_moving_a_unit_reroutes_its_flows_clear_of_other_boxes(window):
    from tests.render.test_routing_geometry import seg_enters

    ctrl = window.open_design(templates.load("model-1"), None)
    QApplication.processEvents()
    scene = ctrl.scene
    csirt = next(u for u, unit in ctrl.design.units.items() if unit.kind.value == "csirt")
    item = scene.unit_items[csirt]
    item.setPos(item.pos().x() - 300, item.pos().y())
    scene.flows.unit_moved(csirt)
    boxes = {u: i.box() for u, i in scene.unit_items.items()}
    for fid in scene.flows.of_unit(csirt):
        f = ctrl.design.flows[fid]
        pts = scene.flow_items[fid].route_points
        for uid, r in boxes.items():
            if uid not in (f.source, f.target):
                for a, b in zip(pts, pts[1:], strict=False):
                    assert not seg_enters(a, b, r), (fid, uid)

"""A big design on the canvas (issue 22): unit items only where the canvas is looked at,
overlay flows routed in the background — and everything a user does still reaches every
unit. The big-design path is forced on a generated group of a few hundred units by
lowering the thresholds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from orgdesigner import synthetic
from orgdesigner.gui.canvas import navigate
from orgdesigner.gui.canvas.items.flows import SceneFlows
from orgdesigner.gui.canvas.items.units import SceneUnits
from orgdesigner.gui.canvas.unit_boxes import UnitBoxes
from orgdesigner.model import Flow, FlowKind, Unit, UnitKind, ops
from orgdesigner.render.diagram import is_elbow
from orgdesigner.render.layout import FRAME_TITLE, layout_ops, reporting_route
from orgdesigner.render.routing import FlowRouter
from tests.gui.views_invariant import view_problems

pytestmark = pytest.mark.gui


def _group(n: int = 400):
    d = synthetic.generate(n, seed=3)
    layout_ops(d).apply(d)
    return d


@pytest.fixture
def big(window, monkeypatch, qtbot):
    """A laid-out group of 400 units open on the big-design path, at 100 % on its top."""
    monkeypatch.setattr(SceneUnits, "lazy_above", 0)
    monkeypatch.setattr(SceneFlows, "background", 0)
    monkeypatch.setattr(SceneFlows, "lazy_above", 0)
    ctrl = window.open_design(_group(), None)
    QApplication.processEvents()
    view = window.current_view()
    view.actual_size()
    top = ctrl.scene.top_unit()
    view.centerOn(top)
    view.viewport().repaint()
    return ctrl, view


def test_items_only_where_the_canvas_is_looked_at(big):
    ctrl, view = big
    scene = ctrl.scene
    n = len(ctrl.design.units)
    assert 0 < len(scene.unit_items) < n / 2
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    for uid in scene.boxes.in_rect(seen.left(), seen.top(), seen.right(), seen.bottom()):
        assert uid in scene.unit_items  # everything on screen is a real item
    assert view_problems(ctrl.design, scene) == []


def test_far_out_every_unit_is_drawn_without_items(big):
    ctrl, view = big
    scene = ctrl.scene
    before = len(scene.unit_items)
    view.fit_to_window()
    view.viewport().repaint()
    assert scene.unit_layer.active
    assert scene.unit_layer.painted == len(ctrl.design.units)
    assert len(scene.unit_items) == before  # zooming out made no items


def test_a_click_rubber_band_find_and_keys_reach_units_without_items(big, window, ui):
    ctrl, view = big
    scene, d = ctrl.scene, ctrl.design
    view.fit_to_window()
    far = [u for u in d.units if u not in scene.unit_items]
    uid = far[len(far) // 2]
    centre = QPointF(*scene.boxes.centre(uid))
    assert scene.item_at(centre).uid == uid  # a hit test makes the item
    ui.click(view, centre)
    assert ctrl.selected_units() == [uid]
    # a rubber band far out selects units that had no item
    vp = view.viewport().rect()
    corner, end = view.mapToScene(vp.topLeft() + QPoint(2, 2)), view.mapToScene(
        vp.bottomRight() - QPoint(2, 2))
    assert scene.item_at(corner) is None  # the band starts on empty canvas
    left_out = [u for u in d.units if u not in scene.unit_items]
    assert left_out
    ui.drag(view, corner, end)
    inside = set(scene.boxes.in_rect(corner.x(), corner.y(), end.x(), end.y()))
    assert set(left_out) & inside
    assert set(ctrl.selected_units()) == inside
    scene.clearSelection()
    # find, then the arrow keys walk the tree through units without items
    name = d.units[far[-1]].name
    window.edit.find(name)
    assert ctrl.selected_units()[0] in {u for u, x in d.units.items() if x.name == name}
    start = d.roots()[0]
    ctrl.select_units([start], center=False)
    assert navigate.walk(scene, Qt.Key.Key_Down) == ctrl.selected_units()[0]
    assert view_problems(d, scene) == []


def test_select_all_rename_undo_on_a_big_design(big, window):
    ctrl, view = big
    d = ctrl.design
    window.edit.select_all()
    assert set(ctrl.selected_units()) == set(d.units)
    uid = next(u for u in d.units if u not in ctrl.scene.unit_items or True)
    old = d.units[uid].name
    ctrl.push(ops.UpdateUnit(uid, {"name": old + "（改）"}), "Rename")
    ctrl.undo_stack.undo()
    assert d.units[uid].name == old
    assert view_problems(d, ctrl.scene) == []


def test_printing_draws_every_unit(big):
    from orgdesigner.gui.dialogs.printing import diagram_rect

    ctrl, _view = big
    rect = diagram_rect(ctrl.scene)
    assert set(ctrl.scene.unit_items) == set(ctrl.design.units)
    assert rect.contains(QRectF(*ctrl.scene.boxes.bounds()))
    assert not ctrl.scene.flows.routing()


def test_flows_are_elbows_until_routed_and_edits_meanwhile_are_caught_up(big):
    ctrl, _view = big
    scene, d = ctrl.scene, ctrl.design
    boxes = scene.boxes.rects
    overlay = [f for f in d.flows.values()
               if not is_elbow(f.kind, boxes[f.source], boxes[f.target])]
    assert overlay and scene.flows.routing()
    pending = [f for f in overlay if f.id not in scene.flows.router.routes]
    for f in pending:  # not routed yet: drawn as the simple elbow
        want = reporting_route(boxes[f.source], boxes[f.target])
        got = scene.flow_items[f.id].route_points
        assert [tuple(round(v, 2) for v in p) for p in got] == [
            tuple(round(v, 2) for v in p) for p in want]
    # edits while the worker routes its snapshot: a unit moved, a flow added and one removed
    moved = overlay[0].source
    ctrl.push(ops.UpdateUnit(moved, {"x": d.units[moved].x + 140}), "Move")
    ctrl.push(ops.AddFlow(Flow("new", overlay[1].source, overlay[2].target,
                               FlowKind.SUPPORT)), "Connect")
    ctrl.push(ops.RemoveFlow(overlay[3].id), "Delete")
    scene.flush()
    assert view_problems(d, scene) == []  # waits for the routing, then compares
    assert not scene.flows.routing()
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert view_problems(d, scene) == []


def test_a_crowd_of_unrouted_flows_is_left_out_of_a_paint_until_routed(big, monkeypatch):
    """Placeholders of flows still being routed are drawn while a paint meets few of them,
    and left out (counted) when it meets more than PENDING_DRAW; routed, all are drawn."""
    from orgdesigner.gui.canvas.items import flow_layer
    from tests.gui.views_invariant import paint_whole as paint

    ctrl, _view = big
    scene = ctrl.scene
    routes = scene.flows.router.routes

    scene.flows.making.complete()  # every flow made (the slices may not be done), routing
    assert scene.flows.routing()
    layers = [la for la in scene.flow_layers.values()
              if any(g.pending for g in la.items.values())]
    assert layers
    for layer in layers:
        waiting = [g for g in layer.items.values() if g.pending]
        assert all(g.fid not in routes for g in waiting)
        monkeypatch.setattr(flow_layer, "PENDING_DRAW", len(waiting))
        paint(layer)
        assert (layer.painted, layer.deferred) == (len(layer.items), 0)
        monkeypatch.setattr(flow_layer, "PENDING_DRAW", len(waiting) - 1)
        paint(layer)
        assert (layer.painted, layer.deferred) == (len(layer.items) - len(waiting),
                                                   len(waiting))
    scene.flows.finish()
    assert not any(g.pending for g in scene.flows.geoms.values())
    for layer in layers:
        paint(layer)
        assert (layer.painted, layer.deferred) == (len(layer.items), 0)
    assert view_problems(ctrl.design, scene) == []


def test_a_hub_moved_while_routing_has_its_flows_redrawn_in_slices(big, monkeypatch, qtbot):
    """Above LATER_FLOWS, the flows of an edited unit are redrawn in idle slices while
    the background routing runs; when the slices are done the canvas equals the model."""
    from orgdesigner.gui.canvas import scene as scene_mod

    ctrl, _view = big
    scene, d = ctrl.scene, ctrl.design
    monkeypatch.setattr(scene_mod, "LATER_FLOWS", 0)
    scene.flows.making.complete()  # every flow made (the slices may not be done), routing
    hub = max(d.units, key=lambda u: len(scene.flows.of_unit(u)))
    joined = scene.flows.of_unit(hub)
    assert len(joined) > 1 and scene.flows.routing()
    before = {fid: scene.flows.geoms[fid].bbox for fid in joined}
    ctrl.push(ops.UpdateUnit(hub, {"x": d.units[hub].x + 500}), "Move")
    scene.flush()
    assert scene.flows.routing()  # queued, not yet redrawn
    assert all(scene.flows.geoms[fid].bbox == before[fid] for fid in joined)
    qtbot.waitUntil(lambda: not scene.flows.routing(), timeout=60_000)
    assert any(scene.flows.geoms[fid].bbox != before[fid] for fid in joined)
    assert view_problems(d, scene) == []


def test_a_large_designs_flows_are_made_where_looked_first_then_in_slices(window, monkeypatch,
                                                                          qtbot):
    """Above `lazy_above` flows the geometry is made for what a view paints first, the
    rest in idle slices; an edit meanwhile makes the rest at once; the end is the canvas
    the model asks for."""
    monkeypatch.setattr(SceneUnits, "lazy_above", 0)
    monkeypatch.setattr(SceneFlows, "lazy_above", 0)
    d = _group()
    ctrl = window.open_design(d, None)
    scene = ctrl.scene
    flows = scene.flows
    assert flows.routing() and not flows.geoms  # nothing made before a view looks
    top = scene.top_unit()  # where a view opens
    rect = (top.x() - 300, top.y() - 300, top.x() + 300, top.y() + 300)
    flows.realize(*rect)
    near = set().union(*(flows.of_unit(u) for u in scene.boxes.in_rect(*rect)))
    assert near and set(flows.geoms) == near
    assert all(flows.geoms[f].layer is not None for f in near)
    qtbot.waitUntil(lambda: not flows.routing(), timeout=60_000)
    assert set(flows.geoms) == set(d.flows)
    assert view_problems(d, scene) == []
    # edits while flows are still being made (a move, a flow removed, one re-typed, one
    # added): the flows made so far follow at once, the rest are made from the model as
    # it is then — and the end is the canvas the model asks for
    ctrl2 = window.open_design(_group(), None)
    scene2, d2 = ctrl2.scene, ctrl2.design
    flows2 = scene2.flows
    top = scene2.top_unit()
    flows2.realize(top.x() - 300, top.y() - 300, top.x() + 300, top.y() + 300)
    made = set(flows2.geoms)
    assert made and len(made) < len(d2.flows)
    hub = max(d2.units, key=lambda u: len(flows2.of_unit(u) & made))
    ctrl2.push(ops.UpdateUnit(hub, {"x": d2.units[hub].x + 200}), "Move")
    unmade = [f for f in d2.flows if f not in made]
    ctrl2.push(ops.RemoveFlow(unmade[0]), "Delete")
    ctrl2.push(ops.UpdateFlow(unmade[1], {"kind": FlowKind.SUPPORT}), "Retype")
    a, b = list(d2.units)[5], list(d2.units)[40]
    ctrl2.push(ops.AddFlow(Flow("late", a, b, FlowKind.COMMAND)), "Connect")
    scene2.flush()
    assert flows2.routing() and len(flows2.geoms) < len(d2.flows)  # not made all at once
    qtbot.waitUntil(lambda: not flows2.routing(), timeout=60_000)
    assert set(flows2.geoms) == set(d2.flows)
    assert view_problems(d2, scene2) == []


def test_a_move_in_a_large_routed_design_is_rerouted_between_events(window, monkeypatch,
                                                                     qtbot):
    """Above `step_moves_above` routes, a unit's move is re-routed in idle slices
    (FlowRouter.move_steps) — edits meanwhile wait for it — and the end is the canvas
    the model asks for, with the routes `move` gives at once."""
    from orgdesigner.gui.canvas import scene as scene_mod

    monkeypatch.setattr(SceneFlows, "step_moves_above", 0)
    monkeypatch.setattr(scene_mod, "LATER_FLOWS", 0)  # and its flows redrawn in slices
    d = _group(200)
    ctrl = window.open_design(d, None)
    scene = ctrl.scene
    scene.flows.finish()
    routes = scene.flows.router.routes
    hub = max(d.units, key=lambda u: len(scene.flows.of_unit(u) & set(routes)))
    ctrl.push(ops.UpdateUnit(hub, {"x": d.units[hub].x + 90}), "Move")
    scene.flush()
    assert scene.flows.routing()  # re-routed between events
    other = next(u for u in d.units if u != hub)
    ctrl.push(ops.UpdateUnit(other, {"y": d.units[other].y + 40}), "Move")
    scene.flush()  # the first move is finished before the router takes the second
    qtbot.waitUntil(lambda: not scene.flows.routing(), timeout=60_000)
    assert view_problems(d, scene) == []
    whole = FlowRouter(dict(scene.boxes.rects), dict(scene.boxes.shapes),
                       [(r[0], r[1], r[2], FRAME_TITLE) for r in scene.frame_rects().values()])
    for fid, (s, t) in scene.flows.router.ends.items():
        whole.add(fid, s, t)
    assert set(whole.route_all()) == set(scene.flows.router.routes)


def test_a_unit_added_or_moved_into_view_gets_an_item(big):
    ctrl, view = big
    scene, d = ctrl.scene, ctrl.design
    far = next(u for u in d.units if u not in scene.unit_items)
    here = view.mapToScene(view.viewport().rect().center())
    ctrl.push(ops.UpdateUnit(far, {"x": here.x(), "y": here.y()}), "Move")
    assert far in scene.unit_items
    ctrl.push(ops.AddUnit(Unit("fresh", "新設", UnitKind.DEPARTMENT, x=here.x() + 300,
                               y=here.y())), "Add")
    assert "fresh" in scene.unit_items
    assert view_problems(d, scene) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.floats(-3000, 3000), st.floats(-3000, 3000),
                          st.floats(10, 400), st.floats(10, 200)), max_size=40),
       st.tuples(st.floats(-4000, 4000), st.floats(-4000, 4000), st.floats(0, 5000),
                 st.floats(0, 5000)))
def test_the_box_table_finds_exactly_the_boxes_in_a_rectangle(moves, query):
    """Whatever was put, moved and removed, a rectangle query answers as a scan would."""
    boxes = UnitBoxes()
    want: dict[str, tuple[float, float, float, float]] = {}
    for k, x, y, w, h in moves:
        uid = f"u{k}"
        if k % 7 == 0 and uid in want:
            boxes.remove(uid)
            del want[uid]
            continue
        u = Unit(uid, uid, UnitKind.DEPARTMENT, x=x, y=y)
        boxes.set(u, "en")
        want[uid] = boxes.rects[uid]
        boxes.move_to(uid, x + w, y - h)
        r = boxes.rects[uid]
        want[uid] = r
        assert abs(r[0] + r[2] / 2 - (x + w)) < 1e-6
        # the extent kept across puts, moves and removals is the one a scan measures
        if k % 3 == 0:
            assert boxes.bounds() == _scan_bounds(want)
    assert boxes.bounds() == _scan_bounds(want)
    x0, y0, dw, dh = query
    x1, y1 = x0 + dw, y0 + dh
    scan = {u for u, (x, y, w, h) in want.items() if x <= x1 and x + w >= x0 and y <= y1
            and y + h >= y0}
    assert set(boxes.in_rect(x0, y0, x1, y1)) == scan
    assert set(boxes.rects) == set(want)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-3000, 3000), st.floats(-3000, 3000),
                          st.sampled_from(["HR", "情報システム部", "x" * 60, "A\nB\nC"]),
                          st.sampled_from(list(UnitKind))), max_size=40))
def test_filling_the_box_table_at_once_equals_putting_each_unit(units):
    """`fill` (opening a document: 50,000 units, written out for speed) leaves the table
    exactly as putting each unit with `set` does — boxes, cells, spans, styles, order."""
    design = [Unit(f"u{i}", name, kind, x=x, y=y) for i, (x, y, name, kind) in enumerate(units)]
    at_once, one_by_one = UnitBoxes(), UnitBoxes()
    at_once.fill(design, "ja")
    for u in design:
        one_by_one.set(u, "ja")
    for attr in ("rects", "shapes", "styles", "order", "_cells", "_where"):
        assert getattr(at_once, attr) == getattr(one_by_one, attr), attr
    assert at_once.bounds() == one_by_one.bounds()


def _scan_bounds(rects: dict[str, tuple[float, float, float, float]]):
    if not rects:
        return None
    x0 = min(r[0] for r in rects.values())
    y0 = min(r[1] for r in rects.values())
    return (x0, y0, max(r[0] + r[2] for r in rects.values()) - x0,
            max(r[1] + r[3] for r in rects.values()) - y0)


def test_routing_in_slices_gives_the_routes_of_routing_at_once():
    """The job performs route_all's steps a slice at a time: the same routes, port for
    port (so the canvas equals the exports and an edit re-routes as before)."""
    from orgdesigner.gui.canvas.items.route_job import RouteJob
    from orgdesigner.render.diagram import canvas_layout, route_flows
    from orgdesigner.render.layout import FRAME_TITLE
    from orgdesigner.render.style import box_size, unit_style

    d = _group(300)
    rects = {}
    for uid, u in d.units.items():
        w, h = box_size(u, "en")
        rects[uid] = (u.x - w / 2, u.y - h / 2, w, h)
    shapes = {uid: unit_style(u).shape for uid, u in d.units.items()}
    frames = canvas_layout(d, lang="en").company_rects
    whole = route_flows(d, rects, shapes, frames)
    ends = {f.id: (f.source, f.target) for f in d.flows.values()
            if not is_elbow(f.kind, rects[f.source], rects[f.target])}
    job = RouteJob(rects, shapes, [(r[0], r[1], r[2], FRAME_TITLE) for r in frames.values()],
                   ends)
    slices = 0
    while not job.step(0.0):  # the smallest slices: one step each
        slices += 1
    assert slices > 10 and job.done
    assert job.router.routes == whole.routes and job.router.ports == whole.ports

"""A design without positions (every unit at one point, or piled up) is recognised and gets
the tidy layout; a design the user arranged, even with a few overlapping boxes, is not."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.model import Design, Unit, UnitKind
from orgdesigner.render.diagram import canvas_layout, diagram_for
from orgdesigner.render.layout import compute_layout, layout_ops
from orgdesigner.render.unplaced import lay_out_if_unplaced, needs_layout
from orgdesigner.synthetic import generate
from tests.render.conftest import overlapping_boxes


def unplaced(n: int, x: float = 0.0, y: float = 0.0):  # type: ignore[no-untyped-def]
    d = generate(n)
    for u in d.units.values():
        u.x, u.y = x, y
    for c in d.companies.values():
        c.x = c.y = c.width = c.height = 0.0
    return d


@given(st.integers(2, 300), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
@settings(max_examples=25, deadline=None)
def test_every_unit_on_one_point_needs_layout(n, x, y):
    assert needs_layout(unplaced(n, x, y))


def test_laid_out_designs_and_templates_need_none():
    for tid in templates.ids():
        assert not needs_layout(templates.load(tid)), tid
    d = generate(500)
    layout_ops(d).apply(d)
    assert not needs_layout(d)
    one = Design()
    one.add_unit(Unit("a", "総務部", UnitKind.DEPARTMENT))
    assert not needs_layout(one)  # one unit: nothing to untangle


@given(st.data())
@settings(max_examples=25, deadline=None)
def test_a_few_overlapping_boxes_are_the_users_arrangement(data):
    d = generate(200)
    layout_ops(d).apply(d)
    ids = list(d.units)
    movers = data.draw(st.lists(st.sampled_from(ids), max_size=len(ids) // 2 - 2, unique=True))
    target = d.units[ids[0]]
    for uid in movers:  # fewer than half the units dropped onto one box
        d.units[uid].x, d.units[uid].y = target.x, target.y
    assert not needs_layout(d)


def test_lay_out_if_unplaced_gives_the_tidy_positions_and_changes_nothing_else():
    d = unplaced(400)
    before = copy.deepcopy(d)
    lay = compute_layout(d)
    assert lay_out_if_unplaced(d)
    assert {u: (x.x, x.y) for u, x in d.units.items()} == \
        {u: (round(p[0], 2), round(p[1], 2)) for u, p in lay.positions.items()}
    assert not overlapping_boxes(canvas_layout(d))
    assert not needs_layout(d)
    for uid, u in d.units.items():  # only positions (and frames) changed
        old = before.units[uid]
        assert {**vars(u), "x": 0, "y": 0} == {**vars(old), "x": 0, "y": 0}
    assert [f.__dict__ for f in d.flows.values()] == [f.__dict__ for f in before.flows.values()]
    assert not lay_out_if_unplaced(d)  # a second time: nothing to do


def test_exports_as_on_the_canvas_draw_a_positionless_design_tidy():
    d = unplaced(60)
    drawn = diagram_for(d, layout="canvas", date="2026-01-01")
    tidy = diagram_for(d, layout="tidy", date="2026-01-01")
    assert {u: b.rect for u, b in drawn.boxes.items()} == \
        {u: b.rect for u, b in tidy.boxes.items()}
    assert not overlapping_boxes(compute_layout(d))
    # an arranged design is drawn where the user put it
    t = templates.load("model-3")
    t.units["im"].x += 333.0
    drawn = diagram_for(t, layout="canvas", date="2026-01-01")
    assert drawn.boxes["im"].rect == canvas_layout(t).rect("im")

"""The router's effort is bounded on any input, and it still avoids boxes where it can.

Invariant: `FlowRouter.route_all` spends at most 2 × `FLOW_BUDGET` search steps per flow
(`FlowRouter.steps`: boxes, cells and segments looked at, A* grid nodes and expansions) on
any boxes at all: every box on one point (a file saved without positions), boxes piled on
each other, boxes touching with no gap, huge coordinates. Steps are counted, not timed. And
where the boxes leave room (no two overlap, a channel around each), every route keeps out
of every box that is not one of its ends."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.render.routing import FlowRouter
from orgdesigner.render.routing.paths import FLOW_BUDGET

Rect = tuple[float, float, float, float]


def seg_enters(a, b, r: Rect, eps: float = 0.5) -> bool:
    """Whether the axis-parallel segment a–b passes through the inside of r."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return not (x1 <= r[0] + eps or x0 >= r[0] + r[2] - eps or y1 <= r[1] + eps
                or y0 >= r[1] + r[3] - eps)


sizes = st.tuples(st.sampled_from([80.0, 96.0, 120.0, 150.0, 200.0]),
                  st.sampled_from([36.0, 40.0, 52.0]))


@st.composite
def degenerate(draw) -> tuple[dict[str, Rect], list[Rect]]:
    """Boxes as a broken or hostile file gives them."""
    n = draw(st.integers(2, 60))
    mode = draw(st.sampled_from(["one point", "pile", "touching", "huge", "mixed"]))
    base = draw(st.sampled_from([0.0, -1e9, 1e9, 123456.75]))
    rects: dict[str, Rect] = {}
    for i in range(n):
        w, h = draw(sizes)
        if mode == "one point":
            x, y = base - w / 2, base - h / 2  # centres on one point
        elif mode == "pile":
            x = base + draw(st.floats(0, 40))
            y = base + draw(st.floats(0, 20))
        elif mode == "touching":  # a row and a column of boxes with no gap at all
            x, y = base + (i % 8) * 80.0, base + (i // 8) * 36.0
            w, h = 80.0, 36.0
        elif mode == "huge":
            x = draw(st.floats(-1e12, 1e12))
            y = draw(st.floats(-1e12, 1e12))
        else:
            x = base + draw(st.sampled_from([0.0, 5.0, 300.0, 1e6]))
            y = base + draw(st.sampled_from([0.0, 3.0, 200.0]))
        rects[f"u{i}"] = (x, y, w, h)
    bars = [(base - 50.0, base - 60.0, draw(st.sampled_from([0.0, 500.0, 5000.0])), 26.0)] \
        if draw(st.booleans()) else []
    return rects, bars


def flows_among(draw, ids: list[str]) -> list[tuple[str, str]]:
    return draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)),
                         min_size=1, max_size=80))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(degenerate(), st.data())
def test_route_all_spends_bounded_steps_per_flow_on_any_boxes(boxes, data):
    rects, bars = boxes
    flows = flows_among(data.draw, list(rects))
    router = FlowRouter(rects, bars=bars)
    for i, (s, t) in enumerate(flows):
        router.add(f"f{i}", s, t)
    routes = router.route_all()
    assert set(routes) == {f"f{i}" for i in range(len(flows))}  # every flow is drawn
    assert router.steps <= 2 * FLOW_BUDGET * len(flows), (router.steps, len(flows))
    for pts in routes.values():
        assert len(pts) >= 2 and all(math.isfinite(c) for p in pts for c in p)
        for a, b in zip(pts, pts[1:], strict=False):  # orthogonal even as a fallback
            assert abs(a[0] - b[0]) < 1e-6 * max(1.0, abs(a[0])) \
                or abs(a[1] - b[1]) < 1e-6 * max(1.0, abs(a[1])), pts


def test_a_pile_of_a_thousand_boxes_costs_no_more_per_flow_than_a_few():
    """The case that hung the app: every unit at one point. The steps per flow stay within
    the budget however many boxes lie in the pile."""
    per_flow = []
    for n in (10, 1000):
        rects = {f"u{i}": (-40.0 - i % 7, -18.0, 80.0 + 2 * (i % 7), 36.0) for i in range(n)}
        router = FlowRouter(rects)
        for i in range(200):
            router.add(f"f{i}", f"u{i % n}", f"u{(i * 7 + 3) % n}")
        router.route_all()
        per_flow.append(router.steps / 200)
    assert all(s <= 2 * FLOW_BUDGET for s in per_flow), per_flow


@st.composite
def spaced(draw) -> dict[str, Rect]:
    """Boxes on a jittered grid, never overlapping, with a channel of at least 40 points
    around each (room for a stub, its clearance and a route), anywhere in the plane."""
    cols = draw(st.integers(1, 6))
    n = draw(st.integers(2, 24))
    origin = draw(st.sampled_from([0.0, -5e7, 3e8]))
    pitch_x, pitch_y = 260.0, 140.0
    rects = {}
    for i in range(n):
        w, h = draw(sizes)
        jx = draw(st.floats(0, pitch_x - 40 - w))
        jy = draw(st.floats(0, pitch_y - 40 - h))
        rects[f"u{i}"] = (origin + (i % cols) * pitch_x + jx, origin + (i // cols) * pitch_y + jy,
                          w, h)
    return rects


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spaced(), st.data())
def test_where_boxes_leave_room_routes_avoid_every_box_but_their_ends(rects, data):
    flows = [(s, t) for s, t in flows_among(data.draw, list(rects)) if s != t]
    router = FlowRouter(rects)
    for i, (s, t) in enumerate(flows):
        router.add(f"f{i}", s, t)
    routes = router.route_all()
    assert router.steps <= 2 * FLOW_BUDGET * max(1, len(flows))
    for i, (s, t) in enumerate(flows):
        pts = routes[f"f{i}"]
        for uid, r in rects.items():
            if uid in (s, t):
                continue
            for a, b in zip(pts, pts[1:], strict=False):
                assert not seg_enters(a, b, r), (f"f{i}", s, t, uid, a, b, r)

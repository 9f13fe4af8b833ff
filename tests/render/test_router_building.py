"""FlowRouter.building: the router built a chunk at a time is the router built at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.render.routing import FlowRouter

boxes = st.dictionaries(st.text("abcdef", min_size=1, max_size=4),
                        st.tuples(st.floats(-5000, 5000), st.floats(-5000, 5000),
                                  st.sampled_from([40.0, 120.0, 900.0]),
                                  st.sampled_from([20.0, 40.0, 700.0])), max_size=60)


@settings(max_examples=60, deadline=None)
@given(boxes, st.integers(1, 40), st.booleans())
def test_built_in_chunks_equals_built_at_once(rects, chunk, with_bars):
    bars = [(-100.0, -100.0, 3000.0, 26.0)] if with_bars else []
    whole = FlowRouter(rects, {}, bars)
    steps = list(FlowRouter.building(rects, {}, bars, chunk=chunk))
    built = steps[-1]
    assert all(s is None for s in steps[:-1]) and isinstance(built, FlowRouter)
    assert len(steps) - 1 >= len(rects) // chunk  # it did yield between chunks
    a, b = whole.index, built.index
    assert (a.rects, a._cells, a._h, a._v, a._h_long, a._v_long) == \
        (b.rects, b._cells, b._h, b._v, b._h_long, b._v_long)
    assert built.boxes == whole.boxes
    ids = sorted(rects)
    for r in (whole, built):
        for i, (s, t) in enumerate(zip(ids, ids[1:], strict=False)):
            r.add(f"f{i}", s, t)
    assert built.route_all() == whole.route_all()


@settings(max_examples=40, deadline=None)
@given(boxes, st.integers(1, 15), st.lists(st.tuples(st.integers(0, 60), st.floats(-400, 400)),
                                           max_size=6))
def test_route_index_built_in_steps_equals_the_one_a_move_builds(rects, chunk, moves):
    """`index_steps` (between events, after a big design is routed) leaves the route index a
    `move` would have built at once — also when routes change between its steps."""
    ids = sorted(rects)
    if not ids:
        return
    pairs = list(zip(ids, ids[1:], strict=False))
    stepped, direct = FlowRouter(rects, {}, []), FlowRouter(rects, {}, [])
    for r in (stepped, direct):
        for i, (s, t) in enumerate(pairs):
            r.add(f"f{i}", s, t)
        r.route_all()
    steps = stepped.index_steps(chunk)
    for k, dx in moves:  # edits between steps: re-routes (and new flows) meanwhile
        next(steps, None)
        uid = ids[k % len(ids)]
        x, y, w, h = rects[uid]
        for r in (stepped, direct):
            r.boxes[uid] = (x + dx, y, w, h)
            r.index.put(uid, r.boxes[uid])
            r.route([f for f, e in r.ends.items() if uid in e])
    for _ in steps:
        pass
    direct.move(ids[0], direct.boxes[ids[0]])  # a move builds the index at once
    stepped.move(ids[0], stepped.boxes[ids[0]])
    assert stepped._indexed and direct._indexed
    assert stepped._segments == direct._segments
    assert stepped._route_index.rects == direct._route_index.rects

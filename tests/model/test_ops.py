"""Undoable operations: apply then inverse restores the design exactly (order included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.formats import orgd
from orgdesigner.model import Flow, FlowKind, ModelError, Unit, ops
from orgdesigner.synthetic import generate
from orgdesigner.templates import load


def test_remove_units_and_undo_restores_exact_order():
    d = load("model-2")
    before = orgd.dumps(d)
    victims = ["pip", "gsc"]
    inverse = ops.remove_units(d, victims).apply(d)
    assert not set(victims) & set(d.units)
    assert all(f.source not in victims and f.target not in victims for f in d.flows.values())
    inverse.apply(d)
    assert orgd.dumps(d) == before


def test_batch_is_all_or_nothing():
    d = load("model-1")
    before = orgd.dumps(d)
    bad = ops.Batch([ops.UpdateUnit("mkt", {"name": "営業企画部"}),
                     ops.AddFlow(Flow("x", "csirt", "mgmt", FlowKind.REPORTING))])
    with pytest.raises(ModelError):
        bad.apply(d)
    assert orgd.dumps(d) == before


def _random_op(d, draw):
    units = list(d.units)
    choice = draw(st.integers(0, 5))
    if choice == 0 or len(units) < 2:
        uid = d.new_id("n")
        return ops.AddUnit(Unit(uid, f"新部署{uid}"))
    if choice == 1:
        return ops.remove_units(d, [draw(st.sampled_from(units))])
    if choice == 2:
        a, b = draw(st.sampled_from(units)), draw(st.sampled_from(units))
        kind = draw(st.sampled_from(list(FlowKind)))
        return ops.AddFlow(Flow(d.new_id("f"), a, b, kind))
    if choice == 3:
        return ops.UpdateUnit(draw(st.sampled_from(units)),
                              {"headcount": draw(st.integers(0, 999)), "x": 1.5})
    if choice == 4 and d.flows:
        fid = draw(st.sampled_from(list(d.flows)))
        return ops.UpdateFlow(fid, {"kind": draw(st.sampled_from(list(FlowKind)))})
    return ops.move_units(d, {u: (10.0, 20.0) for u in units[:3]})


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_random_edit_sequences_keep_invariants_and_undo(data):
    d = generate(60, companies=2, seed=data.draw(st.integers(0, 5)), csirt_members=5)
    start = orgd.dumps(d)
    inverses = []
    for _ in range(data.draw(st.integers(1, 15))):
        op = _random_op(d, data.draw)
        try:
            inverses.append(op.apply(d))
        except ModelError:
            pass  # refused edits leave the design unchanged (checked by the round trip below)
        _assert_invariants(d)
    for inv in reversed(inverses):
        inv.apply(d)
    assert orgd.dumps(d) == start


def _assert_invariants(d):
    superiors = {}
    for f in d.flows.values():
        assert f.source in d.units and f.target in d.units
        if f.kind is FlowKind.REPORTING:
            assert f.target not in superiors, "second superior"
            superiors[f.target] = f.source
    for uid in d.units:  # no cycles: walking up always ends
        seen = set()
        while uid in superiors:
            assert uid not in seen
            seen.add(uid)
            uid = superiors[uid]
    # The design's own index agrees with the flows.
    for uid in d.units:
        assert d.superior(uid) == superiors.get(uid)
    # And the file round-trips.
    assert orgd.dumps(orgd.loads(orgd.dumps(d))) == orgd.dumps(d)

"""Scenarios in one document: ops, undo, switching, the file format and its migration."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.formats import orgd
from orgdesigner.model import InvalidValueError
from orgdesigner.model import scenarios as sc

from .edits import apply_edits, edit


def _doc():
    d = templates.load("model-1")
    sc.create(d, "案A").apply(d)
    sc.create(d, "案B").apply(d)
    return d


def test_v1_file_without_scenarios_loads_unchanged():
    d = templates.load("model-1")
    data = orgd.to_data(d)
    assert "scenarios" not in data and data["version"] == orgd.FORMAT_VERSION == 2
    v1 = dict(data, version=1)
    again = orgd.build(orgd.parse(json.dumps(v1, ensure_ascii=False)))
    assert orgd.to_data(again) == data
    assert [s.id for s, _ in sc.list_scenarios(again)] == ["baseline"]


def test_proposals_round_trip_and_keep_baseline_ids():
    d = _doc()
    p1 = sc.design_of(d, "p1")
    assert list(p1.units) == list(d.units) and p1 is not d
    p1.update_unit("csirt", name="情報セキュリティ室")
    sc.recommend(d, "p1").apply(d)
    text = orgd.dumps(d)
    again = orgd.loads(text)
    assert orgd.dumps(again) == text
    names = [s.display_name("ja") for s, _ in sc.list_scenarios(again)]
    assert names == ["現状", "案A", "案B"]
    assert sc.scenarios_of(again).recommended().id == "p1"
    assert sc.design_of(again, "p1").units["csirt"].name == "情報セキュリティ室"
    assert again.units["csirt"].name == "社内 CSIRT"


def test_rename_reorder_delete_are_undoable():
    d = _doc()
    before = orgd.dumps(d)
    inverses = [op.apply(d) for op in (sc.UpdateScenario("p1", {"name": "案X"}),
                                       sc.MoveScenario("p2", 1),
                                       sc.RemoveScenario("p1"))]
    assert [s.name for s in sc.scenarios_of(d).items] == ["", "案B"]
    for inv in reversed(inverses):
        inv.apply(d)
    assert orgd.dumps(d) == before
    with pytest.raises(InvalidValueError):
        sc.RemoveScenario("baseline").apply(d)
    with pytest.raises(InvalidValueError):
        sc.MoveScenario("p1", 0).apply(d)


def test_switching_shows_the_proposal_and_saves_the_baseline_on_top():
    d = _doc()
    sc.design_of(d, "p2").update_unit("mkt", name="営業企画部")
    saved = orgd.dumps(d)
    back = sc.SwitchScenario("p2").apply(d)
    assert d.units["mkt"].name == "営業企画部"
    assert sc.scenarios_of(d).active == "p2"
    d.update_unit("sys", headcount=99)  # an edit made while the proposal is open
    data = orgd.to_data(d)
    assert data["units"][1]["name"] == "マーケティング部"  # the baseline stays on top
    p2 = next(s for s in data["scenarios"] if s["id"] == "p2")["changes"]
    assert [u["id"] for u in p2["units"]["set"]] == ["mkt", "sys"]  # only what differs
    assert next(u for u in p2["units"]["set"] if u["id"] == "sys")["headcount"] == 99
    back.apply(d)
    assert d.units["mkt"].name == "マーケティング部"
    assert sc.design_of(d, "p2").units["sys"].headcount == 99
    d2 = orgd.loads(saved)
    assert orgd.dumps(d2) == saved


def test_bad_scenarios_are_reported_with_their_path():
    d = _doc()
    sc.design_of(d, "p1").update_unit("mkt", headcount=5)
    data = orgd.to_data(d)
    data["scenarios"][1]["changes"]["units"]["set"][0]["kind"] = "departmnt"
    with pytest.raises(orgd.LoadError, match=r"scenarios\[1\]: units\[1\]: 'departmnt'"):
        orgd.build(data)
    data = orgd.to_data(d)
    data["scenarios"][1]["changes"]["units"]["order"] = ["mkt"]
    with pytest.raises(orgd.LoadError, match=r"scenarios\[1\].*units\.order"):
        orgd.build(data)
    data["scenarios"] = "x"
    with pytest.raises(orgd.LoadError, match="scenarios"):
        orgd.build(data)


@settings(max_examples=40, deadline=None)
@given(st.lists(edit, max_size=8), st.lists(edit, max_size=8))
def test_switching_back_and_forth_keeps_every_scenario(edits_base, edits_prop):
    d = templates.load("model-2")
    sc.create(d, "案A").apply(d)
    apply_edits(d, edits_base)  # the baseline edited while open
    base = orgd.to_data(sc.snapshot(d))
    back = sc.SwitchScenario("p1").apply(d)
    apply_edits(d, edits_prop)  # the proposal edited while open
    prop = orgd.to_data(sc.snapshot(d))
    back.apply(d)
    assert orgd.to_data(sc.snapshot(d)) == base
    assert orgd.to_data(sc.design_of(d, "p1")) == prop
    again = orgd.loads(orgd.dumps(d))
    assert orgd.to_data(sc.design_of(again, "p1")) == prop


def test_proposal_summaries_for_the_deck():
    from orgdesigner.analysis.proposals import summaries

    d = _doc()
    sc.recommend(d, "p2").apply(d)
    rows = summaries(d, "ja")
    assert [(r.name, r.is_baseline, r.recommended) for r in rows] == [
        ("現状", True, False), ("案A", False, False), ("案B", False, True)]
    assert rows[0].comparison is None and rows[2].comparison.diff.is_empty()


def test_a_proposal_costs_what_it_changes_in_the_file():
    from orgdesigner.synthetic import generate

    d = generate(300, seed=5)
    alone = len(orgd.dumps(d))
    sc.create(d, "案A").apply(d)
    sc.design_of(d, "p1").update_unit(next(iter(d.units)), name="変更")
    text = orgd.dumps(d)
    assert len(text) < alone + 2000
    again = orgd.loads(text)
    assert orgd.to_data(sc.design_of(again, "p1")) == orgd.to_data(sc.design_of(d, "p1"))


_json = st.recursive(st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=4),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.sampled_from(["id", "set", "remove", "order", "units",
                                                        "flows", "name", "kind"]), inner,
                                       max_size=3), max_leaves=8)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_malformed_scenarios_give_load_errors_never_crashes(data):
    d = _doc()
    sc.design_of(d, "p1").update_unit("mkt", headcount=5)
    raw = orgd.to_data(d)
    target = data.draw(st.sampled_from(["entry", "changes", "units", "set", "remove",
                                        "order"]))
    value = data.draw(_json)
    entry = raw["scenarios"][1]
    if target == "entry":
        raw["scenarios"][1] = value
    elif target == "changes":
        entry["changes"] = value
    elif target == "units":
        entry["changes"]["units"] = value
    elif target in ("set", "remove"):
        entry["changes"]["units"][target] = value
    else:
        entry["changes"]["units"]["order"] = value
    try:
        orgd.build(raw)
    except orgd.LoadError as exc:
        assert exc.problems and all(p.text("ja") for p in exc.problems)


@pytest.mark.parametrize("part, value", [("remove", [[]]), ("remove", [{"id": "mkt"}]),
                                         ("order", [["mkt"]])])
def test_ids_that_are_not_text_are_a_load_error(part, value):
    """A removed or ordered id that is a list or an object (Hypothesis found `remove: [[]]`
    crashing the load with a TypeError) is reported like any malformed change."""
    d = _doc()
    sc.design_of(d, "p1").update_unit("mkt", headcount=5)
    raw = orgd.to_data(d)
    raw["scenarios"][1]["changes"].setdefault("units", {})[part] = value
    with pytest.raises(orgd.LoadError):
        orgd.build(raw)


@settings(max_examples=20, deadline=None)
@given(st.integers(20, 300), st.integers(1, 30))
def test_an_added_proposal_keeps_a_copy_of_its_own(n, seed):
    """AddScenario stores the proposal's design copied (not deep-copied any more): the
    same file content, and nothing the caller does to its design afterwards reaches it."""
    from orgdesigner.synthetic import generate

    doc = templates.load("model-1")
    proposal = generate(n, seed=seed)
    text = orgd.dumps(proposal)
    sc.create(doc, "案", proposal=proposal).apply(doc)
    stored = sc.scenarios_of(doc).items[-1].design
    assert stored is not proposal and orgd.dumps(stored) == text
    uid, unit = next(iter(proposal.units.items()))
    proposal.update_unit(uid, name="changed")
    if unit.plan is not None:
        unit.plan.members.clear()
    proposal.remove_flow(next(iter(proposal.flows)))
    assert orgd.dumps(stored) == text

"""The comparison: hand-built pairs for each kind of change, and properties over random
edit sequences (compare(A, A) is empty; inverted equals the other way round; applying the
diff to A gives B)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.analysis.compare import structural_diff
from orgdesigner.analysis.comparison import compare
from orgdesigner.formats import orgd
from orgdesigner.model import Flow, FlowKind, Function, Member, Unit, UnitKind, ops
from orgdesigner.model.diff import diff_ops
from orgdesigner.model.scenarios import snapshot

from .edits import apply_edits, edit

TEMPLATES = ["model-1", "model-2", "model-4", "consensual"]


def _pair(template: str = "model-1"):
    a = templates.load(template)
    return a, snapshot(a)


def test_identical_designs_give_an_empty_comparison():
    a, b = _pair()
    c = compare(a, b)
    assert c.diff.is_empty() and not c.resolved and not c.new
    assert len(c.remaining) == len(c.report_before.findings)
    assert c.footprint.numbers() == {"moved": 0, "people": 0, "authority": 0, "must_agree": 0}
    assert c.to_json()["identical"] is True


def test_each_kind_of_unit_change():
    a, b = _pair()
    b.update_unit("mkt", name="営業企画部", name_en="Sales Planning")
    b.update_unit("risk", kind=UnitKind.DEPARTMENT)
    b.update_unit("other", headcount=40)
    ops.remove_units(b, ["dev"]).apply(b)
    b.add_unit(Unit("new", "CISO", UnitKind.EXECUTIVE))
    b.add_flow(Flow("fn", "mgmt", "new", FlowKind.REPORTING))
    f = next(f for f in b.flows.values() if f.target == "csirt" and f.kind is FlowKind.REPORTING)
    b.remove_flow(f.id)
    b.add_flow(Flow("fc", "new", "csirt", FlowKind.REPORTING))
    d = compare(a, b).diff
    assert [x.after_id for x in d.renamed] == ["mkt"]
    assert [(x.after_id, x.old, x.new) for x in d.rekinded] == [
        ("risk", UnitKind.SECTION, UnitKind.DEPARTMENT)]
    assert [(x.after_id, x.fields if hasattr(x, "fields") else x.new) for x in d.changed] == [
        ("other", ("headcount",))]
    assert d.units_removed == ["dev"] and d.units_added == ["new"]
    assert [(x.after_id, x.old, x.new) for x in d.moved] == [("csirt", "risk", "new")]
    assert "fn" in d.flows_added and "fc" in d.flows_added and f.id in d.flows_removed


def test_footprint_counts_moves_people_authority_and_who_must_agree():
    a, b = _pair()
    b.update_unit("dev", headcount=30)
    rep = next(f for f in b.flows.values() if f.target == "dev" and f.kind is FlowKind.REPORTING)
    b.remove_flow(rep.id)
    b.add_flow(Flow("r", "mgmt", "dev", FlowKind.REPORTING))
    b.add_flow(Flow("cmd", "csirt", "mkt", FlowKind.COMMAND))
    plan = b.units["csirt"].plan
    plan.members.append(Member("新任", "analyst", "other", 1.0))
    b.set_plan("csirt", plan)
    b.update_unit("sys", functions=(Function.SYSTEM_DEVELOPMENT,))
    fp = compare(a, b).footprint
    assert fp.units("moved") == ["dev"]
    assert fp.people_count == 31  # 30 in the moved division + 1 newly assigned member
    reasons = {i.unit: i.reasons for i in fp.authority}
    assert reasons == {"mkt": ("receives_command",), "sys": ("loses_function", "loses_unit")}
    agree = {i.unit: i.reasons for i in fp.must_agree}
    assert set(agree) == {"mgmt", "mkt", "sys"}
    assert "new_superior" in agree["mgmt"] and "executive_above" in agree["mgmt"]


def test_group_companies_and_separate_files_match_by_name():
    a = templates.load("model-2")
    data = orgd.to_data(a)  # the same organisation drawn separately: other ids throughout
    for u in data["units"]:
        u["id"] = "x_" + u["id"]
        for m in (u.get("plan") or {}).get("members", []):
            m["home_unit"] = "x_" + m["home_unit"] if m["home_unit"] else ""
    for f in data["flows"]:
        f["id"], f["source"], f["target"] = "y" + f["id"], "x_" + f["source"], "x_" + f["target"]
    b = orgd.build(data)
    d = structural_diff(a, b)
    assert not d.units_added and not d.units_removed and not d.flows_added, d
    assert d.unit_map == {u: "x_" + u for u in a.units}


def test_findings_resolved_and_new():
    a, b = _pair()
    b.add_flow(Flow("esc", "csirt", "mgmt", FlowKind.REPORT))
    c = compare(a, b)
    assert [f.id for f in c.resolved] == ["no-escalation"]
    assert not c.new
    back = compare(b, a)
    assert [f.id for f in back.new] == ["no-escalation"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(TEMPLATES), st.lists(edit, max_size=12))
def test_compare_with_itself_is_empty(template, edits):
    a = apply_edits(templates.load(template), edits)
    assert structural_diff(a, snapshot(a)).is_empty()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEMPLATES), st.lists(edit, max_size=10), st.lists(edit, max_size=10))
def test_inverted_equals_the_other_way_round(template, edits_a, edits_b):
    base = templates.load(template)
    a = apply_edits(snapshot(base), edits_a)
    b = apply_edits(snapshot(base), edits_b)
    assert structural_diff(a, b).inverted() == structural_diff(b, a)
    ab, ba = compare(a, b), compare(b, a)
    assert sorted(f.id for f in ab.resolved) == sorted(f.id for f in ba.new)
    assert sorted(f.id for f in ab.new) == sorted(f.id for f in ba.resolved)
    assert (ab.cost.before, ab.cost.after) == (ba.cost.after, ba.cost.before)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEMPLATES), st.lists(edit, max_size=10), st.lists(edit, max_size=10))
def test_applying_the_diff_to_a_gives_b(template, edits_a, edits_b):
    base = templates.load(template)
    a = apply_edits(snapshot(base), edits_a)
    b = apply_edits(snapshot(base), edits_b)
    diff_ops(a, b).apply(a)
    assert orgd.to_data(a) == orgd.to_data(b)
    assert structural_diff(a, b).is_empty()


def test_a_unit_moving_to_another_group_company_is_a_change_of_company():
    a, b = _pair("model-2")
    uid = next(u.id for u in b.units.values() if u.company and u.kind is UnitKind.DEPARTMENT)
    other = next(c for c in b.companies if c != b.units[uid].company)
    b.update_unit(uid, company=other)
    d = compare(a, b).diff
    assert [(x.after_id, x.new) for x in d.changed] == [(uid, ("company",))]
    assert not d.moved and not d.units_added


def test_a_department_delegating_to_the_csirt_must_agree_with_its_executive():
    a, b = _pair("strong-authority")
    dept = next(u.id for u in b.units.values() if u.kind is UnitKind.DEPARTMENT)
    b.add_flow(Flow("dlg", dept, next(u.id for u in b.csirts()), FlowKind.DELEGATION))
    fp = compare(a, b).footprint
    assert [(i.unit, i.reasons) for i in fp.authority] == [(dept, ("delegates",))]
    agree = {i.unit: i.reasons for i in fp.must_agree}
    assert agree[dept] == ("delegates",)
    above = [u for u, r in agree.items() if r == ("executive_above",)]
    assert len(above) == 1 and b.units[above[0]].kind in (UnitKind.EXECUTIVE,
                                                          UnitKind.MANAGEMENT)

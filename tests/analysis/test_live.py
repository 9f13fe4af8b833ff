"""The live checker equals a fresh full check after every edit.

Hypothesis drives long random edit sequences (units added, removed, renamed, moved,
re-kinded, re-parented, moved between companies; functions, plans, members and roles;
flows added, removed, re-kinded, re-targeted; companies added, removed, re-kinded, taken
out of scope; costs, sector, process steps; undo and redo of all of these) over templates
and generated groups, and after each edit compares `LiveCheck.report()` with `check()`:
the same findings in the same order (rule, severity, units, flows, source, both languages'
texts, quick-fix labels and the quick fix's operations), the same authority style, nearest
models and process report.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import synthetic, templates
from orgdesigner.analysis import check
from orgdesigner.analysis.live import LiveCheck
from orgdesigner.model import (
    Authority,
    Company,
    CompanyKind,
    CostCategory,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    ModelError,
    ProcessStatus,
    Sector,
    ServiceHours,
    Unit,
    UnitKind,
    ops,
)
from orgdesigner.model.entities import CostItem
from orgdesigner.model.process import STEP_KEYS

#: Names that rules read (CIO/CISO, an NCA or MSSP unit) and names several units share.
NAMES = ["CIO", "CISO", "CIO兼CISO", "情報システム担当役員", "Nippon CSIRT Association (NCA)",
         "JPCERT/CC", "MSSP", "SOC vendor", "Management", "経営会議", "法務部", "IT部", "A", "B"]
ROLES = ["analyst", "manager", "engineer", "liaison", "handler", "forensic", "PoC", "技術"]
SERVICES = ["exercises", "training_education", "incident_handling", "monitoring"]


def _start(kind: int) -> Design:
    ids = templates.ids()
    if kind < len(ids):
        return templates.load(ids[kind])
    return synthetic.generate(60 + 40 * (kind - len(ids)), seed=kind)


def _pick(draw, seq):  # type: ignore[no-untyped-def]
    seq = list(seq)
    return seq[draw(st.integers(0, len(seq) - 1))] if seq else None


def _plan(draw, d: Design) -> CsirtPlan | None:  # type: ignore[no-untyped-def]
    if draw(st.integers(0, 5)) == 0:
        return None
    members = []
    for i in range(draw(st.integers(0, 4))):
        home = draw(st.sampled_from(["", "id", "name", "nowhere"]))
        u = _pick(draw, d.units.values())
        home_unit = {"": "", "nowhere": "Nowhere Dept.",
                     "id": u.id if u else "", "name": u.name if u else ""}[home]
        members.append(Member(f"m{i}", draw(st.sampled_from(ROLES)), home_unit,
                              draw(st.sampled_from([0.0, 0.2, 0.5, 1.0])), draw(st.booleans())))
    return CsirtPlan(members, draw(st.lists(st.sampled_from(SERVICES), max_size=2, unique=True)),
                     draw(st.sampled_from(list(ServiceHours))), "",
                     draw(st.booleans()), draw(st.sampled_from(list(Authority))))


def _edit(draw, d: Design) -> ops.Op | None:  # type: ignore[no-untyped-def]
    """One random edit (None: nothing applicable)."""
    units = list(d.units)
    flows = list(d.flows)
    companies = [""] + list(d.companies)
    what = draw(st.integers(0, 21))
    u = _pick(draw, units)
    if what == 0 or u is None:
        uid = d.new_id("u")
        unit = Unit(uid, draw(st.sampled_from(NAMES)), draw(st.sampled_from(list(UnitKind))),
                    functions=tuple(draw(st.lists(st.sampled_from(list(Function)), max_size=2,
                                                  unique=True))),
                    company=_pick(draw, companies) or "")
        index = draw(st.sampled_from([None, 0, len(units) // 2]))
        add: list[ops.Op] = [ops.AddUnit(unit, index)]
        up = _pick(draw, units)
        if up is not None and draw(st.booleans()):
            add.append(ops.AddFlow(Flow(d.new_id("f"), up, uid, FlowKind.REPORTING)))
        return ops.Batch(add)
    if what == 1:  # delete a unit with its flows
        mine = [f for f in flows if u in (d.flows[f].source, d.flows[f].target)]
        return ops.Batch([ops.RemoveFlow(f) for f in mine] + [ops.RemoveUnit(u)])
    if what in (2, 20):  # a rename; often of an outside party, whose name rules read
        externals = [x for x in units if d.units[x].kind is UnitKind.EXTERNAL]
        if externals and draw(st.booleans()):
            u = _pick(draw, externals)
        field = draw(st.sampled_from(["name", "name_en"]))
        other = d.units[_pick(draw, units)]  # another unit's name: names become shared
        return ops.UpdateUnit(u, {field: draw(st.sampled_from(
            NAMES + ["", other.name, other.name_en or other.name]))})
    if what == 3:
        return ops.UpdateUnit(u, {"x": draw(st.floats(-500, 500)), "y": 1.0,
                                  "headcount": draw(st.integers(0, 9)), "notes": "n"})
    if what == 4:
        return ops.UpdateUnit(u, {"kind": draw(st.sampled_from(list(UnitKind)))})
    if what == 5:
        return ops.UpdateUnit(u, {"functions": tuple(draw(st.lists(
            st.sampled_from(list(Function)), max_size=3, unique=True)))})
    if what == 6:
        return ops.UpdateUnit(u, {"company": _pick(draw, companies) or ""})
    if what == 7:
        csirts = [x for x in units if d.units[x].kind is UnitKind.CSIRT]
        return ops.SetPlan(_pick(draw, csirts) or u, _plan(draw, d))
    if what in (8, 9, 10):
        csirts = [x for x in units if d.units[x].kind is UnitKind.CSIRT]
        if csirts and draw(st.booleans()):  # a CSIRT's flow: most rules read those
            u = _pick(draw, csirts)
        v = _pick(draw, units)
        kind = draw(st.sampled_from(list(FlowKind)))
        index = draw(st.sampled_from([None, None, 0]))
        return ops.AddFlow(Flow(d.new_id("f"), u, v or u, kind), index)
    if what == 11 and flows:
        return ops.RemoveFlow(_pick(draw, flows))
    if what == 12 and flows:
        f = _pick(draw, flows)
        change = draw(st.sampled_from(["kind", "source", "target", "label"]))
        value = {"kind": draw(st.sampled_from(list(FlowKind))), "label": "x",
                 "source": _pick(draw, units), "target": _pick(draw, units)}[change]
        return ops.UpdateFlow(f, {change: value})
    if what == 13:  # re-parent: the drag "move under"
        sup = d.reporting_flow(u)
        v = _pick(draw, units)
        moves: list[ops.Op] = [ops.RemoveFlow(sup)] if sup else []
        return ops.Batch(moves + [ops.AddFlow(Flow(d.new_id("f"), v, u, FlowKind.REPORTING))])
    if what == 14:
        cid = d.new_id("c")
        return ops.AddCompany(Company(cid, draw(st.sampled_from(NAMES)), "",
                                      draw(st.sampled_from(list(CompanyKind))),
                                      draw(st.booleans())),
                              draw(st.sampled_from([None, 0])))
    if what == 15 and len(companies) > 1:
        c = _pick(draw, companies[1:])
        return ops.Batch([ops.UpdateUnit(x.id, {"company": ""}) for x in d.units_in(c)]
                         + [ops.RemoveCompany(c)])
    if what == 16 and len(companies) > 1:
        c = _pick(draw, companies[1:])
        change = draw(st.sampled_from(["kind", "in_scope", "name", "x"]))
        value = {"kind": draw(st.sampled_from(list(CompanyKind))), "in_scope": draw(st.booleans()),
                 "name": draw(st.sampled_from(NAMES)), "x": 3.0}[change]
        return ops.UpdateCompany(c, {change: value})
    if what == 17:
        if d.costs and draw(st.booleans()):
            return ops.RemoveCost(_pick(draw, d.costs))
        return ops.AddCost(CostItem(d.new_id("k"), "c", draw(st.sampled_from(
            [CostCategory.TRAINING, CostCategory.PERSONNEL, CostCategory.TOOLS])),
            amounts=[Decimal(draw(st.sampled_from([0, 100])))]))
    if what == 18:
        return ops.SetProcess(draw(st.sampled_from(sorted(STEP_KEYS))),
                              draw(st.sampled_from(list(ProcessStatus))))
    if what == 19:
        return ops.UpdateMetadata({"sector": draw(st.sampled_from(list(Sector)))})
    return None  # 21 and inapplicable choices: undo / redo


def _findings(report, design: Design) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(f.id, f.severity, f.units, f.flows, f.source, f.message("en"), f.message("ja"),
             f.suggestion("en"), f.suggestion("ja"), f.fix_label("en"), f.fix_label("ja"),
             f.has_fix) for f in report.findings]


def _fixes(report, design: Design) -> list[str]:  # type: ignore[no-untyped-def]
    """Each quick fix's operations, built now from the same id counters (then restored):
    what the builders produce, not a batch cached before ids were drawn elsewhere."""
    saved = dict(design._counters)
    out = []
    for f in report.findings:
        design._counters = dict(saved)
        f._fix = None
        out.append(repr(f.fix.ops) if f.has_fix else "")
    design._counters = saved
    return out


def _rest(report) -> tuple:  # type: ignore[no-untyped-def]
    a = report.authority
    return ((a.style, a.evidence, a.partial, a.csirt, a.explanation("en"),
             a.explanation("ja")),
            [(m.template_id, m.score, [(c.key, c.similarity, c.design)
                                       for c in m.comparisons]) for m in report.nearest],
            report.process.to_json("en"), report.main_csirt)


def _same(live: LiveCheck, d: Design, fixes: bool) -> None:
    got, want = live.report(), check(d)
    assert _findings(got, d) == _findings(want, d)
    assert _rest(got) == _rest(want)
    if fixes:
        assert _fixes(got, d) == _fixes(want, d)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(start=st.integers(0, len(templates.ids()) + 2), data=st.data())
def test_live_check_equals_full_check_after_every_edit(start: int, data) -> None:  # type: ignore[no-untyped-def]
    d = _start(start)
    live = LiveCheck(d)
    _same(live, d, fixes=True)
    done: list[ops.Op] = []  # inverses, for undo
    undone: list[ops.Op] = []  # for redo
    for step in range(data.draw(st.integers(20, 70))):
        op = _edit(data.draw, d)
        try:
            if op is None:
                if done and data.draw(st.booleans()):
                    undone.append(done.pop().apply(d))
                elif undone:
                    done.append(undone.pop().apply(d))
            else:
                done.append(op.apply(d))
                undone.clear()
        except ModelError:
            pass  # refused (a cycle, a second superior): nothing changed
        pause = data.draw(st.integers(0, 5))
        if pause == 0:
            continue  # a burst: several edits before the next report
        if pause == 1:  # a sliced re-check the next edit interrupts (the dock's way)
            run = live.steps()
            for _ in range(data.draw(st.integers(0, 6))):
                next(run, None)
            continue
        _same(live, d, fixes=step % 5 == 0)
    _same(live, d, fixes=True)
    live.close()


def test_a_move_reruns_no_rule_and_a_rename_no_walk_over_every_unit() -> None:
    """The point of it: a drag re-checks nothing; a rename re-runs only the cheap rules."""
    d = synthetic.generate(300, seed=3)
    live = LiveCheck(d)
    first = live.report()
    uid = next(iter(d.units))
    d.update_unit(uid, x=d.units[uid].x + 40)
    assert live.report() is first
    d.update_unit(uid, name="Renamed")
    live.report()
    assert live.last_rerun is not None
    assert not {"reports-bypass", "group-jurisdiction", "no-legal-pr",
                "lacks-authority", "upward-delegation"} & set(live.last_rerun)
    assert _findings(live.report(), d) == _findings(check(d), d)


def test_a_sliced_run_yields_between_rules_and_an_edit_ends_it() -> None:
    """The dock runs the re-check in slices; an edit between two slices ends that run, and
    the next one re-runs what was left, so the result is still the full check's."""
    d = synthetic.generate(200, seed=5)
    live = LiveCheck(d)
    live.report()
    units = list(d.units)
    d.update_unit(units[5], kind=UnitKind.TEAM)
    run = live.steps()
    assert next(run) is None  # one rule done, control back to the caller
    d.update_unit(units[6], kind=UnitKind.SECTION)
    assert list(run) == []  # the edit ended that run
    results = list(live.steps())
    assert results[-1] is not None and all(r is None for r in results[:-1])
    assert _findings(results[-1], d) == _findings(check(d), d)


@pytest.mark.parametrize("pauses", [1, 2, 4, 7])
def test_an_edit_while_the_first_check_builds_its_context_starts_it_over(pauses, monkeypatch):
    """The first check builds its context in slices (a 50,000-unit group: 0.3–0.5 s); an
    edit between two of them must not leave a context of the design before the edit."""
    from orgdesigner.analysis import context

    monkeypatch.setattr(context, "STEP", 50)  # several pauses on a small design
    d = synthetic.generate(300, seed=7)
    live = LiveCheck(d)
    run = live.steps()
    for _ in range(pauses):
        assert next(run) is None
    assert live._ctx is None  # still building
    csirt = next(u for u in d.units.values() if u.kind is UnitKind.CSIRT)
    d.update_unit(csirt.id, kind=UnitKind.DEPARTMENT)  # the CSIRT is gone
    assert list(run) == []  # that run ended
    results = list(live.steps())
    assert results[-1] is not None
    assert _findings(results[-1], d) == _findings(check(d), d)
    live.close()


def test_a_kept_findings_quick_fix_label_names_the_unit_as_it_is_now() -> None:
    """Found by the property above: "Add coordination with 'NCA (CIO)'" stayed after the
    NCA unit left company 'CIO' — the label was built at once, so re-checking only the
    rules an edit touches kept its old wording. Labels naming units are built when shown."""
    d = copy.deepcopy(templates.load(templates.ids()[0]))
    d.add_company(Company("cx", "CIO", "", CompanyKind.PARENT, True))
    d.add_unit(Unit("nca", "Nippon CSIRT Association (NCA)", UnitKind.EXTERNAL, company="cx"))
    other = next(u for u in d.units.values() if u.kind is UnitKind.DEPARTMENT)
    d.update_unit(other.id, name="Nippon CSIRT Association (NCA)")  # a shared name
    live = LiveCheck(d)
    labels = {f.fix_label("ja") for f in live.report().findings if f.id == "no-external"}
    assert labels == {"「Nippon CSIRT Association (NCA)（CIO）」との連携を追加"}
    d.update_unit("nca", company="")
    d.remove_company("cx")
    assert _findings(live.report(), d) == _findings(check(d), d)
    assert "「Nippon CSIRT Association (NCA)」との連携を追加" in {
        f.fix_label("ja") for f in live.report().findings}
    live.close()


def test_a_kept_finding_gets_a_fresh_quick_fix() -> None:
    """A fix built before an edit would reuse ids taken since; kept findings rebuild it."""
    d = copy.deepcopy(templates.load(templates.ids()[0]))
    live = LiveCheck(d)
    with_fix = [f for f in live.report().findings if f.has_fix]
    for f in with_fix:
        assert f.fix is not None
    d.update_unit(next(iter(d.units)), name="Renamed")
    for f in live.report().findings:
        assert f._fix is None


def _live_matches_after(d: Design, *edits) -> None:  # type: ignore[no-untyped-def]
    live = LiveCheck(d)
    _same(live, d, fixes=True)
    for edit in edits:
        edit()
        _same(live, d, fixes=True)


def test_renaming_an_outside_party_changes_the_no_external_fix() -> None:
    """no-external's fix coordinates with an existing NCA/JPCERT unit found by name."""
    from tests.analysis.conftest import clean

    b = clean()
    b.drop("csirt", "nca", FlowKind.COORDINATION)
    d = b.d
    assert check(d).by_id("no-external")
    _live_matches_after(d, lambda: d.update_unit("nca", name="Vendor X", name_en="Vendor X"),
                        lambda: d.update_unit("nca", name_en="JPCERT/CC"))


def test_a_csirt_agreement_with_a_group_company_ends_group_jurisdiction() -> None:
    from tests.analysis.conftest import group

    d = group().d
    assert check(d).by_id("group-jurisdiction")
    _live_matches_after(d, lambda: d.add_flow(Flow("g1", "csirt", "sm",
                                                   FlowKind.COORDINATION)))


def test_a_unit_leaving_its_company_drops_the_company_from_its_shared_name() -> None:
    """A name two units share is printed with the company; the kept finding's text must
    follow when the unit leaves the company (reuse-disaster-team is not re-run for it)."""
    from tests.analysis.conftest import group

    b = group()
    b.unit("dr1", "department", Function.DISASTER_RESPONSE, company="hq", name="防災")
    b.unit("dr2", "department", Function.DISASTER_RESPONSE, company="sub", name="防災")
    d = b.d
    assert check(d).by_id("reuse-disaster-team")
    _live_matches_after(d, lambda: d.update_unit("dr1", company=""))

"""Every rule both ways: silent on the clean design, firing on the same design with exactly
that problem introduced (and, where it matters, silent on a near miss)."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import RULES, Severity, check
from orgdesigner.model import (
    Authority,
    CompanyKind,
    CostCategory,
    CostItem,
    FlowKind,
    Function,
    Member,
    ServiceHours,
    ops,
)

K = FlowKind
F = Function


def ids(design) -> list[str]:
    return [f.id for f in check(design).findings]


def only(design, rule_id: str):
    found = check(design).by_id(rule_id)
    assert found, f"{rule_id} did not fire; findings: {ids(design)}"
    return found


def test_clean_design_has_no_findings(make):
    report = check(make.clean().d)
    assert report.findings == [], [f.id for f in report.findings]
    assert report.authority.style == "strong"


def test_every_rule_is_documented_and_cited():
    for r in RULES.values():
        assert len(r.condition) > 40, f"{r.id} needs a precise docstring"
        assert r.source and r.severity in Severity
    catalogue = {"no-csirt", "no-sponsor", "lacks-authority", "far-from-management",
                 "relies-on-other-division", "no-escalation", "reports-bypass", "no-external",
                 "no-business-members", "no-legal-pr", "staff-doubling", "understaffed",
                 "24x7-unstaffed", "group-jurisdiction", "reuse-disaster-team", "no-exercises",
                 "no-budget"}
    assert catalogue <= set(RULES)


# ---- where the CSIRT sits --------------------------------------------------------------
def test_no_csirt(make):
    b = make.clean()
    ops.remove_units(b.d, ["csirt"]).apply(b.d)
    f = only(b.d, "no-csirt")[0]
    assert f.severity is Severity.ERROR and f.has_fix


def test_empty_design(make):
    found = ids(make.Builder().d)
    assert found == ["no-csirt", "empty-design"]


def test_csirts_unlinked(make):
    b = make.clean()
    b.unit("csirt2", "csirt", under="mgmt", plan=make.plan())
    f = only(b.d, "csirts-unlinked")[0]
    assert set(f.units) == {"csirt", "csirt2"}
    b.flow("csirt2", "csirt", K.REPORT)
    assert "csirts-unlinked" not in ids(b.d)


def test_no_sponsor_floating_csirt(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.drop("cio", "csirt", K.DELEGATION)
    f = only(b.d, "no-sponsor")[0]
    assert f.units == ("csirt",) and f.severity is Severity.ERROR


def test_no_sponsor_under_a_tree_without_management(make):
    b = make.Builder()
    b.unit("it", "department", F.IT_OPERATIONS)
    b.unit("c", "csirt", under="it", plan=make.plan())
    assert only(b.d, "no-sponsor")[0].units == ("c",)
    b.unit("boss", "executive")
    b.flow("boss", "c", K.DELEGATION)  # sponsored through a delegation, not the tree
    assert "no-sponsor" not in ids(b.d)


def test_far_from_management(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.unit("adm", "department", F.ADMINISTRATION, under="mgmt")
    b.unit("risk", "division", F.RISK_MANAGEMENT, under="adm")
    b.flow("risk", "csirt", K.REPORTING)
    b.drop("cio", "csirt", K.DELEGATION)
    f = only(b.d, "far-from-management")[0]
    assert f.units == ("csirt", "risk", "adm", "mgmt") and f.severity is Severity.WARNING
    assert len(f.flows) == 3
    assert "3 levels" in f.message("en") and "3 階層" in f.message("ja")
    # a section of a line department directly below management: the common Japanese case
    b.drop("risk", "csirt", K.REPORTING)
    b.flow("adm", "csirt", K.REPORTING)
    f = only(b.d, "far-from-management")[0]
    assert f.severity is Severity.WARNING and "2 levels" in f.message("en")
    # delegated authority and a direct report to an executive soften it to info
    b.flow("cio", "csirt", K.DELEGATION)
    assert only(b.d, "far-from-management")[0].severity is Severity.INFO


def test_far_from_management_under_executive(make):
    """Under a CIO/CISO with delegated authority is the textbook's alternative (the clean
    design); without the delegation it is worth an info; directly below management, nothing."""
    b = make.clean()
    assert "far-from-management" not in ids(b.d)
    b.drop("cio", "csirt", K.DELEGATION)
    f = only(b.d, "far-from-management")[0]
    assert f.severity is Severity.INFO and f.units == ("csirt", "cio")
    b.drop("cio", "csirt", K.REPORTING)
    b.flow("mgmt", "csirt", K.REPORTING)
    assert "far-from-management" not in ids(b.d)


def test_far_from_management_ignores_security_only_departments(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.unit("sec", "department", F.SECURITY_CENTER, under="mgmt")
    b.flow("sec", "csirt", K.REPORTING)
    assert "far-from-management" not in ids(b.d)


def test_upward_delegation(make):
    b = make.clean()
    b.flow("csirt", "mgmt", K.DELEGATION)
    f = only(b.d, "upward-delegation")[0]
    assert f.units == ("csirt", "mgmt") and f.has_fix
    kinds = [(type(op).__name__) for op in f.fix.ops]
    assert kinds == ["RemoveFlow", "AddFlow"]
    assert (f.fix.ops[1].flow.source, f.fix.ops[1].flow.target) == ("mgmt", "csirt")


def test_cio_is_ciso(make):
    b = make.clean()
    assert "cio-is-ciso" not in ids(b.d)
    b.d.update_unit("cio", name="CIO兼CISO", name_en="CIO & CISO")
    f = only(b.d, "cio-is-ciso")[0]
    assert f.severity is Severity.WARNING and f.units == ("cio", "csirt")
    assert "makes no judgement" in f.message("en")
    assert "講演はこの点に触れていません" in f.message("ja")
    b.flow("csirt", "mgmt", K.REPORT)  # escalation that does not pass through the CIO
    assert only(b.d, "cio-is-ciso")[0].severity is Severity.INFO


def test_lacks_authority(make):
    b = make.clean()
    b.drop("csirt", "itops", K.COMMAND)
    f = only(b.d, "lacks-authority")[0]
    assert f.units == ("csirt", "itops")


def test_authority_reaches_through_reporting_subordinates(make):
    b = make.clean()
    b.drop("csirt", "itops", K.COMMAND)
    b.unit("sys", "department", F.SYSTEM_DEVELOPMENT, under="mgmt")
    b.flow("itops", "csirt", K.REPORT)
    b.d.remove_flow(next(f.id for f in b.d.flows.values()
                         if f.target == "itops" and f.kind is K.REPORTING))
    b.flow("sys", "itops", K.REPORTING)
    b.flow("csirt", "sys", K.COMMAND)  # commanding the parent reaches IT operations below
    assert "lacks-authority" not in ids(b.d)


def test_lacks_authority_silent_without_systems_units(make):
    b = make.Builder()
    b.unit("m", "management")
    b.unit("c", "csirt", under="m", plan=make.plan())
    assert "lacks-authority" not in ids(b.d)


def test_authority_unbacked(make):
    b = make.clean()
    b.drop("cio", "csirt", K.DELEGATION)
    assert only(b.d, "authority-unbacked")[0].units == ("csirt",)
    b = make.clean(make.plan(authority=Authority.SHARED))
    b.drop("cio", "csirt", K.DELEGATION)
    assert "authority-unbacked" not in ids(b.d)


def test_no_escalation(make):
    b = make.clean()
    b.drop("csirt", "cio", K.REPORT)
    b.flow("csirt", "sales", K.REPORT)
    f = only(b.d, "no-escalation")[0]
    assert f.units == ("csirt", "sales") and len(f.flows) == 1
    b.flow("sales", "mgmt", K.REPORT)  # a chain of reports that ends at management
    assert "no-escalation" not in ids(b.d)


def test_no_mandate(make):
    b = make.clean(make.plan(mandate=False))
    assert only(b.d, "no-mandate")[0].severity is Severity.INFO


# ---- flows around the CSIRT ----------------------------------------------------------------
def test_reports_bypass_lists_topmost_units(make):
    b = make.clean()
    b.drop("sales", "csirt", K.REPORT)
    b.unit("sales1", "section", F.SALES, under="sales")
    f = only(b.d, "reports-bypass")[0]
    assert f.units == ("sales",)  # its section is covered once the department is


def test_reports_bypass_coverage_rules(make):
    b = make.clean()
    b.unit("sales1", "section", F.SALES, under="sales")  # covered through its department
    b.unit("mkt", "department", F.MARKETING, under="mgmt")
    b.flow("mkt", "csirt", K.REPORT)
    b.unit("relay", "department", F.GENERAL_AFFAIRS, under="mgmt")
    b.unit("prod", "department", F.PROFIT_CENTER, under="mgmt")
    b.flow("prod", "relay", K.REPORT)
    b.flow("relay", "csirt", K.REPORT)  # a chain of reports reaches the CSIRT
    assert "reports-bypass" not in ids(b.d)


def test_reports_bypass_counts_only_report_paths(make):
    """Consensus or support with the CSIRT is not a path for incident reports (the talk's
    lesson: incidents are resolved in each division)."""
    b = make.clean()
    b.drop("sales", "csirt", K.REPORT)
    b.flow("csirt", "sales", K.CONSENSUS)
    b.flow("csirt", "sales", K.SUPPORT)
    b.flow("sales", "csirt", K.COORDINATION)
    assert only(b.d, "reports-bypass")[0].units == ("sales",)


def test_reports_bypass_ignores_out_of_scope_companies(make):
    b = make.clean()
    b.company("far", CompanyKind.SUBSIDIARY, in_scope=False)
    b.unit("x", "department", F.SALES, company="far")
    assert "reports-bypass" not in ids(b.d)


def test_no_external(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    assert only(b.d, "no-external")[0].units == ("csirt",)
    b.flow("nca", "csirt", K.COORDINATION)  # either direction counts
    assert "no-external" not in ids(b.d)


def test_no_external_ignores_internal_coordination(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    b.flow("csirt", "sales", K.COORDINATION)
    assert "no-external" in ids(b.d)


def test_no_legal_pr(make):
    b = make.clean()
    b.drop("csirt", "legal", K.CONSENSUS)
    b.drop("legal", "csirt", K.REPORT)
    f = only(b.d, "no-legal-pr")[0]
    assert f.units == ("csirt", "legal") and f.has_fix


def test_no_legal_pr_counts_ancestry_and_containment(make):
    """A CSIRT inside general affairs is linked; so is one that talks to the division that
    contains legal; the quick fix never targets the CSIRT's own superiors."""
    b = make.clean()
    b.drop("csirt", "legal", K.CONSENSUS)
    b.drop("legal", "csirt", K.REPORT)
    b.drop("cio", "csirt", K.REPORTING)
    b.unit("adm", "department", F.ADMINISTRATION, F.GENERAL_AFFAIRS, under="mgmt")
    b.flow("adm", "csirt", K.REPORTING)
    assert "no-legal-pr" not in ids(b.d)
    b.d.update_unit("adm", functions=(F.ADMINISTRATION,))
    b.unit("hq", "division", F.ADMINISTRATION, under="mgmt")
    b.drop("mgmt", "legal", K.REPORTING)
    b.flow("hq", "legal", K.REPORTING)
    b.d.update_unit("adm", functions=(F.ADMINISTRATION, F.MEDIA_RELATIONS))
    assert "no-legal-pr" not in ids(b.d)  # media relations is the CSIRT's superior
    b.d.update_unit("adm", functions=(F.ADMINISTRATION,))
    f = only(b.d, "no-legal-pr")[0]
    assert "adm" not in {op.flow.target for op in f.fix.ops}
    b.flow("csirt", "hq", K.CONSENSUS)  # the division that contains legal
    assert "no-legal-pr" not in ids(b.d)


def test_no_legal_pr_without_such_units_has_no_fix(make):
    b = make.Builder()
    b.unit("m", "management")
    b.unit("c", "csirt", under="m", plan=make.plan())
    f = only(b.d, "no-legal-pr")[0]
    assert not f.has_fix and f.fix is None


def test_group_jurisdiction(make):
    b = make.group()
    f = only(b.d, "group-jurisdiction")[0]
    assert f.units == ("sm", "csirt")
    b.flow("csirt", "sd", K.SUPPORT)  # support is neither authority nor coordination
    assert "group-jurisdiction" in ids(b.d)
    b.flow("csirt", "sm", K.COORDINATION)
    assert "group-jurisdiction" not in ids(b.d)


def test_group_jurisdiction_out_of_scope_company(make):
    b = make.clean()
    b.company("sub", CompanyKind.SUBSIDIARY, in_scope=False)
    b.unit("sm", "management", company="sub")
    assert "group-jurisdiction" not in ids(b.d)


def test_reuse_disaster_team(make):
    b = make.clean()
    b.unit("bcp", "team", F.DISASTER_RESPONSE, under="mgmt")
    b.flow("bcp", "csirt", K.REPORT)
    assert "reuse-disaster-team" not in ids(b.d)
    b.unit("quake", "team", F.DISASTER_RESPONSE, under="mgmt")
    b.flow("quake", "sales", K.REPORT)
    assert only(b.d, "reuse-disaster-team")[0].units == ("quake",)


# ---- people, services, budget ------------------------------------------------------------
def test_no_members(make):
    b = make.clean(make.plan(members=[]))
    f = only(b.d, "no-members")[0]
    assert f.severity is Severity.ERROR and f.units == ("csirt",)


def test_understaffed(make):
    members = make.plan().members[:2]
    b = make.clean(make.plan(members=members))
    assert "2.0 FTE" in only(b.d, "understaffed")[0].message("en")
    b = make.clean(make.plan(members=make.plan().members[:3]))  # exactly three
    assert "understaffed" not in ids(b.d)


def test_staff_doubling(make):
    members = [Member("A", "manager", "csirt", 1.0, True),
               Member("B", "analyst", "itops", 0.6, False),
               Member("C", "engineer", "itops", 0.6, False),
               Member("D", "coordinator", "sales", 0.9, False)]
    b = make.clean(make.plan(members=members))
    assert "68%" in only(b.d, "staff-doubling")[0].message("en")
    members[3] = Member("D", "analyst", "csirt", 1.0, True)  # now 1.2 of 3.2 concurrent
    assert "staff-doubling" not in ids(make.clean(make.plan(members=members)).d)


def test_no_business_members(make):
    members = make.plan().members[:3] + [Member("E", "engineer", "itops", 0.5, False)]
    b = make.clean(make.plan(members=members))
    assert only(b.d, "no-business-members")[0].severity is Severity.INFO


def test_no_business_members_ignores_unknown_homes(make):
    members = make.plan().members[:3] + [Member("X", "coordinator", "営業本部（未作図）", 0.3,
                                                False)]
    assert "no-business-members" in ids(make.clean(make.plan(members=members)).d)
    only_unknown = [Member("X", "analyst", "somewhere", 1.0, True)] * 3
    assert "no-business-members" not in ids(make.clean(make.plan(members=only_unknown)).d)


def test_home_unit_may_be_a_name(make):
    members = make.plan().members[:3] + [Member("S", "coordinator", "営業部", 0.3, False)]
    assert "no-business-members" not in ids(make.clean(make.plan(members=members)).d)


def test_relies_on_other_division(make):
    members = [Member("A", "manager", "csirt", 1.0, True),
               Member("B", "coordinator", "csirt", 1.0, True),
               Member("C", "engineer", "itops", 1.0, False),
               Member("D", "coordinator", "sales", 0.5, False)]
    b = make.clean(make.plan(members=members))
    assert "relies-on-other-division" not in ids(b.d)  # no support flow: not relying
    fid = b.flow("itops", "csirt", K.SUPPORT)
    f = only(b.d, "relies-on-other-division")[0]
    assert f.flows == (fid,) and "itops" in f.units
    members[1] = Member("B", "analyst", "csirt", 1.0, True)
    b2 = make.clean(make.plan(members=members))
    b2.flow("itops", "csirt", K.SUPPORT)
    assert "relies-on-other-division" not in ids(b2.d)


def test_24x7_unstaffed(make):
    b = make.clean(make.plan(hours=ServiceHours.ALWAYS))
    assert only(b.d, "24x7-unstaffed")[0].has_fix
    b.unit("mssp", "external", name="MSSP")
    b.flow("mssp", "csirt", K.SUPPORT)
    assert "24x7-unstaffed" not in ids(b.d)
    shifts = [Member(f"S{i}", "shift_analyst", "csirt", 1.0, True) for i in range(15)]
    assert "24x7-unstaffed" not in ids(
        make.clean(make.plan(hours=ServiceHours.ALWAYS, members=shifts)).d)


def test_no_exercises(make):
    b = make.clean(make.plan(services=["incident_analysis"]))
    assert only(b.d, "no-exercises")[0].has_fix
    # "Training and education" is a service to the constituency, not staff training
    b = make.clean(make.plan(services=["training_education"]))
    f = only(b.d, "no-exercises")[0]
    assert "constituency" in f.message("en") and "利用者向け" in f.message("ja")
    # a budgeted training cost item is staff training
    b.d.add_cost(CostItem("k1", "CSIRT 研修", CostCategory.TRAINING, amounts=[300_000]))
    assert "no-exercises" not in ids(b.d)
    b.d.update_cost("k1", amounts=[0])
    assert "no-exercises" in ids(b.d)


def test_no_budget(make):
    zero = [Member("A", "manager", "csirt", 0.0, True)]
    b = make.clean(make.plan(members=zero))
    assert only(b.d, "no-budget")[0].units == ("csirt",)
    b.d.add_cost(CostItem("k1", "人件費", CostCategory.PERSONNEL, amounts=[1_000_000]))
    assert "no-budget" not in ids(b.d)


def test_staffing_is_judged_per_csirt(make):
    """A small group-company CSIRT is understaffed and mostly 兼務 whether or not the head
    office coordinates it: the coordinating CSIRT does not do its hands-on response."""
    b = make.clean()
    b.company("sub", CompanyKind.SUBSIDIARY)
    b.unit("sm", "management", company="sub")
    small = make.plan(members=[Member("L", "analyst", "", 0.3, False)])
    b.unit("sc", "csirt", under="sm", company="sub", plan=small)
    b.flow("sc", "mgmt", K.REPORT)
    for linked in (False, True):
        if linked:
            b.flow("csirt", "sc", K.COORDINATION)
        found = check(b.d).findings
        assert any(f.id == "understaffed" and f.units == ("sc",) for f in found)
        assert any(f.id == "staff-doubling" and f.units == ("sc",) for f in found)
        assert not any(f.id in ("understaffed", "staff-doubling") and "csirt" in f.units
                       for f in found)


def test_outside_support_softens_understaffed(make):
    b = make.clean(make.plan(members=[Member("M", "manager", "csirt", 1.0, True)]))
    assert only(b.d, "understaffed")[0].severity is Severity.WARNING
    b.unit("vendor", "external", name="Vendor")
    b.flow("vendor", "csirt", K.SUPPORT)
    assert only(b.d, "understaffed")[0].severity is Severity.INFO


def test_vendor_csirt_is_not_the_main_csirt(make):
    b = make.clean()
    b.unit("vend", "external", name="Security vendor")
    b.unit("vc", "csirt", under="vend", name="Vendor CSIRT")
    b.flow("vc", "csirt", K.SUPPORT)
    b.flow("vc", "csirt", K.COORDINATION)
    b.flow("vc", "legal", K.COORDINATION)
    report = check(b.d)
    assert report.main_csirt == "csirt"
    assert not any("vc" in f.units for f in report.findings if f.id in (
        "no-members", "understaffed", "far-from-management"))


def test_findings_are_sorted(make):
    b = make.clean(make.plan(members=[], services=[], mandate=False))
    b.drop("csirt", "nca", K.COORDINATION)
    found = check(b.d).findings
    keys = [f.sort_key() for f in found]
    assert keys == sorted(keys)
    assert found[0].severity is Severity.ERROR and found[-1].severity is Severity.INFO


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_messages_exist_in_both_languages(make, lang):
    b = make.clean(make.plan(members=[], hours=ServiceHours.ALWAYS, mandate=False))
    b.drop("csirt", "nca", K.COORDINATION)
    b.drop("csirt", "itops", K.COMMAND)
    for f in check(b.d).findings:
        assert f.message(lang) and f.suggestion(lang)
        if f.has_fix:
            assert f.fix_label(lang)
    ja = [f.message("ja") for f in check(b.d).findings]
    assert all(any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in m)
               for m in ja)


def test_csirts_unlinked_in_two_companies_keep_their_own_units(make):
    """Each company's finding (and its fix) names that company's CSIRTs, not the last ones."""
    b = make.Builder()
    for cid in ("a", "b"):
        b.company(cid, CompanyKind.PARENT if cid == "a" else CompanyKind.SUBSIDIARY)
        b.unit(f"{cid}m", "management", company=cid)
        b.unit(f"{cid}1", "csirt", under=f"{cid}m", company=cid, plan=make.plan())
        b.unit(f"{cid}2", "csirt", under=f"{cid}m", company=cid, plan=make.plan())
    found = check(b.d).by_id("csirts-unlinked")
    assert sorted(f.units for f in found) == [("a1", "a2"), ("b1", "b2")]
    assert [f.message("en").count("'b") for f in found] == [0, 2]
    for f in found:
        assert {op.flow.target for op in f.fix.ops} == {f.units[1]}


def test_analysis_never_imports_qt():
    import subprocess
    import sys
    code = ("import sys, orgdesigner.analysis, orgdesigner.cli.check_cmd; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_csirt_sub_units_are_staffed_together(make):
    """A CSIRT with its analysis team drawn as a CSIRT sub-unit is one crew: the head's
    single manager is not 'understaffed' and the sub-unit is not judged apart."""
    b = make.clean(make.plan(members=[Member("M", "manager", "csirt", 1.0, True)]))
    analysts = make.plan(members=[Member(f"A{i}", "analyst", "", 1.0, True) for i in range(3)])
    b.unit("sub", "csirt", under="csirt", plan=analysts)
    found = check(b.d).findings
    assert not [f for f in found if f.id in ("understaffed", "no-members", "staff-doubling")]
    b.d.set_plan("sub", make.plan(members=[]))
    f = only(b.d, "understaffed")[0]
    assert f.units == ("csirt", "sub") and "(with 'sub')" in f.message("en")


def test_management_layers_are_not_line_departments(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.drop("cio", "csirt", K.DELEGATION)
    b.unit("pres", "management", under="mgmt", name="社長")
    b.flow("pres", "csirt", K.REPORTING)
    assert "far-from-management" not in ids(b.d)


def test_cio_is_ciso_by_name_alone(make):
    b = make.clean()
    b.d.update_unit("cio", functions=(), name="CIO兼CISO", name_en="CIO兼CISO")
    assert "cio-is-ciso" in ids(b.d)
    b.d.update_unit("cio", name="CISO", name_en="CISO")
    assert "cio-is-ciso" not in ids(b.d)


def test_csirt_outside_the_scope_is_not_the_main_one(make):
    b = make.clean()
    b.company("hq")
    for uid in ("mgmt", "cio", "csirt", "itops", "sales", "legal"):
        b.d.update_unit(uid, company="hq")
    b.company("far", CompanyKind.SUBSIDIARY, in_scope=False)
    b.unit("fm", "management", company="far")
    b.unit("fc", "csirt", under="fm", company="far", plan=make.plan())
    b.unit("fc2", "csirt", under="fm", company="far", plan=make.plan())
    b.flow("fc", "csirt", K.COORDINATION)
    b.flow("fc", "fc2", K.COORDINATION)  # the better-linked CSIRT, but out of scope
    assert check(b.d).main_csirt == "csirt"


def test_free_floating_csirt_is_not_the_main_one(make):
    """A CSIRT drawn with no reporting line (a partner's team) does not displace the
    design's own CSIRT, which answers to management."""
    b = make.clean()
    b.unit("partner", "csirt", name="Partner CSIRT", plan=make.plan())
    b.flow("partner", "csirt", K.SUPPORT)
    assert check(b.d).main_csirt == "csirt"


def test_group_management_reporting_incidents_is_jurisdiction(make):
    b = make.group()
    assert "group-jurisdiction" in ids(b.d)
    b.flow("sm", "csirt", K.REPORT)  # the group company's management reports incidents
    assert "group-jurisdiction" not in ids(b.d)


def test_relying_on_other_division_is_judged_per_csirt(make):
    """The head office's dedicated analysts do not do a group company's hands-on work: a
    coordinated company CSIRT that leans on its IT department is reported on its own."""
    b = make.clean()
    b.company("sub", CompanyKind.SUBSIDIARY)
    b.unit("sm", "management", company="sub")
    b.unit("sit", "department", F.IT_OPERATIONS, under="sm", company="sub")
    small = make.plan(members=[Member("L", "coordinator", "sit", 0.5, False)])
    b.unit("sc", "csirt", under="sm", company="sub", plan=small)
    b.flow("csirt", "sc", K.COORDINATION)
    b.flow("sit", "sc", K.SUPPORT)
    f = only(b.d, "relies-on-other-division")[0]
    assert f.units == ("sc", "sit")

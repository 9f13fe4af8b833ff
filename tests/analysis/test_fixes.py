"""Quick fixes: applied to the design they were made for, their finding goes away; the
inverse restores the design byte for byte; the check itself never changes the design."""

from __future__ import annotations

import pytest

from orgdesigner import templates
from orgdesigner.analysis import check
from orgdesigner.formats import orgd
from orgdesigner.model import (
    FlowKind,
    Function,
    ServiceHours,
    UnitKind,
    ops,
)

K = FlowKind
F = Function


def _no_csirt(make):
    b = make.clean()
    ops.remove_units(b.d, ["csirt"]).apply(b.d)
    return b.d


def _no_csirt_empty(make):
    return make.Builder().d


def _unlinked(make):
    b = make.clean()
    b.unit("csirt2", "csirt", under="mgmt", plan=make.plan())
    return b.d


def _floating(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.drop("cio", "csirt", K.DELEGATION)
    return b.d


def _unsponsored_tree(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.drop("cio", "csirt", K.DELEGATION)
    b.unit("boss", "department", F.ADMINISTRATION)
    b.flow("boss", "csirt", K.REPORTING)
    return b.d


def _far(make):
    b = make.clean()
    b.drop("cio", "csirt", K.REPORTING)
    b.unit("adm", "department", F.ADMINISTRATION, under="mgmt")
    b.unit("risk", "division", F.RISK_MANAGEMENT, under="adm")
    b.flow("risk", "csirt", K.REPORTING)
    return b.d


def _no_command(make):
    b = make.clean()
    b.drop("csirt", "itops", K.COMMAND)
    b.drop("cio", "csirt", K.DELEGATION)
    return b.d


def _unbacked(make):
    b = make.clean()
    b.drop("cio", "csirt", K.DELEGATION)
    return b.d


def _no_escalation(make):
    b = make.clean()
    b.drop("csirt", "cio", K.REPORT)
    return b.d


def _bypass(make):
    b = make.clean()
    b.drop("sales", "csirt", K.REPORT)
    b.unit("mkt", "department", F.MARKETING, under="mgmt")
    return b.d


def _no_external_new(make):
    b = make.clean()
    ops.remove_units(b.d, ["nca"]).apply(b.d)
    return b.d


def _no_external_existing(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    return b.d


def _no_legal(make):
    b = make.clean()
    b.drop("csirt", "legal", K.CONSENSUS)
    b.drop("legal", "csirt", K.REPORT)
    b.unit("pr", "department", F.MEDIA_RELATIONS, under="mgmt")
    b.flow("pr", "csirt", K.REPORT)
    b.d.remove_flow(next(f.id for f in b.d.flows.values() if f.source == "pr"))
    return b.d


def _group(make):
    b = make.group()
    return b.d


def _disaster(make):
    b = make.clean()
    b.unit("bcp", "team", F.DISASTER_RESPONSE, under="mgmt")
    b.flow("bcp", "sales", K.REPORT)
    return b.d


def _always_on(make):
    return make.clean(make.plan(hours=ServiceHours.ALWAYS)).d


def _no_exercises(make):
    return make.clean(make.plan(services=["incident_analysis"])).d


CASES = [
    ("no-csirt", _no_csirt), ("no-csirt", _no_csirt_empty), ("csirts-unlinked", _unlinked),
    ("no-sponsor", _floating), ("no-sponsor", _unsponsored_tree),
    ("far-from-management", _far), ("lacks-authority", _no_command),
    ("authority-unbacked", _unbacked), ("no-escalation", _no_escalation),
    ("reports-bypass", _bypass), ("no-external", _no_external_new),
    ("no-external", _no_external_existing), ("no-legal-pr", _no_legal),
    ("group-jurisdiction", _group), ("reuse-disaster-team", _disaster),
    ("24x7-unstaffed", _always_on), ("no-exercises", _no_exercises),
]


def _apply_and_undo(design, finding) -> None:
    before = orgd.dumps(design)
    key = (finding.id, finding.units[:1])
    batch = finding.fix
    assert batch is not None and batch.ops and batch.text
    inverse = batch.apply(design)
    after = check(design)
    assert key not in {(f.id, f.units[:1]) for f in after.findings}, \
        f"{finding.id} still fires after its fix: {[f.message() for f in after.by_id(finding.id)]}"
    assert not after.by_id("internal-error")
    orgd.loads(orgd.dumps(design))  # the fixed design is a valid file
    inverse.apply(design)
    assert orgd.dumps(design) == before


@pytest.mark.parametrize("rule_id, build", CASES, ids=[f"{r}-{b.__name__}" for r, b in CASES])
def test_fix_removes_finding_and_undoes(make, rule_id, build):
    design = build(make)
    found = check(design).by_id(rule_id)
    assert found, f"{rule_id} should fire"
    _apply_and_undo(design, found[0])


@pytest.mark.parametrize("tid", templates.ids())
def test_every_template_fix_works(tid):
    design = templates.load(tid)
    for f in check(design).findings:
        if f.has_fix:
            _apply_and_undo(design, f)


def test_new_external_lands_beside_the_csirt(make):
    design = _no_external_new(make)
    f = check(design).by_id("no-external")[0]
    add = f.fix.ops[0]
    csirt = design.units["csirt"]
    assert add.unit.kind is UnitKind.EXTERNAL and "NCA" in add.unit.name_en
    assert abs(add.unit.x - csirt.x) < 400 and abs(add.unit.y - csirt.y) < 400
    assert add.unit.id not in design.units


def test_fix_is_built_once(make):
    f = check(_no_external_new(make)).by_id("no-external")[0]
    assert f.fix is f.fix


def test_check_does_not_change_the_design(make):
    design = _no_external_new(make)
    twin = design.copy()
    before = orgd.dumps(design)
    report = check(design)
    [f.message("ja") for f in report.findings]
    report.to_json("ja")
    assert orgd.dumps(design) == before
    assert design.new_id("u") == twin.new_id("u")  # no id was spent by the check


def test_24x7_fix_does_not_mistake_an_association_for_a_soc(make):
    """"SOC" inside "Association" is not an MSSP: the fix adds a new one (this used to
    route the night shift to the Nippon CSIRT Association)."""
    b = make.clean(make.plan(hours=ServiceHours.ALWAYS))
    b.d.update_unit("nca", name="Nippon CSIRT Association", name_en="Nippon CSIRT Association")
    f = check(b.d).by_id("24x7-unstaffed")[0]
    added = [op for op in f.fix.ops if type(op).__name__ == "AddUnit"]
    assert added and "MSSP" in added[0].unit.name_en

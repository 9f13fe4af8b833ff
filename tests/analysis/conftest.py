"""Builders for the checker tests: a clean reference design with no findings at all, and
small helpers to introduce exactly one problem into it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import Phase, settings

from orgdesigner.model import (
    Authority,
    Company,
    CompanyKind,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    Metadata,
    ServiceHours,
    Unit,
    UnitKind,
)

K = FlowKind
F = Function


class Builder:
    """Terse construction of designs: `b.unit("it", "department", F.IT_OPERATIONS, under="m")`."""

    def __init__(self) -> None:
        self.d = Design(Metadata(title="テスト", title_en="Test"))
        self._n = 0

    def company(self, cid: str, kind: CompanyKind = CompanyKind.PARENT, in_scope: bool = True,
                name: str = "") -> Builder:
        self.d.add_company(Company(cid, name or cid, name or cid, kind, in_scope))
        return self

    def unit(self, uid: str, kind: str | UnitKind, *functions: Function, under: str | None = None,
             company: str = "", name: str = "", plan: CsirtPlan | None = None) -> Builder:
        self.d.add_unit(Unit(uid, name or uid, UnitKind(kind), name_en=name or uid,
                             functions=tuple(functions), company=company, plan=plan))
        if under is not None:
            self.flow(under, uid, K.REPORTING)
        return self

    def flow(self, src: str, dst: str, kind: FlowKind) -> str:
        self._n += 1
        fid = f"t{self._n}"
        self.d.add_flow(Flow(fid, src, dst, kind))
        return fid

    def drop(self, src: str, dst: str, kind: FlowKind) -> None:
        """Remove the flow(s) of `kind` from `src` to `dst` (they must exist)."""
        ids = [f.id for f in self.d.flows.values()
               if f.source == src and f.target == dst and f.kind is kind]
        assert ids, f"no {kind.value} flow {src} → {dst}"
        for fid in ids:
            self.d.remove_flow(fid)


def good_plan(**changes) -> CsirtPlan:
    plan = CsirtPlan(
        members=[Member("Manager", "manager", "csirt", 1.0, True),
                 Member("Analyst", "analyst", "csirt", 1.0, True),
                 Member("Engineer", "engineer", "csirt", 1.0, True),
                 Member("Sales liaison", "coordinator", "sales", 0.3, False)],
        services=["incident_report_acceptance", "incident_analysis", "exercises"],
        hours=ServiceHours.BUSINESS, contact="csirt@example.jp", mandate=True,
        authority=Authority.FULL, memberships=["NCA"])
    for k, v in changes.items():
        setattr(plan, k, v)
    return plan


def clean(plan: CsirtPlan | None = None) -> Builder:
    """A design the checker has nothing to say about (the strong-authority shape, complete):
    management → CIO → CSIRT with delegation; the CSIRT commands IT operations; every
    department reports incidents; legal decides with the CSIRT; the CSIRT escalates to the
    CIO and coordinates with NCA; three dedicated technical staff and a business liaison."""
    b = Builder()
    b.unit("mgmt", "management", name="経営層")
    b.unit("cio", "executive", F.INFORMATION_PLANNING, under="mgmt", name="CIO")
    b.unit("csirt", "csirt", F.SECURITY_CENTER, under="cio", name="CSIRT",
           plan=plan or good_plan())
    b.unit("itops", "department", F.IT_OPERATIONS, under="mgmt", name="IT運用部")
    b.unit("sales", "department", F.SALES, under="mgmt", name="営業部")
    b.unit("legal", "department", F.LEGAL, under="mgmt", name="法務部")
    b.unit("nca", "external", name="日本シーサート協議会")
    b.flow("cio", "csirt", K.DELEGATION)
    b.flow("csirt", "itops", K.COMMAND)
    b.flow("itops", "csirt", K.REPORT)
    b.flow("sales", "csirt", K.REPORT)
    b.flow("csirt", "legal", K.CONSENSUS)
    b.flow("legal", "csirt", K.REPORT)
    b.flow("csirt", "cio", K.REPORT)
    b.flow("csirt", "nca", K.COORDINATION)
    return b


def group() -> Builder:
    """The clean design as a head office, plus a group company whose sales department
    reports incidents to the head-office CSIRT but gets no authority or coordination."""
    b = clean()
    b.company("hq")
    for uid in ("mgmt", "cio", "csirt", "itops", "sales", "legal"):
        b.d.update_unit(uid, company="hq")
    b.company("sub", CompanyKind.SUBSIDIARY)
    b.unit("sm", "management", company="sub")
    b.unit("sd", "department", Function.SALES, under="sm", company="sub")
    b.flow("sd", "csirt", FlowKind.REPORT)
    return b


@pytest.fixture(autouse=True)
def _rules_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that crashes must fail the test, not turn into an `internal-error` finding."""
    monkeypatch.setenv("ORGDESIGNER_DEBUG", "1")


@pytest.fixture
def make() -> SimpleNamespace:
    """`make.clean()`, `make.plan(**changes)`, `make.Builder()` (test modules cannot import
    conftest under --import-mode=importlib, so helpers travel as a fixture)."""
    return SimpleNamespace(clean=clean, plan=good_plan, Builder=Builder, group=group)


# `--hypothesis-profile=find-only`: report a failure without shrinking it (used to check that
# the live checker's property catches a deliberately broken dependency table quickly).
settings.register_profile("find-only", phases=[Phase.explicit, Phase.generate])

"""Properties of quick fixes on arbitrary business groups (Hypothesis): every fix applies
as one batch and undoes exactly; no fix creates a command or delegation across legal
entities except a company's own management granting authority to another company's CSIRT
under a labelled group regulation or contract; no consensus fix targets the CSIRT's own
superiors; and the checker never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.analysis import check
from orgdesigner.formats import orgd
from orgdesigner.model import (
    Company,
    CompanyKind,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    ServiceHours,
    Unit,
    UnitKind,
)
from orgdesigner.model.ops import AddFlow

TOP = (UnitKind.MANAGEMENT, UnitKind.EXECUTIVE)
KINDS = [UnitKind.EXECUTIVE, UnitKind.DEPARTMENT, UnitKind.DIVISION, UnitKind.SECTION,
         UnitKind.CSIRT, UnitKind.TEAM]
OVERLAYS = [k for k in FlowKind if k is not FlowKind.REPORTING]


@st.composite
def groups(draw) -> Design:  # type: ignore[no-untyped-def]
    d = Design()
    n_companies = draw(st.integers(1, 3))
    kinds = [CompanyKind.PARENT, CompanyKind.IT_SUBSIDIARY, CompanyKind.SUBSIDIARY]
    units: list[str] = []
    for ci in range(n_companies):
        cid = f"c{ci}"
        kind = kinds[0] if ci == 0 else draw(st.sampled_from(kinds[1:]))
        d.add_company(Company(cid, f"会社{ci}", f"Company {ci}", kind))
        mid = f"{cid}m"
        d.add_unit(Unit(mid, "経営層", UnitKind.MANAGEMENT, name_en="Management", company=cid))
        local = [mid]
        for i in range(draw(st.integers(1, 6))):
            uid = f"{cid}u{i}"
            kind_u = draw(st.sampled_from(KINDS))
            funcs = tuple(draw(st.sets(st.sampled_from(list(Function)), max_size=2)))
            plan = None
            if kind_u is UnitKind.CSIRT:
                plan = CsirtPlan(members=[Member("m", "analyst", "", draw(st.sampled_from(
                    [0.3, 1.0])), draw(st.booleans()))] * draw(st.integers(0, 3)),
                    hours=draw(st.sampled_from(list(ServiceHours))))
            d.add_unit(Unit(uid, f"部署{uid}", kind_u, name_en=f"Unit {uid}", functions=funcs,
                            company=cid, plan=plan))
            d.add_flow(Flow(f"r{uid}", draw(st.sampled_from(local)), uid, FlowKind.REPORTING))
            local.append(uid)
        units += local
    if draw(st.booleans()):
        d.add_unit(Unit("ext", "外部ベンダー", UnitKind.EXTERNAL, name_en="Vendor"))
        units.append("ext")
    for j in range(draw(st.integers(0, 10))):
        a, b = draw(st.sampled_from(units)), draw(st.sampled_from(units))
        if a != b:
            d.add_flow(Flow(f"o{j}", a, b, draw(st.sampled_from(OVERLAYS))))
    return d


def _bad_authority(design: Design, added: list[Flow]) -> list[str]:
    units = design.units
    bad = []
    for fl in added:
        a, b = units[fl.source], units[fl.target]
        if a.company == b.company:
            continue
        if fl.kind is FlowKind.DELEGATION and not (
                a.kind in TOP and b.kind is UnitKind.CSIRT and "グループ規程" in fl.label):
            bad.append(f"delegation {fl.source}→{fl.target} '{fl.label}'")
        if fl.kind is FlowKind.COMMAND and not any(
                f.kind is FlowKind.DELEGATION and f.target == fl.source
                and units[f.source].company == b.company for f in design.flows.values()):
            bad.append(f"command {fl.source}→{fl.target}")
    return bad


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups())
def test_quick_fixes_respect_legal_entities(design: Design) -> None:
    for f in check(design).findings:
        if not f.has_fix:
            continue
        before = orgd.dumps(design)
        batch = f.fix
        assert batch is not None and batch.ops, f.id
        inverse = batch.apply(design)
        added = [op.flow for op in batch.ops if isinstance(op, AddFlow)]
        assert _bad_authority(design, added) == [], f.id
        for fl in added:
            if fl.kind is FlowKind.CONSENSUS:
                assert fl.target not in design.reporting_path(fl.source)[1:], (f.id, fl)
        assert not check(design).by_id("internal-error")
        inverse.apply(design)
        assert orgd.dumps(design) == before

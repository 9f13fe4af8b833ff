"""合議先 from the consensus flows: looked up through the flows at each CSIRT, it must name
the same units in the same order as a walk over every flow of the design."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.budget.extras import consensus_units
from orgdesigner.model import Design, Flow, FlowKind, Unit, UnitKind


def scan_all_flows(design: Design, lang: str) -> list[str]:
    """The plain definition: every consensus flow in design order, CSIRT end to other end."""
    csirts = {u.id for u in design.units.values() if u.kind is UnitKind.CSIRT}
    out: list[str] = []
    for f in design.flows.values():
        if f.kind is not FlowKind.CONSENSUS:
            continue
        for end, other in ((f.source, f.target), (f.target, f.source)):
            if end in csirts and other in design.units and other not in csirts:
                name = design.units[other].display_name(lang)
                if name not in out:
                    out.append(name)
    return out


@st.composite
def designs(draw) -> Design:  # type: ignore[no-untyped-def]
    d = Design()
    n = draw(st.integers(2, 9))
    for i in range(n):
        kind = draw(st.sampled_from([UnitKind.CSIRT, UnitKind.DEPARTMENT, UnitKind.DEPARTMENT]))
        # names may repeat: a name is listed once
        d.add_unit(Unit(f"u{i}", f"部署{draw(st.integers(0, 4))}", kind,
                        name_en=f"Dept {i}"))
    kinds = [FlowKind.CONSENSUS, FlowKind.CONSENSUS, FlowKind.REPORT, FlowKind.SUPPORT]
    for k in range(draw(st.integers(0, 14))):
        s, t = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if s == t:
            continue
        at = draw(st.none() | st.integers(0, len(d.flows)))  # undo puts a flow back in place
        d.add_flow(Flow(f"f{k}", f"u{s}", f"u{t}", draw(st.sampled_from(kinds))), at)
    for fid in draw(st.lists(st.sampled_from(sorted(d.flows) or ["-"]), max_size=3)):
        if fid in d.flows:
            d.remove_flow(fid)
    if d.units and draw(st.booleans()):  # a unit re-kinded after its flows were drawn
        uid = draw(st.sampled_from(sorted(d.units)))
        d.update_unit(uid, kind=UnitKind.CSIRT)
    return d


@settings(max_examples=300, deadline=None)
@given(designs(), st.sampled_from(["en", "ja"]))
def test_consensus_units_equal_a_scan_of_every_flow(design: Design, lang: str) -> None:
    assert consensus_units(design, lang) == scan_all_flows(design, lang)

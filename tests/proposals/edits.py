"""Random edit sequences over a design (for the comparison's properties)."""

from __future__ import annotations

from hypothesis import strategies as st

from orgdesigner.model import Company, Design, Flow, FlowKind, ModelError, Unit, UnitKind, ops

KINDS = [k for k in UnitKind]
FLOW_KINDS = [k for k in FlowKind if k is not FlowKind.REPORTING]

edit = st.tuples(st.integers(0, 8), st.integers(0, 10_000), st.integers(0, 10_000),
                 st.integers(0, 6))


def apply_edits(design: Design, edits: list[tuple[int, int, int, int]]) -> Design:
    """Apply each edit that the model accepts (a refused one is skipped)."""
    for op, i, j, k in edits:
        units = list(design.units)
        flows = list(design.flows)
        if not units:
            design.add_unit(Unit(design.new_id("u"), "Root"))
            continue
        a, b = units[i % len(units)], units[j % len(units)]
        try:
            if op == 0:
                design.update_unit(a, name=f"改名{i % 7}")
            elif op == 1:
                uid = design.new_id("u")
                design.add_unit(Unit(uid, f"新{i}", KINDS[k % len(KINDS)], headcount=k),
                                index=j % (len(units) + 1))
                design.add_flow(Flow(design.new_id("f"), a, uid, FlowKind.REPORTING))
            elif op == 2:
                ops.remove_units(design, [a]).apply(design)
            elif op == 3:  # re-parent
                for f in [f for f in design.flows.values()
                          if f.kind is FlowKind.REPORTING and f.target == a]:
                    design.remove_flow(f.id)
                design.add_flow(Flow(design.new_id("f"), b, a, FlowKind.REPORTING))
            elif op == 4:
                design.add_flow(Flow(design.new_id("f"), a, b, FLOW_KINDS[k % len(FLOW_KINDS)]))
            elif op == 5 and flows:
                design.remove_flow(flows[i % len(flows)])
            elif op == 6:
                design.update_unit(a, kind=KINDS[k % len(KINDS)], headcount=i % 50)
            elif op == 7 and flows:
                design.update_flow(flows[i % len(flows)], label=f"L{k}")
            elif op == 8:
                cid = design.new_id("c")
                design.add_company(Company(cid, f"G{k}"))
                design.update_unit(a, company=cid)
        except ModelError:
            pass
    return design

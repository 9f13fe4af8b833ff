"""Cutting a part (a company, a branch, a slide's worth) out of a large design, at the cost of
what the part holds: a 50,000-unit group is cut into hundreds or thousands of parts, and
scanning every unit and flow of the whole design for each one made those exports quadratic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Design, Flow, FlowKind, Unit


class Index:
    """Where each company, unit and flow stands in `design`, and the flows at each unit: built
    once, so cutting a part out costs what the part holds, not what the whole design holds
    (a 50,000-unit group is cut into thousands of parts)."""

    def __init__(self, design: Design) -> None:
        self.design = design
        self.company_order = {c: i for i, c in enumerate(design.companies)}
        self.unit_order = {u: i for i, u in enumerate(design.units)}
        self.flow_order: dict[str, int] = {}
        self.flows_at: dict[str, list[str]] = {}
        for i, (fid, f) in enumerate(design.flows.items()):
            self.flow_order[fid] = i
            self.flows_at.setdefault(f.source, []).append(fid)
            if f.target != f.source:
                self.flows_at.setdefault(f.target, []).append(fid)

    def flows_among(self, keep: set[str]) -> list[str]:
        """The flows with both ends in `keep`, in design order."""
        flows = self.design.flows
        found = {fid for u in keep for fid in self.flows_at.get(u, ())
                 if flows[fid].source in keep and flows[fid].target in keep}
        return sorted(found, key=self.flow_order.__getitem__)

    def tree(self, ids: list[str]) -> tuple[dict[str, list[str]], list[str]]:
        """The reporting lines among `ids`: each unit's subordinates (in flow order) and the
        units that report to none of them (in design order)."""
        keep = set(ids)
        kids: dict[str, list[str]] = {}
        led: set[str] = set()
        for fid in self.flows_among(keep):
            f = self.design.flows[fid]
            if f.kind is FlowKind.REPORTING:
                kids.setdefault(f.source, []).append(f.target)
                led.add(f.target)
        roots = sorted((u for u in keep if u not in led), key=self.unit_order.__getitem__)
        return kids, roots

    def below(self, kids: dict[str, list[str]], root: str) -> list[str]:
        """`root` and every unit under it on the lines `kids`, in design order."""
        seen = {root}
        todo = [root]
        while todo:
            for c in kids.get(todo.pop(), ()):
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        return sorted(seen, key=self.unit_order.__getitem__)


def cut(design: Design, ids: list[str] | set[str], index: Index | None = None, *,
        company_sizes: bool = True, units_as: dict[str, Unit] | None = None,
        drop_flows: Callable[[Flow], bool] | None = None) -> Design:
    """A design of its own holding the units `ids` (their companies, the flows among them,
    the metadata, budget inputs and process of `design`), in the design's order. Without
    `company_sizes`, the companies' frames are left for the layout to size. Pass the `index`
    of `design` when cutting many parts (without it, one pass over the design's units and
    flows picks them). `units_as` gives some units another form (a folded box's label);
    `drop_flows` leaves out the flows it is true for."""
    keep = set(ids)
    used = {design.units[u].company for u in keep}
    if index is not None and index.design is design:
        companies = sorted((c for c in used if c in index.company_order),
                           key=index.company_order.__getitem__)
        units = sorted(keep, key=index.unit_order.__getitem__)
        flows = index.flows_among(keep)
    else:
        companies = [c for c in design.companies if c in used]
        units = [u for u in design.units if u in keep]
        flows = [fid for fid, f in design.flows.items()
                 if f.source in keep and f.target in keep]
    d = Design(design.metadata)
    d.budget = design.budget
    d.process = dict(design.process)
    for cid in companies:
        c = design.companies[cid]
        d.add_company(replace(c) if company_sizes else replace(c, width=0.0, height=0.0))
    other = units_as or {}
    for uid in units:
        d.add_unit(replace(other.get(uid) or design.units[uid]))
    for fid in flows:
        f = design.flows[fid]
        if drop_flows is None or not drop_flows(f):
            d.add_flow(replace(f))
    return d

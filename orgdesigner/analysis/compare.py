"""Compare two designs (現状 and a proposal, or two files): what changed, structurally.

Units are matched by id (proposals keep the baseline's ids), then, among the rest, by a
name that is unique on both sides (two separately drawn files). Flows are matched by id
when their ends and kind agree, then by (source, target, kind). Everything is computed in
one linear pass; `StructuralDiff.inverted()` is exactly the diff the other way round, which
the tests check as a property.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Design, Flow, FlowKind

#: Unit fields whose change is reported as "changed" (name, kind, superior have their own).
_OTHER_FIELDS = ("functions", "headcount", "company", "plan")


@dataclass(frozen=True)
class UnitChange:
    """One unit that exists on both sides: its id before and after, and what differs."""

    before_id: str
    after_id: str
    old: Any = None
    new: Any = None

    def inverted(self) -> UnitChange:
        return UnitChange(self.after_id, self.before_id, self.new, self.old)


@dataclass(frozen=True)
class FlowChange:
    before_id: str
    after_id: str
    fields: tuple[str, ...]

    def inverted(self) -> FlowChange:
        return FlowChange(self.after_id, self.before_id, self.fields)


@dataclass
class StructuralDiff:
    units_added: list[str] = field(default_factory=list)  # ids in the "after" design
    units_removed: list[str] = field(default_factory=list)  # ids in the "before" design
    renamed: list[UnitChange] = field(default_factory=list)  # old/new: (name, name_en)
    moved: list[UnitChange] = field(default_factory=list)  # old/new: superior id or None
    rekinded: list[UnitChange] = field(default_factory=list)  # old/new: UnitKind
    changed: list[UnitChange] = field(default_factory=list)  # old/new: tuple of field names
    flows_added: list[str] = field(default_factory=list)
    flows_removed: list[str] = field(default_factory=list)
    flows_changed: list[FlowChange] = field(default_factory=list)
    unit_map: dict[str, str] = field(default_factory=dict, repr=False)  # before → after id

    def is_empty(self) -> bool:
        return not any((self.units_added, self.units_removed, self.renamed, self.moved,
                        self.rekinded, self.changed, self.flows_added, self.flows_removed,
                        self.flows_changed))

    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in (
            "units_added", "units_removed", "renamed", "moved", "rekinded", "changed",
            "flows_added", "flows_removed", "flows_changed")}

    def inverted(self) -> StructuralDiff:
        def inv(items: list) -> list:
            return sorted((x.inverted() for x in items), key=lambda c: c.before_id)

        return StructuralDiff(
            sorted(self.units_removed), sorted(self.units_added), inv(self.renamed),
            inv(self.moved), inv(self.rekinded), inv(self.changed), sorted(self.flows_removed),
            sorted(self.flows_added), inv(self.flows_changed),
            {b: a for a, b in self.unit_map.items()})

    def normalised(self) -> StructuralDiff:
        """The same diff with every list sorted (for order-free equality)."""
        def srt(items: list) -> list:
            return sorted(items, key=lambda c: c.before_id)

        return replace(self, units_added=sorted(self.units_added),
                       units_removed=sorted(self.units_removed), renamed=srt(self.renamed),
                       moved=srt(self.moved), rekinded=srt(self.rekinded),
                       changed=srt(self.changed), flows_added=sorted(self.flows_added),
                       flows_removed=sorted(self.flows_removed),
                       flows_changed=srt(self.flows_changed))


def _unique(d: Design, ids: list[str], with_company: bool) -> dict[tuple, str | None]:
    """Key → unit id among `ids`, or None when several units share the key."""
    out: dict[tuple, str | None] = {}
    for uid in ids:
        u = d.units[uid]
        key = ((u.name or u.name_en).strip(), u.company if with_company else "")
        out[key] = None if key in out else uid
    return out


def match_units(a: Design, b: Design) -> dict[str, str]:
    """Before-id → after-id for units that are the same on both sides: by id, then by a
    (company, name) unique on both sides, then by a name unique on both sides."""
    m = {uid: uid for uid in a.units if uid in b.units}
    for with_company in (True, False):
        if len(m) == len(a.units) or len(m) == len(b.units):
            return m
        taken = set(m.values())
        left = _unique(a, [u for u in a.units if u not in m], with_company)
        right = _unique(b, [u for u in b.units if u not in taken], with_company)
        for key, aid in left.items():
            bid = right.get(key)
            if aid is not None and bid is not None:
                m[aid] = bid
    return m


def _superiors(d: Design) -> dict[str, str]:
    return {f.target: f.source for f in d.flows.values() if f.kind is FlowKind.REPORTING}


def match_flows(a: Design, b: Design, umap: dict[str, str]) -> dict[str, str]:
    def key(f: Flow, mapped: bool) -> tuple:
        if mapped:
            return (umap.get(f.source), umap.get(f.target), f.kind)
        return (f.source, f.target, f.kind)

    m: dict[str, str] = {}
    get, bflows = umap.get, b.flows
    for fid, f in a.flows.items():
        g = bflows.get(fid)
        if (g is not None and f.kind is g.kind and get(f.source) == g.source
                and get(f.target) == g.target):
            m[fid] = fid
    if len(m) == len(a.flows) and len(m) == len(b.flows):
        return m
    taken = set(m.values())
    free: dict[tuple, list[str]] = {}
    for fid, g in b.flows.items():
        if fid not in taken:
            free.setdefault(key(g, False), []).append(fid)
    for fid, f in a.flows.items():
        if fid in m:
            continue
        pool = free.get(key(f, True))
        if pool:
            m[fid] = pool.pop(0)
    return m


def structural_diff(a: Design, b: Design) -> StructuralDiff:
    """What changed from `a` (before) to `b` (after)."""
    umap = match_units(a, b)
    back = {v: k for k, v in umap.items()}
    d = StructuralDiff(unit_map=umap)
    d.units_removed = [u for u in a.units if u not in umap]
    d.units_added = [u for u in b.units if u not in back]
    sup_a, sup_b = _superiors(a), _superiors(b)
    aunits, bunits = a.units, b.units
    for aid, bid in umap.items():
        u, w = aunits[aid], bunits[bid]
        old_sup, new_sup = sup_a.get(aid), sup_b.get(bid)
        if u.__dict__ == w.__dict__ and aid == bid and old_sup == new_sup and (
                old_sup is None or umap.get(old_sup) == old_sup):
            continue  # the common case: the same unit, untouched (a C-speed comparison)
        if (u.name, u.name_en) != (w.name, w.name_en):
            d.renamed.append(UnitChange(aid, bid, (u.name, u.name_en), (w.name, w.name_en)))
        if u.kind is not w.kind:
            d.rekinded.append(UnitChange(aid, bid, u.kind, w.kind))
        if (umap.get(old_sup) if old_sup else None) != new_sup or (
                old_sup is not None and old_sup not in umap and new_sup is None):
            d.moved.append(UnitChange(aid, bid, old_sup, new_sup))
        diff = tuple(k for k in _OTHER_FIELDS if getattr(u, k) != getattr(w, k))
        if diff:
            d.changed.append(UnitChange(aid, bid, diff, diff))
    fmap = match_flows(a, b, umap)
    fback = set(fmap.values())
    d.flows_removed = [f for f in a.flows if f not in fmap]
    d.flows_added = [f for f in b.flows if f not in fback]
    aflows, bflows = a.flows, b.flows
    for fa, fb in fmap.items():
        if aflows[fa].label != bflows[fb].label:
            d.flows_changed.append(FlowChange(fa, fb, ("label",)))
    return d.normalised()


def changed_units(d: StructuralDiff) -> dict[str, str]:
    """After-id → the strongest change kind of each unit (for highlighting a diagram)."""
    out: dict[str, str] = {}
    for kind, items in (("changed", d.changed), ("changed", d.rekinded),
                        ("changed", d.renamed), ("moved", d.moved)):
        for c in items:
            out[c.after_id] = kind
    for uid in d.units_added:
        out[uid] = "added"
    return out

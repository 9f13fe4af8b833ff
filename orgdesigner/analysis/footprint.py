"""The change footprint: how much a proposal disturbs the organisation, and who must agree.

The talk: "Many oppositions occur, if there are any modifications of existing organization
structure to set up CSIRT." So a proposal is measured by a few explainable numbers, each
with the items behind it:
- *moved*: units whose reporting superior changes;
- *people*: the headcount of the moved units plus CSIRT members newly assigned or whose home
  unit changed;
- *authority*: internal units whose authority changes — they now receive command from a
  CSIRT, now delegate authority to one, lose a function, or lose a unit that reported to them;
- *must agree* (合議先): those departments, the old and new superiors of moved units, and
  the executive above each affected department.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Design, FlowKind, UnitKind
from .compare import StructuralDiff

REASONS = ("moved", "old_superior", "new_superior", "receives_command", "delegates",
           "loses_function", "loses_unit", "executive_above")


@dataclass
class Item:
    unit: str  # an id in the "after" design (or the "before" one for removed units)
    reasons: tuple[str, ...] = ()
    people: int = 0
    detail: str = ""


@dataclass
class Footprint:
    moved: list[Item] = field(default_factory=list)
    people: list[Item] = field(default_factory=list)
    authority: list[Item] = field(default_factory=list)
    must_agree: list[Item] = field(default_factory=list)

    @property
    def people_count(self) -> int:
        return sum(i.people for i in self.people)

    def numbers(self) -> dict[str, int]:
        return {"moved": len(self.moved), "people": self.people_count,
                "authority": len(self.authority), "must_agree": len(self.must_agree)}

    def units(self, key: str) -> list[str]:
        return [i.unit for i in getattr(self, key)]


def _csirt_links(d: Design, kind: FlowKind, from_csirt: bool) -> set[str]:
    """Internal non-CSIRT units that receive `kind` from a CSIRT (or send it to one)."""
    out = set()
    for f in d.flows.values():
        if f.kind is not kind:
            continue
        csirt, other = (f.source, f.target) if from_csirt else (f.target, f.source)
        if d.units[csirt].kind is UnitKind.CSIRT and d.units[other].kind not in (
                UnitKind.CSIRT, UnitKind.EXTERNAL):
            out.add(other)
    return out


def _members(d: Design) -> set[tuple[str, str]]:
    return {(m.name, m.home_unit) for u in d.csirts() if u.plan for m in u.plan.members}


def footprint(a: Design, b: Design, diff: StructuralDiff) -> Footprint:
    fp = Footprint()
    umap = diff.unit_map
    agree: dict[str, list[str]] = {}
    existed = set(umap.values())  # a unit the proposal creates has no one to persuade yet

    def note(uid: str | None, reason: str) -> None:
        if uid in existed and b.units[uid].kind not in (
                UnitKind.CSIRT, UnitKind.EXTERNAL):
            reasons = agree.setdefault(uid, [])
            if reason not in reasons:
                reasons.append(reason)

    for c in diff.moved:
        hc = b.units[c.after_id].headcount
        fp.moved.append(Item(c.after_id, ("moved",), hc))
        if hc:
            fp.people.append(Item(c.after_id, ("moved",), hc))
        note(umap.get(c.old) if c.old else None, "old_superior")
        note(c.new, "new_superior")
    old_members = {(n, umap.get(h, h)) for n, h in _members(a)}
    for name, home in sorted(_members(b) - old_members):
        fp.people.append(Item(home, ("member",), 1, name))
    reasons: dict[str, list[str]] = {}
    for kind, reason, from_csirt in ((FlowKind.COMMAND, "receives_command", True),
                                     (FlowKind.DELEGATION, "delegates", False)):
        before = {umap.get(u, "") for u in _csirt_links(a, kind, from_csirt)}
        for uid in sorted(_csirt_links(b, kind, from_csirt) - before):
            reasons.setdefault(uid, []).append(reason)
    back = {v: k for k, v in umap.items()}
    aunits, bunits = a.units, b.units
    for bid, aid in back.items():
        before, after = aunits[aid].functions, bunits[bid].functions
        if before == after:
            continue
        lost = set(before) - set(after)
        if lost and b.units[bid].kind is not UnitKind.CSIRT:
            reasons.setdefault(bid, []).append("loses_function")
    for c in diff.moved:
        old = umap.get(c.old) if c.old else None
        if old is not None and old != c.new:
            reasons.setdefault(old, []).append("loses_unit")
    for uid in sorted(reasons, key=list(b.units).index):
        if b.units[uid].kind in (UnitKind.CSIRT, UnitKind.EXTERNAL):
            continue
        fp.authority.append(Item(uid, tuple(reasons[uid])))
        for r in reasons[uid]:
            note(uid, r)
        note(_executive_above(b, uid), "executive_above")
    order = {u: i for i, u in enumerate(b.units)}
    fp.must_agree = [Item(u, tuple(r)) for u, r in sorted(agree.items(),
                                                          key=lambda kv: order[kv[0]])]
    return fp


def _executive_above(d: Design, uid: str) -> str | None:
    """The nearest executive above `uid` (else its top management), not `uid` itself."""
    path = d.reporting_path(uid)[1:]
    for up in path:
        if d.units[up].kind is UnitKind.EXECUTIVE:
            return up
    for up in path:
        if d.units[up].kind is UnitKind.MANAGEMENT:
            return up
    return None

"""Building blocks for quick fixes: model operations with fresh ids, placed near the CSIRT.

Fixes run when the user asks for them (see `Finding.fix`), so `Design.new_id` is called
only then and a check never changes the design's id counters.
"""

from __future__ import annotations

import re

from ..model import Design, Flow, FlowKind, Unit, UnitKind
from ..model.ops import AddFlow, AddUnit, Op

#: How far to the right of the CSIRT a new outside party is placed (points).
OFFSET_X = 260.0
OFFSET_Y = 90.0


def flow(design: Design, source: str, target: str, kind: FlowKind, label: str = "") -> AddFlow:
    return AddFlow(Flow(design.new_id("f"), source, target, kind, label))


def flows(design: Design, pairs: list[tuple[str, str]], kind: FlowKind,
          label: str = "") -> list[Op]:
    return [flow(design, s, t, kind, label) for s, t in pairs]


def external(design: Design, near: str, name: str, name_en: str, slot: int = 0) -> AddUnit:
    """A new outside party beside unit `near` (one slot lower per extra party)."""
    anchor = design.units[near]
    externals = sum(1 for u in design.units.values() if u.kind is UnitKind.EXTERNAL)
    return AddUnit(Unit(design.new_id("u"), name, UnitKind.EXTERNAL, name_en=name_en,
                        x=anchor.x + OFFSET_X,
                        y=anchor.y + OFFSET_Y * (slot + externals % 3)))


def find_external(design: Design, *needles: str) -> str | None:
    """An existing outside party whose name mentions one of `needles` (case-insensitive;
    a Latin needle must be a whole word, so "SOC" does not match "Association")."""
    patterns = [re.compile(rf"\b{re.escape(n)}\b" if n.isascii() else re.escape(n), re.I)
                for n in needles]
    for u in design.units.values():
        if u.kind is not UnitKind.EXTERNAL:
            continue
        text = f"{u.name} {u.name_en}"
        if any(p.search(text) for p in patterns):
            return u.id
    return None

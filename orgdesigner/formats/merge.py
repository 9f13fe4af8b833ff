"""Merge an imported design into an open one as a single undoable batch of operations.

"Merge into current document" must be one Undo away from never having happened, so the
merge is expressed as `ops.Batch` (AddCompany/AddUnit/AddFlow) rather than done in place.
Imported ids that already exist in the open design get fresh ones (flows follow their
units); companies are matched by name, so units of "本社" join the open design's "本社";
the imported organisation is placed to the right of what is already on the canvas.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable

from ..model import Design, ops
from .table_resolve import name_key

GAP = 80.0


class _Ids:
    """Fresh ids that collide neither with the open design nor with each other."""

    def __init__(self, target: Design, imported: Design):
        self.taken = set(target.units) | set(target.flows) | set(target.companies) | set(
            target.costs)
        self.pending = set(imported.units) | set(imported.flows) | set(imported.companies)
        self.counters: dict[str, int] = {}

    def claim(self, wanted: str, prefix: str) -> str:
        if wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        n = self.counters.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}{n}"
            if candidate not in self.taken and candidate not in self.pending:
                self.counters[prefix] = n
                self.taken.add(candidate)
                return candidate


def _bounds(design: Design) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of every box and company frame, or None when empty."""
    from ..render.style import box_size

    xs0, ys0, xs1, ys1 = [], [], [], []
    for u in design.units.values():
        w, h = box_size(u)
        xs0.append(u.x - w / 2)
        ys0.append(u.y - h / 2)
        xs1.append(u.x + w / 2)
        ys1.append(u.y + h / 2)
    for c in design.companies.values():
        if c.width > 0 and c.height > 0:
            xs0.append(c.x)
            ys0.append(c.y)
            xs1.append(c.x + c.width)
            ys1.append(c.y + c.height)
    if not xs0:
        return None
    return min(xs0), min(ys0), max(xs1), max(ys1)


def placement(target: Design, imported: Design) -> tuple[float, float]:
    """The shift that puts the imported organisation right of the open one, tops aligned."""
    here, there = _bounds(target), _bounds(imported)
    if here is None or there is None:
        return 0.0, 0.0
    return round(here[2] + GAP - there[0], 2), round(here[1] - there[1], 2)


def _company_match(target: Design) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in target.companies.values():
        for key in (name_key(c.name), name_key(c.name_en)):
            if key:
                out.setdefault(key, c.id)
    return out


def merge_ops(target: Design, imported: Design, text: str = "Import") -> ops.Batch:
    """The operations that add `imported` to `target`; `target` itself is not changed."""
    ids = _Ids(target, imported)
    dx, dy = placement(target, imported)
    batch: list[ops.Op] = []
    match = _company_match(target)
    company_ids: dict[str, str] = {}
    for c in imported.companies.values():
        existing = match.get(name_key(c.name)) or match.get(name_key(c.name_en))
        if existing:
            company_ids[c.id] = existing
            continue
        new_id = ids.claim(c.id, "c")
        company_ids[c.id] = new_id
        moved = dataclasses.replace(c, id=new_id)
        if c.width > 0 and c.height > 0:
            moved = dataclasses.replace(moved, x=round(c.x + dx, 2), y=round(c.y + dy, 2))
        batch.append(ops.AddCompany(moved))
    unit_ids = {uid: ids.claim(uid, "u") for uid in imported.units}
    for u in imported.units.values():
        moved = dataclasses.replace(copy.deepcopy(u), id=unit_ids[u.id], x=round(u.x + dx, 2),
                                    y=round(u.y + dy, 2),
                                    company=company_ids.get(u.company, u.company))
        if moved.plan is not None:
            for m in moved.plan.members:
                m.home_unit = unit_ids.get(m.home_unit, m.home_unit)
        batch.append(ops.AddUnit(moved))
    for f in imported.flows.values():
        batch.append(ops.AddFlow(dataclasses.replace(
            f, id=ids.claim(f.id, "f"), source=unit_ids[f.source], target=unit_ids[f.target])))
    return ops.Batch(batch, text)


def merged_ids(batch: ops.Batch) -> list[str]:
    """The ids of the units a merge batch adds, for selecting them afterwards."""
    return [op.unit.id for op in _walk(batch.ops) if isinstance(op, ops.AddUnit)]


def _walk(items: Iterable[ops.Op]) -> Iterable[ops.Op]:
    for op in items:
        if isinstance(op, ops.Batch):
            yield from _walk(op.ops)
        else:
            yield op


__all__ = ["merge_ops", "merged_ids", "placement"]

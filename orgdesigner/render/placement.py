"""Where a unit added by a quick fix goes: free space next to the unit it joins.

A fix proposes a spot (beside the CSIRT, say), which may already hold a box; dropped
there, the new unit hid an existing one. `place_new_units` keeps the proposal when it is
free and otherwise takes the nearest free spot around the related unit, trying rings of
slots outward, so the new box overlaps no unit's box.
"""

from __future__ import annotations

import dataclasses
import math

from ..model import Design, Unit
from ..model.ops import AddFlow, AddUnit, Batch, Op
from .style import box_size

GAP = 24.0  # clear space kept around a placed box (points)
RINGS = 12  # how far out (in slots) the search goes before giving up

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _box(x: float, y: float, w: float, h: float, gap: float = 0.0) -> Box:
    return (x - w / 2 - gap, y - h / 2 - gap, x + w / 2 + gap, y + h / 2 + gap)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def free_spot(boxes: list[Box], want: tuple[float, float], anchor: tuple[float, float],
              size: tuple[float, float]) -> tuple[float, float]:
    """`want` when a box of `size` centred there is clear of `boxes`, else the free slot
    nearest to `want` on a grid around `anchor`."""
    w, h = size
    if not any(_overlaps(_box(*want, w, h, GAP), b) for b in boxes):
        return want
    step_x, step_y = w + 2 * GAP, h + 2 * GAP
    best: tuple[float, float] | None = None
    best_d = math.inf
    for ring in range(1, RINGS + 1):
        for i in range(-ring, ring + 1):
            for j in range(-ring, ring + 1):
                if max(abs(i), abs(j)) != ring:
                    continue
                x, y = anchor[0] + i * step_x, anchor[1] + j * step_y
                if any(_overlaps(_box(x, y, w, h, GAP), b) for b in boxes):
                    continue
                d = math.hypot(x - want[0], y - want[1])
                if d < best_d:
                    best, best_d = (x, y), d
        if best is not None:
            return best
    return want


def place_new_units(design: Design, batch: Batch, lang: str = "en") -> Batch:
    """`batch` with each added unit moved to free space near the unit it is joined to."""
    boxes = [_box(u.x, u.y, *box_size(u, lang)) for u in design.units.values()]
    added = {o.unit.id for o in batch.ops if isinstance(o, AddUnit)}
    related: dict[str, str] = {}
    for o in batch.ops:
        if isinstance(o, AddFlow):
            s, t = o.flow.source, o.flow.target
            if s in added and t in design.units:
                related.setdefault(s, t)
            elif t in added and s in design.units:
                related.setdefault(t, s)
    out: list[Op] = []
    for o in batch.ops:
        if isinstance(o, AddUnit):
            unit: Unit = o.unit
            size = box_size(unit, lang)
            near = design.units.get(related.get(unit.id, ""))
            anchor = (near.x, near.y) if near is not None else (unit.x, unit.y)
            x, y = free_spot(boxes, (unit.x, unit.y), anchor, size)
            boxes.append(_box(x, y, *size))
            o = AddUnit(dataclasses.replace(unit, x=x, y=y), o.index)
        out.append(o)
    return Batch(out, batch.text)

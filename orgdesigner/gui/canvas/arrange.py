"""Align and distribute the selected units: each is one "Move" batch of model operations."""

from __future__ import annotations

from orgdesigner.model import Design, ops
from orgdesigner.render.style import box_size

ALIGN_MODES = ("left", "hcenter", "right", "top", "vcenter", "bottom")


def align_ops(design: Design, unit_ids: list[str], mode: str, lang: str = "en") -> ops.Batch:
    """Line the units' edges (or centres) up with the outermost one."""
    if mode not in ALIGN_MODES:
        raise ValueError(f"unknown alignment {mode!r}")
    units = [design.units[u] for u in unit_ids if u in design.units]
    if len(units) < 2:
        return ops.Batch([], "Align")
    half = {u.id: (box_size(u, lang)[0] / 2, box_size(u, lang)[1] / 2) for u in units}
    moves: dict[str, tuple[float, float]] = {}
    if mode in ("left", "hcenter", "right"):
        if mode == "left":
            edge = min(u.x - half[u.id][0] for u in units)
            moves = {u.id: (edge + half[u.id][0], u.y) for u in units}
        elif mode == "right":
            edge = max(u.x + half[u.id][0] for u in units)
            moves = {u.id: (edge - half[u.id][0], u.y) for u in units}
        else:
            mid = (min(u.x for u in units) + max(u.x for u in units)) / 2
            moves = {u.id: (mid, u.y) for u in units}
    else:
        if mode == "top":
            edge = min(u.y - half[u.id][1] for u in units)
            moves = {u.id: (u.x, edge + half[u.id][1]) for u in units}
        elif mode == "bottom":
            edge = max(u.y + half[u.id][1] for u in units)
            moves = {u.id: (u.x, edge - half[u.id][1]) for u in units}
        else:
            mid = (min(u.y for u in units) + max(u.y for u in units)) / 2
            moves = {u.id: (u.x, mid) for u in units}
    return ops.move_units(design, _changed(design, moves), "Align")


def distribute_ops(design: Design, unit_ids: list[str], axis: str,
                   lang: str = "en") -> ops.Batch:
    """Equal gaps between boxes along `axis` ("h" or "v"); the outermost two stay put."""
    if axis not in ("h", "v"):
        raise ValueError(f"unknown axis {axis!r}")
    units = [design.units[u] for u in unit_ids if u in design.units]
    if len(units) < 3:
        return ops.Batch([], "Distribute")
    i = 0 if axis == "h" else 1
    pos = (lambda u: u.x) if axis == "h" else (lambda u: u.y)
    units.sort(key=pos)
    sizes = [box_size(u, lang)[i] for u in units]
    start = pos(units[0]) - sizes[0] / 2
    end = pos(units[-1]) + sizes[-1] / 2
    gap = (end - start - sum(sizes)) / (len(units) - 1)
    moves = {}
    cursor = start
    for u, size in zip(units, sizes, strict=False):
        c = cursor + size / 2
        moves[u.id] = (round(c, 1), u.y) if axis == "h" else (u.x, round(c, 1))
        cursor += size + gap
    return ops.move_units(design, _changed(design, moves), "Distribute")


def _changed(design: Design, moves: dict[str, tuple[float, float]]) -> dict:
    return {u: p for u, p in moves.items()
            if (design.units[u].x, design.units[u].y) != p}

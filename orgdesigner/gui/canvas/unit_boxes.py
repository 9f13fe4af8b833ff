"""Where every unit is drawn, without a Qt item per unit (Qt-free).

A 50,000-unit group cannot afford a `QGraphicsItem` per unit before the first paint (about
55 µs and a Python wrapper each), so the scene creates unit items only for the part of the
canvas that is looked at (see scene.py) and answers "what is where" from this table: each
unit's box (x, y, w, h: the model's position and the label's box size), its shape and style,
and a grid of cells listing the units whose box touches each cell. The far-out layer, the
minimap, the router's obstacles, hit tests for units without items, the frames' fitted
rectangles and the scene's extent all read it.

The table follows the canvas, not only the model: during a drag it holds where the moved
units are drawn (`move_to`), and the model's next event puts them back where it says.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from orgdesigner.model import Company, Unit
from orgdesigner.render.layout import FRAME_PAD, FRAME_TITLE
from orgdesigner.render.style import UnitStyle, unit_label, unit_style
from orgdesigner.render.style import _size as label_box  # box_size without a 2nd style

Rect = tuple[float, float, float, float]  # x, y, w, h
CELL = 512.0  # scene units per grid cell (a few boxes across)


def cells_of(x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
    """The grid cells a rectangle (left, top, right, bottom) touches."""
    for i in range(math.floor(x0 / CELL), math.floor(x1 / CELL) + 1):
        for j in range(math.floor(y0 / CELL), math.floor(y1 / CELL) + 1):
            yield i, j


def cell_rect(cell: tuple[int, int]) -> tuple[float, float, float, float]:
    """A cell as left, top, right, bottom."""
    return (cell[0] * CELL, cell[1] * CELL, (cell[0] + 1) * CELL, (cell[1] + 1) * CELL)


class UnitBoxes:
    """Every unit's box, shape and style, with a grid index for rectangle queries."""

    def __init__(self) -> None:
        self.rects: dict[str, Rect] = {}
        self.shapes: dict[str, str] = {}
        self.styles: dict[str, UnitStyle] = {}
        self.order: dict[str, int] = {}  # design order: later units are drawn on top
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._where: dict[str, tuple[int, int, int, int]] = {}  # uid → cell span
        self._next = 0
        # left, top, right, bottom around every box, kept as boxes come and go (the view
        # asks after every edit); None: to be measured again
        self._extent: tuple[float, float, float, float] | None = None

    def __len__(self) -> int:
        return len(self.rects)

    def __contains__(self, uid: object) -> bool:
        return uid in self.rects

    # ---- filling ---------------------------------------------------------------------------
    def fill(self, units: Iterable[Unit], lang: str) -> None:
        """Every unit at once (opening a document, switching language)."""
        # `set` for each unit, written out: 50,000 units when a large group opens
        rects: dict[str, Rect] = {}
        shapes: dict[str, str] = {}
        styles: dict[str, UnitStyle] = {}
        order: dict[str, int] = {}
        cells: dict[tuple[int, int], set[str]] = {}
        where: dict[str, tuple[int, int, int, int]] = {}
        floor = math.floor
        for n, unit in enumerate(units):
            uid = unit.id
            style = unit_style(unit)
            styles[uid], shapes[uid], order[uid] = style, style.shape, n
            w, h = label_box(unit_label(unit, lang), style.shape, style.bold)
            x, y = unit.x - w / 2, unit.y - h / 2
            rects[uid] = (x, y, w, h)
            i, j = floor(x / CELL), floor(y / CELL)
            if i == floor((x + w) / CELL) and j == floor((y + h) / CELL):  # most boxes
                where[uid] = (i, j, i, j)
                cell = cells.get((i, j))
                if cell is None:
                    cells[(i, j)] = {uid}
                else:
                    cell.add(uid)
            else:
                where[uid] = _put_cells(cells, uid, x, y, w, h)
        self.rects, self.shapes, self.styles, self.order = rects, shapes, styles, order
        self._cells, self._where, self._next = cells, where, len(order)
        self._extent = None

    def set(self, unit: Unit, lang: str) -> bool:
        """Take a unit's box and style from the model; True when the box changed."""
        style = unit_style(unit)
        self.styles[unit.id] = style
        self.shapes[unit.id] = style.shape
        if unit.id not in self.order:
            self.order[unit.id] = self._next
            self._next += 1
        w, h = label_box(unit_label(unit, lang), style.shape, style.bold)
        return self._put(unit.id, (unit.x - w / 2, unit.y - h / 2, w, h))

    def move_to(self, uid: str, cx: float, cy: float) -> bool:
        """The unit is drawn centred at (cx, cy) (a drag's feedback); True when it moved."""
        r = self.rects.get(uid)
        if r is None:
            return False
        return self._put(uid, (cx - r[2] / 2, cy - r[3] / 2, r[2], r[3]))

    def remove(self, uid: str) -> None:
        self._unindex(uid)
        self._leaves(self.rects.get(uid))
        self.rects.pop(uid, None)
        self.shapes.pop(uid, None)
        self.styles.pop(uid, None)
        self.order.pop(uid, None)

    def _put(self, uid: str, rect: Rect) -> bool:
        old = self.rects.get(uid)
        if old == rect:
            return False
        self._unindex(uid)
        self._leaves(old)
        if self._extent is not None:
            l0, t0, r0, b0 = self._extent
            x, y, w, h = rect
            self._extent = (min(l0, x), min(t0, y), max(r0, x + w), max(b0, y + h))
        self.rects[uid] = rect
        self._where[uid] = _put_cells(self._cells, uid, *rect)
        return True

    def _unindex(self, uid: str) -> None:
        span = self._where.pop(uid, None)
        if span is None:
            return
        for i in range(span[0], span[2] + 1):
            for j in range(span[1], span[3] + 1):
                cell = self._cells.get((i, j))
                if cell is not None:
                    cell.discard(uid)
                    if not cell:
                        del self._cells[(i, j)]

    # ---- queries ---------------------------------------------------------------------------
    def centre(self, uid: str) -> tuple[float, float]:
        x, y, w, h = self.rects[uid]
        return x + w / 2, y + h / 2

    def in_rect(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        """Units whose box meets the rectangle (left, top, right, bottom), in design order."""
        cells = self._cells
        n_cells = (math.floor(x1 / CELL) - math.floor(x0 / CELL) + 1) * (
            math.floor(y1 / CELL) - math.floor(y0 / CELL) + 1)
        if n_cells > len(cells):  # a huge rectangle: look at the boxes themselves
            found: Iterable[str] = self.rects
        else:
            seen: set[str] = set()
            for key in cells_of(x0, y0, x1, y1):
                cell = cells.get(key)
                if cell:
                    seen |= cell
            found = seen
        rects = self.rects
        out = []
        for uid in found:
            x, y, w, h = rects[uid]
            if x <= x1 and x + w >= x0 and y <= y1 and y + h >= y0:
                out.append(uid)
        order = self.order
        out.sort(key=order.__getitem__)
        return out

    def at(self, px: float, py: float, reach: float = 0.0) -> list[str]:
        """Units whose box (grown by `reach`) contains the point, topmost first."""
        out = [u for u in self.in_rect(px - reach, py - reach, px + reach, py + reach)]
        out.reverse()
        return out

    def _leaves(self, rect: Rect | None) -> None:
        """A box goes away: if it touched the kept extent, the extent is measured again."""
        if rect is None or self._extent is None:
            return
        x, y, w, h = rect
        l0, t0, r0, b0 = self._extent
        if x <= l0 or y <= t0 or x + w >= r0 or y + h >= b0:
            self._extent = None

    def bounds(self, skip: set[str] | frozenset[str] = frozenset()) -> Rect | None:
        """The box around every unit not in `skip` (x, y, w, h), or None."""
        extent = self._extent
        if skip or extent is None:
            extent = self._measure(skip)
            if not skip:
                self._extent = extent
        if extent is None:
            return None
        left, top, right, bottom = extent
        return (left, top, right - left, bottom - top)

    def _measure(self, skip: set[str] | frozenset[str]
                 ) -> tuple[float, float, float, float] | None:
        """Left, top, right, bottom around every box not in `skip`."""
        xs0, ys0, xs1, ys1 = [], [], [], []
        for uid, (x, y, w, h) in self.rects.items():
            if uid in skip:
                continue
            xs0.append(x)
            ys0.append(y)
            xs1.append(x + w)
            ys1.append(y + h)
        if not xs0:
            return None
        return (min(xs0), min(ys0), max(xs1), max(ys1))


def _put_cells(cells: dict[tuple[int, int], set[str]], uid: str, x: float, y: float,
               w: float, h: float) -> tuple[int, int, int, int]:
    """List the unit in every grid cell its box touches; the span of cells."""
    span = (math.floor(x / CELL), math.floor(y / CELL), math.floor((x + w) / CELL),
            math.floor((y + h) / CELL))
    for i in range(span[0], span[2] + 1):
        for j in range(span[1], span[3] + 1):
            cell = cells.get((i, j))
            if cell is None:
                cells[(i, j)] = {uid}
            else:
                cell.add(uid)
    return span


def frame_rects(companies: dict[str, Company], boxes: UnitBoxes,
                members: dict[str, set[str]]) -> dict[str, Rect]:
    """Each company's frame as the exports see it (render.diagram.canvas_layout): its own
    rect, or the box around all its units (`members`) — without a pass over every unit
    per company."""
    out = {}
    rects = boxes.rects
    for cid, c in companies.items():
        if c.width > 0 and c.height > 0:
            out[cid] = (c.x, c.y, c.width, c.height)
            continue
        mine = [rects[u] for u in members.get(cid, ()) if u in rects]
        if mine:
            x0 = min(r[0] for r in mine) - FRAME_PAD
            y0 = min(r[1] for r in mine) - FRAME_PAD - FRAME_TITLE
            x1 = max(r[0] + r[2] for r in mine) + FRAME_PAD
            y1 = max(r[1] + r[3] for r in mine) + FRAME_PAD
            out[cid] = (x0, y0, x1 - x0, y1 - y0)
    return out

"""A uniform-grid spatial index of rectangles, for the router's "is this segment clear?".

Why a grid rather than an R-tree: the boxes of an org chart are nearly the same size and
spread evenly, so a grid with cells a little larger than a box answers a query by looking at
a handful of cells, needs no balancing when a unit moves (remove, insert: O(1)), and is a
few lines of plain Python (no dependency, no Qt).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

Rect = tuple[float, float, float, float]  # x, y, w, h
EPS = 1e-6


class RectIndex:
    """Rectangles by key, stored grown by `clearance` on every side (the router keeps at
    least that far from an obstacle)."""

    def __init__(self, clearance: float, cell: float = 240.0) -> None:
        self.clearance = clearance
        self.cell = cell
        self.rects: dict[str, tuple[float, float, float, float]] = {}  # key → x0, y0, x1, y1
        self._cells: dict[tuple[int, int], set[str]] = {}

    def _span(self, x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
        c = self.cell
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                yield i, j

    def put(self, key: str, rect: Rect) -> None:
        self.remove(key)
        m = self.clearance
        r = (rect[0] - m, rect[1] - m, rect[0] + rect[2] + m, rect[1] + rect[3] + m)
        self.rects[key] = r
        for cell in self._span(*r):
            self._cells.setdefault(cell, set()).add(key)

    def remove(self, key: str) -> None:
        r = self.rects.pop(key, None)
        if r is None:
            return
        for cell in self._span(*r):
            keys = self._cells.get(cell)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._cells[cell]

    def near(self, x0: float, y0: float, x1: float, y1: float) -> set[str]:
        """Keys of the grown rectangles that may meet the area (x0, y0)–(x1, y1)."""
        out: set[str] = set()
        cells = self._cells
        c = self.cell
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > 4 * len(cells) + 16:
            return set(self.rects)  # a huge area: cheaper to test everything
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                keys = cells.get((i, j))
                if keys:
                    out |= keys
        return out

    def within(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, ...]]:
        """The grown rectangles meeting the area (for the local routing grid)."""
        rects = self.rects
        out = []
        for k in self.near(x0, y0, x1, y1):
            r = rects[k]
            if r[0] < x1 and r[2] > x0 and r[1] < y1 and r[3] > y0:
                out.append(r)
        return out

    def segment_hits(self, ax: float, ay: float, bx: float, by: float,
                     skip: Iterable[str] = ()) -> str | None:
        """A key whose grown rectangle the axis-parallel segment a–b passes through the
        inside of (touching the border is allowed), or None."""
        x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
        y0, y1 = (ay, by) if ay <= by else (by, ay)
        rects = self.rects
        for k in self.near(x0, y0, x1, y1):
            if k in skip:
                continue
            r = rects[k]
            if (x0 < r[2] - EPS and x1 > r[0] + EPS and y0 < r[3] - EPS and y1 > r[1] + EPS):
                return k
        return None

    def point_inside(self, x: float, y: float, skip: Iterable[str] = ()) -> str | None:
        rects = self.rects
        for k in self.near(x, y, x, y):
            if k in skip:
                continue
            r = rects[k]
            if r[0] + EPS < x < r[2] - EPS and r[1] + EPS < y < r[3] - EPS:
                return k
        return None

"""A uniform-grid spatial index of rectangles, for the router's "is this segment clear?".

Why a grid rather than an R-tree: the boxes of an org chart are nearly the same size and
spread evenly, so a grid with cells a little larger than a box answers a query by looking at
a handful of cells, needs no balancing when a unit moves (remove, insert: O(1)), and is a
few lines of plain Python (no dependency, no Qt). Segment tests use thin sorted bands
instead (see `segment_hits`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator

Rect = tuple[float, float, float, float]  # x, y, w, h
EPS = 1e-6
BAND = 16.0
WIDE = 800.0  # rectangles longer than this skip the bands


class RectIndex:
    """Rectangles by key, stored grown by `clearance` on every side (the router keeps at
    least that far from an obstacle)."""

    def __init__(self, clearance: float, cell: float = 240.0, bands: bool = True) -> None:
        self.clearance = clearance
        self.bands = bands
        self.cell = cell
        self.rects: dict[str, tuple[float, float, float, float]] = {}  # key → x0, y0, x1, y1
        self._cells: dict[tuple[int, int], set[str]] = {}
        # thin bands for segment tests: band → strata of grown rects with the same extent
        # across the band (a row of boxes is one stratum), each [widest, rects sorted along]
        self._h: dict[int, dict[tuple[float, float], list]] = {}
        self._v: dict[int, dict[tuple[float, float], list]] = {}
        self._wide: dict[str, tuple[float, float, float, float]] = {}

    def _span(self, x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
        c = self.cell
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                yield i, j

    def put(self, key: str, rect: Rect) -> None:
        self._put(key, rect, sort=True)

    def put_many(self, items: Iterable[tuple[str, Rect]]) -> None:
        """Many rectangles at once (a new router): appended, then each band sorted once."""
        touched: dict[int, list] = {}
        for key, rect in items:
            for stratum in self._put(key, rect, sort=False):
                touched[id(stratum)] = stratum
        for stratum in touched.values():
            stratum[1].sort()

    def _put(self, key: str, rect: Rect, sort: bool) -> list[list]:
        self.remove(key)
        m = self.clearance
        r = (rect[0] - m, rect[1] - m, rect[0] + rect[2] + m, rect[1] + rect[3] + m)
        self.rects[key] = r
        for cell in self._span(*r):
            self._cells.setdefault(cell, set()).add(key)
        if not self.bands:
            return []
        if r[2] - r[0] > WIDE or r[3] - r[1] > WIDE:  # a title bar: few, tested one by one
            self._wide[key] = r
            return []
        out = []
        for bands, entry, c0, c1, width in (
                (self._h, (r[0], r[2], key), r[1], r[3], r[2] - r[0]),
                (self._v, (r[1], r[3], key), r[0], r[2], r[3] - r[1])):
            for b in range(int(c0 // BAND), int(c1 // BAND) + 1):
                stratum = bands.setdefault(b, {}).setdefault((c0, c1), [0.0, []])
                stratum[0] = max(stratum[0], width)
                if sort:
                    insort(stratum[1], entry)
                else:
                    stratum[1].append(entry)
                    out.append(stratum)
        return out

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
        if self._wide.pop(key, None) is not None:
            return
        for bands, entry, c0, c1 in ((self._h, (r[0], r[2], key), r[1], r[3]),
                                     (self._v, (r[1], r[3], key), r[0], r[2])):
            for b in range(int(c0 // BAND), int(c1 // BAND) + 1):
                strata = bands.get(b)
                stratum = strata.get((c0, c1)) if strata else None
                if stratum:
                    lst = stratum[1]
                    i = bisect_left(lst, entry)
                    if i < len(lst) and lst[i] == entry:
                        del lst[i]
                    if not lst:
                        del strata[(c0, c1)]

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
        inside of (touching the border is allowed), or None.

        Looked up in thin bands (`BAND` high or wide) kept sorted along the band, so a long
        free segment in a channel between two rows costs a bisection and a few tests, not
        a visit to every box along it."""
        x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
        y0, y1 = (ay, by) if ay <= by else (by, ay)
        for k, r in self._wide.items():
            if (x0 < r[2] - EPS and x1 > r[0] + EPS and y0 < r[3] - EPS and y1 > r[1] + EPS
                    and k not in skip):
                return k
        if abs(ay - by) <= EPS:
            bands, c, lo, hi, fwd = self._h, ay, x0, x1, ax <= bx
        else:
            bands, c, lo, hi, fwd = self._v, ax, y0, y1, ay <= by
        strata = bands.get(int(c // BAND))
        if not strata:
            return None
        for (c0, c1), (width, lst) in strata.items():
            if not c0 + EPS < c < c1 - EPS:
                continue  # the whole stratum lies beside the segment's line (or touches it)
            i0 = bisect_left(lst, (lo - width,))
            i1 = bisect_left(lst, (hi - EPS,))
            rng = range(i0, i1) if fwd else range(i1 - 1, i0 - 1, -1)
            for i in rng:
                a0, a1, k = lst[i]
                if a1 > lo + EPS and a0 < hi - EPS and k not in skip:
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

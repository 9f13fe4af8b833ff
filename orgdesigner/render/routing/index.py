"""A uniform-grid spatial index of rectangles, for the router's "is this segment clear?".

Why a grid rather than an R-tree: the boxes of an org chart are nearly the same size and
spread evenly, so a grid with cells a little larger than a box answers a query by looking at
a handful of cells, needs no balancing when a unit moves (remove, insert: O(1)), and is a
few lines of plain Python (no dependency, no Qt). Segment tests use thin sorted bands
instead (see `segment_hits`).

Every query is bounded, whatever the input: a design whose boxes all lie on one point (a
file saved without positions) would otherwise make each query visit every box. A segment
test that would have to look at more than `SCAN` rectangles answers `DENSE` (blocked: in
such a pile no segment is clear anyway), and `within` gives up past its `limit`. `steps`
counts the work done, so the router can hold each flow to a budget.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator

Rect = tuple[float, float, float, float]  # x, y, w, h
EPS = 1e-6
BAND = 16.0
WIDE = 800.0  # rectangles longer than this across a band direction skip those bands
SCAN = 256  # most rectangles one segment test looks at before calling the segment blocked
DENSE = "\0dense"  # the key a segment test returns for "too crowded to tell: blocked"


class RectIndex:
    """Rectangles by key, stored grown by `clearance` on every side (the router keeps at
    least that far from an obstacle)."""

    def __init__(self, clearance: float, cell: float = 240.0, bands: bool = True) -> None:
        self.clearance = clearance
        self.bands = bands
        self.cell = cell
        self.steps = 0  # work done by queries (rectangles and cells looked at)
        self.rects: dict[str, tuple[float, float, float, float]] = {}  # key → x0, y0, x1, y1
        self._cells: dict[tuple[int, int], set[str]] = {}
        # thin bands for segment tests: band → strata of grown rects with the same extent
        # across the band (a row of boxes is one stratum), each [widest, rects sorted along]
        self._h: dict[int, dict[tuple[float, float], list]] = {}
        self._v: dict[int, dict[tuple[float, float], list]] = {}
        # rects too long across one direction's bands (company title bars are very wide):
        # for segments of that direction, strata by their extent along it, sorted across
        self._h_long: dict[tuple[float, float], list] = {}  # too tall for _h: by x-extent
        self._v_long: dict[tuple[float, float], list] = {}  # too wide for _v: by y-extent

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

    def put_many_steps(self, items: Iterable[tuple[str, Rect]],
                       chunk: int = 250) -> Iterator[None]:
        """`put_many`, yielding None after every `chunk` rectangles and every `chunk` bands
        sorted (the canvas indexes a big design between events)."""
        touched: dict[int, list] = {}
        for i, (key, rect) in enumerate(items, 1):
            for stratum in self._put(key, rect, sort=False):
                touched[id(stratum)] = stratum
            if i % chunk == 0:
                yield None
        for i, stratum in enumerate(touched.values(), 1):
            stratum[1].sort()
            if i % chunk == 0:
                yield None

    def _entries(self, r: tuple[float, float, float, float], key: str) -> Iterator[tuple]:
        """Where `r` goes for segment tests: (strata, stratum key, entry, extent across)."""
        if r[3] - r[1] <= WIDE:
            for b in range(int(r[1] // BAND), int(r[3] // BAND) + 1):
                yield self._h.setdefault(b, {}), (r[1], r[3]), (r[0], r[2], key), r[2] - r[0]
        else:
            yield self._h_long, (r[0], r[2]), (r[1], r[3], key), r[3] - r[1]
        if r[2] - r[0] <= WIDE:
            for b in range(int(r[0] // BAND), int(r[2] // BAND) + 1):
                yield self._v.setdefault(b, {}), (r[0], r[2]), (r[1], r[3], key), r[3] - r[1]
        else:
            yield self._v_long, (r[1], r[3]), (r[0], r[2], key), r[2] - r[0]

    def _put(self, key: str, rect: Rect, sort: bool) -> list[list]:
        self.remove(key)
        m = self.clearance
        r = (rect[0] - m, rect[1] - m, rect[0] + rect[2] + m, rect[1] + rect[3] + m)
        self.rects[key] = r
        cells = self._cells
        for cell in self._span(*r):
            keys = cells.get(cell)
            if keys is None:
                cells[cell] = {key}
            else:
                keys.add(key)
        if not self.bands:
            return []
        out = []
        for strata, skey, entry, width in self._entries(r, key):
            stratum = strata.get(skey)
            if stratum is None:
                stratum = strata[skey] = [width, []]
            elif width > stratum[0]:
                stratum[0] = width
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
        if not self.bands:
            return
        for strata, skey, entry, _width in self._entries(r, key):
            stratum = strata.get(skey)
            if stratum:
                lst = stratum[1]
                i = bisect_left(lst, entry)
                if i < len(lst) and lst[i] == entry:
                    del lst[i]
                if not lst:
                    del strata[skey]

    def near(self, x0: float, y0: float, x1: float, y1: float,
             limit: int | None = None) -> set[str] | None:
        """Keys of the grown rectangles that may meet the area (x0, y0)–(x1, y1); None when
        there are more than `limit` of them."""
        out: set[str] = set()
        cells = self._cells
        c = self.cell
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        n = (i1 - i0 + 1) * (j1 - j0 + 1)
        if n > 4 * len(cells) + 16:  # a huge area: cheaper to test everything
            if limit is not None and len(self.rects) > limit:
                self.steps += 1
                return None
            self.steps += len(self.rects)
            return set(self.rects)
        if limit is not None and n > 4 * limit + 16:  # too many cells to look at
            self.steps += 1
            return None
        self.steps += n
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                keys = cells.get((i, j))
                if keys:
                    if limit is not None and len(keys) > limit:
                        return None
                    out |= keys
                    if limit is not None and len(out) > limit:
                        return None
        self.steps += len(out)
        return out

    def within(self, x0: float, y0: float, x1: float, y1: float,
               limit: int | None = None) -> list[tuple[float, ...]] | None:
        """The grown rectangles meeting the area (for the local routing grid); None when
        more than `limit` may meet it (too crowded to route through)."""
        keys = self.near(x0, y0, x1, y1, limit)
        if keys is None:
            return None
        rects = self.rects
        out = []
        for k in keys:
            r = rects[k]
            if r[0] < x1 and r[2] > x0 and r[1] < y1 and r[3] > y0:
                out.append(r)
        return out

    def meets(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Whether any grown rectangle meets the area (stops at the first one)."""
        cells = self._cells
        rects = self.rects
        c = self.cell
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                for k in cells.get((i, j), ()):
                    r = rects[k]
                    if r[0] < x1 and r[2] > x0 and r[1] < y1 and r[3] > y0:
                        return True
        return False

    def segment_hits(self, ax: float, ay: float, bx: float, by: float,
                     skip: Iterable[str] = ()) -> str | None:
        """A key whose grown rectangle the axis-parallel segment a–b passes through the
        inside of (touching the border is allowed), or None; `DENSE` when that would mean
        looking at more than `SCAN` rectangles.

        Looked up in thin bands (`BAND` high or wide) kept sorted along the band, so a long
        free segment in a channel between two rows costs a bisection and a few tests, not
        a visit to every box along it."""
        if abs(ay - by) <= EPS:
            c, fwd = ay, ax <= bx
            lo, hi = (ax, bx) if fwd else (bx, ax)
            strata = self._h.get(int(c // BAND))
            across = self._h_long
        else:
            c, fwd = ax, ay <= by
            lo, hi = (ay, by) if fwd else (by, ay)
            strata = self._v.get(int(c // BAND))
            across = self._v_long
        if across:  # rects too long across this direction's bands (title bars)
            hit = self._hits_long(across, c, lo, hi, skip)
            if hit is not None:
                return hit
        if not strata:
            self.steps += 1
            return None
        seen = len(strata)
        if seen > SCAN:
            self.steps += SCAN
            return DENSE
        for (c0, c1), (width, lst) in strata.items():
            if not c0 + EPS < c < c1 - EPS:
                continue  # the whole stratum lies beside the segment's line (or touches it)
            i0 = bisect_left(lst, (lo - width,))
            i1 = bisect_left(lst, (hi - EPS,))
            rng = range(i0, i1) if fwd else range(i1 - 1, i0 - 1, -1)
            for i in rng:
                seen += 1
                if seen > SCAN:  # rects piled up along the line: call it blocked
                    self.steps += seen
                    return DENSE
                a0, a1, k = lst[i]
                if a1 > lo + EPS and a0 < hi - EPS and k not in skip:
                    self.steps += seen
                    return k
        self.steps += seen
        return None

    def _hits_long(self, strata: dict[tuple[float, float], list], c: float, lo: float,
                   hi: float, skip: Iterable[str]) -> str | None:
        """A segment on line `c` from `lo` to `hi` against rects grouped by their extent
        along it, sorted across it (a few strata: title bars of one level share theirs)."""
        seen = len(strata)
        if seen > SCAN:
            self.steps += SCAN
            return DENSE
        for (a0, a1), (width, lst) in strata.items():
            if not (a0 < hi - EPS and a1 > lo + EPS):
                continue
            i0 = bisect_left(lst, (c - width,))
            i1 = bisect_left(lst, (c - EPS,))
            for i in range(i0, i1):
                seen += 1
                if seen > SCAN:
                    self.steps += seen
                    return DENSE
                b0, b1, k = lst[i]
                if b0 + EPS < c < b1 - EPS and k not in skip:
                    self.steps += seen
                    return k
        self.steps += seen
        return None

    def point_inside(self, x: float, y: float, skip: Iterable[str] = ()) -> str | None:
        """A key whose grown rectangle has (x, y) strictly inside (stops at the first)."""
        rects = self.rects
        c = self.cell
        for k in self._cells.get((int(x // c), int(y // c)), ()):
            if k in skip:
                continue
            r = rects[k]
            if r[0] + EPS < x < r[2] - EPS and r[1] + EPS < y < r[3] - EPS:
                return k
        return None

"""Which tracks the routed segments lie on, for "is this track free here?" (`_nudge`).

Segments are kept by axis and rounded line coordinate, and within a line in tiers by
length, each tier sorted by where the segment starts. A query bisects each tier to the
segments that can reach its range, so a channel line that carries thousands of segments
(the main channel of a 50,000-unit chart) costs a bisection and a few tests, not a scan of
the line; and a line where routes pile on top of each other (a design without positions)
answers "occupied" at the first one.
"""

from __future__ import annotations

from bisect import bisect_left, insort

Point = tuple[float, float]
SHORTEST = 64.0  # tier k holds segments up to SHORTEST * 4**k long
NEAR = 0.6  # segments closer than this many tracks share one
SLACK = 0.5  # segments overlapping by less than this along the line do not share a track


def _tier(length: float) -> int:
    k = 0
    bound = SHORTEST
    while length > bound:
        bound *= 4.0
        k += 1
    return k


class Tracks:
    """Segments by (axis, round(line)) → {tier: sorted [(lo, hi, line, flow)]}; axis 1 is
    a horizontal segment (it lies on a y line), 0 a vertical one."""

    def __init__(self, track: float) -> None:
        self.near = track * NEAR
        self.steps = 0  # entries looked at by queries
        self._lines: dict[tuple[int, int], dict[int, list[tuple[float, float, float, str]]]] = {}

    @staticmethod
    def _segments(pts: list[Point]):  # type: ignore[no-untyped-def]
        """The inner segments of a route (the end stubs stay at their ports)."""
        for a, b in zip(pts[1:-2], pts[2:-1], strict=False):
            axis = 1 if abs(a[1] - b[1]) < 1e-6 else 0
            lo, hi = (a[1 - axis], b[1 - axis]) if a[1 - axis] <= b[1 - axis] \
                else (b[1 - axis], a[1 - axis])
            yield (axis, round(a[axis])), _tier(hi - lo), (lo, hi, a[axis])

    def add(self, fid: str, pts: list[Point]) -> None:
        for key, tier, (lo, hi, c) in self._segments(pts):
            insort(self._lines.setdefault(key, {}).setdefault(tier, []), (lo, hi, c, fid))

    def remove(self, fid: str, pts: list[Point]) -> None:
        for key, tier, (lo, hi, c) in self._segments(pts):
            tiers = self._lines.get(key)
            lst = tiers.get(tier) if tiers else None
            if not lst:
                continue
            entry = (lo, hi, c, fid)
            i = bisect_left(lst, entry)
            if i < len(lst) and lst[i] == entry:
                del lst[i]
                if not lst:
                    del tiers[tier]  # type: ignore[union-attr]
                    if not tiers:
                        del self._lines[key]

    def occupied(self, axis: int, c: float, lo: float, hi: float, fid: str,
                 scan: int) -> bool:
        """Whether another flow's segment lies on the track at `c` overlapping lo–hi; True
        as well when telling would mean looking at more than `scan` segments."""
        seen = 0
        near = self.near
        lines = self._lines
        r = round(c)
        for key in ((axis, r - 1), (axis, r), (axis, r + 1)):
            tiers = lines.get(key)
            if not tiers:
                continue
            for tier, lst in tiers.items():
                i = bisect_left(lst, (lo + SLACK - SHORTEST * 4.0 ** tier,))
                end = bisect_left(lst, (hi - SLACK,))
                seen += 1
                while i < end:
                    lo2, hi2, c2, other = lst[i]
                    i += 1
                    seen += 1
                    if seen > scan:
                        self.steps += seen
                        return True
                    if other != fid and abs(c2 - c) < near and hi2 > lo + SLACK:
                        self.steps += seen
                        return True
        self.steps += seen + 1
        return False

"""One orthogonal path between two stub ends, around the obstacles of a `RectIndex`.

Why this algorithm: the targets are 500 flows among 5,000 boxes in half a second and a
re-route after a move within a frame, in pure Python. A global orthogonal visibility graph
(libavoid, yFiles) costs O(n log n) to build and has to be rebuilt or patched on every move;
Graphviz's spline router took seconds at a few hundred boxes. Org-chart flows are nearly
always simple: a straight line, an L, or a Z/U through the free channel between two rows or
columns. So each flow first tries a short list of such shapes (ranked by length and bends,
each checked against the grid index in O(boxes near the segment)); only when all of them are
blocked does it run A* with a bend penalty on a *local* sparse grid whose lines are the
grown-box edges (and the channel middles between them) in a window around the two ends,
widening the window until a path exists. Work per flow therefore depends on the boxes near
it, not on the size of the design.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right

from .index import EPS, RectIndex

Point = tuple[float, float]
BEND = 30.0  # a bend costs as much as this many points of length
BACK = 200.0  # leaving a stub backwards (toward its own box)
FLOW_BUDGET = 20_000  # search steps one flow may spend (a tidy chart's flows: at most ~1,000)
WINDOW_BOXES = 600  # most boxes an A* window may hold (beyond: too crowded to search)
CHANNEL_BOXES = 64  # most boxes near an end a channel search looks at (a tidy chart: ~10)
MAX_GRID = 40_000  # most nodes of one A* grid


def _clear(index: RectIndex, pts: list[Point]) -> bool:
    return all(index.segment_hits(a[0], a[1], b[0], b[1]) is None
               for a, b in zip(pts, pts[1:], strict=False))


def _cost(pts: list[Point], ds: Point, dt: Point) -> float:
    length = 0.0
    bends = 0
    px, py = ds
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        dx, dy = bx - ax, by - ay
        if dx == 0 and dy == 0:
            continue
        length += abs(dx) + abs(dy)
        d = ((dx > 0) - (dx < 0), (dy > 0) - (dy < 0))
        if d != (px, py):
            bends += 1
            if d == (-px, -py):
                length += BACK
            px, py = d
    if (px, py) != (-dt[0], -dt[1]):
        bends += 1
        if (px, py) == dt:
            length += BACK
    return length + BEND * bends


def _sign(v: float) -> int:
    return 0 if abs(v) < EPS else (1 if v > 0 else -1)


def simplify(pts: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three collinear ones."""
    out: list[Point] = []
    for p in pts:
        if out and abs(out[-1][0] - p[0]) < EPS and abs(out[-1][1] - p[1]) < EPS:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < EPS and abs(b[0] - p[0]) < EPS) or (
                    abs(a[1] - b[1]) < EPS and abs(b[1] - p[1]) < EPS):
                out[-1] = p
                continue
        out.append(p)
    return out


def _windows(lo: float, hi: float, mid: float, reach: float) -> list[tuple[float, float]]:
    """[lo, hi], or only its two ends and its middle when it is long."""
    if hi - lo <= 4 * reach:
        return [(lo, hi)]
    return [(lo, lo + reach), (mid - reach, mid + reach), (hi - reach, hi)]


def _channels(index: RectIndex, lo: float, hi: float, span: tuple[float, float],
              axis: int, mid: float) -> list[float]:
    """Coordinates (on `axis`: 0 = x, 1 = y) worth trying for the middle leg of a Z or U:
    the middle, and the borders of grown boxes between and just beyond the two ends.
    Only boxes near the ends and the middle are looked at, so a flow across a whole group
    costs no more than a short one."""
    pad = 80.0
    vals = set()
    for b0, b1 in _windows(span[0], span[1], (span[0] + span[1]) / 2, 300.0):
        for c0, c1 in _windows(lo - pad, hi + pad, mid, 300.0):
            if axis == 1:
                rects = index.within(b0, c0, b1, c1, CHANNEL_BOXES) or ()
                vals |= {r[1] for r in rects} | {r[3] for r in rects}
            else:
                rects = index.within(c0, b0, c1, b1, CHANNEL_BOXES) or ()
                vals |= {r[0] for r in rects} | {r[2] for r in rects}
    vals.add(mid)
    vals.add(lo - pad / 2)
    vals.add(hi + pad / 2)
    return sorted(vals, key=lambda v: (abs(v - mid), v))[:14]  # ties: same order every run


def candidates(index: RectIndex, s: Point, ds: Point, t: Point, dt: Point) -> list[list[Point]]:
    """Straight, L, Z and U shapes from s to t."""
    out = [[s, t]] if abs(s[0] - t[0]) < EPS or abs(s[1] - t[1]) < EPS else []
    out.append([s, (t[0], s[1]), t])
    out.append([s, (s[0], t[1]), t])
    x0, x1 = min(s[0], t[0]), max(s[0], t[0])
    y0, y1 = min(s[1], t[1]), max(s[1], t[1])
    for m in _channels(index, y0, y1, (x0, x1), 1, (s[1] + t[1]) / 2):
        out.append([s, (s[0], m), (t[0], m), t])
    for m in _channels(index, x0, x1, (y0, y1), 0, (s[0] + t[0]) / 2):
        out.append([s, (m, s[1]), (m, t[1]), t])
    return out


def two_channel(index: RectIndex, s: Point, t: Point) -> list[list[Point]]:
    """Five-segment shapes: along a channel near s, across through a channel between, and
    along a channel near t (what a route through a grid of boxes mostly needs)."""
    out = []
    x0, x1 = min(s[0], t[0]), max(s[0], t[0])
    y0, y1 = min(s[1], t[1]), max(s[1], t[1])
    near_s_y = _channels(index, s[1], s[1], (s[0] - 40, s[0] + 40), 1, s[1])[:4]
    near_t_y = _channels(index, t[1], t[1], (t[0] - 40, t[0] + 40), 1, t[1])[:4]
    mid_x = _channels(index, x0, x1, (y0, y1), 0, (s[0] + t[0]) / 2)[:8]
    for m1 in near_s_y:
        for m3 in near_t_y:
            for m2 in mid_x:
                out.append([s, (s[0], m1), (m2, m1), (m2, m3), (t[0], m3), t])
    near_s_x = _channels(index, s[0], s[0], (s[1] - 40, s[1] + 40), 0, s[0])[:4]
    near_t_x = _channels(index, t[0], t[0], (t[1] - 40, t[1] + 40), 0, t[0])[:4]
    mid_y = _channels(index, y0, y1, (x0, x1), 1, (s[1] + t[1]) / 2)[:8]
    for m1 in near_s_x:
        for m3 in near_t_x:
            for m2 in mid_y:
                out.append([s, (m1, s[1]), (m1, m2), (m3, m2), (m3, t[1]), t])
    return out


def find_path(index: RectIndex, s: Point, ds: Point, t: Point, dt: Point,
              budget: int = FLOW_BUDGET) -> list[Point]:
    """The cheapest clear path from stub end s (leaving along ds) to stub end t (which the
    path reaches heading along -dt), found within `budget` search steps (`index.steps`):
    past that, or when the boxes around are too crowded to route through (a design saved
    without positions piles every box on one point), the cheapest simple shape, drawn
    through whatever is in the way."""
    start = index.steps
    shapes = budget // 3  # the simple shapes may not eat the grid search's share
    simple = sorted(((_cost(p, ds, dt), i, p)
                     for i, p in enumerate(candidates(index, s, ds, t, dt))))
    fallback = simple[0][2]
    for *_rank, p in simple:
        if index.steps - start > shapes:
            break
        if _clear(index, p):
            return simplify(p)
    if index.steps - start <= shapes:
        ranked = sorted(((_cost(p, ds, dt), i, p)
                         for i, p in enumerate(two_channel(index, s, t))))
        for *_rank, p in ranked:
            if index.steps - start > shapes:
                break
            if _clear(index, p):
                return simplify(p)
    pad = 100.0
    for _ in range(8):
        try:
            path = grid_astar(index, s, ds, t, dt, pad, budget - (index.steps - start))
        except TooCrowded:
            break
        if path is not None:
            return simplify(path)
        pad *= 2.5
    return simplify(fallback)  # boxes overlap so that nothing is free: draw the simplest


class TooCrowded(Exception):
    """The search window holds too many boxes, or the flow's budget ran out: stop
    searching (a wider window would only be more so)."""


def grid_astar(index: RectIndex, s: Point, ds: Point, t: Point, dt: Point,
               pad: float, budget: int = FLOW_BUDGET) -> list[Point] | None:
    """A* with a bend penalty over the sparse grid of grown-box edges near s and t; None
    when no path lies inside this window. Raises `TooCrowded` past `budget` steps, more
    than `WINDOW_BOXES` boxes or `MAX_GRID` grid nodes."""
    wx0, wx1 = min(s[0], t[0]) - pad, max(s[0], t[0]) + pad
    wy0, wy1 = min(s[1], t[1]) - pad, max(s[1], t[1]) + pad
    rects = index.within(wx0, wy0, wx1, wy1, WINDOW_BOXES)
    if rects is None:
        raise TooCrowded
    xs_set = {s[0], t[0], wx0, wx1}
    ys_set = {s[1], t[1], wy0, wy1}
    for r in rects:
        for v in (r[0], r[2]):
            if wx0 < v < wx1:
                xs_set.add(v)
        for v in (r[1], r[3]):
            if wy0 < v < wy1:
                ys_set.add(v)
    xs = _with_middles(sorted(xs_set))
    ys = _with_middles(sorted(ys_set))
    nx, ny = len(xs), len(ys)
    # the grid's three arrays are allocated at C speed; marking walks the boxes' cells
    cost = nx * ny // 8 + len(rects)
    if nx * ny > MAX_GRID or cost > budget:
        raise TooCrowded
    index.steps += cost
    budget -= cost
    blocked, hblock, vblock = _mark(rects, xs, ys)
    si, sj = xs.index(s[0]), ys.index(s[1])
    ti, tj = xs.index(t[0]), ys.index(t[1])
    dirs = ((1, 0), (-1, 0), (0, 1), (0, -1))
    d0 = dirs.index((_sign(ds[0]), _sign(ds[1]))) if ds in dirs else 0
    tx, ty = t

    def h(i: int, j: int) -> float:
        return abs(xs[i] - tx) + abs(ys[j] - ty)

    start = (si, sj, d0)
    best = {start: 0.0}
    came: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    heap = [(h(si, sj), 0.0, start)]
    pops = 0
    while heap:
        _f, g, state = heapq.heappop(heap)
        pops += 1
        if pops > budget:
            index.steps += pops
            raise TooCrowded
        i, j, d = state
        if g > best.get(state, 1e30):
            continue
        if i == ti and j == tj:
            index.steps += pops
            path = [(xs[i], ys[j])]
            while state in came:
                state = came[state]
                path.append((xs[state[0]], ys[state[1]]))
            path.reverse()
            return path
        for nd, (di, dj) in enumerate(dirs):
            if dirs[nd] == (-dirs[d][0], -dirs[d][1]):
                continue
            ni, nj = i + di, j + dj
            if not (0 <= ni < nx and 0 <= nj < ny) or blocked[nj * nx + ni]:
                continue
            if di:
                if hblock[j * nx + min(i, ni)]:
                    continue
                step = abs(xs[ni] - xs[i])
            else:
                if vblock[min(j, nj) * nx + i]:
                    continue
                step = abs(ys[nj] - ys[j])
            ng = g + step + (BEND if nd != d else 0.0)
            ns = (ni, nj, nd)
            if ng < best.get(ns, 1e30):
                best[ns] = ng
                came[ns] = state
                heapq.heappush(heap, (ng + h(ni, nj), ng, ns))
    index.steps += pops
    return None


def _mark(rects: list[tuple[float, ...]], xs: list[float], ys: list[float]
          ) -> tuple[bytearray, bytearray, bytearray]:
    """Which grid nodes lie strictly inside a grown box, and which horizontal and vertical
    links pass through one. Box by box when the boxes cover little of the grid; by 2-D
    prefix sums when they pile up (overlapping boxes would otherwise cost boxes × grid)."""
    nx, ny = len(xs), len(ys)
    spans = []  # (node region, h-link region, v-link region), each i0, i1, j0, j1
    area = 0
    for r in rects:
        i0, i1 = bisect_right(xs, r[0] + EPS), bisect_left(xs, r[2] - EPS)  # strictly inside
        j0, j1 = bisect_right(ys, r[1] + EPS), bisect_left(ys, r[3] - EPS)
        ia, ib = bisect_left(xs, r[0] - EPS), bisect_right(xs, r[2] + EPS)  # on or inside
        ja, jb = bisect_left(ys, r[1] - EPS), bisect_right(ys, r[3] + EPS)
        spans.append(((i0, i1, j0, j1), (ia, ib - 1, j0, j1), (i0, i1, ja, jb - 1)))
        area += max(0, j1 - j0) * (max(0, i1 - i0) + max(0, ib - 1 - ia)) \
            + max(0, i1 - i0) * max(0, jb - 1 - ja)
    if area > 3 * nx * ny:
        return tuple(_covered(nx, ny, [sp[k] for sp in spans])  # type: ignore[return-value]
                     for k in range(3))
    blocked = bytearray(nx * ny)  # node strictly inside a grown box
    hblock = bytearray(nx * ny)  # link (i, j)–(i+1, j) passes through a box
    vblock = bytearray(nx * ny)  # link (i, j)–(i, j+1)
    for (i0, i1, j0, j1), (ia, ib, _j0, _j1), (_i0, _i1, ja, jb) in spans:
        for j in range(j0, j1):
            row = j * nx
            for i in range(i0, i1):
                blocked[row + i] = 1
            for i in range(ia, ib):
                hblock[row + i] = 1
        for i in range(i0, i1):
            for j in range(ja, jb):
                vblock[j * nx + i] = 1
    return blocked, hblock, vblock


def _covered(nx: int, ny: int, regions: list[tuple[int, int, int, int]]) -> bytearray:
    """1 where any region (i0, i1, j0, j1, half-open) covers the cell: O(regions + grid)."""
    w = nx + 1
    diff = [0] * (w * (ny + 1))
    for i0, i1, j0, j1 in regions:
        if i0 < i1 and j0 < j1:
            diff[j0 * w + i0] += 1
            diff[j0 * w + i1] -= 1
            diff[j1 * w + i0] -= 1
            diff[j1 * w + i1] += 1
    out = bytearray(nx * ny)
    cols = [0] * nx
    for j in range(ny):
        run = 0
        base = j * w
        row = j * nx
        for i in range(nx):
            run += diff[base + i]
            cols[i] += run
            if cols[i] > 0:
                out[row + i] = 1
    return out


def _with_middles(vals: list[float]) -> list[float]:
    """Grid lines plus the middle of each gap, so paths run down the middle of channels."""
    out = []
    for a, b in zip(vals, vals[1:], strict=False):
        out.append(a)
        if b - a > 4.0:
            out.append((a + b) / 2)
    if vals:
        out.append(vals[-1])
    return out

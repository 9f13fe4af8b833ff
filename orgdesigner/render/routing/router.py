"""The flow router: every overlay flow as an orthogonal path around the boxes it does not
join, shared by the canvas and every export so both draw the same routes.

Steps for a set of flows: pick each end's side (`ports.side_order`), spread the ends on
each side (`ports.spread`), find the path between the two stub ends (`paths.find_path`),
then give segments that would lie on one line their own track (`_nudge`). Moving a unit
re-routes only the flows that join it, share a box side with those, or cross its new place:
the rest of the design is untouched, so a move costs a few flows, not the whole chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ... import gc_pause
from .index import SCAN, RectIndex
from .paths import FLOW_BUDGET, find_path, simplify
from .ports import CENTRE_GAP, NORMAL, border_point, side_order, side_point, spread, stub_end
from .tracks import Tracks

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
CLEARANCE = 6.0  # a route keeps at least this far from every box it does not join
TRACK = 5.0  # distance between parallel routes sharing a channel
PORT_GAP = 7.0  # least distance between two flow ends on one box side (arrowheads apart)
MIN_END = 12.0  # the first and last segment stay this long (arrowhead, then the bend)
BAR = "\0bar:"  # key prefix of company title bars


class FlowRouter:
    """Routes for flows among boxes; `route_all` once, then `move` as units move."""

    def __init__(self, rects: dict[str, Rect], shapes: dict[str, str] | None = None,
                 bars: Iterable[Rect] = (), orientation: str = "tb") -> None:
        self.index = RectIndex(CLEARANCE)
        self.boxes: dict[str, Rect] = dict(rects)
        self.shapes = shapes or {}
        self.reserve = ("left", "right") if orientation == "lr" else ("top", "bottom")
        with gc_pause.paused():
            self.index.put_many(rects.items())
        self._put_bars(bars)
        self.ends: dict[str, tuple[str, str]] = {}  # flow → (source, target)
        self.sides: dict[str, tuple[str, str]] = {}
        self.ports: dict[str, list[Point]] = {}  # flow → [source port, target port]
        self.routes: dict[str, list[Point]] = {}  # flow → polyline, source port → target port
        self._on_side: dict[tuple[str, str], set[tuple[str, int]]] = {}  # (unit, side) → ends
        self._of: dict[str, set[str]] = {}  # unit → flows
        self._tracks = Tracks(TRACK)  # every route's inner segments, for `_nudge`
        # every route's segments (key "flow\0k"): a move finds the routes it crosses
        # built on the first move: an export never moves anything
        self._route_index = RectIndex(0.0, cell=2000.0, bands=False)
        self._segments: dict[str, int] = {}  # flow → how many segments it indexed
        self._indexed = False

    def _put_bars(self, bars: Iterable[Rect]) -> None:
        for i, (x, y, w, h) in enumerate(bars):  # the bar itself is the obstacle, not grown
            c = CLEARANCE
            self.index.put(f"{BAR}{i}", (x + c, y + c, max(w - 2 * c, 0.0), max(h - 2 * c, 0.0)))

    @classmethod
    def building(cls, rects: dict[str, Rect], shapes: dict[str, str] | None = None,
                 bars: Iterable[Rect] = (), orientation: str = "tb",
                 chunk: int = 250) -> Iterator[FlowRouter | None]:
        """`FlowRouter(rects, shapes, bars, orientation)` built `chunk` boxes at a time:
        yields None between chunks and the router last (the same index, in the same order).
        Indexing 50,000 boxes takes seconds: the canvas builds it between events."""
        router = cls({}, shapes, (), orientation)
        router.boxes.update(rects)
        yield from router.index.put_many_steps(list(rects.items()), chunk)
        router._put_bars(bars)
        yield router

    @property
    def steps(self) -> int:
        """Search steps spent so far (boxes, cells and segments looked at, A* nodes): each
        flow may spend at most `paths.FLOW_BUDGET`, so routing ends in time on any input."""
        return self.index.steps + self._tracks.steps

    # ---- the flows -------------------------------------------------------------------------
    def add(self, fid: str, source: str, target: str) -> None:
        self.ends[fid] = (source, target)
        self._of.setdefault(source, set()).add(fid)
        self._of.setdefault(target, set()).add(fid)

    def remove(self, fid: str) -> set[str]:
        """Forget a flow; returns the flows whose ports moved (re-routed)."""
        if fid not in self.ends:
            return set()
        touched = self._drop_sides(fid)
        s, t = self.ends.pop(fid)
        for u in (s, t):
            self._of.get(u, set()).discard(fid)
        self._forget_route(fid)
        self.ports.pop(fid, None)
        return self._reroute(set(), touched)

    def route_all(self) -> dict[str, list[Point]]:
        with gc_pause.paused():  # tens of thousands of small objects, no cycles
            self._reroute(set(self.ends), set())
        return self.routes

    def route(self, fids: Iterable[str]) -> set[str]:
        """(Re-)route these flows; returns every flow whose route changed."""
        return self._reroute(set(fids) & set(self.ends), set())

    def move(self, uid: str, rect: Rect) -> set[str]:
        """A unit moved or resized: re-route what that affects; returns those flows."""
        todo: set[str] = set()
        for _ in self.move_steps(uid, rect, todo):
            pass
        return todo

    def move_steps(self, uid: str, rect: Rect, todo: set[str]) -> Iterator[None]:
        """`move` a little at a time (the box is taken at the first step); `todo` receives
        every flow re-routed. Moving a hub of a large design re-routes thousands of flows:
        the canvas runs it between events."""
        self.boxes[uid] = rect
        self.index.put(uid, rect)
        x0, y0, x1, y1 = self.index.rects[uid]
        if not self._indexed:
            yield from self.index_steps()
        crossing = set()
        for key in self._route_index.near(x0, y0, x1, y1):
            fid, k = key.split("\0")
            pts = self.routes.get(fid, [])
            if int(k) + 1 < len(pts) and _seg_in(pts[int(k)], pts[int(k) + 1],
                                                 (x0, y0, x1, y1)):
                crossing.add(fid)
        yield from self.reroute_steps(set(self._of.get(uid, ())) | crossing, set(), todo)

    def index_steps(self, chunk: int = 4) -> Iterator[None]:
        """Index every route's segments for `move` (which finds the routes a moved box now
        crosses), `chunk` routes at a time: the canvas does it between events once a large
        design is routed, so the first edit does not wait for it."""
        while not self._indexed:
            missing = [f for f in self.routes if f not in self._segments]
            for i in range(0, len(missing), chunk):
                for fid in missing[i:i + chunk]:
                    pts = self.routes.get(fid)
                    if pts is not None and fid not in self._segments:
                        self._index_route(fid, pts)
                yield
            if all(f in self._segments for f in self.routes):
                self._indexed = True

    def forget_box(self, uid: str) -> None:
        """A unit is gone (its flows were removed first)."""
        self.boxes.pop(uid, None)
        self.index.remove(uid)

    # ---- routing ---------------------------------------------------------------------------
    def _reroute(self, fids: set[str], sides_touched: set[tuple[str, str]]) -> set[str]:
        todo: set[str] = set()
        for _ in self.reroute_steps(fids, sides_touched, todo):
            pass
        return todo

    def route_all_steps(self) -> Iterator[None]:
        """`route_all` a little at a time: yields between pieces of work (the canvas routes a
        big design between events)."""
        return self.reroute_steps(set(self.ends), set(), set())

    def reroute_steps(self, fids: set[str], sides_touched: set[tuple[str, str]],
                      todo: set[str]) -> Iterator[None]:
        """Re-route `fids`, yielding now and then; `todo` receives every flow re-routed."""
        touched = set(sides_touched)
        for n, fid in enumerate(sorted(fids)):  # sides fill up in order: same routes every run
            touched |= self._drop_sides(fid)
            s, t = self.ends[fid]
            ss, ts = self._pick_sides(s, t)
            self.sides[fid] = (ss, ts)
            self._on_side.setdefault((s, ss), set()).add((fid, 0))
            self._on_side.setdefault((t, ts), set()).add((fid, 1))
            touched.add((s, ss))
            touched.add((t, ts))
            if n % 32 == 31:
                yield
        todo |= fids
        for n, key in enumerate(touched):
            todo |= self._place_ports(key)
            if n % 256 == 255:
                yield
        order = sorted(todo)
        for fid in order:
            self._forget_route(fid)
        for fid in order:  # one path can take milliseconds (a search around many boxes)
            self._path(fid)
            yield

    def _pick_sides(self, s: str, t: str) -> tuple[str, str]:
        a, b = self.boxes[s], self.boxes[t]
        if s == t:
            return "right", "top"
        return self._free_side(s, side_order(a, b)), self._free_side(t, side_order(b, a))

    def _free_side(self, uid: str, order: list[str]) -> str:
        """The first side in `order` with room for a stub and for one more port (a side
        holds as many ports as fit `PORT_GAP` apart), else the least crowded free one."""
        r = self.boxes[uid]
        free = []
        for side in order:
            p0, p1 = stub_end(side_point(r, side, 0.1), side), stub_end(side_point(r, side, 0.9),
                                                                        side)
            if self.index.segment_hits(p0[0], p0[1], p1[0], p1[1], skip=(uid,)) is None:
                load = len(self._on_side.get((uid, side), ()))
                if load < self._capacity(uid, side):
                    return side
                free.append((load / self._capacity(uid, side), side))
        return min(free)[1] if free else order[0]

    def _capacity(self, uid: str, side: str) -> int:
        r = self.boxes[uid]
        length = r[2] if side in ("top", "bottom") else r[3]
        usable = length * 0.7 - (2 * CENTRE_GAP if side in self.reserve else 0.0)
        return max(1, int(usable / PORT_GAP))

    def _drop_sides(self, fid: str) -> set[tuple[str, str]]:
        old = self.sides.pop(fid, None)
        if old is None:
            return set()
        s, t = self.ends[fid]
        out = set()
        for end, key in enumerate(((s, old[0]), (t, old[1]))):
            group = self._on_side.get(key)
            if group is not None:
                group.discard((fid, end))
                out.add(key)
        return out

    def _place_ports(self, key: tuple[str, str]) -> set[str]:
        """Spread the ends on one box side; returns the flows whose port moved."""
        uid, side = key
        group = self._on_side.get(key, set())
        if uid not in self.boxes:
            return set()
        r = self.boxes[uid]
        along = 0 if side in ("top", "bottom") else 1

        def other(end: tuple[str, int]) -> tuple[float, str, int]:
            fid, e = end
            o = self.boxes[self.ends[fid][1 - e]]
            return (o[along] + o[along + 2] / 2, fid, e)

        ordered = sorted(group, key=other)
        fracs = spread(r, side, len(ordered), side in self.reserve, self.shapes.get(uid, "box"))
        moved = set()
        for (fid, e), f in zip(ordered, fracs, strict=False):
            p = border_point(r, self.shapes.get(uid, "box"), side, side_point(r, side, f))
            ports = self.ports.setdefault(fid, [p, p])
            if ports[e] != p or fid not in self.routes:
                ports[e] = p
                moved.add(fid)
        return moved

    def _path(self, fid: str) -> None:
        s, t = self.ends[fid]
        ss, ts = self.sides[fid]
        ps, pt = self.ports[fid]
        a = stub_end(_on_box(ps, self.boxes[s], ss), ss)
        b = stub_end(_on_box(pt, self.boxes[t], ts), ts)
        start = self.steps
        mid = find_path(self.index, a, NORMAL[ss], b, NORMAL[ts], FLOW_BUDGET)
        pts = simplify([ps, *mid, pt])
        pts = self._nudge(fid, pts, s, t, start + FLOW_BUDGET)
        self.routes[fid] = pts
        self._remember(fid, pts)

    # ---- separate tracks -------------------------------------------------------------------
    def _nudge(self, fid: str, pts: list[Point], s: str, t: str, until: int) -> list[Point]:
        """Move each inner segment that would lie on another route's segment to a free track
        beside it, when the shifted segment and its neighbours stay clear of every box (as
        long as the flow's search budget lasts: `index.steps` up to `until`)."""
        for k in range(1, len(pts) - 2):
            a, b = pts[k], pts[k + 1]
            axis = 1 if abs(a[1] - b[1]) < 1e-6 else 0  # 1: horizontal (lies on a y line)
            c = a[axis]
            lo, hi = sorted((a[1 - axis], b[1 - axis]))
            for off in _offsets():
                if self.steps > until:
                    return pts
                if self._tracks.occupied(axis, c + off, lo, hi, fid, SCAN):
                    continue
                if off == 0:
                    break
                trial = list(pts)
                if axis == 1:
                    trial[k], trial[k + 1] = (a[0], a[1] + off), (b[0], b[1] + off)
                else:
                    trial[k], trial[k + 1] = (a[0] + off, a[1]), (b[0] + off, b[1])
                if self._valid(trial, k, pts, s, t):
                    pts = trial
                    break
        return pts

    def _valid(self, pts: list[Point], k: int, old: list[Point], s: str, t: str) -> bool:
        last = len(pts) - 1
        for j in (k - 1, k, k + 1):
            a, b = pts[j], pts[j + 1]
            oa, ob = old[j], old[j + 1]
            if (_dir(a, b) != _dir(oa, ob)) or (a == b):
                return False
            if (j == 0 or j + 1 == last) and abs(a[0] - b[0]) + abs(a[1] - b[1]) < MIN_END:
                return False
            skip = (s,) if j == 0 else (t,) if j + 1 == last else ()
            if self.index.segment_hits(a[0], a[1], b[0], b[1], skip=skip) is not None:
                return False
        return True

    def _remember(self, fid: str, pts: list[Point]) -> None:
        self._tracks.add(fid, pts)
        if self._indexed:
            self._index_route(fid, pts)

    def _index_route(self, fid: str, pts: list[Point]) -> None:
        for k, (a, b) in enumerate(zip(pts, pts[1:], strict=False)):
            self._route_index.put(f"{fid}\0{k}", (min(a[0], b[0]), min(a[1], b[1]),
                                                  abs(a[0] - b[0]), abs(a[1] - b[1])))
        self._segments[fid] = len(pts) - 1

    def _forget_route(self, fid: str) -> None:
        pts = self.routes.pop(fid, None)
        for k in range(self._segments.pop(fid, 0)):
            self._route_index.remove(f"{fid}\0{k}")
        if pts:
            self._tracks.remove(fid, pts)


def _offsets() -> list[float]:
    out = [0.0]
    for n in range(1, 9):
        out += [n * TRACK, -n * TRACK]
    return out


def _dir(a: Point, b: Point) -> tuple[int, int]:
    return ((b[0] > a[0]) - (b[0] < a[0]), (b[1] > a[1]) - (b[1] < a[1]))


def _on_box(p: Point, r: Rect, side: str) -> Point:
    """The port moved out to the bounding side (stubs start from the bounding box)."""
    if side == "top":
        return (p[0], r[1])
    if side == "bottom":
        return (p[0], r[1] + r[3])
    if side == "left":
        return (r[0], p[1])
    return (r[0] + r[2], p[1])


def _seg_in(a: Point, b: Point, r: tuple[float, float, float, float]) -> bool:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return x0 < r[2] and x1 > r[0] and y0 < r[3] and y1 > r[1]

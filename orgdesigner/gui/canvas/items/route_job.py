"""Routing a big design's overlay flows in slices, so the canvas paints first and stays
responsive while the rest is routed.

Routing every overlay flow of a 5,000-unit group took 4.3 s of the 6.3 s before the first
paint (26,000 flows in a 50,000-unit group: most of a minute). The router's result depends
on routing all flows together (ports are spread over each box side among every flow that
ends there; routing in pieces through `route` re-routes the earlier pieces and took 30
times as long), so the job performs exactly the steps of `FlowRouter.route_all` — every
flow's sides, then the ports of every side, then each path in order — a few milliseconds
at a time (`step`), on a snapshot of the boxes (indexed a chunk at a time too); the scene
then adopts the router and catches up with any edit made meanwhile (flows.py).

A worker thread was tried first: Python's lock between threads made every Qt call of the
GUI thread wait for the router (a rename blocked for 3 s at 20,000 units), so the slices
run in the GUI thread between events instead. Should the router ever lose the steps used
here, `step` falls back to one `route_all` (correct, only not sliced); a test compares the
sliced result with `route_all`.

Qt-free.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator

from orgdesigner.render.routing import FlowRouter

Rect = tuple[float, float, float, float]
#: From this many boxes on, the router's index is frozen out of the garbage collector's walks.
FREEZE_BOXES = 2_000


class RouteJob:
    def __init__(self, rects: dict[str, Rect], shapes: dict[str, str], bars: Iterable[Rect],
                 ends: dict[str, tuple[str, str]]) -> None:
        self._rects, self._shapes, self._bars = dict(rects), dict(shapes), list(bars)
        self.ends = dict(ends)
        self.total = len(self.ends)
        self.router: FlowRouter | None = None
        self.done = False
        self.started = False
        self._steps: Iterator[None] | None = None

    def start(self) -> None:
        self.started = True

    def progress(self) -> int:
        """Flows routed so far."""
        router = self.router
        return len(router.routes) if router is not None else 0

    def step(self, budget: float | None) -> bool:
        """Work for about `budget` seconds (to the end for None); True when done."""
        self.started = True
        if self._steps is None:
            self._steps = self._run()
        end = time.perf_counter() + budget if budget is not None else None
        for _ in self._steps:
            if end is not None and time.perf_counter() > end:
                return False
        self.done = True
        return True

    def wait(self) -> FlowRouter:
        """The finished router (routing what is left now)."""
        self.step(None)
        assert self.router is not None
        return self.router

    def _run(self) -> Iterator[None]:
        built = None
        # a big index's objects live as long as the document: out of the cyclic collector's
        # sight (its full passes over them grew to 0.5 s each at 50,000 boxes)
        freeze = len(self._rects) >= FREEZE_BOXES
        for n, built in enumerate(FlowRouter.building(self._rects, self._shapes,  # noqa: B007
                                                      self._bars)):
            if freeze and n % 20 == 19:
                gc.freeze()
            yield  # indexing 50,000 boxes at once blocked the window for seconds
        if freeze:
            gc.freeze()
        assert built is not None
        router = self.router = built
        for fid, (s, t) in self.ends.items():
            router.add(fid, s, t)
        if not all(hasattr(router, n) for n in ("_pick_sides", "_on_side", "sides", "_drop_sides",
                                                 "_place_ports", "_forget_route", "_path")):
            router.route_all()  # the router changed its insides: route at once
            return
        # FlowRouter.route_all = _reroute(every flow, {}), step by step
        fids = set(router.ends)
        touched: set[tuple[str, str]] = set()
        for n, fid in enumerate(sorted(fids)):  # sides fill up in id order, as route_all's
            touched |= router._drop_sides(fid)
            s, t = router.ends[fid]
            ss, ts = router._pick_sides(s, t)
            router.sides[fid] = (ss, ts)
            router._on_side.setdefault((s, ss), set()).add((fid, 0))
            router._on_side.setdefault((t, ts), set()).add((fid, 1))
            touched.add((s, ss))
            touched.add((t, ts))
            if n % 32 == 31:
                if freeze and n % 2048 == 2047:
                    gc.freeze()
                yield
        todo = set(fids)
        for n, key in enumerate(touched):
            todo |= router._place_ports(key)
            if n % 256 == 255:  # 50,000 boxes' sides: hundreds of milliseconds in one go
                yield
        yield
        order = sorted(todo)
        for fid in order:
            router._forget_route(fid)
        for n, fid in enumerate(order):  # one path can take milliseconds (a search around
            router._path(fid)               # many boxes)
            if freeze and n % 500 == 499:  # the routes live on too (see the index above)
                gc.freeze()
            yield
        if freeze:
            gc.freeze()

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
run in the GUI thread between events instead. The steps are the router's own
(`FlowRouter.route_all_steps`, which `route_all` runs to the end); a test compares the
sliced result with `route_all`.

Qt-free.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from orgdesigner.render.routing import FlowRouter

Rect = tuple[float, float, float, float]


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
        for built in FlowRouter.building(self._rects, self._shapes, self._bars):  # noqa: B007
            yield  # indexing 50,000 boxes at once blocked the window for seconds
        assert built is not None
        router = self.router = built
        for fid, (s, t) in self.ends.items():
            router.add(fid, s, t)
        yield from router.route_all_steps()


def catch_up(router: FlowRouter, want: dict[str, tuple[str, str]], rects: dict[str, Rect],
             shapes: dict[str, str]) -> set[str]:
    """Bring a finished job's router up to the canvas as it is now (`want`: the overlay
    flows and their ends; the boxes and their shapes): units moved, added or removed and
    flows added, removed or retyped since the snapshot. Returns the flows re-routed."""
    changed: set[str] = set()
    for fid in [f for f, e in router.ends.items() if want.get(f) != e]:
        changed |= router.remove(fid)
    for uid in [u for u in router.boxes if u not in rects]:
        router.forget_box(uid)
    for uid, rect in rects.items():
        router.shapes[uid] = shapes[uid]
        if router.boxes.get(uid) != rect:
            changed |= router.move(uid, rect)
    new = [f for f in want if f not in router.ends]
    for fid in new:
        router.add(fid, *want[fid])
    changed |= router.route(new)
    return changed


class MoveJob:
    """A unit's move in a large routed design, re-routed a slice at a time
    (`FlowRouter.move_steps`): the router takes the box at once, the routes follow between
    events (a CSIRT's rename re-routed its 26,000 incident reports in one 3.6 s block)."""

    def __init__(self, router: FlowRouter, uid: str, rect: Rect) -> None:
        self.moved: set[str] = set()  # the flows re-routed
        self._steps = router.move_steps(uid, rect, self.moved)
        next(self._steps, None)

    def step(self, budget: float | None) -> bool:
        """Work for about `budget` seconds (to the end for None); True when done."""
        end = time.perf_counter() + budget if budget is not None else None
        for _ in self._steps:
            if end is not None and time.perf_counter() > end:
                return False
        return True

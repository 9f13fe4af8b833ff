"""Routing a big design's overlay flows in a worker thread, so the canvas paints first.

Routing every overlay flow of a 5,000-unit group took 4.3 s of the 6.3 s before the first
paint (26,000 flows in a 50,000-unit group: most of a minute). The router's result depends
on routing all flows together (ports are spread over each box side among every flow that
ends there; routing in pieces re-routes the earlier pieces and took 30 times as long), so
the job runs the ordinary `route_all` on a snapshot of the boxes in a thread and the scene
adopts the finished router, catching up with any edit made meanwhile (flows.py).

Qt-free: the thread touches no Qt object and no design, only the snapshot it was given.
The scene polls `done`/`progress` from the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from orgdesigner.render.routing import FlowRouter

Rect = tuple[float, float, float, float]


class RouteJob:
    def __init__(self, rects: dict[str, Rect], shapes: dict[str, str], bars: Iterable[Rect],
                 ends: dict[str, tuple[str, str]]) -> None:
        self._rects, self._shapes, self._bars = dict(rects), dict(shapes), list(bars)
        self.ends = dict(ends)
        self.total = len(self.ends)
        self.router: FlowRouter | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="orgdesigner-routing",
                                        daemon=True)
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            self._thread.start()

    def _run(self) -> None:
        try:
            router = FlowRouter(self._rects, self._shapes, self._bars)
            for fid, (s, t) in self.ends.items():
                router.add(fid, s, t)
            self.router = router
            router.route_all()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread in `wait`
            self.error = exc

    @property
    def done(self) -> bool:
        return self.started and not self._thread.is_alive()

    def progress(self) -> int:
        """Flows routed so far (read from the GUI thread while the worker runs)."""
        router = self.router
        return len(router.routes) if router is not None else 0

    def wait(self) -> FlowRouter:
        """The finished router (starts the job if it has not started; blocks until done)."""
        self.start()
        self._thread.join()
        if self.error is not None:
            raise self.error
        assert self.router is not None
        return self.router

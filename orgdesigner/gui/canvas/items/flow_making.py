"""A large design's flows made a part at a time, so its canvas paints first.

Opening a 50,000-unit group means 76,000 flows: making each one's geometry (flow_geom.py)
and indexing it in its layer took a second before the first paint. Above
`SceneFlows.lazy_above` flows, the scene links every flow to its units at once (cheap) and
leaves the geometry to this: the flows of the units a view is about to paint first
(`realize`, at most REALIZE_CAP), then the rest in idle slices once the canvas has painted
(`run`); anything that needs every flow (printing) completes them (`complete`), a flow
asked for by id is made alone (`make_one`). Edits meanwhile go to the flows made so far;
the rest are made later from the model as it is then. When all are made, the scene routes.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.flow_geom import FlowGeom
    from orgdesigner.gui.canvas.items.flows import SceneFlows

REALIZE_CAP = 3000  # flows made for a view's first look (the rest in idle slices)
SLICE = 0.015  # seconds of making per idle slice
CHUNK = 256  # flows made between two looks at the clock


class FlowMaking:
    def __init__(self, flows: SceneFlows) -> None:
        self.flows = flows
        self.todo: list[str] = []  # the flows to make, in design order
        self.at = 0  # how far `todo` is made
        self._timer = QTimer(flows.scene)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)

    @property
    def busy(self) -> bool:
        """Some flows are not made yet."""
        return bool(self.todo)

    def start(self, fids: list[str]) -> None:
        self.todo, self.at = fids, 0

    def run(self) -> None:
        """Make the rest in idle slices (the canvas has painted)."""
        if self.todo and not self._timer.isActive():
            self._timer.start()

    def realize(self, left: float, top: float, right: float, bottom: float) -> None:
        """Make the flows of the units in this rectangle first (at most REALIZE_CAP: a
        CSIRT in view has an incident report from every department, made with the rest)."""
        if not self.todo:
            return
        flows = self.flows
        wanted: list[str] = []
        for uid in flows.scene.boxes.in_rect(left, top, right, bottom):
            joined = flows.of_unit(uid)
            if len(wanted) + len(joined) <= REALIZE_CAP:
                wanted.extend(f for f in joined if f not in flows.geoms)
        flows.place(flows.make(wanted))

    def step(self) -> None:
        """One idle slice of making the rest."""
        end = time.perf_counter() + SLICE
        flows, todo = self.flows, self.todo
        while self.at < len(todo) and time.perf_counter() < end:
            chunk = todo[self.at:self.at + CHUNK]
            self.at += len(chunk)
            flows.place(flows.make(chunk))
        if self.at >= len(todo):
            self._done()

    def make_one(self, fid: str) -> FlowGeom | None:
        """One flow, made now if the slices have not made it yet."""
        if not self.todo:  # (then every flow is made)
            return None
        self.flows.place(self.flows.make([fid]))
        return self.flows.geoms.get(fid)

    def complete(self) -> None:
        """Make every flow not made yet, now."""
        if self.todo:
            self.flows.place(self.flows.make(self.todo[self.at:]))
            self._done()

    def _done(self) -> None:
        self.todo, self.at = [], 0
        self._timer.stop()
        self.flows.made_all()

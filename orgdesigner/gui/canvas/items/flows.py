"""Every flow of a scene: its geometry (`FlowGeom`), the per-kind `FlowLayer`s that paint
them, which flows join which units, and the `render.routing.FlowRouter` that routes the
overlay flows (the same router, fed the same boxes and frames, as the exports, so both draw
the same routes). When a unit moves, the router re-routes only the flows that move affects.

A flow's Qt item (`FlowItem`) is made only when something asks for it (`items`: a click,
the selection, find, a context menu) — a 50,000-unit group opens with ~76,000 flows and
needs none to paint. An item is put in the Qt scene only while it is selected (see
flow_layer.py for why, and flow_selection.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QTimer

from orgdesigner.gui.canvas.items.flow_geom import FlowGeom
from orgdesigner.gui.canvas.items.flow_item import FlowItem, FlowItems
from orgdesigner.gui.canvas.items.flow_layer import FlowLayer
from orgdesigner.gui.canvas.items.flow_making import FlowMaking
from orgdesigner.gui.canvas.items.flow_selection import SelectedFlows
from orgdesigner.gui.canvas.items.route_job import MoveJob, RouteJob, catch_up
from orgdesigner.model import Flow, FlowKind
from orgdesigner.render.diagram import is_elbow
from orgdesigner.render.layout import FRAME_TITLE
from orgdesigner.render.routing import FlowRouter

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene

BACKGROUND_FLOWS = 400
LAZY_FLOWS = 20_000
SLICE = 0.015  # seconds of applying routes per idle slice
FLOW_Z = 1.0  # flow layers stack from here, one kind above the other, below the units


class SceneFlows:
    # More overlay flows than this are routed in idle slices after the first paint
    # (tests lower it to cover that path with small designs).
    background = BACKGROUND_FLOWS
    # More flows than this are made a part at a time (tests lower it too).
    lazy_above = LAZY_FLOWS
    # With more routes than this, a unit's move is re-routed between events (tests too).
    step_moves_above = 5000

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.geoms: dict[str, FlowGeom] = {}
        self.items = FlowItems(self)
        self.layers: dict[FlowKind, FlowLayer] = {}
        for i, kind in enumerate(FlowKind):
            layer = FlowLayer(kind, FLOW_Z + i * 0.01)
            self.layers[kind] = layer
            scene.addItem(layer)
        self._unit_flows: dict[str, set[str]] = {}
        self.router = FlowRouter({})
        self._ends: dict[str, tuple[str, str]] = {}
        self.selected = SelectedFlows(self)  # flow items in the Qt scene while selected
        self._job: RouteJob | None = None
        self._queue: list[str] = []  # flows whose drawing is behind (applied in slices)
        self._routed = False  # the background routing's routes are among them
        self._indexing: Iterator[None] = iter(())
        self._moving: MoveJob | None = None  # a unit's move, re-routed between events
        self._moving_timer = QTimer(scene)
        self._moving_timer.setInterval(0)
        self._moving_timer.timeout.connect(self._step_moving)
        self._noted = 0.0  # when progress was last shown
        self._poll = QTimer(scene)
        self._poll.setInterval(0)
        self._poll.timeout.connect(self._tick)
        self._slice = QTimer(scene)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._apply_some)
        self.making = FlowMaking(self)  # a large design's flows, made a part at a time

    # ---- building and model events ---------------------------------------------------------
    def build(self) -> None:
        """Make every flow's geometry (opening a document), route, then fill the layers.
        Over `lazy_above` flows: what a view is about to paint first (`realize`), the rest
        in idle slices after the first paint (edits meanwhile see the flows made so far).
        Over `background` overlay flows the routing runs in idle slices once all are made
        (route_job.py): elbows meanwhile, then the routes applied in idle slices."""
        unit_flows, all_ends = self._unit_flows, self._ends
        flows = self.scene.design.flows
        for fid, flow in flows.items():
            s, t = flow.source, flow.target
            all_ends[fid] = (s, t)
            for end in (s, t):
                joined = unit_flows.get(end)
                if joined is None:
                    unit_flows[end] = {fid}
                else:
                    joined.add(fid)
        if len(flows) > self.lazy_above:
            self.making.start(list(flows))
            for layer in self.layers.values():
                layer.reset([])
            QTimer.singleShot(500, self.start_routing)  # if no view paints
            return
        self.make(flows)
        self._route_made()
        self.refill()
        if self._job is not None:  # started by a view's first paint, or else:
            QTimer.singleShot(500, self.start_routing)

    def make(self, fids: Iterable[str]) -> list[FlowGeom]:
        """The geometry of these flows (not made yet), drawn as elbows until routed."""
        scene = self.scene
        boxes, flows, lang = scene.boxes.rects, scene.design.flows, scene.lang
        geoms = self.geoms
        made = []
        for fid in fids:
            flow = flows.get(fid)
            if flow is None or fid in geoms:  # made already, or removed meanwhile
                continue
            geom = geoms[fid] = FlowGeom(fid, scene)
            geom.sync(flow, lang)
            made.append(geom)
            src, dst = boxes.get(flow.source), boxes.get(flow.target)
            if src is None or dst is None:
                continue
            if not is_elbow(flow.kind, src, dst):
                geom.pending = True  # an overlay flow: routed below, or in the background
            if geom.label:
                geom.route(src, dst)
            else:
                geom.first_elbow(src, dst)  # an overlay flow's too, until it is routed
        return made

    def _route_made(self) -> None:
        """Every flow is made: route the overlay flows now, or in the background."""
        scene = self.scene
        boxes = scene.boxes.rects
        # the overlay flows not routed yet, as they are now (edits while flows were made
        # keep `pending` true to the model: `_apply`)
        ends = {f: self._ends[f] for f, g in self.geoms.items() if g.pending}
        bars = [(r[0], r[1], r[2], FRAME_TITLE) for r in scene.frame_rects().values()]
        if len(ends) > self.background:
            self.router = FlowRouter({})
            self._job = RouteJob(boxes, scene.boxes.shapes, bars, ends)
        else:
            self.router = FlowRouter(boxes, dict(scene.boxes.shapes), bars)
            for fid, (s, t) in ends.items():
                self.router.add(fid, s, t)
            self.router.route_all()
            for fid in ends:
                self._apply(fid)

    # ---- making a large design's flows a part at a time (flow_making.py) ---------------------
    def realize(self, left: float, top: float, right: float, bottom: float) -> None:
        self.making.realize(left, top, right, bottom)  # a view is about to paint there

    def make_one(self, fid: str) -> FlowGeom | None:  # asked for before the slices made it
        return self.making.make_one(fid)

    def _complete(self) -> None:  # printing, or a caller that needs every flow made
        self.making.complete()

    def made_all(self) -> None:  # every flow is made: route them
        self._route_made()
        self.start_routing()  # the routing, now that every flow is made

    def place(self, made: list[FlowGeom]) -> None:
        """Put newly made flows into their layers (those shown)."""
        by_kind: dict[FlowKind, list[FlowGeom]] = {}
        for geom in made:
            if self.shown(geom.fid):
                by_kind.setdefault(geom.kind, []).append(geom)
        for kind, geoms in by_kind.items():
            layer = self.layers[kind]
            for geom in geoms:
                geom.layer = layer
            layer.add_many(geoms)

    # ---- routing in the background ---------------------------------------------------------
    def routing(self) -> bool:
        """Whether some flows are still to be made, or drawn as elbows awaiting a route."""
        return (self.making.busy or self._job is not None or bool(self._queue)
                or self._moving is not None)

    def start_routing(self) -> None:
        """Start the background work (a view painted): making the flows, then routing."""
        if self.making.busy:
            self.making.run()
            return
        if self._job is not None and not self._poll.isActive():
            self._job.start()
            self._poll.start()

    def finish(self) -> None:
        """Wait for the background routing and apply every route now (printing, tests)."""
        self._complete()
        self._finish_moving()
        if self._job is not None:
            self._adopt(self._job.wait())
        while self._queue:
            self._apply_some(budget=None)

    def _tick(self) -> None:
        """Route for one slice between events; report progress now and then."""
        job = self._job
        if job is None:
            self._poll.stop()
            return
        if job.step(SLICE):
            self._adopt(job.wait())
            return
        now = time.perf_counter()
        if now - self._noted > 0.5:
            self._noted = now
            text = QCoreApplication.translate("DiagramScene",
                                              "Routing flows in the background… %1 of %2")
            self._note(text.replace("%1", f"{job.progress():,}")
                       .replace("%2", f"{job.total:,}"))

    def _note(self, text: str) -> None:
        if (status := getattr(self.scene.controller, "statusMessage", None)) is not None:
            status.emit(text)

    def _adopt(self, router: FlowRouter) -> None:
        """Take the worker's router, catch it up with edits made since its snapshot (units
        moved, added or removed; flows added, removed or retyped), then apply the routes
        in idle slices."""
        self._job = None
        self._poll.stop()
        boxes = self.scene.boxes
        flows, rects = self.scene.design.flows, boxes.rects
        reporting = FlowKind.REPORTING  # only a reporting line can be an elbow
        want = {fid: (s, t) for fid, (s, t) in self._ends.items()
                if s in rects and t in rects and (f := flows.get(fid)) is not None
                and (f.kind is not reporting or not is_elbow(reporting, rects[s], rects[t]))}
        changed = catch_up(router, want, rects, boxes.shapes)
        self.router = router
        self._queue = [*self._queue, *changed, *router.routes]
        self._indexing = router.index_steps()  # for edits: see FlowRouter.move
        self._routed = True
        self._slice.start()

    def apply_later(self, fids: set[str]) -> set[str]:
        """Redraw these flows in idle slices; returns those to route now (the router must
        change for a flow turned into or out of an elbow)."""
        flows, boxes, geoms = self.scene.design.flows, self.scene.boxes.rects, self.geoms
        routed = self._job is None and not self.making.busy
        ends = self.router.ends
        now: set[str] = set()
        later = self._queue
        reporting = FlowKind.REPORTING
        for fid in sorted(fids):
            f = flows.get(fid)
            if f is None or fid not in geoms:
                continue  # gone, or made later from the model as it is then
            # only a reporting line can be an elbow (a renamed CSIRT: 25,000 incident
            # reports come through here)
            if routed and (f.kind is reporting and is_elbow(
                    f.kind, boxes[f.source], boxes[f.target])) == (fid in ends):
                now.add(fid)
            else:
                later.append(fid)
        self._slice.start()
        return now

    def _apply_some(self, budget: float | None = SLICE) -> None:
        """Apply queued routes for about `budget` seconds (all of them for None)."""
        end = time.perf_counter() + budget if budget is not None else None
        queue = self._queue
        while queue:
            fid = queue.pop()
            if fid in self.geoms and fid in self.scene.design.flows:
                self._apply(fid)
                # its lines made here, in the slice, not by the next repaint: a renamed
                # CSIRT's 25,000 re-routed incident reports made one paint take 0.1 s
                _ = self.geoms[fid].lines
            if end is not None and len(queue) % 64 == 0 and time.perf_counter() > end:
                return
        for _ in self._indexing if end is not None else ():  # then the router's index
            if time.perf_counter() > end:
                return
        self._indexing = iter(())
        self._slice.stop()
        if self._routed:
            self._routed = False
            self._note(QCoreApplication.translate("DiagramScene", "Flows routed"))

    def added(self, fid: str) -> None:
        scene = self.scene
        f = scene.design.flows[fid]
        geom = FlowGeom(fid, scene)
        geom.sync(f, scene.lang)
        self.geoms[fid] = geom
        self._link(f)
        self.route(fid)
        self._show(geom)

    def removed(self, fid: str) -> None:
        geom = self.geoms.pop(fid, None)
        if geom is not None:
            if geom.label_item is not None:
                self.scene.removeItem(geom.label_item)
            if geom.layer is not None:
                geom.layer.remove(geom)
            if geom.item is not None and geom.item.scene() is not None:
                self.scene.removeItem(geom.item)
            self.selected.forget(fid)
        if fid in self._ends:
            self._unlink(fid)
        self._finish_moving()
        self._apply_all(self.router.remove(fid))

    def changed(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        geom = self.geoms.get(fid)
        if geom is None:  # not made yet: made later, from the model as it is then
            self._unlink(fid)
            self._link(f)
            return
        if geom.layer is not None:
            geom.layer.remove(geom)
            geom.layer = None
        geom.sync(f, self.scene.lang)
        self._unlink(fid)
        self._link(f)
        if self.router.ends.get(fid, (f.source, f.target)) != (f.source, f.target):
            self._finish_moving()
            self._apply_all(self.router.remove(fid))
        self.route(fid)
        self._show(geom)

    def unit_removed(self, uid: str) -> None:
        self._unit_flows.pop(uid, None)
        self._finish_moving()
        self.router.forget_box(uid)

    def unit_moved(self, uid: str) -> None:
        """A unit moved or changed size: re-route the flows that affects."""
        self._apply_all(self._sync_box(uid))

    def of_unit(self, uid: str) -> set[str]:
        return self._unit_flows.get(uid, set())

    def route(self, fid: str) -> None:
        """Bring one flow up to date with its units' boxes (and what else that moves)."""
        if fid not in self.geoms:  # made later, from the model as it is then
            return
        f = self.scene.design.flows[fid]
        if self._job is not None or self.making.busy:  # routed when the worker is done
            self._apply(fid)
            return
        boxes = self.scene.boxes.rects
        changed = self._sync_box(f.source) | self._sync_box(f.target)
        router = self.router
        elbow = is_elbow(f.kind, boxes[f.source], boxes[f.target])
        if elbow == (fid in router.ends):
            self._finish_moving()
        if elbow and fid in router.ends:
            changed |= router.remove(fid)
        elif not elbow and fid not in router.ends:
            router.add(fid, f.source, f.target)
            changed |= router.route([fid])
        changed.add(fid)
        self._apply_all(changed)

    def _sync_box(self, uid: str) -> set[str]:
        boxes = self.scene.boxes
        box = boxes.rects.get(uid)
        if box is None or self._job is not None or self.making.busy:
            return set()
        self.router.shapes[uid] = boxes.shapes[uid]
        if self.router.boxes.get(uid) == box:
            return set()
        self._finish_moving()
        if len(self.router.routes) <= self.step_moves_above:
            return self.router.move(uid, box)
        # a large routed design: re-routed between events, the old routes drawn meanwhile
        self._moving = MoveJob(self.router, uid, box)
        self._step_moving()
        return set()

    def _step_moving(self, budget: float | None = SLICE) -> None:
        """Go on with a stepped move for a slice (to the end for None); apply its routes."""
        job = self._moving
        if job is None:
            return
        if not job.step(budget):
            self._moving_timer.start()
            return
        self._moving = None
        self._moving_timer.stop()
        self._apply_all(job.moved)

    def _finish_moving(self) -> None:  # before the router is asked anything else
        self._step_moving(None)

    def _apply(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        boxes = self.scene.boxes.rects
        src, dst = boxes[f.source], boxes[f.target]
        routed = self.router.routes.get(fid)
        geom = self.geoms[fid]
        # an overlay flow without its route yet (the background routing) is a placeholder
        geom.pending = routed is None and not is_elbow(f.kind, src, dst)
        geom.route(src, dst, routed)

    def _apply_all(self, fids: set[str]) -> None:
        for fid in fids:
            if fid in self.geoms and fid in self.scene.design.flows:
                self._apply(fid)

    def relabel(self) -> None:
        """The language changed: new label texts, and their places along the flows."""
        flows = self.scene.design.flows
        for fid, geom in self.geoms.items():
            geom.sync(flows[fid], self.scene.lang)
            self._apply(fid)

    # ---- which flows are shown -------------------------------------------------------------
    def shown(self, fid: str) -> bool:
        """Both ends visible (not collapsed away, not outside the focused branch), and, while
        "overlay flows of the selection only" is on, an overlay flow touches the selection."""
        ends = self._ends.get(fid)
        hidden = self.scene.hidden_units
        if ends is None or ends[0] in hidden or ends[1] in hidden:
            return False
        focus = self.scene.overlay.units
        if focus is not None and self.geoms[fid].kind is not FlowKind.REPORTING:
            return ends[0] in focus or ends[1] in focus
        return True

    def refill(self) -> None:
        """Give every layer its shown flows (after building, or showing/hiding units)."""
        by_kind: dict[FlowKind, list[FlowGeom]] = {k: [] for k in self.layers}
        layers, shown = self.layers, self.shown
        every = not self.scene.hidden_units and self.scene.overlay.units is None
        ends = self._ends
        for fid, geom in self.geoms.items():
            if (every and fid in ends) or shown(fid):
                by_kind[geom.kind].append(geom)
                geom.layer = layers[geom.kind]
            else:
                geom.layer = None
                if geom.item is not None and geom.item.scene() is not None:
                    geom.item.setSelected(False)
            if geom.label_item is not None:
                geom.label_item.setVisible(bool(geom.label) and geom.layer is not None)
        for kind, layer in self.layers.items():
            layer.reset(by_kind[kind])

    def _show(self, item: FlowGeom) -> None:
        """Put a new or re-typed flow into its kind's layer (unless an end is hidden)."""
        if item.layer is not None:
            item.layer.remove(item)
            item.layer = None
        if self.shown(item.fid):
            item.layer = self.layers[item.kind]
            item.layer.add(item)
        if item.label_item is not None:
            item.label_item.setVisible(bool(item.label) and item.layer is not None)

    # ---- hit tests -------------------------------------------------------------------------
    def at(self, pos: QPointF) -> FlowItem | None:
        """The topmost shown flow within reach of `pos`."""
        for layer in sorted(self.layers.values(), key=lambda la: -la.zValue()):
            hits = layer.hits(pos)
            if hits:
                return self.items[hits[0].fid]
        return None

    # ---- which flows join which units ------------------------------------------------------
    def _link(self, flow: Flow) -> None:
        self._unit_flows.setdefault(flow.source, set()).add(flow.id)
        self._unit_flows.setdefault(flow.target, set()).add(flow.id)
        self._ends[flow.id] = (flow.source, flow.target)

    def _unlink(self, fid: str) -> None:
        source, target = self._ends.pop(fid)
        for end in (source, target):
            self._unit_flows.get(end, set()).discard(fid)

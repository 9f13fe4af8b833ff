"""Every flow of a scene: its `FlowItem`, the per-kind `FlowLayer`s that paint them, which
flows join which units, and the `render.routing.FlowRouter` that routes the overlay flows
(the same router, fed the same boxes and frames, as the exports, so both draw the same
routes). When a unit moves, the router re-routes only the flows that move affects.

A flow item is put in the Qt scene only while it is selected (see flow_layer.py for why);
`materialize` adds it before Qt handles a click on it, and unselected ones are taken out
again after every selection change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QTimer

from orgdesigner.gui.canvas.items.flow_item import FlowItem
from orgdesigner.gui.canvas.items.flow_layer import FlowLayer
from orgdesigner.model import Flow, FlowKind
from orgdesigner.render.diagram import canvas_layout, is_elbow, route_flows
from orgdesigner.render.routing import FlowRouter

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene

FLOW_Z = 1.0  # flow layers stack from here, one kind above the other, below the units


class SceneFlows:
    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.items: dict[str, FlowItem] = {}
        self.layers: dict[FlowKind, FlowLayer] = {}
        for i, kind in enumerate(FlowKind):
            layer = FlowLayer(kind, FLOW_Z + i * 0.01)
            self.layers[kind] = layer
            scene.addItem(layer)
        self._unit_flows: dict[str, set[str]] = {}
        self.router = FlowRouter({})
        self._ends: dict[str, tuple[str, str]] = {}
        self._in_scene: set[str] = set()  # materialized (selected) flow items
        self._prune_timer = QTimer(scene)
        self._prune_timer.setSingleShot(True)
        self._prune_timer.setInterval(0)
        self._prune_timer.timeout.connect(self.prune)
        scene.selectionChanged.connect(self._prune_timer.start)

    # ---- building and model events ---------------------------------------------------------
    def build(self) -> None:
        """Create every flow at once (opening a document): route, then fill the layers."""
        scene = self.scene
        for fid, flow in scene.design.flows.items():
            item = FlowItem(fid, scene)
            item.sync(flow, scene.lang)
            self.items[fid] = item
            self._link(flow)
        units = scene.unit_items
        frames = canvas_layout(scene.design, lang=scene.lang).company_rects
        self.router = route_flows(scene.design, {u: i.box() for u, i in units.items()},
                                  {u: i.shape_name for u, i in units.items()}, frames)
        for fid in self.items:
            self._apply(fid)
        self.refill()

    def added(self, fid: str) -> None:
        scene = self.scene
        f = scene.design.flows[fid]
        item = FlowItem(fid, scene)
        item.sync(f, scene.lang)
        self.items[fid] = item
        self._link(f)
        self.route(fid)
        self._show(item)

    def removed(self, fid: str) -> None:
        item = self.items.pop(fid, None)
        if item is not None:
            if item.label_item is not None:
                self.scene.removeItem(item.label_item)
            if item.layer is not None:
                item.layer.remove(item)
            if item.scene() is not None:
                self.scene.removeItem(item)
        if fid in self._ends:
            self._unlink(fid)
        self._apply_all(self.router.remove(fid))

    def changed(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        item = self.items[fid]
        if item.layer is not None:
            item.layer.remove(item)
            item.layer = None
        item.sync(f, self.scene.lang)
        self._unlink(fid)
        self._link(f)
        if self.router.ends.get(fid, (f.source, f.target)) != (f.source, f.target):
            self._apply_all(self.router.remove(fid))
        self.route(fid)
        self._show(item)

    def unit_removed(self, uid: str) -> None:
        self._unit_flows.pop(uid, None)
        self.router.forget_box(uid)

    def unit_moved(self, uid: str) -> None:
        """A unit moved or changed size: re-route the flows that affects."""
        self._apply_all(self._sync_box(uid))

    def of_unit(self, uid: str) -> set[str]:
        return self._unit_flows.get(uid, set())

    def route(self, fid: str) -> None:
        """Bring one flow up to date with its units' boxes (and what else that moves)."""
        f = self.scene.design.flows[fid]
        units = self.scene.unit_items
        changed = self._sync_box(f.source) | self._sync_box(f.target)
        router = self.router
        elbow = is_elbow(f.kind, units[f.source].box(), units[f.target].box())
        if elbow and fid in router.ends:
            changed |= router.remove(fid)
        elif not elbow and fid not in router.ends:
            router.add(fid, f.source, f.target)
            changed |= router.route([fid])
        changed.add(fid)
        self._apply_all(changed)

    def _sync_box(self, uid: str) -> set[str]:
        item = self.scene.unit_items.get(uid)
        if item is None:
            return set()
        box = item.box()
        self.router.shapes[uid] = item.shape_name
        if self.router.boxes.get(uid) == box:
            return set()
        return self.router.move(uid, box)

    def _apply(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        units = self.scene.unit_items
        self.items[fid].route(units[f.source], units[f.target], self.router.routes.get(fid))

    def _apply_all(self, fids: set[str]) -> None:
        for fid in fids:
            if fid in self.items and fid in self.scene.design.flows:
                self._apply(fid)

    def relabel(self) -> None:
        """The language changed: new label texts, and their places along the flows."""
        flows = self.scene.design.flows
        for fid, item in self.items.items():
            item.sync(flows[fid], self.scene.lang)
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
        if focus is not None and self.items[fid].kind is not FlowKind.REPORTING:
            return ends[0] in focus or ends[1] in focus
        return True

    def refill(self) -> None:
        """Give every layer its shown flows (after building, or showing/hiding units)."""
        by_kind: dict[FlowKind, list[FlowItem]] = {k: [] for k in self.layers}
        for item in self.items.values():
            if self.shown(item.fid):
                by_kind[item.kind].append(item)
                item.layer = self.layers[item.kind]
            else:
                item.layer = None
                if item.scene() is not None:
                    item.setSelected(False)
            if item.label_item is not None:
                item.label_item.setVisible(bool(item.label) and item.layer is not None)
        for kind, layer in self.layers.items():
            layer.reset(by_kind[kind])

    def _show(self, item: FlowItem) -> None:
        """Put a new or re-typed flow into its kind's layer (unless an end is hidden)."""
        if item.layer is not None:
            item.layer.remove(item)
            item.layer = None
        if self.shown(item.fid):
            item.layer = self.layers[item.kind]
            item.layer.add(item)
        if item.label_item is not None:
            item.label_item.setVisible(bool(item.label) and item.layer is not None)

    # ---- selection and hit tests -----------------------------------------------------------
    def materialize(self, item: FlowItem) -> None:
        """Put a flow in the scene so Qt can select it (unselected flows live in layers)."""
        if item.scene() is None and item.layer is not None:
            item.prepare_for_scene()
            self.scene.addItem(item)
            self._in_scene.add(item.fid)

    def prune(self) -> None:
        """Take unselected flows back out of the scene: long flows slow Qt's index down."""
        scene = self.scene
        for fid in list(self._in_scene):
            item = self.items.get(fid)
            if item is None or item.scene() is not scene:
                self._in_scene.discard(fid)
            elif not item.isSelected():
                scene.removeItem(item)
                self._in_scene.discard(fid)

    def at(self, pos: QPointF) -> FlowItem | None:
        """The topmost shown flow within reach of `pos`."""
        for layer in sorted(self.layers.values(), key=lambda la: -la.zValue()):
            hits = layer.hits(pos)
            if hits:
                return hits[0]
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



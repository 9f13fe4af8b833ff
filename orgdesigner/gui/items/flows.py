"""Every flow of a scene: its `FlowItem`, the per-kind `FlowLayer`s that paint them, which
flows join which units (to re-route them when a unit moves), and the spreading of flows
that join the same two units.

A flow item is put in the Qt scene only while it is selected (see flow_layer.py for why);
`materialize` adds it before Qt handles a click on it, and unselected ones are taken out
again after every selection change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QTimer

from ...model import Flow, FlowKind
from .flow_item import FlowItem
from .flow_layer import FlowLayer

if TYPE_CHECKING:
    from ..scene import DiagramScene

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
        self._pairs: dict[tuple[str, str], list[str]] = {}
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
        for key in self._pairs:
            self._spread(key, route=False)
        for fid in self.items:
            self.route(fid)
        self.refill()

    def added(self, fid: str) -> None:
        scene = self.scene
        f = scene.design.flows[fid]
        item = FlowItem(fid, scene)
        item.sync(f, scene.lang)
        self.items[fid] = item
        self._link(f)
        self._spread(_pair(f))
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
            self._spread(self._unlink(fid))

    def changed(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        item = self.items[fid]
        if item.layer is not None:
            item.layer.remove(item)
            item.layer = None
        item.sync(f, self.scene.lang)
        key = self._unlink(fid)
        self._link(f)
        if key != _pair(f):
            self._spread(key)
        self._spread(_pair(f))
        self._show(item)

    def unit_removed(self, uid: str) -> None:
        self._unit_flows.pop(uid, None)

    def of_unit(self, uid: str) -> set[str]:
        return self._unit_flows.get(uid, set())

    def route(self, fid: str) -> None:
        f = self.scene.design.flows[fid]
        units = self.scene.unit_items
        self.items[fid].route(units[f.source], units[f.target])

    def relabel(self) -> None:
        """The language changed: new label texts, and their places along the flows."""
        flows = self.scene.design.flows
        for fid, item in self.items.items():
            item.sync(flows[fid], self.scene.lang)
            self.route(fid)

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

    # ---- pairs of units joined by several flows --------------------------------------------
    def _link(self, flow: Flow) -> None:
        self._unit_flows.setdefault(flow.source, set()).add(flow.id)
        self._unit_flows.setdefault(flow.target, set()).add(flow.id)
        self._pairs.setdefault(_pair(flow), []).append(flow.id)
        self._ends[flow.id] = (flow.source, flow.target)

    def _unlink(self, fid: str) -> tuple[str, str]:
        source, target = self._ends.pop(fid)
        for end in (source, target):
            self._unit_flows.get(end, set()).discard(fid)
        key = (min(source, target), max(source, target))
        group = self._pairs.get(key, [])
        if fid in group:
            group.remove(fid)
        if not group:
            self._pairs.pop(key, None)
        return key

    def _spread(self, key: tuple[str, str], route: bool = True) -> None:
        """Spread flows joining the same two units: a reporting line stays straight (an
        elbow); the others bow out alternately, 1, -1, 2, -2 …"""
        group = self._pairs.get(key, [])
        flows = self.scene.design.flows
        straight = group[0] if len(group) == 1 else next(
            (g for g in group if flows[g].kind is FlowKind.REPORTING), None)
        slot = 0
        for fid in group:
            f = flows[fid]
            item = self.items[fid]
            if fid == straight:
                item.parallel = 0
            else:
                slot += 1
                n = (slot + 1) // 2 * (1 if slot % 2 else -1)
                item.parallel = n if f.source == key[0] else -n
            if route:
                self.route(fid)


def _pair(flow: Flow) -> tuple[str, str]:
    return (min(flow.source, flow.target), max(flow.source, flow.target))

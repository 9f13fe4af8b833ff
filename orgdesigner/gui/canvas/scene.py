"""The canvas scene: a mirror of the design, kept in step by the model's events.

Like orange-canvas-core's scene (STYLE.md practice 1) it keeps item↔id maps and reacts to
`unit_added`, `flow_changed`, … — it never changes the design itself. Edits made with the
mouse are turned into operations and pushed through the controller; the resulting model
events then update the items, so undo and redo need no view code at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import add
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from orgdesigner import presets
from orgdesigner.gui.canvas import selection
from orgdesigner.gui.canvas.branch import Branches
from orgdesigner.gui.canvas.grid import draw_grid
from orgdesigner.gui.canvas.interactions import (
    ConnectInteraction,
    DropInteraction,
    Interaction,
    SelectInteraction,
    drop_ops,
)
from orgdesigner.gui.canvas.items.company_item import MARGIN, TITLE_H, CompanyItem
from orgdesigner.gui.canvas.items.flow_item import FlowItem, flow_tooltip
from orgdesigner.gui.canvas.items.flows import FLOW_Z, SceneFlows
from orgdesigner.gui.canvas.items.unit_item import HANDLE_GAP, HANDLE_R, UnitItem
from orgdesigner.gui.canvas.items.unit_item import tooltip as unit_tooltip
from orgdesigner.gui.canvas.items.unit_layer import UnitLayer
from orgdesigner.gui.canvas.items.units import SceneUnits
from orgdesigner.gui.canvas.overlay_filter import OverlayFilter
from orgdesigner.gui.canvas.unit_boxes import frame_rects
from orgdesigner.model import Flow, FlowKind, ops
from orgdesigner.model import events as ev

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.controller import DocumentController

GRID = 20.0


# More flows than this to redraw after an edit are redrawn in idle slices (flows.py)
# instead of at once.
LATER_FLOWS = 2000


class DiagramScene(QGraphicsScene):
    # A view showed the scene for the first time (work that can wait starts then).
    firstPainted = Signal()

    def __init__(self, controller: DocumentController) -> None:
        super().__init__(controller)
        self.shown = False  # a view has painted it
        self.controller = controller
        self.design = controller.design
        self.lang = controller.lang
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.units = SceneUnits(self)
        self.unit_items: dict[str, UnitItem] = self.units.items  # the units that have one
        self.boxes = self.units.boxes  # every unit's box, with or without an item
        self.company_items: dict[str, CompanyItem] = {}
        self.hidden_units: set[str] = set()  # collapsed or outside the focused branch
        self.flows = SceneFlows(self)
        self.flow_items: Mapping[str, FlowItem] = self.flows.items  # made on demand
        self.flow_layers = self.flows.layers
        self.unit_layer = UnitLayer(self.units)
        self.addItem(self.unit_layer)
        self.selectionChanged.connect(self._selection_changed)
        self.branches = Branches(self)
        self._company_units: dict[str, set[str]] = {}
        self._unit_company: dict[str, str] = {}
        self._dirty_companies: set[str] = set()
        self._stale_flows: set[str] = set()  # to re-route: their units moved or changed
        self._stale_units: set[str] = set()  # moved, added or resized: obstacles for the router
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)
        self.show_grid = False
        self.overlay = OverlayFilter(self)
        self.snap_to_grid = False
        self.flow_kind = FlowKind.REPORTING
        self.connect_mode = False
        self.printing = False  # set while printing: editing controls are not drawn
        self._interaction: Interaction = SelectInteraction(self)
        self._drop: DropInteraction | None = None
        self.populate()
        self.design.events.subscribe(self.on_event)

    def detach(self) -> None:
        self.design.events.unsubscribe(self.on_event)

    # ---- building -------------------------------------------------------------------------
    def populate(self) -> None:
        """Build the scene at once (opening a file), cheaper than event by event: the unit
        table (items only for a small design, items/units.py), the flows, the frames."""
        d = self.design
        self.units.build()
        # `_note_company` for each unit, written out for a new scene (50,000 units)
        by_company, of_unit = self._company_units, self._unit_company
        for uid, unit in d.units.items():
            cid = of_unit[uid] = unit.company
            if cid:
                members = by_company.get(cid)
                if members is None:
                    members = by_company[cid] = set()
                members.add(uid)
        self._dirty_companies.update(by_company)
        self.flows.build()
        self.branches.refresh()
        for cid in d.companies:
            self._add_company_item(cid)

    def _note_company(self, uid: str, cid: str) -> None:
        old = self._unit_company.get(uid, "")
        if old == cid and uid in self._unit_company:
            return
        if old:
            self._company_units.get(old, set()).discard(uid)
            self._dirty_companies.add(old)
        if cid:
            self._company_units.setdefault(cid, set()).add(uid)
            self._dirty_companies.add(cid)
        self._unit_company[uid] = cid

    def unit_item(self, uid: str) -> UnitItem | None:
        return self.units.item(uid)  # created now if the canvas has not needed it yet

    def realize_rect(self, rect: QRectF) -> int:  # a view is about to paint `rect`
        self.flows.realize(rect.left(), rect.top(), rect.right(), rect.bottom())
        return self.units.realize_rect(rect.left(), rect.top(), rect.right(), rect.bottom())

    def realize_all(self) -> None:
        """Every unit an item and every flow routed (printing renders the whole scene)."""
        self.units.realize_all()
        self.flows.finish()

    def painted(self) -> None:
        """A view painted: background work may start now that the user sees the canvas."""
        self.flows.start_routing()
        if not self.shown:
            self.shown = True
            self.firstPainted.emit()

    def frame_rects(self) -> dict[str, tuple[float, float, float, float]]:
        """Each company's frame as the exports see it: title bars the router avoids."""
        return frame_rects(self.design.companies, self.boxes, self._company_units)

    def _route(self, fid: str) -> None:
        self.flows.route(fid)

    def _add_company_item(self, cid: str) -> None:
        item = CompanyItem(cid)
        self.company_items[cid] = item
        item.sync(self.design.companies[cid], self.lang, self.fitted_rect(cid))
        self.addItem(item)
        self._dirty_companies.discard(cid)

    # ---- model events ---------------------------------------------------------------------
    def on_event(self, e: ev.Event) -> None:  # noqa: C901 - one branch per event type
        d, t = self.design, e.type
        if t == ev.UNIT_ADDED:
            self.units.added(e.id)
            self._note_company(e.id, d.units[e.id].company)
            self._stale_units.add(e.id)
            self.branches.schedule()
        elif t == ev.UNIT_REMOVED:
            self.units.removed(e.id)
            self._note_company(e.id, "")
            self._unit_company.pop(e.id, None)
            self.flows.unit_removed(e.id)
            self.hidden_units.discard(e.id)
            self.branches.schedule()
        elif t in (ev.UNIT_CHANGED, ev.PLAN_CHANGED):
            unit = d.units[e.id]
            self.units.changed(e.id)
            self._note_company(e.id, unit.company)
            self._dirty_companies.add(unit.company)
            self._stale_flows.update(self.flows.of_unit(e.id))  # once each, at flush
            self._stale_units.add(e.id)
        elif t == ev.FLOW_ADDED:
            self.flows.added(e.id)
            self.branches.schedule()
        elif t == ev.FLOW_REMOVED:
            self.flows.removed(e.id)
            self.branches.schedule()
        elif t == ev.FLOW_CHANGED:
            self.flows.changed(e.id)
            self.branches.schedule()
        elif t == ev.COMPANY_ADDED:
            self._add_company_item(e.id)
        elif t == ev.COMPANY_REMOVED:
            item = self.company_items.pop(e.id, None)
            if item is not None:
                self.removeItem(item)
            self._company_units.pop(e.id, None)
            self._dirty_companies.discard(e.id)
        elif t == ev.COMPANY_CHANGED:
            self._dirty_companies.add(e.id)
        self._dirty_companies.discard("")
        if t.startswith("unit") or t.startswith("plan"):
            self.unit_layer.invalidate([e.id])
        if (self._dirty_companies or self._stale_flows or self._stale_units) \
                and not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> None:
        """Bring flows, company frames and branch handles up to date — deferred so a big
        batch (an auto layout moves every unit) routes each flow and refits each frame
        once."""
        moved, self._stale_units = self._stale_units, set()
        for uid in moved:
            if uid in self.boxes:
                self.flows.unit_moved(uid)
        stale, self._stale_flows = self._stale_flows, set()
        if len(stale) > LATER_FLOWS:
            # a hub's thousands of flows (all incident reports run to the CSIRT) are
            # redrawn in idle slices
            stale = self.flows.apply_later(stale)
        for fid in stale:
            if fid in self.flow_items:
                self._route(fid)
        if self.branches.pending():
            self.branches.refresh()
        self._flush_timer.stop()
        dirty, self._dirty_companies = self._dirty_companies, set()
        for cid in dirty:
            item = self.company_items.get(cid)
            if item is not None and cid in self.design.companies:
                item.sync(self.design.companies[cid], self.lang, self.fitted_rect(cid))
                units = self._company_units.get(cid, ())
                item.setVisible(not units or any(u not in self.hidden_units for u in units))

    def fitted_rect(self, cid: str) -> QRectF | None:
        """The frame that holds a company's shown units, with room for the title."""
        units = self._company_units.get(cid, ())
        hidden = self.hidden_units
        shown = ([u for u in units if u not in hidden] or units) if hidden else units
        rects = [r for r in map(self.boxes.rects.get, shown) if r is not None]
        if not rects:
            return None
        xs, ys, ws, hs = zip(*rects, strict=True)  # column by column: 10,000 units
        x0, y0 = min(xs), min(ys)
        rect = QRectF(x0, y0, max(map(add, xs, ws)) - x0, max(map(add, ys, hs)) - y0)
        return rect.adjusted(-MARGIN, -MARGIN - TITLE_H / 2, MARGIN, MARGIN)

    # ---- what is shown: branches and the far-out mode --------------------------------------
    def refit_frames(self) -> None:
        """Every frame fits its shown units again (branches were hidden or shown)."""
        self._dirty_companies.update(self.company_items)
        self.flush()

    def set_far(self, on: bool) -> None:
        """Far out (the view decides): units are drawn as plain boxes by one layer."""
        self.unit_layer.set_active(on)

    def content_rect(self) -> QRectF:
        """What is shown: the visible units, flows and frames (for fitting the view). While
        branches are hidden, frames do not count: a laid-out frame keeps its full size."""
        box = self.boxes.bounds(self.hidden_units)
        rect = QRectF(*box) if box is not None else QRectF()
        frames = () if self.hidden_units else self.company_items.values()
        for item in (*frames, *self.flow_layers.values()):
            if item.isVisible():
                box = item.sceneBoundingRect()
                if not box.isNull():
                    rect = rect.united(box) if not rect.isNull() else box
        return rect

    def top_unit(self) -> QPointF | None:
        """Where the top of the organisation is: the visible root with the most direct
        reports (in design order on ties)."""
        d = self.design
        children = d.children()
        roots = [u for u in d.roots() if u not in self.hidden_units and children.get(u)]
        if not roots:
            return None
        uid = max(roots, key=lambda u: len(children[u]))
        return QPointF(*self.boxes.centre(uid))

    def _selection_changed(self) -> None:
        if self.unit_layer.active:
            self.unit_layer.update()
        self.overlay.selection_changed()

    def set_language(self, lang: str) -> None:
        """Content labels in `lang` (names, kinds, flow labels); called by i18n."""
        self.lang = lang
        d = self.design
        self.units.relabel()
        self.flows.relabel()
        self._dirty_companies.update(self.company_items)
        for cid, item in self.company_items.items():
            item.sync(d.companies[cid], lang, self.fitted_rect(cid))
        self.unit_layer.invalidate()
        self.update()

    # ---- queries --------------------------------------------------------------------------
    def units_of_company(self, cid: str) -> list[str]:
        return [u for u in self.design.units if u in self._company_units.get(cid, ())]

    def realize_at(self, pos: QPointF, reach: float = 2 * HANDLE_R + HANDLE_GAP) -> None:
        """Create the items of the units at `pos` (with their handle's reach), so Qt's own
        hit tests and selection find them wherever the canvas has not been painted."""
        for uid in self.boxes.at(pos.x(), pos.y(), reach):
            self.units.item(uid)

    def item_at(self, pos: QPointF, kinds: tuple[type, ...] = (UnitItem, FlowItem, CompanyItem),
                below: QGraphicsItem | None = None) -> QGraphicsItem | None:
        """The topmost unit, flow or frame at `pos`; flows painted by a layer count too."""
        self.realize_at(pos)
        first = next((item for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                                                  Qt.SortOrder.DescendingOrder)
                      if item is not below and isinstance(item, kinds) and item.isVisible()),
                     None)
        if FlowItem in kinds and (first is None or first.zValue() < FLOW_Z):
            flow = self.flows.at(pos)
            if flow is not None:
                return flow
        return first

    def flow_at(self, pos: QPointF) -> FlowItem | None:
        return self.flows.at(pos)

    def handle_at(self, pos: QPointF) -> UnitItem | None:
        """The unit whose collapse/expand handle is under `pos`."""
        self.realize_at(pos)
        box = QRectF(pos.x() - 1, pos.y() - 1, 2, 2)
        for item in self.items(box, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, UnitItem) and item.isVisible() and item.on_handle(pos):
                return item
        return None

    def company_at(self, pos: QPointF) -> CompanyItem | None:
        """The innermost (smallest) frame containing `pos`."""
        hits = [c for c in self.company_items.values() if c.scene_rect().contains(pos)]
        return min(hits, key=lambda c: c.w * c.h) if hits else None

    def selected_unit_ids(self) -> list[str]:
        return selection.selected(self, UnitItem, "uid", self.design.units)

    def selected_flow_ids(self) -> list[str]:
        return selection.selected(self, FlowItem, "fid", self.design.flows)

    def selected_company_ids(self) -> list[str]:
        return selection.selected(self, CompanyItem, "cid", self.design.companies)

    def items_rect(self, unit_ids: list[str]) -> QRectF:
        rect = QRectF()
        for uid in unit_ids:
            r = self.boxes.rects.get(uid)
            if r is not None:
                box = QRectF(*r)
                rect = rect.united(box) if not rect.isNull() else box
        return rect

    # ---- selection ------------------------------------------------------------------------
    def select_ids(self, units: list[str] = (), flows: list[str] = (),
                   companies: list[str] = ()) -> None:
        selection.select_ids(self, units, flows, companies)

    def select_units_within(self, rect: QRectF) -> None:
        """Create the items of the units in a rubber band before Qt selects in it (far out,
        the canvas has no items there)."""
        for uid in self.boxes.in_rect(rect.left(), rect.top(), rect.right(), rect.bottom()):
            self.units.item(uid)

    def select_flows_within(self, rect: QRectF) -> None:  # a rubber band: see selection.py
        selection.select_flows_within(self, rect)

    def center_on_units(self, ids: list[str]) -> None:
        """Show the units (the controller selected them to show them: a search found them);
        units hidden in a collapsed or unfocused branch are revealed and selected."""
        hidden = [u for u in ids if u in self.hidden_units]
        if hidden:
            self.branches.reveal(hidden)
            self.select_ids(units=ids)
        rect = self.items_rect(ids)
        for view in self.views():
            if not rect.isNull():
                view.ensureVisible(rect, 60, 60)
                view.centerOn(rect.center())

    # ---- drag feedback (drag_feedback.py moves the items) ---------------------------------
    def snap(self, p: QPointF) -> QPointF:
        if not self.snap_to_grid:
            return QPointF(p)
        return QPointF(round(p.x() / GRID) * GRID, round(p.y() / GRID) * GRID)

    # ---- actions the interactions ask for ---------------------------------------------------
    def connect_units(self, source: str, target: str, kind: FlowKind) -> bool:
        flow = Flow(self.design.new_id("f"), source, target, kind)
        return self.controller.push(ops.AddFlow(flow),
                                    self.tr("Connect (%1)").replace("%1", kind.label(self.lang)))

    def drop_preset(self, preset_id: str, pos: QPointF) -> bool:
        batch, new_id = drop_ops(self, preset_id, pos)
        name = presets.preset(preset_id).label(self.lang)
        if not self.controller.push(batch, self.tr("Add %1").replace("%1", name)):
            return False
        self.flush()
        if new_id in self.unit_items:
            self.select_ids(units=[new_id])
        elif new_id in self.company_items:
            self.select_ids(companies=[new_id])
        return True

    # ---- interaction plumbing ---------------------------------------------------------------
    def set_interaction(self, interaction: Interaction | None) -> None:
        if interaction is None:
            interaction = ConnectInteraction(self) if self.connect_mode else SelectInteraction(self)
        self._interaction = interaction

    @property
    def interaction(self) -> Interaction:
        return self._interaction

    def set_connect_mode(self, on: bool) -> None:
        self._interaction.cancel()
        self.connect_mode = on
        self.set_interaction(None)

    def cancel_interaction(self) -> None:
        self._interaction.cancel()
        self.set_interaction(None)

    def mousePressEvent(self, e: QGraphicsSceneMouseEvent) -> None:
        if not self._interaction.press(e):
            super().mousePressEvent(e)

    def mouseMoveEvent(self, e: QGraphicsSceneMouseEvent) -> None:
        if not self._interaction.move(e):
            super().mouseMoveEvent(e)

    def mouseReleaseEvent(self, e: QGraphicsSceneMouseEvent) -> None:
        if not self._interaction.release(e):
            super().mouseReleaseEvent(e)

    def dragEnterEvent(self, e: QGraphicsSceneDragDropEvent) -> None:
        self._drop = DropInteraction(self)
        self._drop.enter(e)

    def dragMoveEvent(self, e: QGraphicsSceneDragDropEvent) -> None:
        if self._drop is None:
            self._drop = DropInteraction(self)
        self._drop.move(e)

    def dragLeaveEvent(self, e: QGraphicsSceneDragDropEvent) -> None:
        if self._drop is not None:
            self._drop.leave()
        self._drop = None

    def dropEvent(self, e: QGraphicsSceneDragDropEvent) -> None:
        drop = self._drop or DropInteraction(self)
        self._drop = None
        drop.drop(e)

    def helpEvent(self, e: QGraphicsSceneHelpEvent) -> None:
        """Tooltips built from the model when asked, instead of stored on every item."""
        item = self.item_at(e.scenePos(), kinds=(UnitItem, FlowItem))
        text = ""
        if isinstance(item, UnitItem) and item.uid in self.design.units:
            text = unit_tooltip(self.design.units[item.uid], self.lang)
        elif isinstance(item, FlowItem) and item.fid in self.design.flows:
            text = flow_tooltip(self.design, self.design.flows[item.fid], self.lang)
        if text:
            QToolTip.showText(e.screenPos(), text)
        else:
            QToolTip.hideText()
        e.accept()

    # ---- grid -------------------------------------------------------------------------------
    def set_grid(self, on: bool) -> None:
        self.show_grid = on
        self.update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if self.show_grid:
            draw_grid(painter, rect, GRID)

"""What the mouse does on the canvas, one small object per mode (STYLE.md practice 5).

The scene forwards mouse and drag events to its current interaction; an interaction that
finishes hands control back to the scene's default one (select, or connect when the
connect mode is on). Interactions move items for feedback while the mouse is down, but
every change to the design is one operation pushed through the controller on release.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from orgdesigner import presets
from orgdesigner.gui.canvas import connect_hint, drag_feedback
from orgdesigner.gui.canvas.items.company_item import CompanyItem
from orgdesigner.gui.canvas.items.flow_item import FlowItem
from orgdesigner.gui.canvas.items.shapes import flow_pen
from orgdesigner.gui.canvas.items.unit_item import UnitItem
from orgdesigner.model import Flow, FlowKind, Unit, ops
from orgdesigner.render.style import box_size, flow_style

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene

PRESET_MIME = "application/vnd.orgdesigner.unit-preset"
CHILD_GAP = 60.0  # vertical gap between a unit and a subordinate dropped onto it
SIBLING_GAP = 24.0


def _moved_enough(ev: QGraphicsSceneMouseEvent) -> bool:
    d = ev.screenPos() - ev.buttonDownScreenPos(Qt.MouseButton.LeftButton)
    return d.manhattanLength() >= QApplication.startDragDistance()


class Interaction:
    """Base: pass everything to Qt's default scene handling."""

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene

    def press(self, ev: QGraphicsSceneMouseEvent) -> bool:
        return False

    def move(self, ev: QGraphicsSceneMouseEvent) -> bool:
        return False

    def release(self, ev: QGraphicsSceneMouseEvent) -> bool:
        return False

    def cancel(self) -> None:
        """Escape or a mode change: undo any feedback, leave the model alone."""

    def done(self) -> None:
        self.scene.set_interaction(None)


class SelectInteraction(Interaction):
    """Click, Ctrl-click and Shift-click select; a press on a selected unit or frame starts
    a move; a press on a frame's corner handle starts a resize; empty space rubber-bands
    (the view's drag mode)."""

    def press(self, ev: QGraphicsSceneMouseEvent) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        handle = self.scene.handle_at(ev.scenePos())
        if handle is not None:  # the +/− under a unit: collapse or expand its branch
            self.scene.branches.toggle(handle.uid)
            ev.accept()
            return True
        item = self.scene.item_at(ev.scenePos())
        if isinstance(item, FlowItem):
            self.scene.flows.selected.materialize(item)  # painted by its layer: Qt must see it
        if isinstance(item, CompanyItem) and item.on_handle(ev.scenePos()):
            self.scene.set_interaction(ResizeInteraction(self.scene, item, ev.scenePos()))
            ev.accept()
            return True
        if item is not None and ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            item.setSelected(not item.isSelected())
            ev.accept()
            return True
        QGraphicsScene.mousePressEvent(self.scene, ev)
        if isinstance(item, (UnitItem, CompanyItem)) and item.isSelected():
            self.scene.set_interaction(MoveInteraction(self.scene, item, ev.scenePos()))
        return True


class MoveInteraction(Interaction):
    """Drag the selection: selected units, and selected frames with all their units."""

    def __init__(self, scene: DiagramScene, primary: UnitItem | CompanyItem,
                 anchor: QPointF) -> None:
        super().__init__(scene)
        self.anchor = anchor
        self.primary_start = primary.pos()
        self.moving = False
        self.units: dict[str, QPointF] = {}
        self.frames: dict[str, QPointF] = {}
        for it in scene.selectedItems():
            if isinstance(it, UnitItem):
                self.units[it.uid] = it.pos()
            elif isinstance(it, CompanyItem):
                if not it.auto:
                    self.frames[it.cid] = it.pos()
                for uid in scene.units_of_company(it.cid):
                    self.units[uid] = QPointF(*scene.boxes.centre(uid))

    def move(self, ev: QGraphicsSceneMouseEvent) -> bool:
        if not self.moving and not _moved_enough(ev):
            return True
        self.moving = True
        delta = ev.scenePos() - self.anchor
        target = self.scene.snap(self.primary_start + delta)
        delta = target - self.primary_start
        drag_feedback.preview_move(self.scene, {u: p + delta for u, p in self.units.items()},
                                   {c: p + delta for c, p in self.frames.items()})
        return True

    def release(self, ev: QGraphicsSceneMouseEvent) -> bool:
        QGraphicsScene.mouseReleaseEvent(self.scene, ev)
        self.done()
        if not self.moving:
            return True
        design = self.scene.design
        moves = {}
        for uid in self.units:
            x, y = self.scene.boxes.centre(uid)  # where the drag left it
            moves[uid] = (round(x, 1), round(y, 1))
        batch = ops.move_units(design, moves, "Move")
        for cid in self.frames:
            p = self.scene.company_items[cid].pos()
            batch.ops.append(ops.UpdateCompany(cid, {"x": round(p.x(), 1), "y": round(p.y(), 1)}))
        n = len(self.units)
        text = (QCoreApplication.translate("DiagramScene", "Move %n unit(s)", "", n) if n
                else QCoreApplication.translate("DiagramScene", "Move frame"))
        if not self.scene.controller.push(batch, text):
            self.cancel()
        return True

    def cancel(self) -> None:
        drag_feedback.resync_positions(self.scene, list(self.units), list(self.frames))


class ResizeInteraction(Interaction):
    MIN = (120.0, 80.0)

    def __init__(self, scene: DiagramScene, item: CompanyItem, press: QPointF) -> None:
        super().__init__(scene)
        self.item = item
        self.start = item.scene_rect()
        self.grab = self.start.bottomRight() - press  # keep the handle under the pointer

    def move(self, ev: QGraphicsSceneMouseEvent) -> bool:
        p = self.scene.snap(ev.scenePos() + self.grab)
        w = max(self.MIN[0], p.x() - self.start.left())
        h = max(self.MIN[1], p.y() - self.start.top())
        self.item.set_rect(QRectF(self.start.left(), self.start.top(), w, h))
        return True

    def release(self, ev: QGraphicsSceneMouseEvent) -> bool:
        self.done()
        r = self.item.scene_rect()
        change = {"width": round(r.width(), 1), "height": round(r.height(), 1)}
        self.scene.controller.push(ops.UpdateCompany(self.item.cid, change),
                                   QCoreApplication.translate("DiagramScene", "Resize company"))
        ev.accept()
        return True

    def cancel(self) -> None:
        self.item.set_rect(self.start)


class ConnectInteraction(Interaction):
    """Drag from one unit to another to create a flow of the scene's current kind; while
    over a target, a hint says what will be created (`connect_hint`)."""

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self.source: UnitItem | None = None
        self.line: QGraphicsLineItem | None = None
        self.target: UnitItem | None = None
        self.hint: QGraphicsSimpleTextItem | None = None

    def press(self, ev: QGraphicsSceneMouseEvent) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        item = self.scene.item_at(ev.scenePos())
        if not isinstance(item, UnitItem):
            return QGraphicsScene.mousePressEvent(self.scene, ev) or True
        self.source = item
        self.line = QGraphicsLineItem(QLineF(item.pos(), ev.scenePos()))
        self.line.setPen(flow_pen(flow_style(self.scene.flow_kind)))
        self.line.setZValue(10)
        self.scene.addItem(self.line)
        ev.accept()
        return True

    def move(self, ev: QGraphicsSceneMouseEvent) -> bool:
        if self.source is None or self.line is None:
            return False
        self.line.setLine(QLineF(self.source.pos(), ev.scenePos()))
        item = self.scene.item_at(ev.scenePos(), below=self.line)
        target = item if isinstance(item, UnitItem) and item is not self.source else None
        if target is not self.target:
            if self.target is not None:
                self.target.set_highlighted(False)
            if target is not None:
                target.set_highlighted(True)
            self.target = target
        self._show_hint(ev.scenePos())
        return True

    def _show_hint(self, at: QPointF) -> None:
        scene = self.scene
        if self.target is None or self.source is None:
            if self.hint is not None:
                self.hint.setVisible(False)
            return
        if self.hint is None:
            self.hint = QGraphicsSimpleTextItem()
            self.hint.setZValue(11)
            self.hint.setBrush(QColor("#1A1A1A"))
            scene.addItem(self.hint)
        self.hint.setText(connect_hint.hint(scene.design, scene.flow_kind, self.source.uid,
                                            self.target.uid, scene.lang))
        self.hint.setPos(at + QPointF(14, 14))
        self.hint.setVisible(True)

    def release(self, ev: QGraphicsSceneMouseEvent) -> bool:
        if self.source is None:
            return False
        source, target = self.source, self.target
        self.cancel()
        if target is not None:
            kind = self.scene.flow_kind
            src, dst = connect_hint.flow_ends(kind, source.uid, target.uid)
            why = connect_hint.refusal(self.scene.design, kind, src, dst, self.scene.lang)
            if why:
                self.scene.controller.statusMessage.emit(why)
            else:
                self.scene.connect_units(src, dst, kind)
        ev.accept()
        return True

    def cancel(self) -> None:
        if self.line is not None:
            self.scene.removeItem(self.line)
        if self.target is not None:
            self.target.set_highlighted(False)
        if self.hint is not None:
            self.scene.removeItem(self.hint)
        self.source = self.line = self.target = self.hint = None


class ConnectFromInteraction(ConnectInteraction):
    """"Connect from here" (context menu): the flow starts at `source`, follows the
    pointer, and a click on another unit ends it (a click elsewhere or Esc cancels)."""

    def __init__(self, scene: DiagramScene, source: UnitItem) -> None:
        super().__init__(scene)
        self.source = source
        self.line = QGraphicsLineItem(QLineF(source.pos(), source.pos()))
        self.line.setPen(flow_pen(flow_style(scene.flow_kind)))
        self.line.setZValue(10)
        scene.addItem(self.line)

        for view in scene.views():
            view.viewport().setMouseTracking(True)  # the line follows the bare pointer

    def press(self, ev: QGraphicsSceneMouseEvent) -> bool:
        self.move(ev)
        source, target = self.source, self.target
        self.cancel()
        self.done()
        if source is not None and target is not None and \
                ev.button() == Qt.MouseButton.LeftButton:
            self.scene.connect_units(source.uid, target.uid, self.scene.flow_kind)
        ev.accept()
        return True


class DropInteraction:
    """A palette preset dragged over the canvas: highlight the target, create on drop.

    Onto empty canvas → a unit at the drop point. Onto a company frame → the unit belongs
    to that company. Onto a unit → the new unit also reports to it and is placed below it.
    """

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.highlighted: UnitItem | CompanyItem | None = None

    @staticmethod
    def preset_id(ev: QGraphicsSceneDragDropEvent) -> str | None:
        mime = ev.mimeData()
        if mime is None or not mime.hasFormat(PRESET_MIME):
            return None
        pid = bytes(mime.data(PRESET_MIME).data()).decode("utf-8", "replace").strip()
        try:
            presets.preset(pid)
        except KeyError:
            return None
        return pid

    def enter(self, ev: QGraphicsSceneDragDropEvent) -> None:
        self.move(ev)

    def move(self, ev: QGraphicsSceneDragDropEvent) -> None:
        pid = self.preset_id(ev)
        if pid is None:
            ev.ignore()
            return
        target = self.target(ev.scenePos(), presets.preset(pid).is_company)
        if target is not self.highlighted:
            self.leave()
            if target is not None:
                target.set_highlighted(True)
            self.highlighted = target
        ev.setDropAction(Qt.DropAction.CopyAction)
        ev.accept()

    def leave(self) -> None:
        if self.highlighted is not None:
            self.highlighted.set_highlighted(False)
            self.highlighted = None

    def target(self, pos: QPointF, is_company: bool) -> UnitItem | CompanyItem | None:
        if is_company:
            return None
        unit = self.scene.item_at(pos, kinds=(UnitItem,))
        return unit if unit is not None else self.scene.company_at(pos)

    def drop(self, ev: QGraphicsSceneDragDropEvent) -> bool:
        self.leave()
        pid = self.preset_id(ev)
        if pid is None:
            ev.ignore()
            return False
        ok = self.scene.drop_preset(pid, ev.scenePos())
        ev.setDropAction(Qt.DropAction.CopyAction)
        ev.accept()
        return ok


def drop_ops(scene: DiagramScene, preset_id: str, pos: QPointF) -> tuple[ops.Batch, str]:
    """The operations a drop makes, and the id of what it creates (pure model logic)."""
    design = scene.design
    p = presets.preset(preset_id)
    if p.is_company:
        c = presets.make_company(design, scene.snap(pos).x(), scene.snap(pos).y())
        return ops.Batch([ops.AddCompany(c)], "Add company"), c.id
    target = DropInteraction(scene).target(pos, False)
    at = scene.snap(pos)
    company, parent = "", None
    if isinstance(target, UnitItem):
        parent = design.units[target.uid]
        company = parent.company
    elif isinstance(target, CompanyItem):
        company = target.cid
    unit = presets.make_unit(design, preset_id, at.x(), at.y(), company)
    batch = ops.Batch([], f"Add {p.name_en}")
    if parent is not None:
        x, y = _below(scene, parent, unit)
        unit.x, unit.y = x, y
        batch.ops.append(ops.AddUnit(unit))
        batch.ops.append(ops.AddFlow(Flow(design.new_id("f"), parent.id, unit.id,
                                          FlowKind.REPORTING)))
    else:
        batch.ops.append(ops.AddUnit(unit))
    return batch, unit.id


def _below(scene: DiagramScene, parent: Unit, unit: Unit) -> tuple[float, float]:
    """A free place for a new subordinate: one row below, right of the existing ones."""
    lang = scene.lang
    pw, ph = box_size(parent, lang)
    w, h = box_size(unit, lang)
    y = parent.y + ph / 2 + CHILD_GAP + h / 2
    kids = [scene.design.units[k] for k in scene.design.children().get(parent.id, [])]
    if not kids:
        return parent.x, y
    right = max(k.x + box_size(k, lang)[0] / 2 for k in kids)
    y = max(k.y for k in kids)
    return right + SIBLING_GAP + w / 2, y

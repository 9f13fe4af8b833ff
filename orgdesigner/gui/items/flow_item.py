"""A flow between two units: colour and line style by kind, arrowheads, optional label.

Reporting lines are drawn as org-chart elbows (down, across, down) so siblings share one
bus; the other kinds are overlays drawn as straight or gently bowed lines, bowed apart when
several flows join the same two units so none hides another.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Flow, FlowKind
from ...render.layout import reporting_route
from ...render.style import FlowStyle, flow_label, flow_style, text_width
from .shapes import flow_pen, label_font
from .unit_item import SELECTION, TEXT_LOD, UnitItem

LABEL_SIZE = 9.0
ARROW = 9.0
BOW = 22.0  # distance between parallel overlays at their middle
#: Above this many flows a design draws them aliased: thousands of long antialiased lines
#: crossing the view make panning stutter, and at that density smoothing is not visible.
ANTIALIAS_LIMIT = 1500


class FlowItem(QGraphicsItem):
    Type = QGraphicsItem.UserType + 2

    def __init__(self, flow_id: str) -> None:
        super().__init__()
        self.fid = flow_id
        self.kind = FlowKind.REPORTING
        self.style: FlowStyle = flow_style(FlowKind.REPORTING)
        self.label = ""
        self.parallel = 0  # 0 = straight; ±1, ±2 … = bowed to one side or the other
        self._path = QPainterPath()
        self._heads: list[QPolygonF] = []
        self._label_pos = QPointF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._hit = QPainterPath()
        self._poly: QPolygonF | None = None  # straight segments: drawn as a polyline (fast)
        self._pens: tuple[QPen, ...] = ()
        self.smooth = True  # antialiased; the scene turns it off for very large designs
        self.label_item: FlowLabel | None = None  # created for flows that show a label
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(1.0)

    def type(self) -> int:  # noqa: A003
        return self.Type

    def sync(self, flow: Flow, lang: str) -> None:
        self.kind = flow.kind
        self.style = st = flow_style(flow.kind)
        self.label = flow_label(flow.kind, flow.label, lang)
        self._pens = ((flow_pen(st, st.width * 2.6), flow_pen(st, st.width * 0.9, "#FFFFFF"))
                      if st.double else (flow_pen(st),))
        self._head_pen = QPen(QColor(st.color), 1.0)
        self._head_brush = QBrush(QColor(st.color))
        self.update()

    # ---- geometry ----------------------------------------------------------------------
    def route(self, src: UnitItem, dst: UnitItem) -> None:
        """Recompute the path from the two units' current boxes."""
        if self.scene() is not None:
            self.prepareGeometryChange()
        a, b = src.scene_box(), dst.scene_box()
        path = QPainterPath()
        if self.kind is FlowKind.REPORTING and self.parallel == 0 and b.top() > a.bottom():
            # the same elbows (and compact stacks) as the exports draw
            pts = [QPointF(x, y) for x, y in reporting_route(
                (a.x(), a.y(), a.width(), a.height()), (b.x(), b.y(), b.width(), b.height()))]
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            self._poly = QPolygonF(pts)
            start, end = pts[0], pts[-1]
            before_end, after_start = pts[-2], pts[1]
        else:
            ca, cb = a.center(), b.center()
            ctrl = (ca + cb) / 2
            if self.parallel:
                dx, dy = cb.x() - ca.x(), cb.y() - ca.y()
                n = math.hypot(dx, dy) or 1.0
                ctrl = ctrl + QPointF(-dy / n, dx / n) * (BOW * self.parallel)
            start = _clip(a, src.shape_name, ca, ctrl)
            end = _clip(b, dst.shape_name, cb, ctrl)
            path.moveTo(start)
            if self.parallel:
                path.quadTo(ctrl, end)
                self._poly = None
                before_end = after_start = ctrl
            else:
                path.lineTo(end)
                self._poly = QPolygonF([start, end])
                before_end, after_start = start, end
        self._path = path
        self._heads = []
        if self.style.head == "normal":
            self._heads.append(_arrow(before_end, end))
        if self.style.tail == "normal":
            self._heads.append(_arrow(after_start, start))
        self._label_pos = self._free_label_spot(path) if self.label else path.pointAtPercent(0.5)
        self._label_rect = QRectF()
        if self.label:
            fm_w = max(20.0, text_width(self.label, LABEL_SIZE))
            self._label_rect = QRectF(self._label_pos.x() - fm_w / 2 - 3,
                                      self._label_pos.y() - LABEL_SIZE * 0.8,
                                      fm_w + 6, LABEL_SIZE * 1.6)
        if self.label and self.label_item is None and self.scene() is not None:
            self.label_item = FlowLabel()
            self.scene().addItem(self.label_item)
        if self.label_item is not None:
            self.label_item.place(self._label_pos, self.label, self.style.color)
        self._hit = QPainterPath()  # built on demand by shape()
        self._bounds = path.boundingRect().adjusted(-ARROW - 6, -ARROW - 6, ARROW + 6, ARROW + 6)

    def _free_label_spot(self, path: QPainterPath) -> QPointF:
        """The point along the flow nearest its middle where the label covers no unit."""
        scene = self.scene()
        mid = path.pointAtPercent(0.5)
        if scene is None:
            return mid
        w = text_width(self.label, LABEL_SIZE) * 1.08 + 8
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
            p = path.pointAtPercent(t)
            rect = QRectF(p.x() - w / 2, p.y() - LABEL_SIZE, w, LABEL_SIZE * 2)
            if not any(isinstance(i, UnitItem) for i in scene.items(rect)):
                return p
        return mid

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit.isEmpty() and not self._path.isEmpty():
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._hit = stroker.createStroke(self._path)
            if not self._label_rect.isNull():
                self._hit.addRect(self._label_rect)
        return self._hit

    # ---- painting ----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.smooth and lod > 0.2)
        st = self.style
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.isSelected():
            hl = QPen(QColor(SELECTION.red(), SELECTION.green(), SELECTION.blue(), 90),
                      st.width + 7)
            hl.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(hl)
            painter.drawPath(self._path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pens = self._pens if lod > 0.15 else self._pens[:1]
        for pen in pens:
            painter.setPen(pen)
            if self._poly is not None:
                painter.drawPolyline(self._poly)
            else:
                painter.drawPath(self._path)
        if self._heads and lod > 0.15:
            painter.setPen(self._head_pen)
            painter.setBrush(self._head_brush)
            for head in self._heads:
                painter.drawPolygon(head)


class FlowLabel(QGraphicsItem):
    """A flow's label, drawn above the units so a box never hides it (clicks pass through)."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.colour = QColor("#000000")
        self._rect = QRectF()
        self.setZValue(3.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def place(self, at: QPointF, text: str, colour: str) -> None:
        w = max(20.0, text_width(text, LABEL_SIZE) * 1.08) + 8 if text else 0.0
        rect = QRectF(-w / 2, -LABEL_SIZE * 0.85, w, LABEL_SIZE * 1.7)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.text, self.colour = text, QColor(colour).darker(140)
        self.setVisible(bool(text))
        self.setPos(at)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < TEXT_LOD:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.colour.red(), self.colour.green(), self.colour.blue(),
                                   90), 0.8))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(self.colour)
        painter.setFont(label_font(LABEL_SIZE))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


def _clip(box: QRectF, shape: str, centre: QPointF, toward: QPointF) -> QPointF:
    """Where the line from the box's centre toward `toward` leaves the box's outline."""
    dx, dy = toward.x() - centre.x(), toward.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    hw, hh = box.width() / 2, box.height() / 2
    if shape == "ellipse":
        t = 1.0 / math.sqrt((dx / hw) ** 2 + (dy / hh) ** 2)
    else:
        tx = hw / abs(dx) if dx else math.inf
        ty = hh / abs(dy) if dy else math.inf
        t = min(tx, ty)
    t = min(t, 1.0)
    return QPointF(centre.x() + dx * t, centre.y() + dy * t)


def _arrow(frm: QPointF, tip: QPointF) -> QPolygonF:
    line = QLineF(tip, frm)
    if line.length() == 0:
        return QPolygonF()
    angle = math.atan2(line.dy(), line.dx())
    spread = math.radians(24)
    p1 = tip + QPointF(math.cos(angle + spread), math.sin(angle + spread)) * ARROW
    p2 = tip + QPointF(math.cos(angle - spread), math.sin(angle - spread)) * ARROW
    return QPolygonF([tip, p1, p2])

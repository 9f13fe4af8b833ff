"""A flow between two units: colour and line style by kind, arrowheads, optional label.

Reporting lines are drawn as org-chart elbows (down, across, down) so siblings share one
bus; the other kinds are overlays drawn as straight or gently bowed lines, bowed apart when
several flows join the same two units so none hides another.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Flow, FlowKind
from ...render.style import FlowStyle, flow_label, flow_style, text_width
from .shapes import flow_pen, label_font
from .unit_item import SELECTION, TEXT_LOD, UnitItem

LABEL_SIZE = 9.0
ARROW = 9.0
BOW = 22.0  # distance between parallel overlays at their middle


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
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(1.0)

    def type(self) -> int:  # noqa: A003
        return self.Type

    def sync(self, flow: Flow, lang: str) -> None:
        self.kind = flow.kind
        self.style = flow_style(flow.kind)
        self.label = flow_label(flow.kind, flow.label, lang)
        self.setToolTip(flow.label or flow.kind.label(lang))
        self.update()

    # ---- geometry ----------------------------------------------------------------------
    def route(self, src: UnitItem, dst: UnitItem) -> None:
        """Recompute the path from the two units' current boxes."""
        self.prepareGeometryChange()
        a, b = src.scene_box(), dst.scene_box()
        path = QPainterPath()
        gap = b.top() - a.bottom()
        if self.kind is FlowKind.REPORTING and gap > 8 and self.parallel == 0:
            start = QPointF(a.center().x(), a.bottom())
            end = QPointF(b.center().x(), b.top())
            mid = a.bottom() + gap / 2
            path.moveTo(start)
            path.lineTo(start.x(), mid)
            path.lineTo(end.x(), mid)
            path.lineTo(end)
            before_end = QPointF(end.x(), mid)
            after_start = QPointF(start.x(), mid)
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
                before_end = after_start = ctrl
            else:
                path.lineTo(end)
                before_end, after_start = start, end
        self._path = path
        self._heads = []
        if self.style.head == "normal":
            self._heads.append(_arrow(before_end, end))
        if self.style.tail == "normal":
            self._heads.append(_arrow(after_start, start))
        self._label_pos = path.pointAtPercent(0.5)
        self._label_rect = QRectF()
        if self.label:
            fm_w = max(20.0, text_width(self.label, LABEL_SIZE))
            self._label_rect = QRectF(self._label_pos.x() - fm_w / 2 - 3,
                                      self._label_pos.y() - LABEL_SIZE * 0.8,
                                      fm_w + 6, LABEL_SIZE * 1.6)
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        self._hit = stroker.createStroke(path)
        if not self._label_rect.isNull():
            self._hit.addRect(self._label_rect)
        self._bounds = path.boundingRect().adjusted(-ARROW - 6, -ARROW - 6, ARROW + 6, ARROW + 6)
        if not self._label_rect.isNull():
            self._bounds = self._bounds.united(self._label_rect.adjusted(-40, -4, 40, 4))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._hit

    # ---- painting ----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        st = self.style
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.isSelected():
            hl = QPen(QColor(SELECTION.red(), SELECTION.green(), SELECTION.blue(), 90),
                      st.width + 7)
            hl.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(hl)
            painter.drawPath(self._path)
        if st.double and lod > 0.15:
            painter.setPen(flow_pen(st, st.width * 2.6))
            painter.drawPath(self._path)
            painter.setPen(flow_pen(st, st.width * 0.9, "#FFFFFF"))
            painter.drawPath(self._path)
        else:
            painter.setPen(flow_pen(st))
            painter.drawPath(self._path)
        if self._heads and lod > 0.15:
            painter.setPen(QPen(QColor(st.color), 1.0))
            painter.setBrush(QBrush(QColor(st.color)))
            for head in self._heads:
                painter.drawPolygon(head)
        if self.label and lod >= TEXT_LOD:
            font = label_font(LABEL_SIZE)
            painter.setFont(font)
            br = painter.boundingRect(QRectF(self._label_pos.x() - 200, self._label_pos.y() - 20,
                                             400, 40), Qt.AlignmentFlag.AlignCenter, self.label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 230))
            painter.drawRoundedRect(br.adjusted(-3, -1, 3, 1), 3, 3)
            painter.setPen(QColor(st.color).darker(140))
            painter.drawText(br, Qt.AlignmentFlag.AlignCenter, self.label)


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

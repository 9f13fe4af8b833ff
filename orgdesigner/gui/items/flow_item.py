"""A flow between two units: colour and line style by kind, arrowheads, optional label.

Reporting lines are drawn as org-chart elbows (down, across, down) so siblings share one
bus; the other kinds are overlays drawn as straight or gently bowed lines, bowed apart when
several flows join the same two units so none hides another. The lines themselves are
painted by `flow_layer.FlowLayer`, one item per kind, so thousands of flows cost a few paint
calls; a `FlowItem` is the flow's geometry, hit test and selection highlight.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

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
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ...model import Flow, FlowKind
from ...render.layout import reporting_route
from ...render.style import FlowStyle, flow_label, flow_style, text_width
from .shapes import flow_pen, label_font
from .unit_item import SELECTION, TEXT_LOD, UnitItem

if TYPE_CHECKING:
    from .flow_layer import FlowLayer

LABEL_SIZE = 9.0
ARROW = 9.0
BOW = 22.0  # distance between parallel overlays at their middle
SELECTED_Z = 1.5  # a selected flow is drawn above every flow layer, below the units


class FlowItem(QGraphicsItem):
    """One flow's geometry, hit test and selection highlight.

    Unselected flows are painted by their kind's `FlowLayer` and are not in the scene (see
    flow_layer.py); the scene adds a flow when it is selected, and then this item paints
    the highlight and the line above the layer.
    """

    Type = QGraphicsItem.UserType + 2

    def __init__(self, flow_id: str, host: QGraphicsScene | None = None) -> None:
        super().__init__()
        self.fid = flow_id
        self.host = host  # the scene the flow belongs to, whether or not it is added to it
        self.kind = FlowKind.REPORTING
        self.style: FlowStyle = flow_style(FlowKind.REPORTING)
        self.label = ""
        self.parallel = 0  # 0 = straight; ±1, ±2 … = bowed to one side or the other
        self.layer: FlowLayer | None = None
        self.segs: list[tuple[float, float, float, float, QLineF]] = []  # straight pieces
        self.curve: QPainterPath | None = None  # a bowed flow
        self.heads: list[QPolygonF] = []
        self.tips: list[tuple[float, float]] = []  # where each head points (for culling)
        self.bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
        self.pens: tuple[QPen, ...] = ()
        self.head_pen = QPen()
        self.head_brush = QBrush()
        self._label_pos = QPointF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._path = QPainterPath()  # built on demand (selection, shape)
        self._hit = QPainterPath()
        self.label_item: FlowLabel | None = None  # created for flows that show a label
        # flags and z are set by `prepare_for_scene`: thousands of flows never need them

    def prepare_for_scene(self) -> None:
        """Make the item selectable and drawn above the layers (it is about to be added)."""
        if not self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
            self.setZValue(SELECTED_Z)

    def type(self) -> int:  # noqa: A003
        return self.Type

    def sync(self, flow: Flow, lang: str) -> None:
        self.kind = flow.kind
        self.style = flow_style(flow.kind)
        self.label = flow_label(flow.kind, flow.label, lang)
        self.pens, self.head_pen, self.head_brush = _pens(flow.kind)
        self.update()

    # ---- geometry ----------------------------------------------------------------------
    def route(self, src: UnitItem, dst: UnitItem) -> None:
        """Recompute the geometry from the two units' current boxes."""
        if self.scene() is not None:
            self.prepareGeometryChange()
        old = self._bounds
        a, b = src.scene_box(), dst.scene_box()
        self._path = QPainterPath()
        self._hit = QPainterPath()
        if self.kind is FlowKind.REPORTING and self.parallel == 0 and b.top() > a.bottom():
            # the same elbows (and compact stacks) as the exports draw
            pts = reporting_route((a.x(), a.y(), a.width(), a.height()),
                                  (b.x(), b.y(), b.width(), b.height()))
            self._set_polyline(pts)
            start, end = QPointF(*pts[0]), QPointF(*pts[-1])
            before_end, after_start = QPointF(*pts[-2]), QPointF(*pts[1])
        else:
            ca, cb = a.center(), b.center()
            ctrl = (ca + cb) / 2
            if self.parallel:
                dx, dy = cb.x() - ca.x(), cb.y() - ca.y()
                n = math.hypot(dx, dy) or 1.0
                ctrl = ctrl + QPointF(-dy / n, dx / n) * (BOW * self.parallel)
            start = _clip(a, src.shape_name, ca, ctrl)
            end = _clip(b, dst.shape_name, cb, ctrl)
            if self.parallel:
                curve = QPainterPath(start)
                curve.quadTo(ctrl, end)
                self._set_polyline(_quad_points(start, ctrl, end))
                self.curve = curve  # drawn whole when fully in view, else as clipped pieces
                before_end = after_start = ctrl
            else:
                self._set_polyline([(start.x(), start.y()), (end.x(), end.y())])
                before_end, after_start = start, end
        self.heads, self.tips = [], []
        if self.style.head == "normal":
            self.heads.append(_arrow(before_end, end))
            self.tips.append((end.x(), end.y()))
        if self.style.tail == "normal":
            self.heads.append(_arrow(after_start, start))
            self.tips.append((start.x(), start.y()))
        self._place_label()
        self._bounds = self._geometry_rect()
        if self.layer is not None:
            self.layer.moved(self, old)

    def _set_polyline(self, pts: list[tuple[float, float]]) -> None:
        self.curve = None
        self.segs = [(ax, ay, bx, by, QLineF(ax, ay, bx, by))
                     for (ax, ay), (bx, by) in zip(pts, pts[1:])]

    def _place_label(self) -> None:
        path = self.path()
        self._label_pos = self._free_label_spot(path) if self.label else QPointF()
        self._label_rect = QRectF()
        if self.label:
            fm_w = max(20.0, text_width(self.label, LABEL_SIZE))
            self._label_rect = QRectF(self._label_pos.x() - fm_w / 2 - 3,
                                      self._label_pos.y() - LABEL_SIZE * 0.8,
                                      fm_w + 6, LABEL_SIZE * 1.6)
        if self.label and self.label_item is None and self.host is not None:
            self.label_item = FlowLabel()
            self.host.addItem(self.label_item)
        if self.label_item is not None:
            self.label_item.place(self._label_pos, self.label, self.style.color)

    def _geometry_rect(self) -> QRectF:
        xs = [c for s in self.segs for c in (s[0], s[2])]
        ys = [c for s in self.segs for c in (s[1], s[3])]
        rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))) if xs else QRectF()
        m = ARROW + 6
        rect = rect.adjusted(-m, -m, m, m)
        if not self._label_rect.isNull():
            rect = rect.united(self._label_rect)
        self.bbox = (rect.left(), rect.top(), rect.right(), rect.bottom())
        return rect

    def path(self) -> QPainterPath:
        """The flow's centre line (built when first needed: few flows are ever asked)."""
        if self._path.isEmpty():
            if self.curve is not None:
                self._path = QPainterPath(self.curve)
            elif self.segs:
                self._path = QPainterPath(QPointF(self.segs[0][0], self.segs[0][1]))
                for s in self.segs:
                    self._path.lineTo(s[2], s[3])
        return self._path

    def bounds(self) -> QRectF:
        return self._bounds

    def inside(self, rect: QRectF) -> bool:
        """Whether the whole line lies in `rect` (rubber-band selection)."""
        return bool(self.segs) and all(
            rect.contains(ax, ay) and rect.contains(bx, by) for ax, ay, bx, by, _ in self.segs)

    def near(self, x: float, y: float, tolerance: float) -> bool:
        """Whether (x, y) is on the flow, its arrowheads or its label."""
        if not self._label_rect.isNull() and self._label_rect.contains(x, y):
            return True
        t2 = tolerance * tolerance
        for ax, ay, bx, by, _line in self.segs:
            if _dist2(x, y, ax, ay, bx, by) <= t2:
                return True
        return False

    def _free_label_spot(self, path: QPainterPath) -> QPointF:
        """The point along the flow nearest its middle where the label covers no unit."""
        scene = self.host
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
        if self._hit.isEmpty() and not self.path().isEmpty():
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._hit = stroker.createStroke(self.path())
            if not self._label_rect.isNull():
                self._hit.addRect(self._label_rect)
        return self._hit

    # ---- selection ---------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        st = self.style
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = self.path()
        if self.isSelected():
            hl = QPen(QColor(SELECTION.red(), SELECTION.green(), SELECTION.blue(), 90),
                      st.width + 7)
            hl.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(hl)
            painter.drawPath(path)
        for pen in self.pens if lod > 0.15 else self.pens[:1]:
            painter.setPen(pen)
            painter.drawPath(path)
        if self.heads and lod > 0.15:
            painter.setPen(self.head_pen)
            painter.setBrush(self.head_brush)
            for head in self.heads:
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


@functools.lru_cache(maxsize=16)
def _pens(kind: FlowKind) -> tuple[tuple[QPen, ...], QPen, QBrush]:
    """Line pens (two for a double line), arrowhead pen and brush — shared by every flow of
    a kind."""
    st = flow_style(kind)
    pens = ((flow_pen(st, st.width * 2.6), flow_pen(st, st.width * 0.9, "#FFFFFF"))
            if st.double else (flow_pen(st),))
    return pens, QPen(QColor(st.color), 1.0), QBrush(QColor(st.color))


def _quad_points(a: QPointF, c: QPointF, b: QPointF, n: int = 16) -> list[tuple[float, float]]:
    """A quadratic curve a→b (control c) as n straight pieces, for clipping and hit tests."""
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append((u * u * a.x() + 2 * u * t * c.x() + t * t * b.x(),
                    u * u * a.y() + 2 * u * t * c.y() + t * t * b.y()))
    return pts


def _dist2(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    """Squared distance from (x, y) to the segment a→b."""
    dx, dy = bx - ax, by - ay
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / n))
    px, py = ax + dx * t - x, ay + dy * t - y
    return px * px + py * py


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

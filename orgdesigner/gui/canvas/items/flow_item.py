"""A flow between two units: colour and line style by kind, arrowheads, optional label.

Reporting lines are drawn as org-chart elbows (down, across, down) so siblings share one
bus; the other kinds are overlays routed around the boxes by the same router the exports use
(`render.routing`), with rounded corners and their ends spread along the box sides. The
lines themselves are painted by `flow_layer.FlowLayer`, one item per kind, so thousands of
flows cost a few paint calls; a `FlowItem` is the flow's geometry, hit test and selection highlight.
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

from orgdesigner.gui.canvas.items.shapes import flow_pen, label_font
from orgdesigner.gui.canvas.items.unit_item import SELECTION, TEXT_LOD, UnitItem
from orgdesigner.model import Design, Flow, FlowKind
from orgdesigner.render.layout import reporting_route
from orgdesigner.render.routing.curves import rounded_cubic, trim
from orgdesigner.render.routing.labels import candidates as label_candidates
from orgdesigner.render.style import FlowStyle, flow_label, flow_style, text_width

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.flow_layer import FlowLayer

Box = tuple[float, float, float, float]  # x, y, w, h
LABEL_SIZE = 9.0
ARROW = 9.0
SELECTED_Z = 1.5  # a selected flow is drawn above every flow layer, below the units


class FlowItem(QGraphicsItem):
    """One flow's geometry, hit test and selection highlight.

    Unselected flows are painted by their kind's `FlowLayer` and are not in the scene (see
    flow_layer.py); the scene adds a flow when it is selected, and then this item paints
    the highlight and the line above the layer.
    """

    Type = QGraphicsItem.UserType + 2

    # Defaults live on the class: a 5,000-unit group creates 7,600 flows when it opens,
    # and building Qt value objects for each took longer than the items themselves.
    kind = FlowKind.REPORTING
    style: FlowStyle = flow_style(FlowKind.REPORTING)
    label = ""
    route_points: list[tuple[float, float]] = []  # the route, tip to tip (replaced)
    layer: FlowLayer | None = None
    segs: list[tuple[float, float, float, float, QLineF]] = []  # straight pieces (replaced)
    lines: list[QLineF] = []  # the same pieces, ready for drawLines
    curve: QPainterPath | None = None  # a bowed flow
    heads: list[QPolygonF] = []
    tips: list[tuple[float, float]] = []  # where each head points (for culling)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    pens: tuple[QPen, ...] = ()
    head_pen: QPen | None = None
    head_brush: QBrush | None = None
    label_item: FlowLabel | None = None  # created for flows that show a label
    _label_pos = QPointF()  # never changed in place, only replaced
    _label_rect = QRectF()
    _bounds = QRectF()
    _path: QPainterPath | None = None  # built on demand (selection, shape)
    _hit: QPainterPath | None = None

    def __init__(self, flow_id: str, host: QGraphicsScene | None = None) -> None:
        super().__init__()
        self.fid = flow_id
        self.host = host  # the scene the flow belongs to, whether or not it is added to it
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
        self.style, self.label, (self.pens, self.head_pen, self.head_brush) = _kit(
            flow.kind, flow.label, lang)
        if self.scene() is not None:
            self.update()

    # ---- geometry ----------------------------------------------------------------------
    def route(self, src: Box, dst: Box, routed: list[tuple[float, float]] | None = None) -> None:
        """Recompute the geometry: a reporting elbow between the two units' current boxes
        (x, y, w, h), or the router's orthogonal path (`routed`, port to port) for every
        other flow. An overlay flow not routed yet (a big design is routed in the
        background after it opens) is drawn as the elbow meanwhile.

        Called for every flow when a document opens (7,600 in a 5,000-unit group), so it
        works on plain numbers and builds Qt paths only when they are asked for.
        """
        if self.scene() is not None:
            self.prepareGeometryChange()
        old = self._bounds
        self._path = None
        self._hit = None
        self.curve = None
        head, tail = self.style.head == "normal", self.style.tail == "normal"
        if routed is None:
            pts = reporting_route(src, dst)
        else:
            pts = trim(routed, ARROW if tail else 0.0, ARROW if head else 0.0)
            if len(pts) > 2:
                ctrl = rounded_cubic(pts)
                self.curve = QPainterPath(QPointF(*ctrl[0]))  # drawn whole when fully in view
                for k in range(1, len(ctrl) - 2, 3):
                    self.curve.cubicTo(QPointF(*ctrl[k]), QPointF(*ctrl[k + 1]),
                                       QPointF(*ctrl[k + 2]))
        self.segs = [(ax, ay, bx, by, QLineF(ax, ay, bx, by))
                     for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False)]
        self.lines = [seg[4] for seg in self.segs]
        self.heads, self.tips = [], []
        if routed is not None and head:
            self.heads.append(_arrow(QPointF(*pts[-1]), QPointF(*routed[-1])))
            self.tips.append(routed[-1])
        if routed is not None and tail:
            self.heads.append(_arrow(QPointF(*pts[0]), QPointF(*routed[0])))
            self.tips.append(routed[0])
        self.route_points = list(routed) if routed is not None else pts
        if self.label or self.label_item is not None:
            self._place_label()
        self._bounds = self._geometry_rect(self.route_points)
        if self.layer is not None:
            self.layer.moved(self, old)

    def _place_label(self) -> None:
        self._label_pos = self._free_label_spot(self.path()) if self.label else QPointF()
        self._label_rect = FlowItem._label_rect
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
            # shown only with its flow: a hidden flow re-routed must not show its label
            self.label_item.setVisible(bool(self.label) and self.layer is not None)

    def _geometry_rect(self, pts: list[tuple[float, float]]) -> QRectF:
        m = ARROW + 6
        xs, ys = zip(*pts, strict=True)
        x0, y0, x1, y1 = min(xs) - m, min(ys) - m, max(xs) + m, max(ys) + m
        if not self._label_rect.isNull():
            r = self._label_rect
            x0, y0 = min(x0, r.left()), min(y0, r.top())
            x1, y1 = max(x1, r.right()), max(y1, r.bottom())
        self.bbox = (x0, y0, x1, y1)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def path(self) -> QPainterPath:
        """The flow's centre line (built when first needed: few flows are ever asked)."""
        if self._path is None:
            if self.curve is not None:
                self._path = QPainterPath(self.curve)
            else:
                self._path = QPainterPath()
                if self.segs:
                    self._path.moveTo(self.segs[0][0], self.segs[0][1])
                    for seg in self.segs:
                        self._path.lineTo(seg[2], seg[3])
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
        """Beside the route (the exports' candidate spots, `routing.labels`), the first
        where the label covers no unit and no other flow's label."""
        scene = self.host
        mid = path.pointAtPercent(0.5)
        if scene is None:
            return mid
        w = text_width(self.label, LABEL_SIZE) * 1.08 + 8
        h = LABEL_SIZE * 1.7
        boxes = getattr(scene, "boxes", None)  # every unit, with or without an item
        for cx, cy in label_candidates(self.route_points, w, h):
            rect = QRectF(cx - w / 2, cy - h / 2, w, h)
            if boxes is not None and boxes.in_rect(rect.left(), rect.top(), rect.right(),
                                                   rect.bottom()):
                continue
            if not any(isinstance(i, UnitItem) or (isinstance(i, FlowLabel)
                                                   and i is not self.label_item)
                       for i in scene.items(rect)):
                return QPointF(cx, cy)
        return mid

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit is None:
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


@functools.lru_cache(maxsize=4096)
def _kit(kind: FlowKind, label: str, lang: str
         ) -> tuple[FlowStyle, str, tuple[tuple[QPen, ...], QPen, QBrush]]:
    """Style, shown label and pens of a flow: 76,000 flows open with a 50,000-unit group,
    and most share a kind and an empty label."""
    return flow_style(kind), flow_label(kind, label, lang), _pens(kind)


@functools.lru_cache(maxsize=16)
def _pens(kind: FlowKind) -> tuple[tuple[QPen, ...], QPen, QBrush]:
    """Line pens (two for a double line), arrowhead pen and brush — shared by every flow of
    a kind."""
    st = flow_style(kind)
    pens = ((flow_pen(st, st.width * 2.6), flow_pen(st, st.width * 0.9, "#FFFFFF"))
            if st.double else (flow_pen(st),))
    return pens, QPen(QColor(st.color), 1.0), QBrush(QColor(st.color))


def flow_tooltip(design: Design, flow: Flow, lang: str) -> str:
    """Built when the pointer rests on the flow (the scene's help event), not per item."""
    units = design.units
    text = (f"{flow.kind.label(lang)}: {units[flow.source].display_name(lang)} → "
            f"{units[flow.target].display_name(lang)}")
    return text + (f"\n{flow.label}" if flow.label else "")


def _dist2(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    """Squared distance from (x, y) to the segment a→b."""
    dx, dy = bx - ax, by - ay
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / n))
    px, py = ax + dx * t - x, ay + dy * t - y
    return px * px + py * py


def _arrow(frm: QPointF, tip: QPointF) -> QPolygonF:
    line = QLineF(tip, frm)
    if line.length() == 0:
        return QPolygonF()
    angle = math.atan2(line.dy(), line.dx())
    spread = math.radians(24)
    p1 = tip + QPointF(math.cos(angle + spread), math.sin(angle + spread)) * ARROW
    p2 = tip + QPointF(math.cos(angle - spread), math.sin(angle - spread)) * ARROW
    return QPolygonF([tip, p1, p2])

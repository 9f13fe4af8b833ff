"""A flow's place on the canvas — its route, extent, arrowheads and label spot — without a
Qt item.

Opening a 50,000-unit group draws ~76,000 flows. A `QGraphicsItem` per flow, with Qt line,
rectangle and polygon objects for each piece, cost ~5 s before the first paint; the canvas
needs far less to paint and index a flow: its points and its extent. So every flow gets a
`FlowGeom` (plain numbers; Qt objects built when a paint or a hit test first asks for them)
and the flow layers (flow_layer.py) index and paint those. The flow's Qt item, `FlowItem`,
is made only when something needs one (a click, the selection, a context menu: see
flows.py), and draws from the same geometry.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF

from orgdesigner.gui.canvas.items.flow_label import LABEL_SIZE, FlowLabel
from orgdesigner.gui.canvas.items.shapes import flow_pen
from orgdesigner.gui.canvas.items.unit_item import UnitItem
from orgdesigner.model import Flow, FlowKind
from orgdesigner.render.layout import reporting_route
from orgdesigner.render.routing.curves import rounded_cubic, trim
from orgdesigner.render.routing.labels import candidates as label_candidates
from orgdesigner.render.style import FlowStyle, flow_label, flow_style, text_width

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

    from orgdesigner.gui.canvas.items.flow_item import FlowItem
    from orgdesigner.gui.canvas.items.flow_layer import FlowLayer

Box = tuple[float, float, float, float]  # x, y, w, h
Point = tuple[float, float]
ARROW = 9.0
MARGIN = ARROW + 6  # a flow's extent reaches this far past its points (heads, pen)
NO_RECT = QRectF()  # "no label": shared, never changed in place


class FlowGeom:
    """One flow's geometry, hit test and label: what painting and picking a flow need."""

    # Defaults live on the class (each replaced, never changed in place): 76,000 flows are
    # made when a 50,000-unit group opens, and setting twenty attributes on each cost
    # more than their routes.
    kind = FlowKind.REPORTING
    # style, shown label, (line pens, arrowhead pen, arrowhead brush): shared per kind
    _kit: tuple[FlowStyle, str, tuple[tuple[QPen, ...], QPen | None, QBrush | None]] = (
        flow_style(FlowKind.REPORTING), "", ((), None, None))
    route_points: list[Point] = []  # the route, tip to tip
    _drawn: list[Point] = []  # the line drawn (the route less its arrowheads)
    _segs: list[tuple[float, float, float, float]] | None = None
    tips: list[Point] = []  # where each arrowhead points
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    layer: FlowLayer | None = None  # the layer painting it (None: hidden)
    pending = False  # an overlay flow drawn as an elbow until its route comes
    label_item: FlowLabel | None = None  # created for flows that show a label
    item: FlowItem | None = None  # its Qt item, once one was needed
    _arrows: list[tuple[Point, Point]] = []  # (from, tip) per arrowhead
    _ctrl: list[Point] | None = None  # a bowed flow's cubic control points
    _curve: QPainterPath | None = None
    _heads: list[QPolygonF] | None = None
    _lines: list[QLineF] | None = None
    _path: QPainterPath | None = None
    _label_pos = QPointF()
    _label_rect = NO_RECT

    def __init__(self, flow_id: str, host: QGraphicsScene | None = None) -> None:
        self.fid = flow_id
        self.host = host  # the scene the flow belongs to (its label items go there)

    def sync(self, flow: Flow, lang: str) -> None:
        """Take the flow's kind and label (style and pens follow the kind)."""
        self.kind = flow.kind
        self._kit = _kit(flow.kind, flow.label, lang)
        if self.item is not None and self.item.scene() is not None:
            self.item.update()

    @property
    def style(self) -> FlowStyle:
        return self._kit[0]

    @property
    def label(self) -> str:
        return self._kit[1]

    @property
    def pens(self) -> tuple[QPen, ...]:
        return self._kit[2][0]

    @property
    def head_pen(self) -> QPen | None:
        return self._kit[2][1]

    @property
    def head_brush(self) -> QBrush | None:
        return self._kit[2][2]

    # ---- geometry ----------------------------------------------------------------------
    def route(self, src: Box, dst: Box, routed: list[Point] | None = None) -> None:
        """Recompute the geometry: a reporting elbow between the two units' current boxes
        (x, y, w, h), or the router's orthogonal path (`routed`, port to port) for every
        other flow. An overlay flow not routed yet (a big design is routed in the
        background after it opens) is drawn as the elbow meanwhile."""
        item = self.item
        if item is not None and item.scene() is not None:
            item.prepareGeometryChange()
        old = self.bbox
        if self._lines is not None or self._path is not None or self._ctrl is not None:
            self._path = self._curve = self._heads = self._lines = self._ctrl = None
        self._segs = None
        if routed is None:
            pts = reporting_route(src, dst)
            if self.tips:
                self._arrows, self.tips, self._heads = [], [], None
        else:
            style = self.style
            head, tail = style.head == "normal", style.tail == "normal"
            pts = trim(routed, ARROW if tail else 0.0, ARROW if head else 0.0)
            if len(pts) > 2:
                self._ctrl = rounded_cubic(pts)
            arrows = []
            if head:
                arrows.append((pts[-1], routed[-1]))
            if tail:
                arrows.append((pts[0], routed[0]))
            self._arrows = arrows
            self.tips = [tip for _frm, tip in arrows]
            self._heads = None
        self._drawn = pts
        self.route_points = list(routed) if routed is not None else pts
        if self.label or self.label_item is not None:
            self._place_label()
        self.bbox = self._extent(self.route_points)
        if self.layer is not None:
            self.layer.moved(self, old)

    def first_elbow(self, src: Box, dst: Box) -> None:
        """`route(src, dst)` for a new, unlabelled flow that no layer holds yet (a document
        opening: 76,000 flows at 50,000 units, so this is `route` without its bookkeeping)."""
        pts = self.route_points = self._drawn = reporting_route(src, dst)
        # an elbow's corners lie between its ends: they span its extent
        (ax, ay), (bx, by) = pts[0], pts[-1]
        self.bbox = ((ax if ax < bx else bx) - MARGIN, (ay if ay < by else by) - MARGIN,
                     (bx if ax < bx else ax) + MARGIN, (by if ay < by else ay) + MARGIN)

    def _extent(self, pts: list[Point]) -> tuple[float, float, float, float]:
        xs, ys = zip(*pts, strict=True)
        x0, y0 = min(xs) - MARGIN, min(ys) - MARGIN
        x1, y1 = max(xs) + MARGIN, max(ys) + MARGIN
        r = self._label_rect
        if not r.isNull():
            x0, y0 = min(x0, r.left()), min(y0, r.top())
            x1, y1 = max(x1, r.right()), max(y1, r.bottom())
        return (x0, y0, x1, y1)

    def bounds(self) -> QRectF:
        x0, y0, x1, y1 = self.bbox
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    @property
    def segs(self) -> list[tuple[float, float, float, float]]:
        """The drawn line's straight pieces (ax, ay, bx, by), made when first asked for."""
        if self._segs is None:
            pts = self._drawn
            self._segs = [(a[0], a[1], b[0], b[1]) for a, b in zip(pts, pts[1:], strict=False)]
        return self._segs

    @property
    def lines(self) -> list[QLineF]:
        """The straight pieces as Qt lines, for `drawLines` (built when first painted)."""
        if self._lines is None:
            self._lines = [QLineF(*s) for s in self.segs]
        return self._lines

    @property
    def curve(self) -> QPainterPath | None:
        """A routed flow with corners: its rounded path (None for a straight or elbow one)."""
        if self._ctrl is not None and self._curve is None:
            ctrl = self._ctrl
            curve = QPainterPath(QPointF(*ctrl[0]))
            for k in range(1, len(ctrl) - 2, 3):
                curve.cubicTo(QPointF(*ctrl[k]), QPointF(*ctrl[k + 1]), QPointF(*ctrl[k + 2]))
            self._curve = curve
        return self._curve

    @property
    def heads(self) -> list[QPolygonF]:
        """The arrowheads, in the order of `tips`."""
        if self._heads is None:
            self._heads = [_arrow(QPointF(*frm), QPointF(*tip)) for frm, tip in self._arrows]
        return self._heads

    def path(self) -> QPainterPath:
        """The flow's centre line (built when first needed: few flows are ever asked)."""
        if self._path is None:
            curve = self.curve
            if curve is not None:
                self._path = QPainterPath(curve)
            else:
                self._path = QPainterPath()
                if self.segs:
                    self._path.moveTo(self.segs[0][0], self.segs[0][1])
                    for seg in self.segs:
                        self._path.lineTo(seg[2], seg[3])
        return self._path

    @property
    def label_rect(self) -> QRectF:
        return self._label_rect

    def inside(self, rect: QRectF) -> bool:
        """Whether the whole line lies in `rect` (rubber-band selection)."""
        return bool(self.segs) and all(
            rect.contains(ax, ay) and rect.contains(bx, by) for ax, ay, bx, by in self.segs)

    def near(self, x: float, y: float, tolerance: float) -> bool:
        """Whether (x, y) is on the flow, its arrowheads or its label."""
        if not self._label_rect.isNull() and self._label_rect.contains(x, y):
            return True
        t2 = tolerance * tolerance
        for ax, ay, bx, by in self.segs:
            if _dist2(x, y, ax, ay, bx, by) <= t2:
                return True
        return False

    # ---- the label ---------------------------------------------------------------------
    def _place_label(self) -> None:
        self._label_pos = self._free_label_spot(self.path()) if self.label else QPointF()
        self._label_rect = NO_RECT
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


@functools.lru_cache(maxsize=4096)
def _kit(kind: FlowKind, label: str, lang: str
         ) -> tuple[FlowStyle, str, tuple[tuple[QPen, ...], QPen, QBrush]]:
    """Style, shown label and pens of a flow: 76,000 flows open with a 50,000-unit group,
    and most share a kind and an empty label."""
    return flow_style(kind), flow_label(kind, label, lang), pens_of(kind)


@functools.lru_cache(maxsize=16)
def pens_of(kind: FlowKind) -> tuple[tuple[QPen, ...], QPen, QBrush]:
    """Line pens (two for a double line), arrowhead pen and brush — shared by every flow of
    a kind."""
    st = flow_style(kind)
    pens = ((flow_pen(st, st.width * 2.6), flow_pen(st, st.width * 0.9, "#FFFFFF"))
            if st.double else (flow_pen(st),))
    return pens, QPen(QColor(st.color), 1.0), QBrush(QColor(st.color))


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

"""A flow between two units as a Qt item: what Qt selects, what a click or a context menu
finds, and the selection highlight.

Reporting lines are drawn as org-chart elbows (down, across, down) so siblings share one
bus; the other kinds are overlays routed around the boxes by the same router the exports use
(`render.routing`), with rounded corners and their ends spread along the box sides. The
geometry is the flow's `FlowGeom` (flow_geom.py); the lines themselves are painted by
`flow_layer.FlowLayer`, one item per kind, so thousands of flows cost a few paint calls. A
`FlowItem` exists only for a flow something asked about (flows.py makes them on demand) and
is in the scene only while selected.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.flow_geom import FlowGeom
from orgdesigner.gui.canvas.items.unit_item import SELECTION
from orgdesigner.model import Design, Flow, FlowKind

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.flow_label import FlowLabel
    from orgdesigner.gui.canvas.items.flow_layer import FlowLayer
    from orgdesigner.gui.canvas.items.flows import SceneFlows

SELECTED_Z = 1.5  # a selected flow is drawn above every flow layer, below the units


class FlowItem(QGraphicsItem):
    """One flow's Qt item over its geometry (`geom`): selection, hit shape, highlight."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, geom: FlowGeom) -> None:
        super().__init__()
        self.geom = geom
        self.fid = geom.fid
        geom.item = self
        # flags and z are set by `prepare_for_scene`: most flow items are never added

    def prepare_for_scene(self) -> None:
        """Make the item selectable and drawn above the layers (it is about to be added)."""
        if not self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
            self.setZValue(SELECTED_Z)

    def type(self) -> int:  # noqa: A003
        return self.Type

    # ---- the geometry's view (read-only here; flows.py changes the geometry) ---------------
    @property
    def kind(self) -> FlowKind:
        return self.geom.kind

    @property
    def label(self) -> str:
        return self.geom.label

    @property
    def layer(self) -> FlowLayer | None:
        return self.geom.layer

    @property
    def label_item(self) -> FlowLabel | None:
        return self.geom.label_item

    @property
    def route_points(self) -> list[tuple[float, float]]:
        return self.geom.route_points

    @property
    def segs(self) -> list[tuple[float, float, float, float]]:
        return self.geom.segs

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.geom.bbox

    @property
    def heads(self) -> list[QPolygonF]:
        return self.geom.heads

    @property
    def curve(self) -> QPainterPath | None:
        return self.geom.curve

    @property
    def pens(self) -> tuple[QPen, ...]:
        return self.geom.pens

    def sync(self, flow: Flow, lang: str) -> None:
        self.geom.sync(flow, lang)

    def path(self) -> QPainterPath:
        return self.geom.path()

    def bounds(self) -> QRectF:
        return self.geom.bounds()

    def near(self, x: float, y: float, tolerance: float) -> bool:
        return self.geom.near(x, y, tolerance)

    def inside(self, rect: QRectF) -> bool:
        return self.geom.inside(rect)

    # ---- Qt ----------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self.geom.bounds()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10.0)
        hit = stroker.createStroke(self.geom.path())
        if not self.geom.label_rect.isNull():
            hit.addRect(self.geom.label_rect)
        return hit

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        geom = self.geom
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = geom.path()
        if self.isSelected():
            hl = QPen(QColor(SELECTION.red(), SELECTION.green(), SELECTION.blue(), 90),
                      geom.style.width + 7)
            hl.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(hl)
            painter.drawPath(path)
        for pen in geom.pens if lod > 0.15 else geom.pens[:1]:
            painter.setPen(pen)
            painter.drawPath(path)
        if geom.heads and lod > 0.15:
            painter.setPen(geom.head_pen)
            painter.setBrush(geom.head_brush)
            for head in geom.heads:
                painter.drawPolygon(head)


def flow_tooltip(design: Design, flow: Flow, lang: str) -> str:
    """Built when the pointer rests on the flow (the scene's help event), not per item."""
    units = design.units
    text = (f"{flow.kind.label(lang)}: {units[flow.source].display_name(lang)} → "
            f"{units[flow.target].display_name(lang)}")
    return text + (f"\n{flow.label}" if flow.label else "")


class FlowItems(Mapping[str, FlowItem]):
    """The flows' Qt items by id, each made when first asked for (`FlowGeom.item`); asking
    makes every flow's geometry first, if a large design's is still being made."""

    def __init__(self, flows: SceneFlows) -> None:
        self._flows = flows

    def _geoms(self) -> dict[str, FlowGeom]:
        self._flows._complete()
        return self._flows.geoms

    def __getitem__(self, fid: str) -> FlowItem:
        geom = self._flows.geoms.get(fid) or self._flows.make_one(fid)
        if geom is None:
            raise KeyError(fid)
        return geom.item if geom.item is not None else FlowItem(geom)

    def __contains__(self, fid: object) -> bool:
        flows = self._flows
        return fid in flows.geoms or (flows.making.busy and fid in flows.scene.design.flows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._geoms())

    def __len__(self) -> int:
        return len(self._geoms())

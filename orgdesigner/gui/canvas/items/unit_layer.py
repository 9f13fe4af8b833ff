"""Far out, every unit drawn as a plain box by one item.

Below `FAR_LOD` a unit is a few pixels: its label is not drawn, its shape cannot be told
apart, and painting 5,000 separate items (one Python call and one cached pixmap each) took
~100 ms for a fitted 5,000-unit group. In "far" mode the unit items keep their place in the
scene (hit tests, selection, rubber band) but draw nothing, and this layer draws all of them
as boxes in a few `drawRects` calls, one per fill and border colour. It reads the boxes from
the scene's Qt-free table (unit_boxes.py), so a unit need not have an item to be drawn: a
50,000-unit group zoomed out creates none.

If something renders the scene at a readable scale while far mode is on (printing, an
export of the canvas), the layer paints each unit properly instead, so the output never
depends on how far the user happens to be zoomed out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.unit_item import SELECTION, paint_kit

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.units import SceneUnits

#: Below this zoom the canvas draws units as plain boxes (their labels went at 0.4).
FAR_LOD = 0.25

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class UnitLayer(QGraphicsItem):
    def __init__(self, units: SceneUnits) -> None:
        super().__init__()
        self.units = units  # the scene's units: their boxes, and the items made so far
        self.active = False
        self._groups: list[tuple[QPen, QBrush, list[QRectF]]] | None = None
        self._bounds = QRectF()
        self.painted = 0  # boxes drawn by the last far paint (tests read it)
        self.setZValue(2.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(NO_CONTENTS, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_active(self, on: bool) -> None:
        """Switch far mode: unit items stop (or resume) painting themselves."""
        if on == self.active:
            return
        self.active = on
        for item in self.units.items.values():
            item.setFlag(NO_CONTENTS, on)
        self.setFlag(NO_CONTENTS, not on)
        self._groups = None
        self.prepareGeometryChange()
        self.update()

    def invalidate(self) -> None:
        """Units moved, changed, appeared or were hidden: regroup when next asked (once
        for a whole batch — an auto layout moves every unit, one event each)."""
        if self._groups is None:
            return  # already pending
        self._groups = None
        if self.active:
            self.prepareGeometryChange()
            self.update()

    def groups(self) -> list[tuple[QPen, QBrush, list[QRectF]]]:
        """The shown units' boxes by border and fill colour (the minimap draws them too)."""
        return self._fresh()

    def _fresh(self) -> list[tuple[QPen, QBrush, list[QRectF]]]:
        if self._groups is None:
            self._rebuild()
        return self._groups or []

    def _rebuild(self) -> None:
        groups: dict[tuple[int, int], tuple[QPen, QBrush, list[QRectF]]] = {}
        by_style: dict[object, list[QRectF]] = {}
        boxes = self.units.boxes
        hidden = self.units.scene.hidden_units
        styles = boxes.styles
        for uid, r in boxes.rects.items():
            if uid in hidden:
                continue
            style = styles[uid]
            rects = by_style.get(style)
            if rects is None:
                rects = by_style[style] = []
            rects.append(QRectF(*r))
        for style, rects in by_style.items():
            pen, brush, _text = paint_kit(style)
            key = (pen.color().rgba(), brush.color().rgba())
            group = groups.get(key)
            if group is None:
                cosmetic = QPen(pen.color(), 0)  # one pixel at any zoom: never vanishes
                group = groups[key] = (cosmetic, brush, [])
            group[2].extend(rects)
        self._groups = list(groups.values())
        box = boxes.bounds(hidden)
        # callers announced the change (prepareGeometryChange)
        self._bounds = QRectF(*box) if box is not None else QRectF()

    def boundingRect(self) -> QRectF:
        if not self.active:  # regrouped for the minimap meanwhile: no extent of its own
            return QRectF()
        self._fresh()
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.active:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= FAR_LOD * 1.5:
            self._paint_items(painter, option)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        n = 0
        for pen, brush, rects in self._fresh():
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawRects(rects)
            n += len(rects)
        self.painted = n
        selected = [i for i in self.units.items.values() if i.isSelected() and i.isVisible()]
        if selected:
            pen = QPen(SELECTION, 2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects([i.scene_box().adjusted(-4, -4, 4, 4) for i in selected])

    def _paint_items(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """A readable-scale render while far mode is on: every unit in full."""
        exposed = option.exposedRect
        self.units.realize_rect(exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
        for item in list(self.units.items.values()):
            if item.isVisible() and item.sceneBoundingRect().intersects(exposed):
                painter.save()
                painter.translate(item.pos())
                item.paint(painter, option)
                painter.restore()

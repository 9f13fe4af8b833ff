"""A unit on the canvas: its shape, colours and label, read from the model.

The item keeps only what it needs to paint (size, style, wrapped lines); `sync` refreshes
that from the `Unit`. Painting is cached per device transform, and the label is skipped
when the unit is too small on screen to read it (level of detail), so a 5,000-unit group
pans smoothly.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Unit, UnitKind
from ...render.style import box_size, unit_label, unit_style, wrap_label
from .shapes import label_font, shape_path, text_rect, unit_pen

_wrapped = functools.lru_cache(maxsize=65536)(wrap_label)
SELECTION = QColor("#1E64C8")
HIGHLIGHT = QColor("#F0B400")
#: Below this on-screen scale the label is not drawn (it would be under ~4 px tall).
TEXT_LOD = 0.4


class UnitItem(QGraphicsItem):
    Type = QGraphicsItem.UserType + 1

    def __init__(self, unit_id: str) -> None:
        super().__init__()
        self.uid = unit_id
        self.w = 80.0
        self.h = 36.0
        self.shape_name = "box"
        self._path = QPainterPath()
        self._lines: list[str] = []
        self._pen = QPen()
        self._brush = QBrush()
        self._text_colour = QColor("#000000")
        self._bold = False
        self.highlighted = False  # drop target feedback
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2.0)

    def type(self) -> int:  # noqa: A003 - Qt's name
        return self.Type

    def sync(self, unit: Unit, lang: str) -> None:
        """Take position, size, style and label from the model."""
        style = unit_style(unit)
        w, h = box_size(unit, lang)
        if (w, h, style.shape) != (self.w, self.h, self.shape_name):
            if self.scene() is not None:
                self.prepareGeometryChange()
            self.w, self.h, self.shape_name = w, h, style.shape
            self._path = shape_path(style.shape, w, h)
        elif self._path.isEmpty():
            self._path = shape_path(style.shape, w, h)
        self._pen = unit_pen(style)
        self._brush = QBrush(QColor(style.fill))
        self._text_colour = QColor(style.text)
        self._bold = style.bold
        self._lines = _wrapped(unit_label(unit, lang), style.bold)
        self.setPos(unit.x, unit.y)
        self.update()

    # ---- geometry --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        m = 6.0
        return QRectF(-self.w / 2 - m, -self.h / 2 - m, self.w + 2 * m, self.h + 2 * m)

    def shape(self) -> QPainterPath:
        return self._path

    def scene_box(self) -> QRectF:
        """The unit's box in scene coordinates (follows the item during a drag)."""
        p = self.pos()
        return QRectF(p.x() - self.w / 2, p.y() - self.h / 2, self.w, self.h)

    def center(self) -> QPointF:
        return self.pos()

    # ---- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPath(self._path)
        if lod >= TEXT_LOD and self._lines:
            painter.setPen(self._text_colour)
            painter.setFont(label_font(bold=self._bold))
            painter.drawText(text_rect(self.shape_name, self.w, self.h),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip,
                             "\n".join(self._lines))
        if self.isSelected() or self.highlighted:
            pen = QPen(HIGHLIGHT if self.highlighted else SELECTION, 2.0)
            pen.setStyle(Qt.PenStyle.DashLine if not self.highlighted else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(-self.w / 2 - 4, -self.h / 2 - 4, self.w + 8, self.h + 8))

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()


def tooltip(unit: Unit, lang: str) -> str:
    """Built when the pointer rests on the unit (the scene's help event), not per item."""
    names = " / ".join(n for n in (unit.name, unit.name_en) if n)
    parts = [names, unit.kind.label(lang)]
    if unit.functions:
        parts.append(", ".join(f.label(lang) for f in unit.functions))
    if unit.headcount:
        parts.append(("人数: " if lang == "ja" else "Headcount: ") + str(unit.headcount))
    if unit.kind is UnitKind.CSIRT and unit.plan is not None:
        parts.append(f"FTE {unit.plan.total_fte():g}")
    return "\n".join(parts)

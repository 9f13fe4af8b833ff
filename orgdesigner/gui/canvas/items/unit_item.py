"""A unit on the canvas: its shape, colours and label, read from the model.

The item keeps only what it needs to paint (size, style, wrapped lines); `sync` refreshes
that from the `Unit`. Painting is cached per device transform, and the label is skipped
when the unit is too small on screen to read it (level of detail); far out, the scene's
`UnitLayer` draws every unit as a plain box instead (see unit_layer.py), so a 5,000-unit
group pans smoothly.

A unit with subordinates has a small +/− handle under its box to collapse or expand its
branch (a view state, see branch.py); a collapsed unit shows "+N", the units it hides.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.shapes import label_font, shape_path, text_rect, unit_pen
from orgdesigner.model import Unit, UnitKind
from orgdesigner.render.style import (
    UnitStyle,
    box_size,
    text_width,
    unit_label,
    unit_style,
    wrap_label,
)

_wrapped = functools.lru_cache(maxsize=65536)(wrap_label)
_shape = functools.lru_cache(maxsize=4096)(shape_path)  # shared: never changed in place
SELECTION = QColor("#1E64C8")
HIGHLIGHT = QColor("#F0B400")
#: Below this on-screen scale the label is not drawn (it would be under ~4 px tall).
TEXT_LOD = 0.4
HANDLE_R = 6.0  # radius of the collapse/expand handle
HANDLE_GAP = 9.0  # from the box's bottom edge to the handle's centre
BADGE_SIZE = 9.0
MARGIN = 6.0  # room around the box for the selection outline
_HANDLE_PEN = QPen(QColor("#5A6270"), 1.1)
_BADGE_BRUSH = QBrush(QColor("#3C4452"))


class Stats:
    """How often units and their labels were painted: lets a test see the level of detail
    without timing anything."""

    units_painted = 0
    labels_drawn = 0


class UnitItem(QGraphicsItem):
    Type = QGraphicsItem.UserType + 1

    # Defaults live on the class (5,000 units are created when a big group opens); `sync`
    # sets the real values.
    w = 80.0
    h = 36.0
    shape_name = ""
    _path = QPainterPath()
    _lines: list[str] = []
    _pen = QPen()
    _brush = QBrush()
    _text_colour = QColor("#000000")
    _bold = False
    _bounds = QRectF()
    subordinates = 0  # direct reports: a handle is shown when there are any
    collapsed = False
    hidden_below = 0  # units hidden by collapsing this one (the "+N" badge)
    highlighted = False  # drop target feedback

    def __init__(self, unit_id: str) -> None:
        super().__init__()
        self.uid = unit_id
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
            self._path = _shape(style.shape, w, h)
            self._update_bounds()
        self._pen, self._brush, self._text_colour = _paint_kit(style)
        self._bold = style.bold
        self._lines = _wrapped(unit_label(unit, lang), style.bold)
        self.setPos(unit.x, unit.y)
        self.update()

    # ---- branch handle -------------------------------------------------------------------
    def set_branch(self, subordinates: int, collapsed: bool, hidden_below: int) -> None:
        """Show the handle (there are subordinates) and the "+N" badge (collapsed)."""
        if (subordinates, collapsed, hidden_below) == (self.subordinates, self.collapsed,
                                                       self.hidden_below):
            return
        if self.scene() is not None:
            self.prepareGeometryChange()
        self.subordinates, self.collapsed, self.hidden_below = subordinates, collapsed, \
            hidden_below
        self._update_bounds()
        self.update()

    def handle_centre(self) -> QPointF:
        return QPointF(0.0, self.h / 2 + HANDLE_GAP)

    def on_handle(self, scene_pos: QPointF) -> bool:
        if not self.subordinates:
            return False
        d = self.mapFromScene(scene_pos) - self.handle_centre()
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_R + 3) ** 2

    def _badge_rect(self) -> QRectF:
        text = f"+{self.hidden_below}"
        w = text_width(text, BADGE_SIZE, True) + 8
        return QRectF(HANDLE_R + 4, self.h / 2 + HANDLE_GAP - BADGE_SIZE * 0.8, w,
                      BADGE_SIZE * 1.6)

    # ---- geometry --------------------------------------------------------------------------
    def _update_bounds(self) -> None:
        """Computed once per change: Qt asks for the bounding rect thousands of times."""
        m = MARGIN
        rect = QRectF(-self.w / 2 - m, -self.h / 2 - m, self.w + 2 * m, self.h + 2 * m)
        if self.subordinates:
            c = self.handle_centre()
            rect = rect.united(QRectF(c.x() - HANDLE_R - 1, c.y() - HANDLE_R - 1,
                                      2 * HANDLE_R + 2, 2 * HANDLE_R + 2))
            if self.collapsed and self.hidden_below:
                rect = rect.united(self._badge_rect().adjusted(-1, -1, 1, 1))
        self._bounds = rect

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._path

    def scene_box(self) -> QRectF:
        """The unit's box in scene coordinates (follows the item during a drag)."""
        p = self.pos()
        return QRectF(p.x() - self.w / 2, p.y() - self.h / 2, self.w, self.h)

    def box(self) -> tuple[float, float, float, float]:
        """`scene_box` as plain numbers (x, y, w, h): cheaper for routing thousands of flows."""
        p = self.pos()
        return (p.x() - self.w / 2, p.y() - self.h / 2, self.w, self.h)

    def center(self) -> QPointF:
        return self.pos()

    def far_pen_brush(self) -> tuple[QPen, QBrush]:
        """Border and fill, for the far-out box `UnitLayer` draws in place of this item."""
        return self._pen, self._brush

    # ---- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        Stats.units_painted += 1
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPath(self._path)
        if lod >= TEXT_LOD and self._lines:
            Stats.labels_drawn += 1
            painter.setPen(self._text_colour)
            painter.setFont(label_font(bold=self._bold))
            painter.drawText(text_rect(self.shape_name, self.w, self.h),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip,
                             "\n".join(self._lines))
        if self.subordinates and lod >= TEXT_LOD and not getattr(self.scene(), "printing", False):
            self._paint_handle(painter)  # an editing control: never printed
        if self.isSelected() or self.highlighted:
            pen = QPen(HIGHLIGHT if self.highlighted else SELECTION, 2.0)
            pen.setStyle(Qt.PenStyle.DashLine if not self.highlighted else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(-self.w / 2 - 4, -self.h / 2 - 4, self.w + 8, self.h + 8))

    def _paint_handle(self, painter: QPainter) -> None:
        c = self.handle_centre()
        painter.setPen(_HANDLE_PEN)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawEllipse(c, HANDLE_R, HANDLE_R)
        a = HANDLE_R * 0.55
        painter.drawLine(QPointF(c.x() - a, c.y()), QPointF(c.x() + a, c.y()))
        if self.collapsed:
            painter.drawLine(QPointF(c.x(), c.y() - a), QPointF(c.x(), c.y() + a))
            if self.hidden_below:
                rect = self._badge_rect()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_BADGE_BRUSH)
                painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
                painter.setPen(QColor("#FFFFFF"))
                painter.setFont(label_font(BADGE_SIZE, True))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{self.hidden_below}")

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()


@functools.lru_cache(maxsize=256)
def _paint_kit(style: UnitStyle) -> tuple[QPen, QBrush, QColor]:
    """Border pen, fill brush and text colour, shared by every unit of a style."""
    return unit_pen(style), QBrush(QColor(style.fill)), QColor(style.text)


paint_kit = _paint_kit  # the far-out layer and the minimap draw units without items


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

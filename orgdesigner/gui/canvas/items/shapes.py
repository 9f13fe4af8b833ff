"""Painter paths and pens for the visual language of `render/style.py`.

Shared by the canvas items, the palette icons and the legend, so a shape or a line style
looks the same wherever the user meets it.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QPolygonF

from orgdesigner.render.style import FONT_SIZE, FlowStyle, UnitStyle, font_family

#: Extra height the "house" roof takes; the label is drawn below it.
HOUSE_ROOF = 12.0

# Dash patterns in scene units (converted to pen-width units when applied).
_DASHES = {"dashed": (7.0, 4.0), "dotted": (1.0, 3.5), "dashdot": (9.0, 3.0, 1.5, 3.0)}


def shape_path(shape: str, w: float, h: float) -> QPainterPath:
    """The outline of a unit box of size w × h centred on the origin."""
    path = QPainterPath()
    x0, y0, x1, y1 = -w / 2, -h / 2, w / 2, h / 2
    if shape == "rounded":
        r = min(h / 2, 10.0)
        path.addRoundedRect(QRectF(x0, y0, w, h), r, r)
    elif shape == "ellipse":
        path.addEllipse(QRectF(x0, y0, w, h))
    elif shape == "hexagon":
        i = min(h * 0.45, w * 0.15)
        path.addPolygon(QPolygonF([QPointF(x0 + i, y0), QPointF(x1 - i, y0), QPointF(x1, 0),
                                   QPointF(x1 - i, y1), QPointF(x0 + i, y1), QPointF(x0, 0)]))
        path.closeSubpath()
    elif shape == "octagon":
        c = min(w, h) * 0.28
        path.addPolygon(QPolygonF([
            QPointF(x0 + c, y0), QPointF(x1 - c, y0), QPointF(x1, y0 + c), QPointF(x1, y1 - c),
            QPointF(x1 - c, y1), QPointF(x0 + c, y1), QPointF(x0, y1 - c), QPointF(x0, y0 + c)]))
        path.closeSubpath()
    elif shape == "house":
        path.addPolygon(QPolygonF([QPointF(0, y0), QPointF(x1, y0 + HOUSE_ROOF),
                                   QPointF(x1, y1), QPointF(x0, y1),
                                   QPointF(x0, y0 + HOUSE_ROOF)]))
        path.closeSubpath()
    else:
        path.addRect(QRectF(x0, y0, w, h))
    return path


def text_rect(shape: str, w: float, h: float) -> QRectF:
    """Where a unit's label goes inside its shape."""
    top = -h / 2 + (HOUSE_ROOF * 0.75 if shape == "house" else 0.0)
    return QRectF(-w / 2, top, w, h / 2 - top)


def unit_pen(style: UnitStyle, scale: float = 1.0) -> QPen:
    pen = QPen(QColor(style.border), style.border_width * scale)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if style.dashed:
        pen.setDashPattern([5.0 / pen.widthF(), 3.0 / pen.widthF()])
    return pen


def flow_pen(style: FlowStyle, width: float | None = None, colour: str | None = None) -> QPen:
    w = style.width if width is None else width
    pen = QPen(QColor(colour or style.color), w)
    # Square dots, not round: antialiased round caps cost ~30 µs a dot, and a dotted flow
    # across a 5,000-unit canvas is thousands of dots (a second a frame); they look the same.
    pen.setCapStyle(Qt.PenCapStyle.SquareCap if style.dash == "dotted"
                    else Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    dashes = _DASHES.get(style.dash)
    if dashes:
        pen.setDashPattern([d / w for d in dashes])
    return pen


@functools.lru_cache(maxsize=8)
def label_font(size: float = FONT_SIZE, bold: bool = False) -> QFont:
    """The canvas font: the CJK-capable family (Japanese never shows as boxes), sized in
    scene units so the text matches `box_size`'s estimate at every zoom."""
    font = QFont(font_family())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font

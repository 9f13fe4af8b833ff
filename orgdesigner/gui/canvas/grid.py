"""The canvas's optional background grid (View › Show Grid), thinned out when zoomed out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen


def draw_grid(painter: QPainter, rect: QRectF, grid: float) -> None:
    """Grid lines over `rect`, never closer than 8 pixels on screen (steps of 5×)."""
    scale = painter.worldTransform().m11()
    step = grid
    while step * scale < 8:
        step *= 5
    painter.setPen(QPen(QColor("#E3E6EA"), 0))
    x = (rect.left() // step) * step
    while x < rect.right():
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        x += step
    y = (rect.top() // step) * step
    while y < rect.bottom():
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        y += step

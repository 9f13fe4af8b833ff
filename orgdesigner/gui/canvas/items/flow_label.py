"""A flow's label on the canvas: its own item, above the units."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.shapes import label_font
from orgdesigner.gui.canvas.items.unit_item import TEXT_LOD
from orgdesigner.render.style import text_width

LABEL_SIZE = 9.0


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

"""A company as a labelled frame around its units.

A company with zero width in the model is "fit to contents": the scene computes the frame
from its units' boxes. Only the border band and the title tab catch the mouse, so a
rubber-band selection can start anywhere inside a frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.shapes import label_font
from orgdesigner.gui.canvas.items.unit_item import HIGHLIGHT, SELECTION
from orgdesigner.model import Company
from orgdesigner.render.style import company_style, text_width

TITLE_SIZE = 12.0
TITLE_H = 24.0
MARGIN = 24.0  # room around the units of a fitted frame
BAND = 7.0  # width of the clickable border band
HANDLE = 12.0  # the resize handle (bottom-right corner)


class CompanyItem(QGraphicsItem):
    Type = QGraphicsItem.UserType + 3

    def __init__(self, company_id: str) -> None:
        super().__init__()
        self.cid = company_id
        self.w = 0.0
        self.h = 0.0
        self.auto = True
        self.title = ""
        self._fill = QColor("#FFFFFF")
        self._pen = QPen()
        self.highlighted = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(-1.0)

    def type(self) -> int:  # noqa: A003
        return self.Type

    def sync(self, company: Company, lang: str, fitted: QRectF | None) -> None:
        """Take name and style from the model; the rect is the model's or `fitted`."""
        st = company_style(company)
        before = (self.title, self._fill.rgba(), self._pen.color().rgba(), self._pen.style())
        self.auto = company.width <= 0 or company.height <= 0
        kind, name = company.kind.label(lang), company.display_name(lang)
        self.title = name if not name or kind in name else f"{name}  ({kind})"
        self.title = self.title or kind
        self._fill = QColor(st.fill)
        self._pen = QPen(QColor(st.border), 1.6)
        if st.dashed:
            self._pen.setStyle(Qt.PenStyle.DashLine)
        rect = fitted if self.auto else QRectF(company.x, company.y, company.width,
                                               company.height)
        if before != (self.title, self._fill.rgba(), self._pen.color().rgba(), self._pen.style()):
            self.prepareGeometryChange()  # the title tab's width may change too
            self.update()
        self.set_rect(rect or QRectF(company.x, company.y, 200.0, 120.0))

    def set_rect(self, rect: QRectF) -> None:
        if (rect.width(), rect.height()) == (self.w, self.h) and rect.topLeft() == self.pos():
            return  # unchanged: no repaint of a frame that may span the whole canvas
        if (rect.width(), rect.height()) != (self.w, self.h):
            self.prepareGeometryChange()
            self.w, self.h = rect.width(), rect.height()
        self.setPos(rect.topLeft())
        self.update()

    def scene_rect(self) -> QRectF:
        return QRectF(self.pos(), QPointF(self.pos().x() + self.w, self.pos().y() + self.h))

    def boundingRect(self) -> QRectF:
        tw = self._title_width()
        return QRectF(-2, -TITLE_H - 2, max(self.w, tw) + 4, self.h + TITLE_H + 4)

    def _title_width(self) -> float:
        return text_width(self.title, TITLE_SIZE, True) + 20

    def shape(self) -> QPainterPath:
        outer = QPainterPath()
        outer.addRect(QRectF(-BAND, -BAND, self.w + 2 * BAND, self.h + 2 * BAND))
        inner = QPainterPath()
        inner.addRect(QRectF(BAND, BAND, max(0.0, self.w - 2 * BAND),
                             max(0.0, self.h - 2 * BAND)))
        band = outer.subtracted(inner)
        band.addRect(QRectF(0, -TITLE_H, self._title_width(), TITLE_H))
        return band

    def handle_rect(self) -> QRectF:
        return QRectF(self.w - HANDLE, self.h - HANDLE, HANDLE, HANDLE)

    def on_handle(self, scene_pos: QPointF) -> bool:
        grip = self.handle_rect().adjusted(-3, -3, 3, 3)
        return not self.auto and self.isSelected() and grip.contains(self.mapFromScene(scene_pos))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.2)
        rect = QRectF(0, 0, self.w, self.h)
        painter.setBrush(QBrush(self._fill))
        pen = QPen(self._pen)
        if self.isSelected() or self.highlighted:
            pen.setColor(HIGHLIGHT if self.highlighted else SELECTION)
            pen.setWidthF(2.6)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        tab = QRectF(0, -TITLE_H, self._title_width(), TITLE_H)
        painter.setBrush(QBrush(pen.color()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(tab.adjusted(0, 0, 0, 6), 5, 5)
        if lod >= 0.25:
            painter.setPen(QColor("#FFFFFF"))
            painter.setFont(label_font(TITLE_SIZE, True))
            painter.drawText(tab.adjusted(10, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.title)
        if self.isSelected() and not self.auto:
            painter.setBrush(QBrush(SELECTION))
            painter.drawRect(self.handle_rect())

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

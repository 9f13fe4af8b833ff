"""The legend of the visual language: unit kinds (shapes), function colours, flow kinds
(colour and line style), painted from `render/style.py` exactly as the canvas paints them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from orgdesigner.gui.canvas.items.shapes import flow_pen, label_font, shape_path, unit_pen
from orgdesigner.model import FlowKind, UnitKind
from orgdesigner.render.style import colour_legend, legend_entries

ROW = 24.0
SAMPLE_W = 46.0


class LegendWidget(QWidget):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.lang = lang
        self._rows = self._build()
        self.setMinimumWidth(220)

    def _build(self) -> list[tuple[str, object, str, object]]:
        rows: list[tuple[str, object, str, object]] = []
        rows.append(("title", None, self.tr("Units"), None))
        for kind, label, style in legend_entries(self.lang):
            if isinstance(kind, UnitKind):
                rows.append(("unit", kind, label, style))
        rows.append(("title", None, self.tr("Colour = main function"), None))
        for label, fill, border in colour_legend(self.lang):
            rows.append(("swatch", None, label, (fill, border)))
        rows.append(("title", None, self.tr("Flows"), None))
        for kind, label, style in legend_entries(self.lang):
            if isinstance(kind, FlowKind):
                rows.append(("flow", kind, label, style))
        return rows

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._rows = self._build()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, int(len(self._rows) * ROW + 12))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        y = 6.0
        for what, _kind, label, style in self._rows:
            mid = y + ROW / 2
            if what == "title":
                p.setPen(QColor("#333333"))
                p.setFont(label_font(11, True))
                p.drawText(QRectF(8, y, self.width() - 16, ROW),
                           Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, label)
                y += ROW
                continue
            p.save()
            p.translate(8 + SAMPLE_W / 2, mid)
            if what == "unit":
                p.setPen(unit_pen(style, 0.8))
                p.setBrush(QColor(style.fill))
                p.drawPath(shape_path(style.shape, SAMPLE_W - 4, ROW - 6))
            elif what == "swatch":
                fill, border = style
                p.setPen(QPen(QColor(border), 1.2))
                p.setBrush(QColor(fill))
                p.drawRect(QRectF(-SAMPLE_W / 2 + 2, -(ROW - 8) / 2, SAMPLE_W - 4, ROW - 8))
            else:
                a, b = QPointF(-SAMPLE_W / 2, 0), QPointF(SAMPLE_W / 2 - 4, 0)
                if style.double:
                    p.setPen(flow_pen(style, style.width * 2.6))
                    p.drawLine(a, b)
                    p.setPen(flow_pen(style, style.width * 0.9, "#FFFFFF"))
                else:
                    p.setPen(flow_pen(style))
                p.drawLine(a, b)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(style.color))
                if style.head == "normal":
                    p.drawPolygon([b + QPointF(2, 0), b + QPointF(-6, -4), b + QPointF(-6, 4)])
                if style.tail == "normal":
                    p.drawPolygon([a + QPointF(-2, 0), a + QPointF(6, -4), a + QPointF(6, 4)])
            p.restore()
            p.setPen(QColor("#1A1A1A"))
            p.setFont(label_font(11))
            p.drawText(QRectF(16 + SAMPLE_W, y, self.width() - SAMPLE_W - 20, ROW),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            y += ROW
        p.end()

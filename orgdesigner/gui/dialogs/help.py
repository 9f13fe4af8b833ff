"""Help: the About box, “What the colours and lines mean”, and the source material's models.

Texts live in `orgdesigner.help_content` (no Qt); samples are painted with the same shapes
and pens as the canvas (`items/shapes.py`), from the styles of `render/style.py`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import __version__, help_content
from orgdesigner.gui.canvas.items.shapes import flow_pen, shape_path, unit_pen
from orgdesigner.model import FlowKind, UnitKind
from orgdesigner.render.style import colour_legend, legend_entries

LEGEND, MODELS = 0, 1


def about_box(parent: QWidget | None, lang: str = "en") -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("HelpDialog", "About OrgDesigner"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(help_content.about_html(__version__, lang))
    box.setIcon(QMessageBox.Icon.Information)
    return box


def show_about(parent: QWidget | None, lang: str = "en") -> None:
    about_box(parent, lang).exec()


class _Sample(QWidget):
    """One legend sample: a unit shape, a colour swatch, or a flow's line."""

    W, H = 96, 40

    def __init__(self, kind: str, style: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.style_ = kind, style
        self.setFixedSize(QSize(self.W, self.H))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.kind == "unit":
            s = self.style_
            p.translate(self.W / 2, self.H / 2)
            p.setBrush(QBrush(QColor(s.fill)))
            p.setPen(unit_pen(s))
            p.drawPath(shape_path(s.shape, self.W - 12, self.H - 10))
        elif self.kind == "colour":
            fill, border = self.style_
            p.setBrush(QBrush(QColor(fill)))
            p.setPen(QColor(border))
            p.drawRoundedRect(8, 8, self.W - 16, self.H - 16, 4, 4)
        else:
            self._paint_flow(p, self.style_)
        p.end()

    def _paint_flow(self, p: QPainter, s) -> None:  # noqa: ANN001 - FlowStyle
        y, x0, x1 = self.H / 2, 8.0, self.W - 8.0
        pen = flow_pen(s)
        p.setPen(pen)
        offsets = (-2.0, 2.0) if s.double else (0.0,)
        for dy in offsets:
            p.drawLine(QPointF(x0 + 4, y + dy), QPointF(x1 - 4, y + dy))
        solid = flow_pen(s)
        solid.setStyle(Qt.PenStyle.SolidLine)
        p.setPen(solid)
        p.setBrush(QColor(s.color))
        if s.head == "normal":
            p.drawPolygon(_arrow(QPointF(x1, y), 0.0, s.width))
        if s.tail == "normal":
            p.drawPolygon(_arrow(QPointF(x0, y), math.pi, s.width))


def _arrow(tip: QPointF, angle: float, width: float) -> QPolygonF:
    size = 7.0 + width * 1.5
    left = QPointF(tip.x() - size * math.cos(angle - 0.4), tip.y() - size * math.sin(angle - 0.4))
    right = QPointF(tip.x() - size * math.cos(angle + 0.4), tip.y() - size * math.sin(angle + 0.4))
    return QPolygonF([tip, left, right])


class LegendPage(QWidget):
    """Every unit kind, function colour and flow kind with a sample and what it means."""

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendPage")
        self.lang = lang
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        intro = QLabel(help_content.pick(help_content.LEGEND_INTRO, lang))
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 3)
        self.rows: list[tuple[str, str]] = []  # (label, meaning) in display order
        r = 1
        units = [(k, lab, st) for k, lab, st in legend_entries(lang) if isinstance(k, UnitKind)]
        flows = [(k, lab, st) for k, lab, st in legend_entries(lang) if isinstance(k, FlowKind)]
        r = self._heading(grid, r, self.tr("Units: the shape tells the kind"))
        for kind, label, style in units:
            meaning = help_content.pick(help_content.UNIT_MEANING[kind], lang)
            r = self._row(grid, r, _Sample("unit", style), label, meaning)
        r = self._heading(grid, r, self.tr("Fill colour: the unit's main function"))
        for label, fill, border in colour_legend(lang):
            r = self._row(grid, r, _Sample("colour", (fill, border)), label, "")
        r = self._heading(grid, r, self.tr("Flows: colour and line style tell the kind"))
        for kind, label, style in flows:
            meaning = help_content.pick(help_content.FLOW_MEANING[kind], lang)
            r = self._row(grid, r, _Sample("flow", style), label, meaning)
        grid.setRowStretch(r, 1)

    @staticmethod
    def _heading(grid: QGridLayout, r: int, text: str) -> int:
        label = QLabel(f"<b>{text}</b>")
        grid.addWidget(label, r, 0, 1, 3)
        return r + 1

    def _row(self, grid: QGridLayout, r: int, sample: QWidget, label: str, meaning: str) -> int:
        grid.addWidget(sample, r, 0)
        name = QLabel(label)
        name.setObjectName("legendLabel")
        grid.addWidget(name, r, 1)
        text = QLabel(meaning)
        text.setWordWrap(True)
        grid.addWidget(text, r, 2)
        self.rows.append((label, meaning))
        return r + 1


class HelpDialog(QDialog):
    """Non-modal help window with the legend and the models pages."""

    def __init__(self, lang: str = "en", page: int = LEGEND,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("OrgDesigner Help"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.legend = LegendPage(lang)
        scroll.setWidget(self.legend)
        self.tabs.addTab(scroll, self.tr("What the colours and lines mean"))
        self.models = QTextBrowser()
        self.models.setObjectName("modelsPage")
        self.models.setOpenExternalLinks(True)
        self.models.setHtml(help_content.models_html(lang))
        self.tabs.addTab(self.models, self.tr("The models in the source material"))
        self.tabs.setCurrentIndex(page)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(760, 640)


def show_help(parent: QWidget | None, lang: str = "en", page: int = LEGEND) -> HelpDialog:
    """Open (non-modal) the help window on `page`; keep the returned dialog alive."""
    dialog = HelpDialog(lang, page, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

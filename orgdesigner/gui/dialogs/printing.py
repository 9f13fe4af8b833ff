"""File › Print… and Print Preview…: the canvas as the user arranged it, on one page.

The whole diagram is scaled to fit the printable area under a header line with the design's
title (and its revision, the date and the application's name), keeping its proportions.
Paper size (A4 by default, A3 and the rest offered by the dialogs) and orientation are the
printer's; the orientation starts as landscape when the diagram is wider than tall. While
printing, the selection and the grid are hidden so the page shows the design only.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QGraphicsScene, QWidget

from orgdesigner.formats.atomic import atomic_path

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
MARGIN_MM = 10.0


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def design_title(controller: Any) -> str:
    """The title for the header line: the design's title in the document's language."""
    m = controller.design.metadata
    lang = getattr(controller, "lang", "en")
    title = (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)
    title = title or controller.display_name()
    return f"{title}  ({m.revision})" if m.revision else title


def diagram_rect(scene: QGraphicsScene) -> QRectF:
    realize = getattr(scene, "realize_all", None)
    if callable(realize):  # a big design has items only where the canvas was looked at
        realize()
    rect = scene.itemsBoundingRect()
    return rect.adjusted(-10, -10, 10, 10) if not rect.isEmpty() else QRectF(0, 0, 100, 100)


def make_printer(scene: QGraphicsScene | None = None, page: str = "A4",
                 landscape: bool | None = None,
                 mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    """A printer set to `page` with 10 mm margins; landscape when the diagram is wide."""
    printer = QPrinter(mode)
    if landscape is None:
        rect = diagram_rect(scene) if scene is not None else QRectF(0, 0, 2, 1)
        landscape = rect.width() >= rect.height()
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES.get(page, PAGE_SIZES["A4"])),
                                      orientation,
                                      QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                      QPageLayout.Unit.Millimeter))
    return printer


@contextlib.contextmanager
def clean_scene(scene: QGraphicsScene) -> Iterator[None]:
    """Hide the selection, the grid and the collapse handles for the time of a print, then
    put them back."""
    selected = scene.selectedItems()
    was_printing = getattr(scene, "printing", False)
    scene.printing = True  # type: ignore[attr-defined]
    grid = getattr(scene, "show_grid", False)
    setter = getattr(scene, "set_grid", None)
    scene.blockSignals(True)  # the inspector must not follow this temporary deselection
    try:
        scene.clearSelection()
        if grid and setter:
            setter(False)
        yield
    finally:
        for item in selected:
            item.setSelected(True)
        if grid and setter:
            setter(True)
        scene.printing = was_printing  # type: ignore[attr-defined]
        scene.blockSignals(False)


def paint_page(painter: QPainter, page: QRectF, scene: QGraphicsScene, title: str) -> QRectF:
    """Draw the header line and the diagram fitted below it; the rectangle the diagram
    was drawn into (in the painter's coordinates)."""
    font = QFont(painter.font())
    font.setPointSizeF(12)
    font.setBold(True)
    painter.setFont(font)
    fm = QFontMetricsF(font, painter.device())
    header_h = fm.height() * 1.6
    header = QRectF(page.left(), page.top(), page.width(), fm.height())
    painter.setPen(QColor("#000000"))
    painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     fm.elidedText(title, Qt.TextElideMode.ElideRight, page.width() * 0.7))
    small = QFont(font)
    small.setBold(False)
    small.setPointSizeF(8)
    painter.setFont(small)
    painter.setPen(QColor("#555555"))
    painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"{datetime.date.today().isoformat()} · OrgDesigner")
    line_y = page.top() + fm.height() * 1.25
    painter.setPen(QPen(QColor("#888888"), 0))
    painter.drawLine(page.left(), line_y, page.right(), line_y)
    body = QRectF(page.left(), page.top() + header_h, page.width(), page.height() - header_h)
    source = diagram_rect(scene)
    scale = min(body.width() / source.width(), body.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    target = QRectF(body.left() + (body.width() - w) / 2, body.top(), w, h)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    with clean_scene(scene):
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    return target


def render(printer: QPrinter, controller: Any) -> bool:
    """Print the controller's canvas on `printer` (one page); False if it cannot paint."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        page.moveTo(0, 0)  # the painter's origin is the printable area's corner
        paint_page(painter, page, controller.scene, design_title(controller))
    finally:
        painter.end()
    return True


def print_to_pdf(controller: Any, path: str | Path, page: str = "A4",
                 landscape: bool | None = None) -> None:
    """Print to a PDF file (atomically: a failure leaves the old file)."""
    printer = make_printer(controller.scene, page, landscape)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setDocName(design_title(controller))
    with atomic_path(path) as tmp:
        printer.setOutputFileName(str(tmp))
        if not render(printer, controller):
            raise OSError(f"{path}: the PDF could not be started")


def print_design(parent: QWidget | None, controller: Any) -> bool:
    """File › Print…: the system's print dialog, then print. True if printed."""
    if controller is None:
        return False
    printer = make_printer(controller.scene)
    printer.setDocName(design_title(controller))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(tr("Print Diagram"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    ok = render(printer, controller)
    if ok and hasattr(controller, "statusMessage"):
        controller.statusMessage.emit(tr("Sent to the printer"))
    return ok


def preview_design(parent: QWidget | None, controller: Any) -> bool:
    """File › Print Preview…: the page as it will print, with paper size, orientation and
    printing from the preview's own toolbar."""
    if controller is None:
        return False
    printer = make_printer(controller.scene)
    printer.setDocName(design_title(controller))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreviewDialog")
    dialog.setWindowTitle(tr("Print Preview — {0}").format(design_title(controller)))
    dialog.paintRequested.connect(lambda p: render(p, controller))
    dialog.resize(1000, 760)
    dialog.exec()
    dialog.deleteLater()
    return True

"""Print… and Print Preview…: a PDF through QPrinter with the right paper and orientation,
the title in the header, the diagram fitted, and the selection left as it was."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from orgdesigner import templates
from orgdesigner.gui.dialogs import printing

pytestmark = pytest.mark.gui
MM_PER_PT = 25.4 / 72


def page_size_mm(pdf: bytes) -> tuple[float, float]:
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box, "no MediaBox"
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return (x1 - x0) * MM_PER_PT, (y1 - y0) * MM_PER_PT


@pytest.fixture
def ctrl(window):
    return window.open_design(templates.load("model-2"), None)


@pytest.mark.parametrize("page, landscape, size", [
    ("A4", True, (297, 210)), ("A4", False, (210, 297)),
    ("A3", True, (420, 297)), ("A3", False, (297, 420))])
def test_pdf_has_the_chosen_paper_and_orientation(ctrl, tmp_path, page, landscape, size):
    out = tmp_path / f"{page}.pdf"
    printing.print_to_pdf(ctrl, out, page, landscape)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    w, h = page_size_mm(data)
    assert w == pytest.approx(size[0], abs=1) and h == pytest.approx(size[1], abs=1)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1  # one page


def test_wide_diagram_starts_in_landscape(ctrl):
    printer = printing.make_printer(ctrl.scene)
    rect = printing.diagram_rect(ctrl.scene)
    assert rect.width() > rect.height()
    assert printer.pageLayout().orientation() == printer.pageLayout().Orientation.Landscape
    assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_carries_the_title_in_the_header(ctrl, tmp_path):
    out = tmp_path / "t.pdf"
    printing.print_to_pdf(ctrl, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    header = text.splitlines()[0]
    assert "Model 2: Business Group A" in header and "OrgDesigner" in header
    # (unit labels use the CJK font, which the PDF engine draws as outlines, not text)


def test_diagram_is_fitted_to_the_page_below_the_header(ctrl):
    image = QImage(1190, 842, QImage.Format.Format_ARGB32)  # A4 landscape, 100 dpi-ish
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    page = QRectF(0, 0, image.width(), image.height())
    target = printing.paint_page(painter, page, ctrl.scene, "見出し")
    painter.end()
    assert page.contains(target) and target.top() > 10
    source = printing.diagram_rect(ctrl.scene)
    assert target.width() / target.height() == pytest.approx(source.width() / source.height(),
                                                            rel=0.01)
    assert target.width() == pytest.approx(page.width(), rel=0.01) or \
        target.bottom() == pytest.approx(page.bottom(), abs=1)
    # something was drawn inside the diagram's rectangle
    centre = image.copy(target.toRect())
    assert any(centre.pixel(x, y) != 0xFFFFFFFF for x in range(0, centre.width(), 7)
               for y in range(0, centre.height(), 7))


def test_printing_leaves_selection_and_grid_as_they_were(ctrl, window):
    window.act.grid.setChecked(True)
    ctrl.select_units(["gsc"], center=False)
    seen = []
    ctrl.scene.selectionChanged.connect(lambda: seen.append(1))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    with printing.clean_scene(ctrl.scene):
        assert ctrl.scene.selectedItems() == [] and not ctrl.scene.show_grid
    assert ctrl.selected_units() == ["gsc"] and ctrl.scene.show_grid
    assert seen == []  # the inspector was not told about the temporary deselection


def test_print_action_prints_after_the_dialog(window, ctrl, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.act.print.trigger()
    assert out.read_bytes().startswith(b"%PDF")
    assert "printer" in window.statusBar().currentMessage()
    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    out.unlink()
    window.act.print.trigger()
    assert not out.exists()


def test_print_preview_paints_one_page(window, ctrl, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    pages = []

    def show(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        pages.append(preview.pageCount())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    window.act.print_preview.trigger()
    assert pages == [1]


def test_printing_never_draws_the_collapse_handles(ctrl, tmp_path, monkeypatch):
    from orgdesigner.gui.canvas.items.unit_item import UnitItem
    from orgdesigner.gui.dialogs.printing import print_to_pdf

    assert any(i.subordinates for i in ctrl.scene.unit_items.values())
    drawn = []
    original = UnitItem._paint_handle
    monkeypatch.setattr(UnitItem, "_paint_handle",
                        lambda self, painter: (drawn.append(self.uid), original(self, painter)))
    print_to_pdf(ctrl, tmp_path / "p.pdf")
    assert (tmp_path / "p.pdf").stat().st_size > 0
    assert drawn == []
    assert ctrl.scene.printing is False

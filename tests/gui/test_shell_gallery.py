"""Start gallery: every template with name, description, source and a drawn thumbnail;
blank, open, import and recent files report the user's choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor

from orgdesigner import settings, templates
from orgdesigner.gui.dialogs import gallery
from orgdesigner.model import Design
from orgdesigner.render.style import unit_style

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    g = gallery.StartGallery("en")
    qtbot.addWidget(g)
    return g


def _near(a: QColor, b: QColor, tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_lists_blank_then_every_template_by_name(dialog):
    assert dialog.template_ids() == [None, *templates.ids()]
    for i, tid in enumerate(templates.ids(), start=1):
        item = dialog.list.item(i)
        assert item.text() == templates.info(tid).display_name("en")
        assert not item.icon().isNull()
    assert dialog.problems == []


def test_detail_shows_description_and_source(dialog):
    dialog.select("model-3")
    info = templates.info("model-3")
    text = dialog.detail.text()
    assert info.name_en in text and "Reconstruction" in text
    assert "JPCERT/CC" in text and "Source:" in text


def test_japanese_names(qtbot):
    g = gallery.StartGallery("ja")
    qtbot.addWidget(g)
    assert g.list.item(1).text() == templates.info(templates.ids()[0]).name
    g.select("model-1")
    assert "大企業" in g.detail.text()


@pytest.mark.parametrize("tid", ["model-1", "model-4", "cert-coordinating"])
def test_thumbnail_is_drawn_from_the_template(tid):
    design = templates.load(tid)
    image = gallery.paint_thumbnail(design, QSize(220, 150)).toImage()
    pixels = [QColor(image.pixel(x, y)) for x in range(0, 220, 2) for y in range(0, 150, 2)]
    assert sum(1 for c in pixels if c.name() != "#ffffff") > 200
    csirt = next(u for u in design.units.values() if u.kind.value == "csirt")
    accent = QColor(unit_style(csirt).border)
    assert any(_near(c, accent) for c in pixels), "the CSIRT's accent is visible"


def test_thumbnails_differ_between_templates():
    a = gallery.paint_thumbnail(templates.load("model-1")).toImage()
    b = gallery.paint_thumbnail(templates.load("model-2")).toImage()
    assert a != b
    blank = gallery.paint_thumbnail(Design()).toImage()
    assert {QColor(blank.pixel(x, 40)).name() for x in range(0, 200, 10)} == {"#ffffff"}


def test_create_reports_the_selected_template(qtbot, dialog):
    dialog.select("consensual")
    with qtbot.waitSignal(dialog.chosen) as sig:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == gallery.GalleryChoice(gallery.TEMPLATE, "consensual")
    assert dialog.choice == sig.args[0] and dialog.result() == 1


def test_blank_open_and_import(qtbot):
    for button, kind in (("create_button", gallery.BLANK), ("open_button", gallery.OPEN),
                         ("import_button", gallery.IMPORT)):
        g = gallery.StartGallery("en")
        qtbot.addWidget(g)
        assert getattr(g, button).isEnabled()
        qtbot.mouseClick(getattr(g, button), Qt.MouseButton.LeftButton)
        assert g.choice.kind == kind and g.choice.template_id is None


def test_recent_files_are_offered(qtbot, tmp_path: Path):
    f = tmp_path / "前回の設計.orgd"
    f.write_text("{}", encoding="utf-8")
    settings.remember_file(f)
    g = gallery.StartGallery("en")
    qtbot.addWidget(g)
    assert g.recent.item(0).text() == f.name
    g.recent.itemActivated.emit(g.recent.item(0))
    assert g.choice == gallery.GalleryChoice(gallery.RECENT, path=f)

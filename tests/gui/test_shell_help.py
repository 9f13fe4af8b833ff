"""Help window, legend page and About box through real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from orgdesigner import __version__
from orgdesigner.gui.dialogs import help as help_mod
from orgdesigner.model import FlowKind, UnitKind

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_legend_lists_every_unit_and_flow_kind_with_its_meaning(qtbot, lang):
    dialog = help_mod.HelpDialog(lang)
    qtbot.addWidget(dialog)
    labels = [label for label, _ in dialog.legend.rows]
    for kind in list(UnitKind) + list(FlowKind):
        assert kind.label(lang) in labels
    meanings = dict(dialog.legend.rows)
    assert meanings[FlowKind.DELEGATION.label(lang)]
    assert dialog.tabs.currentIndex() == help_mod.LEGEND


def test_legend_samples_are_painted_in_the_style_colours(qtbot):
    page = help_mod.LegendPage("en")
    qtbot.addWidget(page)
    page.show()
    samples = page.findChildren(help_mod._Sample)
    csirt = next(s for s in samples if s.kind == "unit"
                 and s.style_.shape == "octagon")
    image: QImage = csirt.grab().toImage()
    border = QColor(csirt.style_.border)
    found = any(QColor(image.pixel(x, image.height() // 2)).name() == border.name()
                for x in range(image.width()))
    assert found, "the CSIRT sample is drawn with its accent border"


def test_models_page_opens_on_request_in_japanese(qtbot):
    dialog = help_mod.show_help(None, "ja", help_mod.MODELS)
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == help_mod.MODELS
    text = dialog.models.toPlainText()
    assert "モデル 1：大企業" in text and "CSIRT 構築の 8 ステップ" in text


def test_about_box_shows_version_and_licence(qtbot):
    box = help_mod.about_box(None, "en")
    qtbot.addWidget(box)
    assert box.objectName() == "aboutBox"
    assert __version__ in box.text() and "MIT" in box.text()
    assert box.textFormat() == Qt.TextFormat.RichText

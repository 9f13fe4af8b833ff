"""File › Export Diagram…: each format written and readable, the sub-tree scope, options
following the format, errors shown with nothing half-written, big designs in a worker."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from orgdesigner import synthetic, templates
from orgdesigner.formats.table_import import read_table
from orgdesigner.gui.dialogs import export_dialog as ed
from orgdesigner.render.export import ExportError

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fresh_choices(monkeypatch):
    """The dialog remembers the last scope and paper for the session: start each test anew."""
    for name in ("last_format", "last_scope", "last_company", "last_paper"):
        monkeypatch.setattr(ed.ExportDialog, name, getattr(ed.ExportDialog, name))


@pytest.fixture
def design():
    return templates.load("model-2")


@pytest.fixture
def boxes(monkeypatch) -> list[dict]:
    shown: list[dict] = []

    def fake_exec(box):
        shown.append({"name": box.objectName(), "info": box.informativeText()})
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def make(qtbot, design, path: Path, **kw) -> ed.ExportDialog:
    dialog = ed.ExportDialog(design, start_path=path, **kw)
    qtbot.addWidget(dialog)
    return dialog


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def names(design, lang: str = "en") -> set[str]:
    return {u.display_name(lang) for u in design.units.values()}


@pytest.mark.parametrize("fmt", ed.FORMATS)
def test_every_format_is_written_and_reads_back(qtbot, design, tmp_path, boxes, fmt):
    target = tmp_path / f"図.{fmt}"
    dialog = make(qtbot, design, target)
    assert dialog.fmt() == fmt
    with qtbot.waitSignal(dialog.exported, timeout=30000) as sig:
        dialog.accept()
    assert sig.args == [target] and boxes == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = target.read_bytes()
    if fmt == "svg":
        assert names(design) <= set(svg_texts(target))
    elif fmt == "png":
        image = QImage(str(target))
        assert not image.isNull() and image.width() > 300 and image.height() > 200
    elif fmt == "pdf":
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    elif fmt == "dot":
        text = data.decode("utf-8")
        assert "digraph" in text and "Group CSIRT" in text
    elif fmt == "graphml":
        root = ET.fromstring(data)
        nodes = [n for n in root.iter() if n.tag.endswith("}node")]
        assert len(nodes) >= len(design.units)
    elif fmt == "pptx":
        from pptx import Presentation

        slide = Presentation(str(target)).slides[0]
        units = [sh for sh in slide.shapes if sh.name.startswith("unit:")]
        assert len(units) == len(design.units)
    elif fmt == "drawio":
        root = ET.fromstring(data)
        ids = {c.get("id") for c in root.iter("mxCell")}
        assert {f"unit-{u}" for u in design.units} <= ids
    else:
        back = read_table(target).design
        assert sorted(back.units) == sorted(design.units)
        assert back.superior("csirt") == design.superior("csirt")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_png_dpi_changes_the_pixel_size(qtbot, design, tmp_path):
    sizes = []
    for dpi in (72, 144):
        target = tmp_path / f"d{dpi}.png"
        dialog = make(qtbot, design, target)
        dialog.dpi_spin.setValue(dpi)
        dialog.legend_check.setChecked(False)
        dialog.accept()
        sizes.append(QImage(str(target)).width())
    assert sizes[1] == pytest.approx(2 * sizes[0], rel=0.02)


def test_branch_scope_exports_only_that_branch(qtbot, design, tmp_path):
    target = tmp_path / "sub.svg"
    dialog = make(qtbot, design, target, root="gm")
    branch = dialog.scope.branch_combo
    assert dialog.scope.branch.isEnabled() and branch.currentData() == "gm"
    assert "Management" in branch.currentText()  # the selected unit comes first
    dialog.scope.branch.setChecked(True)
    assert dialog.options().scope == "branch:gm"
    dialog.accept()
    texts = set(svg_texts(target))
    assert {"Y Dep.", "Security Center", "X Dep."} <= texts
    assert not texts & {"B Dep.", "Group CSIRT", "Information Planning Dep.", "JPCERT/CC"}


def test_japanese_labels(qtbot, design, tmp_path):
    target = tmp_path / "ja.svg"
    dialog = make(qtbot, design, target, lang="ja")
    assert dialog.lang_combo.currentData() == "ja"
    dialog.accept()
    assert names(design, "ja") <= set(svg_texts(target))


def test_options_follow_the_format(qtbot, design, tmp_path):
    dialog = make(qtbot, design, tmp_path / "a.svg", root="gm")
    dialog.format_combo.setCurrentIndex(ed.FORMATS.index("png"))
    assert dialog.path_edit.text().endswith("a.png") and dialog.dpi_spin.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "table.xlsx"))
    assert dialog.fmt() == "xlsx"
    assert not dialog.layout_combo.isEnabled() and not dialog.legend_check.isEnabled()
    assert not dialog.scope.isEnabled() and not dialog.dpi_spin.isEnabled()
    assert not dialog.paper_combo.isEnabled() and dialog.options().scope is None
    dialog.path_edit.setText(str(tmp_path / "b.svg"))
    dialog.layout_combo.setCurrentIndex(2)  # as on the canvas
    assert not dialog.orientation_combo.isEnabled() and not dialog.compact_check.isEnabled()
    assert dialog.scope.isEnabled() and not dialog.paper_combo.isEnabled()
    no_selection = make(qtbot, design, tmp_path / "c.svg")
    assert no_selection.scope.branch_combo.findData("gm") >= 0  # picked from the top levels
    assert not no_selection.scope.branch_combo.itemText(0).startswith("Selected")
    assert not dialog.aspect_combo.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "slides.pptx"))
    assert dialog.fmt() == "pptx" and dialog.aspect_combo.isEnabled()
    dialog.aspect_combo.setCurrentIndex(1)
    assert dialog.options().aspect == "4:3"
    dialog.path_edit.setText(str(tmp_path / "chart.drawio"))
    assert not dialog.aspect_combo.isEnabled() and not dialog.legend_check.isEnabled()


def test_pptx_slides_take_the_chosen_aspect(qtbot, design, tmp_path):
    from pptx import Presentation

    target = tmp_path / "s.pptx"
    dialog = make(qtbot, design, target)
    dialog.aspect_combo.setCurrentIndex(1)
    dialog.accept()
    prs = Presentation(str(target))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)


def test_approval_deck_action_writes_the_deck(window, tmp_path, monkeypatch):
    from pptx import Presentation

    from orgdesigner.gui.dialogs import deck_export

    ctrl = window.open_design(templates.load("model-2"), tmp_path / "m2.orgd")
    target = tmp_path / "deck"
    seen = {}

    def run(dialog):
        seen["start"] = dialog.path_edit.text()
        dialog.path_edit.setText(str(target))  # the .pptx is added
        dialog.lang_combo.setCurrentIndex(1)
        dialog.aspect_combo.setCurrentIndex(1)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(deck_export.DeckDialog, "exec", run)
    action = window.findChild(type(window.act.export_deck), "actionExportDeck")
    assert action is window.act.export_deck and action.isEnabled()
    action.trigger()
    assert seen["start"] == str(tmp_path / "m2-deck.pptx")
    prs = Presentation(str(tmp_path / "deck.pptx"))
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title]
    assert len(prs.slides) >= 6 and "現在の組織" in titles
    assert prs.slide_width == 9144000
    assert "deck.pptx" in window.statusBar().currentMessage()
    assert ctrl.design is not None


def test_deck_dialog_uses_the_template_and_reports_a_broken_one(qtbot, design, tmp_path, boxes):
    from pptx import Presentation

    from orgdesigner.gui.dialogs.deck_export import DeckDialog

    tpl = tmp_path / "brand.pptx"
    Presentation().save(str(tpl))  # 4:3
    dialog = DeckDialog(design, start_path=tmp_path / "d.pptx")
    qtbot.addWidget(dialog)
    dialog.template_edit.setText(str(tpl))
    dialog.aspect_combo.setCurrentIndex(2)  # as in the template
    dialog.accept()
    assert Presentation(str(tmp_path / "d.pptx")).slide_width == 9144000
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"nope")
    again = DeckDialog(design, start_path=tmp_path / "e.pptx")
    qtbot.addWidget(again)
    again.template_edit.setText(str(bad))
    again.accept()
    assert not (tmp_path / "e.pptx").exists()
    assert boxes and boxes[-1]["name"] == "deckErrorBox" and "bad.pptx" in boxes[-1]["info"]


def test_missing_folder_is_reported_and_the_dialog_stays(qtbot, design, tmp_path, boxes):
    target = tmp_path / "missing" / "d.svg"
    dialog = make(qtbot, design, target)
    with qtbot.waitSignal(dialog.failed) as sig:
        dialog.accept()
    assert "does not exist" in sig.args[0]
    assert [b["name"] for b in boxes] == ["exportErrorBox"]
    assert dialog.result() != QDialog.DialogCode.Accepted and not target.parent.exists()


def test_failed_export_leaves_the_previous_file(qtbot, design, tmp_path, boxes, monkeypatch):
    target = tmp_path / "keep.svg"
    target.write_text("<svg>old</svg>", encoding="utf-8")

    def broken(*_a, **_k):
        raise ExportError("Graphviz could not render SVG: simulated")

    monkeypatch.setattr("orgdesigner.render.export.diagram_bytes", broken)
    dialog = make(qtbot, design, target)
    dialog.accept()
    assert target.read_text(encoding="utf-8") == "<svg>old</svg>"
    assert "simulated" in boxes[0]["info"]


def test_bad_paths_are_refused_before_writing(qtbot, design, tmp_path, boxes):
    dialog = make(qtbot, design, tmp_path / "x.svg")
    dialog.path_edit.setText("")
    dialog.accept()
    dialog.path_edit.setText(str(tmp_path / "notes.txt"))
    dialog.accept()
    dialog.path_edit.setText(str(tmp_path))
    dialog.accept()
    assert [b["name"] for b in boxes] == ["exportErrorBox"] * 3
    assert ".txt" not in "".join(b["info"] for b in boxes[:1])
    assert "notes.txt" in boxes[1]["info"] and "folder" in boxes[2]["info"]
    assert list(tmp_path.iterdir()) == []


def test_large_design_exports_in_a_worker_thread(qtbot, tmp_path, boxes):
    big = synthetic.generate(ed.BACKGROUND_UNITS + 100)
    target = tmp_path / "big.svg"
    dialog = make(qtbot, big, target)
    dialog.show()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)  # the GUI thread keeps running its event loop meanwhile
    with qtbot.waitSignal(dialog.exported, timeout=120000):
        dialog.accept()
        assert dialog.job is not None and dialog.job.thread is not None
        assert dialog.progress is not None and dialog.progress.isVisible()
        assert dialog.progress.isModal() and not dialog.buttons.isEnabled()
    timer.stop()
    assert ticks, "the event loop did not run during the export"
    assert dialog.progress is None and dialog.buttons.isEnabled() and boxes == []
    texts = svg_texts(target)
    assert sum(1 for t in texts if t) >= len(big.units)


def test_menu_action_offers_the_selected_unit_as_root(window, tmp_path, monkeypatch):
    ctrl = window.open_design(templates.load("model-2"), tmp_path / "m2.orgd")
    ctrl.select_units(["gm"], center=False)
    seen = {}

    def run(dialog):
        seen.update(root=dialog.root_id, path=dialog.path_edit.text())
        dialog.scope.branch.setChecked(True)
        dialog.path_edit.setText(str(tmp_path / "m2.csv"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ed.ExportDialog, "exec", run)
    window.act.export_diagram.trigger()
    assert seen["root"] == "gm" and seen["path"].startswith(str(tmp_path / "m2."))
    with open(tmp_path / "m2.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + len(ctrl.design.units)  # a table is always the whole design
    assert re.search("Exported to", window.statusBar().currentMessage())


def test_large_deck_is_written_in_a_worker_thread(qtbot, tmp_path, boxes):
    from pptx import Presentation

    from orgdesigner.gui.dialogs.deck_export import BACKGROUND_UNITS, DeckDialog

    big = synthetic.generate(BACKGROUND_UNITS + 100, seed=4)
    dialog = DeckDialog(big, start_path=tmp_path / "big.pptx")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=120000) as sig:
        dialog.accept()
        assert dialog.worker is not None and dialog.progress is not None
        assert not dialog.buttons.isEnabled()
    assert sig.args == [tmp_path / "big.pptx"] and boxes == []
    assert len(Presentation(str(tmp_path / "big.pptx")).slides) > 6
    assert dialog.progress is None and dialog.buttons.isEnabled()

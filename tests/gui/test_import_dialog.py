"""File › Import…: the preview dialog (no modal exec) and applying its choice to the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from orgdesigner.formats import orgd
from orgdesigner.formats.table_export import write_table
from orgdesigner.gui.dialogs.import_dialog import ImportDialog, apply_import, run_import
from orgdesigner.model import UnitKind

pytestmark = pytest.mark.gui
DATA = Path(__file__).parents[1] / "formats" / "data"
DISPLAY = Qt.ItemDataRole.DisplayRole


def column(model, name: str) -> int:
    return model.COLUMNS.index(name)


def cell(model, row: int, name: str):
    return model.data(model.index(row, column(model, name)), DISPLAY)


@pytest.fixture
def dialog(qtbot):
    d = ImportDialog(lang="en")
    qtbot.addWidget(d)
    return d


def test_preview_shows_the_parsed_units_and_warnings(dialog):
    assert dialog.load(DATA / "units_en.csv", DATA / "flows_en.csv") is True
    m = dialog.preview_model
    assert m.rowCount() == 9
    assert [m.headerData(i, Qt.Orientation.Horizontal, DISPLAY) for i in range(8)] == [
        "Row", "ID", "Name", "Parent", "Kind", "Functions", "Headcount", "Company"]
    assert cell(m, 0, "row") == "3" and cell(m, 0, "name") == "Management"
    assert cell(m, 3, "parent") == "System Dept."  # as written in the sheet
    assert cell(m, 1, "kind") == "Executive"
    assert cell(m, 2, "functions") == "IT operations, System development"
    assert cell(m, 7, "headcount") == "1200" and cell(m, 8, "company") == ""
    problems = dialog.problem_model
    assert problems.rowCount() == 1 and "companies created" in problems.problems[0].message
    assert dialog.new_button.isEnabled() and dialog.merge_button.isEnabled()
    assert "9 units, 11 flows, 1 companies ready to import" in dialog.summary.text()


def test_japanese_labels_in_the_preview(qtbot):
    d = ImportDialog(lang="ja")
    qtbot.addWidget(d)
    d.load(DATA / "units_ja.csv")
    m = d.preview_model
    assert cell(m, 4, "kind") == "本部・事業部"
    assert cell(m, 4, "functions") == "営業、マーケティング"


def test_errors_block_the_import_and_mark_the_rows(dialog, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("id,name,parent,kind\na,A,,board\nb,B,zz,dept\nc,C,a,\n", encoding="utf-8")
    assert dialog.load(sheet) is False
    assert dialog.design is None
    assert not dialog.new_button.isEnabled() and not dialog.merge_button.isEnabled()
    m = dialog.preview_model
    assert m.rowCount() == 3  # the rows are still shown, to be checked against the errors
    tinted = [m.data(m.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
              for r in range(3)]
    assert tinted == [False, True, False]
    p = dialog.problem_model
    assert [p.data(p.index(r, 0), DISPLAY) for r in range(p.rowCount())] == ["Error", "Warning"]
    assert p.data(p.index(0, 1), DISPLAY) == "bad.csv C3"
    assert "unknown parent 'zz'" in p.data(p.index(0, 2), DISPLAY)
    assert "1 error(s)" in dialog.summary.text()
    dialog.problems.doubleClicked.emit(p.index(0, 2))
    assert [i.row() for i in dialog.preview.selectionModel().selectedRows()] == [1]


def test_reload_after_fixing_the_sheet(dialog, tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_text("id,name,kind\na,A,departmnt\n", encoding="utf-8")
    assert dialog.load(sheet) is False
    sheet.write_text("id,name,kind\na,A,department\n", encoding="utf-8")
    assert dialog.reload() is True and len(dialog.design.units) == 1


def test_workbook_sheets_and_encoding_choices(dialog, tmp_path):
    from orgdesigner import templates

    book = tmp_path / "org.xlsx"
    write_table(templates.load("model-2"), book)
    dialog.load(book)
    names = [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())]
    assert names == ["(automatic)", "units", "flows", "companies"]
    assert dialog.sheet_combo.isEnabled()
    dialog.sheet_combo.setCurrentIndex(2)  # the flows sheet is not a units sheet
    assert dialog.reload() is False
    assert any("no header row found" in p.message for p in dialog.problem_model.problems)
    cp932 = tmp_path / "sjis.csv"
    cp932.write_bytes((DATA / "units_ja.csv").read_text(encoding="utf-8").encode("cp932"))
    assert dialog.load(cp932, encoding="utf-8") is False
    assert dialog.encoding_combo.currentData() == "utf-8"
    assert not dialog.sheet_combo.isEnabled()
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp932"))
    assert dialog.reload() is True


def test_buttons_return_the_design_and_the_choice(qtbot):
    d = ImportDialog(can_merge=False)
    qtbot.addWidget(d)
    d.load(DATA / "units_ja.csv")
    assert not d.merge_button.isEnabled()
    qtbot.mouseClick(d.findChild(QPushButton, "importNewButton"), Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted and d.choice == ImportDialog.NEW
    assert d.design.units["H004"].kind is UnitKind.CSIRT


def test_cancel_changes_nothing(window, qtbot, monkeypatch):
    ctrl = window.open_design(orgd.loads(orgd.dumps(_template())), None)
    before = orgd.dumps(ctrl.design)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert run_import(window, DATA / "units_en.csv") is None
    assert orgd.dumps(ctrl.design) == before and ctrl.undo_stack.count() == 0
    assert window.documents() == [ctrl]


def test_import_as_new_document(window, monkeypatch):
    def accept_new(self):
        self.choice = ImportDialog.NEW
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", accept_new)
    ctrl = run_import(window, DATA / "units_ja.csv")
    assert ctrl is window.current_controller() and ctrl.path is None
    assert len(ctrl.design.units) == 9 and ctrl.design.superior("H003") == "H002"


def test_merge_is_one_undo_step(window):
    ctrl = window.open_design(_template(), None)
    before = orgd.dumps(ctrl.design)
    dialog = ImportDialog(window, can_merge=True)
    dialog.load(DATA / "units_ja.csv")
    assert apply_import(window, dialog.design, ImportDialog.MERGE) is ctrl
    assert ctrl.undo_stack.count() == 1 and ctrl.undo_stack.undoText() == "Import"
    assert len(ctrl.design.units) == 10 + 9
    assert sorted(ctrl.selected_units()) == sorted(dialog.design.units)
    ctrl.undo_stack.undo()
    assert orgd.dumps(ctrl.design) == before
    ctrl.undo_stack.redo()
    assert len(ctrl.design.units) == 19


def _template():
    from orgdesigner import templates

    return templates.load("model-2")

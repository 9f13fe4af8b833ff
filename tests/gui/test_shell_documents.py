"""Documents: open → edit → save → reopen, the unsaved-changes prompt, revert, bad files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from orgdesigner import settings, templates
from orgdesigner.formats import orgd
from orgdesigner.gui.dialogs import documents
from orgdesigner.model import Unit, UnitKind, ops
from tests.gui.shell_standin import StandInWindow

pytestmark = pytest.mark.gui




SB = QMessageBox.StandardButton


class Boxes:
    """Replaces QMessageBox.exec: records each box and answers from a queue."""

    def __init__(self, monkeypatch, *answers: SB) -> None:
        self.answers = list(answers)
        self.shown: list[dict] = []
        boxes = self

        def fake_exec(box: QMessageBox) -> int:
            boxes.shown.append({"name": box.objectName(), "text": box.text(),
                                "info": box.informativeText(), "details": box.detailedText()})
            return int(boxes.answers.pop(0).value) if boxes.answers else int(SB.Ok.value)

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)


@pytest.fixture
def window(qtbot):
    w = StandInWindow()
    qtbot.addWidget(w)
    yield w
    w.dispose()


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "本社CSIRT.orgd"
    orgd.save(templates.load("model-1"), path)
    return path


def _rename(controller, name: str) -> None:
    assert controller.push(ops.UpdateUnit("csirt", {"name": name}), "Rename")


def test_open_edit_save_reopen(window, saved_file: Path):
    c = documents.open_file(window, saved_file)
    assert c is not None and c.path == saved_file and not c.is_modified()
    _rename(c, "全社 CSIRT")
    assert c.push(ops.AddUnit(Unit("u900", "法務部", UnitKind.DEPARTMENT)), "Add")
    assert c.is_modified()
    assert documents.save(c)
    assert not c.is_modified()
    assert saved_file.with_name(saved_file.name + ".bak").exists()
    assert documents.open_file(window, saved_file) is c  # already open: brought forward
    assert len(window.controllers()) == 1
    window.dispose()
    again = documents.open_file(window, saved_file)
    assert again is not c
    assert again.design.units["csirt"].name == "全社 CSIRT"
    assert again.design.units["u900"].name == "法務部"
    assert orgd.dumps(again.design) == orgd.dumps(c.design)
    assert settings.load_settings().recent_files[0] == str(saved_file)


def test_unreadable_file_shows_problems_and_leaves_open_document_untouched(
        window, saved_file: Path, tmp_path: Path, monkeypatch):
    c = documents.open_file(window, saved_file)
    _rename(c, "編集中")
    before = orgd.dumps(c.design)
    bad = tmp_path / "bad.orgd"
    text = saved_file.read_text(encoding="utf-8").replace('"kind": "csirt"', '"kind": "csirtt"')
    text = text.replace('"kind": "reporting"', '"kind": "reportin"', 1)
    bad.write_text(text, encoding="utf-8")
    boxes = Boxes(monkeypatch)
    assert documents.open_file(window, bad) is None
    [box] = boxes.shown
    assert box["name"] == "loadErrorBox" and "bad.orgd" in box["text"]
    assert "units[" in box["details"] and "flows[" in box["details"]
    assert "more problem" in box["info"]
    assert window.controllers() == [c]
    assert orgd.dumps(c.design) == before and c.is_modified()
    assert str(bad) not in settings.load_settings().recent_files


def test_not_json_and_missing_file_are_reported(window, tmp_path: Path, monkeypatch):
    junk = tmp_path / "junk.orgd"
    junk.write_bytes(b"\x89PNG\r\n")
    boxes = Boxes(monkeypatch)
    assert documents.open_file(window, junk) is None
    assert documents.open_file(window, tmp_path / "missing.orgd") is None
    assert "UTF-8" in boxes.shown[0]["info"]
    assert "no such file" in boxes.shown[1]["info"]
    assert window.controllers() == []


@pytest.mark.parametrize("answer,may_close,saved", [
    (SB.Cancel, False, False), (SB.Discard, True, False), (SB.Save, True, True)])
def test_unsaved_changes_prompt(window, saved_file: Path, monkeypatch, answer, may_close, saved):
    c = documents.open_file(window, saved_file)
    _rename(c, "未保存の変更")
    boxes = Boxes(monkeypatch, answer)
    assert documents.confirm_close(c) is may_close
    assert [b["name"] for b in boxes.shown] == ["unsavedChangesBox"]
    assert saved_file.name in boxes.shown[0]["text"]
    on_disk = orgd.load(saved_file).units["csirt"].name
    assert (on_disk == "未保存の変更") is saved
    assert c.is_modified() is not saved


def test_clean_document_closes_without_asking(window, saved_file: Path, monkeypatch):
    c = documents.open_file(window, saved_file)
    boxes = Boxes(monkeypatch)
    assert documents.confirm_close(c)
    assert boxes.shown == []


def test_save_untitled_asks_for_a_path_and_adds_the_suffix(window, tmp_path, monkeypatch):
    c = window.open_design(templates.load("model-2"), None)
    _rename_target = next(iter(c.design.units))
    assert c.push(ops.UpdateUnit(_rename_target, {"headcount": 42}), "Headcount")
    target = tmp_path / "グループ案"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    boxes = Boxes(monkeypatch, SB.Save)
    assert documents.confirm_close(c)
    written = target.with_name("グループ案.orgd")
    assert c.path == written and not c.is_modified()
    assert orgd.load(written).units[_rename_target].headcount == 42
    assert len(boxes.shown) == 1


def test_cancelled_save_as_keeps_the_document_open(window, monkeypatch):
    c = window.open_design(templates.load("model-2"), None)
    c.push(ops.UpdateMetadata({"title": "変更"}), "Title")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    Boxes(monkeypatch, SB.Save)
    assert not documents.confirm_close(c)
    assert c.is_modified() and c.path is None


def test_failed_save_reports_and_stays_modified(window, saved_file, tmp_path, monkeypatch):
    c = documents.open_file(window, saved_file)
    _rename(c, "x")
    c.set_path(tmp_path / "no-such-folder" / "a.orgd")
    boxes = Boxes(monkeypatch)
    assert not documents.save(c)
    assert boxes.shown[0]["name"] == "saveErrorBox"
    assert "does not exist" in boxes.shown[0]["info"]
    assert c.is_modified()


def test_revert_is_one_undoable_step(window, saved_file, monkeypatch):
    c = documents.open_file(window, saved_file)
    original = orgd.dumps(c.design)
    _rename(c, "改名")
    c.push(ops.remove_units(c.design, ["mkt"]), "Delete")
    c.push(ops.SetProcess("japan.1", "done"), "Tick")
    edited = orgd.dumps(c.design)
    Boxes(monkeypatch, SB.Yes)
    assert documents.revert(c)
    assert orgd.dumps(c.design) == original
    assert not c.is_modified()
    c.undo_stack.undo()
    assert orgd.dumps(c.design) == edited and c.is_modified()


def test_revert_declined_or_unreadable_changes_nothing(window, saved_file, monkeypatch):
    c = documents.open_file(window, saved_file)
    _rename(c, "改名")
    edited = orgd.dumps(c.design)
    Boxes(monkeypatch, SB.Cancel)
    assert not documents.revert(c)
    saved_file.write_text("{broken", encoding="utf-8")
    boxes = Boxes(monkeypatch, SB.Yes)
    assert not documents.revert(c)
    assert boxes.shown[-1]["name"] == "loadErrorBox"
    assert orgd.dumps(c.design) == edited and c.is_modified()


def test_a_file_without_positions_opens_laid_out_and_modified(window, tmp_path, monkeypatch):
    """Every unit at (0, 0) (hand-written, another tool, never arranged): the file opens as
    the tidy chart, marked modified so the positions get saved; nothing else changes."""
    from orgdesigner.render.layout import compute_layout
    from orgdesigner.render.unplaced import needs_layout

    design = templates.load("model-3")
    for u in design.units.values():
        u.x = u.y = 0.0
    path = tmp_path / "no-positions.orgd"
    orgd.save(design, path)
    tidy = compute_layout(design)
    c = documents.open_file(window, path)
    assert c is not None and c.is_modified() and not needs_layout(c.design)
    assert {u: (v.x, v.y) for u, v in c.design.units.items()} == \
        {u: (round(x, 2), round(y, 2)) for u, (x, y) in tidy.positions.items()}
    assert list(c.design.flows) == list(design.flows)
    assert [v.name for v in c.design.units.values()] == [v.name for v in design.units.values()]
    assert documents.save(c) and not c.is_modified()
    assert not needs_layout(orgd.load(path))  # the positions were saved
    Boxes(monkeypatch, SB.Yes)
    orgd.save(design, path)  # reverting to a positionless file lays it out again
    assert documents.revert(c) and c.is_modified() and not needs_layout(c.design)


def test_an_arranged_file_opens_as_saved_and_clean(window, saved_file):
    c = documents.open_file(window, saved_file)
    assert not c.is_modified()
    assert orgd.dumps(c.design) == orgd.dumps(orgd.load(saved_file))


def test_new_document_from_template_is_untitled_and_clean(window):
    c = documents.new_document(window, "model-4")
    assert c.path is None and not c.is_modified()
    assert c.design.metadata.template == "model-4"
    assert len(c.design.units) == len(templates.load("model-4").units)
    blank = documents.new_document(window)
    assert not blank.design.units


def test_window_title_shows_name_and_modified_mark(window, saved_file):
    c = documents.open_file(window, saved_file)
    documents.apply_window_title(window, c)
    assert window.windowTitle().startswith(saved_file.name)
    assert not window.isWindowModified()
    _rename(c, "y")
    documents.apply_window_title(window, c)
    assert window.isWindowModified()


def _drop(widget: QWidget, paths: list[Path]) -> QDropEvent:
    """A real drag enter then drop, as Qt delivers them (a drop only reaches the widget
    that accepted the drag enter)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():  # PySide 6.12 deprecates the QPoint form 6.11 needs
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(5, 5), *args)
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(QPointF(5, 5), *args)
    QApplication.sendEvent(widget, event)
    return event


def test_dropping_orgd_files_reports_them(qtbot, saved_file, tmp_path):
    target = QWidget()
    qtbot.addWidget(target)
    target.setAcceptDrops(True)
    target.show()
    drop_filter = documents.FileDropFilter(target)
    target.installEventFilter(drop_filter)
    other = tmp_path / "table.csv"
    other.write_text("id,name\n")
    with qtbot.waitSignal(drop_filter.filesDropped) as sig:
        event = _drop(target, [saved_file, other])
    assert sig.args[0] == [saved_file]
    assert event.isAccepted()
    with qtbot.assertNotEmitted(drop_filter.filesDropped):
        _drop(target, [other])


def test_recent_files_menu_lists_existing_files(qtbot, saved_file, tmp_path):
    gone = tmp_path / "gone.orgd"
    gone.write_text("{}")
    settings.remember_file(gone)
    settings.remember_file(saved_file)
    gone.unlink()
    menu = documents.RecentFilesMenu()
    qtbot.addWidget(menu)
    names = [a.data() for a in menu.actions() if a.data()]
    assert names == [str(saved_file)]
    with qtbot.waitSignal(menu.fileChosen) as sig:
        menu.actions()[0].trigger()
    assert sig.args[0] == saved_file

"""Documents through the real window and its menus: open → edit → save → reopen, revert,
the start gallery, import as one undo step, files dropped on the window or the canvas."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from orgdesigner import settings, templates
from orgdesigner.formats import orgd
from orgdesigner.gui.dialogs import gallery
from orgdesigner.gui.dialogs.import_dialog import ImportDialog
from orgdesigner.model import ops

pytestmark = pytest.mark.gui
DATA = Path(__file__).parents[1] / "formats" / "data"
SB = QMessageBox.StandardButton


def _answer_boxes(monkeypatch, *answers: SB) -> list[str]:
    queue, shown = list(answers), []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.objectName())
        return int((queue.pop(0) if queue else SB.Ok).value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _dialog_returns(monkeypatch, name: str, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def test_open_edit_save_reopen_through_the_menus(window, tmp_path, monkeypatch):
    source = tmp_path / "グループ.orgd"
    orgd.save(templates.load("model-2"), source)
    _dialog_returns(monkeypatch, "getOpenFileName", source)
    window.act.open.trigger()
    ctrl = window.current_controller()
    assert ctrl.path == source.absolute() and not window.isWindowModified()
    assert window.windowTitle().startswith("グループ.orgd")
    uid = next(iter(ctrl.design.units))
    ctrl.select_units([uid], center=False)
    window.act.delete.trigger()
    assert window.isWindowModified()
    window.act.save.trigger()
    assert not window.isWindowModified() and not ctrl.is_modified()
    assert uid not in orgd.load(source).units
    # Save As… to a new name: the document follows the new file
    copy = tmp_path / "copy"
    _dialog_returns(monkeypatch, "getSaveFileName", copy)
    window.act.save_as.trigger()
    assert ctrl.path == tmp_path / "copy.orgd" and (tmp_path / "copy.orgd").exists()
    window.act.close.trigger()
    assert window.documents() == []
    window.menu_recent.rebuild()
    recent = [a for a in window.menu_recent.actions() if a.data()]
    assert recent[0].data() == str(tmp_path / "copy.orgd")
    recent[1].trigger()  # the original file, from Open Recent
    again = window.current_controller()
    assert again.path == source.absolute() and uid not in again.design.units
    assert len(again.scene.unit_items) == len(again.design.units)


def test_revert_through_the_menu_is_one_undo_step(window, tmp_path, monkeypatch):
    path = tmp_path / "r.orgd"
    orgd.save(templates.load("model-1"), path)
    ctrl = window.shell.open_path(path)
    saved = orgd.dumps(ctrl.design)
    ctrl.push(ops.UpdateUnit("csirt", {"name": "改名"}), "Rename")
    _answer_boxes(monkeypatch, SB.Yes)
    window.act.revert.trigger()
    assert orgd.dumps(ctrl.design) == saved and not window.isWindowModified()
    window.action_undo.trigger()
    assert ctrl.design.units["csirt"].name == "改名"


def test_close_tab_asks_and_cancel_keeps_the_document(window, monkeypatch):
    ctrl = window.open_design(templates.load("model-1"), None)
    ctrl.push(ops.UpdateMetadata({"author": "x"}), "Author")
    shown = _answer_boxes(monkeypatch, SB.Cancel, SB.Discard)
    window.tabs.tabCloseRequested.emit(0)
    assert window.documents() == [ctrl]
    window.tabs.tabCloseRequested.emit(0)
    assert window.documents() == [] and shown == ["unsavedChangesBox"] * 2


def test_gallery_choice_opens_a_template(window, monkeypatch):
    def choose(dialog):
        dialog.select("model-3")
        dialog.create()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gallery.StartGallery, "exec", choose)
    window.act.new_from_template.trigger()
    ctrl = window.current_controller()
    assert ctrl.path is None and not ctrl.is_modified()
    assert ctrl.design.metadata.template == "model-3"
    assert sorted(ctrl.design.units) == sorted(templates.load("model-3").units)


def test_gallery_closed_without_a_choice_opens_nothing(window, monkeypatch):
    monkeypatch.setattr(gallery.StartGallery, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert window.shell.new_from_template() is None
    assert window.documents() == []


def test_gallery_recent_and_open_choices(window, tmp_path, monkeypatch):
    path = tmp_path / "recent.orgd"
    orgd.save(templates.load("model-4"), path)
    c = window.shell.act_on_choice(gallery.GalleryChoice(gallery.RECENT, path=path))
    assert c.path == path.absolute()
    _dialog_returns(monkeypatch, "getOpenFileName", "")
    assert window.shell.act_on_choice(gallery.GalleryChoice(gallery.OPEN)) is None
    assert window.documents() == [c]


def test_import_merge_through_the_window_is_one_undo_step(window, monkeypatch):
    ctrl = window.open_design(templates.load("model-2"), None)
    before = orgd.dumps(ctrl.design)

    def merge(dialog):
        assert dialog.merge_button.isEnabled()
        dialog.merge_button.click()
        return dialog.result()

    _dialog_returns(monkeypatch, "getOpenFileName", DATA / "units_ja.csv")
    monkeypatch.setattr(ImportDialog, "exec", merge)
    window.act.import_table.trigger()
    assert window.documents() == [ctrl]
    assert len(ctrl.design.units) == 10 + 9 and ctrl.undo_stack.count() == 1
    assert window.action_undo.text().endswith("Import")
    window.action_undo.trigger()
    assert orgd.dumps(ctrl.design) == before


def test_import_as_new_document_through_the_window(window, monkeypatch):
    def new(dialog):
        dialog.new_button.click()
        return dialog.result()

    _dialog_returns(monkeypatch, "getOpenFileName", DATA / "units_en.csv")
    monkeypatch.setattr(ImportDialog, "exec", new)
    window.act.import_table.trigger()
    [ctrl] = window.documents()
    assert ctrl.path is None and len(ctrl.design.units) > 0


def _drop(widget: QWidget, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), *args)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(20, 20), *args)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_dropped_orgd_files_open_on_the_window_and_on_the_canvas(window, tmp_path):
    a, b = tmp_path / "a.orgd", tmp_path / "b.orgd"
    orgd.save(templates.load("model-1"), a)
    orgd.save(templates.load("model-2"), b)
    assert _drop(window, [a])
    assert [c.path for c in window.documents()] == [a.absolute()]
    viewport = window.current_view().viewport()
    assert _drop(viewport, [b])
    assert [c.path for c in window.documents()] == [a.absolute(), b.absolute()]
    other = tmp_path / "t.csv"
    other.write_text("id,name\n")
    assert not _drop(viewport, [other])
    assert len(window.documents()) == 2
    assert settings.load_settings().recent_files[:2] == [str(b.absolute()), str(a.absolute())]

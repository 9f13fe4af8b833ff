"""The shell: actions and shortcuts, palette, title and modified mark, open/save/close."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgdesigner import presets
from orgdesigner.formats import orgd
from orgdesigner.gui.canvas.interactions import PRESET_MIME
from orgdesigner.model import FlowKind


def test_actions_have_names_and_standard_shortcuts(window):
    def act(name: str) -> QAction:
        a = window.findChild(QAction, name)
        assert a is not None, name
        return a

    assert act("actionUndo").shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert act("actionCopy").shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert act("actionFind").shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert act("actionZoomIn").shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    for i, kind in enumerate(FlowKind, start=1):
        assert act(f"actionFlow_{kind.value}").shortcut() == QKeySequence(str(i))
    for name in ("actionRedo", "actionDelete", "actionDuplicate", "actionSelectAll",
                 "actionFitToWindow", "actionActualSize", "actionGrid", "actionSnap",
                 "actionAutoLayout", "actionConnectMode", "actionAlignLeft",
                 "actionDistributeH", "actionNewCompany", "actionSave", "actionOpen"):
        act(name)
    for menu in ("menu_file", "menu_edit", "menu_view", "menu_tools", "menu_help"):
        assert getattr(window, menu).actions() or menu in ("menu_tools",)


def test_palette_groups_filter_and_mime(window):
    pal = window.palette
    ids = pal.visible_preset_ids()
    assert ids == [p.id for p in presets.PRESETS]
    pal.filter.setText("jpcert")
    assert pal.visible_preset_ids() == ["jpcert"]
    pal.filter.setText("総務")
    assert pal.visible_preset_ids() == ["general_affairs"]
    pal.filter.clear()
    item = pal.tree.topLevelItem(0).child(0)
    mime = pal.tree.mimeData([item])
    assert bytes(mime.data(PRESET_MIME).data()) == b"management"
    assert not item.icon(0).isNull()


def test_palette_in_japanese():
    from orgdesigner.gui.panels.palette import Palette

    pal = Palette("ja")
    assert pal.tree.topLevelItem(0).text(0) == "経営層・役員"
    assert pal.tree.topLevelItem(1).child(0).text(0) == "情報システム運用部"


def test_title_shows_name_and_modified_mark(window, doc):
    ctrl, _ = doc
    assert window.windowTitle().startswith("Test[*]")
    assert not window.isWindowModified()
    ctrl.select_units(["it"], center=False)
    window.act.delete.trigger()
    assert window.isWindowModified()
    ctrl.undo_stack.undo()
    assert not window.isWindowModified()


def test_zoom_and_selection_in_status_bar(window, doc):
    ctrl, view = doc
    window.act.zoom_in.trigger()
    assert window.zoom_label.text() == "125 %"
    window.act.actual_size.trigger()
    assert window.zoom_label.text() == "100 %"
    ctrl.select_units(["it", "s"], center=False)
    assert window.selection_label.text() == "2 selected"


def test_save_as_open_and_reopen(window, doc, tmp_path, monkeypatch):
    ctrl, _ = doc
    target = tmp_path / "設計"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    ctrl.select_units(["s"], center=False)
    window.act.delete.trigger()
    window.act.save.trigger()  # no path yet: asks where
    saved = tmp_path / "設計.orgd"
    assert ctrl.path == saved and not ctrl.is_modified()
    assert "設計.orgd" in window.windowTitle()
    assert "s" not in orgd.load(saved).units
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.act.open.trigger()
    assert window.current_controller() is ctrl  # already open: activated, not reopened
    assert len(window.documents()) == 1


def test_open_broken_file_lists_problems(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.orgd"
    bad.write_text('{"format": "orgdesigner", "version": 1, "units": [{"id": "a"}]}',
                   encoding="utf-8")
    shown = {}

    def fake_exec(box):
        shown.update(text=box.text(), details=box.detailedText())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert window.shell.open_path(bad) is None
    assert "bad.orgd" in shown["text"] and "units[0]" in shown["details"]
    assert window.documents() == []


@pytest.mark.parametrize("answer, closes, saved", [
    (QMessageBox.StandardButton.Cancel, False, False),
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
])
def test_close_prompts_on_unsaved_changes(window, doc, tmp_path, monkeypatch, answer, closes,
                                          saved):
    ctrl, _ = doc
    path = tmp_path / "d.orgd"
    ctrl.set_path(path)
    ctrl.select_units(["it"], center=False)
    window.act.delete.trigger()
    asked = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.objectName()) or int(answer.value))
    window.act.close.trigger()
    assert asked == ["unsavedChangesBox"]
    assert (ctrl in window.documents()) is not closes
    assert path.exists() is saved


def test_open_path_and_new(window, tmp_path):
    from orgdesigner import templates

    path = tmp_path / "m1.orgd"
    orgd.save(templates.load("model-1"), path)
    window.act.new.trigger()
    blank = window.current_controller()
    ctrl = window.shell.open_path(path)
    assert ctrl is not None and ctrl.path == path
    assert blank not in window.documents()  # the untouched blank document was replaced
    assert len(ctrl.scene.unit_items) == len(ctrl.design.units)
    assert len(ctrl.scene.flow_items) == len(ctrl.design.flows)


def test_closed_document_is_deleted_without_signal_errors(window, qtbot):
    """Regression: the controller forwarded undo_stack.indexChanged through a lambda, which
    raised "Signal source has been deleted" when the stack emitted while being destroyed."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from orgdesigner import templates
    from orgdesigner.model import ops

    ctrl = window.open_design(templates.load("model-1"), None)
    for n in (2, 3, 4):
        assert ctrl.push(ops.UpdateUnit("csirt", {"headcount": n}), "Headcount")
    ctrl.undo_stack.undo()  # a stack with redo steps left, emitting as it is cleared
    gone = []
    ctrl.destroyed.connect(lambda *_: gone.append(True))
    window.remove_document(ctrl)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gone == [True] and window.documents() == []
    assert window.analysis.findings.controller is None

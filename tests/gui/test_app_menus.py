"""The integrated window: menus, actions and shortcuts, docks following the document,
settings applied at once, help, and the welcome page when nothing is open."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMessageBox

from orgdesigner import settings as settings_mod
from orgdesigner import templates
from orgdesigner.gui.dialogs import settings_dialog
from orgdesigner.model import ops

pytestmark = pytest.mark.gui
SK = QKeySequence.StandardKey


def _act(window, name: str) -> QAction:
    a = window.findChild(QAction, name)
    assert a is not None, name
    return a


FILE_MENU = ["actionNew", "actionNewFromTemplate", "actionOpen", "actionImport",
             "actionSave", "actionSaveAs", "actionRevert", "actionExportDiagram",
             "actionExportBudget", "actionPrintPreview", "actionPrint", "actionClose",
             "actionQuit"]


def test_file_menu_has_every_command_in_order(window):
    names = [a.objectName() for a in window.menu_file.actions() if a.objectName()]
    assert [n for n in names if n in FILE_MENU] == FILE_MENU
    recent = [a.menu() for a in window.menu_file.actions() if a.menu()]
    assert [m.objectName() for m in recent] == ["menuRecentFiles"]


@pytest.mark.parametrize("name, key", [
    ("actionNew", SK.New), ("actionOpen", SK.Open), ("actionSave", SK.Save),
    ("actionSaveAs", SK.SaveAs), ("actionClose", SK.Close), ("actionQuit", SK.Quit),
    ("actionPrint", SK.Print), ("actionSettings", SK.Preferences),
    ("actionHelpLegend", SK.HelpContents)])
def test_standard_shortcuts(window, name, key):
    shortcuts = _act(window, name).shortcuts()
    for binding in QKeySequence.keyBindings(key):  # the platform's own, whatever they are
        assert binding in shortcuts
    assert shortcuts, f"{name} has no shortcut on this platform"


def test_fixed_shortcuts_and_menus(window):
    assert _act(window, "actionNewFromTemplate").shortcut() == QKeySequence("Ctrl+Shift+N")
    assert QKeySequence("Ctrl+Q") in _act(window, "actionQuit").shortcuts()
    assert QKeySequence("Ctrl+W") in _act(window, "actionClose").shortcuts()
    assert _act(window, "actionSettings") in window.menu_tools.actions()
    help_names = [a.objectName() for a in window.menu_help.actions()]
    assert {"actionHelpLegend", "actionHelpModels", "actionAbout"} <= set(help_names)
    # one action per shortcut: an ambiguous shortcut triggers nothing in Qt
    seen: dict[str, str] = {}
    for a in window.findChildren(QAction):
        for s in a.shortcuts():
            key = s.toString()
            assert key not in seen or seen[key] == a.objectName(), (key, a.objectName(),
                                                                   seen.get(key))
            seen[key] = a.objectName()


def test_document_commands_disabled_without_a_document(window):
    assert window.central.currentWidget() is window.welcome
    for name in ("actionSave", "actionExportDiagram", "actionPrint", "actionRevert",
                 "actionExportBudget"):
        assert not _act(window, name).isEnabled(), name
    assert _act(window, "actionNew").isEnabled() and _act(window, "actionImport").isEnabled()
    ctrl = window.open_design(templates.load("model-1"), None)
    assert window.central.currentWidget() is window.tabs
    assert _act(window, "actionExportDiagram").isEnabled()
    ctrl.undo_stack.setClean()
    window.shell.close(ctrl)
    assert window.central.currentWidget() is window.welcome


def test_welcome_buttons_trigger_the_actions(window):
    texts = [b.defaultAction().objectName() for b in window.welcome.buttons]
    assert texts == ["actionNewFromTemplate", "actionNew", "actionOpen", "actionImport"]
    window.welcome.buttons[1].click()
    assert len(window.documents()) == 1 and window.current_controller().path is None


def test_findings_and_budget_docks_follow_the_current_document(window, qtbot):
    findings = window.findChild(QDockWidget, "findingsDock")
    budget = window.findChild(QDockWidget, "budgetDock")
    assert findings is not None and budget is not None
    assert findings.toggleViewAction() in window.menu_panels.actions()
    a = window.open_design(templates.load("model-1"), None)
    assert window.analysis.findings.controller is a and window.analysis.budget.ctrl is a
    b = window.open_design(templates.load("model-4"), None)
    assert window.analysis.findings.controller is b and window.analysis.budget.ctrl is b
    window.activate(a)
    assert window.analysis.findings.controller is a
    with qtbot.waitSignal(window.analysis.findings.refreshed, timeout=3000):
        a.push(ops.UpdateUnit("csirt", {"headcount": 6}), "Headcount")
    for c in (a, b):
        c.undo_stack.setClean()
        window.shell.close(c)
    assert window.analysis.findings.controller is None
    assert window.analysis.budget.ctrl is None


def test_settings_apply_at_once(window, monkeypatch):
    from orgdesigner.gui.shell.autosave import AutosaveManager

    window.autosave = AutosaveManager(window, 60)
    window.open_design(templates.load("model-1"), None)
    s = settings_mod.load_settings()
    new = dataclasses.replace(s, language="ja", autosave_interval_s=30)

    def accept(dialog):
        dialog.settings = new
        settings_mod.save_settings(new)
        dialog.applied.emit(new)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", accept)
    _act(window, "actionSettings").trigger()
    assert window.autosave.interval_s == 30
    assert window.lang == "ja" and window.analysis.findings.lang == "ja"
    assert window.analysis.budget.overrides == new
    assert window.palette.tree.topLevelItem(0).text(0) == "経営層・役員"
    assert window.act.flow_kinds[next(iter(window.act.flow_kinds))].text().endswith(
        next(iter(window.act.flow_kinds)).label("ja"))
    # documents opened from now on use the new language
    assert window.shell.new().lang == "ja"


def test_help_pages_and_about(window, monkeypatch):
    _act(window, "actionHelpModels").trigger()
    help_dialog = window.shell._help
    assert help_dialog.isVisible() and help_dialog.tabs.currentIndex() == 1
    _act(window, "actionHelpLegend").trigger()
    assert window.shell._help is help_dialog and help_dialog.tabs.currentIndex() == 0
    help_dialog.close()
    QApplication.processEvents()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.objectName()) or 0)
    _act(window, "actionAbout").trigger()
    assert shown == ["aboutBox"]


def test_quit_asks_about_each_modified_document_and_cancel_keeps_all(window, monkeypatch):
    a = window.open_design(templates.load("model-1"), None)
    b = window.open_design(templates.load("model-2"), None)
    c = window.open_design(templates.load("model-3"), None)
    for ctrl in (a, c):
        ctrl.push(ops.UpdateMetadata({"author": "試験"}), "Author")
    asked = []
    answers = [QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel]

    def fake_exec(box):
        asked.append((box.objectName(), window.current_controller()))
        return int(answers.pop(0).value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not window.close()  # Cancel on the second modified document
    assert asked == [("unsavedChangesBox", a), ("unsavedChangesBox", c)]  # b is clean
    assert window.documents() == [a, b, c] and window.isVisible()

"""app.start: what comes up after the window — settings warnings, recovery, the files given
or the start gallery — and autosave running with the interval from the settings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from orgdesigner import autosave, paths, settings, templates
from orgdesigner.formats import orgd
from orgdesigner.gui.dialogs import gallery, recovery
from orgdesigner.gui.shell import app

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append(box.objectName()) or
                        int(QMessageBox.StandardButton.Ok.value))
    return shown


@pytest.fixture
def no_gallery(monkeypatch):
    monkeypatch.setattr(gallery.StartGallery, "exec",
                        lambda d: pytest.fail("the start gallery was shown"))


def _stop(window) -> None:
    window.autosave.shutdown()


def test_files_given_open_directly_and_autosave_starts(window, tmp_path, no_gallery, boxes):
    a, b = tmp_path / "a.orgd", tmp_path / "b.orgd"
    orgd.save(templates.load("model-1"), a)
    orgd.save(templates.load("model-2"), b)
    s = settings.Settings(autosave_interval_s=120)
    app.start(window, s, [str(a), str(b)])
    assert [c.path for c in window.documents()] == [a.absolute(), b.absolute()]
    assert window.autosave is not None and window.autosave.interval_s == 120
    assert boxes == []
    ctrl = window.current_controller()
    assert ctrl.push(orgd_ops_rename(), "Rename")
    assert window.autosave.save_now() == 1  # the manager sees the window's documents
    _stop(window)


def orgd_ops_rename():
    from orgdesigner.model import ops

    return ops.UpdateMetadata({"title": "起動後の変更"})


def test_no_files_shows_the_gallery_and_its_choice_opens(window, monkeypatch):
    def choose(dialog):
        dialog.select("model-4")
        dialog.create()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gallery.StartGallery, "exec", choose)
    app.start(window, settings.Settings(), [])
    [ctrl] = window.documents()
    assert ctrl.design.metadata.template == "model-4" and ctrl.path is None
    _stop(window)


def test_unreadable_file_given_reports_and_leaves_the_welcome_page(window, tmp_path,
                                                                   no_gallery, boxes):
    bad = tmp_path / "bad.orgd"
    bad.write_text("{not json", encoding="utf-8")
    app.start(window, settings.Settings(), [str(bad)])
    assert boxes == ["loadErrorBox"] and window.documents() == []
    assert window.central.currentWidget() is window.welcome
    assert "Nothing could be opened" in window.statusBar().currentMessage()
    _stop(window)


def test_corrupt_settings_are_reported_once(window, boxes, monkeypatch):
    monkeypatch.setattr(gallery.StartGallery, "exec", lambda d: QDialog.DialogCode.Rejected)
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / settings.FILE_NAME).write_text("{broken", encoding="utf-8")
    s = settings.load_settings()
    assert s.warnings
    app.start(window, s, [])
    assert boxes == ["settingsWarningBox"]
    assert window.autosave.interval_s == settings.DEFAULT_AUTOSAVE_S
    _stop(window)


def test_crash_recovery_is_offered_first_and_replaces_the_gallery(window, no_gallery,
                                                                  monkeypatch):
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    design = templates.load("model-3")
    entry = autosave.write(design, "crashed", title="crashed", session=f"s{p.pid}xdead")
    meta = json.loads(entry.sidecar.read_text())
    meta.update(pid=p.pid, pid_start=None)
    entry.sidecar.write_text(json.dumps(meta))

    def recover(dialog):
        dialog.recover_button.click()
        return dialog.result()

    monkeypatch.setattr(recovery.RecoveryDialog, "exec", recover)
    app.start(window, settings.Settings(), [])
    [ctrl] = window.documents()
    assert orgd.dumps(ctrl.design) == orgd.dumps(design) and ctrl.is_modified()
    assert window.isWindowModified()
    assert autosave.orphans() == []
    assert window.autosave.save_now() == 1  # the recovered document is protected again
    _stop(window)


def test_fit_to_screen_uses_the_screen_up_to_the_window_minimum(window):
    window.resize(300, 200)
    app.fit_to_screen(window)
    area = window.screen().availableGeometry()
    least = window.minimumSizeHint()
    assert window.width() == max(least.width(), min(1680, int(area.width() * 0.94)))
    assert window.height() == max(least.height(), min(1050, int(area.height() * 0.94)))
    assert window.x() >= area.x() and window.y() >= area.y()  # title bar reachable

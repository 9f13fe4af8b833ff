"""AutosaveManager and the recovery dialog, including a real app process killed with SIGKILL."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from orgdesigner import autosave, paths, templates
from orgdesigner.formats import orgd
from orgdesigner.gui.dialogs import recovery
from orgdesigner.gui.shell.autosave import AutosaveManager
from orgdesigner.model import ops
from tests.gui.shell_standin import StandInWindow

pytestmark = pytest.mark.gui




def _files() -> list[str]:
    folder = paths.autosave_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def window(qtbot):
    w = StandInWindow()
    qtbot.addWidget(w)
    yield w
    w.dispose()


def _edit(controller, n: int = 1) -> None:
    assert controller.push(ops.UpdateUnit("csirt", {"headcount": n}), "Headcount")


def test_only_modified_documents_are_written_and_clean_ones_removed(window):
    a = window.open_design(templates.load("model-1"), None)
    b = window.open_design(templates.load("model-2"), None)
    m = AutosaveManager(window, interval_s=3600)
    assert m.save_now() == 0 and _files() == []
    _edit(a, 3)
    assert m.save_now() == 1
    snap = m.snapshot_path(a)
    assert snap is not None and snap.exists() and m.snapshot_path(b) is None
    assert orgd.load(snap).units["csirt"].headcount == 3
    assert m.save_now() == 0  # nothing changed since
    _edit(a, 4)
    assert m.save_now() == 1
    assert orgd.load(snap).units["csirt"].headcount == 4
    a.undo_stack.undo()
    a.undo_stack.undo()  # back to the opened state: clean, nothing to recover
    assert not a.is_modified() and not snap.exists()
    assert _files() == []


def test_saving_removes_the_snapshot_and_a_later_edit_writes_again(window):
    a = window.open_design(templates.load("model-1"), None)
    m = AutosaveManager([a], interval_s=3600)
    _edit(a)
    m.save_now()
    assert len(_files()) == 2  # snapshot + sidecar
    a.undo_stack.setClean()
    assert _files() == []
    _edit(a, 9)
    assert m.save_now() == 1 and len(_files()) == 2


def test_closing_and_clean_quit_remove_snapshots_but_not_other_sessions(window):
    a = window.open_design(templates.load("model-1"), None)
    b = window.open_design(templates.load("model-3"), None)
    autosave.write(templates.load("model-4"), "x", session="s1xforeign")
    m = AutosaveManager(window, interval_s=3600)
    _edit(a)
    b.push(ops.UpdateMetadata({"title": "B 変更"}), "Title")
    assert m.save_now() == 2
    m.untrack(a)
    assert m.snapshot_path(b).exists()
    assert sum(1 for e in autosave.entries() if e.session == m.session) == 1
    m.shutdown()
    assert [e.session for e in autosave.entries()] == ["s1xforeign"]


def test_timer_and_idle_trigger_write_without_being_asked(qtbot, window):
    a = window.open_design(templates.load("model-1"), None)
    m = AutosaveManager(window, interval_s=0.2)
    _edit(a)
    with qtbot.waitSignal(m.written, timeout=3000) as sig:
        pass
    assert sig.args == [1]
    m.set_interval(3600)
    m._idle.setInterval(50)
    _edit(a, 7)
    with qtbot.waitSignal(m.written, timeout=3000):
        pass
    assert orgd.load(m.snapshot_path(a)).units["csirt"].headcount == 7


def test_interval_zero_turns_autosave_off(qtbot, window):
    a = window.open_design(templates.load("model-1"), None)
    m = AutosaveManager(window, interval_s=0, idle_ms=10)
    _edit(a)
    with qtbot.assertNotEmitted(m.written, wait=300):
        pass
    assert _files() == []


def test_documents_opened_later_are_picked_up(window):
    m = AutosaveManager(window, interval_s=3600)
    c = window.open_design(templates.load("model-2"), None)
    c.push(ops.UpdateMetadata({"title": "後から開いた"}), "Title")
    assert m.save_now() == 1
    [entry] = autosave.entries()
    assert entry.load().metadata.title == "後から開いた"


def test_unwritable_autosave_folder_reports_failure(window, qtbot):
    a = window.open_design(templates.load("model-1"), None)
    blocker = paths.autosave_dir()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be")
    m = AutosaveManager(window, interval_s=3600)
    _edit(a)
    with qtbot.waitSignal(m.failed) as sig:
        assert m.save_now() == 0
    assert "Autosave failed" in sig.args[0]


# ---- recovery dialog ------------------------------------------------------------------------

def _orphan(design, doc: str, original: Path | None = None) -> autosave.AutosaveEntry:
    """An autosave left by a process that no longer exists."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    entry = autosave.write(design, doc, original=original, title=doc, session=f"s{p.pid}xdead")
    meta = json.loads(entry.sidecar.read_text())
    meta.update(pid=p.pid, pid_start=None)
    entry.sidecar.write_text(json.dumps(meta))
    return entry


def _answer(monkeypatch, button: str, uncheck: tuple[int, ...] = ()):
    def fake_exec(dialog):
        for row in uncheck:
            dialog.tree.topLevelItem(row).setCheckState(0, recovery.Qt.CheckState.Unchecked)
        getattr(dialog, button).click()
        return dialog.result()

    monkeypatch.setattr(recovery.RecoveryDialog, "exec", fake_exec)


def test_recover_opens_modified_documents_with_their_original_path(window, monkeypatch,
                                                                   tmp_path):
    d1 = templates.load("model-1")
    ops.UpdateUnit("csirt", {"name": "復旧する CSIRT"}).apply(d1)
    _orphan(d1, "one", tmp_path / "one.orgd")
    _orphan(templates.load("model-2"), "two")
    _answer(monkeypatch, "recover_button", uncheck=(1,) if
            autosave.orphans()[1].doc == "two" else (0,))
    [c] = recovery.offer_recovery(window)
    assert orgd.dumps(c.design) == orgd.dumps(d1)
    assert c.path == tmp_path / "one.orgd" and c.is_modified()
    assert [e.doc for e in autosave.orphans()] == ["two"]  # unchecked one stays for later


def test_discard_and_later(window, monkeypatch):
    _orphan(templates.load("model-1"), "a")
    _answer(monkeypatch, "later_button")
    assert recovery.offer_recovery(window) == []
    assert len(autosave.orphans()) == 1
    _answer(monkeypatch, "discard_button")
    assert recovery.offer_recovery(window) == []
    assert autosave.orphans() == [] and window.controllers() == []


def test_no_orphans_no_dialog(window, monkeypatch):
    monkeypatch.setattr(recovery.RecoveryDialog, "exec",
                        lambda self: pytest.fail("dialog shown without orphans"))
    assert recovery.offer_recovery(window) == []


def test_unreadable_snapshot_is_reported_and_kept(window, monkeypatch):
    entry = _orphan(templates.load("model-1"), "bad")
    entry.snapshot.write_text("{broken", encoding="utf-8")
    _answer(monkeypatch, "recover_button")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    assert recovery.offer_recovery(window) == []
    assert shown and "not valid JSON" in shown[0]
    assert len(autosave.orphans()) == 1


def test_dialog_buttons_follow_the_checks(qtbot):
    entry = _orphan(templates.load("model-1"), "x")
    dialog = recovery.RecoveryDialog([entry])
    qtbot.addWidget(dialog)
    assert dialog.recover_button.isEnabled()
    dialog.tree.topLevelItem(0).setCheckState(0, recovery.Qt.CheckState.Unchecked)
    assert not dialog.recover_button.isEnabled() and not dialog.discard_button.isEnabled()
    assert dialog.checked_entries() == []


# ---- a real app process, killed -----------------------------------------------------------

_APP_CHILD = textwrap.dedent("""
    # The real start-up (app.run: settings, recovery, the file given, autosave), then edits
    # until killed. Only the autosave interval is shortened, so the test takes seconds.
    import hashlib, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from orgdesigner.formats import orgd
    from orgdesigner.model import ops
    from orgdesigner.gui.shell import app as gui_app
    from orgdesigner.gui.shell.main_window import MainWindow

    def begin():
        try:
            start_editing()
        except BaseException as exc:  # report and end: never leave the test waiting
            print("error", type(exc).__name__, exc, flush=True)
            os._exit(3)

    def start_editing():
        [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        controller = window.current_controller()
        assert controller is not None and window.autosave is not None
        window.autosave.set_interval(0.15)
        window.autosave.written.connect(lambda n: print("wrote", n, flush=True))
        units = list(controller.design.units)
        count = [0]
        def edit():
            count[0] += 1
            uid = units[count[0] % len(units)]
            controller.push(ops.UpdateUnit(uid, {"name": f"編集 {count[0]}"}), "Rename")
            h = hashlib.sha256(orgd.dumps(controller.design).encode()).hexdigest()
            print("state", h, flush=True)
        timer = QTimer(window)
        timer.timeout.connect(edit)
        timer.start(30)
        print("pid", os.getpid(), flush=True)

    QTimer.singleShot(0, begin)  # runs once app.run has started the event loop
    QTimer.singleShot(60000, lambda: os._exit(4))  # a watchdog, should the test not kill
    sys.exit(gui_app.run([sys.argv[1]]))
""")


def test_real_app_killed_with_sigkill_is_recovered(window, monkeypatch, tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    from orgdesigner import synthetic

    design_file = tmp_path / "big.orgd"
    orgd.save(synthetic.generate(200), design_file)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # ORGDESIGNER_HOME: this test's
    proc = subprocess.Popen([sys.executable, "-c", _APP_CHILD, str(design_file)],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    lines: list[list[str]] = []
    deadline = time.monotonic() + 90
    while sum(1 for w in lines if w[0] == "wrote") < 3:
        line = proc.stdout.readline()
        assert line and time.monotonic() < deadline, f"child stopped: {lines[-3:]}"
        lines.append(line.split())
    os.kill(proc.pid, signal.SIGKILL)  # while it keeps editing and autosaving
    proc.wait()
    lines += [line.split() for line in proc.stdout.read().splitlines()]
    states = [w[1] for w in lines if w[0] == "state"]
    # the snapshot is of a state at or after the one before the last "wrote"
    last = max(i for i, w in enumerate(lines) if w[0] == "wrote")
    before = sum(1 for w in lines[:last] if w[0] == "state")
    acceptable = set(states[max(0, before - 1):])

    [orphan] = autosave.orphans()
    assert orphan.pid == proc.pid
    _answer(monkeypatch, "recover_button")
    [c] = recovery.offer_recovery(window)
    recovered = hashlib.sha256(orgd.dumps(c.design).encode()).hexdigest()
    assert recovered in acceptable
    assert c.is_modified() and c.path == design_file.absolute()
    assert autosave.orphans() == []


# ---- large designs: built in slices, written by a thread ------------------------------------

def _big(window, monkeypatch, units: int = 120):
    """A generated group treated as 'large' (thresholds lowered so the test stays small)."""
    from orgdesigner.formats import orgd_steps
    from orgdesigner.gui.shell import autosave as shell_autosave
    from orgdesigner.synthetic import generate
    monkeypatch.setattr(shell_autosave, "BIG", 50)
    monkeypatch.setattr(shell_autosave, "SLICE_S", 0.0)  # one step per event-loop pass
    monkeypatch.setattr(orgd_steps, "CHUNK", 10)
    monkeypatch.setattr(orgd_steps, "ROWS", 7)
    return window.open_design(generate(units), None)


def _rename(controller, text: str) -> str:
    uid = sorted(controller.design.units)[3]
    assert controller.push(ops.UpdateUnit(uid, {"name": text}), "Rename")
    return uid


def test_a_large_design_is_snapshotted_in_slices_and_written_by_a_thread(window, qtbot,
                                                                         monkeypatch):
    c = _big(window, monkeypatch)
    m = AutosaveManager(window, interval_s=3600)
    written: list[int] = []
    m.written.connect(written.append)
    uid = _rename(c, "Slice A")
    assert m.save_now() == 0 and m.pending()  # nothing written on the spot
    qtbot.waitUntil(lambda: not m.pending(), timeout=20000)
    assert written == [1]
    snap = m.snapshot_path(c)
    assert snap is not None and snap.read_text(encoding="utf-8") == orgd.dumps(c.design)
    assert orgd.load(snap).units[uid].name == "Slice A"
    assert m.save_now() == 0 and not m.pending()  # nothing changed since


def test_an_edit_while_the_model_is_read_drops_the_half_built_snapshot(window, qtbot,
                                                                        monkeypatch):
    c = _big(window, monkeypatch)
    m = AutosaveManager(window, interval_s=3600)
    _rename(c, "First")
    m.save_now()
    job = next(iter(m._jobs.values()))
    # a few slices in (still reading the model), the user edits again
    for _ in range(3):
        m._work()
    assert job.reading_model and m.pending()
    uid = _rename(c, "Second")
    m._work()
    assert not m.pending() and m.snapshot_path(c) is None  # the mixed state is never written
    assert m.save_now() == 0 and m.pending()
    qtbot.waitUntil(lambda: not m.pending(), timeout=20000)
    snap = m.snapshot_path(c)
    assert snap is not None and orgd.load(snap).units[uid].name == "Second"
    assert snap.read_text(encoding="utf-8") == orgd.dumps(c.design)


def test_a_snapshot_finished_after_the_document_was_saved_is_removed(window, qtbot,
                                                                     monkeypatch):
    c = _big(window, monkeypatch)
    m = AutosaveManager(window, interval_s=3600)
    _rename(c, "Soon saved")
    m.save_now()
    while m.pending() and next(iter(m._jobs.values())).thread is None:
        m._work()  # until the text is handed to the writer thread
    c.undo_stack.setClean()  # the user saved meanwhile
    qtbot.waitUntil(lambda: not m.pending(), timeout=20000)
    assert m.snapshot_path(c) is None and not [f for f in _files() if f.endswith(".orgd")]

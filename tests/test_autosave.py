"""Autosave core: snapshots, orphan detection by pid, recovery after a SIGKILL."""

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

from orgdesigner import autosave, paths, synthetic, templates
from orgdesigner.formats import orgd
from orgdesigner.model import Unit, UnitKind, ops


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_write_creates_snapshot_and_sidecar_in_the_data_dir(tmp_path: Path):
    d = templates.load("model-1")
    entry = autosave.write(d, "d1", original=tmp_path / "会社.orgd", title="会社")
    assert entry.snapshot.parent == paths.autosave_dir()
    assert entry.snapshot.read_text(encoding="utf-8") == orgd.dumps(d)
    meta = json.loads(entry.sidecar.read_text(encoding="utf-8"))
    assert meta["pid"] == os.getpid() and meta["title"] == "会社"
    assert meta["original"] == str((tmp_path / "会社.orgd").absolute())
    [listed] = autosave.entries()
    assert listed == entry


def test_own_session_is_never_an_orphan():
    autosave.write(templates.load("model-2"), "d1")
    assert autosave.entries() and autosave.orphans() == []


def test_dead_session_is_an_orphan_and_recovers_exactly():
    d = templates.load("model-2")
    d.add_unit(Unit("new1", "新しい部署", UnitKind.SECTION))
    entry = autosave.write(d, "d7", session=f"s{_dead_pid()}xdeadbeef", title="x")
    # rewrite the sidecar's pid as the writer would have had it (a dead process)
    meta = json.loads(entry.sidecar.read_text())
    meta["pid"] = int(entry.session[1:].split("x")[0])
    entry.sidecar.write_text(json.dumps(meta))
    [orphan] = autosave.orphans()
    assert orphan.doc == "d7"
    assert orgd.dumps(orphan.load()) == orgd.dumps(d)
    orphan.discard()
    assert autosave.entries() == []


def test_living_foreign_process_is_not_an_orphan():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        entry = autosave.write(templates.load("model-1"), "d1", session=f"s{child.pid}xabc")
        meta = json.loads(entry.sidecar.read_text())
        meta.update(pid=child.pid, pid_start=autosave._start_time(child.pid))
        entry.sidecar.write_text(json.dumps(meta))
        assert autosave.orphans() == []
    finally:
        child.kill()
        child.wait()
    assert [e.doc for e in autosave.orphans()] == ["d1"]


def test_reused_pid_with_other_start_time_counts_as_dead():
    if autosave._start_time(os.getpid()) is None:
        pytest.skip("no /proc start times on this platform")
    assert autosave.pid_alive(os.getpid(), autosave._start_time(os.getpid()))
    assert not autosave.pid_alive(os.getpid(), autosave._start_time(os.getpid()) + 1)
    assert not autosave.pid_alive(_dead_pid())


def test_remove_and_remove_session_leave_other_sessions():
    d = templates.load("model-1")
    autosave.write(d, "a")
    autosave.write(d, "b")
    autosave.write(d, "c", session="s1xother")
    autosave.remove("a")
    assert sorted(e.doc for e in autosave.entries()) == ["b", "c"]
    autosave.remove_session()
    assert [e.doc for e in autosave.entries()] == ["c"]


def test_rewrite_replaces_the_previous_snapshot():
    d = templates.load("model-1")
    autosave.write(d, "a")
    ops.UpdateUnit("csirt", {"name": "改名した CSIRT"}).apply(d)
    autosave.write(d, "a")
    [entry] = autosave.entries()
    assert entry.load().units["csirt"].name == "改名した CSIRT"
    assert len(list(paths.autosave_dir().iterdir())) == 2


def test_snapshot_without_sidecar_is_still_offered():
    d = templates.load("model-1")
    pid = _dead_pid()
    entry = autosave.write(d, "d3", session=f"s{pid}xfeed")
    entry.sidecar.unlink()
    [orphan] = autosave.orphans()
    assert orphan.pid == pid and orphan.doc == "d3"
    assert orgd.dumps(orphan.load()) == orgd.dumps(d)


def test_unreadable_sidecar_and_stray_files_are_ignored():
    folder = paths.autosave_dir()
    folder.mkdir(parents=True)
    (folder / "junk.json").write_text("{nope")
    (folder / "notes.txt").write_text("x")
    assert autosave.entries() == []


_CHILD = textwrap.dedent("""
    import hashlib, sys, time
    from orgdesigner import autosave, synthetic
    from orgdesigner.formats import orgd
    from orgdesigner.model import ops
    design = synthetic.generate(300)
    units = list(design.units)
    i = 0
    while True:
        i += 1
        ops.UpdateUnit(units[i % len(units)], {"name": f"編集 {i}"}).apply(design)
        text = orgd.dumps(design)
        h = hashlib.sha256(text.encode()).hexdigest()
        print("about", h, flush=True)
        autosave.write(design, "doc1", original=sys.argv[1], title="合成")
        print("wrote", h, flush=True)
        time.sleep(0.01)
""")


def test_recovery_after_sigkill_mid_work(tmp_path: Path):
    """A real process edits and autosaves in a loop; SIGKILL it; the parent recovers the
    last snapshot it completed (or the one it was writing), byte for byte."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    original = tmp_path / "グループ.orgd"
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(original)],
                            stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    lines: list[tuple[str, str]] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while sum(1 for k, _ in lines if k == "wrote") < 5 and time.monotonic() < deadline:
        kind, h = proc.stdout.readline().split()
        lines.append((kind, h))
    # it is writing snapshots continuously; kill it in the middle of that work
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    lines += [tuple(line.split()) for line in proc.stdout.read().splitlines()]  # type: ignore
    last_wrote = max(i for i, (k, _) in enumerate(lines) if k == "wrote")
    acceptable = {lines[last_wrote][1]}
    if last_wrote + 1 < len(lines):
        acceptable.add(lines[last_wrote + 1][1])  # killed while writing this one

    [orphan] = autosave.orphans()
    assert orphan.pid == proc.pid
    assert orphan.original == original and orphan.title == "合成"
    text = orgd.dumps(orphan.load())
    assert _sha(text) in acceptable
    recovered = orphan.load()
    assert len(recovered.units) == len(synthetic.generate(300).units)
    assert any(u.name.startswith("編集 ") for u in recovered.units.values())
    orphan.discard()
    assert autosave.orphans() == []

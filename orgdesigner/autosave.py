"""Autosave and crash recovery (no Qt).

Each running app is a *session* (`SESSION`). For each open document with unsaved changes it
writes `autosave_dir()/<session>-<doc>.orgd` (a full `.orgd` snapshot) and beside it
`<session>-<doc>.json` (original path, title, time, pid). Both are written atomically, the
snapshot first, so a sidecar always points at a complete snapshot. A clean close removes
both. Whatever is left by a process that is no longer running is an *orphan*: the next start
lists it and offers to recover or discard it.

A pid alone can be reused by an unrelated process after a crash, so on Linux the sidecar
also records the process start time (from /proc) and a pid whose start time differs counts
as dead.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .formats import orgd
from .formats.atomic import atomic_write, clean_stale
from .model import Design

SUFFIX = ".orgd"
SIDECAR = ".json"
_SAFE = re.compile(r"[^A-Za-z0-9_]")


def _start_time(pid: int) -> int | None:
    """The process start time in clock ticks since boot (Linux), else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    try:
        return int(stat[stat.rindex(")") + 2:].split()[19])
    except (ValueError, IndexError):
        return None


def pid_alive(pid: int, start_time: int | None = None) -> bool:
    """Is process `pid` running (and, if `start_time` is known, the same process)?"""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _win_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    if start_time is not None:
        now = _start_time(pid)
        if now is not None and now != start_time:
            return False
    if Path(f"/proc/{pid}/stat").exists():
        with contextlib.suppress(OSError):
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state == "Z":  # zombie: dead, only waiting to be reaped
                return False
    return True


def _win_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return bool(ok) and code.value == 259  # STILL_ACTIVE


def new_session_id() -> str:
    return f"s{os.getpid()}x{uuid.uuid4().hex[:8]}"


#: This process's session; every autosave written by this process carries it.
SESSION = new_session_id()


@dataclass(frozen=True)
class AutosaveEntry:
    snapshot: Path
    session: str
    doc: str
    pid: int
    original: Path | None
    title: str
    saved_at: float  # seconds since the epoch
    pid_start: int | None = None

    @property
    def sidecar(self) -> Path:
        return self.snapshot.with_suffix(SIDECAR)

    def display_name(self) -> str:
        if self.original is not None:
            return self.original.name
        return self.title or "Untitled"

    def saved_at_text(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))

    def load(self) -> Design:
        """The saved design; raises `orgd.LoadError` if the snapshot cannot be read."""
        return orgd.load(self.snapshot)

    def discard(self) -> None:
        for p in (self.snapshot, self.sidecar):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()

    def is_orphan(self) -> bool:
        if self.session == SESSION:
            return False
        return not pid_alive(self.pid, self.pid_start)


def _stem(session: str, doc: str) -> str:
    return f"{_SAFE.sub('_', session)}-{_SAFE.sub('_', doc)}"


def _folder(directory: Path | None) -> Path:
    return directory if directory is not None else paths.autosave_dir()


#: Org charts are confidential: autosaves and recovery data are readable by the user only.
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) and make it the user's alone."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    with contextlib.suppress(OSError):
        if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER:
            os.chmod(folder, PRIVATE_FOLDER)


def snapshot_path(doc: str, *, session: str = SESSION, directory: Path | None = None) -> Path:
    """Where the snapshot of document `doc` of `session` is (or would be) written."""
    return _folder(directory) / (_stem(session, doc) + SUFFIX)


def write(design: Design, doc: str, *, original: str | os.PathLike | None = None,
          title: str = "", session: str = SESSION, directory: Path | None = None
          ) -> AutosaveEntry:
    """Snapshot `design` for document `doc` of `session`; replaces the previous snapshot.

    Raises `atomic.WriteError` (an OSError) if the folder cannot be written.
    """
    return write_text(orgd.dumps(design), doc, original=original, title=title,
                      session=session, directory=directory)


def write_text(text: str, doc: str, *, original: str | os.PathLike | None = None,
               title: str = "", session: str = SESSION, directory: Path | None = None
               ) -> AutosaveEntry:
    """`write` for a design already turned into .orgd text (the app builds a large design's
    text in slices: formats/orgd_steps.py). Safe to call from a worker thread."""
    snapshot = snapshot_path(doc, session=session, directory=directory)
    private_folder(snapshot.parent)
    entry = AutosaveEntry(
        snapshot=snapshot, session=session, doc=doc, pid=os.getpid(),
        original=Path(original).absolute() if original else None, title=title,
        saved_at=time.time(), pid_start=_start_time(os.getpid()))
    atomic_write(snapshot, text, mode=PRIVATE_FILE)
    meta = {"session": session, "doc": doc, "pid": entry.pid, "pid_start": entry.pid_start,
            "original": str(entry.original) if entry.original else None, "title": title,
            "saved_at": entry.saved_at}
    atomic_write(entry.sidecar, json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                 mode=PRIVATE_FILE)
    return entry


def remove(doc: str, *, session: str = SESSION, directory: Path | None = None) -> None:
    """Forget the autosave of one document (its changes were saved or deliberately dropped)."""
    stem = _stem(session, doc)
    folder = _folder(directory)
    for p in (folder / (stem + SUFFIX), folder / (stem + SIDECAR)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def remove_session(*, session: str = SESSION, directory: Path | None = None) -> None:
    """A clean quit: remove every autosave of this session."""
    for entry in entries(directory):
        if entry.session == session:
            entry.discard()


def _read_entry(sidecar: Path) -> AutosaveEntry | None:
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        snapshot = sidecar.with_suffix(SUFFIX)
        if not snapshot.is_file():
            return None
        return AutosaveEntry(
            snapshot=snapshot, session=str(meta["session"]), doc=str(meta["doc"]),
            pid=int(meta["pid"]), original=Path(meta["original"]) if meta.get("original")
            else None, title=str(meta.get("title", "")), saved_at=float(meta["saved_at"]),
            pid_start=int(meta["pid_start"]) if meta.get("pid_start") is not None else None)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _entry_without_sidecar(snapshot: Path) -> AutosaveEntry | None:
    """A snapshot whose sidecar was never written (killed between the two writes)."""
    m = re.fullmatch(r"(s(\d+)x[0-9a-f]+)-(\w+)", snapshot.stem)
    if not m:
        return None
    try:
        mtime = snapshot.stat().st_mtime
    except OSError:
        return None
    return AutosaveEntry(snapshot=snapshot, session=m.group(1), doc=m.group(3),
                         pid=int(m.group(2)), original=None, title="", saved_at=mtime)


def entries(directory: Path | None = None) -> list[AutosaveEntry]:
    """Every autosave in the folder (any session), newest first."""
    folder = _folder(directory)
    if not folder.is_dir():
        return []
    out: list[AutosaveEntry] = []
    for p in folder.iterdir():
        if p.name.startswith("."):
            continue
        if p.suffix == SIDECAR:
            entry = _read_entry(p)
        elif p.suffix == SUFFIX and not p.with_suffix(SIDECAR).exists():
            entry = _entry_without_sidecar(p)
        else:
            continue
        if entry is not None:
            out.append(entry)
    out.sort(key=lambda e: (-e.saved_at, e.snapshot.name))
    return out


def orphans(directory: Path | None = None) -> list[AutosaveEntry]:
    """Autosaves left by processes that are no longer running: candidates for recovery.
    (Asked once at start: the temporary files of killed autosaves are removed here too.)"""
    folder = _folder(directory)
    if folder.is_dir():
        clean_stale(folder)
    return [e for e in entries(directory) if e.is_orphan()]

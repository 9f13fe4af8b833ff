"""Atomic writes: a save either completes or leaves the previous file untouched.

Write to a temporary file in the target's folder, fsync, then `os.replace` it over the
target. The previous file can be kept as `NAME.bak`, itself put in place by a rename (a hard
link to the old file, or a copy where links are not supported), so a kill at any moment
leaves a whole `.bak` or the previous one, and a symlink planted at `NAME.bak` is replaced,
never followed. Temporary files are named `.NAME.<pid>-<random>.tmp`: one left behind by a
killed save is removed by the next save into that folder (`clean_stale`).

Permissions: a new file gets what the umask allows (`0666 & ~umask`), an existing file keeps
its mode, and private files (autosaves) ask for `mode=0o600`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ..messages import BilingualError, msg


class WriteError(BilingualError, OSError):
    """The target could not be written; the message says why in one line (`text("ja")`
    in Japanese)."""


#: Our temporary files: `.NAME.<pid>-<random>.tmp` (and `.NAME.<random>.tmp`, the names
#: written before the pid was part of them). Nothing else in a folder is ever touched.
_TMP = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[a-z0-9_]{8}\.tmp$")
#: A temporary file without a live owner is removed once it is this old (seconds); one
#: whose owner cannot be known (no pid in its name) waits an hour.
STALE_AFTER = 2.0
STALE_UNKNOWN_AFTER = 3600.0


def _describe(path: Path, exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return msg("write.is_folder", path=path)
    if isinstance(exc, PermissionError):
        return msg("write.permission", path=path)
    if isinstance(exc, FileNotFoundError):
        return msg("write.no_folder", path=path, folder=path.parent)
    return msg("write.os_error", path=path, reason=exc.strerror or str(exc))


def _umask() -> int:
    """The process umask, read without changing it where the system tells (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    old = os.umask(0o022)
    os.umask(old)
    return old


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process (or unknowable): leave its file alone
    return True


def clean_stale(folder: str | os.PathLike, name: str | None = None, *,
                now: float | None = None) -> list[Path]:
    """Remove our temporary files in `folder` (those for `name` only, if given) left by a
    save that was killed: the owner process is gone, or, for names without a pid, the file
    is over an hour old. Returns what was removed; never raises."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TMP.match(entry.name)
        if m is None or (name is not None and not (m["name"] == name
                                                   or m["name"] == name + ".bak")):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                continue
            age = now - st.st_mtime
            pid = m["pid"]
            if pid is not None:
                stale = age > STALE_AFTER and not _pid_alive(int(pid)) or age > 86400
            else:
                stale = age > STALE_UNKNOWN_AFTER
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _temp(folder: Path, name: str) -> Path:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(tmp_name)


def _backup(target: Path, folder: Path) -> None:
    """Keep the current `target` as `NAME.bak`, atomically: link (or copy) it to a temporary
    name, then rename that over `NAME.bak` (a rename replaces a symlink, never follows it)."""
    bak = target.with_name(target.name + ".bak")
    tmp = _temp(folder, bak.name)
    try:
        try:
            tmp.unlink()
            os.link(target, tmp, follow_symlinks=True)
        except OSError:  # no hard links here (FAT, some network shares): a copy
            shutil.copy2(target, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, bak)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def keep_backup(target: str | os.PathLike) -> Path:
    """Keep the existing file `target` as `NAME.bak` (see `_backup`); returns the .bak path.
    The command line's writers use it too, so every .bak is made the same safe way."""
    target = Path(target)
    _backup(target, target.parent)
    return target.with_name(target.name + ".bak")


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, backup: bool = False,
                mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `target` atomically.

    `mode`: the new file's permissions (e.g. 0o600 for private data); by default an existing
    target keeps its mode and a new one gets `0o666 & ~umask`."""
    target = Path(target)
    if target.is_dir():
        raise WriteError(msg("write.is_folder", path=target))
    folder = target.parent if str(target.parent) else Path(".")
    clean_stale(folder, target.name)
    try:
        tmp = _temp(folder, target.name)
    except OSError as exc:
        raise WriteError(_describe(target, exc)) from None
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            existing = os.stat(target)
        except OSError:
            existing = None
        if mode is None:
            mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        if backup and existing is not None and stat.S_ISREG(existing.st_mode):
            with contextlib.suppress(OSError):
                _backup(target, folder)
        os.replace(tmp, target)
    except OSError as exc:
        raise WriteError(_describe(target, exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write(target: str | os.PathLike, data: bytes | str, *, backup: bool = False,
                 mode: int | None = None) -> None:
    if isinstance(data, str):
        try:
            payload = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise WriteError(msg("write.unencodable", path=Path(target),
                                 detail=exc.reason)) from None
    else:
        payload = data
    with atomic_path(target, backup=backup, mode=mode) as tmp:
        tmp.write_bytes(payload)

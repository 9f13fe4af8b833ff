"""Atomic writes: a save either completes or leaves the previous file untouched.

Write to a temporary file in the target's folder, fsync, then `os.replace` it over the
target. The previous file can be kept as `NAME.bak`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..messages import BilingualError, msg


class WriteError(BilingualError, OSError):
    """The target could not be written; the message says why in one line (`text("ja")`
    in Japanese)."""


def _describe(path: Path, exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return msg("write.is_folder", path=path)
    if isinstance(exc, PermissionError):
        return msg("write.permission", path=path)
    if isinstance(exc, FileNotFoundError):
        return msg("write.no_folder", path=path, folder=path.parent)
    return msg("write.os_error", path=path, reason=exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, backup: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `target` atomically."""
    target = Path(target)
    if target.is_dir():
        raise WriteError(msg("write.is_folder", path=target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise WriteError(_describe(target, exc)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if backup and target.exists():
            with contextlib.suppress(OSError):
                shutil.copy2(target, target.with_name(target.name + ".bak"))
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise WriteError(_describe(target, exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write(target: str | os.PathLike, data: bytes | str, *, backup: bool = False) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target, backup=backup) as tmp:
        tmp.write_bytes(payload)

"""Reading a file the user named, whatever it turns out to be.

A path can name a FIFO with no writer (a plain `open` blocks forever), a device such as
`/dev/zero` (its `st_size` is 0, so a size check passes and the read never ends) or a
file that grows while it is read. So: open without blocking, look at what the opened
descriptor is (not the path, which may change between a `stat` and an `open`), refuse
anything but a regular file, and read at most `limit` bytes whatever `st_size` says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..messages import Message, msg


class ReadRefused(OSError):
    """The path is not something to read: `message` says why, in either language."""

    def __init__(self, message: Message, size: int = 0):
        super().__init__(str(message))
        self.message = message
        self.size = size  # the file's size when it was refused as too big (0: unknown)


def read_capped(path: str | os.PathLike, limit: int) -> bytes:
    """The whole content of the regular file at `path`, at most `limit` bytes.

    Raises `ReadRefused` for a folder, a device, a pipe or socket, or a file larger than
    `limit`; other `OSError`s (not found, permission) pass through for the caller to word.
    """
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except IsADirectoryError:
        raise ReadRefused(msg("orgd.is_folder")) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadRefused(msg("orgd.is_folder"))
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(msg("file.not_regular"))
        if st.st_size > limit:
            raise ReadRefused(msg("file.too_big", limit=limit // (1024 * 1024)), st.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadRefused(msg("file.too_big", limit=limit // (1024 * 1024)))
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_regular(path: str | os.PathLike) -> os.stat_result:
    """The `stat` of the regular file at `path` (opened without blocking); `ReadRefused`
    for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(Path(path), flags)
    except IsADirectoryError:
        raise ReadRefused(msg("orgd.is_folder")) from None
    try:
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if stat.S_ISDIR(st.st_mode):
        raise ReadRefused(msg("orgd.is_folder"))
    if not stat.S_ISREG(st.st_mode):
        raise ReadRefused(msg("file.not_regular"))
    return st

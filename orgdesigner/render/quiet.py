"""Keep Graphviz's harmless chatter off the user's terminal.

The Graphviz bundled in pygraphviz's wheels prints to file descriptor 2 directly: its older
fontconfig warns about elements of the system's newer configuration it does not know, and
large graphs get "may take a long time" notes. Neither is actionable. `filtered_stderr()`
captures fd 2 around a Graphviz call and passes on every line that is not such noise, so
real errors still reach the user.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator

NOISE = re.compile(
    r"^(Fontconfig warning: .*unknown element.*|"
    r"Warning: graph has \d+ nodes.*|.*layout may take a long time.*|"
    r"Warning: Could not load .*libgvplugin.*|"
    r".*graph is too large for cairo-renderer bitmaps.*)$"
)
_lock = threading.Lock()


def is_noise(line: str) -> bool:
    return bool(NOISE.match(line.strip()))


@contextlib.contextmanager
def filtered_stderr() -> Iterator[None]:
    with _lock:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError):  # no real fd 2 (some GUI launchers): nothing to filter
            yield
            return
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                text = capture.read().decode("utf-8", "replace")
                kept = [ln for ln in text.splitlines() if ln.strip() and not is_noise(ln)]
                if kept:
                    print("\n".join(kept), file=sys.stderr)

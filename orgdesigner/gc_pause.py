"""Bulk work without Python's cyclic garbage collector walking the heap meanwhile.

Reading, importing, writing or routing a 50,000-unit group makes hundreds of thousands of
small objects and no cycles to free. Each allocation burst sets the collector off, and its
passes walk every tracked object alive — measured at a third of a load or an import. Within
`paused()` it waits; plain reference counting still frees what is dropped, and the collector
runs as usual afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Collection waits until the block ends (nested blocks keep it waiting)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

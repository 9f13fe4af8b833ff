"""Keep Python's cyclic garbage collector from freezing the window on a large design.

The collector's full passes walk every tracked object. With a 50,000-unit design open (the
model, the canvas's box table and router index, the checker's context, tens of thousands of
routes) each pass took 0.1–0.7 s, and passes came every few seconds while the canvas routed
and the checker worked: the window stopped answering for that long. Those objects live as
long as the document, so five times a second, while a document of `BIG` units or more is open,
they are moved out of the collector's sight (`gc.freeze`, a constant-time list splice).
Plain reference counting still frees everything that is not in a cycle; when the last large
document closes, the frozen objects go back to the collector and one full pass runs.

Opening a large design makes a few hundred thousand long-lived objects (the canvas's box
table, every flow's geometry, the checker's context) and no garbage: the collector is
paused while it is built (`building`), and what was built is frozen at once — its passes
over the growing heap were a third of the time to the first paint at 50,000 units.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QTimer

#: From this many units on, a document's objects are frozen out of the collector's walks.
BIG = 2_000


class HeapSteward(QObject):
    def __init__(self, documents: Callable[[], Iterable[Any]], parent: QObject | None = None,
                 interval_ms: int = 200) -> None:
        super().__init__(parent)
        self._documents = documents
        self.frozen = False
        self._timer = QTimer(self)
        self._timer.setObjectName("heapSteward")
        self._timer.timeout.connect(self.tick)
        self._timer.start(interval_ms)

    def large_open(self) -> bool:
        try:
            return any(len(c.design.units) >= BIG for c in self._documents())
        except RuntimeError:  # a closing document's C++ side is gone
            return False

    def tick(self) -> None:
        if self.large_open():
            gc.freeze()
            self.frozen = True
        elif self.frozen:  # the large documents are closed: give their objects back
            gc.unfreeze()
            self.frozen = False
            gc.collect()


@contextlib.contextmanager
def building(units: int) -> Iterator[None]:
    """Pause the cycle collector while a document of `units` units is opened (a large one
    is frozen out of its sight at the end, as the steward would at its next tick)."""
    if units < BIG:
        yield
        return
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()

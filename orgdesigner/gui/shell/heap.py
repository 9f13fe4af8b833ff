"""Keep Python's cyclic garbage collector from freezing the window on a large design.

The collector's full passes walk every tracked object. With a 50,000-unit design open (the
model, the canvas's box table and router index, the checker's context, tens of thousands of
routes) each pass took 0.1–0.7 s, and passes came every few seconds while the canvas routed
and the checker worked: the window stopped answering for that long. Those objects live as
long as the document, so five times a second, while a document of `BIG` units or more is open,
they are moved out of the collector's sight (`gc.freeze`, a constant-time list splice).
Plain reference counting still frees everything that is not in a cycle; when the last large
document closes, the frozen objects go back to the collector and one full pass runs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
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

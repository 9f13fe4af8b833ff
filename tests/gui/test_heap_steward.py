"""HeapSteward: a large open design is kept out of the cyclic collector's walks, and given
back when it closes."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from orgdesigner.gui.shell import heap

pytestmark = pytest.mark.gui


def test_large_documents_are_frozen_and_given_back_when_closed(qtbot, monkeypatch):
    monkeypatch.setattr(heap, "BIG", 3)
    docs: list = [SimpleNamespace(design=SimpleNamespace(units={"a": 1, "b": 2}))]
    steward = heap.HeapSteward(lambda: docs, interval_ms=3_600_000)
    try:
        gc.unfreeze()
        steward.tick()  # small design: nothing frozen
        assert gc.get_freeze_count() == 0 and not steward.frozen
        docs[0].design.units["c"] = 3
        keep = [[i] for i in range(100)]  # tracked objects alive now
        steward.tick()
        assert steward.frozen and gc.get_freeze_count() >= len(keep)
        docs.clear()  # the large document closed
        steward.tick()
        assert not steward.frozen and gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()

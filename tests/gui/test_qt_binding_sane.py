"""Guard against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11
drops one per void call, and the app aborts with `none_dealloc` after a few minutes)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_consume_references_to_none():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("probe")
    assert abs(sys.getrefcount(None) - before) < 50

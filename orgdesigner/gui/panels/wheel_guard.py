"""Scrolling a panel must not change the values it scrolls past.

A spin box or combo box takes the mouse wheel whenever the pointer is over it, so
scrolling the inspector changed the headcount under the pointer (and recorded it as an
undo step). Guarded fields take the wheel only once they have keyboard focus (a click or
Tab gives it, `Qt.StrongFocus`); otherwise the wheel goes on to the scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Event filter: a wheel over an unfocused guarded field scrolls its parent instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget)
                and not watched.hasFocus()):
            event.ignore()  # Qt passes an ignored wheel event on to the parent
            return True
        return False


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every spin box and combo box under `root` (and `root` itself)."""
    guard = WheelGuard(root)
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, GUARDED):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
    return guard

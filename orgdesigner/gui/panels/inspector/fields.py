"""Editors that report a user's finished edit once (`committed`), never a programmatic fill.

Inspector pages fill these from the model with `set_value` (no signal) and turn each
`committed` value into one model operation pushed through the controller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


class LineField(QLineEdit):
    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, text: str) -> None:
        self._loaded = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)

    def _finish(self) -> None:
        if self.text() != self._loaded:
            self._loaded = self.text()
            self.committed.emit(self.text())


class TextField(QPlainTextEdit):
    """Multi-line text committed when the field loses focus."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setTabChangesFocus(True)

    def set_value(self, text: str) -> None:
        self._loaded = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.commit()

    def commit(self) -> None:
        if self.toPlainText() != self._loaded:
            self._loaded = self.toPlainText()
            self.committed.emit(self._loaded)


class EnumCombo(QComboBox):
    """A choice among an enum's members, labelled in the UI language; emits the value."""

    committed = Signal(str)

    def __init__(self, enum: type[Enum] | Iterable[tuple[str, str]], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum if isinstance(enum, type) else None
        if isinstance(enum, type):
            pairs = [(m.value, m.label(lang)) for m in enum]  # type: ignore[attr-defined]
        else:
            pairs = list(enum)
        for value, label in pairs:
            self.addItem(label, value)
        self.activated.connect(lambda i: self.committed.emit(self.itemData(i)))

    def set_language(self, lang: str) -> None:
        """Relabel an enum's members in `lang` (the UI language changed)."""
        if self._enum is None:
            return
        for i in range(self.count()):
            self.setItemText(i, self._enum(self.itemData(i)).label(lang))  # type: ignore

    def set_value(self, value: str) -> None:
        i = self.findData(str(value))
        self.blockSignals(True)
        self.setCurrentIndex(i)
        self.blockSignals(False)

    def value(self) -> str:
        return self.currentData()


class CheckList(QListWidget):
    """Checkable items (functions, services); emits the checked values in list order."""

    committed = Signal(list)

    def __init__(self, pairs: Iterable[tuple[str, str]], parent: QWidget | None = None, *,
                 labeller: Callable[[str, str], str] | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._labeller = labeller  # (value, lang) -> label, to follow a language change
        for value, label in pairs:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(self._changed)

    def set_language(self, lang: str) -> None:
        if self._labeller is None:
            return
        self._loading = True
        for i in range(self.count()):
            item = self.item(i)
            item.setText(self._labeller(item.data(Qt.ItemDataRole.UserRole), lang))
        self._loading = False

    def set_values(self, values: Iterable[str]) -> None:
        chosen = {str(v) for v in values}
        self._loading = True
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._loading = False

    def values(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, value: str, on: bool) -> None:
        """Check or uncheck one value as the user would (emits `committed`)."""
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == value:
                self.item(i).setCheckState(Qt.CheckState.Checked if on else
                                           Qt.CheckState.Unchecked)

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.committed.emit(self.values())


class IntField(QSpinBox):
    committed = Signal(int)

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setKeyboardTracking(False)
        self._loading = False
        self.valueChanged.connect(self._changed)

    def set_value(self, value: int) -> None:
        self._loading = True
        self.setValue(value)
        self._loading = False

    def _changed(self, value: int) -> None:
        if not self._loading:
            self.committed.emit(value)

"""Test support for the app-shell tests: the real DocumentController when the editor's
canvas is importable, else a stand-in that follows the same contract (CONTRACTS.md).

Loaded by path from the shell test modules (tests run with --import-mode=importlib).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from orgdesigner.model import Design, ModelError


class _OpCommand(QUndoCommand):
    def __init__(self, design: Design, op, inverse, text: str) -> None:
        super().__init__(text)
        self.design, self.op, self.inverse, self.first = design, op, inverse, True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.inverse = self.op.apply(self.design)

    def undo(self) -> None:
        self.op = self.inverse.apply(self.design)


class StandInController(QObject):
    changed = Signal()
    selectionChanged = Signal()
    statusMessage = Signal(str)
    pathChanged = Signal()

    def __init__(self, design: Design, path: Path | None = None, lang: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.design = design
        self.path = Path(path) if path is not None else None
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index)
        self._selected: list[str] = []
        self.centered_on: list[str] = []

    def _on_index(self, _index: int) -> None:
        self.changed.emit()

    def push(self, op, text: str) -> bool:
        try:
            inverse = op.apply(self.design)
        except ModelError as exc:
            self.statusMessage.emit(str(exc))
            return False
        self.undo_stack.push(_OpCommand(self.design, op, inverse, text))
        return True

    def select_units(self, ids: list[str], center: bool = True) -> None:
        self._selected = list(ids)
        if center:
            self.centered_on = list(ids)
        self.selectionChanged.emit()

    def selected_units(self) -> list[str]:
        return list(self._selected)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()

    def display_name(self) -> str:
        return self.path.name if self.path else (self.design.metadata.title_en or "Untitled")


def real_controller_class():
    """The editor's DocumentController if it (and its canvas) can be imported, else None."""
    try:
        import orgdesigner.gui.scene  # noqa: F401  (the controller builds its scene)
        from orgdesigner.gui.controller import DocumentController
    except ImportError:
        return None
    return DocumentController


def make_controller(design: Design, path: Path | None = None, lang: str = "en"):
    cls = real_controller_class()
    if cls is None:
        return StandInController(design, path, lang)
    return cls(design, path, lang)


class StandInWindow(QWidget):
    """Just what the shell helpers call on the main window."""

    currentDocumentChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._controllers: list = []

    def open_design(self, design: Design, path: Path | None):
        c = make_controller(design, path)
        c.setParent(self)
        self._controllers.append(c)
        self.currentDocumentChanged.emit(c)
        return c

    def controllers(self) -> list:
        return list(self._controllers)

    def documents(self) -> list:  # MainWindow's name for the same list
        return list(self._controllers)

    def activate(self, controller) -> None:
        self._controllers.remove(controller)
        self._controllers.append(controller)
        self.currentDocumentChanged.emit(controller)

    def current_controller(self):
        return self._controllers[-1] if self._controllers else None

    def dispose(self) -> None:
        """Close every document before the widget goes. The real controller forwards
        `undo_stack.indexChanged` through a lambda that raises once the controller is
        deleted (the stack emits while being destroyed), so cut that link first."""
        for c in self._controllers:
            try:
                c.undo_stack.indexChanged.disconnect()
            except (RuntimeError, TypeError):
                pass
            if hasattr(c, "close"):
                c.close()
        self._controllers.clear()


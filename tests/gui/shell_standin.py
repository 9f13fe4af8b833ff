"""Test support for the app-shell tests: a minimal window holding real DocumentControllers,
so the shell helpers (documents, autosave, findings) are tested without the whole MainWindow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.model import Design


def make_controller(design: Design, path: Path | None = None, lang: str = "en"):
    return DocumentController(design, path, lang)


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
        """Close every document before the widget goes."""
        for c in self._controllers:
            c.close()
        self._controllers.clear()


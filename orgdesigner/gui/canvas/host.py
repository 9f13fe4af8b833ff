"""The narrow view of the main window that canvas tools and dialogs are given.

Modules below the shell must not import `MainWindow` (not even for typing: import-linter
forbids it). What they need from the window that hosts the open documents is this much:
which document is current, its view, a signal when that changes, and a way to open a new
document. The shell's `MainWindow` satisfies it structurally.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.canvas.view import DiagramView
    from orgdesigner.model import Design


class DocumentHost(Protocol):
    currentDocumentChanged: Any  # a Qt signal carrying the new DocumentController or None

    def current_controller(self) -> DocumentController | None: ...

    def current_view(self) -> DiagramView | None: ...

    def open_design(self, design: Design, path: Path | None) -> DocumentController | None: ...

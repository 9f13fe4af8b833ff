"""The File menu's work: new, open, save, save as, close with a Save/Discard/Cancel prompt.

Loading goes through `formats.orgd` (every problem listed in one message box); saving is
atomic and marks the undo stack clean, which clears the window's modified mark.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..formats import orgd
from ..formats.atomic import WriteError
from ..model import Design, Metadata

if TYPE_CHECKING:
    from .controller import DocumentController
    from .main_window import MainWindow

FILTER = "OrgDesigner designs (*.orgd);;All files (*)"
MAX_PROBLEMS_SHOWN = 20


def blank_design() -> Design:
    return Design(Metadata(title="無題の設計", title_en="Untitled design",
                           created=datetime.date.today().isoformat()))


class FileCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_dir = str(Path.home())

    def new(self) -> DocumentController:
        return self.window.open_design(blank_design(), None)

    def open(self) -> DocumentController | None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open design"),
                                              self.last_dir, self.tr(FILTER))
        return self.open_path(Path(path)) if path else None

    def open_path(self, path: Path) -> DocumentController | None:
        path = Path(path)
        for ctrl in self.window.documents():
            if ctrl.path is not None and ctrl.path.resolve() == path.resolve():
                self.window.activate(ctrl)
                return ctrl
        try:
            design = orgd.load(path)
        except orgd.LoadError as exc:
            lines = exc.lines()
            more = len(lines) - MAX_PROBLEMS_SHOWN
            text = "\n".join(lines[:MAX_PROBLEMS_SHOWN])
            if more > 0:
                text += "\n" + self.tr("… and %1 more").replace("%1", str(more))
            QMessageBox.critical(self.window, self.tr("Cannot open design"), text)
            return None
        self.last_dir = str(path.parent)
        return self.window.open_design(design, path)

    def save(self, ctrl: DocumentController | None = None) -> bool:
        ctrl = ctrl or self.window.current_controller()
        if ctrl is None:
            return False
        if ctrl.path is None:
            return self.save_as(ctrl)
        return self._write(ctrl, ctrl.path)

    def save_as(self, ctrl: DocumentController | None = None) -> bool:
        ctrl = ctrl or self.window.current_controller()
        if ctrl is None:
            return False
        start = str(ctrl.path) if ctrl.path else str(Path(self.last_dir) / "design.orgd")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save design as"), start,
                                              self.tr(FILTER))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".orgd":
            target = target.with_name(target.name + ".orgd")
        return self._write(ctrl, target)

    def _write(self, ctrl: DocumentController, path: Path) -> bool:
        try:
            orgd.save(ctrl.design, path)
        except (WriteError, OSError) as exc:
            QMessageBox.critical(self.window, self.tr("Cannot save design"), str(exc))
            return False
        ctrl.undo_stack.setClean()
        ctrl.set_path(path)
        self.last_dir = str(path.parent)
        ctrl.statusMessage.emit(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def maybe_close(self, ctrl: DocumentController) -> bool:
        """True when the document may close (saved, discarded or unchanged)."""
        if not ctrl.is_modified():
            return True
        self.window.activate(ctrl)
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1” before closing?").replace("%1",
                                                                         ctrl.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save(ctrl)
        return answer == QMessageBox.StandardButton.Discard

    def close(self, ctrl: DocumentController | None = None) -> bool:
        ctrl = ctrl or self.window.current_controller()
        if ctrl is None or not self.maybe_close(ctrl):
            return False
        self.window.remove_document(ctrl)
        return True

    def close_all(self) -> bool:
        for ctrl in list(self.window.documents()):
            if not self.maybe_close(ctrl):
                return False
        for ctrl in list(self.window.documents()):
            self.window.remove_document(ctrl)
        return True

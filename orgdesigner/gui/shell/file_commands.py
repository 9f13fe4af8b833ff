"""What the File, Tools and Help commands do, wired to the window's actions.

Every document command goes through `documents.py` (the one implementation of open, save,
save as, revert and the unsaved-changes prompt); this object only supplies the current
document, keeps autosave informed when a document closes, and opens the dialogs (start
gallery, import, export, print, settings, help).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from orgdesigner import settings as settings_mod
from orgdesigner.gui.dialogs import documents

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.dialogs.gallery import GalleryChoice
    from orgdesigner.gui.shell.main_window import MainWindow


class ShellCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._help: Any = None  # the non-modal help window, kept alive while open
        a = window.act
        a.new.triggered.connect(self.new)
        a.new_from_template.triggered.connect(self.new_from_template)
        a.open.triggered.connect(self.open)
        a.import_table.triggered.connect(lambda: self.import_table())
        a.save.triggered.connect(lambda: self.save())
        a.save_as.triggered.connect(lambda: self.save_as())
        a.revert.triggered.connect(lambda: self.revert())
        a.close.triggered.connect(lambda: self.close())
        a.export_diagram.triggered.connect(self.export_diagram)
        a.export_budget.triggered.connect(self.export_budget)
        a.export_deck.triggered.connect(self.export_deck)
        a.print.triggered.connect(self.print_)
        a.print_preview.triggered.connect(self.print_preview)
        a.quit.triggered.connect(window.close)
        a.settings.triggered.connect(self.settings)
        a.help_legend.triggered.connect(lambda: self.help(0))
        a.help_models.triggered.connect(lambda: self.help(1))
        a.about.triggered.connect(self.about)
        window.menu_recent.fileChosen.connect(self.open_path)

    def _ctrl(self, ctrl: DocumentController | None = None) -> DocumentController | None:
        return ctrl if ctrl is not None else self.window.current_controller()

    # ---- new and open ---------------------------------------------------------------------
    def new(self) -> Any:
        return documents.new_document(self.window)

    def new_from_template(self) -> Any:
        from orgdesigner.gui.dialogs.gallery import StartGallery

        gallery = StartGallery(self.window.lang, self.window)
        try:
            gallery.exec()
            choice = gallery.choice
        finally:
            gallery.deleteLater()
        return self.act_on_choice(choice) if choice is not None else None

    def act_on_choice(self, choice: GalleryChoice) -> Any:
        """Do what the start gallery's choice asks; the document it opened, or None."""
        from orgdesigner.gui.dialogs import gallery as g

        if choice.kind == g.TEMPLATE:
            return documents.new_document(self.window, choice.template_id)
        if choice.kind == g.BLANK:
            return documents.new_document(self.window)
        if choice.kind == g.OPEN:
            return self.open()
        if choice.kind == g.RECENT and choice.path is not None:
            return self.open_path(choice.path)
        if choice.kind == g.IMPORT:
            return self.import_table()
        return None

    def open(self) -> Any:
        path = documents.ask_open_path(self.window)
        return self.open_path(path) if path is not None else None

    def open_path(self, path: str | Path) -> Any:
        return documents.open_file(self.window, path)

    def open_paths(self, paths: Iterable[str | Path]) -> list[Any]:
        """Dropped or given files, each opened (or brought forward) in turn."""
        return [c for c in (self.open_path(p) for p in paths) if c is not None]

    def import_table(self, path: str | Path | None = None) -> Any:
        from orgdesigner.gui.dialogs.import_dialog import run_import

        return run_import(self.window, path)

    # ---- save, revert, close ---------------------------------------------------------------
    def save(self, ctrl: DocumentController | None = None) -> bool:
        c = self._ctrl(ctrl)
        return c is not None and documents.save(c, self.window)

    def save_as(self, ctrl: DocumentController | None = None) -> bool:
        c = self._ctrl(ctrl)
        return c is not None and documents.save_as(c, self.window)

    def revert(self, ctrl: DocumentController | None = None) -> bool:
        c = self._ctrl(ctrl)
        return c is not None and documents.revert(c, self.window)

    def close(self, ctrl: DocumentController | None = None) -> bool:
        """Close one document after the unsaved-changes prompt; True if it closed."""
        c = self._ctrl(ctrl)
        if c is None:
            return False
        if c.is_modified():
            self.window.activate(c)  # show which document the question is about
        if not documents.confirm_close(c, self.window):
            return False
        if self.window.autosave is not None:
            self.window.autosave.untrack(c)
        self.window.remove_document(c)
        return True

    def close_all(self) -> bool:
        """Quitting: ask about each modified document in turn; False at the first Cancel.
        When everything may close, this session's autosaves are removed."""
        for c in list(self.window.documents()):
            if c.is_modified():
                self.window.activate(c)
                if not documents.confirm_close(c, self.window):
                    return False
        if self.window.autosave is not None:
            self.window.autosave.shutdown()
        return True

    # ---- exports and printing ----------------------------------------------------------------
    def export_diagram(self) -> Any:
        from orgdesigner.gui.dialogs.export_dialog import run_export

        return run_export(self.window, self._ctrl())

    def export_budget(self) -> Any:
        from orgdesigner.gui.panels.budget_panel import export_budget_workbook

        c = self._ctrl()
        return export_budget_workbook(self.window, c) if c is not None else None

    def export_deck(self) -> Any:
        from orgdesigner.gui.dialogs.deck_export import export_deck

        return export_deck(self.window, self._ctrl())

    def print_(self) -> bool:
        from orgdesigner.gui.dialogs.printing import print_design

        return print_design(self.window, self._ctrl())

    def print_preview(self) -> bool:
        from orgdesigner.gui.dialogs.printing import preview_design

        return preview_design(self.window, self._ctrl())

    # ---- settings and help ----------------------------------------------------------------------
    def settings(self) -> bool:
        from orgdesigner.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(settings_mod.load_settings(), self.window)
        dialog.applied.connect(self.window.apply_settings)
        try:
            return bool(dialog.exec())
        finally:
            dialog.deleteLater()

    def help(self, page: int) -> Any:
        from orgdesigner.gui.dialogs.help import show_help

        if self._help is not None:
            try:
                self._help.tabs.setCurrentIndex(page)
                self._help.raise_()
                self._help.activateWindow()
                return self._help
            except RuntimeError:  # closed and deleted
                self._help = None
        self._help = show_help(self.window, self.window.lang, page)
        self._help.destroyed.connect(self._help_gone)
        return self._help

    def _help_gone(self, *_args: object) -> None:
        self._help = None

    def about(self) -> None:
        from orgdesigner.gui.dialogs.help import show_about

        show_about(self.window, self.window.lang)

"""File › Export Approval Deck…: the approval deck (.pptx) of the current design.

The slides are made by `render.deck` (no Qt); this only asks where to save and reports.
A user's own template is a command-line option (`orgdesigner deck --template`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..formats.atomic import WriteError, atomic_write
from ..messages import exc_text
from .i18n import current_language


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def export_deck(parent: QWidget | None, controller: Any, path: str | None = None) -> Path | None:
    """Ask where to save (unless `path` is given) and write the deck in the UI language.
    Returns the written path, or None if cancelled or failed."""
    from ..render.deck import DeckOptions, deck_bytes
    from ..render.export import ExportError

    if controller is None:
        return None
    lang = getattr(controller, "lang", current_language())
    if path is None:
        doc = getattr(controller, "path", None)
        start = str(Path(doc).with_name(Path(doc).stem + "-deck.pptx")) if doc else \
            str(Path.home() / "approval-deck.pptx")
        path, _ = QFileDialog.getSaveFileName(parent, tr("Export Approval Deck"), start,
                                              tr("PowerPoint presentation (*.pptx)"))
        if not path:
            return None
    out = Path(path)
    if out.suffix.lower() != ".pptx":
        out = out.with_name(out.name + ".pptx")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from .budget_panel import _settings

        atomic_write(out, deck_bytes(controller.design,
                                     DeckOptions(lang=lang, overrides=_settings())))
    except (ExportError, WriteError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, tr("Export Approval Deck"),
                            tr("The approval deck was not written:")
                            + f"\n{exc_text(exc, current_language())}")
        return None
    QApplication.restoreOverrideCursor()
    status = getattr(controller, "statusMessage", None)
    if status is not None:
        status.emit(tr("Approval deck written to {0}").format(out))
    return out

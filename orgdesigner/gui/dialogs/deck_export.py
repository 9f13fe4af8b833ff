"""File › Export Approval Deck…: the approval deck (.pptx) of the current design.

The slides are made by `render.deck` (no Qt); this dialog only asks for the file, an optional
PowerPoint template (the company's own slide master), the slide shape and the language, then
writes atomically and reports. Same options as `orgdesigner deck`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.formats.atomic import WriteError, atomic_write
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.messages import exc_text

BACKGROUND_UNITS = 500


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _write(design: Any, options: Any, out: Path) -> str | None:
    """Make and write the deck (no Qt: safe in a worker); the error text, or None."""
    from orgdesigner.render.deck import deck_bytes
    from orgdesigner.render.export import ExportError

    try:
        atomic_write(out, deck_bytes(design, options))
    except (ExportError, WriteError) as exc:
        return exc_text(exc, current_language())
    except OSError as exc:
        return f"{out}: {exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 - a bug must not leave the busy dialog up
        return tr("Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")
    return None


class DeckDialog(QDialog):
    """Choose where the deck goes and how it looks; OK writes it. `exported(Path)` reports."""

    exported = Signal(Path)
    _done = Signal(object)  # from the worker: None or the error text

    def __init__(self, design: Any, *, lang: str = "en", start_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckDialog")
        self.setWindowTitle(tr("Export Approval Deck"))
        self.design = design
        self.worker: threading.Thread | None = None
        self.progress: QProgressDialog | None = None
        self._target = Path()
        self._done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        form = QFormLayout()
        self.path_edit = QLineEdit(str(start_path or Path.home() / "approval-deck.pptx"))
        self.path_edit.setObjectName("deckPath")
        self.path_edit.setMinimumWidth(380)
        form.addRow(self._label(tr("&File:"), self.path_edit),
                    self._with_browse(self.path_edit, self.browse, "deckBrowse"))
        self.template_edit = QLineEdit()
        self.template_edit.setObjectName("deckTemplate")
        self.template_edit.setPlaceholderText(tr("None: plain slides"))
        form.addRow(self._label(tr("&Template:"), self.template_edit),
                    self._with_browse(self.template_edit, self.browse_template,
                                      "deckTemplateBrowse"))
        self.aspect_combo = QComboBox()
        self.aspect_combo.setObjectName("deckAspect")
        self.aspect_combo.addItem(tr("Widescreen 16:9"), "16:9")
        self.aspect_combo.addItem(tr("Standard 4:3"), "4:3")
        self.aspect_combo.addItem(tr("As in the template"), None)
        form.addRow(tr("Sli&des:"), self.aspect_combo)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("deckLanguage")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("日本語", "ja")
        self.lang_combo.setCurrentIndex(1 if lang == "ja" else 0)
        form.addRow(tr("Lan&guage:"), self.lang_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _with_browse(edit: QLineEdit, slot: Any, name: str) -> QHBoxLayout:
        button = QPushButton(tr("&Browse…") if name == "deckBrowse" else tr("B&rowse…"))
        button.setObjectName(name)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Export Approval Deck"),
                                              self.path_edit.text(),
                                              tr("PowerPoint presentation (*.pptx)"))
        if name:
            self.path_edit.setText(name)

    def browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("PowerPoint template"),
                                              self.template_edit.text(),
                                              tr("PowerPoint template or presentation "
                                                 "(*.potx *.pptx)"))
        if name:
            self.template_edit.setText(name)
            self.aspect_combo.setCurrentIndex(2)  # a template brings its own slide size

    def target(self) -> Path:
        """The file to write (.pptx added when missing); ValueError says what is wrong."""
        text = self.path_edit.text().strip()
        if not text:
            raise ValueError(tr("Choose a file to export to."))
        out = Path(text).expanduser()
        if out.is_dir():
            raise ValueError(tr("“{0}” is a folder; add a file name.").format(out))
        return out if out.suffix.lower() == ".pptx" else out.with_name(out.name + ".pptx")

    def accept(self) -> None:
        from orgdesigner.gui.panels.budget_panel import _settings
        from orgdesigner.render.deck import DeckOptions

        if self.worker is not None:
            return  # already writing
        try:
            out = self.target()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        template = self.template_edit.text().strip() or None
        aspect = self.aspect_combo.currentData()
        if template is None:
            aspect = aspect or "16:9"
        options = DeckOptions(lang=self.lang_combo.currentData(), template=template,
                              aspect=aspect, overrides=_settings())
        self._target = out
        if len(self.design.units) <= BACKGROUND_UNITS:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                error = _write(self.design, options, out)
            finally:
                QApplication.restoreOverrideCursor()
            self._finished(error)
            return
        # a large group takes seconds: write in a thread behind a window-modal busy
        # indicator, which also keeps the design from being edited meanwhile
        self.progress = QProgressDialog(tr("Writing the approval deck…"), "", 0, 0, self)
        self.progress.setObjectName("deckProgress")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self.buttons.setEnabled(False)
        self.worker = threading.Thread(
            target=lambda: self._done.emit(_write(self.design, options, out)),
            name="orgdesigner-deck", daemon=True)
        self.worker.start()

    def _finished(self, error: str | None) -> None:
        self.worker = None
        self.buttons.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if error is not None:
            self._show_error(error)
            return
        self.exported.emit(self._target)
        super().accept()

    def _show_error(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Export Approval Deck"),
                          tr("The approval deck was not written:"),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("deckErrorBox")
        box.setInformativeText(text)
        box.exec()


def export_deck(parent: QWidget | None, controller: Any) -> Path | None:
    """File › Export Approval Deck…: the dialog for the current document. Returns the file
    written, or None if cancelled or failed."""
    if controller is None:
        return None
    doc = getattr(controller, "path", None)
    start = Path(doc).with_name(Path(doc).stem + "-deck.pptx") if doc else None
    dialog = DeckDialog(controller.design, lang=getattr(controller, "lang", current_language()),
                        start_path=start, parent=parent)
    written: list[Path] = []
    dialog.exported.connect(written.append)
    dialog.exec()
    dialog.deleteLater()
    status = getattr(controller, "statusMessage", None)
    if written and status is not None:
        status.emit(tr("Approval deck written to {0}").format(written[0]))
    return written[0] if written else None

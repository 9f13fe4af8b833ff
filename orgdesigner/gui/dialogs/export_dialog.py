"""File › Export Diagram…: one dialog for every export of the design.

The format follows the file's extension (SVG, PNG, PDF, DOT, GraphML, PowerPoint, draw.io through
`render.export.export_diagram`, or the organisation table as CSV/XLSX through
`formats.table_export.write_table`); the options that do not apply to the chosen format are
greyed out rather than hidden, so the dialog does not jump around. Both writers are atomic:
a failed export leaves whatever was on disk before. What to draw (whole design, overview, one
company, one branch) and the PDF's paper are the CLI's `--scope` and `--paper`
(gui/dialogs/export_scope.py); the last choices are kept for the next export.

Large designs (more than `BACKGROUND_UNITS` units) are exported in a worker thread behind a
window-modal progress dialog (counting pages when a PDF becomes one page per company, and
then offering to cancel between two pages), so the window keeps painting; the modality is
also what keeps the user from editing the design while the worker reads it. What the user
should know about the result (the overview drawn instead of an unreadable whole, labels
under 6 pt) is shown once it is written.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.formats.atomic import WriteError
from orgdesigner.formats.table_export import TableExportError, write_table
from orgdesigner.gui.dialogs.export_scope import (
    ScopeChooser,
    default_kind,
    note_text,
    paper_combo,
)
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.messages import exc_text
from orgdesigner.model import Design
from orgdesigner.render import paper as paper_mod
from orgdesigner.render.export import ExportError, export_diagram

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot", "graphml", "pptx", "drawio")
TABLE_FORMATS = ("csv", "xlsx")
FORMATS = DIAGRAM_FORMATS + TABLE_FORMATS
BACKGROUND_UNITS = 500


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def format_names() -> dict[str, str]:
    return {"svg": tr("SVG vector image"), "png": tr("PNG image"), "pdf": tr("PDF document"),
            "dot": tr("Graphviz DOT source"), "graphml": tr("GraphML (yEd)"),
            "pptx": tr("PowerPoint slides, editable shapes"), "drawio": tr("draw.io diagram"),
            "csv": tr("Organisation table, CSV"), "xlsx": tr("Organisation table, Excel")}


@dataclass(frozen=True)
class ExportOptions:
    path: Path
    fmt: str
    layout: str = "tidy"
    orientation: str = "tb"
    compact: bool = False
    dpi: int = 150
    legend: bool = True
    lang: str = "en"
    root: str | None = None
    highlight: tuple[tuple[str, str], ...] | None = None  # unit id → change kind
    aspect: str = "16:9"
    paper: str = paper_mod.DEFAULT
    scope: str | None = None  # render/scope.py; None: the CLI's default


def write_export(design: Design, o: ExportOptions, notes: list | None = None,
                 progress: Any = None) -> None:
    """Write one export (no Qt: safe in a worker thread while nobody edits the design).
    What the user should know is appended to `notes`; `progress(done, total)` counts the
    pages of a PDF written one page per company."""
    if o.fmt in TABLE_FORMATS:
        write_table(design, o.path, lang=o.lang)
    else:
        export_diagram(design, o.path, fmt=o.fmt, layout=o.layout, dpi=o.dpi,
                       legend=o.legend, root=o.root, lang=o.lang,
                       orientation=o.orientation, compact=o.compact,
                       highlight=dict(o.highlight) if o.highlight is not None else None,
                       aspect=o.aspect, paper=o.paper, scope=o.scope, notes=notes,
                       progress=progress)


class Cancelled(Exception):
    """The user cancelled a multi-page export between two pages (nothing is written)."""


def _failure_text(design: Design, o: ExportOptions, notes: list | None = None,
                  progress: Any = None) -> str | None:
    """Run the export; the reason it failed in one message, or None. A cancelled export
    returns `CANCELLED`."""
    try:
        write_export(design, o, notes, progress)
    except Cancelled:
        return CANCELLED
    except (ExportError, WriteError, TableExportError) as exc:
        return exc_text(exc, current_language())  # the UI language, not the export's
    except OSError as exc:
        return f"{o.path}: {exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 - a bug must not leave the busy dialog up
        return tr("Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")
    return None


CANCELLED = "\0cancelled"


class ExportJob(QObject):
    """One export, run here or in a worker thread; `finished` carries None or the error."""

    finished = Signal(object)
    progressed = Signal(int, int)  # pages done, pages in all
    _relay = Signal(object)
    _relay_progress = Signal(int, int)

    def __init__(self, design: Design, options: ExportOptions,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.design, self.options = design, options
        self.error: str | None = None
        self.notes: list = []
        self.thread: threading.Thread | None = None
        self.cancelled = threading.Event()
        # emitted from the worker, delivered in this object's (the GUI) thread
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._relay_progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    def run_here(self) -> None:
        self._deliver(_failure_text(self.design, self.options, self.notes))

    def start(self) -> None:
        self.thread = threading.Thread(target=self._work, name="orgdesigner-export",
                                       daemon=True)
        self.thread.start()

    def _work(self) -> None:
        self._relay.emit(_failure_text(self.design, self.options, self.notes, self._page))

    def _page(self, done: int, total: int) -> None:
        """After each page of a multi-page PDF (worker thread): report, or stop here."""
        if self.cancelled.is_set():
            raise Cancelled
        self._relay_progress.emit(done, total)

    def cancel(self) -> None:
        self.cancelled.set()

    @Slot(object)
    def _deliver(self, error: str | None) -> None:
        self.error = error
        self.finished.emit(error)


class ExportDialog(QDialog):
    """Choose the file and options; OK exports. `exported(Path)` / `failed(str)` report."""

    exported = Signal(Path)
    failed = Signal(str)
    last_format = "svg"
    last_scope: str | None = None  # export_scope.KINDS; None: nothing exported yet
    last_company: str | None = None
    last_paper = paper_mod.DEFAULT

    def __init__(self, design: Design, *, lang: str = "en", root: str | None = None,
                 start_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export Diagram"))
        self.design = design
        self.root_id = root if root in design.units else None
        self.job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self._build(lang)
        if start_path is None:
            start_path = Path.home() / f"diagram.{self.last_format}"
        if start_path.suffix.lower().lstrip(".") not in FORMATS:
            start_path = start_path.with_suffix("." + self.last_format)
        self.path_edit.setText(str(start_path))
        self._update()

    # ---- widgets ------------------------------------------------------------------------
    def _build(self, lang: str) -> None:
        form = QFormLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setMinimumWidth(380)
        browse = QPushButton(tr("&Browse…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        file_label = QLabel(tr("&File:"))
        file_label.setBuddy(self.path_edit)  # a row of widgets gets no buddy by itself
        form.addRow(file_label, row)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt, name in format_names().items():
            self.format_combo.addItem(f"{name} (.{fmt})", fmt)
        form.addRow(tr("F&ormat:"), self.format_combo)
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("exportLayout")
        for key, text in (("tidy", tr("Tidy tree")), ("dot", tr("Graphviz dot")),
                          ("canvas", tr("As on the canvas"))):
            self.layout_combo.addItem(text, key)
        form.addRow(tr("&Layout:"), self.layout_combo)
        self.orientation_combo = QComboBox()
        self.orientation_combo.setObjectName("exportOrientation")
        self.orientation_combo.addItem(tr("Top to bottom"), "tb")
        self.orientation_combo.addItem(tr("Left to right"), "lr")
        form.addRow(tr("O&rientation:"), self.orientation_combo)
        self.compact_check = QCheckBox(tr("&Compact (stack leaf units)"))
        self.compact_check.setObjectName("exportCompact")
        form.addRow("", self.compact_check)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setObjectName("exportDpi")
        self.dpi_spin.setRange(36, 1200)
        self.dpi_spin.setValue(150)
        self.dpi_spin.setSuffix(" dpi")
        form.addRow(tr("Re&solution:"), self.dpi_spin)
        self.aspect_combo = QComboBox()
        self.aspect_combo.setObjectName("exportAspect")
        self.aspect_combo.addItem(tr("Widescreen 16:9"), "16:9")
        self.aspect_combo.addItem(tr("Standard 4:3"), "4:3")
        form.addRow(tr("Sli&des:"), self.aspect_combo)
        self.paper_combo = paper_combo(self.last_paper)
        form.addRow(tr("&Paper (PDF):"), self.paper_combo)
        self.legend_check = QCheckBox(tr("&Include the legend"))
        self.legend_check.setObjectName("exportLegend")
        self.legend_check.setChecked(True)
        form.addRow("", self.legend_check)
        self.highlight_check = QCheckBox(tr("&Highlight changes from the current organisation"))
        self.highlight_check.setObjectName("exportHighlight")
        self.highlight_check.setVisible(_proposal_open(self.design))  # a proposal is shown
        self.highlight_check.setChecked(_proposal_open(self.design))
        form.addRow("", self.highlight_check)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("exportLanguage")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("日本語", "ja")
        self.lang_combo.setCurrentIndex(1 if lang == "ja" else 0)
        form.addRow(tr("Lan&guage:"), self.lang_combo)
        self.scope = ScopeChooser(self.design, lang=lang, root=self.root_id,
                                  kind=self.last_scope or default_kind(self.design),
                                  company=self.last_company)
        scope_label = QLabel(tr("Scope:"))
        scope_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(scope_label, self.scope)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.buttons)
        self.path_edit.textChanged.connect(self._path_edited)
        self.format_combo.currentIndexChanged.connect(self._format_chosen)
        self.layout_combo.currentIndexChanged.connect(self._update)

    # ---- format and enabled options ---------------------------------------------------------
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def _path_edited(self, text: str) -> None:
        suffix = Path(text.strip()).suffix.lower().lstrip(".")
        if suffix in FORMATS and suffix != self.fmt():
            self.format_combo.blockSignals(True)
            self.format_combo.setCurrentIndex(FORMATS.index(suffix))
            self.format_combo.blockSignals(False)
        self._update()

    def _format_chosen(self) -> None:
        """Picking a format renames the file's extension to match."""
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower().lstrip(".") in FORMATS:
                path = path.with_suffix("." + self.fmt())
            else:
                path = path.with_name(path.name + "." + self.fmt())
            self.path_edit.setText(str(path))
        self._update()

    def _update(self) -> None:
        fmt = self.fmt()
        diagram = fmt in DIAGRAM_FORMATS
        layout = self.layout_combo.currentData()
        self.layout_combo.setEnabled(diagram)
        self.orientation_combo.setEnabled(diagram and layout != "canvas")
        self.compact_check.setEnabled(diagram and layout == "tidy")
        self.dpi_spin.setEnabled(fmt == "png")
        self.aspect_combo.setEnabled(fmt == "pptx")
        self.legend_check.setEnabled(diagram and fmt not in ("graphml", "drawio"))
        self.highlight_check.setEnabled(diagram and fmt != "graphml")
        self.paper_combo.setEnabled(fmt == "pdf")
        self.scope.set_diagram(diagram)

    def browse(self) -> None:
        names = format_names()
        filters = [f"{names[f]} (*.{f})" for f in FORMATS]
        current = f"{names[self.fmt()]} (*.{self.fmt()})"
        name, chosen = QFileDialog.getSaveFileName(self, tr("Export to"),
                                                   self.path_edit.text(), ";;".join(filters),
                                                   current)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower().lstrip(".") not in FORMATS:
            fmt = FORMATS[filters.index(chosen)] if chosen in filters else self.fmt()
            path = path.with_name(path.name + "." + fmt)
        self.path_edit.setText(str(path))

    def options(self) -> ExportOptions:
        """The export as set up; ValueError says what is missing."""
        text = self.path_edit.text().strip()
        if not text:
            raise ValueError(tr("Choose a file to export to."))
        path = Path(text).expanduser()
        if path.is_dir():
            raise ValueError(tr("“{0}” is a folder; add a file name.").format(path))
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise ValueError(tr("“{0}” has no known extension; use one of: {1}").format(
                path.name, ", ".join("." + f for f in FORMATS)))
        return ExportOptions(path=path, fmt=fmt, layout=self.layout_combo.currentData(),
                             orientation=self.orientation_combo.currentData(),
                             compact=self.compact_check.isChecked(),
                             dpi=self.dpi_spin.value(), legend=self.legend_check.isChecked(),
                             lang=self.lang_combo.currentData(),
                             aspect=self.aspect_combo.currentData(),
                             paper=self.paper_combo.currentData(),
                             scope=self.scope.scope(fmt),
                             highlight=_changes(self.design) if (
                                 self.highlight_check.isChecked()
                                 and self.highlight_check.isEnabled()
                                 and _proposal_open(self.design)) else None)

    # ---- running ------------------------------------------------------------------------
    def accept(self) -> None:
        if self.job is not None:
            return  # an export is already running
        try:
            options = self.options()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self.job = ExportJob(self.design, options, self)
        self.job.finished.connect(self._finished)
        if len(self.design.units) > BACKGROUND_UNITS:
            self.progress = QProgressDialog(
                tr("Exporting {0} units to {1}…").format(len(self.design.units),
                                                        options.path.name),
                "", 0, 0, self)
            self.progress.setObjectName("exportProgress")
            self.job.progressed.connect(self._progressed)
            self.progress.setWindowTitle(tr("Export Diagram"))
            self.progress.setCancelButton(None)  # Graphviz cannot be interrupted midway
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(0)
            self.progress.setMinimumWidth(460)  # the page count must not be cut off
            self.progress.show()
            self.buttons.setEnabled(False)  # the modal progress blocks the rest
            self.job.start()
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.job.run_here()
            finally:
                QApplication.restoreOverrideCursor()

    def _finished(self, error: str | None) -> None:
        job, self.job = self.job, None
        self.buttons.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if error == CANCELLED:
            return  # the dialog stays, nothing was written
        if error is not None:
            self.failed.emit(error)
            self._show_error(error)
            return
        assert job is not None
        ExportDialog.last_format = job.options.fmt
        if job.options.fmt in DIAGRAM_FORMATS:
            ExportDialog.last_scope = self.scope.kind()
            ExportDialog.last_company = self.scope.company_id()
        if job.options.fmt == "pdf":
            ExportDialog.last_paper = job.options.paper
        self.exported.emit(job.options.path)
        if job.notes:
            self._show_notes(job.notes)
        super().accept()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and self.job is not None:
            if self.job.cancelled.is_set():
                return
            if done == 1:  # pages can be stopped between two (a page cannot)
                self.progress.setCancelButtonText(tr("Cancel"))
                self.progress.canceled.connect(self._cancel)
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setLabelText(tr("Exporting {0}: page {1} of {2} written…").format(
                self.job.options.path.name, done, total))

    def _cancel(self) -> None:
        """Stop after the page being drawn; until then the progress says so."""
        if self.job is None or self.progress is None:
            return
        self.job.cancel()
        self.progress.setCancelButton(None)
        self.progress.setRange(0, 0)
        self.progress.setLabelText(tr("Cancelling after the page being drawn…"))
        self.progress.show()  # cancelling hid it

    def _show_notes(self, notes: list) -> None:
        lang = current_language()
        box = QMessageBox(QMessageBox.Icon.Information, tr("Export Diagram"),
                          tr("The export was written. Please note:"),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exportNotesBox")
        box.setInformativeText("\n\n".join(note_text(n, lang) for n in notes))
        box.exec()

    def _show_error(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Export Diagram"),
                          tr("The export was not written."), QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("exportErrorBox")
        box.setInformativeText(text)
        box.exec()


def _proposal_open(design: Design) -> bool:
    return design.scenarios is not None and design.scenarios.active != "baseline"


def _changes(design: Design) -> tuple[tuple[str, str], ...]:
    """The open proposal's units added, moved or changed against the current organisation."""
    from orgdesigner.analysis.compare import changed_units, structural_diff
    from orgdesigner.model.scenarios import BASELINE, design_of

    return tuple(changed_units(structural_diff(design_of(design, BASELINE), design)).items())


def run_export(window: Any, controller: Any) -> Path | None:
    """File › Export Diagram…: the dialog for the current document, offering the first
    selected unit as the branch to export. Returns the file written, or None."""
    from orgdesigner.gui.dialogs.documents import start_folder

    if controller is None:
        return None
    selected = controller.selected_units() if hasattr(controller, "selected_units") else []
    if controller.path is not None:
        start = Path(controller.path).with_suffix("." + ExportDialog.last_format)
    else:
        name = controller.display_name().replace("/", "_") or "diagram"
        start = start_folder(controller) / f"{name}.{ExportDialog.last_format}"
    dialog = ExportDialog(controller.design, lang=getattr(controller, "lang", "en"),
                          root=selected[0] if selected else None, start_path=start,
                          parent=window)
    written: list[Path] = []
    dialog.exported.connect(written.append)
    dialog.exec()
    dialog.deleteLater()
    if written and hasattr(controller, "statusMessage"):
        controller.statusMessage.emit(tr("Exported to {0}").format(written[0]))
    return written[0] if written else None

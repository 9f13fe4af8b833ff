"""Document-level actions the main window calls: open, save, save as, revert, close.

They work against the controller contract only (`design`, `undo_stack`, `path`, `push`,
`is_modified`), so the window stays a thin shell. Every failure is shown in a dialog with
the reader's or writer's own words, and a failure never touches what is already open:
a file is read completely before anything changes, and saves are atomic.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from orgdesigner import gc_pause
from orgdesigner import settings as settings_mod
from orgdesigner.formats import orgd
from orgdesigner.formats.atomic import WriteError
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.messages import exc_text
from orgdesigner.model import Design, ProcessStatus, ops
from orgdesigner.model.process import STEP_KEYS
from orgdesigner.render.unplaced import lay_out_if_unplaced

SUFFIX = ".orgd"



def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def file_filter() -> str:
    return tr("OrgDesigner designs (*.orgd);;All files (*)")


def _exec(box: QMessageBox) -> QMessageBox.StandardButton:
    """Run a modal box and return the standard button chosen (tests patch `exec`)."""
    return QMessageBox.StandardButton(box.exec())


def _parent(widget: Any) -> QWidget | None:
    return widget if isinstance(widget, QWidget) else None


def _display_name(controller: Any) -> str:
    name = getattr(controller, "display_name", None)
    if callable(name):
        return name()
    return controller.path.name if controller.path else tr("Untitled")


# ---- reading -------------------------------------------------------------------------------

def show_load_error(parent: QWidget | None, path: Path, error: orgd.LoadError) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot open file"),
                      tr("“{name}” could not be opened.").format(name=Path(path).name),
                      QMessageBox.StandardButton.Ok, parent)
    lang = current_language()  # the problems are worded in the UI language (messages.py)
    lines = [p.text(lang) for p in error.problems] or [error.text(lang)]
    more = len(lines) - 1
    info = lines[0] if not more else tr("{first}\n(and {n} more problem(s): see Details)").format(
        first=lines[0], n=more)
    box.setInformativeText(info)
    box.setDetailedText(f"{path}\n\n" + "\n".join(lines))
    box.setObjectName("loadErrorBox")
    _exec(box)


def read_design(parent: QWidget | None, path: str | Path) -> Design | None:
    """Load `path`, or show why it cannot be loaded and return None."""
    try:
        return orgd.load(path)
    except orgd.LoadError as exc:
        show_load_error(parent, Path(path), exc)
        return None


def start_folder(controller: Any = None) -> Path:
    """Where a file dialog opens: the document's folder, else the user's Documents folder
    (never the process's working folder, which means nothing to a desktop user)."""
    path = getattr(controller, "path", None)
    if path is not None:
        return Path(path).absolute().parent
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def ask_open_path(parent: QWidget | None) -> Path | None:
    recent = settings_mod.load_settings().existing_recent()
    start = str(recent[0].parent) if recent else str(start_folder())
    name, _ = QFileDialog.getOpenFileName(parent, tr("Open design"), start, file_filter())
    return Path(name) if name else None


def open_file(window: Any, path: str | Path) -> Any | None:
    """Open `path` in a new document of `window`; None if it could not be read.

    Nothing already open is touched on failure. A successful open goes to the recent files.
    A file that is already open is brought to the front instead of being opened twice (when
    the window offers `documents()` and `activate()`).
    """
    path = Path(path).absolute()
    if callable(getattr(window, "documents", None)) and callable(getattr(window, "activate",
                                                                         None)):
        for c in window.documents():
            if c.path is not None and Path(c.path).absolute() == path:
                window.activate(c)
                return c
    # the collector waits from the read to the built canvas (MainWindow.open_design then
    # freezes a large design): between them it would walk the whole new heap once — 0.2 s
    # at 50,000 units, before anything is shown
    with gc_pause.paused():
        design = read_design(_parent(window), path)
        if design is None:
            return None
        laid_out = lay_out_if_unplaced(design, current_language())  # a file without positions
        controller = window.open_design(design, path)
    if laid_out and controller is not None:  # new positions: modified, so they get saved
        controller.undo_stack.resetClean()
    settings_mod.remember_file(path)
    return controller


def new_document(window: Any, template_id: str | None = None) -> Any | None:
    """A new untitled document, blank or from a shipped template."""
    from orgdesigner import templates

    if template_id is None:
        design = Design()
    else:
        try:
            design = templates.load(template_id)
        except (templates.UnknownTemplateError, orgd.LoadError) as exc:
            err = exc if isinstance(exc, orgd.LoadError) else orgd.LoadError(
                [orgd.Problem("", str(exc))], template_id)
            show_load_error(_parent(window), Path(f"{template_id}.orgd"), err)
            return None
        design.update_metadata(template=template_id)
    # a new document is created today (the budget's first fiscal year follows from it)
    design.update_metadata(created=datetime.date.today().isoformat())
    return window.open_design(design, None)


# ---- writing -------------------------------------------------------------------------------

def _set_path(controller: Any, path: Path) -> None:
    setter = getattr(controller, "set_path", None)
    if callable(setter):
        setter(path)
    else:
        controller.path = path


def write_to(controller: Any, path: Path, parent: QWidget | None = None) -> bool:
    """Write the design to `path` atomically; on success the document is clean."""
    try:
        orgd.save(controller.design, path)
    except (WriteError, OSError, ValueError) as exc:  # ValueError: text no file can hold
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot save"),
                          tr("The design could not be saved; the file on disk is unchanged."),
                          QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText(exc_text(exc, current_language()))
        box.setObjectName("saveErrorBox")
        _exec(box)
        return False
    controller.undo_stack.setClean()
    settings_mod.remember_file(path)
    return True


def save(controller: Any, parent: QWidget | None = None) -> bool:
    """Save to the document's file, asking for one if it has none. True if saved."""
    if controller.path is None:
        return save_as(controller, parent)
    return write_to(controller, Path(controller.path), parent)


def ask_save_path(parent: QWidget | None, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, tr("Save design as"), suggestion,
                                          file_filter())
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    return path


def save_as(controller: Any, parent: QWidget | None = None) -> bool:
    if controller.path is not None:
        suggestion = str(controller.path)
    else:
        name = _display_name(controller).replace("/", "_") + SUFFIX
        suggestion = str(start_folder(controller) / name)
    path = ask_save_path(parent, suggestion)
    if path is None:
        return False
    if not write_to(controller, path, parent):
        return False
    _set_path(controller, path.absolute())
    return True


# ---- revert and close ------------------------------------------------------------------------

def replacement_ops(current: Design, new: Design, text: str = "Revert") -> ops.Batch:
    """One batch that turns `current` into `new` (so Revert is a single undoable step)."""
    batch: list[ops.Op] = [ops.RemoveFlow(f) for f in current.flows]
    batch += [ops.RemoveUnit(u) for u in current.units]
    batch += [ops.RemoveCompany(c) for c in current.companies]
    batch += [ops.RemoveCost(c) for c in current.costs]
    batch += [ops.AddCompany(c) for c in new.companies.values()]
    batch += [ops.AddUnit(u) for u in new.units.values()]
    batch += [ops.AddFlow(f) for f in new.flows.values()]
    batch += [ops.AddCost(c) for c in new.costs.values()]
    m, b = new.metadata, new.budget
    batch.append(ops.UpdateMetadata({k: getattr(m, k) for k in m.__dataclass_fields__}))
    batch.append(ops.UpdateBudget({k: getattr(b, k) for k in b.__dataclass_fields__}))
    batch += [ops.SetProcess(k, new.process.get(k, ProcessStatus.NOT_STARTED))
              for k in sorted(STEP_KEYS)]
    return ops.Batch(batch, text)


def revert(controller: Any, parent: QWidget | None = None) -> bool:
    """Reload the document's file as one undoable step; True if reverted."""
    if controller.path is None:
        return False
    if controller.is_modified():
        box = QMessageBox(QMessageBox.Icon.Question, tr("Revert"),
                          tr("Revert “{name}” to the saved file?").format(
                              name=_display_name(controller)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          parent)
        box.setInformativeText(tr("Your unsaved changes are discarded (Undo brings them back)."))
        box.setObjectName("revertBox")
        if _exec(box) != QMessageBox.StandardButton.Yes:
            return False
    design = read_design(parent, controller.path)
    if design is None:
        return False
    laid_out = lay_out_if_unplaced(design, current_language())  # as when it was opened
    if not controller.push(replacement_ops(controller.design, design), tr("Revert")):
        return False
    if laid_out:
        controller.undo_stack.resetClean()
    else:
        controller.undo_stack.setClean()
    return True


def confirm_close(controller: Any, parent: QWidget | None = None) -> bool:
    """Ask Save / Discard / Cancel for a modified document; True if it may close."""
    if not controller.is_modified():
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved changes"),
                      tr("Save the changes to “{name}” before closing?").format(
                          name=_display_name(controller)),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(tr("If you don't save, your changes will be lost."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setObjectName("unsavedChangesBox")
    answer = _exec(box)
    if answer == QMessageBox.StandardButton.Save:
        return save(controller, parent)
    return answer == QMessageBox.StandardButton.Discard


def apply_window_title(window: QWidget, controller: Any | None) -> None:
    """Title "NAME[*] — OrgDesigner" with the modified mark from the undo stack."""
    if controller is None:
        window.setWindowTitle("OrgDesigner")
        window.setWindowModified(False)
        return
    window.setWindowTitle(f"{_display_name(controller)}[*] — OrgDesigner")
    window.setWindowModified(controller.is_modified())


# ---- drag and drop, recent files ----------------------------------------------------------

def orgd_paths(event: QDropEvent | Any) -> list[Path]:
    """The local `.orgd` files carried by a drag or drop event (or a QMimeData)."""
    mime = event.mimeData() if hasattr(event, "mimeData") else event
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIX)]


class FileDropFilter(QObject):
    """Event filter that accepts `.orgd` files dropped on a widget and reports them.

    Install on the main window (which must `setAcceptDrops(True)`); other drops (palette
    presets on the canvas) pass through untouched.
    """

    filesDropped = Signal(list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if orgd_paths(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            found = orgd_paths(event)
            if found:
                event.acceptProposedAction()
                self.filesDropped.emit(found)
                return True
        return False


class RecentFilesMenu(QMenu):
    """"Open Recent": rebuilt from the settings each time it opens."""

    fileChosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Open &Recent"), parent)
        self.setObjectName("menuRecentFiles")
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        recent = settings_mod.load_settings().existing_recent()
        for i, path in enumerate(recent, start=1):
            action = self.addAction(f"&{i % 10} {path.name}")
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.fileChosen.emit(p))
        if not recent:
            self.addAction(tr("No recent files")).setEnabled(False)
        else:
            self.addSeparator()
            self.addAction(tr("Clear list"), self._clear)

    def _clear(self) -> None:
        s = settings_mod.load_settings()
        s.recent_files = []
        try:
            settings_mod.save_settings(s)
        except WriteError:
            pass
        self.rebuild()

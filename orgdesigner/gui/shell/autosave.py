"""AutosaveManager: snapshots open documents with unsaved changes, on a timer and when idle.

The files and the crash detection live in `orgdesigner.autosave` (no Qt); this object only
decides *when*: every `interval_s` seconds, a few seconds after the user stops editing, and
when the application loses focus. It writes only documents whose undo stack is not clean
and that changed since their last snapshot, and deletes a document's snapshot as soon as it
is clean again (saved, or undone back to the saved state) or closed.

A design of `BIG` units or more is not written in one go (a 50,000-unit group's text costs
over a second of CPU: the window froze at every pause in editing). Its text is built in
slices of `SLICE_S` between events (formats/orgd_steps.py); an edit while the slices still
read the model drops the half-built snapshot (the next pass starts again); the finished text
is written to disk by a worker thread (file I/O releases Python's lock).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from orgdesigner import autosave
from orgdesigner.formats.orgd_steps import text_steps
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.messages import exc_text

_ids = itertools.count(1)

#: Designs of this many units or more are snapshotted in slices.
BIG = 3000
#: Longest stretch of snapshot work between two events.
SLICE_S = 0.012


@dataclass
class _Doc:
    controller: Any
    doc_id: str
    generation: int = 0
    written: int = -1  # generation of the last snapshot; -1 = never written
    has_file: bool = False


@dataclass
class _Job:
    """A snapshot being built in slices, then written by a thread."""
    doc: _Doc
    generation: int
    steps: Iterator[bool | str]
    reading_model: bool = True
    thread: threading.Thread | None = None
    error: BaseException | None = None


def _is_controller(obj: object) -> bool:
    return all(hasattr(obj, a) for a in ("design", "undo_stack", "is_modified", "changed"))


class AutosaveManager(QObject):
    """Watch controllers and keep their autosaves current.

    `source` is a list of controllers, a callable returning the open controllers, or the
    main window (its `controllers()` or `documents()` if it has one, else the controllers
    among its children; new documents are picked up on `currentDocumentChanged` and on every pass).
    """

    written = Signal(int)  # snapshots written in one pass
    failed = Signal(str)  # a snapshot could not be written (for the status bar)

    def __init__(self, source: Any = (), interval_s: float = 60, *, idle_ms: int = 5000,
                 session: str | None = None, directory: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else
                         (source if isinstance(source, QObject) else None))
        self.session = session or autosave.SESSION
        self.directory = directory
        self._docs: dict[int, _Doc] = {}
        self._source: Callable[[], Iterable[Any]] | None = None
        if isinstance(source, (list, tuple)):
            for c in source:
                self.track(c)
        elif callable(getattr(source, "controllers", None)):
            self._source = source.controllers
        elif callable(getattr(source, "documents", None)):  # MainWindow.documents()
            self._source = source.documents
        elif callable(source) and not isinstance(source, QObject):
            self._source = source
        elif isinstance(source, QObject):
            self._source = lambda: [o for o in source.findChildren(QObject) if _is_controller(o)]
        if isinstance(source, QObject) and hasattr(source, "currentDocumentChanged"):
            source.currentDocumentChanged.connect(self._maybe_track)
        self._timer = QTimer(self)
        self._timer.setObjectName("autosaveTimer")
        self._timer.timeout.connect(self.save_now)
        self._idle = QTimer(self)
        self._idle.setObjectName("autosaveIdleTimer")
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.save_now)
        self._jobs: dict[int, _Job] = {}  # controller id -> snapshot in slices
        self._slicer = QTimer(self)
        self._slicer.setObjectName("autosaveSlices")
        self._slicer.setSingleShot(True)
        self._slicer.timeout.connect(self._work)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)
        self.set_interval(interval_s)
        self._refresh()

    # ---- configuration ------------------------------------------------------------------
    def set_interval(self, seconds: float) -> None:
        """Snapshot every `seconds` (0 turns autosave off, idle trigger included)."""
        self.interval_s = seconds
        if seconds > 0:
            self._timer.start(int(seconds * 1000))
        else:
            self._timer.stop()
            self._idle.stop()

    def enabled(self) -> bool:
        return self.interval_s > 0

    # ---- documents --------------------------------------------------------------------------
    def track(self, controller: Any) -> None:
        key = id(controller)
        if key in self._docs or not _is_controller(controller):
            return
        doc = _Doc(controller, f"d{next(_ids)}")
        self._docs[key] = doc
        controller.changed.connect(lambda d=doc: self._on_changed(d))
        controller.undo_stack.cleanChanged.connect(
            lambda clean, d=doc: self._forget_file(d) if clean else None)
        if isinstance(controller, QObject):
            controller.destroyed.connect(lambda *_a, k=key: self._drop(k))

    def untrack(self, controller: Any) -> None:
        """The document was closed (saved or deliberately discarded): drop its snapshot."""
        self._drop(id(controller))

    def controllers(self) -> list[Any]:
        return [d.controller for d in self._docs.values()]

    def snapshot_path(self, controller: Any) -> Path | None:
        doc = self._docs.get(id(controller))
        if doc is None or not doc.has_file:
            return None
        return autosave.snapshot_path(doc.doc_id, session=self.session,
                                      directory=self.directory)

    def _maybe_track(self, controller: Any) -> None:
        if controller is not None:
            self.track(controller)

    def _refresh(self) -> None:
        if self._source is None:
            return
        current = list(self._source())
        for c in current:
            self.track(c)
        alive = {id(c) for c in current}
        for key in [k for k in self._docs if k not in alive]:
            self._drop(key)

    def _drop(self, key: int) -> None:
        doc = self._docs.pop(key, None)
        if doc is not None:
            self._forget_file(doc)

    def _forget_file(self, doc: _Doc) -> None:
        self._cancel(doc)
        autosave.remove(doc.doc_id, session=self.session, directory=self.directory)
        doc.has_file = False
        doc.written = -1

    def _on_changed(self, doc: _Doc) -> None:
        doc.generation += 1
        if self.enabled():
            self._idle.start()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.enabled():
            self.save_now()

    # ---- writing ----------------------------------------------------------------------------
    def save_now(self) -> int:
        """Snapshot every modified document that changed since its last snapshot."""
        self._refresh()
        count = 0
        for doc in list(self._docs.values()):
            c = doc.controller
            try:
                modified = c.is_modified()
            except RuntimeError:  # the C++ controller is gone
                self._drop(id(c))
                continue
            if not modified:
                if doc.has_file:
                    self._forget_file(doc)
                continue
            if doc.written == doc.generation:
                continue
            if len(c.design.units) >= BIG:
                self._start(doc)
                continue
            try:
                autosave.write(c.design, doc.doc_id, original=c.path, title=_title(c),
                               session=self.session, directory=self.directory)
            except (OSError, ValueError) as exc:  # shown in the status bar, never a traceback
                self.failed.emit(self.tr("Autosave failed: {0}").format(
                    exc_text(exc, current_language())))
                continue
            doc.written = doc.generation
            doc.has_file = True
            count += 1
        if count:
            self.written.emit(count)
        return count

    # ---- large designs: slices, then a writer thread -------------------------------------
    def pending(self) -> bool:
        """Whether a large design's snapshot is still being built or written."""
        return bool(self._jobs)

    def _start(self, doc: _Doc) -> None:
        key = id(doc.controller)
        job = self._jobs.get(key)
        if job is not None and job.generation == doc.generation:
            return  # already on its way
        if job is not None and job.thread is not None:
            return  # a writer is busy: the next pass snapshots the newer state
        self._jobs[key] = _Job(doc, doc.generation, text_steps(doc.controller.design))
        self._slicer.start(0)

    def _cancel(self, doc: _Doc) -> None:
        job = self._jobs.get(id(doc.controller))
        if job is not None and job.thread is None:
            del self._jobs[id(doc.controller)]

    def _work(self) -> None:
        """One slice: advance every job a little; a job whose text is done goes to a
        writer thread; a finished writer is reported (polled: Qt objects stay in this
        thread)."""
        deadline = time.perf_counter() + SLICE_S
        for key, job in list(self._jobs.items()):
            if job.thread is not None:
                if not job.thread.is_alive():
                    self._finish(key, job)
                continue
            if job.reading_model and job.doc.generation != job.generation:
                del self._jobs[key]  # edited meanwhile: the idle timer comes back for it
                continue
            while True:  # at least one step per slice
                step = next(job.steps)
                if isinstance(step, str):
                    self._write_in_thread(job, step)
                    break
                job.reading_model = not step
                if time.perf_counter() >= deadline:
                    break
            if time.perf_counter() >= deadline:
                break
        if self._jobs:
            busy = all(j.thread is not None for j in self._jobs.values())
            self._slicer.start(20 if busy else 0)

    def _write_in_thread(self, job: _Job, text: str) -> None:
        c = job.doc.controller
        args = dict(original=c.path, title=_title(c), session=self.session,
                    directory=self.directory)

        def run() -> None:
            try:
                autosave.write_text(text, job.doc.doc_id, **args)
            except (OSError, ValueError) as exc:
                job.error = exc

        job.thread = threading.Thread(target=run, name="autosave", daemon=True)
        job.thread.start()

    def _finish(self, key: int, job: _Job) -> None:
        del self._jobs[key]
        doc = job.doc
        if job.error is not None:
            self.failed.emit(self.tr("Autosave failed: {0}").format(
                exc_text(job.error, current_language())))
            return
        try:
            still_wanted = self._docs.get(key) is doc and doc.controller.is_modified()
        except RuntimeError:
            still_wanted = False
        if not still_wanted:  # saved, undone to clean or closed while the thread wrote
            autosave.remove(doc.doc_id, session=self.session, directory=self.directory)
            return
        doc.written = job.generation
        doc.has_file = True
        self.written.emit(1)
        if doc.generation != job.generation and self.enabled():
            self._idle.start()  # edited while it was written: snapshot the newer state

    def shutdown(self) -> None:
        """A clean quit (every document was saved or discarded): remove this session's
        snapshots and stop."""
        self._timer.stop()
        self._idle.stop()
        self._slicer.stop()
        for job in self._jobs.values():
            if job.thread is not None:
                job.thread.join()
        self._jobs.clear()
        self._docs.clear()
        autosave.remove_session(session=self.session, directory=self.directory)


def _title(controller: Any) -> str:
    name = getattr(controller, "display_name", None)
    if callable(name):
        try:
            return name()
        except RuntimeError:
            return ""
    return controller.path.name if controller.path else ""

"""One open document: its design, undo stack, file path and canvas scene.

The controller is the only thing that pushes to the undo stack (STYLE.md practice 4): the
scene, the inspector, the palette drop and the menus all describe their edit as a model
operation and call `push`. A refused edit (a reporting cycle, a second superior) leaves the
stack untouched and is reported through `statusMessage`.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from orgdesigner.gui.canvas.commands import OpCommand
from orgdesigner.gui.i18n.lang import ui_language
from orgdesigner.model import Design, ModelError
from orgdesigner.model.ops import Batch, Op


class DocumentController(QObject):
    changed = Signal()
    selectionChanged = Signal()
    statusMessage = Signal(str)
    pathChanged = Signal()

    def __init__(self, design: Design, path: Path | None = None, lang: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        from orgdesigner.gui.canvas.scene import (
            DiagramScene,  # the scene imports items, which import style
        )

        self.design = design
        self.path = Path(path) if path is not None else None
        self.lang = lang or ui_language()
        self.undo_stack = QUndoStack(self)
        self.paste_count = 0
        self._events_seen = 0
        design.events.subscribe(self._count_event)
        self.scene = DiagramScene(self)
        self.scene.selectionChanged.connect(self.selectionChanged)
        self.undo_stack.indexChanged.connect(self.changed)

    # ---- editing -------------------------------------------------------------------------
    def _count_event(self, _event: object) -> None:
        self._events_seen += 1

    def push(self, op: Op, text: str, merge_key: Hashable | None = None,
             texts: dict[str, str] | None = None) -> bool:
        """Apply `op` as one undo step named `text`; False (and a status message) if refused.

        `texts` names the step in each language when the caller can (see undo_text.py).
        An op that changes nothing (a drag that ends where it began, a field set to its own
        value) is not pushed, so Undo never does nothing.
        """
        if isinstance(op, Batch) and not op.ops:
            return True
        before = self._events_seen
        try:
            inverse = op.apply(self.design)
        except ModelError as exc:
            from orgdesigner.gui.i18n.language import error_text

            self.statusMessage.emit(error_text(exc))  # in the UI language
            return False
        if self._events_seen == before:
            return True
        self.undo_stack.push(OpCommand(self.design, op, inverse, text, merge_key, texts))
        return True

    def close(self) -> None:
        """Stop listening to the design (the document is being closed)."""
        self.design.events.unsubscribe(self._count_event)
        self.scene.detach()

    # ---- selection ----------------------------------------------------------------------
    def select_units(self, ids: list[str], center: bool = True) -> None:
        self.scene.select_ids(units=ids)
        if center and ids:
            self.scene.center_on_units(ids)

    def selected_units(self) -> list[str]:
        return self.scene.selected_unit_ids()

    def selected_flows(self) -> list[str]:
        return self.scene.selected_flow_ids()

    def selected_companies(self) -> list[str]:
        return self.scene.selected_company_ids()

    # ---- file state ---------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        m = self.design.metadata
        title = (m.title_en or m.title) if self.lang == "en" else (m.title or m.title_en)
        return title or self.tr("Untitled")

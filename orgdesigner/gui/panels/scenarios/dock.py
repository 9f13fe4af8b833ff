"""The Scenarios dock: the current organisation (現状) and the proposals of the current
document. Clicking one shows it on the canvas (undoable, like every edit); the buttons
create, rename, reorder, delete and recommend proposals, generate the least-change options
and open the Compare view."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.analysis.options import generate, recommended
from orgdesigner.model import scenarios as sc
from orgdesigner.model.ops import Batch


@contextmanager
def waiting() -> Iterator[None]:
    """A wait cursor for edits that take a moment on a large group (switching, generating)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ScenariosPanel(QWidget):
    def __init__(self, window: Any) -> None:
        super().__init__()
        self.setObjectName("scenariosPanel")
        self.window_ = window
        self.ctrl: Any = None
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        self.list.itemActivated.connect(self._switch)
        self.list.itemClicked.connect(self._switch)
        self.hint = QLabel()
        self.summary = QLabel()  # what the generated options fix and disturb
        self.summary.setObjectName("scenarioSummary")
        self.summary.setWordWrap(True)
        self.hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(3)
        self.buttons: dict[str, QPushButton] = {}
        specs = [("new", self.tr("New"), self.tr("A new proposal: a copy of the selected "
                                                 "scenario"), self.new, 0, 0, 1),
                 ("rename", self.tr("Rename…"), "", self.rename, 0, 1, 1),
                 ("delete", self.tr("Delete"), "", self.delete, 0, 2, 1),
                 ("up", "↑", self.tr("Move Up"), lambda: self.move(-1), 1, 0, 1),
                 ("down", "↓", self.tr("Move Down"), lambda: self.move(1), 1, 1, 1),
                 ("recommend", "★", self.tr("Recommend"), self.recommend, 1, 2, 1),
                 ("generate", self.tr("Generate Options…"),
                  self.tr("Up to three least-change proposals from the current organisation"),
                  self.generate, 2, 0, 3),
                 ("compare", self.tr("Compare…"),
                  self.tr("The current organisation beside the selected proposal"),
                  self.compare, 3, 0, 3)]
        for key, text, tip, slot, row, col, span in specs:
            b = QPushButton(text)
            b.setObjectName(f"scenario_{key}")
            if tip:
                b.setToolTip(tip)
            b.clicked.connect(slot)
            grid.addWidget(b, row, col, 1, span)
            self.buttons[key] = b
        self.list.setMinimumHeight(80)
        self.list.setMaximumHeight(130)  # the buttons and the summary stay in view
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(grid)
        lay.addWidget(self.hint)
        lay.addWidget(self.summary)

    # ---- following the document ----------------------------------------------------------
    def set_controller(self, ctrl: Any) -> None:
        if self.ctrl is not None:
            try:
                self.ctrl.changed.disconnect(self.refresh)
            except (RuntimeError, TypeError):
                pass
        self.ctrl = ctrl
        self.summary.clear()
        if ctrl is not None:
            ctrl.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        enabled = self.ctrl is not None
        for b in self.buttons.values():
            b.setEnabled(enabled)
        if not enabled:
            return
        lang = self.ctrl.lang
        sset = sc.scenarios_of(self.ctrl.design)
        self.hint.setText(self.tr("Showing: %1. Click another scenario to show it on the "
                                  "canvas; ★ marks the recommended one.").replace(
            "%1", sset.get(sset.active).display_name(lang)))
        for s in sset.items:
            item = QListWidgetItem(("★ " if s.recommended else "") + s.display_name(lang))
            item.setData(256, s.id)
            if s.id == sset.active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setSelected(True)
            self.list.addItem(item)
            if s.id == sset.active:
                self.list.setCurrentItem(item)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    # ---- actions ------------------------------------------------------------------------
    def _push(self, op: Any, text: str) -> None:
        if self.ctrl is not None:
            with waiting():
                self.ctrl.push(op, text)

    def _switch(self, item: QListWidgetItem) -> None:
        sid = item.data(256)
        if self.ctrl is not None and sid != sc.scenarios_of(self.ctrl.design).active:
            self._push(sc.SwitchScenario(sid), self.tr("Show Scenario"))

    def new(self) -> None:
        if self.ctrl is None:
            return
        n = len(sc.scenarios_of(self.ctrl.design).items)
        name, ok = QInputDialog.getText(self, self.tr("New Scenario"), self.tr("Name:"),
                                        text=self.tr("Proposal %1").replace("%1", str(n)))
        if ok and name.strip():
            self._push(sc.create(self.ctrl.design, name.strip(), self.selected_id()),
                       self.tr("New Scenario"))

    def rename(self) -> None:
        sid = self.selected_id()
        if self.ctrl is None or sid is None:
            return
        s = sc.scenarios_of(self.ctrl.design).get(sid)
        name, ok = QInputDialog.getText(self, self.tr("Rename Scenario"), self.tr("Name:"),
                                        text=s.display_name(self.ctrl.lang))
        if ok:
            self._push(sc.UpdateScenario(sid, {"name": name}), self.tr("Rename Scenario"))

    def move(self, step: int) -> None:
        sid = self.selected_id()
        if self.ctrl is None or sid is None or sid == sc.BASELINE:
            return
        sset = sc.scenarios_of(self.ctrl.design)
        index = sset.index(sid) + step
        if 1 <= index < len(sset.items):
            self._push(sc.MoveScenario(sid, index), self.tr("Move Scenario"))

    def delete(self) -> None:
        sid = self.selected_id()
        if self.ctrl is None or sid is None or sid == sc.BASELINE:
            self.window_.statusBar().showMessage(
                self.tr("The current organisation cannot be deleted."), 6000)
            return
        ops: list = []
        if sid == sc.scenarios_of(self.ctrl.design).active:
            ops.append(sc.SwitchScenario(sc.BASELINE))
        ops.append(sc.RemoveScenario(sid))
        self._push(Batch(ops), self.tr("Delete Scenario"))

    def recommend(self) -> None:
        sid = self.selected_id()
        if self.ctrl is not None and sid is not None:
            self._push(sc.recommend(self.ctrl.design, sid), self.tr("Recommend Scenario"))

    def generate(self) -> None:
        if self.ctrl is None:
            return
        design = self.ctrl.design
        base = sc.design_of(design, sc.BASELINE)
        with waiting():  # about a second for a 5,000-unit group
            options = generate(base)
        if not options:
            self.window_.statusBar().showMessage(
                self.tr("No option could be generated without errors."), 8000)
            return
        best = recommended(options, base)
        sset = sc.scenarios_of(design)
        ops: list = []
        next_ids = []
        for o in options:
            batch = sc.create(design, o.name(self.ctrl.lang), sc.BASELINE, o.design)
            scenario = batch.ops[0].scenario  # type: ignore[attr-defined]
            n = 1
            while f"p{n}" in sset.ids() or f"p{n}" in next_ids:
                n += 1
            scenario.id = f"p{n}"
            next_ids.append(scenario.id)
            scenario.recommended = o is best
            ops.append(batch)
        ops.insert(0, sc.recommend(design, None))
        self._push(Batch(ops), self.tr("Generate Options"))
        self.window_.statusBar().showMessage(
            self.tr("%n option(s) added; ★ marks the recommended one.", "", len(options)), 8000)
        self.summary.setText("\n".join(self._summary(base, o) for o in options))

    def _summary(self, base: Any, option: Any) -> str:
        """What an option fixes and disturbs, in one line (the Compare view has the rest)."""
        from orgdesigner.analysis.comparison import compare

        c = compare(base, option.design)
        return self.tr("%1: resolves %2, new %3, moves %4, must agree %5").replace(
            "%1", option.name(self.ctrl.lang).split("：")[0].split(":")[0]).replace(
            "%2", str(len(c.resolved))).replace(
            "%3", str(len(c.new))).replace("%4", str(len(c.footprint.moved))).replace(
            "%5", str(len(c.footprint.must_agree)))

    def compare(self) -> None:
        if self.ctrl is None:
            return
        from orgdesigner.gui.panels.scenarios.compare_view import CompareDialog

        sset = sc.scenarios_of(self.ctrl.design)
        other = self.selected_id()
        if other == sc.BASELINE or other is None:
            other = sset.items[1].id if len(sset.items) > 1 else sc.BASELINE
        dialog = CompareDialog(self.ctrl, sc.BASELINE, other, self)
        dialog.show()
        self._dialog = dialog

"""The findings dock's "Process" tab: the Japanese and CERT/CC tracks' steps as tristate
ticks (not started → in progress → done) and the next step to take. A tick goes back
through the controller as one undo step; the tab itself never changes the design."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from orgdesigner.analysis import CheckReport
from orgdesigner.analysis.process import track_name
from orgdesigner.gui.panels.findings_tree import ROLE
from orgdesigner.model import ProcessStatus, ops
from orgdesigner.model.process import STEPS, TRACKS

_STATUS_TO_CHECK = {ProcessStatus.NOT_STARTED: Qt.CheckState.Unchecked,
                    ProcessStatus.IN_PROGRESS: Qt.CheckState.PartiallyChecked,
                    ProcessStatus.DONE: Qt.CheckState.Checked}
_CHECK_TO_STATUS = {v: k for k, v in _STATUS_TO_CHECK.items()}


class ProcessTab(QWidget):
    def __init__(self, controller: Callable[[], Any], lang: str) -> None:
        super().__init__()
        self._controller = controller  # the document the dock follows (or None)
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextStepLabel")
        self.next_label.setWordWrap(True)
        layout.addWidget(self.next_label)
        self.tree = QTreeWidget()
        self.tree.setObjectName("processTree")
        self.tree.setHeaderHidden(True)
        self.tree.itemChanged.connect(self._step_changed)
        layout.addWidget(self.tree)
        self.step_items: dict[str, QTreeWidgetItem] = {}
        self.track_items: dict[str, QTreeWidgetItem] = {}
        for track in TRACKS:
            top = QTreeWidgetItem(self.tree)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.track_items[track] = top
            for step in (s for s in STEPS if s.track == track):
                item = QTreeWidgetItem(top)
                item.setData(0, ROLE, step.key)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsUserTristate | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                self.step_items[step.key] = item
            top.setExpanded(True)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        tip = QCoreApplication.translate("FindingsPanel",
                                         "Click to cycle: not started → in progress → done")
        with QSignalBlocker(self.tree):
            for step in STEPS:
                item = self.step_items[step.key]
                item.setText(0, f"{step.number}. {step.title(lang)}")
                item.setToolTip(0, tip)

    def clear(self) -> None:
        self.tree.setEnabled(False)
        self.next_label.clear()

    def show_report(self, report: CheckReport) -> None:
        lang = self.lang
        self.tree.setEnabled(True)
        with QSignalBlocker(self.tree):
            for track in TRACKS:
                states = report.process.tracks[track]
                for state in states:
                    self.step_items[state.step.key].setCheckState(
                        0, _STATUS_TO_CHECK[state.status])
                done = report.process.done(track)
                self.track_items[track].setText(0, QCoreApplication.translate(
                    "FindingsPanel", "{0} track ({1}/{2} done)").format(
                    track_name(track, lang), done, len(states)))
        current = report.process.current_track()
        nxt = report.process.next_step(current)
        if nxt is None:
            self.next_label.setText(QCoreApplication.translate(
                "FindingsPanel", "Every step of the {0} track is done.").format(
                track_name(current, lang)))
        else:
            self.next_label.setText(QCoreApplication.translate(
                "FindingsPanel", "Next step ({0}): {1}. {2}").format(
                track_name(current, lang), nxt.number, nxt.title(lang)))

    def _step_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, ROLE)
        controller = self._controller()
        if not key or controller is None:
            return
        status = _CHECK_TO_STATUS[item.checkState(0)]
        step = next(s for s in STEPS if s.key == key)
        text = QCoreApplication.translate("FindingsPanel", "Process step {0} ({1}): {2}").format(
            step.number, track_name(step.track, self.lang), status.label(self.lang))
        if not controller.push(ops.SetProcess(key, status), text):
            with QSignalBlocker(self.tree):
                old = controller.design.process.get(key, ProcessStatus.NOT_STARTED)
                item.setCheckState(0, _STATUS_TO_CHECK[old])

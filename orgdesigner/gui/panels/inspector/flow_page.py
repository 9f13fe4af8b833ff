"""Inspector page for one flow: its ends, kind (retype) and label; reverse its direction."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.fields import EnumCombo, LineField
from orgdesigner.model import FlowKind, ops


class FlowPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl: DocumentController | None = None
        self.fid = ""
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        self.kind = EnumCombo(FlowKind, lang)
        self.kind.setObjectName("flowKind")
        self.label = LineField()
        self.label.setObjectName("flowLabel")
        self.reverse = QPushButton(self.tr("Reverse direction"))
        self.reverse.setObjectName("flowReverse")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(self.tr("Flow"), self.ends)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Label"), self.label)
        form.addRow("", self.reverse)
        self.kind.committed.connect(lambda v: self._set({"kind": v}, self.tr("Change flow kind")))
        self.label.committed.connect(lambda v: self._set({"label": v}, self.tr("Edit flow label")))
        self.reverse.clicked.connect(self._reverse)

    def show_flow(self, ctrl: DocumentController, fid: str) -> None:
        self.ctrl, self.fid = ctrl, fid
        self.refresh()

    def refresh(self) -> None:
        if self.ctrl is None or self.fid not in self.ctrl.design.flows:
            return
        d, lang = self.ctrl.design, self.ctrl.lang
        f = d.flows[self.fid]
        self.ends.setText(f"{d.units[f.source].display_name(lang)}  →  "
                          f"{d.units[f.target].display_name(lang)}")
        self.kind.set_value(f.kind.value)
        self.label.set_value(f.label)

    def _set(self, changes: dict[str, Any], text: str) -> None:
        if self.ctrl is None or self.fid not in self.ctrl.design.flows:
            return
        if not self.ctrl.push(ops.UpdateFlow(self.fid, changes), text):
            self.refresh()

    def _reverse(self) -> None:
        if self.ctrl is None or self.fid not in self.ctrl.design.flows:
            return
        f = self.ctrl.design.flows[self.fid]
        self._set({"source": f.target, "target": f.source}, self.tr("Reverse flow"))

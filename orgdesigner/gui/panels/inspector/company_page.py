"""Inspector page for a company frame: names, kind, in scope, fit to contents, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.fields import EnumCombo, LineField, TextField
from orgdesigner.model import CompanyKind, ops


class CompanyPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl: DocumentController | None = None
        self.cid = ""
        self.name = LineField()
        self.name.setObjectName("companyName")
        self.name_en = LineField()
        self.name_en.setObjectName("companyNameEn")
        self.kind = EnumCombo(CompanyKind, lang)
        self.kind.setObjectName("companyKind")
        self.in_scope = QCheckBox(self.tr("In the CSIRT's scope"))
        self.in_scope.setObjectName("companyInScope")
        self.fit = QPushButton(self.tr("Fit frame to its units"))
        self.fit.setObjectName("companyFit")
        self.notes = TextField()
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(self.tr("Name (Japanese)"), self.name)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.in_scope)
        form.addRow("", self.fit)
        form.addRow(self.tr("Notes"), self.notes)
        self._loading = False
        self.name.committed.connect(lambda v: self._set({"name": v}, self.tr("Rename company")))
        self.name_en.committed.connect(lambda v: self._set({"name_en": v},
                                                           self.tr("Rename company")))
        self.kind.committed.connect(lambda v: self._set({"kind": v},
                                                        self.tr("Change company kind")))
        self.in_scope.toggled.connect(
            lambda on: None if self._loading else self._set({"in_scope": on},
                                                            self.tr("Change scope")))
        self.fit.clicked.connect(lambda: self._set({"width": 0.0, "height": 0.0},
                                                   self.tr("Fit frame to contents")))
        self.notes.committed.connect(lambda v: self._set({"notes": v}, self.tr("Edit notes")))

    def show_company(self, ctrl: DocumentController, cid: str) -> None:
        self.ctrl, self.cid = ctrl, cid
        self.refresh()

    def refresh(self) -> None:
        if self.ctrl is None or self.cid not in self.ctrl.design.companies:
            return
        c = self.ctrl.design.companies[self.cid]
        self._loading = True
        self.name.set_value(c.name)
        self.name_en.set_value(c.name_en)
        self.kind.set_value(c.kind.value)
        self.in_scope.setChecked(c.in_scope)
        self.fit.setEnabled(c.width > 0)
        self.notes.set_value(c.notes)
        self._loading = False

    def _set(self, changes: dict[str, Any], text: str) -> None:
        if self.ctrl is None or self.cid not in self.ctrl.design.companies:
            return
        if not self.ctrl.push(ops.UpdateCompany(self.cid, changes), text):
            self.refresh()

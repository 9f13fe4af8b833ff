"""Inspector page for one unit: names (ja/en), kind, company, functions, headcount, notes.
A CSIRT also gets its plan on a second tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QTabWidget, QVBoxLayout, QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.fields import (
    CheckList,
    EnumCombo,
    IntField,
    LineField,
    TextField,
)
from orgdesigner.gui.panels.inspector.plan_page import PlanPage
from orgdesigner.model import Function, UnitKind, ops


class UnitPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl: DocumentController | None = None
        self.uid = ""
        self.tabs = QTabWidget(self)
        form_host = QWidget()
        form = QFormLayout(form_host)
        self.name = LineField()
        self.name.setObjectName("unitName")
        self.name_en = LineField()
        self.name_en.setObjectName("unitNameEn")
        self.kind = EnumCombo(UnitKind, lang)
        self.kind.setObjectName("unitKind")
        self.company = EnumCombo([], lang)
        self.company.setObjectName("unitCompany")
        self.functions = CheckList([(f.value, f.label(lang)) for f in Function],
                                   labeller=lambda v, lg: Function(v).label(lg))
        self.functions.setObjectName("unitFunctions")
        self.headcount = IntField(0, 10_000_000)
        self.headcount.setObjectName("unitHeadcount")
        self.notes = TextField()
        self.notes.setObjectName("unitNotes")
        form.addRow(self.tr("Name (Japanese)"), self.name)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Functions"), self.functions)
        form.addRow(self.tr("Headcount"), self.headcount)
        form.addRow(self.tr("Notes"), self.notes)
        self.plan = PlanPage(lang)
        self.tabs.addTab(form_host, self.tr("Unit"))
        self.tabs.addTab(self.plan, self.tr("CSIRT plan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.name.committed.connect(lambda v: self._set("name", v, self.tr("Rename unit")))
        self.name_en.committed.connect(lambda v: self._set("name_en", v, self.tr("Rename unit")))
        self.kind.committed.connect(lambda v: self._set("kind", v, self.tr("Change unit kind")))
        self.company.committed.connect(lambda v: self._set("company", v,
                                                           self.tr("Move to company")))
        self.functions.committed.connect(lambda v: self._set("functions", v,
                                                             self.tr("Change functions")))
        self.headcount.committed.connect(lambda v: self._set("headcount", v,
                                                             self.tr("Change headcount"),
                                                             merge=True))
        self.notes.committed.connect(lambda v: self._set("notes", v, self.tr("Edit notes")))

    def show_unit(self, ctrl: DocumentController, uid: str) -> None:
        if (ctrl, uid) != (self.ctrl, self.uid):
            self.notes.commit()  # a pending notes edit belongs to the previous unit
        self.ctrl, self.uid = ctrl, uid
        self.refresh()

    def refresh(self) -> None:
        if self.ctrl is None or self.uid not in self.ctrl.design.units:
            return
        d = self.ctrl.design
        u = d.units[self.uid]
        self.name.set_value(u.name)
        self.name_en.set_value(u.name_en)
        self.kind.set_value(u.kind.value)
        self.company.blockSignals(True)
        self.company.clear()
        self.company.addItem(self.tr("(none)"), "")
        for c in d.companies.values():
            self.company.addItem(c.display_name(self.ctrl.lang), c.id)
        self.company.blockSignals(False)
        self.company.set_value(u.company)
        self.functions.set_values(f.value for f in u.functions)
        self.headcount.set_value(u.headcount)
        self.notes.set_value(u.notes)
        is_csirt = u.kind is UnitKind.CSIRT
        self.tabs.setTabVisible(1, is_csirt)
        if is_csirt:
            self.plan.show_plan(self.ctrl, self.uid)

    def _set(self, field: str, value: Any, text: str, merge: bool = False) -> None:
        if self.ctrl is None or self.uid not in self.ctrl.design.units:
            return
        key = ("unit", self.uid, field) if merge else None
        if not self.ctrl.push(ops.UpdateUnit(self.uid, {field: value}), text, merge_key=key):
            self.refresh()  # refused: show the model's value again

"""The inspector: edits what is selected (a unit, a flow, a company frame) or, with nothing
selected, the design's metadata. Pages read the model and push every edit as one op."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.company_page import CompanyPage
from orgdesigner.gui.panels.inspector.flow_page import FlowPage
from orgdesigner.gui.panels.inspector.metadata_page import MetadataPage
from orgdesigner.gui.panels.inspector.plan_page import PlanPage
from orgdesigner.gui.panels.inspector.unit_page import UnitPage
from orgdesigner.gui.panels.wheel_guard import guard_wheel

__all__ = ["Inspector", "PlanPage"]


class Inspector(QWidget):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.ctrl: DocumentController | None = None
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("No document"))
        self.metadata = MetadataPage(lang)
        self.unit = UnitPage(lang)
        self.flow = FlowPage(lang)
        self.company = CompanyPage(lang)
        self.multi = QLabel()
        self.multi.setWordWrap(True)
        for label in (self.empty, self.multi):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMargin(8)
        for page in (self.empty, self.metadata, self.unit, self.flow, self.company, self.multi):
            self.stack.addWidget(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.scroll = scroll
        self.wheel_guard = guard_wheel(self)  # scrolling the panel changes no value

    def set_controller(self, ctrl: DocumentController | None) -> None:
        if self.ctrl is not None:
            self.ctrl.selectionChanged.disconnect(self.refresh)
            self.ctrl.changed.disconnect(self.refresh)
        self.ctrl = ctrl
        if ctrl is not None:
            ctrl.selectionChanged.connect(self.refresh)
            ctrl.changed.connect(self.refresh)
        self.refresh()

    def set_language(self, lang: str) -> None:
        """The pages' enum choices relabel themselves (`EnumCombo.set_language`); names of
        units and companies follow the controller's language on this refresh."""
        self.refresh()

    def refresh(self) -> None:
        """Show the page for the current selection, filled from the model."""
        ctrl = self.ctrl
        if ctrl is None:
            self.stack.setCurrentWidget(self.empty)
            return
        units, flows = ctrl.selected_units(), ctrl.selected_flows()
        companies = ctrl.selected_companies()
        total = len(units) + len(flows) + len(companies)
        if total == 0:
            self.metadata.show_design(ctrl)
            self.stack.setCurrentWidget(self.metadata)
        elif total > 1:
            self.multi.setText(self.tr("%1 units, %2 flows and %3 frames selected.")
                               .replace("%1", str(len(units))).replace("%2", str(len(flows)))
                               .replace("%3", str(len(companies))))
            self.stack.setCurrentWidget(self.multi)
        elif units:
            self.unit.show_unit(ctrl, units[0])
            self.stack.setCurrentWidget(self.unit)
        elif flows:
            self.flow.show_flow(ctrl, flows[0])
            self.stack.setCurrentWidget(self.flow)
        else:
            self.company.show_company(ctrl, companies[0])
            self.stack.setCurrentWidget(self.company)

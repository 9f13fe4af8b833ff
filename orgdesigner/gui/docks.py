"""The analysis docks: Findings (what the checker says) and Budget, beside the inspector.

Both follow the current document (`currentDocumentChanged`) and the user's settings: the
findings panel's language and the budget's rates and cost model change as soon as the
settings dialog is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from .budget_panel import BudgetPanel
from .findings_panel import FindingsPanel

if TYPE_CHECKING:
    from .main_window import MainWindow

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


class AnalysisDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.findings = FindingsPanel(window.lang)
        self.findings_dock = window.add_dock(self.findings, _tr("Findings"), RIGHT,
                                             "findingsDock")
        self.budget = BudgetPanel(None)
        self.budget_dock = window.add_dock(self.budget, _tr("Budget"), RIGHT, "budgetDock")
        # inspector above, findings and budget as tabs below it
        window.splitDockWidget(window.inspector_dock, self.findings_dock,
                               Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.findings_dock, self.budget_dock)
        self.findings_dock.raise_()
        # findings need the height (authority, models, the list); the inspector scrolls
        window.resizeDocks([window.inspector_dock, self.findings_dock], [280, 560],
                           Qt.Orientation.Vertical)
        window.resizeDocks([window.inspector_dock], [440], Qt.Orientation.Horizontal)
        window.currentDocumentChanged.connect(self.follow)
        self.follow(window.current_controller())

    def follow(self, controller: Any) -> None:
        self.findings.set_controller(controller)
        self.budget.set_controller(controller)

    def apply_settings(self, settings: Any) -> None:
        if settings.language != self.findings.lang:
            self.findings.set_language(settings.language)
        self.budget.set_overrides(settings)

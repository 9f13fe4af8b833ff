"""The docks: Findings (what the checker says) and Budget beside the inspector; Overview
(the minimap, with the View menu's branch actions) and Scenarios on the left.

Both follow the current document (`currentDocumentChanged`) and the user's settings: the
findings panel's language and the budget's rates and cost model change as soon as the
settings dialog is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea

from orgdesigner.gui.canvas.branch import BranchActions
from orgdesigner.gui.canvas.minimap import Minimap
from orgdesigner.gui.panels.budget_panel import BudgetPanel
from orgdesigner.gui.panels.findings_panel import FindingsPanel
from orgdesigner.gui.panels.scenarios import ScenariosPanel

if TYPE_CHECKING:
    from orgdesigner.gui.shell.main_window import MainWindow

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


def install_canvas_tools(window: MainWindow) -> None:
    """Dock the Overview and add the branch actions to the View menu (one call from the
    main window's constructor)."""
    minimap = Minimap()
    window.minimap = minimap
    window.minimap_dock = window.add_dock(minimap, _tr("Overview"),
                                          Qt.DockWidgetArea.LeftDockWidgetArea, "overviewDock")
    window.branch_actions = BranchActions(window, window.menu_view)

    def follow(_ctrl: object = None) -> None:
        minimap.set_view(window.current_view())

    window.currentDocumentChanged.connect(follow)
    follow()


def install_scenarios(window: MainWindow) -> ScenariosPanel:
    panel = ScenariosPanel(window)
    window.scenarios_panel = panel
    scroll = QScrollArea()  # a short dock scrolls rather than clipping the summary
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(panel)
    scroll.setMinimumHeight(290)  # the list and the buttons, at least
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window.scenarios_dock = window.add_dock(
        scroll, QCoreApplication.translate("", "Scenarios"),
        Qt.DockWidgetArea.LeftDockWidgetArea, "scenariosDock")
    if getattr(window, "minimap_dock", None) is not None:  # beside the Overview, in front
        window.tabifyDockWidget(window.minimap_dock, window.scenarios_dock)
        window.scenarios_dock.raise_()
    window.currentDocumentChanged.connect(panel.set_controller)
    panel.set_controller(window.current_controller())
    return panel

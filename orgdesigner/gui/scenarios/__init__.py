"""Scenarios in the GUI: the switcher dock (現状 and proposals), Generate Options…, and the
Compare view. Wired into the shell by `install(window)` only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QScrollArea

from .dock import ScenariosPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow


def install(window: MainWindow) -> ScenariosPanel:
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

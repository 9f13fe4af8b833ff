"""Accessible names for the controls a screen reader cannot name from a visible label.

Qt names a button by its text and a form field by its label (the buddy a QFormLayout
sets), but a search box with only a placeholder, a tree or a table on its own, and the
canvas have nothing to read out. They are named here by object name, in one place that
a language switch re-runs, so every panel need not remember to do it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def _names() -> dict[str, str]:
    return {
        "paletteFilter": _tr("Filter units"),
        "paletteTree": _tr("Units to add (drag onto the canvas)"),
        "findBar": _tr("Find unit"),
        "diagramView": _tr("Diagram canvas"),
        "documentTabs": _tr("Open designs"),
        "findingsTree": _tr("Findings"),
        "nearestList": _tr("Nearest reference models"),
        "evidenceList": _tr("Evidence for the authority style"),
        "processTree": _tr("Establishment process steps"),
        "budgetYears": _tr("Years in the budget"),
        "budgetItems": _tr("Cost items"),
        "budgetTotals": _tr("Budget totals per year"),
        "planMembers": _tr("CSIRT members"),
        "planServices": _tr("CSIRT services"),
        "planOtherMemberships": _tr("Other memberships"),
        "minimap": _tr("Overview of the whole diagram"),
        "scenarioList": _tr("Current organisation and proposals"),
    }


def name_widgets(root: QWidget) -> None:
    """Name the known controls under `root` (again after a language switch)."""
    names = _names()
    for widget in [root, *root.findChildren(QWidget)]:
        name = names.get(widget.objectName())
        if name:
            widget.setAccessibleName(name)
    for tabs in root.findChildren(QTabWidget):
        name_tab_buttons(tabs)


def name_tab_buttons(tabs: QTabWidget) -> None:
    """A closable tab's × button says which document it closes."""
    bar = tabs.tabBar()
    for i in range(bar.count()):
        for side in (bar.ButtonPosition.LeftSide, bar.ButtonPosition.RightSide):
            button = bar.tabButton(i, side)
            if isinstance(button, QAbstractButton):
                button.setAccessibleName(
                    _tr("Close %1").replace("%1", tabs.tabText(i).rstrip(" *")))

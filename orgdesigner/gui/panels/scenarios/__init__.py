"""Scenarios in the GUI: the switcher dock (現状 and proposals), Generate Options…, and the
Compare view. The shell docks the panel (`shell/docks.py: install_scenarios`)."""

from orgdesigner.gui.panels.scenarios.dock import ScenariosPanel

__all__ = ["ScenariosPanel"]

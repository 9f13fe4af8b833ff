"""The menu bar and the toolbars of the main window, built from its `Actions`.

Kept out of `main_window.py` so the window stays a thin shell; the menus are set as window
attributes (`menu_file`, `menu_edit`, `menu_view`, `menu_arrange`, `menu_panels`,
`menu_diagram`, `menu_tools`, `menu_help`, `menu_recent`) so other panels can add to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QStyle, QToolBar

from orgdesigner.gui.dialogs.documents import RecentFilesMenu

if TYPE_CHECKING:
    from orgdesigner.gui.shell.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def build_menus(w: MainWindow) -> None:
    a = w.act
    bar = w.menuBar()
    w.menu_file = bar.addMenu(_tr("&File"))
    w.menu_file.setObjectName("menuFile")
    w.menu_file.addActions([a.new, a.new_from_template, a.open])
    w.menu_recent = RecentFilesMenu(w)
    w.menu_file.addMenu(w.menu_recent)
    w.menu_file.addAction(a.import_table)
    w.menu_file.addSeparator()
    w.menu_file.addActions([a.save, a.save_as, a.revert])
    w.menu_file.addSeparator()
    w.menu_file.addActions([a.export_diagram, a.export_budget, a.export_deck])
    w.menu_file.addSeparator()
    w.menu_file.addActions([a.print_preview, a.print])
    w.menu_file.addSeparator()
    w.menu_file.addActions([a.close, a.quit])

    w.menu_edit = bar.addMenu(_tr("&Edit"))
    w.menu_edit.setObjectName("menuEdit")
    w.menu_edit.addActions([w.action_undo, w.action_redo])
    w.menu_edit.addSeparator()
    w.menu_edit.addActions([a.cut, a.copy, a.paste, a.duplicate])
    w.menu_edit.addSeparator()
    w.menu_edit.addActions([a.select_all, a.delete])
    w.menu_edit.addSeparator()
    w.menu_edit.addAction(a.find)

    w.menu_view = bar.addMenu(_tr("&View"))
    w.menu_view.setObjectName("menuView")
    w.menu_view.addActions([a.zoom_in, a.zoom_out, a.fit, a.actual_size])
    w.menu_view.addSeparator()
    w.menu_view.addActions([a.grid, a.snap, a.overlay_selection])
    w.menu_arrange = w.menu_view.addMenu(_tr("&Arrange"))
    w.menu_arrange.addActions(list(a.align.values()))
    w.menu_arrange.addSeparator()
    w.menu_arrange.addActions([a.distribute_h, a.distribute_v])
    w.menu_view.addActions([a.auto_layout, a.auto_layout_compact])
    w.menu_view.addSeparator()
    w.menu_panels = w.menu_view.addMenu(_tr("&Panels"))
    w.menu_panels.setObjectName("menuPanels")

    w.menu_diagram = bar.addMenu(_tr("&Diagram"))
    w.menu_diagram.setObjectName("menuDiagram")
    w.menu_diagram.addAction(a.connect_mode)
    kinds = w.menu_diagram.addMenu(_tr("Flow &Kind"))
    kinds.addActions(list(a.flow_kinds.values()))
    w.menu_diagram.addSeparator()
    w.menu_diagram.addActions([a.new_company, a.fit_frame])

    w.menu_tools = bar.addMenu(_tr("&Tools"))
    w.menu_tools.setObjectName("menuTools")
    w.menu_tools.addAction(a.settings)

    w.menu_help = bar.addMenu(_tr("&Help"))
    w.menu_help.setObjectName("menuHelp")
    w.menu_help.addActions([a.help_legend, a.help_models])
    w.menu_help.addSeparator()
    w.menu_help.addAction(a.about)


def _undo_buttons(w: MainWindow) -> list[QAction]:
    """Undo and Redo for the toolbar, with fixed texts: the undo group's own actions are
    named after the step ("Undo Change headcount"), which made the button grow and shift
    every button after it. The step's name is shown in the tooltip instead (and in the
    Edit menu)."""
    group = w.undo_group
    style = w.style()
    out = []
    for name, text, icon, fallback, can, changed, slot in (
            ("toolbarUndo", _tr("Undo"), "edit-undo", QStyle.StandardPixmap.SP_ArrowBack,
             group.canUndo, group.canUndoChanged, group.undo),
            ("toolbarRedo", _tr("Redo"), "edit-redo", QStyle.StandardPixmap.SP_ArrowForward,
             group.canRedo, group.canRedoChanged, group.redo)):
        act = QAction(QIcon.fromTheme(icon, style.standardIcon(fallback)), text, w)
        act.setObjectName(name)
        act.setEnabled(can())
        changed.connect(act.setEnabled)
        act.triggered.connect(slot)
        out.append(act)
    w.toolbar_undo, w.toolbar_redo = out
    group.undoTextChanged.connect(lambda t: w.toolbar_undo.setToolTip(
        w.action_undo.text().replace("&", "") if t else w.toolbar_undo.text()))
    group.redoTextChanged.connect(lambda t: w.toolbar_redo.setToolTip(
        w.action_redo.text().replace("&", "") if t else w.toolbar_redo.text()))
    return out


def build_toolbars(w: MainWindow) -> None:
    a = w.act
    w.toolbar = QToolBar(_tr("Main"), w)
    w.toolbar.setObjectName("mainToolbar")
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.addToolBar(w.toolbar)
    w.toolbar.addActions([a.new, a.open, a.save])
    w.toolbar.addSeparator()
    w.toolbar.addActions(_undo_buttons(w))
    w.toolbar.addSeparator()
    w.toolbar.addAction(a.connect_mode)
    w.flow_toolbar = QToolBar(_tr("Flow kinds"), w)
    w.flow_toolbar.setObjectName("flowToolbar")
    w.flow_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for kind, act in a.flow_kinds.items():
        act.setToolTip(f"{act.shortcut().toString()}: {kind.label(w.lang)}")
    w.flow_toolbar.addActions(list(a.flow_kinds.values()))
    w.addToolBar(w.flow_toolbar)
    w.view_toolbar = QToolBar(_tr("View"), w)
    w.view_toolbar.setObjectName("viewToolbar")
    w.view_toolbar.addActions([a.zoom_out, a.zoom_in, a.fit, a.auto_layout])
    w.find_bar = QLineEdit()
    w.find_bar.setObjectName("findBar")
    w.find_bar.setPlaceholderText(_tr("Find unit (Ctrl+F)"))
    w.find_bar.setClearButtonEnabled(True)
    w.find_bar.setMaximumWidth(240)
    w.view_toolbar.addWidget(w.find_bar)
    w.addToolBar(w.view_toolbar)

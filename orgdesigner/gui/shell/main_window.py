"""The main window: a thin shell of tabs (one per document), docks, menus, toolbar and
status bar. What the actions do lives in `shell.py` (File, Tools, Help, through
`documents.py`) and `editing.py` (Edit, View, Diagram); the menus and toolbars are built in
`menus.py`, the findings and budget docks in `docks.py`. Other panels dock in with
`add_dock`; the menus are attributes (`menu_file`, `menu_edit`, `menu_view`, `menu_diagram`,
`menu_tools`, `menu_help`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.canvas.legend import LegendWidget
from orgdesigner.gui.canvas.view import DiagramView
from orgdesigner.gui.dialogs.documents import FileDropFilter, apply_window_title
from orgdesigner.gui.i18n.lang import ui_language
from orgdesigner.gui.panels.inspector import Inspector
from orgdesigner.gui.panels.palette import Palette
from orgdesigner.gui.panels.wheel_guard import guard_wheel
from orgdesigner.gui.shell import heap
from orgdesigner.gui.shell.accessibility import name_tab_buttons, name_widgets
from orgdesigner.gui.shell.actions import Actions
from orgdesigner.gui.shell.context_menu import CanvasMenus
from orgdesigner.gui.shell.docks import AnalysisDocks, install_canvas_tools, install_scenarios
from orgdesigner.gui.shell.editing import EditCommands
from orgdesigner.gui.shell.file_commands import ShellCommands
from orgdesigner.gui.shell.menus import build_menus, build_toolbars
from orgdesigner.gui.shell.welcome import WelcomePage
from orgdesigner.model import Design, FlowKind


class MainWindow(QMainWindow):
    currentDocumentChanged = Signal(object)

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.lang = lang or ui_language()
        self.resize(1400, 900)
        self.autosave: Any = None  # an AutosaveManager, set up by app.run
        self._docs: list[tuple[DocumentController, DiagramView]] = []
        self.act = Actions(self)
        self.act.set_language(self.lang)
        self.undo_group = QUndoGroup(self)
        self.action_undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        self.edit = EditCommands(self._current_pair, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        a = self.act
        self.welcome = WelcomePage([a.new_from_template, a.new, a.open, a.import_table])
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.tabs)
        self.setCentralWidget(self.central)
        self.palette = Palette(self.lang)
        self.inspector = Inspector(self.lang)
        self.legend = LegendWidget(self.lang)
        build_menus(self)
        self.palette_dock = self.add_dock(self.palette, self.tr("Units"),
                                          Qt.DockWidgetArea.LeftDockWidgetArea, "paletteDock")
        self.inspector_dock = self.add_dock(self.inspector, self.tr("Inspector"),
                                            Qt.DockWidgetArea.RightDockWidgetArea,
                                            "inspectorDock")
        self.legend_dock = self.add_dock(self.legend, self.tr("Legend"),
                                         Qt.DockWidgetArea.LeftDockWidgetArea, "legendDock")
        self.tabifyDockWidget(self.palette_dock, self.legend_dock)
        self.palette_dock.raise_()
        build_toolbars(self)
        self._build_status()
        self.shell = ShellCommands(self)
        self.analysis = AnalysisDocks(self)
        self.budget_wheel_guard = guard_wheel(self.analysis.budget)  # as in the inspector
        self.setAcceptDrops(True)
        self.drop_filter = FileDropFilter(self)
        self.drop_filter.filesDropped.connect(self.shell.open_paths)
        self.installEventFilter(self.drop_filter)
        self._connect()
        self._current_changed()
        install_canvas_tools(self)  # Overview dock and View › branch actions (docks.py)
        install_scenarios(self)  # Scenarios dock: 現状, proposals, options, Compare
        self.canvas_menus = CanvasMenus(self)  # right-click menus, Enter renames
        name_widgets(self)  # accessible names a screen reader cannot find on its own

    # ---- construction ---------------------------------------------------------------------
    def _build_status(self) -> None:
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.statusBar().addPermanentWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        a, e = self.act, self.edit
        a.cut.triggered.connect(e.cut)
        a.copy.triggered.connect(e.copy)
        a.paste.triggered.connect(e.paste)
        a.duplicate.triggered.connect(e.duplicate)
        a.select_all.triggered.connect(e.select_all)
        a.delete.triggered.connect(e.delete)
        a.find.triggered.connect(self._focus_find)
        self.find_bar.returnPressed.connect(lambda: e.find(self.find_bar.text()))
        a.zoom_in.triggered.connect(lambda: self._view_call("zoom_in"))
        a.zoom_out.triggered.connect(lambda: self._view_call("zoom_out"))
        a.fit.triggered.connect(lambda: self._view_call("fit_to_window"))
        a.actual_size.triggered.connect(lambda: self._view_call("actual_size"))
        a.grid.toggled.connect(self._apply_view_options)
        a.snap.toggled.connect(self._apply_view_options)
        a.overlay_selection.toggled.connect(self._apply_view_options)
        for mode, act in a.align.items():
            act.triggered.connect(lambda _c=False, m=mode: e.align(m))
        a.distribute_h.triggered.connect(lambda: e.distribute("h"))
        a.distribute_v.triggered.connect(lambda: e.distribute("v"))
        a.auto_layout.triggered.connect(lambda: e.auto_layout(False))
        a.auto_layout_compact.triggered.connect(lambda: e.auto_layout(True))
        a.connect_mode.toggled.connect(self._apply_view_options)
        for kind, act in a.flow_kinds.items():
            act.triggered.connect(lambda _c=False, k=kind: e.set_flow_kind(k))
        a.new_company.triggered.connect(e.new_company)
        a.fit_frame.triggered.connect(e.fit_frames)
        self.palette.presetActivated.connect(e.add_preset)
        self.tabs.currentChanged.connect(lambda _i: self._current_changed())
        self.tabs.tabCloseRequested.connect(self._close_tab)

    # ---- documents ------------------------------------------------------------------------
    def open_design(self, design: Design, path: Path | None) -> DocumentController:
        """Open a design in a new tab and make it current. An untouched blank document in
        the way is replaced."""
        with heap.building(len(design.units)):
            return self._open_design(design, path)

    def _open_design(self, design: Design, path: Path | None) -> DocumentController:
        spare = self.current_controller()
        replace = (spare is not None and spare.path is None and not spare.is_modified()
                   and not spare.design.units and not spare.design.companies)
        ctrl = DocumentController(design, path, self.lang, parent=self)
        view = DiagramView(ctrl.scene)
        view.setObjectName("diagramView")
        view.viewport().installEventFilter(self.drop_filter)  # .orgd files dropped on it
        self.canvas_menus.attach(view)
        self._docs.append((ctrl, view))
        self.undo_group.addStack(ctrl.undo_stack)
        ctrl.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 8000))
        ctrl.selectionChanged.connect(self._update_selection_label)
        ctrl.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        ctrl.pathChanged.connect(self._update_title)
        view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f} %"))
        view.setAccessibleName(self.tr("Diagram canvas"))
        index = self.tabs.addTab(view, ctrl.display_name())
        self.tabs.setCurrentIndex(index)
        name_tab_buttons(self.tabs)
        if replace and spare is not None:
            self.remove_document(spare)
        QTimer.singleShot(0, view, view.show_initial)  # cancelled if the view goes first
        return ctrl

    def remove_document(self, ctrl: DocumentController) -> None:
        for i, (c, view) in enumerate(self._docs):
            if c is ctrl:
                del self._docs[i]
                self.undo_group.removeStack(ctrl.undo_stack)
                self.tabs.removeTab(self.tabs.indexOf(view))
                ctrl.close()
                view.deleteLater()
                ctrl.deleteLater()
                break
        self._current_changed()

    def documents(self) -> list[DocumentController]:
        return [c for c, _ in self._docs]

    def activate(self, ctrl: DocumentController) -> None:
        for c, view in self._docs:
            if c is ctrl:
                self.tabs.setCurrentWidget(view)

    def current_controller(self) -> DocumentController | None:
        return self._current_pair()[0]

    def current_view(self) -> DiagramView | None:
        return self._current_pair()[1]

    def _current_pair(self) -> tuple[DocumentController | None, DiagramView | None]:
        widget = self.tabs.currentWidget()
        for c, view in self._docs:
            if view is widget:
                return c, view
        return None, None

    def _docs_by_widget(self, index: int) -> DocumentController | None:
        widget = self.tabs.widget(index)
        return next((c for c, v in self._docs if v is widget), None)

    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 object_name: str = "") -> QDockWidget:
        """Dock a panel; its show/hide toggle goes into View ▸ Panels."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"{type(widget).__name__}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menu_panels.addAction(dock.toggleViewAction())
        return dock

    # ---- state ------------------------------------------------------------------------------
    def _current_changed(self) -> None:
        ctrl, view = self._current_pair()
        if ctrl is not None:
            self.undo_group.setActiveStack(ctrl.undo_stack)
        for act in self.act.document_actions():
            act.setEnabled(ctrl is not None)
        self.inspector.set_controller(ctrl)
        self._apply_view_options()
        self._update_title()
        self._update_selection_label()
        self.zoom_label.setText(f"{view.zoom() * 100:.0f} %" if view is not None else "")
        self.central.setCurrentWidget(self.tabs if self._docs else self.welcome)
        self.currentDocumentChanged.emit(ctrl)

    def _apply_view_options(self) -> None:
        ctrl, _view = self._current_pair()
        if ctrl is None:
            return
        a = self.act
        scene = ctrl.scene
        scene.set_grid(a.grid.isChecked())
        scene.snap_to_grid = a.snap.isChecked()
        scene.overlay.set_enabled(a.overlay_selection.isChecked())
        checked = a.flow_group.checkedAction()
        scene.flow_kind = FlowKind(checked.data()) if checked else FlowKind.REPORTING
        if scene.connect_mode != a.connect_mode.isChecked():
            scene.set_connect_mode(a.connect_mode.isChecked())

    def _update_title(self) -> None:
        ctrl = self.current_controller()
        for c, view in self._docs:
            i = self.tabs.indexOf(view)
            self.tabs.setTabText(i, c.display_name() + (" *" if c.is_modified() else ""))
            self.tabs.setTabToolTip(i, str(c.path) if c.path else c.display_name())
        apply_window_title(self, ctrl)
        name_tab_buttons(self.tabs)

    def _update_selection_label(self) -> None:
        ctrl = self.current_controller()
        if ctrl is None:
            self.selection_label.setText("")
            return
        n = len(ctrl.scene.selectedItems())
        self.selection_label.setText(self.tr("%n selected", "", n) if n else "")

    def _view_call(self, name: str) -> None:
        view = self.current_view()
        if view is not None:
            getattr(view, name)()

    def _focus_find(self) -> None:
        self.find_bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.selectAll()

    def _close_tab(self, index: int) -> None:
        ctrl = self._docs_by_widget(index)
        if ctrl is not None:
            self.shell.close(ctrl)

    # ---- settings -------------------------------------------------------------------------
    def apply_settings(self, settings: Any) -> None:
        """Settings accepted in the dialog take effect at once."""
        if self.autosave is not None:
            self.autosave.set_interval(settings.autosave_interval_s)
        self.set_language(settings.language)
        self.analysis.apply_settings(settings)

    def set_language(self, lang: str) -> None:
        """The whole UI in `lang` at once: menus, docks and dialogs (the translators), and
        the content labels of the panels and open documents (`i18n.switch.apply_language`)."""
        if lang == self.lang:
            return
        from orgdesigner.gui.i18n.switch import apply_language

        apply_language(self, lang)  # sets self.lang
        self.act.set_language(lang)
        self.palette.set_language(lang)
        self.legend.set_language(lang)
        for kind, act in self.act.flow_kinds.items():
            act.setToolTip(f"{act.shortcut().toString()}: {kind.label(lang)}")
        self._current_changed()
        name_widgets(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.shell.close_all():
            event.accept()
        else:
            event.ignore()

"""The main window: a thin shell of tabs (one per document), docks, menus, toolbar and
status bar. What the actions do lives in `files.py` and `editing.py`; other panels
(findings, budget, …) are docked in with `add_dock` and their actions added to the menus,
which are attributes (`menu_file`, `menu_edit`, `menu_view`, `menu_diagram`, `menu_tools`,
`menu_help`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ..model import Design, FlowKind
from .actions import Actions
from .controller import DocumentController
from .editing import EditCommands
from .files import FileCommands
from .inspector import Inspector
from .lang import ui_language
from .legend import LegendWidget
from .palette import Palette
from .view import DiagramView

APP_NAME = "OrgDesigner"


class MainWindow(QMainWindow):
    currentDocumentChanged = Signal(object)

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.lang = lang or ui_language()
        self.resize(1400, 900)
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
        self.files = FileCommands(self)
        self.edit = EditCommands(self._current_pair, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.setCentralWidget(self.tabs)
        self.palette = Palette(self.lang)
        self.inspector = Inspector(self.lang)
        self.legend = LegendWidget(self.lang)
        self._build_menus()
        self.palette_dock = self.add_dock(self.palette, self.tr("Units"),
                                          Qt.DockWidgetArea.LeftDockWidgetArea, "paletteDock")
        self.inspector_dock = self.add_dock(self.inspector, self.tr("Inspector"),
                                            Qt.DockWidgetArea.RightDockWidgetArea,
                                            "inspectorDock")
        self.legend_dock = self.add_dock(self.legend, self.tr("Legend"),
                                         Qt.DockWidgetArea.LeftDockWidgetArea, "legendDock")
        self.tabifyDockWidget(self.palette_dock, self.legend_dock)
        self.palette_dock.raise_()
        self._build_toolbar()
        self._build_status()
        self._connect()
        self._current_changed()

    # ---- construction ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.act
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&File"))
        self.menu_file.addActions([a.new, a.open])
        self.menu_file.addSeparator()
        self.menu_file.addActions([a.save, a.save_as])
        self.menu_file.addSeparator()
        self.menu_file.addActions([a.close, a.quit])
        self.menu_edit = bar.addMenu(self.tr("&Edit"))
        self.menu_edit.addActions([self.action_undo, self.action_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([a.cut, a.copy, a.paste, a.duplicate])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([a.select_all, a.delete])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(a.find)
        self.menu_view = bar.addMenu(self.tr("&View"))
        self.menu_view.addActions([a.zoom_in, a.zoom_out, a.fit, a.actual_size])
        self.menu_view.addSeparator()
        self.menu_view.addActions([a.grid, a.snap])
        self.menu_arrange = self.menu_view.addMenu(self.tr("&Arrange"))
        self.menu_arrange.addActions(list(a.align.values()))
        self.menu_arrange.addSeparator()
        self.menu_arrange.addActions([a.distribute_h, a.distribute_v])
        self.menu_view.addActions([a.auto_layout, a.auto_layout_compact])
        self.menu_view.addSeparator()
        self.menu_panels = self.menu_view.addMenu(self.tr("&Panels"))
        self.menu_diagram = bar.addMenu(self.tr("&Diagram"))
        self.menu_diagram.addAction(a.connect_mode)
        kinds = self.menu_diagram.addMenu(self.tr("Flow &Kind"))
        kinds.addActions(list(a.flow_kinds.values()))
        self.menu_diagram.addSeparator()
        self.menu_diagram.addActions([a.new_company, a.fit_frame])
        self.menu_tools = bar.addMenu(self.tr("&Tools"))
        self.menu_help = bar.addMenu(self.tr("&Help"))
        about = self.menu_help.addAction(self.tr("&About OrgDesigner"))
        about.setObjectName("actionAbout")
        about.triggered.connect(self._about)

    def _build_toolbar(self) -> None:
        a = self.act
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.toolbar.addActions([a.new, a.open, a.save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.action_undo, self.action_redo])
        self.toolbar.addSeparator()
        self.toolbar.addAction(a.connect_mode)
        self.flow_toolbar = QToolBar(self.tr("Flow kinds"), self)
        self.flow_toolbar.setObjectName("flowToolbar")
        self.flow_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for kind, act in a.flow_kinds.items():
            act.setToolTip(f"{act.shortcut().toString()}: {kind.label(self.lang)}")
        self.flow_toolbar.addActions(list(a.flow_kinds.values()))
        self.addToolBar(self.flow_toolbar)
        self.view_toolbar = QToolBar(self.tr("View"), self)
        self.view_toolbar.setObjectName("viewToolbar")
        self.view_toolbar.addActions([a.zoom_out, a.zoom_in, a.fit, a.auto_layout])
        self.find_bar = QLineEdit()
        self.find_bar.setObjectName("findBar")
        self.find_bar.setPlaceholderText(self.tr("Find unit (Ctrl+F)"))
        self.find_bar.setClearButtonEnabled(True)
        self.find_bar.setMaximumWidth(240)
        self.view_toolbar.addWidget(self.find_bar)
        self.addToolBar(self.view_toolbar)

    def _build_status(self) -> None:
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.statusBar().addPermanentWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        a, e, f = self.act, self.edit, self.files
        a.new.triggered.connect(f.new)
        a.open.triggered.connect(f.open)
        a.save.triggered.connect(lambda: f.save())
        a.save_as.triggered.connect(lambda: f.save_as())
        a.close.triggered.connect(lambda: f.close())
        a.quit.triggered.connect(self.close)
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
        self.tabs.tabCloseRequested.connect(lambda i: f.close(self._docs_by_widget(i)))

    # ---- documents ------------------------------------------------------------------------
    def open_design(self, design: Design, path: Path | None) -> DocumentController:
        """Open a design in a new tab and make it current. An untouched blank document in
        the way is replaced."""
        spare = self.current_controller()
        replace = (spare is not None and spare.path is None and not spare.is_modified()
                   and not spare.design.units and not spare.design.companies)
        ctrl = DocumentController(design, path, self.lang, parent=self)
        view = DiagramView(ctrl.scene)
        view.setObjectName("diagramView")
        self._docs.append((ctrl, view))
        self.undo_group.addStack(ctrl.undo_stack)
        ctrl.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 8000))
        ctrl.selectionChanged.connect(self._update_selection_label)
        ctrl.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        ctrl.pathChanged.connect(self._update_title)
        view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f} %"))
        index = self.tabs.addTab(view, ctrl.display_name())
        self.tabs.setCurrentIndex(index)
        if replace and spare is not None:
            self.remove_document(spare)
        QTimer.singleShot(0, view.show_initial)
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
        self.currentDocumentChanged.emit(ctrl)

    def _apply_view_options(self) -> None:
        ctrl, _view = self._current_pair()
        if ctrl is None:
            return
        a = self.act
        scene = ctrl.scene
        scene.set_grid(a.grid.isChecked())
        scene.snap_to_grid = a.snap.isChecked()
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
        if ctrl is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{ctrl.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(ctrl.is_modified())

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

    def _about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About OrgDesigner"),
                          self.tr("OrgDesigner %1\nWhere the CSIRT sits, with what authority, "
                                  "and what it costs.").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.close_all():
            event.accept()
        else:
            event.ignore()

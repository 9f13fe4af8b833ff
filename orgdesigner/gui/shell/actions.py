"""Every QAction of the editor, with an objectName (so tests find them) and the platform's
standard shortcuts. Creating actions is kept apart from what they do (`editing.py`,
`shell.py`), so the main window only wires the two together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPixmap

from orgdesigner.gui.canvas.items.shapes import flow_pen
from orgdesigner.model import FlowKind
from orgdesigner.render.style import flow_style

SK = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def flow_icon(kind: FlowKind) -> QIcon:
    """A short line in the flow kind's colour and dash, for menus and the toolbar."""
    pm = QPixmap(48, 24)
    pm.fill(QColor(0, 0, 0, 0))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    st = flow_style(kind)
    if st.double:
        p.setPen(flow_pen(st, st.width * 2.6))
        p.drawLine(4, 12, 44, 12)
        p.setPen(flow_pen(st, st.width * 0.9, "#FFFFFF"))
    else:
        p.setPen(flow_pen(st, max(st.width, 1.6)))
    p.drawLine(4, 12, 44, 12)
    p.end()
    return QIcon(pm)


def _with_fallback(act: QAction, key: QKeySequence.StandardKey, fallback: str) -> None:
    """The platform's own bindings for `key`, plus `fallback`: some platforms bind nothing
    to Quit or Preferences, and a command without a shortcut there is a worse surprise than
    a second binding elsewhere."""
    keys = list(QKeySequence.keyBindings(key))
    if QKeySequence(fallback) not in keys:
        keys.append(QKeySequence(fallback))
    act.setShortcuts(keys)


class Actions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        a = self._make
        # File
        self.new = a("actionNew", _tr("&New"), SK.New)
        self.new_from_template = a("actionNewFromTemplate", _tr("New from &Template…"),
                                   "Ctrl+Shift+N")
        self.open = a("actionOpen", _tr("&Open…"), SK.Open)
        self.import_table = a("actionImport", _tr("&Import from Excel/CSV…"), "Ctrl+Shift+I")
        self.save = a("actionSave", _tr("&Save"), SK.Save)
        self.save_as = a("actionSaveAs", _tr("Save &As…"), SK.SaveAs)
        self.revert = a("actionRevert", _tr("Re&vert to Saved"))
        self.close = a("actionClose", _tr("&Close"), SK.Close)
        _with_fallback(self.close, SK.Close, "Ctrl+W")
        self.export_diagram = a("actionExportDiagram", _tr("&Export Diagram…"), "Ctrl+E")
        self.export_budget = a("actionExportBudget", _tr("Export &Budget Workbook…"),
                               "Ctrl+Shift+E")
        self.export_deck = a("actionExportDeck", _tr("Export Approval &Deck…"))
        self.print = a("actionPrint", _tr("&Print…"), SK.Print)
        self.print_preview = a("actionPrintPreview", _tr("Print Pre&view…"), "Ctrl+Shift+P")
        self.quit = a("actionQuit", _tr("&Quit"), SK.Quit)
        _with_fallback(self.quit, SK.Quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Tools and Help
        self.settings = a("actionSettings", _tr("&Settings…"), SK.Preferences)
        _with_fallback(self.settings, SK.Preferences, "Ctrl+,")
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.help_legend = a("actionHelpLegend", _tr("What the &Colours and Lines Mean"),
                             SK.HelpContents)
        self.help_models = a("actionHelpModels", _tr("The &Models in the Source Material"))
        self.about = a("actionAbout", _tr("&About OrgDesigner"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        # Edit (Undo/Redo come from the window's QUndoGroup)
        self.cut = a("actionCut", _tr("Cu&t"), SK.Cut)
        self.copy = a("actionCopy", _tr("&Copy"), SK.Copy)
        self.paste = a("actionPaste", _tr("&Paste"), SK.Paste)
        self.duplicate = a("actionDuplicate", _tr("D&uplicate"), "Ctrl+D")
        self.select_all = a("actionSelectAll", _tr("Select &All"), SK.SelectAll)
        self.delete = a("actionDelete", _tr("&Delete"), SK.Delete)
        self.delete.setShortcuts([QKeySequence(SK.Delete), QKeySequence("Backspace")])
        self.find = a("actionFind", _tr("&Find Unit…"), SK.Find)
        # View
        self.zoom_in = a("actionZoomIn", _tr("Zoom &In"), SK.ZoomIn)
        self.zoom_in.setShortcuts([QKeySequence(SK.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = a("actionZoomOut", _tr("Zoom &Out"), SK.ZoomOut)
        self.fit = a("actionFitToWindow", _tr("&Fit to Window"), "Ctrl+0")
        self.actual_size = a("actionActualSize", _tr("&Actual Size (100 %)"), "Ctrl+1")
        self.grid = a("actionGrid", _tr("Show &Grid"), "Ctrl+'", checkable=True)
        self.snap = a("actionSnap", _tr("&Snap to Grid"), "Ctrl+Shift+'", checkable=True)
        self.overlay_selection = a("actionOverlaySelectionOnly",
                                   _tr("Overlay Flows of the Selection &Only"), checkable=True)
        self.overlay_selection.setToolTip(_tr("Draw reporting lines for everything, and the "
                                              "other flows only for the selected units"))
        self.align = {
            "left": a("actionAlignLeft", _tr("Align &Left")),
            "hcenter": a("actionAlignCenter", _tr("Align &Centre")),
            "right": a("actionAlignRight", _tr("Align &Right")),
            "top": a("actionAlignTop", _tr("Align &Top")),
            "vcenter": a("actionAlignMiddle", _tr("Align &Middle")),
            "bottom": a("actionAlignBottom", _tr("Align &Bottom")),
        }
        self.distribute_h = a("actionDistributeH", _tr("Distribute &Horizontally"))
        self.distribute_v = a("actionDistributeV", _tr("Distribute &Vertically"))
        self.auto_layout = a("actionAutoLayout", _tr("Auto &Layout"), "Ctrl+L")
        self.auto_layout_compact = a("actionAutoLayoutCompact",
                                     _tr("Auto Layout, &Compact (stack leaf units)"),
                                     "Ctrl+Shift+L")
        # Diagram
        self.connect_mode = a("actionConnectMode", _tr("&Connect Mode"), "C", checkable=True)
        self.connect_mode.setToolTip(_tr("Connect mode (C): drag from one unit to another "
                                         "to draw a flow of the selected kind"))
        self.flow_group = QActionGroup(self)
        self.flow_group.setExclusive(True)
        self.flow_kinds: dict[FlowKind, QAction] = {}
        for i, kind in enumerate(FlowKind, start=1):
            act = a(f"actionFlow_{kind.value}", f"&{i} " + kind.label("en"), str(i),
                    checkable=True)
            act.setData(kind.value)
            act.setIcon(flow_icon(kind))
            self.flow_group.addAction(act)
            self.flow_kinds[kind] = act
        self.flow_kinds[FlowKind.REPORTING].setChecked(True)
        self.new_company = a("actionNewCompany", _tr("New Company &Frame"))
        self.fit_frame = a("actionFitFrame", _tr("Fit Frame to &Contents"))

    def _make(self, name: str, text: str, shortcut: object = None,
              checkable: bool = False) -> QAction:
        act = QAction(text, self.parent())
        act.setObjectName(name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcuts(QKeySequence.keyBindings(shortcut))  # every platform binding
        elif shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        return act

    def set_language(self, lang: str) -> None:
        """Flow kind names in the UI language (content labels come from the model)."""
        for i, (kind, act) in enumerate(self.flow_kinds.items(), start=1):
            act.setText(f"&{i} " + kind.label(lang))

    def document_actions(self) -> list[QAction]:
        """Actions that need an open document (disabled when none is open)."""
        return [self.save, self.save_as, self.revert, self.close, self.export_diagram,
                self.export_budget, self.export_deck, self.print, self.print_preview, self.cut,
                self.copy, self.paste,
                self.duplicate, self.select_all, self.delete, self.find, self.zoom_in,
                self.zoom_out, self.fit, self.actual_size, self.grid, self.snap,
                self.overlay_selection,
                *self.align.values(), self.distribute_h, self.distribute_v, self.auto_layout,
                self.auto_layout_compact,
                self.connect_mode, *self.flow_kinds.values(), self.new_company,
                self.fit_frame]

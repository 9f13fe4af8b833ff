"""Right-click menus on the canvas: what can be done to the thing under the pointer.

A unit offers rename, connect from here, change kind, select/collapse/expand/focus its
branch, add a subordinate, cut/copy/duplicate/delete and properties; a flow its kind,
delete and properties; a company frame rename, fit, delete and properties; empty canvas
paste here, add a unit or a company frame here, select all, auto layout and fit. The
entries are the window's existing actions where there is one (the same shortcut, the same
undo step), so a menu never does something the menus and keys cannot. The Menu key opens
the menu of the selection (DiagramView.contextMenuEvent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtWidgets import QMenu, QWidget

from orgdesigner import presets
from orgdesigner.gui.canvas.items.company_item import CompanyItem
from orgdesigner.gui.canvas.items.flow_item import FlowItem
from orgdesigner.gui.canvas.items.unit_item import UnitItem
from orgdesigner.model import UnitKind, ops

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.view import DiagramView
    from orgdesigner.gui.shell.main_window import MainWindow


class CanvasMenus(QObject):
    """Builds and shows the canvas's context menus for the window's current document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_menu: QMenu | None = None  # the menu shown last (tests read it)
        self.popup = True  # tests turn the modal popup off and read `last_menu`

    def attach(self, view: DiagramView) -> None:
        view.contextMenuWanted.connect(
            lambda at, where, _kbd, v=view: self.show(v, at, where))
        view.editNameWanted.connect(self.edit_name)

    # ---- building ---------------------------------------------------------------------------
    def menu_for(self, view: DiagramView, at: QPointF) -> QMenu:
        """The menu for scene position `at` (the item there is selected first, as in
        every desktop editor, so the actions apply to it)."""
        scene = view.diagram_scene()
        item = scene.item_at(at) or scene.company_at(at)  # inside a frame: the frame's menu
        menu = QMenu(view)
        menu.setObjectName("canvasContextMenu")
        if isinstance(item, UnitItem):
            if item.uid not in scene.selected_unit_ids():
                scene.select_ids(units=[item.uid])
            self._unit_menu(menu, view, item.uid, at)
        elif isinstance(item, FlowItem):
            if item.fid not in scene.selected_flow_ids():
                scene.select_ids(flows=[item.fid])
            self._flow_menu(menu)
        elif isinstance(item, CompanyItem):
            if item.cid not in scene.selected_company_ids():
                scene.select_ids(companies=[item.cid])
            self._frame_menu(menu, view, at)
        else:
            scene.clearSelection()
            self._canvas_menu(menu, view, at)
        return menu

    def show(self, view: DiagramView, at: QPointF, where: QPoint) -> None:
        menu = self.menu_for(view, at)
        self.last_menu = menu
        if self.popup:
            menu.exec(where)
            menu.deleteLater()

    def _unit_menu(self, menu: QMenu, view: DiagramView, uid: str, at: QPointF) -> None:
        a, b, lang = self.window.act, self.window.branch_actions, self.window.lang
        scene = view.diagram_scene()
        menu.addAction(self.tr("Rename…"), lambda: self.edit_name(uid)).setObjectName(
            "ctxRename")
        menu.addAction(self.tr("Connect from Here"),
                       lambda: self.connect_from(view, uid)).setObjectName("ctxConnectFrom")
        kinds = menu.addMenu(self.tr("Change Kind"))
        kinds.setObjectName("ctxChangeKind")
        for kind in UnitKind:
            act = kinds.addAction(kind.label(lang), lambda k=kind: self.set_kind(view, k))
            act.setCheckable(True)
            act.setChecked(scene.design.units[uid].kind is kind)
        add = menu.addMenu(self.tr("Add Subordinate"))
        add.setObjectName("ctxAddHere")
        self._preset_entries(add, view, at, units_only=True)
        menu.addSeparator()
        menu.addAction(self.tr("Select Branch"), lambda: self.select_branch(view, uid)
                       ).setObjectName("ctxSelectBranch")
        menu.addActions([b.collapse, b.expand, b.focus])
        menu.addSeparator()
        menu.addActions([a.cut, a.copy, a.duplicate, a.delete])
        menu.addSeparator()
        menu.addAction(self.tr("Properties"), self.properties).setObjectName("ctxProperties")

    def _flow_menu(self, menu: QMenu) -> None:
        a = self.window.act
        kinds = menu.addMenu(self.tr("Change Kind"))
        kinds.setObjectName("ctxChangeKind")
        kinds.addActions(list(a.flow_kinds.values()))
        menu.addSeparator()
        menu.addAction(a.delete)
        menu.addSeparator()
        menu.addAction(self.tr("Properties"), self.properties).setObjectName("ctxProperties")

    def _frame_menu(self, menu: QMenu, view: DiagramView, at: QPointF) -> None:
        a = self.window.act
        menu.addAction(self.tr("Rename…"), self.edit_frame_name).setObjectName("ctxRename")
        menu.addAction(a.fit_frame)
        self._paste_entry(menu, view, at)
        add = menu.addMenu(self.tr("Add Unit Here"))
        add.setObjectName("ctxAddHere")
        self._preset_entries(add, view, at, units_only=True)
        menu.addSeparator()
        menu.addAction(a.delete)
        menu.addSeparator()
        menu.addAction(self.tr("Properties"), self.properties).setObjectName("ctxProperties")

    def _canvas_menu(self, menu: QMenu, view: DiagramView, at: QPointF) -> None:
        a = self.window.act
        self._paste_entry(menu, view, at)
        add = menu.addMenu(self.tr("Add Unit Here"))
        add.setObjectName("ctxAddHere")
        self._preset_entries(add, view, at, units_only=False)
        menu.addSeparator()
        menu.addActions([a.select_all, a.auto_layout, a.fit])
        menu.addSeparator()
        menu.addAction(self.tr("Properties"), self.properties).setObjectName("ctxProperties")

    def _paste_entry(self, menu: QMenu, view: DiagramView, at: QPointF) -> None:
        paste = menu.addAction(self.tr("Paste Here"), lambda: self.paste_here(view, at))
        paste.setObjectName("ctxPasteHere")
        paste.setEnabled(self.window.act.paste.isEnabled() and self._has_payload())

    def _preset_entries(self, menu: QMenu, view: DiagramView, at: QPointF,
                        units_only: bool) -> None:
        lang = self.window.lang
        for gid, en, ja in presets.GROUPS:
            group = [p for p in presets.in_group(gid) if not (units_only and p.is_company)]
            if not group:
                continue
            sub = menu.addMenu(ja if lang == "ja" else en)
            for p in group:
                sub.addAction(p.label(lang),
                              lambda pid=p.id: view.diagram_scene().drop_preset(pid, at))

    # ---- what the entries do ------------------------------------------------------------------
    @staticmethod
    def _has_payload() -> bool:
        from orgdesigner.gui.shell.clipboard import clipboard_payload

        return clipboard_payload() is not None

    def paste_here(self, view: DiagramView, at: QPointF) -> None:
        """Paste with the pasted units' centre at `at`."""
        from orgdesigner.formats.orgd import LoadError
        from orgdesigner.gui.shell import clipboard

        ctrl = view.diagram_scene().controller
        payload = clipboard.clipboard_payload()
        if payload is None:
            return
        try:
            batch, new_ids = clipboard.paste_ops(ctrl.design, payload, 0.0)
        except LoadError as exc:
            ctrl.statusMessage.emit(self.tr("Cannot paste: %1").replace("%1", str(exc)))
            return
        added = [o.unit for o in batch.ops if isinstance(o, ops.AddUnit)]
        if added:
            cx = sum(u.x for u in added) / len(added)
            cy = sum(u.y for u in added) / len(added)
            p = view.diagram_scene().snap(at)
            for u in added:
                u.x += p.x() - cx
                u.y += p.y() - cy
        if ctrl.push(batch, self.tr("Paste")):
            ctrl.select_units(new_ids, center=False)

    def connect_from(self, view: DiagramView, uid: str) -> None:
        from orgdesigner.gui.canvas.interactions import ConnectFromInteraction

        scene = view.diagram_scene()
        item = scene.unit_item(uid)
        if item is not None:
            scene.cancel_interaction()
            scene.set_interaction(ConnectFromInteraction(scene, item))
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_kind(self, view: DiagramView, kind: UnitKind) -> None:
        ctrl = view.diagram_scene().controller
        units = [u for u in ctrl.selected_units() if ctrl.design.units[u].kind is not kind]
        batch = ops.Batch([ops.UpdateUnit(u, {"kind": kind}) for u in units])
        ctrl.push(batch, self.tr("Change unit kind"))

    def select_branch(self, view: DiagramView, uid: str) -> None:
        scene = view.diagram_scene()
        below = [u for u in scene.branches.descendants(uid) if u not in scene.hidden_units]
        scene.select_ids(units=[uid, *below])

    def properties(self) -> None:
        """Show the inspector (it already shows the selection) and put the keyboard there."""
        dock = self.window.inspector_dock
        dock.show()
        dock.raise_()
        page = self.window.inspector.stack.currentWidget()
        target: QWidget | None = page.focusWidget() if page is not None else None
        (target or self.window.inspector).setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_name(self, uid: str) -> None:
        """Enter or Rename: the unit's name field in the inspector, all selected."""
        ctrl = self.window.current_controller()
        if ctrl is None or uid not in ctrl.design.units:
            return
        if ctrl.selected_units() != [uid]:
            ctrl.select_units([uid], center=False)
        self.window.inspector.refresh()
        page = self.window.inspector.unit  # the name the canvas shows in this language
        self._focus_field(page.name_en if ctrl.lang == "en" else page.name)

    def edit_frame_name(self) -> None:
        self.window.inspector.refresh()
        self._focus_field(self.window.inspector.company.name)

    def _focus_field(self, field: QWidget) -> None:
        dock = self.window.inspector_dock
        dock.show()
        dock.raise_()
        tabs = getattr(self.window.inspector.unit, "tabs", None)
        if tabs is not None and field.parent() is not None and tabs.isAncestorOf(field):
            tabs.setCurrentIndex(0)
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()  # type: ignore[attr-defined]

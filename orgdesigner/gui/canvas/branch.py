"""Collapsed branches and the focused branch: what part of a big organisation is on the
canvas. A view state, not a model state — collapsing never changes the design or the undo
stack; it is kept per open document (on its scene) for as long as the document is open.

Collapsing a unit hides every unit below it in the reporting tree, with the flows that touch
them; the unit shows "+N". Focusing on a unit hides everything outside its branch until the
user goes back to the whole design (Esc, or View › Show Whole Design).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction

from orgdesigner.render.layout import depth_first

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from orgdesigner.gui.canvas.host import DocumentHost
    from orgdesigner.gui.canvas.scene import DiagramScene


class Branches(QObject):
    changed = Signal()  # collapsed set, focus or the hidden units changed

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.collapsed: set[str] = set()
        self.focus: str | None = None
        self.hidden: set[str] = set()
        self.subordinates: dict[str, int] = {}  # direct reports (handles of new items)
        self.below: dict[str, int] = {}  # units hidden under each collapsed unit
        self._state: tuple[frozenset[str], str | None, frozenset[str]] = (
            frozenset(), None, frozenset())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    # ---- queries ------------------------------------------------------------------------------
    def descendants(self, uid: str, children: dict[str, list[str]] | None = None) -> list[str]:
        """Every unit below `uid` in the reporting tree (depth first, each once)."""
        children = self.scene.design.children() if children is None else children
        return [u for u in depth_first(children, children.get(uid, [])) if u != uid]

    # ---- changes ----------------------------------------------------------------------------
    def collapse(self, ids: Iterable[str]) -> None:
        children = self.scene.design.children()
        self.collapsed |= {u for u in ids if children.get(u)}
        self.refresh()

    def expand(self, ids: Iterable[str], whole_branch: bool = True) -> None:
        """Expand the units; with `whole_branch`, every collapsed unit below them too."""
        ids = list(ids)
        gone = set(ids)
        if whole_branch:
            children = self.scene.design.children()
            for uid in ids:
                gone.update(self.descendants(uid, children))
        self.collapsed -= gone
        self.refresh()

    def toggle(self, uid: str) -> None:
        if uid in self.collapsed:
            self.expand([uid], whole_branch=False)
        else:
            self.collapse([uid])

    def expand_all(self) -> None:
        self.collapsed.clear()
        self.refresh()

    def focus_on(self, uid: str) -> None:
        if uid in self.scene.design.units:
            self.focus = uid
            self.refresh()

    def show_whole(self) -> None:
        if self.focus is not None:
            self.focus = None
            self.refresh()

    def reveal(self, ids: Iterable[str]) -> None:
        """Make units visible (a search found them): expand what hides them, and leave the
        focused branch if they are outside it."""
        ids = [u for u in ids if u in self.hidden]
        if not ids:
            return
        design = self.scene.design
        for uid in ids:
            if self.focus is not None and uid not in self.descendants(self.focus) \
                    and uid != self.focus:
                self.focus = None
            up = design.superior(uid)
            seen = {uid}
            while up is not None and up not in seen:
                seen.add(up)
                self.collapsed.discard(up)
                up = design.superior(up)
        self.refresh()

    def schedule(self) -> None:
        """The reporting tree changed: recount handles and hidden units soon (once)."""
        if not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Work out the hidden units and the handles, and show them on the scene."""
        self._timer.stop()
        design = self.scene.design
        children = design.children()
        self.collapsed = {u for u in self.collapsed if children.get(u)}
        if self.focus is not None and self.focus not in design.units:
            self.focus = None
        hidden: set[str] = set()
        if self.focus is not None:
            keep = {self.focus, *self.descendants(self.focus, children)}
            hidden = {u for u in design.units if u not in keep}
        below: dict[str, int] = {}
        for uid in self.collapsed:
            under = self.descendants(uid, children)
            below[uid] = len(under)
            if uid not in hidden:
                hidden.update(under)
        subordinates = {u: len(c) for u, c in children.items()}
        state = (frozenset(hidden), self.focus, frozenset(self.collapsed))
        self.hidden = hidden
        self._apply(hidden, subordinates, below)
        if state != self._state:
            self._state = state
            self.changed.emit()

    def _apply(self, hidden: set[str], subordinates: dict[str, int],
               below: dict[str, int]) -> None:
        """Show the outcome on the scene: hide and show units, their flows and frames, and
        draw each unit's handle and "+N" badge."""
        scene = self.scene
        self.subordinates, self.below = subordinates, below
        flipped = hidden ^ scene.hidden_units
        scene.hidden_units = set(hidden)
        for uid in flipped:
            item = scene.unit_items.get(uid)
            if item is not None:
                if uid in hidden:
                    item.setSelected(False)  # Qt keeps hidden items selected otherwise
                item.setVisible(uid not in hidden)
        for uid, item in scene.unit_items.items():
            item.set_branch(subordinates.get(uid, 0), uid in self.collapsed, below.get(uid, 0))
        if flipped:
            scene.flows.refill()
            scene.unit_layer.invalidate()
            scene.refit_frames()


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files helper strings under ""


class BranchActions(QObject):
    """View › Collapse Branch, Expand Branch, Expand All, Focus on Branch, Show Whole
    Design — acting on the current document's selected units."""

    def __init__(self, window: DocumentHost, menu: QMenu) -> None:
        super().__init__(cast(QObject, window))
        self.window = window

        def make(name: str, text: str, tip: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, cast(QObject, window))
            act.setObjectName(name)
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            return act

        self.collapse = make("actionCollapseBranch", _tr("Collapse &Branch"),
                             _tr("Hide the units below the selected units (view only)"),
                             self._collapse)
        self.expand = make("actionExpandBranch", _tr("&Expand Branch"),
                           _tr("Show the units below the selected units again"), self._expand)
        self.expand_all = make("actionExpandAll", _tr("E&xpand All"),
                               _tr("Show every collapsed branch again"), self._expand_all)
        self.focus = make("actionFocusBranch", _tr("Foc&us on Branch"),
                          _tr("Show only the selected unit and the units below it"),
                          self._focus)
        self.show_whole = make("actionShowWholeDesign", _tr("Show &Whole Design"),
                               _tr("Leave the focused branch (Esc)"), self._show_whole)
        menu.addSeparator()
        for act in self.all():
            menu.addAction(act)
        window.currentDocumentChanged.connect(self._follow)
        self._scene: DiagramScene | None = None
        self._follow(window.current_controller())

    def all(self) -> list[QAction]:
        return [self.collapse, self.expand, self.expand_all, self.focus, self.show_whole]

    # ---- state ------------------------------------------------------------------------------
    def _follow(self, ctrl: object) -> None:
        scene = getattr(ctrl, "scene", None)
        if self._scene is not None:
            for signal, slot in ((self._scene.selectionChanged, self._update),
                                 (self._scene.branches.changed, self._update)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self._scene = scene
        if scene is not None:
            scene.selectionChanged.connect(self._update)
            scene.branches.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        scene = self._scene
        try:
            units = scene.selected_unit_ids() if scene is not None else []
        except RuntimeError:  # the scene was deleted with its document
            scene, units = None, []
        with_kids = [u for u in units if scene is not None
                     and scene.branches.subordinates.get(u, 0)]
        b = scene.branches if scene is not None else None
        self.collapse.setEnabled(any(u not in b.collapsed for u in with_kids) if b else False)
        self.expand.setEnabled(bool(with_kids) and b is not None and bool(b.collapsed))
        self.expand_all.setEnabled(b is not None and bool(b.collapsed))
        self.focus.setEnabled(len(units) >= 1)
        self.show_whole.setEnabled(b is not None and b.focus is not None)

    def _current(self) -> tuple[DiagramScene | None, list[str]]:
        ctrl = self.window.current_controller()
        if ctrl is None:
            return None, []
        return ctrl.scene, ctrl.scene.selected_unit_ids()

    # ---- actions ----------------------------------------------------------------------------
    def _collapse(self) -> None:
        scene, units = self._current()
        if scene is not None and units:
            scene.branches.collapse(units)
            scene.select_ids(units=units)

    def _expand(self) -> None:
        scene, units = self._current()
        if scene is not None and units:
            scene.branches.expand(units)

    def _expand_all(self) -> None:
        scene, _units = self._current()
        if scene is not None:
            scene.branches.expand_all()

    def _focus(self) -> None:
        scene, units = self._current()
        if scene is None or not units:
            return
        scene.branches.focus_on(units[0])
        view = self.window.current_view()
        if view is not None:
            view.fit_to_window()

    def _show_whole(self) -> None:
        scene, _units = self._current()
        if scene is not None and scene.branches.focus is not None:
            scene.branches.show_whole()
            view = self.window.current_view()
            if view is not None:
                view.fit_to_window()

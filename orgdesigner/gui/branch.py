"""Collapsed branches and the focused branch: what part of a big organisation is on the
canvas. A view state, not a model state — collapsing never changes the design or the undo
stack; it is kept per open document (on its scene) for as long as the document is open.

Collapsing a unit hides every unit below it in the reporting tree, with the flows that touch
them; the unit shows "+N". Focusing on a unit hides everything outside its branch until the
user goes back to the whole design (Esc, or View › Show Whole Design).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from .scene import DiagramScene


class Branches(QObject):
    changed = Signal()  # collapsed set, focus or the hidden units changed

    def __init__(self, scene: DiagramScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.collapsed: set[str] = set()
        self.focus: str | None = None
        self.hidden: set[str] = set()
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
        out: list[str] = []
        seen = {uid}
        stack = list(reversed(children.get(uid, [])))
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            out.append(u)
            stack.extend(reversed(children.get(u, [])))
        return out

    def is_collapsed(self, uid: str) -> bool:
        return uid in self.collapsed

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
        self.scene.apply_branches(hidden, subordinates, self.collapsed, below)
        if state != self._state:
            self._state = state
            self.changed.emit()

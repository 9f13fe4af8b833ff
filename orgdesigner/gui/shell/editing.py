"""What the Edit, View and Diagram actions do to the current document.

Each handler turns the action into one model operation for the controller (or a view
change); nothing here touches items directly. Kept out of the main window so the window
stays a thin shell (STYLE.md anti-pattern 1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from orgdesigner import presets
from orgdesigner.formats.orgd import LoadError
from orgdesigner.gui.canvas import arrange
from orgdesigner.gui.shell import clipboard
from orgdesigner.model import FlowKind, ops

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.canvas.view import DiagramView


class EditCommands(QObject):
    def __init__(self, current: Callable[[], tuple[DocumentController | None,
                                                   DiagramView | None]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self._find_index = 0
        self._find_text = ""

    def _ctrl(self) -> DocumentController | None:
        return self._current()[0]

    # ---- edit -----------------------------------------------------------------------------
    def delete_ops(self, ctrl: DocumentController) -> ops.Batch:
        """Selected units with their flows, selected flows, selected frames (their units
        stay, no longer in a company) — one batch."""
        d = ctrl.design
        units = ctrl.selected_units()
        batch = ops.remove_units(d, units, "Delete")
        gone = {o.flow_id for o in batch.ops if isinstance(o, ops.RemoveFlow)}
        batch.ops[:0] = [ops.RemoveFlow(f) for f in ctrl.selected_flows() if f not in gone]
        doomed = set(units)
        for cid in ctrl.selected_companies():
            keep = [u for u in d.units_in(cid) if u.id not in doomed]
            batch.ops += [ops.UpdateUnit(u.id, {"company": ""}) for u in keep]
            batch.ops.append(ops.RemoveCompany(cid))
        return batch

    def delete(self) -> None:
        ctrl = self._ctrl()
        if ctrl is not None:
            ctrl.push(self.delete_ops(ctrl), self.tr("Delete"))

    def copy(self) -> bool:
        ctrl = self._ctrl()
        if ctrl is None:
            return False
        ctrl.paste_count = 0
        return clipboard.copy_units(ctrl.design, ctrl.selected_units(), ctrl.lang)

    def cut(self) -> None:
        ctrl = self._ctrl()
        if ctrl is not None and self.copy():
            batch = ops.remove_units(ctrl.design, ctrl.selected_units(), "Cut")
            ctrl.push(batch, self.tr("Cut"))

    def paste(self) -> None:
        ctrl = self._ctrl()
        payload = clipboard.clipboard_payload()
        if ctrl is None or payload is None:
            return
        ctrl.paste_count += 1
        self._paste(ctrl, payload, clipboard.PASTE_OFFSET * ctrl.paste_count, self.tr("Paste"))

    def duplicate(self) -> None:
        ctrl = self._ctrl()
        if ctrl is None or not ctrl.selected_units():
            return
        payload = clipboard.fragment(ctrl.design, ctrl.selected_units())
        self._paste(ctrl, payload, clipboard.PASTE_OFFSET, self.tr("Duplicate"))

    def _paste(self, ctrl: DocumentController, payload: str, offset: float, text: str) -> None:
        try:
            batch, new_ids = clipboard.paste_ops(ctrl.design, payload, offset)
        except LoadError as exc:
            ctrl.statusMessage.emit(self.tr("Cannot paste: %1").replace("%1", str(exc)))
            return
        if ctrl.push(batch, text):
            ctrl.select_units(new_ids, center=False)

    def select_all(self) -> None:
        ctrl = self._ctrl()
        if ctrl is not None:
            ctrl.select_units(list(ctrl.design.units), center=False)

    def find(self, text: str) -> str | None:
        """Select and show the next unit whose name (ja or en) contains `text`."""
        ctrl = self._ctrl()
        needle = text.strip().lower()
        if ctrl is None or not needle:
            return None
        hits = [u.id for u in ctrl.design.units.values()
                if needle in u.name.lower() or needle in u.name_en.lower()]
        if not hits:
            ctrl.statusMessage.emit(self.tr("No unit named “%1”").replace("%1", text.strip()))
            return None
        if needle != self._find_text:
            self._find_text, self._find_index = needle, 0
        uid = hits[self._find_index % len(hits)]
        self._find_index += 1
        ctrl.select_units([uid], center=True)
        ctrl.statusMessage.emit(self.tr("Found %1 of %2").replace(
            "%1", str((self._find_index - 1) % len(hits) + 1)).replace("%2", str(len(hits))))
        return uid

    # ---- arrange --------------------------------------------------------------------------
    def align(self, mode: str) -> None:
        ctrl = self._ctrl()
        if ctrl is not None:
            ctrl.push(arrange.align_ops(ctrl.design, ctrl.selected_units(), mode, ctrl.lang),
                      self.tr("Align"))

    def distribute(self, axis: str) -> None:
        ctrl = self._ctrl()
        if ctrl is not None:
            ctrl.push(arrange.distribute_ops(ctrl.design, ctrl.selected_units(), axis,
                                             ctrl.lang), self.tr("Distribute"))

    def auto_layout(self, compact: bool = False) -> None:
        """Lay the reporting tree out (one undo step); compact stacks leaf units so wide
        organisations stay readable."""
        ctrl, view = self._current()
        if ctrl is None:
            return
        from orgdesigner.render.layout import layout_ops

        if ctrl.push(layout_ops(ctrl.design, compact=compact, lang=ctrl.lang),
                     self.tr("Auto layout")):
            ctrl.scene.flush()
            if view is not None:
                view.fit_to_window()

    # ---- diagram ---------------------------------------------------------------------------
    def new_company(self) -> None:
        ctrl, view = self._current()
        if ctrl is None:
            return
        centre = view.mapToScene(view.viewport().rect().center()) if view is not None else None
        x = centre.x() - presets.COMPANY_SIZE[0] / 2 if centre is not None else 0.0
        y = centre.y() - presets.COMPANY_SIZE[1] / 2 if centre is not None else 0.0
        company = presets.make_company(ctrl.design, x, y)
        if ctrl.push(ops.AddCompany(company), self.tr("New company frame")):
            ctrl.scene.select_ids(companies=[company.id])

    def fit_frames(self) -> None:
        ctrl = self._ctrl()
        if ctrl is None:
            return
        ids = ctrl.selected_companies() or [
            c for c in dict.fromkeys(ctrl.design.units[u].company for u in ctrl.selected_units())
            if c]
        batch = ops.Batch([ops.UpdateCompany(c, {"width": 0.0, "height": 0.0}) for c in ids])
        ctrl.push(batch, self.tr("Fit frame to contents"))

    def add_preset(self, preset_id: str) -> None:
        """Insert a preset at the centre of the view (keyboard alternative to dragging)."""
        ctrl, view = self._current()
        if ctrl is None:
            return
        centre = view.mapToScene(view.viewport().rect().center()) if view is not None else None
        from PySide6.QtCore import QPointF

        ctrl.scene.drop_preset(preset_id, centre if centre is not None else QPointF(0, 0))

    def set_flow_kind(self, kind: FlowKind) -> None:
        """Choose the kind new connections get; selected flows are retyped to it."""
        ctrl = self._ctrl()
        if ctrl is None:
            return
        ctrl.scene.flow_kind = kind
        flows = [f for f in ctrl.selected_flows() if ctrl.design.flows[f].kind is not kind]
        if flows:
            batch = ops.Batch([ops.UpdateFlow(f, {"kind": kind}) for f in flows])
            ctrl.push(batch, self.tr("Change flow kind"))

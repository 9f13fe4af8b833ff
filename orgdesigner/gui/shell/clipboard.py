"""Copy, cut, paste and duplicate of units with the flows among them.

The clipboard carries a small `.orgd` document (JSON) under its own MIME type, so a paste
works into any open document — even one in another OrgDesigner process — and the payload is
validated by the same loader as a file. Plain text (the unit names) goes along for pasting
into mail or a spreadsheet.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from orgdesigner.formats import orgd
from orgdesigner.model import Design, ops

FRAGMENT_MIME = "application/vnd.orgdesigner.fragment+json"
PASTE_OFFSET = 30.0


def fragment(design: Design, unit_ids: list[str]) -> str:
    """The selected units, their companies and the flows among them, as `.orgd` JSON."""
    chosen = [u for u in design.units if u in set(unit_ids)]
    part = Design()
    for cid in dict.fromkeys(design.units[u].company for u in chosen if design.units[u].company):
        part.add_company(copy.deepcopy(design.companies[cid]))
    for uid in chosen:
        part.add_unit(copy.deepcopy(design.units[uid]))
    keep = set(chosen)
    for f in design.flows.values():
        if f.source in keep and f.target in keep:
            part.add_flow(copy.deepcopy(f))
    return orgd.dumps(part)


def paste_ops(design: Design, payload: str, offset: float) -> tuple[ops.Batch, list[str]]:
    """Operations adding a fragment's units (fresh ids, shifted by `offset`) and flows.

    Units keep their company when the target design has it; otherwise they join none.
    Raises `orgd.LoadError` for a payload that is not a valid fragment.
    """
    part = orgd.loads(payload, "clipboard")
    batch = ops.Batch([], "Paste")
    new_ids: dict[str, str] = {}
    for uid in part.units:
        new_ids[uid] = design.new_id("u")
    for uid, unit in part.units.items():
        u = copy.deepcopy(unit)
        u.id = new_ids[uid]
        u.x += offset
        u.y += offset
        if u.company not in design.companies:
            u.company = ""
        if u.plan is not None:
            for m in u.plan.members:
                m.home_unit = new_ids.get(m.home_unit, m.home_unit)
        batch.ops.append(ops.AddUnit(u))
    for f in part.flows.values():
        g = copy.deepcopy(f)
        g.id = design.new_id("f")
        g.source, g.target = new_ids[f.source], new_ids[f.target]
        batch.ops.append(ops.AddFlow(g))
    return batch, list(new_ids.values())


def copy_units(design: Design, unit_ids: list[str], lang: str = "en") -> bool:
    """Put the units on the system clipboard; False when nothing is selected."""
    if not unit_ids:
        return False
    mime = QMimeData()
    mime.setData(FRAGMENT_MIME, fragment(design, unit_ids).encode("utf-8"))
    mime.setText("\n".join(design.units[u].display_name(lang) for u in unit_ids
                           if u in design.units))
    QGuiApplication.clipboard().setMimeData(mime)
    return True


def clipboard_payload() -> str | None:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(FRAGMENT_MIME):
        return None
    return bytes(mime.data(FRAGMENT_MIME).data()).decode("utf-8", "replace")


def release_clipboard() -> None:
    """Before the app quits: leave only plain text on the clipboard.

    Other programs keep the unit names; and Qt no longer holds a Python-made QMimeData at
    shutdown (PySide6 crashes on exit when it does, at least on the offscreen platform).
    """
    board = QGuiApplication.clipboard()
    mime = board.mimeData()
    if mime is not None and mime.hasFormat(FRAGMENT_MIME):
        text = mime.text()
        board.clear()
        if text:
            board.setText(text)

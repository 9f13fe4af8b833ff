"""What a Connect-mode drag will create, said in words before the mouse is released.

A reporting line is dragged from the subordinate to its superior ("A reports to B"), the way
people say it; the model stores it superior → subordinate (DESIGN.md: Management → System
Dep.), so the drag's ends are swapped. Every other kind runs the way it is dragged
("A commands B"). A reporting line that would put a management unit under a unit that is not
management or an executive is refused: no org chart means that, and it is what a drag the
wrong way round used to create silently.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from orgdesigner.model import Design, FlowKind, UnitKind

_TOP = (UnitKind.MANAGEMENT, UnitKind.EXECUTIVE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def flow_ends(kind: FlowKind, dragged_from: str, dropped_on: str) -> tuple[str, str]:
    """(source, target) of the flow a drag creates."""
    if kind is FlowKind.REPORTING:
        return dropped_on, dragged_from  # superior → subordinate
    return dragged_from, dropped_on


def refusal(design: Design, kind: FlowKind, source: str, target: str, lang: str) -> str:
    """Why this flow must not be created ("" when it may)."""
    if kind is not FlowKind.REPORTING:
        return ""
    sup, sub = design.units[source], design.units[target]
    if sub.kind is UnitKind.MANAGEMENT and sup.kind not in _TOP:
        return _tr("Management cannot report to %1; drag from the subordinate to its "
                   "superior").replace("%1", sup.display_name(lang))
    return ""


def hint(design: Design, kind: FlowKind, dragged_from: str, dropped_on: str, lang: str) -> str:
    """"A reports to B", "A commands B" … for the flow the drag would create."""
    a = design.units[dragged_from].display_name(lang)
    b = design.units[dropped_on].display_name(lang)
    src, dst = flow_ends(kind, dragged_from, dropped_on)
    why = refusal(design, kind, src, dst, lang)
    if why:
        return why
    text = {
        FlowKind.REPORTING: _tr("%1 reports to %2"),
        FlowKind.COMMAND: _tr("%1 commands %2 in an incident"),
        FlowKind.DELEGATION: _tr("%1 delegates authority to %2"),
        FlowKind.CONSENSUS: _tr("%1 consults and agrees with %2"),
        FlowKind.SUPPORT: _tr("%1 supports %2"),
        FlowKind.REPORT: _tr("%1 reports incidents to %2"),
        FlowKind.COORDINATION: _tr("%1 coordinates with %2"),
    }[kind]
    return text.replace("%1", a).replace("%2", b)


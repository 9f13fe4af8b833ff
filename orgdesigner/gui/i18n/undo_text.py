"""Undo steps named in the UI language, also after the language changes.

A step's name is made when the step is pushed ("Connect (Reporting line)"), so switching
to Japanese left the undo button and the Edit menu in English. A step may carry its name
in both languages (`OpCommand.texts`, e.g. a quick fix's label); otherwise its name is
re-translated through the catalogue: a fixed text directly, a text made from a template
("Connect (%1)", "Add %1") by matching the template and translating what was filled in
(flow and unit kinds, palette presets, unit and company names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from orgdesigner import presets
from orgdesigner.gui.i18n.retranslate import catalogue
from orgdesigner.model import FlowKind, UnitKind

_SLOT = re.compile(r"%\d|\{\d?\}")


def _names(design: Any) -> Iterable[tuple[str, str]]:
    """(English, Japanese) pairs of labels a step's name may contain."""
    for enum in (FlowKind, UnitKind):
        for m in enum:
            yield m.label("en"), m.label("ja")
    for p in presets.PRESETS:
        yield p.label("en"), p.label("ja")
    if design is not None:
        for u in design.units.values():
            if u.name and u.name_en:
                yield u.name_en, u.name
        for c in design.companies.values():
            if getattr(c, "name", "") and getattr(c, "name_en", ""):
                yield c.name_en, c.name


def _pattern(template: str) -> tuple[re.Pattern[str], list[str]]:
    parts = _SLOT.split(template)
    slots = _SLOT.findall(template)
    rx = "(.+?)".join(re.escape(p) for p in parts)
    return re.compile(f"^{rx}$", re.S), slots


def translate_text(text: str, before: str, after: str, design: Any = None) -> str:
    """`text`, written in `before`, in `after` ("en"/"ja"); unchanged when unknown."""
    if before == after or not text:
        return text
    cat = catalogue("ja")
    table = cat.any_forward if after == "ja" else cat.any_back  # written → wanted
    if text in table:
        return table[text]
    words = dict(_names(design))
    if after == "en":
        words = {ja: en for en, ja in words.items()}
    for written, wanted in table.items():
        if not _SLOT.search(written):
            continue
        rx, slots = _pattern(written)
        m = rx.match(text)
        if m is None:
            continue
        out = wanted
        for slot, arg in zip(slots, m.groups(), strict=False):
            out = out.replace(slot, words.get(arg, table.get(arg, arg)), 1)
        return out
    return text


def retranslate_stack(stack: Any, before: str, after: str, design: Any = None) -> None:
    """Every step of an undo stack named in `after`."""
    from orgdesigner.gui.canvas.commands import OpCommand

    for i in range(stack.count()):
        cmd = stack.command(i)
        texts = getattr(cmd, "texts", None) if isinstance(cmd, OpCommand) else None
        if texts and after in texts:
            cmd.setText(texts[after])
        else:
            cmd.setText(translate_text(cmd.text(), before, after, design))

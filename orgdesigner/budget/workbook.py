"""The budget approval workbook (.xlsx): what a CISO hands to management (talk, Japan step 8).

Sheets: Cover, Assumptions, Staffing, Costs, Summary, Findings, Organisation, Process,
Diagram. Every total is a formula over the cells it sums and equals `compute_budget`; every
text the user typed is a text cell. The file is written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from typing import Any

from ..formats.atomic import atomic_path
from ..messages import message_of, msg
from ..model import Design
from .defaults import BudgetError
from .labels import t
from .model import Budget, compute_budget

LANGS = ("en", "ja")
SHEETS = ("cover", "assumptions", "staffing", "costs", "summary", "findings", "organisation",
          "process", "diagram")


def sheet_names(lang: str = "en") -> list[str]:
    return [t(f"sheet.{k}", lang) for k in SHEETS]


def build_workbook(design: Design, *, lang: str = "en", years: int | None = None,
                   diagram_png: bytes | None = None, overrides: Any = None,
                   today: dt.date | None = None) -> tuple[Any, Budget]:
    """The openpyxl Workbook and the Budget it shows (tests and callers that stream it)."""
    if lang not in LANGS:
        raise BudgetError(msg("budget.bad_lang", langs=", ".join(LANGS), lang=lang))
    budget = compute_budget(design, years=years, overrides=overrides)
    try:
        from openpyxl import Workbook
    except ImportError:
        raise BudgetError(msg("budget.needs_openpyxl")) from None
    from .sheets_cover import design_title, write_cover
    from .sheets_info import write_diagram, write_findings, write_organisation, write_process
    from .sheets_money import (
        Refs,
        write_assumptions,
        write_costs,
        write_staffing,
        write_summary,
    )
    from .xlsx import Sheet

    wb = Workbook()
    title = design_title(design, lang)
    page = t("print.page", lang)
    sheets = {}
    for i, key in enumerate(SHEETS):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = t(f"sheet.{key}", lang)
        sheets[key] = Sheet(ws, title, page)

    refs = Refs()
    write_assumptions(sheets["assumptions"], budget, lang, refs)
    write_staffing(sheets["staffing"], design, budget, lang, refs)
    write_costs(sheets["costs"], budget, lang, refs)
    summary = write_summary(sheets["summary"], budget, lang, refs)
    write_cover(sheets["cover"], design, budget, lang, summary, today or dt.date.today())
    write_findings(sheets["findings"], design, lang)
    write_organisation(sheets["organisation"], design, lang)
    write_process(sheets["process"], design, lang)
    write_diagram(sheets["diagram"], diagram_png, lang)

    wb.active = 0
    wb.calculation.fullCalcOnLoad = True  # spreadsheets compute every formula on opening
    props = wb.properties
    props.title = title[:250]
    props.creator = (design.metadata.author or "OrgDesigner")[:250]
    props.subject = t("cover.heading", lang)
    return wb, budget


def write_workbook(design: Design, path: str | os.PathLike, *, lang: str = "en",
                   years: int | None = None, diagram_png: bytes | None = None,
                   overrides: Any = None, today: dt.date | None = None) -> Budget:
    """Write the approval workbook; returns the Budget whose totals its formulas reproduce.

    `overrides` are the user's settings (rates, multiplier, FX); the design's own budget
    inputs win over them, and both over the shipped illustrative defaults.
    """
    wb, budget = build_workbook(design, lang=lang, years=years, diagram_png=diagram_png,
                                overrides=overrides, today=today)
    with atomic_path(path) as tmp:
        tmp.write_bytes(workbook_bytes(wb))
    return budget


def cut_texts(design: Design) -> list[str]:
    """What the workbook will show cut short (a cell holds 32,767 characters): one note per
    text, so the cut is never silent."""
    from ..messages import Field, msg
    from .xlsx import MAX_CELL

    texts = [(Field("description"), design.metadata.description),
             (Field("English description"), design.metadata.description_en),
             (Field("source"), design.metadata.source)]
    texts += [(msg("quote.name", value=c.name), c.notes) for c in design.costs.values()]
    return [msg("budget.text_cut", what=what, length=len(text), limit=MAX_CELL)
            for what, text in texts if len(text) > MAX_CELL]


def workbook_bytes(wb: Any) -> bytes:
    """The .xlsx in memory: zipfile then never writes to disk itself, so a full disk gives
    one error from our own write, not a second one from a half-closed zip file that Python
    prints as "Exception ignored … Traceback" when it collects it."""
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


#: Above this many units the diagram (a picture on one sheet) is unreadable and drawing it
#: would take most of the time of the workbook: it is left out, with a note.
MAX_DIAGRAM_UNITS = 5_000


def diagram_png_for(design: Design, lang: str = "en",
                    problems: list[str] | None = None) -> bytes | None:
    """The diagram as PNG for the Diagram sheet, or None when it cannot be rendered (the
    render package, pygraphviz or Graphviz missing or failing); the reason is appended to
    `problems`, and the workbook says on the Diagram sheet that the diagram is not included.
    """
    if len(design.units) > MAX_DIAGRAM_UNITS:
        if problems is not None:
            problems.append(msg("budget.diagram_too_big", count=len(design.units),
                                limit=MAX_DIAGRAM_UNITS))
        return None
    try:
        from ..render.export import ExportError, diagram_bytes
    except ImportError as exc:
        if problems is not None:
            problems.append(msg("budget.no_diagram_export", detail=str(exc)))
        return None
    try:
        return diagram_bytes(design, "png", lang=lang)
    except (ExportError, ImportError, OSError) as exc:
        if problems is not None:
            problems.append(msg("budget.diagram_failed", detail=message_of(exc)))
        return None

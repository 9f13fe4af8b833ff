"""The budget approval workbook (.xlsx): what a CISO hands to management (talk, Japan step 8).

Sheets: Cover, Assumptions, Staffing, Costs, Summary, Findings, Organisation, Process,
Diagram. Every total is a formula over the cells it sums and equals `compute_budget`; every
text the user typed is a text cell. The file is written atomically.
"""

from __future__ import annotations

import datetime as dt
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
    _proposal_sheets(wb, design, sheets["cover"], lang, title, page, overrides)

    wb.active = 0
    wb.calculation.fullCalcOnLoad = True  # spreadsheets compute every formula on opening
    props = wb.properties
    props.title = title[:250]
    props.creator = (design.metadata.author or "OrgDesigner")[:250]
    props.subject = t("cover.heading", lang)
    return wb, budget


def _proposal_sheets(wb: Any, design: Design, cover: Any, lang: str, title: str, page: str,
                     overrides: Any) -> None:
    """案の比較 and ロードマップ after the others, for a document with proposals."""
    from .sheets_options import (
        has_proposals,
        label,
        write_options,
        write_recommended,
        write_roadmap,
    )
    from .xlsx import Sheet

    if not has_proposals(design):
        return
    write_options(Sheet(_new_sheet(wb, label("sheet.options", lang)), title, page), design,
                  lang, overrides)
    write_roadmap(Sheet(_new_sheet(wb, label("sheet.roadmap", lang)), title, page), design,
                  lang, overrides)
    write_recommended(cover, design, lang)


def _new_sheet(wb: Any, name: str) -> Any:
    ws = wb.create_sheet()
    ws.title = name
    return ws


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
        wb.save(tmp)
    return budget


def diagram_png_for(design: Design, lang: str = "en",
                    problems: list[str] | None = None) -> bytes | None:
    """The diagram as PNG for the Diagram sheet, or None when it cannot be rendered (the
    render package, pygraphviz or Graphviz missing or failing); the reason is appended to
    `problems`, and the workbook says on the Diagram sheet that the diagram is not included.
    """
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

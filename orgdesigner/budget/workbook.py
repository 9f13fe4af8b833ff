"""The budget approval workbook (.xlsx): what a CISO hands to management (talk, Japan step 8).

Sheets: Cover (the 稟議 form), Assumptions, Staffing, Costs, Summary, Group allocation (only
for a group), Findings, Organisation, Process, Diagram, then Options and Roadmap (only for a
document with proposals). Every total is a formula over the
cells it sums, stored with the value `compute_budget` gives; every text the user typed is a
text cell. Sheets are protected (no password), inputs unlocked and validated. The file is
written atomically.
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
from .sheets_info import PICTURE_BOX

LANGS = ("en", "ja")
SHEETS = ("cover", "assumptions", "staffing", "costs", "summary", "allocation", "findings",
          "organisation", "process", "diagram")


def sheet_names(lang: str = "en", group: bool = False, proposals: bool = False) -> list[str]:
    """The sheet names in order; the allocation sheet exists only for a group design, the
    options and roadmap sheets only for a document with proposals."""
    names = [t(f"sheet.{k}", lang) for k in SHEETS if group or k != "allocation"]
    if proposals:
        from .sheets_options import label

        names += [label("sheet.options", lang), label("sheet.roadmap", lang)]
    return names


def _check(design: Design, lang: str, years: int | None, overrides: Any) -> Budget:
    if lang not in LANGS:
        raise BudgetError(msg("budget.bad_lang", langs=", ".join(LANGS), lang=lang))
    budget = compute_budget(design, years=years, overrides=overrides)
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        raise BudgetError(msg("budget.needs_xlsxwriter")) from None
    return budget


def write_workbook(design: Design, path: str | os.PathLike, *, lang: str = "en",
                   years: int | None = None, diagram_png: bytes | None = None,
                   overrides: Any = None, today: dt.date | None = None) -> Budget:
    """Write the approval workbook; returns the Budget whose totals its formulas reproduce
    (each formula is stored with that value, and recalculating gives it again).

    `overrides` are the user's settings (rates, cost model, FX); the design's own budget
    inputs win over them, and both over the shipped illustrative defaults.
    """
    budget = _check(design, lang, years, overrides)
    with atomic_path(path) as tmp:
        # built in memory: zipfile then never writes to disk itself, so a full disk gives
        # one error from our own write, not a second "Exception ignored … Traceback" one
        buf = io.BytesIO()
        _write(design, budget, buf, lang, diagram_png, today or dt.date.today(), overrides)
        tmp.write_bytes(buf.getvalue())
    return budget


def _write(design: Design, budget: Budget, target: Any, lang: str,
           diagram_png: bytes | None, today: dt.date, overrides: Any = None) -> None:
    from .groups import allocate
    from .sheets_assumptions import Refs, write_assumptions
    from .sheets_cover import design_title, write_cover
    from .sheets_group import write_allocation
    from .sheets_info import write_diagram, write_findings, write_organisation, write_process
    from .sheets_money import write_costs, write_staffing
    from .sheets_summary import write_summary
    from .xlsx import Book

    book = Book(target, lang)
    title = design_title(design, lang)
    page = t("print.page", lang)
    shares = allocate(design, budget)
    sheets = {key: book.sheet(t(f"sheet.{key}", lang), title, page) for key in SHEETS
              if shares or key != "allocation"}
    refs = Refs()
    write_assumptions(sheets["assumptions"], budget, lang, refs)
    write_staffing(sheets["staffing"], design, budget, lang, refs)
    write_costs(sheets["costs"], design, budget, lang, refs)
    summary = write_summary(sheets["summary"], budget, lang, refs)
    burden = {}
    if shares:
        burden = write_allocation(sheets["allocation"], design, budget, shares, lang, refs,
                                  summary)
    write_cover(sheets["cover"], design, budget, lang, summary, today, shares, burden)
    write_findings(sheets["findings"], design, lang)
    write_organisation(sheets["organisation"], design, lang)
    write_process(sheets["process"], design, lang)
    write_diagram(sheets["diagram"], diagram_png, lang)
    _proposal_sheets(book, design, sheets["cover"], lang, title, page, overrides)
    sheets["cover"].ws.activate()
    book.wb.set_properties({"title": title[:250],
                            "author": (design.metadata.author or "OrgDesigner")[:250],
                            "subject": t("cover.heading", lang)})
    book.wb.close()


def _proposal_sheets(book: Any, design: Design, cover: Any, lang: str, title: str, page: str,
                     overrides: Any) -> None:
    """案の比較 and ロードマップ after the others, for a document with proposals."""
    from .sheets_options import (
        has_proposals,
        label,
        write_options,
        write_recommended,
        write_roadmap,
    )

    if not has_proposals(design):
        return
    write_options(book.sheet(label("sheet.options", lang), title, page), design, lang,
                  overrides)
    write_roadmap(book.sheet(label("sheet.roadmap", lang), title, page), design, lang,
                  overrides)
    write_recommended(cover, design, lang)


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


#: Above this many units the whole diagram cannot be readable in the Diagram sheet's picture
#: (a box of about 700 × 420 points holds a few dozen readable boxes): the overview is shown
#: without laying the whole design out to find out.
MAX_DIAGRAM_UNITS = 500
#: The picture is drawn at most this many pixels on its longer side: twice the sheet's box
#: (sheets_info.PICTURE_BOX), sharp when printed or zoomed, and cheap to draw at any size.
PICTURE_PX = 2 * max(max(box) for box in PICTURE_BOX)


def diagram_scope(design: Design, lang: str = "en") -> str:
    """"all" when the whole diagram, fitted in the Diagram sheet's picture box, keeps its
    labels at 6 pt or more; else "overview" (companies and their top levels, with counts of
    what is folded; render/scope.py) — a readable picture at every size."""
    if len(design.units) > MAX_DIAGRAM_UNITS:
        return "overview"
    from ..render import paper
    from ..render.layout import compute_layout
    from ..render.scope import LEGEND_ROOM

    _, _, w, h = compute_layout(design, lang=lang).bounds()
    return "all" if picture_text_pt(w, h + LEGEND_ROOM) >= paper.MIN_TEXT else "overview"


def picture_text_pt(width: float, height: float) -> float:
    """Label size in points of a drawing `width` × `height` points (10 pt labels) shown in
    the Diagram sheet's picture box (96 px per inch), never enlarged."""
    from ..render.style import FONT_SIZE

    box_w, box_h = PICTURE_BOX[0] if width >= height else PICTURE_BOX[1]
    return FONT_SIZE * min(1.0, box_w * 0.75 / max(width, 1.0), box_h * 0.75 / max(height, 1.0))


def diagram_png_for(design: Design, lang: str = "en",
                    problems: list[str] | None = None) -> bytes | None:
    """The diagram as PNG for the Diagram sheet (`diagram_scope`: the whole design when it
    is readable there, else the overview, drawn at most PICTURE_PX pixels a side), or None
    when it cannot be rendered (the render package, pygraphviz or Graphviz missing or
    failing); the reason is appended to `problems`, and the workbook says on the Diagram
    sheet that the diagram is not included.
    """
    try:
        from ..render.export import ExportError, diagram_bytes
    except ImportError as exc:
        if problems is not None:
            problems.append(msg("budget.no_diagram_export", detail=str(exc)))
        return None
    try:
        return diagram_bytes(design, "png", lang=lang, scope=diagram_scope(design, lang),
                             paper="a4-landscape", max_px=PICTURE_PX)
    except (ExportError, ImportError, OSError) as exc:
        if problems is not None:
            problems.append(msg("budget.diagram_failed", detail=message_of(exc)))
        return None

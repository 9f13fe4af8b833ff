"""The Cover: what management sees first — who asks, for what years, how much (formulas
pointing at the Summary), and the Japanese approval block 起案 / 審査 / 承認 with stamp boxes."""

from __future__ import annotations

import datetime as dt

from ..model import CompanyKind, CostCategory, Design, Expenditure
from .labels import t
from .model import Budget
from .sheets_money import SummaryRefs
from .xlsx import (
    BOLD,
    BOX,
    CENTER,
    DATE,
    HEADER_FILL,
    LEFT,
    TITLE,
    TOTAL_FILL,
    WRAP,
    Sheet,
    wrapped_lines,
)


def design_title(design: Design, lang: str) -> str:
    m = design.metadata
    title = (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)
    return title or ("(untitled design)" if lang == "en" else "（無題の設計）")


def company_name(design: Design, lang: str) -> str:
    if design.metadata.organisation:
        return design.metadata.organisation
    for c in design.companies.values():
        if c.kind is CompanyKind.PARENT:
            return c.display_name(lang)
    first = next(iter(design.companies.values()), None)
    return first.display_name(lang) if first else ""


def write_cover(sh: Sheet, design: Design, budget: Budget, lang: str, s: SummaryRefs,
                today: dt.date) -> None:
    ws = sh.ws
    sh.text(1, 1, t("cover.heading", lang), font=TITLE, fit=False)
    ws.row_dimensions[1].height = 24

    # approval block, top right: one labelled stamp box per approver
    for i, key in enumerate(("cover.drafted", "cover.reviewed", "cover.approved")):
        col = 5 + i
        sh.text(3, col, t(key, lang), font=BOLD, fill=HEADER_FILL, border=BOX, align=CENTER,
                fit=False)
        ws.cell(row=4, column=col).border = BOX
        ws.column_dimensions[ws.cell(row=4, column=col).column_letter].width = 13
    ws.row_dimensions[3].height = 30 if lang == "en" else 18
    ws.row_dimensions[4].height = 64
    sh.text(2, 5, t("cover.approval", lang), font=BOLD, fit=False)

    r = 6
    facts = [
        ("cover.title", design_title(design, lang)),
        ("cover.company", company_name(design, lang)),
        ("cover.prepared_by", design.metadata.author),
    ]
    for key, value in facts:
        sh.text(r, 1, t(key, lang), font=BOLD)
        sh.text(r, 2, value, align=WRAP, fit=False)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
        lines = wrapped_lines(value, 72)  # the merged cell is about 72 columns wide
        ws.row_dimensions[r].height = 15 * min(lines, 20)
        r += 1
    sh.text(r, 1, t("cover.date", lang), font=BOLD)
    c = ws.cell(row=r, column=2, value=today)
    c.number_format = DATE
    c.alignment = LEFT
    r += 1
    sh.text(r, 1, t("cover.years", lang), font=BOLD)
    sh.formula(r, 2, f'={s.fy_header[0]}&" – "&{s.fy_header[-1]}', None)
    ws.cell(row=r, column=2).alignment = LEFT
    r += 2

    sh.text(r, 1, t("cover.totals", lang), font=BOLD, fill=HEADER_FILL, border=BOX)
    sh.text(r, 2, "", fill=HEADER_FILL, border=BOX, fit=False)
    r += 1
    for label_ref, value_ref in zip(s.fy_header, s.year_total, strict=True):
        sh.formula(r, 1, f"={label_ref}", None, border=BOX)
        sh.formula(r, 2, f"={value_ref}", border=BOX, width=18)
        r += 1
    sh.text(r, 1, t("cover.grand_total", lang), font=BOLD, fill=TOTAL_FILL, border=BOX)
    sh.formula(r, 2, f"={s.grand_total}", font=BOLD, fill=TOTAL_FILL, border=BOX)
    r += 1
    rows = [(CostCategory.PERSONNEL.label(lang), s.category_total[CostCategory.PERSONNEL])]
    rows += [(e.label(lang), s.expenditure_total[e]) for e in Expenditure]
    for label, ref in rows:
        sh.text(r, 1, f"  {label}", border=BOX)
        sh.formula(r, 2, f"={ref}", border=BOX)
        r += 1
    r += 1
    sh.text(r, 1, t("cover.illustrative", lang), align=WRAP, fit=False)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.row_dimensions[r].height = 32
    sh.widths[1] = max(sh.widths.get(1, 0), 22)
    sh.widths[2] = max(sh.widths.get(2, 0), 30)
    sh.finish(landscape=False)
    ws.column_dimensions["C"].width = 3
    ws.column_dimensions["D"].width = 3

"""The Cover, laid out as a 稟議書: 件名, 目的・期待効果, 予算区分, 勘定科目, 起案部署, 合議先,
the 起案 / 審査 / 承認 stamp boxes, and new money against total cost per fiscal year
(formulas pointing at the Summary, stored with their values)."""

from __future__ import annotations

import datetime as dt

from ..model import CompanyKind, Design
from .extras import consultees
from .groups import CompanyShare
from .labels import t
from .model import Budget
from .sheets_summary import SummaryRefs
from .textwidth import wrapped_lines
from .xlsx import DATE, YEN, Sheet


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
                today: dt.date, shares: list[CompanyShare], burden_cells: dict[str, str]) -> None:
    b = design.budget
    ws = sh.ws
    sh.text(1, 1, t("cover.heading", lang), "title", fit=False)
    sh.heights[1] = 26
    # approval block, top right: one labelled stamp box per approver
    sh.text(2, 5, t("cover.approval", lang), "bold", fit=False)
    for i, key in enumerate(("cover.drafted", "cover.reviewed", "cover.approved")):
        sh.text(3, 5 + i, t(key, lang), "header", fit=False)
        sh.blank(4, 5 + i, "box")
    sh.heights[4] = 60

    fill = t("cover.fill_in", lang)
    sep = "、" if lang == "ja" else ", "
    facts = [
        ("cover.subject", b.subject or design_title(design, lang)),
        ("cover.purpose", b.purpose or fill),
        ("cover.status", b.budget_status.label(lang)),
        ("cover.account", b.account or fill),
        ("cover.department", b.department or fill),
        ("cover.prepared_by", design.metadata.author or fill),
        ("cover.company", company_name(design, lang)),
        ("cover.consult", sep.join(consultees(design, lang)) or t("cover.none", lang)),
    ]
    r = 6
    for key, value in facts:
        label = t(key, lang)
        sh.text(r, 1, label, "bold", "wrap", fit=False)
        sh.merge(r, 2, 7, value, "wrap", lines_width=66)
        lines = wrapped_lines(label, 14)
        sh.heights[r] = max(sh.heights.get(r, 0), sh.book.line_h * lines)
        r += 1
    sh.text(r, 1, t("cover.date", lang), "bold", fit=False)
    ws.write_datetime(r - 1, 1, dt.datetime(today.year, today.month, today.day),
                      sh.book.fmt(("left",), DATE))
    r += 1
    sh.text(r, 1, t("cover.years", lang), "bold", fit=False)
    first, last = budget.years[0].label(lang), budget.years[-1].label(lang)
    sh.formula(r, 2, f'={s.fy_header[0]}&" – "&{s.fy_header[-1]}', f"{first} – {last}", None,
               "left")
    r += 2

    sh.text(r, 1, t("cover.totals", lang), "bold", fit=False)
    r += 1
    cols = [("new_money", "su.new_money"), ("total", "su.total_cost"),
            ("new_incl", "su.new_money_incl"), ("total_incl", "su.total_incl")]
    sh.headers(r, [t("cover.fy", lang)] + [t(k, lang) for _, k in cols])
    sh.heights[r] = 32
    r += 1
    values = {"new_money": budget.new_money, "total": budget.total_per_year,
              "new_incl": budget.new_money_incl_tax, "total_incl": budget.total_incl_tax}
    for i, fy in enumerate(budget.years):
        sh.formula(r, 1, f"={s.fy_header[i]}", fy.label(lang), None, "box")
        for k, (key, _) in enumerate(cols):
            sh.formula(r, 2 + k, f"={s.cell(key, i)}", values[key][i], YEN, "box")
        r += 1
    sh.text(r, 1, t("cover.grand_total", lang), "total", "box")
    for k, (key, _) in enumerate(cols):
        sh.formula(r, 2 + k, f"={s.cell(key)}", sum(values[key]), YEN, "total", "box")
    r += 1
    sh.merge(r, 1, 7, t("cover.money_note", lang), "small", lines_width=78)
    r += 2
    if shares:
        sh.text(r, 1, t("cover.burden", lang), "bold", fit=False)
        r += 1
        for share in shares:
            sh.text(r, 1, share.name(lang), "box")
            sh.formula(r, 2, f"={burden_cells[share.company]}", sum(share.burden), YEN, "box")
            r += 1
        r += 1
    sh.merge(r, 1, 7, t("cover.illustrative", lang), "small", lines_width=78)
    sh.fixed_widths.update({1: 15, 2: 13, 3: 13, 4: 13, 5: 13, 6: 9, 7: 9})
    sh.finish(landscape=False)

"""The money sheets: Assumptions → Staffing and Costs → Summary → Cover.

Inputs (rates, multiplier, FX, FTE, amounts) are plain values; every cost and total is a
formula over them, written with the same rounding rules as `budget.model`, so the workbook
recalculated by any spreadsheet equals `compute_budget`, and moves when an approver edits an
input (input cells are tinted).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter as L

from ..model import CostCategory, Design, Expenditure
from .assumptions import role_key, source_label
from .labels import t
from .model import Budget
from .textwidth import wrapped_lines
from .xlsx import (
    BOLD,
    BOX,
    CENTER,
    FTE,
    HEADER_FILL,
    INPUT_FILL,
    NUMBER,
    RATE,
    TOTAL_FILL,
    WRAP,
    YEAR,
    YEN,
    Sheet,
    quote_sheet,
)

STAFF_FIRST = 4  # first data row on Staffing and Costs (row 3 holds the headers)


@dataclass
class Refs:
    """Where things are, so later sheets can point at them."""

    first_year: str = ""
    multiplier: str = ""
    roles: dict[str, str] = field(default_factory=dict)
    fallback: str = ""
    fx: dict[str, str] = field(default_factory=dict)
    staff_cost: list[str] = field(default_factory=list)  # per year: a column range
    cost_category: str = ""
    cost_expenditure: str = ""
    cost_yen: list[str] = field(default_factory=list)  # per year: a column range
    fy_labels: list[str] = field(default_factory=list)  # per year: header formula


def _abs(sheet: str, col: int, row: int) -> str:
    return f"{quote_sheet(sheet)}!${L(col)}${row}"


def fy_label_formula(refs_first_year: str, index: int, lang: str) -> str:
    year = refs_first_year if index == 0 else f"({refs_first_year}+{index})"
    return f'={year}&"年度"' if lang == "ja" else f'="FY"&{year}'


def write_assumptions(sh: Sheet, budget: Budget, lang: str, refs: Refs) -> None:
    a = budget.assumptions
    name = sh.ws.title
    sh.title(t("as.heading", lang))
    sh.text(2, 1, a.note_ja if lang == "ja" else a.note, align=WRAP, fit=False)
    sh.ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    sh.ws.row_dimensions[2].height = 96 if lang == "ja" else 110
    sh.headers(4, [t("as.item", lang), t("as.value", lang), t("as.unit", lang),
                   t("as.source", lang)])
    rows = [
        ("as.first_year", a.first_year, YEAR, "", a.first_year_source),
        ("as.fy_start", a.fy_start_month, YEAR, t("as.month", lang), "design"),
        ("as.years", a.years, YEAR, t("as.years_unit", lang), "design"),
        ("as.multiplier", a.multiplier, RATE, t("as.times", lang), a.multiplier_source),
    ]
    r = 5
    for key, value, fmt, unit, src in rows:
        sh.text(r, 1, t(key, lang))
        live = key in ("as.first_year", "as.multiplier")  # formulas read these two
        sh.number(r, 2, value, fmt, fill=INPUT_FILL if live else None, border=BOX)
        sh.text(r, 3, unit)
        sh.text(r, 4, source_label(src, lang))
        r += 1
    refs.first_year, refs.multiplier = _abs(name, 2, 5), _abs(name, 2, 8)
    sh.text(r, 1, t("as.currency", lang))
    sh.text(r, 2, a.currency)
    r += 2

    sh.text(r, 1, t("as.roles", lang), font=BOLD, fit=False)
    r += 1
    sh.headers(r, [t("as.role", lang), t("as.rate", lang), t("as.role_key", lang),
                   t("as.source", lang)])
    r += 1
    for key, rate in a.roles.items():
        sh.text(r, 1, rate.label(lang))
        sh.number(r, 2, rate.rate, YEN, fill=INPUT_FILL, border=BOX)
        sh.text(r, 3, key)
        sh.text(r, 4, source_label(rate.source, lang))
        refs.roles[key] = _abs(name, 2, r)
        r += 1
    sh.text(r, 1, a.fallback.label(lang))
    sh.number(r, 2, a.fallback.rate, YEN, fill=INPUT_FILL, border=BOX)
    sh.text(r, 4, source_label(a.fallback.source, lang))
    refs.fallback = _abs(name, 2, r)
    r += 2

    sh.text(r, 1, t("as.fx", lang), font=BOLD, fit=False)
    r += 1
    sh.headers(r, [t("as.fx_currency", lang), t("as.fx_rate", lang), "", t("as.source", lang)])
    r += 1
    for cur, (rate, src) in sorted(a.fx_rates.items()):
        sh.text(r, 1, cur)
        sh.number(r, 2, rate, RATE, fill=INPUT_FILL, border=BOX)
        sh.text(r, 4, source_label(src, lang))
        refs.fx[cur] = _abs(name, 2, r)
        r += 1
    r += 1
    sh.text(r, 1, t("as.sources", lang), font=BOLD)
    for s in a.sources:
        r += 1
        # wrapped in the table's width: text running over would widen the printed page
        sh.text(r, 1, s, align=WRAP, fit=False)
        sh.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        sh.ws.row_dimensions[r].height = 15 * min(wrapped_lines(s, 90), 10)
    refs.fy_labels = [fy_label_formula(refs.first_year, i, lang) for i in range(a.years)]
    sh.finish(header_row=4,
              landscape=False)


def write_staffing(sh: Sheet, design: Design, budget: Budget, lang: str, refs: Refs) -> None:
    n = len(budget.years)
    sh.title(t("st.heading", lang))
    fixed = ["st.no", "st.csirt", "st.name", "st.role", "st.home", "st.type", "st.fte",
             "st.start", "st.rate"]
    sh.headers(3, [t(k, lang) for k in fixed])
    c0 = len(fixed) + 1  # first cost column
    for i, f in enumerate(refs.fy_labels):
        sh.formula(3, c0 + i, f, None, font=BOLD, fill=HEADER_FILL, border=BOX, align=CENTER)
    r = STAFF_FIRST
    ded, conc = t("st.dedicated", lang), t("st.concurrent", lang)
    for k, p in enumerate(budget.personnel, start=1):
        m = p.member
        home = design.units.get(m.home_unit)
        sh.number(r, 1, k, YEAR)
        sh.text(r, 2, p.csirt.display_name(lang))
        sh.text(r, 3, m.name)
        sh.text(r, 4, m.role)
        sh.text(r, 5, home.display_name(lang) if home else m.home_unit)
        sh.text(r, 6, ded if m.dedicated else conc)
        sh.number(r, 7, p.fte, FTE, fill=INPUT_FILL)
        sh.number(r, 8, budget.assumptions.first_year + m.start_year, YEAR, fill=INPUT_FILL)
        rate_ref = refs.roles.get(role_key(m.role), refs.fallback)
        sh.formula(r, 9, f"={rate_ref}", YEN)
        for i in range(n):
            year = refs.first_year if i == 0 else f"{refs.first_year}+{i}"
            sh.formula(r, c0 + i, f"=IF({year}>=$H{r},ROUND($I{r}*{refs.multiplier}*$G{r},0),0)")
        r += 1
    if not budget.personnel:
        sh.text(r, 3, t("st.empty", lang), fit=False)
        r += 1
    last = r - 1
    sheet = quote_sheet(sh.ws.title)
    refs.staff_cost = [f"{sheet}!{L(c0 + i)}${STAFF_FIRST}:{L(c0 + i)}${last}" for i in range(n)]
    sh.text(r, 1, t("st.total", lang), font=BOLD, fill=TOTAL_FILL)
    sh.formula(r, 7, f"=SUM(G{STAFF_FIRST}:G{last})", FTE, font=BOLD, fill=TOTAL_FILL)
    for i in range(n):
        col = L(c0 + i)
        sh.formula(r, c0 + i, f"=SUM({col}{STAFF_FIRST}:{col}{last})", font=BOLD, fill=TOTAL_FILL)
    sh.finish(header_row=3,
              freeze=f"D{STAFF_FIRST}")


def write_costs(sh: Sheet, budget: Budget, lang: str, refs: Refs) -> None:
    n = len(budget.years)
    sh.title(t("co.heading", lang))
    fixed = ["st.no", "co.name", "co.category", "co.expenditure", "co.recurrence", "co.currency"]
    sh.headers(3, [t(k, lang) for k in fixed])
    amt0 = len(fixed) + 1
    fx_col = amt0 + n
    yen0 = fx_col + 1
    notes_col = yen0 + n
    for i, f in enumerate(refs.fy_labels):
        sh.formula(3, amt0 + i, f'{f}&" ({t("co.amount", lang)})"', None, width=18, font=BOLD,
                   fill=HEADER_FILL, border=BOX, align=CENTER)
        sh.formula(3, yen0 + i, f'{f}&" ({t("co.yen", lang)})"', None, width=18, font=BOLD,
                   fill=HEADER_FILL, border=BOX, align=CENTER)
    sh.headers(3, [t("co.fx", lang)], start=fx_col)
    sh.headers(3, [t("co.notes", lang)], start=notes_col)
    r = STAFF_FIRST
    currency = budget.assumptions.currency
    for k, line in enumerate(budget.items, start=1):
        item = line.item
        sh.number(r, 1, k, YEAR)
        sh.text(r, 2, item.name)
        sh.text(r, 3, item.category.label(lang))
        sh.text(r, 4, item.expenditure.label(lang))
        sh.text(r, 5, t("co.recurring" if item.recurring else "co.one_off", lang))
        sh.text(r, 6, item.currency)
        fmt = YEN if item.currency == currency else "#,##0.00"
        for i, amount in enumerate(line.amounts):
            sh.number(r, amt0 + i, amount, fmt, fill=INPUT_FILL)
        if item.currency == currency:
            sh.number(r, fx_col, 1, RATE)
        else:
            sh.formula(r, fx_col, f"={refs.fx[item.currency]}", RATE)
        for i in range(n):
            sh.formula(r, yen0 + i, f"=ROUND({L(amt0 + i)}{r}*${L(fx_col)}{r},0)")
        if item.notes:
            sh.text(r, notes_col, item.notes)
        r += 1
    if not budget.items:
        sh.text(r, 2, t("co.empty", lang), fit=False)
        r += 1
    last = r - 1
    sheet = quote_sheet(sh.ws.title)
    refs.cost_category = f"{sheet}!$C${STAFF_FIRST}:$C${last}"
    refs.cost_expenditure = f"{sheet}!$D${STAFF_FIRST}:$D${last}"
    refs.cost_yen = [f"{sheet}!{L(yen0 + i)}${STAFF_FIRST}:{L(yen0 + i)}${last}"
                     for i in range(n)]
    sh.text(r, 1, t("st.total", lang), font=BOLD, fill=TOTAL_FILL)
    for i in range(n):
        col = L(yen0 + i)
        sh.formula(r, yen0 + i, f"=SUM({col}{STAFF_FIRST}:{col}{last})", font=BOLD,
                   fill=TOTAL_FILL)
    sh.finish(header_row=3,
              freeze=f"C{STAFF_FIRST}")


@dataclass
class SummaryRefs:
    fy_header: list[str]  # cells holding the FY labels
    year_total: list[str]
    grand_total: str
    category_total: dict[CostCategory, str]
    expenditure_total: dict[Expenditure, str]


def write_summary(sh: Sheet, budget: Budget, lang: str, refs: Refs) -> SummaryRefs:
    from openpyxl.chart import BarChart, Reference

    n = len(budget.years)
    name = sh.ws.title
    sh.title(t("su.heading", lang))
    sh.headers(3, [t("su.category", lang)])
    for i, f in enumerate(refs.fy_labels):
        sh.formula(3, 2 + i, f, None, font=BOLD, fill=HEADER_FILL, border=BOX, align=CENTER)
    tcol = 2 + n
    sh.headers(3, [t("su.total", lang)], start=tcol)

    def row_total(r: int) -> None:
        sh.formula(r, tcol, f"=SUM(B{r}:{L(tcol - 1)}{r})", font=BOLD)

    def sumif_rows(r: int, members: Iterable[Any], criteria_range: str,
                   with_staff: Any) -> dict[Any, int]:
        """One row per enum member: items matching its label, plus staff cost on one row."""
        rows = {}
        for member in members:
            sh.text(r, 1, member.label(lang))
            for i in range(n):
                f = f"SUMIF({criteria_range},$A{r},{refs.cost_yen[i]})"
                if member is with_staff:
                    f = f"SUM({refs.staff_cost[i]})+{f}"
                sh.formula(r, 2 + i, "=" + f)
            row_total(r)
            rows[member] = r
            r += 1
        return rows

    cat_rows = sumif_rows(4, CostCategory, refs.cost_category, CostCategory.PERSONNEL)
    r = 4 + len(cat_rows)
    total_row = r
    sh.text(r, 1, t("su.total", lang), font=BOLD, fill=TOTAL_FILL, border=BOX)
    for i in range(n + 1):
        col = L(2 + i)
        sh.formula(r, 2 + i, f"=SUM({col}4:{col}{r - 1})", font=BOLD, fill=TOTAL_FILL,
                   border=BOX)
    r += 2
    sh.text(r, 1, t("su.of_which", lang), font=BOLD)
    r += 1
    exp_rows = sumif_rows(r, Expenditure, refs.cost_expenditure, Expenditure.OPEX)
    r += len(exp_rows)
    for key, ranges in (("su.staff", refs.staff_cost), ("su.items", refs.cost_yen)):
        sh.text(r, 1, t(key, lang))
        for i in range(n):
            sh.formula(r, 2 + i, f"=SUM({ranges[i]})")
        row_total(r)
        r += 1

    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title = t("su.chart", lang)
    chart.y_axis.numFmt = NUMBER
    chart.y_axis.scaling.min = 0
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.height, chart.width = 9, 18
    data = Reference(sh.ws, min_col=1, max_col=1 + n, min_row=4, max_row=total_row - 1)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(sh.ws, min_col=2, max_col=1 + n, min_row=3, max_row=3))
    sh.ws.add_chart(chart, f"A{r + 2}")
    sh.finish(header_row=3, freeze="B4", min_width=14, landscape=False)
    return SummaryRefs(
        fy_header=[_abs(name, 2 + i, 3) for i in range(n)],
        year_total=[_abs(name, 2 + i, total_row) for i in range(n)],
        grand_total=_abs(name, tcol, total_row),
        category_total={c: _abs(name, tcol, row) for c, row in cat_rows.items()},
        expenditure_total={e: _abs(name, tcol, row) for e, row in exp_rows.items()},
    )

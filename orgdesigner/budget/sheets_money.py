"""The Staffing and Costs sheets: one row per member and per cost item.

Inputs (staffing type, FTE, start year, amounts, category, tax) are tinted, unlocked and
validated; every cost is a formula over them and the Assumptions, written with the same
rounding rules as `budget.model` and stored with the model's value, so a reader that never
recalculates shows the same figures as one that does.
"""

from __future__ import annotations

from ..model import CostCategory, Design, Expenditure, Staffing
from .assumptions import role_label
from .extras import generated_label, generated_note
from .groups import company_label
from .labels import t
from .model import Budget
from .sheets_assumptions import Refs
from .xlsx import FTE, RATE, YEAR, YEN, Sheet, quote_sheet
from .xlsx import col_name as L

FIRST_ROW = 4  # first data row on Staffing and Costs (row 3 holds the headers)


def _list_rule(values: list[str]) -> dict:
    return {"validate": "list", "source": values, "error_type": "stop"}


def staffing_labels(lang: str) -> list[str]:
    return [s.label(lang) for s in Staffing]


def write_staffing(sh: Sheet, design: Design, budget: Budget, lang: str, refs: Refs) -> None:
    n = len(budget.years)
    p = refs.params
    sh.title(t("st.heading", lang))
    fixed = ["st.no", "st.csirt", "st.name", "st.role", "st.home", "st.company", "st.type",
             "st.fte", "st.start", "st.rate"]
    sh.headers(3, [t(k, lang) for k in fixed])
    c0 = len(fixed) + 1  # first cost column
    for i, (f, v) in enumerate(refs.fy_labels):
        sh.formula(3, c0 + i, f, v, None, "header", width=12)
    r = FIRST_ROW
    first_year = budget.assumptions.first_year
    for k, line in enumerate(budget.personnel, start=1):
        m = line.member
        home = design.units.get(m.home_unit)
        sh.number(r, 1, k, YEAR)
        sh.text(r, 2, line.csirt.display_name(lang), "wrap")
        sh.text(r, 3, generated_label(line, lang), "wrap")
        sh.text(r, 4, role_label(m.role, lang), "wrap")
        sh.text(r, 5, home.display_name(lang) if home else m.home_unit, "wrap")
        sh.text(r, 6, company_label(design, line.company, lang), "wrap")
        sh.text(r, 7, line.staffing.label(lang), "input", "wrap")
        sh.number(r, 8, line.fte, FTE, "input")
        sh.number(r, 9, first_year + m.start_year, YEAR, "input")
        rate_ref = refs.roles.get(_key(m.role), refs.fallback)
        sh.formula(r, 10, f"={rate_ref}", line.rate, YEN)
        for i in range(n):
            year = refs.first_year if i == 0 else f"{refs.first_year}+{i}"
            sh.formula(r, c0 + i,
                       f"=IF({year}>=$I{r},ROUND($J{r}*(12+{p['bonus_months']})/12"
                       f"*(1+{p['welfare_rate']})*(1+{p['pay_rise']})^{i}*$H{r},0)"
                       f"+ROUND({p['office_per_head']}*$H{r},0),0)", line.per_year[i])
        r += 1
    if not budget.personnel:
        sh.text(r, 3, t("st.empty", lang), fit=False)
        r += 1
    last = r - 1
    sh.validate(FIRST_ROW, 7, last, _list_rule(staffing_labels(lang)))
    sh.validate(FIRST_ROW, 8, last, {"validate": "decimal", "criteria": "between",
                                     "minimum": 0, "maximum": 50, "error_type": "stop"})
    sh.validate(FIRST_ROW, 9, last, {"validate": "integer", "criteria": "between",
                                     "minimum": first_year, "maximum": first_year + 50})
    sheet = quote_sheet(sh.name)
    refs.staff_type = f"{sheet}!$G${FIRST_ROW}:$G${last}"
    refs.staff_company = f"{sheet}!$F${FIRST_ROW}:$F${last}"
    refs.staff_cost = [f"{sheet}!{L(c0 + i)}${FIRST_ROW}:{L(c0 + i)}${last}" for i in range(n)]
    sh.text(r, 1, t("st.total", lang), "total")
    sh.formula(r, 8, f"=SUM(H{FIRST_ROW}:H{last})", sum(x.fte for x in budget.personnel),
               FTE, "total")
    for i in range(n):
        col = L(c0 + i)
        sh.formula(r, c0 + i, f"=SUM({col}{FIRST_ROW}:{col}{last})",
                   budget.personnel_per_year[i], YEN, "total")
    sh.merge(r + 2, 1, c0 + n - 1, t("st.note", lang), "small", lines_width=170)
    for c in (2, 3, 4, 5, 6, 7):
        sh.widths[c] = min(sh.widths.get(c, 0), 14 if c < 7 else 10)
    sh.finish(header_row=3, freeze=(FIRST_ROW, 4))


def _key(role: str) -> str:
    from .assumptions import role_key

    return role_key(role)


def write_costs(sh: Sheet, design: Design, budget: Budget, lang: str, refs: Refs) -> None:
    n = len(budget.years)
    sh.title(t("co.heading", lang))
    fixed = ["st.no", "co.name", "co.company", "co.category", "co.expenditure",
             "co.recurrence", "co.currency"]
    sh.headers(3, [t(k, lang) for k in fixed])
    amt0 = len(fixed) + 1
    fx_col = amt0 + n
    yen0 = fx_col + 1
    tax_col = yen0 + n
    counted_col = tax_col + 1
    for i, (f, v) in enumerate(refs.fy_labels):
        a, y = t("co.amount", lang), t("co.yen", lang)
        sh.formula(3, amt0 + i, f'{f}&CHAR(10)&"({a})"', f"{v}\n({a})", None, "header",
                   width=11)
        sh.formula(3, yen0 + i, f'{f}&CHAR(10)&"({y})"', f"{v}\n({y})", None, "header",
                   width=11)
    sh.heights[3] = 46
    sh.headers(3, [t("co.fx", lang)], start=fx_col)
    sh.headers(3, [t(k, lang) for k in ("co.taxable", "co.counted")], start=tax_col)
    r = FIRST_ROW
    currency = budget.assumptions.currency
    yes, no = t("yes", lang), t("no", lang)
    for k, line in enumerate(budget.items, start=1):
        item = line.item
        sh.number(r, 1, k, YEAR)
        sh.text(r, 2, generated_label(line, lang), "wrap")
        sh.text(r, 3, company_label(design, line.company, lang), "wrap")
        sh.text(r, 4, item.category.label(lang), "input")
        sh.text(r, 5, item.expenditure.label(lang), "input")
        sh.text(r, 6, t("co.recurring" if item.recurring else "co.one_off", lang))
        sh.text(r, 7, item.currency)
        fmt = YEN if item.currency == currency else "#,##0.00"
        for i, amount in enumerate(line.amounts):
            sh.number(r, amt0 + i, amount, fmt, "input")
        if item.currency == currency:
            sh.number(r, fx_col, 1, RATE)
        else:
            sh.formula(r, fx_col, f"={refs.fx[item.currency]}", line.fx, RATE)
        for i in range(n):
            sh.formula(r, yen0 + i, f"=ROUND({L(amt0 + i)}{r}*${L(fx_col)}{r},0)",
                       line.per_year[i])
        sh.text(r, tax_col, yes if item.taxable else no, "input")
        sh.text(r, counted_col, t("internal" if line.internal else "counted", lang), "wrap")
        r += 1
    if not budget.items:
        sh.text(r, 2, t("co.empty", lang), fit=False)
        r += 1
    last = r - 1
    sh.validate(FIRST_ROW, 4, last, _list_rule([c.label(lang) for c in CostCategory]))
    sh.validate(FIRST_ROW, 5, last, _list_rule([e.label(lang) for e in Expenditure]))
    sh.validate(FIRST_ROW, tax_col, last, _list_rule([yes, no]))
    for i in range(n):
        sh.validate(FIRST_ROW, amt0 + i, last, {"validate": "decimal", "criteria": ">=",
                                                "value": 0, "error_type": "stop"})
    sheet = quote_sheet(sh.name)

    def rng(col: int) -> str:
        return f"{sheet}!${L(col)}${FIRST_ROW}:${L(col)}${last}"

    refs.cost_company, refs.cost_category, refs.cost_expenditure = rng(3), rng(4), rng(5)
    refs.cost_taxable, refs.cost_counted = rng(tax_col), rng(counted_col)
    refs.cost_yen = [f"{sheet}!{L(yen0 + i)}${FIRST_ROW}:{L(yen0 + i)}${last}"
                     for i in range(n)]
    sh.text(r, 1, t("st.total", lang), "total")
    for i in range(n):
        col = L(yen0 + i)
        sh.formula(r, yen0 + i, f"=SUM({col}{FIRST_ROW}:{col}{last})",
                   sum(x.per_year[i] for x in budget.items), YEN, "total")
    _details(sh, design, budget, lang, r + 2, counted_col)
    for c, cap in ((2, 14), (3, 9), (4, 10), (5, 8), (6, 6), (7, 6), (fx_col, 8), (tax_col, 6),
                   (counted_col, 8)):
        sh.widths[c] = min(sh.widths.get(c, 0), cap)
    sh.finish(header_row=3, freeze=(FIRST_ROW, 3))


def _details(sh: Sheet, design: Design, budget: Budget, lang: str, r: int, last: int) -> None:
    """Vendor, contract term and notes per item, below the money table (which they would
    otherwise make too wide to print)."""
    rows = []
    for k, line in enumerate(budget.items, start=1):
        item = line.item
        supplier = item.vendor
        if item.supplier:
            supplier = " / ".join(x for x in (company_label(design, item.supplier, lang),
                                              item.vendor) if x)
        note = generated_note(line, lang)
        if supplier or item.contract or note:
            rows.append((k, generated_label(line, lang), supplier, item.contract, note))
    if not rows:
        return
    mid = 7
    sh.headers(r, [t("st.no", lang), t("co.name", lang)])
    sh.merge(r, 3, 4, t("co.supplier", lang), "header")
    sh.merge(r, 5, 6, t("co.contract", lang), "header")
    sh.merge(r, mid, last, t("co.notes", lang), "header")
    for k, name, supplier, contract, note in rows:
        r += 1
        sh.number(r, 1, k, YEAR)
        sh.text(r, 2, name, "wrap", fit=False)
        sh.merge(r, 3, 4, supplier, "wrap", lines_width=22)
        sh.merge(r, 5, 6, contract, "wrap", lines_width=18)
        sh.merge(r, mid, last, note, "wrap", lines_width=90)
        h = sh.book.line_h
        sh.heights[r] = max(sh.heights.get(r, h), h * max(1, -(-len(name) * 2 // 16)))

"""The Assumptions sheet: every input the totals rest on, each with its source and a note.

Inputs are tinted, unlocked and validated (ranges); everything else on every sheet is locked.
`Refs` records where each input lives so the other sheets' formulas can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.fields import BUDGET_LIMITS
from .assumptions import source_label
from .labels import t
from .model import Budget, loaded_factor, yen
from .xlsx import PERCENT, RATE, YEAR, YEN, Sheet, quote_sheet
from .xlsx import col_name as L

FRACTIONS = ("welfare_rate", "pay_rise", "contingency", "tax_rate")
UNITS = {"bonus_months": "as.months", "office_per_head": "as.yen_year",
         "depreciation_years": "as.years_unit"}


@dataclass
class Refs:
    """Where things are, so later sheets can point at them."""

    first_year: str = ""
    params: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    fallback: str = ""
    fx: dict[str, str] = field(default_factory=dict)
    fy_labels: list[tuple[str, str]] = field(default_factory=list)  # (formula, value)
    # Staffing
    staff_type: str = ""
    staff_company: str = ""
    staff_cost: list[str] = field(default_factory=list)  # per year: a column range
    # Costs
    cost_category: str = ""
    cost_expenditure: str = ""
    cost_counted: str = ""
    cost_taxable: str = ""
    cost_company: str = ""
    cost_yen: list[str] = field(default_factory=list)


def absolute(sheet: str, col: int, row: int) -> str:
    return f"{quote_sheet(sheet)}!${L(col)}${row}"


def fy_label_formula(first_year: str, index: int, lang: str) -> str:
    year = first_year if index == 0 else f"({first_year}+{index})"
    return f'={year}&"年度"' if lang == "ja" else f'="FY"&{year}'


def _decimal_rule(high: float, whole: bool = False) -> dict:
    return {"validate": "integer" if whole else "decimal", "criteria": "between",
            "minimum": 0, "maximum": high, "error_type": "stop"}


def write_assumptions(sh: Sheet, budget: Budget, lang: str, refs: Refs) -> None:
    a = budget.assumptions
    name = sh.name
    sh.title(t("as.heading", lang))
    sh.merge(2, 1, 5, a.note_ja if lang == "ja" else a.note, "wrap", lines_width=120)
    sh.headers(4, [t(k, lang) for k in ("as.item", "as.value", "as.unit", "as.source",
                                         "as.note")])
    r = 5
    sh.text(r, 1, t("as.first_year", lang))
    sh.number(r, 2, a.first_year, YEAR, "input")
    sh.validate(r, 2, r, _decimal_rule(9999, whole=True))
    sh.text(r, 4, source_label(a.first_year_source, lang))
    refs.first_year = absolute(name, 2, r)
    r += 1
    for key, value, unit in (("as.fy_start", a.fy_start_month, "as.month"),
                             ("as.years", a.years, "as.years_unit")):
        sh.text(r, 1, t(key, lang))
        sh.number(r, 2, value, YEAR, "box")
        sh.text(r, 3, t(unit, lang))
        sh.text(r, 4, source_label("design", lang))
        r += 1
    sh.text(r, 1, t("as.currency", lang))
    sh.text(r, 2, a.currency, "box")
    r += 1
    sh.text(r, 1, t("as.fx_date", lang))
    sh.text(r, 2, a.fx_date or t("cover.fill_in", lang), "box")
    r += 2

    sh.text(r, 1, t("as.model", lang), "bold", fit=False)
    r += 1
    for key, v in a.params.items():
        sh.text(r, 1, v.param.label(lang), "wrap")
        if key in FRACTIONS:
            sh.number(r, 2, v.value, PERCENT, "input")
        elif key == "office_per_head":
            sh.number(r, 2, v.value, YEN, "input")
        else:
            sh.number(r, 2, v.value, RATE if key == "bonus_months" else YEAR, "input")
        limit = BUDGET_LIMITS[key]
        sh.validate(r, 2, r, _decimal_rule(limit, whole=key == "depreciation_years"))
        if key == "depreciation_years":  # a zero would divide by zero
            sh.validate(r, 2, r, {"validate": "integer", "criteria": "between",
                                  "minimum": 1, "maximum": limit})
        sh.text(r, 3, t(UNITS[key], lang) if key in UNITS else "")
        sh.text(r, 4, source_label(v.source, lang), "wrap")
        sh.text(r, 5, v.param.note_in(lang), "wrap")
        refs.params[key] = absolute(name, 2, r)
        r += 1
    r += 1

    sh.text(r, 1, t("as.roles", lang), "bold", fit=False)
    r += 1
    sh.headers(r, [t("as.role", lang), t("as.rate", lang), t("as.loaded", lang),
                   t("as.source", lang)])
    r += 1
    p = refs.params
    factor = loaded_factor(a, 0)
    rows = [(k, rate) for k, rate in a.roles.items()] + [("", a.fallback)]
    first = r
    for key, rate in rows:
        sh.text(r, 1, rate.label(lang))
        sh.number(r, 2, rate.rate, YEN, "input")
        loaded = yen(Decimal(rate.rate) * factor) + yen(a["office_per_head"])
        sh.formula(r, 3, f"=ROUND(B{r}*(12+{p['bonus_months']})/12*(1+{p['welfare_rate']}),0)"
                         f"+{p['office_per_head']}", loaded, YEN, width=16)
        sh.text(r, 4, source_label(rate.source, lang), "wrap")
        if key:
            refs.roles[key] = absolute(name, 2, r)
        else:
            refs.fallback = absolute(name, 2, r)
        r += 1
    sh.validate(first, 2, r - 1, _decimal_rule(10**10, whole=True))
    r += 1

    sh.text(r, 1, t("as.fx", lang), "bold", fit=False)
    r += 1
    sh.headers(r, [t("as.fx_currency", lang), t("as.fx_rate", lang), "", t("as.source", lang)])
    r += 1
    first = r
    for cur, (rate, src) in sorted(a.fx_rates.items()):
        sh.text(r, 1, cur)
        sh.number(r, 2, rate, RATE, "input")
        sh.text(r, 4, source_label(src, lang))
        refs.fx[cur] = absolute(name, 2, r)
        r += 1
    sh.validate(first, 2, r - 1, _decimal_rule(10**6))
    r += 1
    sh.text(r, 1, t("as.sources", lang), "bold")
    for s in a.sources_in(lang):
        r += 1
        # wrapped in the table's width: text running over would widen the printed page
        sh.merge(r, 1, 5, s, "wrap", lines_width=120 if lang == "en" else 110)
    refs.fy_labels = [(fy_label_formula(refs.first_year, i, lang), fy.label(lang))
                      for i, fy in enumerate(budget.years)]
    for col, cap in ((1, 34), (3, 10), (4, 16), (5, 36)):
        sh.widths[col] = min(sh.widths.get(col, 0), cap)
    sh.finish(header_row=4)

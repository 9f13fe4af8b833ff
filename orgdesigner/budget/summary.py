"""One call for everything that needs the budget's headline figures (the options sheet
comparing designs, the approval deck, the GUI dock): per fiscal year, the new cash outlay
and the total economic cost, before and after consumption tax."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Design
from .model import Budget, compute_budget


@dataclass(frozen=True)
class YearTotals:
    fiscal_year: int  # 2027 = the year starting April 2027
    label_en: str  # "FY2027"
    label_ja: str  # "2027年度"
    new_money: int  # new cash outlay before tax: new hires, outsourcing, purchases, contingency
    total_cost: int  # new money plus existing staff's re-allocated time (工数振替)
    tax: int  # consumption tax on the purchases
    new_money_incl_tax: int
    total_incl_tax: int

    def label(self, lang: str = "en") -> str:
        return self.label_ja if lang == "ja" else self.label_en


def year_totals(budget: Budget) -> list[YearTotals]:
    return [YearTotals(fy.number, fy.label("en"), fy.label("ja"), budget.new_money[i],
                       budget.total_per_year[i], budget.tax[i],
                       budget.new_money[i] + budget.tax[i],
                       budget.total_per_year[i] + budget.tax[i])
            for i, fy in enumerate(budget.years)]


def fy_totals(design: Design, *, years: int | None = None,
              overrides: Any = None) -> list[YearTotals]:
    """Per fiscal year: new money and total cost of `design` (yen). Raises BudgetError when
    the budget cannot be computed (a currency without an FX rate, say)."""
    return year_totals(compute_budget(design, years=years, overrides=overrides))

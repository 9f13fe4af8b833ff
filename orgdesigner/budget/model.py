"""The cost model: what the CSIRT costs per fiscal year, in whole yen, with no float drift.

Rules (the workbook's formulas follow exactly the same ones, so its totals equal these):
- personnel, per member and year: ROUND(rate(role) × multiplier × FTE) from the member's
  start year on, 0 before it;
- a cost item's amount per year is its own amount for that year; a recurring item with fewer
  amounts than years carries its last amount forward; a one-off item costs nothing in the
  years it lists no amount for; each year's amount becomes ROUND(amount × FX rate) yen;
- every total is a sum of those whole-yen cells. Rounding is half away from zero, as in
  spreadsheet ROUND. Staff personnel counts as OPEX.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..model import CostCategory, CostItem, Design, Expenditure, Member, Unit
from .assumptions import Assumptions, FiscalYear, resolve
from .defaults import BudgetDefaults, BudgetError

__all__ = ["Budget", "BudgetError", "ItemLine", "PersonnelLine", "compute_budget"]


def yen(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fte_decimal(fte: float) -> Decimal:
    """The FTE as typed (0.3, not 0.299999…): floats hold it, Decimal computes with it."""
    return Decimal(repr(float(fte)))


@dataclass(frozen=True)
class PersonnelLine:
    csirt: Unit
    member: Member
    rate: int
    fte: Decimal
    per_year: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.per_year)


@dataclass(frozen=True)
class ItemLine:
    item: CostItem
    fx: Decimal
    amounts: tuple[Decimal, ...]  # per fiscal year, in the item's currency, resolved
    per_year: tuple[int, ...]  # in yen

    @property
    def total(self) -> int:
        return sum(self.per_year)


@dataclass(frozen=True)
class Budget:
    assumptions: Assumptions
    years: tuple[FiscalYear, ...]
    personnel: tuple[PersonnelLine, ...]
    items: tuple[ItemLine, ...]
    personnel_per_year: tuple[int, ...]  # staff only (cost items in the personnel category
    items_per_year: tuple[int, ...]  # count as items here, and as personnel by category)
    total_per_year: tuple[int, ...]
    by_category: dict[CostCategory, tuple[int, ...]]  # every category, in enum order
    by_expenditure: dict[Expenditure, tuple[int, ...]]
    grand_total: int

    def category_total(self, category: CostCategory) -> int:
        return sum(self.by_category[category])

    def total_fte(self, year_index: int) -> Decimal:
        return sum((p.fte for p in self.personnel if p.member.start_year <= year_index),
                   Decimal(0))


def resolve_amounts(item: CostItem, years: int) -> tuple[Decimal, ...]:
    out = []
    for i in range(years):
        if i < len(item.amounts):
            out.append(item.amounts[i])
        elif item.recurring and item.amounts:
            out.append(item.amounts[-1])
        else:
            out.append(Decimal(0))
    return tuple(out)


def _sum_columns(rows: list[tuple[int, ...]], n: int) -> tuple[int, ...]:
    return tuple(sum(r[i] for r in rows) for i in range(n))


def compute_budget(design: Design, *, years: int | None = None, overrides: Any = None,
                   defaults: BudgetDefaults | None = None) -> Budget:
    """The budget of `design`; `years` overrides the design's number of years (CLI --years),
    `overrides` are the user's settings (see `assumptions.resolve` for the priority)."""
    a = resolve(design, years=years, overrides=overrides, defaults=defaults)
    fys = a.fiscal_years()
    n = len(fys)
    mult = a.multiplier
    personnel = []
    for unit in design.csirts():
        for m in unit.plan.members if unit.plan else ():
            rate = a.rate_for(m.role).rate
            fte = fte_decimal(m.fte)
            cost = yen(Decimal(rate) * mult * fte)
            personnel.append(PersonnelLine(unit, m, rate, fte, tuple(
                cost if i >= m.start_year else 0 for i in range(n))))
    items = []
    for item in design.costs.values():
        fx = a.fx(item.currency)
        amounts = resolve_amounts(item, n)
        items.append(ItemLine(item, fx, amounts, tuple(yen(x * fx) for x in amounts)))

    staff = _sum_columns([p.per_year for p in personnel], n)
    item_totals = _sum_columns([x.per_year for x in items], n)
    by_cat = {}
    for cat in CostCategory:
        rows = [x.per_year for x in items if x.item.category is cat]
        if cat is CostCategory.PERSONNEL:
            rows.append(staff)
        by_cat[cat] = _sum_columns(rows, n)
    by_exp = {}
    for exp in Expenditure:
        rows = [x.per_year for x in items if x.item.expenditure is exp]
        if exp is Expenditure.OPEX:
            rows.append(staff)
        by_exp[exp] = _sum_columns(rows, n)
    total = tuple(s + t for s, t in zip(staff, item_totals, strict=True))
    return Budget(a, fys, tuple(personnel), tuple(items), staff, item_totals, total, by_cat,
                  by_exp, sum(total))

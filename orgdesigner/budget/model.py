"""The cost model: what the CSIRT costs per fiscal year, in whole yen, with no float drift.

Rules (the workbook's formulas follow exactly the same ones, so its totals equal these):
- loaded cost of a member in year i (0 before the start year):
  ROUND(rate × (12 + bonus months)/12 × (1 + welfare) × (1 + pay rise)^i × FTE)
  + ROUND(office per head × FTE);
  an outsourced member's contract is priced at the same loaded cost, plus consumption tax;
- only new hires (増員) and outsourced members (外部委託) are new money; existing staff's
  re-allocated time (工数振替) is an economic cost, not new spending;
- a cost item's amount per year is its own amount for that year (a recurring item carries its
  last amount forward); ROUND(amount × FX) is the yen before tax; consumption tax per year is
  ROUND(taxable purchases × rate) + ROUND(outsourced members' cost × rate). Items bought
  from a group company are internal transfers:
  shown, never counted (the supplier's own staff are already on the Staffing sheet);
- contingency: ROUND(new money before contingency × rate) per year;
- CAPEX: straight-line depreciation, ROUND(sum of the CAPEX bought in the last N years / N).
Rounding is half away from zero, as in spreadsheet ROUND.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..model import CostCategory, CostItem, Design, Expenditure, Member, Staffing, Unit
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
    per_year: tuple[int, ...]  # loaded cost, before tax
    company: str = ""  # who pays: the home unit's company, else the CSIRT's
    generated: str = ""  # "" = a planned member; "shifts" = 24x7 shift staffing

    @property
    def staffing(self) -> Staffing:
        return self.member.staffing_type

    @property
    def is_new_money(self) -> bool:
        return self.staffing is not Staffing.REALLOCATE

    @property
    def total(self) -> int:
        return sum(self.per_year)


@dataclass(frozen=True)
class ItemLine:
    item: CostItem
    fx: Decimal
    amounts: tuple[Decimal, ...]  # per fiscal year, in the item's currency, resolved
    per_year: tuple[int, ...]  # in yen, before tax
    internal: bool = False  # bought from a group company: shown, not counted
    company: str = ""
    generated: str = ""  # "" = the design's item; else "membership:FIRST", "soc"

    @property
    def total(self) -> int:
        return sum(self.per_year)

    @property
    def counted(self) -> tuple[int, ...]:
        return tuple(0 for _ in self.per_year) if self.internal else self.per_year


@dataclass(frozen=True)
class Budget:
    assumptions: Assumptions
    years: tuple[FiscalYear, ...]
    personnel: tuple[PersonnelLine, ...]
    items: tuple[ItemLine, ...]
    personnel_per_year: tuple[int, ...]  # all staff, economic cost
    items_per_year: tuple[int, ...]  # counted items, before tax
    total_per_year: tuple[int, ...]  # total economic cost, before tax, with contingency
    by_category: dict[CostCategory, tuple[int, ...]]  # every category, in enum order
    by_expenditure: dict[Expenditure, tuple[int, ...]]
    grand_total: int
    staff_new: tuple[int, ...] = ()  # new hires and outsourced members
    reallocated: tuple[int, ...] = ()  # 工数振替: existing staff's time
    contingency: tuple[int, ...] = ()
    new_money: tuple[int, ...] = ()  # new cash outlay before tax, with contingency
    tax: tuple[int, ...] = ()
    internal: tuple[int, ...] = ()  # internal transfers within the group, not counted
    depreciation: tuple[int, ...] = ()  # the year's charge for CAPEX

    def category_total(self, category: CostCategory) -> int:
        return sum(self.by_category[category])

    def total_fte(self, year_index: int) -> Decimal:
        return sum((p.fte for p in self.personnel if p.member.start_year <= year_index),
                   Decimal(0))

    @property
    def new_money_total(self) -> int:
        return sum(self.new_money)

    @property
    def new_money_incl_tax(self) -> tuple[int, ...]:
        return tuple(a + b for a, b in zip(self.new_money, self.tax, strict=True))

    @property
    def total_incl_tax(self) -> tuple[int, ...]:
        return tuple(a + b for a, b in zip(self.total_per_year, self.tax, strict=True))


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


def loaded_factor(a: Assumptions, year_index: int) -> Decimal:
    """What one yen of base pay costs in year `year_index`, before office and equipment."""
    return ((12 + a["bonus_months"]) / 12 * (1 + a["welfare_rate"])
            * (1 + a["pay_rise"]) ** year_index)


def member_cost(a: Assumptions, rate: int, fte: Decimal, year_index: int) -> int:
    return (yen(Decimal(rate) * loaded_factor(a, year_index) * fte)
            + yen(a["office_per_head"] * fte))


def depreciation(capex: tuple[int, ...], years: int) -> tuple[int, ...]:
    n = len(capex)
    return tuple(yen(Decimal(sum(capex[j] for j in range(n) if 0 <= i - j < years)) / years)
                 for i in range(n))


def personnel_line(a: Assumptions, unit: Unit, m: Member, company: str, n: int,
                   generated: str = "") -> PersonnelLine:
    rate = a.rate_for(m.role).rate
    fte = fte_decimal(m.fte)
    per_year = tuple(member_cost(a, rate, fte, i) if i >= m.start_year else 0
                     for i in range(n))
    return PersonnelLine(unit, m, rate, fte, per_year, company, generated)


def item_line(a: Assumptions, item: CostItem, n: int, internal: bool, company: str,
              generated: str = "") -> ItemLine:
    fx = a.fx(item.currency)
    amounts = resolve_amounts(item, n)
    per_year = tuple(yen(x * fx) for x in amounts)
    return ItemLine(item, fx, amounts, per_year, internal, company, generated)


def compute_budget(design: Design, *, years: int | None = None, overrides: Any = None,
                   defaults: BudgetDefaults | None = None) -> Budget:
    """The budget of `design`; `years` overrides the design's number of years (CLI --years),
    `overrides` are the user's settings (see `assumptions.resolve` for the priority)."""
    from .extras import generated_items, generated_staff, payer_company

    a = resolve(design, years=years, overrides=overrides, defaults=defaults)
    fys = a.fiscal_years()
    n = len(fys)
    personnel = []
    for unit in design.csirts():
        for m in unit.plan.members if unit.plan else ():
            personnel.append(personnel_line(a, unit, m, payer_company(design, unit, m), n))
    personnel += generated_staff(design, a, n, defaults)
    items = []
    for item in design.costs.values():
        internal = bool(item.supplier) and item.supplier in design.companies
        company = item.company or payer_company(design, None, None)
        items.append(item_line(a, item, n, internal, company))
    items += generated_items(design, a, n, defaults)

    staff = _sum_columns([p.per_year for p in personnel], n)
    staff_new = _sum_columns([p.per_year for p in personnel if p.is_new_money], n)
    reallocated = tuple(s - x for s, x in zip(staff, staff_new, strict=True))
    item_totals = _sum_columns([x.counted for x in items], n)
    contingency = tuple(yen((s + i) * a["contingency"])
                        for s, i in zip(staff_new, item_totals, strict=True))
    new_money = tuple(s + i + c for s, i, c in
                      zip(staff_new, item_totals, contingency, strict=True))
    total = tuple(x + r for x, r in zip(new_money, reallocated, strict=True))
    taxable = _sum_columns([x.counted for x in items if x.item.taxable], n)
    outsourced = _sum_columns([p.per_year for p in personnel
                               if p.staffing is Staffing.OUTSOURCE], n)
    rate = a["tax_rate"]
    tax = tuple(yen(t * rate) + yen(o * rate) for t, o in zip(taxable, outsourced, strict=True))
    internal = _sum_columns([x.per_year for x in items if x.internal], n)
    capex = _sum_columns([x.counted for x in items
                          if x.item.expenditure is Expenditure.CAPEX], n)
    dep = depreciation(capex, int(a["depreciation_years"]))

    by_cat = {}
    for cat in CostCategory:
        rows = [x.counted for x in items if x.item.category is cat]
        if cat is CostCategory.PERSONNEL:
            rows.append(staff)
        by_cat[cat] = _sum_columns(rows, n)
    by_exp = {}
    for exp in Expenditure:
        rows = [x.counted for x in items if x.item.expenditure is exp]
        if exp is Expenditure.OPEX:
            rows += [staff, contingency]
        by_exp[exp] = _sum_columns(rows, n)
    return Budget(a, fys, tuple(personnel), tuple(items), staff, item_totals, total, by_cat,
                  by_exp, sum(total), staff_new, reallocated, contingency, new_money, tax,
                  internal, dep)

"""The cost model: exact whole-yen figures, the override priority, fiscal years, items."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from orgdesigner.budget import BudgetError, compute_budget, load_defaults
from orgdesigner.model import (
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Expenditure,
    Member,
    Metadata,
    Unit,
    UnitKind,
)

from .sample import sample_design

# defaults: bonus 4 months, welfare 16 %, office ¥1.2M per head, pay rise 3 %
LOADED = Decimal(16) / 12 * Decimal("1.16")


def test_loaded_cost_from_the_start_year_with_pay_rise() -> None:
    b = compute_budget(sample_design())
    by_name = {p.member.name: p.per_year for p in b.personnel}
    # manager 7,200,000 × 16/12 × 1.16 = 11,136,000, + office 1,200,000
    assert by_name["佐藤 一郎"][0] == 12_336_000
    # pay rise 3 % a year on pay, not on the office: 11,136,000 × 1.03 + 1,200,000
    assert by_name["佐藤 一郎"][1] == 11_470_080 + 1_200_000
    # engineer 5,760,000 × 16/12 × 1.16 × 0.3 = 2,672,640, + 0.3 × office
    assert by_name["田中 次郎"][0] == 2_672_640 + 360_000
    assert by_name["高橋 三郎"][0] == 0 and by_name["高橋 三郎"][1] > 0  # from year 2
    assert by_name["伊藤 四郎"][:2] == (0, 0)  # unknown role → fallback, from year 3
    assert by_name["伊藤 四郎"][2] == round(5_400_000 * LOADED * Decimal("1.0609") * Decimal(
        "0.2")) + 240_000


def test_items_convert_currency_and_carry_recurring_amounts_forward() -> None:
    b = compute_budget(sample_design())
    lines = {x.item.id: x for x in b.items}
    assert lines["k1"].per_year == (12_000_000,) * 3  # recurring, one amount, carried
    assert lines["k2"].per_year == (420_000,) * 3  # US$2,800 × 150
    assert lines["k3"].per_year == (150_000, 0, 0)  # one-off US$1,000
    assert lines["k4"].per_year == (799_998, 840_080, 840_080)  # EUR 4,999.99 × 160 …
    assert lines["k4"].amounts == (Decimal("4999.99"), Decimal("5250.50"), Decimal("5250.50"))
    assert lines["k5"].per_year == (0, 3_500_000, 0)


def test_totals_add_up_every_way() -> None:
    b = compute_budget(sample_design())
    for i in range(3):
        cats = sum(v[i] for v in b.by_category.values()) + b.contingency[i]
        exps = sum(v[i] for v in b.by_expenditure.values())
        assert cats == exps == b.total_per_year[i]
        assert b.total_per_year[i] == b.new_money[i] + b.reallocated[i]
        assert b.new_money[i] == b.staff_new[i] + b.items_per_year[i] + b.contingency[i]
        assert b.contingency[i] == round((b.staff_new[i] + b.items_per_year[i]) * 0.05)
        assert b.personnel_per_year[i] == b.staff_new[i] + b.reallocated[i]
    assert b.grand_total == sum(b.total_per_year)
    assert b.by_expenditure[Expenditure.CAPEX] == (0, 3_500_000, 0)
    assert b.category_total(CostCategory.MEMBERSHIPS) == 420_000 * 3 + 150_000
    assert all(isinstance(v, int) for v in b.total_per_year + b.new_money + b.tax)


def test_money_is_exact_decimal_then_whole_yen() -> None:
    d = Design(Metadata(created="2026-04-01"))
    d.add_cost(CostItem("k", "licence", amounts=[Decimal("1234567.89")], currency="USD"))
    for i in range(10):
        d.add_cost(CostItem(f"t{i}", f"tiny {i}", amounts=[Decimal("0.1")], currency="EUR"))
    d.update_budget(fx_rates={"USD": Decimal("153.37"), "EUR": Decimal("10")},
                    contingency=Decimal(0))
    b = compute_budget(d)
    # 1,234,567.89 × 153.37 = 189,345,677.2893 → 189,345,677; ten × (0.1 × 10) = 10
    assert b.items[0].per_year[0] == 189_345_677
    assert b.total_per_year == (189_345_687,) * 3
    assert b.tax == (18_934_569,) * 3  # ROUND(189,345,687 × 10 %)
    assert all(type(v) is int for v in b.total_per_year + b.items[0].per_year)


def test_override_priority_design_over_settings_over_defaults() -> None:
    d = sample_design()
    settings = SimpleNamespace(role_rates={"analyst": 7_000_000, "Manager": 8_000_000},
                               bonus_months="5")
    a = compute_budget(d, overrides=settings).assumptions
    assert a["bonus_months"] == 5 and a.params["bonus_months"].source == "settings"
    assert a.params["welfare_rate"].source == "default"
    assert a.rate_for("analyst").rate == 7_000_000
    assert a.rate_for("manager").source == "settings"  # role names match case-insensitively
    assert a.rate_for("engineer").source == "default"
    d.update_budget(bonus_months=Decimal(0), welfare_rate=Decimal(0), office_per_head=0,
                    role_rates={"analyst": 6_600_000})
    b = compute_budget(d, overrides={"role_rates": {"analyst": 7_000_000}, "bonus_months": 5})
    assert b.assumptions["bonus_months"] == 0
    assert b.assumptions.params["bonus_months"].source == "design"
    assert b.assumptions.rate_for("Analyst").rate == 6_600_000
    analyst = next(p for p in b.personnel if p.member.role == "analyst")
    assert analyst.per_year[0] == 6_600_000  # no bonus, no welfare, no office


def test_role_names_are_normalised() -> None:
    a = compute_budget(sample_design()).assumptions
    assert a.rate_for("Shift analyst").key == "shift_analyst"
    assert a.rate_for("  SHIFT-ANALYST ").rate == load_defaults().roles["shift_analyst"].rate
    assert a.rate_for("legal counsel").source == "fallback"


def test_bad_overrides_are_clear_errors() -> None:
    with pytest.raises(BudgetError, match="[Bb]onus"):
        compute_budget(sample_design(), overrides={"bonus_months": "lots"})
    with pytest.raises(BudgetError, match="whole yen"):
        compute_budget(sample_design(), overrides={"role_rates": {"analyst": 1.5}})
    with pytest.raises(BudgetError, match="between 1 and 20"):
        compute_budget(sample_design(), years=0)


def test_unknown_currency_names_the_currency() -> None:
    d = sample_design()
    d.add_cost(CostItem("gbp", "UK training", amounts=[Decimal(1000)], currency="GBP"))
    with pytest.raises(BudgetError, match="GBP"):
        compute_budget(d)
    d.update_budget(fx_rates={"gbp": Decimal("190")})
    assert compute_budget(d).items[-1].per_year == (190_000,) * 3


@pytest.mark.parametrize(("created", "month", "first"), [
    ("2026-05-10", 4, 2027), ("2026-02-10", 4, 2026), ("2026-02-10", 1, 2027),
    ("2026-12-31", 10, 2027),
])
def test_first_fiscal_year_follows_created_date(created: str, month: int, first: int) -> None:
    d = Design(Metadata(created=created))
    d.update_budget(fy_start_month=month)
    b = compute_budget(d)
    assert b.years[0].number == first
    assert b.years[0].start.month == month and b.years[0].start.year == first
    assert (b.years[0].end - b.years[0].start).days in (364, 365)
    assert b.assumptions.first_year_source == "default"


def test_explicit_first_year_and_years() -> None:
    d = sample_design()
    d.update_budget(first_year=2030, years=5)
    b = compute_budget(d)
    assert [y.label("en") for y in b.years] == ["FY2030", "FY2031", "FY2032", "FY2033", "FY2034"]
    assert b.years[1].label("ja") == "2031年度"
    assert compute_budget(d, years=2).assumptions.years == 2
    k3 = next(x for x in b.items if x.item.id == "k3")
    assert k3.per_year == (150_000, 0, 0, 0, 0)


def test_empty_design_costs_nothing() -> None:
    b = compute_budget(Design())
    assert b.grand_total == 0 and b.personnel == () and b.items == ()
    assert len(b.years) == 3 and b.new_money == (0, 0, 0)


def test_several_csirts_all_count() -> None:
    d = Design(Metadata(created="2026-04-01"))
    for i in range(2):
        d.add_unit(Unit(f"c{i}", f"CSIRT {i}", UnitKind.CSIRT,
                        plan=CsirtPlan([Member("x", "analyst", fte=0.5)])))
    b = compute_budget(d)
    assert len(b.personnel) == 2
    # 5,400,000 × 16/12 × 1.16 × 0.5 + 600,000
    assert b.personnel_per_year[0] == 2 * (4_176_000 + 600_000)
    assert b.total_fte(0) == Decimal("1.0")

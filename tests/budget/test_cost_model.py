"""New money against total cost, groups (each yen once, 負担金), memberships, 24x7 and
depreciation — invariants first, then the figures an approver checks by hand."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.budget import allocate, compute_budget, fy_totals, role_options
from orgdesigner.budget.extras import consultees
from orgdesigner.budget.groups import split
from orgdesigner.model import (
    AllocationKey,
    Company,
    CompanyKind,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Expenditure,
    Flow,
    FlowKind,
    Member,
    Metadata,
    ServiceHours,
    SocOption,
    Staffing,
    Unit,
    UnitKind,
)

ROLES = ["manager", "analyst", "engineer", "coordinator", "legal counsel"]


def csirt_design(members: list[Member], **plan: object) -> Design:
    d = Design(Metadata(created="2026-05-01"))
    d.add_unit(Unit("it", "情報システム部", UnitKind.DEPARTMENT))
    d.add_unit(Unit("cs", "CSIRT", UnitKind.CSIRT, plan=CsirtPlan(members, **plan)))
    return d


members_st = st.lists(st.builds(
    Member, name=st.just("m"), role=st.sampled_from(ROLES), home_unit=st.just("it"),
    fte=st.floats(0.05, 1.0).map(lambda x: round(x, 2)), dedicated=st.booleans(),
    start_year=st.integers(0, 2), staffing=st.none() | st.sampled_from(list(Staffing))),
    max_size=6)


@settings(max_examples=40, deadline=None)
@given(members_st)
def test_total_is_new_money_plus_reallocated_time(members: list[Member]) -> None:
    b = compute_budget(csirt_design(members))
    for i in range(3):
        assert b.total_per_year[i] == b.new_money[i] + b.reallocated[i]
        hired = sum(p.per_year[i] for p in b.personnel if p.staffing is not Staffing.REALLOCATE)
        assert b.staff_new[i] == hired
    # re-allocated time is never new money: reclassifying everyone leaves only contingency 0
    for m in members:
        m.staffing = Staffing.REALLOCATE
    assert compute_budget(csirt_design(members)).new_money == (0, 0, 0)


@settings(max_examples=30, deadline=None)
@given(members_st)
def test_kenmu_only_design_needs_no_new_money(members: list[Member]) -> None:
    """A CSIRT of concurrent (兼務) staff only: its cost is time moved, no new spending."""
    for m in members:
        m.dedicated, m.staffing = False, None
    b = compute_budget(csirt_design(members))
    assert b.new_money == (0, 0, 0) and b.tax == (0, 0, 0)
    assert b.total_per_year == b.reallocated == b.personnel_per_year
    assert [y.new_money for y in fy_totals(csirt_design(members))] == [0, 0, 0]


def test_outsourced_member_is_new_money_with_consumption_tax() -> None:
    m = Member("委託先 SE", "engineer", "it", 1.0, False, 0, Staffing.OUTSOURCE)
    b = compute_budget(csirt_design([m]))
    cost = b.personnel[0].per_year[0]
    assert b.staff_new[0] == cost and b.reallocated[0] == 0
    assert b.tax[0] == round(cost * Decimal("0.1"))


def test_model_3_counts_each_yen_once() -> None:
    d = templates.load("model-3")
    b = compute_budget(d)
    internal = [x for x in b.items if x.internal]
    assert [x.item.id for x in internal] == ["k1"]  # the fee paid to the IT subsidiary
    assert b.internal == (12_000_000,) * 3
    counted = [sum(x.counted[i] for x in b.items) for i in range(3)]
    for i in range(3):
        assert b.total_per_year[i] == (b.personnel_per_year[i] + counted[i]
                                       + b.contingency[i])
        assert 12_000_000 not in (x.counted[i] for x in b.items)
    shares = allocate(d, b)
    assert {s.company for s in shares} == {"parent", "itsub", "ga", "gb"}
    for i in range(3):  # every yen carried once, and allocated once
        assert sum(s.carried[i] for s in shares) == b.total_per_year[i]
        assert sum(s.burden[i] for s in shares) == b.total_per_year[i]
        assert sum(s.settlement[i] for s in shares) == 0
    # the subsidiary's own CSIRT staff sit on its own books
    itsub = next(s for s in shares if s.company == "itsub")
    assert itsub.carried[0] >= sum(p.per_year[0] for p in b.personnel if p.company == "itsub")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**12), st.lists(st.decimals(0, 10**6, places=2), min_size=1,
                                         max_size=8).filter(lambda w: sum(w) > 0))
def test_allocation_shares_add_up_to_the_total(total: int, weights: list[Decimal]) -> None:
    parts = split(total, weights)
    assert sum(parts) == total and len(parts) == len(weights)


def test_allocation_keys() -> None:
    d = templates.load("model-3")
    b = compute_budget(d)
    d.update_budget(allocation=AllocationKey.EQUAL)
    assert len({s.burden[0] for s in allocate(d, b)[:-1]}) == 1
    d.update_budget(allocation=AllocationKey.MANUAL,
                    shares={"parent": Decimal(1), "itsub": Decimal(0), "ga": Decimal(0),
                            "gb": Decimal(0)})
    shares = {s.company: s for s in allocate(d, b)}
    assert shares["parent"].burden == b.total_per_year and sum(shares["ga"].burden) == 0
    single = Design()
    single.add_company(Company("p", "親会社", kind=CompanyKind.PARENT))
    assert allocate(single, compute_budget(single)) == []


def test_first_membership_maps_calendar_billing_to_the_april_fiscal_year() -> None:
    d = csirt_design([], memberships=["FIRST", "NCA"])
    b = compute_budget(d)
    first = next(x for x in b.items if x.generated == "membership:FIRST")
    # FY0 (April–March): US$1,000 joining, April–December pro rata (9/12 × 2,800), and the
    # January invoice for the next calendar year; then one January invoice per fiscal year
    assert first.amounts == (Decimal(5900), Decimal(2800), Decimal(2800))
    assert first.per_year == (885_000, 420_000, 420_000)
    assert not first.item.taxable  # an overseas fee: outside Japanese consumption tax
    assert any(x.generated == "membership:NCA" for x in b.items)
    d.update_budget(fy_start_month=1)  # a calendar fiscal year: no pro rata
    jan = next(x for x in compute_budget(d).items if x.generated == "membership:FIRST")
    assert jan.amounts[0] == Decimal(3800)
    # already budgeted by hand: not added twice
    d.add_cost(CostItem("f", "FIRST annual fee", CostCategory.MEMBERSHIPS, amounts=[
        Decimal(2800)], currency="USD"))
    assert not any(x.generated == "membership:FIRST" for x in compute_budget(d).items)


def test_24x7_costs_shift_staff_or_an_outsourced_soc() -> None:
    shift = Member("シフト", "shift_analyst", "cs", 1.0, True, 0)
    d = csirt_design([shift], hours=ServiceHours.ALWAYS)
    b = compute_budget(d)
    extra = [p for p in b.personnel if p.generated == "shifts"]
    assert len(extra) == 1 and extra[0].fte == Decimal("11.0")  # ENISA ~12, one planned
    assert extra[0].staffing is Staffing.HIRE and b.staff_new[0] > 11 * 8_000_000
    d.update_budget(soc=SocOption.OUTSOURCED, soc_price=30_000_000)
    b = compute_budget(d)
    assert not any(p.generated for p in b.personnel)
    soc = [x for x in b.items if x.generated == "soc"]
    assert soc[0].per_year == (30_000_000,) * 3 and soc[0].item.taxable
    d.set_plan("cs", CsirtPlan([shift], hours=ServiceHours.BUSINESS))
    assert not any(x.generated for x in compute_budget(d).items)


def test_capex_is_depreciated_over_n_years() -> None:
    d = Design(Metadata(created="2026-05-01"))
    d.add_cost(CostItem("s", "SIEM", CostCategory.TOOLS, Expenditure.CAPEX, False,
                        [Decimal(5_000_000), Decimal(0), Decimal(3_000_000)]))
    b = compute_budget(d)
    assert b.depreciation == (1_000_000, 1_000_000, 1_600_000)
    d.update_budget(depreciation_years=2)
    assert compute_budget(d).depreciation == (2_500_000, 2_500_000, 1_500_000)


def test_public_api_for_other_features() -> None:
    d = templates.load("model-3")
    years = fy_totals(d)
    b = compute_budget(d)
    assert [y.new_money for y in years] == list(b.new_money)
    assert [y.total_cost for y in years] == list(b.total_per_year)
    assert years[0].label("ja") == "2027年度" or years[0].label("ja").endswith("年度")
    roles = {r.key: r for r in role_options()}
    assert roles["manager"].label("ja") == "CSIRT 責任者" and roles["manager"].rate > 0


def test_consultees_come_from_consensus_flows_unless_set() -> None:
    d = templates.load("model-3")
    assert consultees(d, "ja") == ["総務部"]
    d.add_flow(Flow("x", "pm", "csirt", FlowKind.CONSENSUS))
    assert len(consultees(d, "ja")) == 2
    d.update_budget(consultees=["法務部", "経理部"])
    assert consultees(d, "ja") == ["法務部", "経理部"]


def test_new_fields_are_validated_and_round_trip_through_orgd() -> None:
    import pytest

    from orgdesigner.formats import orgd
    from orgdesigner.model import BudgetStatus, InvalidValueError

    d = templates.load("model-3")
    for bad in ({"bonus_months": 13}, {"welfare_rate": -1}, {"tax_rate": "lots"},
                {"depreciation_years": 0}, {"shares": "x"}, {"soc": "robots"},
                {"consultees": "総務部"}):
        with pytest.raises(InvalidValueError):
            d.update_budget(**bad)
    d.update_budget(bonus_months=Decimal("4.5"), welfare_rate=Decimal("0.155"),
                    office_per_head=900_000, contingency=Decimal("0.1"), fx_date="2026-11-30",
                    soc=SocOption.OUTSOURCED, soc_price=20_000_000,
                    allocation=AllocationKey.REVENUE, shares={"parent": Decimal("300.5")},
                    subject="グループ CSIRT 設置", purpose="対応の一元化",
                    budget_status=BudgetStatus.WITHIN, account="業務委託費",
                    department="情報企画部", consultees=["法務部"])
    plan = d.units["csirt"].plan
    assert plan is not None
    plan.members[0].staffing = Staffing.OUTSOURCE
    back = orgd.loads(orgd.dumps(d))
    assert back.budget == d.budget
    assert back.units["csirt"].plan.members[0].staffing is Staffing.OUTSOURCE
    assert back.units["csirt"].plan.members[1].staffing is None  # unset stays unset
    assert back.costs["k1"].supplier == "itsub" and back.costs["k1"].company == "parent"
    assert compute_budget(back).total_per_year == compute_budget(d).total_per_year
    old = orgd.dumps(d).replace('"bonus_months": "4.5"', '"multiplier": "1.3"')
    assert orgd.loads(old).budget.bonus_months is None  # the retired multiplier is dropped

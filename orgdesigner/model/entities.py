"""The parts of a design: plain data, validated by `Design` when they enter it.

Entities are dataclasses so they copy, compare and serialise trivially; the `Design` is the
only thing that mutates them, which is what lets it keep invariants and announce changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .enums import (
    AllocationKey,
    Authority,
    BudgetStatus,
    CompanyKind,
    CostCategory,
    Expenditure,
    FlowKind,
    Function,
    Sector,
    ServiceHours,
    SocOption,
    Staffing,
    UnitKind,
)


@dataclass
class Company:
    id: str
    name: str
    name_en: str = ""
    kind: CompanyKind = CompanyKind.PARENT
    in_scope: bool = True
    # Frame rectangle on the canvas (top-left and size). Zero size means "fit to contents".
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    notes: str = ""

    def display_name(self, lang: str = "en") -> str:
        return display_name(self.name, self.name_en, lang)


@dataclass
class Member:
    """One person (or role) on the CSIRT. `fte` is the share of their time on the CSIRT."""

    name: str
    role: str = "analyst"
    home_unit: str = ""
    fte: float = 1.0
    dedicated: bool = True
    start_year: int = 0  # fiscal-year offset in the budget (0 = first year)
    # None: follow `dedicated` (専任 → 増員, 兼務 → 工数振替), as files before this field did
    staffing: Staffing | None = None

    @property
    def staffing_type(self) -> Staffing:
        if self.staffing is not None:
            return self.staffing
        return Staffing.HIRE if self.dedicated else Staffing.REALLOCATE


@dataclass
class CsirtPlan:
    members: list[Member] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    hours: ServiceHours = ServiceHours.BUSINESS
    contact: str = ""
    mandate: bool = False
    authority: Authority = Authority.NONE
    memberships: list[str] = field(default_factory=list)

    def total_fte(self) -> float:
        return sum(m.fte for m in self.members)

    def dedicated_fte(self) -> float:
        return sum(m.fte for m in self.members if m.dedicated)


@dataclass
class Unit:
    id: str
    name: str
    kind: UnitKind = UnitKind.DEPARTMENT
    name_en: str = ""
    functions: tuple[Function, ...] = ()
    headcount: int = 0
    notes: str = ""
    company: str = ""
    # Centre of the unit's box on the canvas.
    x: float = 0.0
    y: float = 0.0
    plan: CsirtPlan | None = None

    def display_name(self, lang: str = "en") -> str:
        return display_name(self.name, self.name_en, lang)


@dataclass
class Flow:
    id: str
    source: str
    target: str
    kind: FlowKind
    label: str = ""


@dataclass
class CostItem:
    id: str
    name: str
    category: CostCategory = CostCategory.OTHER
    expenditure: Expenditure = Expenditure.OPEX
    recurring: bool = True
    # Amount per fiscal year, in `currency`. A one-off item has its amount in one year.
    amounts: list[Decimal] = field(default_factory=list)
    currency: str = "JPY"
    notes: str = ""
    company: str = ""  # the company that pays (a company id); "" = the parent / whole group
    # a group company the item is bought from: an internal transfer, counted once (its
    # staff are already on the Staffing sheet), shown but kept out of the group's totals
    supplier: str = ""
    taxable: bool = True  # consumption tax (消費税) applies to the purchase
    vendor: str = ""  # quote / vendor reference
    contract: str = ""  # contract term ("2027-04 – 2030-03, 3 years")


@dataclass
class Metadata:
    title: str = ""
    title_en: str = ""
    author: str = ""
    organisation: str = ""
    description: str = ""
    description_en: str = ""
    source: str = ""
    currency: str = "JPY"
    created: str = ""
    template: str = ""
    revision: str = ""  # the document's own version, shown in title blocks ("1.2", "案3")
    sector: Sector = Sector.UNSET  # the industry; some findings weigh more in some sectors

    def __post_init__(self) -> None:
        # Code that builds a Metadata directly may pass the stored string ("finance").
        self.sector = Sector(self.sector)


@dataclass
class BudgetInputs:
    """Per-design overrides of the budget assumptions; empty means "use the defaults"."""

    first_year: int = 0  # first fiscal year (e.g. 2027); 0 = the fiscal year after `created`
    years: int = 3
    fy_start_month: int = 4
    role_rates: dict[str, int] = field(default_factory=dict)
    fx_rates: dict[str, Decimal] = field(default_factory=dict)
    fx_date: str = ""  # the day the FX rates were taken (shown on the Assumptions sheet)
    # cost model inputs; None = the user's settings, then the shipped default
    bonus_months: Decimal | None = None
    welfare_rate: Decimal | None = None  # employer's statutory welfare, a fraction (0.16)
    office_per_head: int | None = None  # yen per full-time member a year
    pay_rise: Decimal | None = None  # annual, a fraction
    contingency: Decimal | None = None  # a fraction of the new money
    tax_rate: Decimal | None = None  # consumption tax
    depreciation_years: int | None = None
    soc: SocOption = SocOption.SHIFTS  # how a 24x7 plan is costed
    soc_price: int | None = None  # outsourced SOC/MSS, yen a year before tax
    allocation: AllocationKey = AllocationKey.HEADCOUNT
    shares: dict[str, Decimal] = field(default_factory=dict)  # company id → revenue or share
    # the 稟議 cover
    subject: str = ""  # 件名; "" = the design's title
    purpose: str = ""  # 目的・期待効果
    budget_status: BudgetStatus = BudgetStatus.OUTSIDE
    account: str = ""  # 勘定科目
    department: str = ""  # 起案部署
    consultees: list[str] = field(default_factory=list)  # 合議先; [] = from consensus flows


def display_name(name: str, name_en: str, lang: str) -> str:
    if lang == "en":
        return name_en or name
    return name or name_en

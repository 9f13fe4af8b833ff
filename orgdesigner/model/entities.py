"""The parts of a design: plain data, validated by `Design` when they enter it.

Entities are dataclasses so they copy, compare and serialise trivially; the `Design` is the
only thing that mutates them, which is what lets it keep invariants and announce changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .enums import (
    Authority,
    CompanyKind,
    CostCategory,
    Expenditure,
    FlowKind,
    Function,
    Sector,
    ServiceHours,
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
    multiplier: Decimal | None = None
    role_rates: dict[str, int] = field(default_factory=dict)
    fx_rates: dict[str, Decimal] = field(default_factory=dict)


def display_name(name: str, name_en: str, lang: str) -> str:
    if lang == "en":
        return name_en or name
    return name or name_en

"""Validation tables for every editable field of the design's parts.

Each table maps a field name to a function that returns the clean value or raises
`InvalidValueError`; `Design` runs them in its setters and the file reader through it.
"""

from __future__ import annotations

from typing import Any

from ..messages import Field, msg
from . import validate as v
from .entities import CsirtPlan, Member
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
from .errors import InvalidValueError


def _functions(value: Any) -> tuple[Function, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidValueError(msg("value.not_list", what=Field("functions"), value=value))
    out: list[Function] = []
    for f in value:
        fn = v.enum_value(Function, f, "function")
        if fn not in out:
            out.append(fn)
    return tuple(out)


# Fields a large file holds tens of thousands of (units, flows, companies) are declared with
# these helpers: each returns the full check and notes the plain value it may let through
# without it (`clean_fields`' fast path). A value the fast test passes is exactly what the
# full check returns; any other value goes through the full check, and its clear error.
TEXT, NUMBER, INTEGER, ENUM, IDENT, BOOL = range(6)


def _text(what: str, limit: int) -> Any:
    check: Any = lambda x: v.text(x, what, limit=limit)  # noqa: E731
    check.quick = (TEXT, limit)
    return check


def _number(what: str, low: float, high: float) -> Any:
    check: Any = lambda x: v.number(x, what, low=low, high=high)  # noqa: E731
    check.quick = (NUMBER, low, high)
    return check


def _integer(what: str, low: int, high: int) -> Any:
    check: Any = lambda x: v.integer(x, what, low=low, high=high)  # noqa: E731
    check.quick = (INTEGER, low, high)
    return check


def _enum(cls: type, what: str) -> Any:
    check: Any = lambda x: v.enum_value(cls, x, what)  # noqa: E731
    check.quick = (ENUM, cls._value2member_map_)  # type: ignore[attr-defined]
    return check


def _ident(what: str) -> Any:
    check: Any = lambda x: v.ident(x, what)  # noqa: E731
    check.quick = (IDENT, 200)
    return check


def _boolean(what: str) -> Any:
    check: Any = lambda x: v.boolean(x, what)  # noqa: E731
    check.quick = (BOOL,)
    return check


_UNIT_FIELDS = {
    "name": _text("unit name", 500),
    "name_en": _text("English name", 500),
    "kind": _enum(UnitKind, "unit kind"),
    "functions": _functions,
    "headcount": _integer("headcount", 0, 10_000_000),
    "notes": _text("notes", 100_000),
    "company": _text("company", 200),
    "x": _number("x", -1e7, 1e7),
    "y": _number("y", -1e7, 1e7),
}
_FLOW_FIELDS = {
    "source": _ident("flow source"),
    "target": _ident("flow target"),
    "kind": _enum(FlowKind, "flow kind"),
    "label": _text("flow label", 500),
}
_COMPANY_FIELDS = {
    "name": _text("company name", 500),
    "name_en": _text("English name", 500),
    "kind": _enum(CompanyKind, "company kind"),
    "in_scope": _boolean("in_scope"),
    "x": _number("x", -1e7, 1e7),
    "y": _number("y", -1e7, 1e7),
    "width": _number("width", 0, 1e7),
    "height": _number("height", 0, 1e7),
    "notes": _text("notes", 100_000),
}


_QUICK = {id(table): {k: check.quick for k, check in table.items() if hasattr(check, "quick")}
          for table in (_UNIT_FIELDS, _FLOW_FIELDS, _COMPANY_FIELDS)}


def _amounts(value: Any) -> list:
    if not isinstance(value, (list, tuple)):
        raise InvalidValueError(msg("value.not_list", what=Field("amounts"), value=value))
    if len(value) > 50:
        raise InvalidValueError(msg("design.amounts_too_many"))
    return [v.money(a, f"amount for year {i + 1}") for i, a in enumerate(value)]


_COST_FIELDS = {
    "name": lambda x: v.text(x, "cost item name", required=True, limit=500),
    "category": lambda x: v.enum_value(CostCategory, x, "cost category"),
    "expenditure": lambda x: v.enum_value(Expenditure, x, "expenditure type (capex/opex)"),
    "recurring": lambda x: v.boolean(x, "recurring"),
    "amounts": _amounts,
    "currency": lambda x: v.text(x, "currency", required=True, limit=8).upper(),
    "notes": lambda x: v.text(x, "notes", limit=100_000),
    "company": lambda x: v.text(x, "company", limit=200),
    "supplier": lambda x: v.text(x, "supplier", limit=200),
    "taxable": lambda x: v.boolean(x, "taxable"),
    "vendor": lambda x: v.text(x, "vendor", limit=500),
    "contract": lambda x: v.text(x, "contract term", limit=500),
}
_METADATA_FIELDS = {
    "title": lambda x: v.text(x, "title", limit=500),
    "title_en": lambda x: v.text(x, "English title", limit=500),
    "author": lambda x: v.text(x, "author", limit=500),
    "organisation": lambda x: v.text(x, "organisation", limit=500),
    "description": lambda x: v.text(x, "description", limit=100_000),
    "description_en": lambda x: v.text(x, "English description", limit=100_000),
    "source": lambda x: v.text(x, "source", limit=100_000),
    "currency": lambda x: v.text(x, "currency", required=True, limit=8).upper(),
    "created": lambda x: v.text(x, "created", limit=40),
    "template": lambda x: v.text(x, "template", limit=200),
    "revision": lambda x: v.text(x, "revision", limit=100),
    "sector": lambda x: v.enum_value(Sector, x, "sector"),
}


def _rates(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise InvalidValueError(msg("design.rates_not_mapping"))
    return {v.text(k, "role", required=True, limit=200): _rate(r, f"rate for {k}")
            for k, r in value.items()}


def _rate(value: Any, what: str) -> int:
    """A role's yearly cost: a whole number in `RANGES["role_rate"]`."""
    v.integer(value, what, low=0)
    return int(v.money(value, what, limit="role_rate"))


def _fx(value: Any) -> dict:
    if not isinstance(value, dict):
        raise InvalidValueError(msg("design.fx_not_mapping"))
    return {v.text(k, "currency", required=True, limit=8).upper():
            v.money(r, f"FX rate {k}", limit="fx_rate") for k, r in value.items()}


def _ranged(what: str, high: int, whole: bool = False) -> Any:
    """An optional non-negative number up to `high` (None = use the default)."""
    def check(x: Any) -> Any:
        if x is None:
            return None
        if whole:
            return v.integer(x, what, low=0, high=high)
        d = v.money(x, what)
        if d > high:
            raise InvalidValueError(msg("value.number_range", what=Field(what), low=0,
                                        high=high, value=x))
        return d
    return check


def _shares(value: Any) -> dict:
    if not isinstance(value, dict):
        raise InvalidValueError(msg("design.shares_not_mapping"))
    return {v.text(k, "company", required=True, limit=200): v.money(r, f"share {k}")
            for k, r in value.items()}


def _names(value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidValueError(msg("value.not_list", what=Field("consultees"), value=value))
    return [v.text(x, "consultee", required=True, limit=200) for x in value][:50]


#: Range limits of the budget inputs (money in yen, rates as fractions); hostile-input
#: checks and the workbook's data validation read the same bounds.
BUDGET_LIMITS = {"bonus_months": 12, "welfare_rate": 1, "office_per_head": 100_000_000,
                 "pay_rise": 1, "contingency": 1, "tax_rate": 1, "depreciation_years": 50,
                 "soc_price": 100_000_000_000}

_BUDGET_FIELDS = {
    "first_year": lambda x: v.year(x, "first fiscal year"),
    "years": lambda x: v.integer(x, "number of years", low=1, high=20),
    "fy_start_month": lambda x: v.integer(x, "fiscal year start month", low=1, high=12),
    "role_rates": _rates,
    "fx_rates": _fx,
    "fx_date": lambda x: v.text(x, "FX date", limit=40),
    "bonus_months": _ranged("bonus months", BUDGET_LIMITS["bonus_months"]),
    "welfare_rate": _ranged("statutory welfare rate", BUDGET_LIMITS["welfare_rate"]),
    "office_per_head": _ranged("office and equipment per head",
                               BUDGET_LIMITS["office_per_head"], whole=True),
    "pay_rise": _ranged("annual pay rise", BUDGET_LIMITS["pay_rise"]),
    "contingency": _ranged("contingency", BUDGET_LIMITS["contingency"]),
    "tax_rate": _ranged("consumption tax rate", BUDGET_LIMITS["tax_rate"]),
    "depreciation_years": lambda x: None if x is None else v.integer(
        x, "depreciation years", low=1, high=BUDGET_LIMITS["depreciation_years"]),
    "soc": lambda x: v.enum_value(SocOption, x, "24x7 option"),
    "soc_price": _ranged("outsourced SOC price", BUDGET_LIMITS["soc_price"], whole=True),
    "allocation": lambda x: v.enum_value(AllocationKey, x, "allocation key"),
    "shares": _shares,
    "subject": lambda x: v.text(x, "subject", limit=500),
    "purpose": lambda x: v.text(x, "purpose", limit=5000),
    "budget_status": lambda x: v.enum_value(BudgetStatus, x, "budget status"),
    "account": lambda x: v.text(x, "account code", limit=200),
    "department": lambda x: v.text(x, "drafting department", limit=200),
    "consultees": _names,
}


def clean_fields(table: dict, changes: dict[str, Any], what: str) -> dict[str, Any]:
    out = {}
    quick_of = _QUICK.get(id(table), {})
    surrogate = v.SURROGATE.search
    for name, value in changes.items():
        quick = quick_of.get(name)
        if quick is not None:  # the fast path: a plain value the full check would return
            kind, t = quick[0], type(value)
            if kind == TEXT or kind == IDENT:
                if t is str and len(value) <= quick[1] and (value.isascii() or not surrogate(
                        value)) and (kind == TEXT or value.strip()):
                    out[name] = value
                    continue
            elif kind == ENUM:
                member = quick[1].get(value) if t is str else None
                if member is not None:
                    out[name] = member
                    continue
            elif kind == NUMBER or kind == INTEGER:
                if t is (float if kind == NUMBER else int) and quick[1] <= value <= quick[2]:
                    out[name] = value
                    continue
            elif t is bool:
                out[name] = value
                continue
        check = table.get(name)
        if check is None:
            raise InvalidValueError(msg("design.no_field", what=Field(what), name=name))
        out[name] = check(value)
    return out


def clean_member(m: Member, where: str = "member") -> Member:
    return Member(
        name=v.text(m.name, f"{where} name", limit=500),
        role=v.text(m.role, f"{where} role", limit=200),
        home_unit=v.text(m.home_unit, f"{where} home unit", limit=200),
        fte=v.number(m.fte, f"{where} FTE", low=0.0, high=1.0),
        dedicated=v.boolean(m.dedicated, f"{where} dedicated"),
        start_year=v.integer(m.start_year, f"{where} start year", low=0, high=50),
        staffing=None if m.staffing is None else v.enum_value(Staffing, m.staffing,
                                                               f"{where} staffing"),
    )


def clean_plan(plan: CsirtPlan) -> CsirtPlan:
    services: list[str] = []
    for s in plan.services:
        s = v.text(s, "service", required=True, limit=200)
        if s not in services:
            services.append(s)
    return CsirtPlan(
        members=[clean_member(m, f"member {i + 1}") for i, m in enumerate(plan.members)],
        services=services,
        hours=v.enum_value(ServiceHours, plan.hours, "service hours value"),
        contact=v.text(plan.contact, "point of contact", limit=1000),
        mandate=v.boolean(plan.mandate, "mandate"),
        authority=v.enum_value(Authority, plan.authority, "authority level"),
        memberships=[v.text(x, "membership", required=True, limit=200) for x in plan.memberships],
    )

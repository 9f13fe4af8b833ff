"""The assumptions a budget rests on, resolved from three layers, and its fiscal years.

Priority, per value: the design's own overrides (`design.budget`) > the user's settings
(the `overrides` argument: a mapping or any object with `role_rates`, `fx_rates`,
`fallback_rate` and cost-model attributes such as `bonus_months`, e.g.
`orgdesigner.settings.Settings`) > the shipped illustrative defaults. Each value remembers
where it came from, so the workbook can
tell an approver which figures are still the illustrative ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..messages import msg
from ..model import Design, Member
from .defaults import PARAMS, BudgetDefaults, BudgetError, Param, load_defaults

DESIGN, SETTINGS, DEFAULT, FALLBACK = "design", "settings", "default", "fallback"
SOURCE_LABELS = {
    DESIGN: ("this design", "本設計"),
    SETTINGS: ("user settings", "ユーザー設定"),
    DEFAULT: ("illustrative default", "参考値（既定）"),
    FALLBACK: ("illustrative default (other roles)", "参考値（その他の役割）"),
}


def source_label(source: str, lang: str = "en") -> str:
    en, ja = SOURCE_LABELS.get(source, (source, source))
    return ja if lang == "ja" else en


def role_key(role: str) -> str:
    """Roles are free text; "Shift analyst" and "shift_analyst" name the same rate."""
    return "_".join(role.strip().lower().replace("-", " ").split())


@dataclass(frozen=True)
class FiscalYear:
    index: int  # 0 = the first year of the budget
    number: int  # FY2027 = the year that starts in `start`
    start: dt.date
    end: dt.date

    def label(self, lang: str = "en") -> str:
        return f"{self.number}年度" if lang == "ja" else f"FY{self.number}"


@dataclass(frozen=True)
class Rate:
    key: str
    rate: int
    source: str
    en: str
    ja: str

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Value:
    """A cost-model input as resolved: its value, where it came from, and what it means."""

    param: Param
    value: Decimal
    source: str


@dataclass(frozen=True)
class Assumptions:
    first_year: int
    first_year_source: str  # "design", or "default" (the fiscal year after `created`)
    years: int
    fy_start_month: int
    params: Mapping[str, Value]  # bonus_months, welfare_rate, … (defaults.PARAMS)
    roles: Mapping[str, Rate]  # role key → rate, every default role and every role in use
    fallback: Rate
    fx_rates: Mapping[str, tuple[Decimal, str]]  # currency → (yen per unit, source)
    currency: str
    note: str
    note_ja: str
    sources: tuple[str, ...]
    sources_ja: tuple[str, ...] = ()
    fx_date: str = ""

    def __getitem__(self, key: str) -> Decimal:
        return self.params[key].value

    def sources_in(self, lang: str = "en") -> tuple[str, ...]:
        return self.sources_ja if lang == "ja" and self.sources_ja else self.sources

    def rate_for(self, role: str) -> Rate:
        return self.roles.get(role_key(role), self.fallback)

    def fx(self, currency: str) -> Decimal:
        if currency == self.currency:
            return Decimal(1)
        try:
            return self.fx_rates[currency][0]
        except KeyError:
            raise BudgetError(msg("budget.no_fx", currency=currency)) from None

    def fiscal_years(self) -> tuple[FiscalYear, ...]:
        out = []
        for i in range(self.years):
            n = self.first_year + i
            start = dt.date(n, self.fy_start_month, 1)
            nxt = dt.date(n + 1, self.fy_start_month, 1)
            out.append(FiscalYear(i, n, start, nxt - dt.timedelta(days=1)))
        return tuple(out)


def fiscal_year_of(day: dt.date, start_month: int) -> int:
    """Japanese convention: FY2026 runs April 2026 – March 2027 (named by its start)."""
    return day.year if day.month >= start_month else day.year - 1


def _created(design: Design) -> dt.date:
    try:
        return dt.date.fromisoformat(design.metadata.created[:10])
    except ValueError:
        return dt.date.today()


def _get(overrides: Any, name: str) -> Any:
    if overrides is None:
        return None
    if isinstance(overrides, Mapping):
        return overrides.get(name)
    return getattr(overrides, name, None)


def _money(value: Any, what: str) -> Decimal:  # what: a Message naming the value
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        raise BudgetError(msg("budget.not_number", what=what, value=value)) from None
    if isinstance(value, bool) or not d.is_finite() or d < 0:
        raise BudgetError(msg("budget.negative", what=what, value=value))
    return d


def _yen(value: Any, what: str) -> int:
    d = _money(value, what)
    if d != d.to_integral_value():
        raise BudgetError(msg("budget.not_yen", what=what, value=value))
    return int(d)


def resolve(design: Design, *, years: int | None = None, overrides: Any = None,
            defaults: BudgetDefaults | None = None) -> Assumptions:
    d = defaults or load_defaults()
    b = design.budget
    if years is not None and (isinstance(years, bool) or not isinstance(years, int)
                              or not 1 <= years <= 20):
        raise BudgetError(msg("budget.years", years=years))
    month = b.fy_start_month
    first = b.first_year or fiscal_year_of(_created(design), month) + 1

    params: dict[str, Value] = {}
    for key in PARAMS:
        p = d.params[key]
        value, src = p.value, DEFAULT
        o = _get(overrides, key)
        if o is None:
            o = (_get(overrides, "cost_model") or {}).get(key)
        if o is not None:
            value, src = _money(o, msg("budget.what_param", name=p.en)), SETTINGS
        if (own := getattr(b, key, None)) is not None:
            value, src = Decimal(own), DESIGN
        params[key] = Value(p, value, src)

    roles: dict[str, Rate] = {k: Rate(k, r.rate, DEFAULT, r.en, r.ja) for k, r in d.roles.items()}
    fb_rate, fb_src = d.fallback_rate, FALLBACK
    if (f := _get(overrides, "fallback_rate")) is not None:
        fb_rate, fb_src = _yen(f, msg("budget.what_fallback")), SETTINGS
    for layer, src in ((_get(overrides, "role_rates") or {}, SETTINGS), (b.role_rates, DESIGN)):
        for name, rate in dict(layer).items():
            k = role_key(str(name))
            if not k:
                continue
            base = roles.get(k)
            en, ja = (base.en, base.ja) if base else (str(name), str(name))
            roles[k] = Rate(k, _yen(rate, msg("budget.what_role_rate", name=name)), src, en, ja)
    for m in _members(design):
        k = role_key(m.role)
        if k and k not in roles:
            roles[k] = Rate(k, fb_rate, fb_src, m.role.strip(), m.role.strip())
    fallback = Rate("", fb_rate, fb_src, "Other roles", "その他の役割")

    fx: dict[str, tuple[Decimal, str]] = {c: (r, DEFAULT) for c, r in d.fx_rates.items()}
    for layer, src in ((_get(overrides, "fx_rates") or {}, SETTINGS), (b.fx_rates, DESIGN)):
        for cur, rate in dict(layer).items():
            fx[str(cur).upper()] = (_money(rate, msg("budget.what_fx", currency=cur)), src)
    fx.pop(d.currency, None)

    return Assumptions(first, DESIGN if b.first_year else DEFAULT, years or b.years, month,
                       params, roles, fallback, fx, d.currency, d.note, d.note_ja,
                       d.sources, d.sources_ja, b.fx_date)


def _members(design: Design) -> list[Member]:
    return [m for u in design.csirts() if u.plan for m in u.plan.members]


@dataclass(frozen=True)
class RoleOption:
    """A role a member can have, for the inspector's role selector."""

    key: str
    en: str
    ja: str
    rate: int

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


def role_options(design: Design | None = None, overrides: Any = None) -> list[RoleOption]:
    """Every role the budget prices (the shipped roles, the settings' and the design's own,
    and roles members already use), in that order, with en/ja labels and the resolved rate.
    Editors offer these keys; any other text still works and is priced at the fallback."""
    from ..model import Design as _Design

    a = resolve(design if design is not None else _Design(), overrides=overrides)
    return [RoleOption(k, r.en, r.ja, r.rate) for k, r in a.roles.items()]


def role_label(role: str, lang: str = "en", defaults: BudgetDefaults | None = None) -> str:
    """A member's role as a reader sees it: the translated name of a known role key, else
    the text as typed."""
    d = defaults or load_defaults()
    r = d.roles.get(role_key(role))
    return r.label(lang) if r else role

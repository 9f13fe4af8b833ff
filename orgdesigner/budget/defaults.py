"""The shipped budget defaults (`resources/budget/defaults.json`), read once and validated.

They are illustrative figures, labelled so wherever they appear: a CISO replaces them with
the company's own rates, per design (`design.budget`) or in the user settings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..messages import BilingualError, msg
from ..model import CostCategory, Expenditure
from ..paths import resource


class BudgetError(BilingualError, ValueError):
    """A budget that cannot be computed or written; the message says what to fix
    (`text("ja")` in Japanese when raised with a Message)."""


@dataclass(frozen=True)
class RoleDefault:
    key: str
    rate: int  # base pay in yen per full-time member a year (12 months, before bonus)
    en: str
    ja: str

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class CostPreset:
    """A ready-made cost item the GUI offers (e.g. the FIRST membership fee)."""

    id: str
    en: str
    ja: str
    category: CostCategory
    expenditure: Expenditure
    recurring: bool
    currency: str
    amount: Decimal

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Param:
    """One input of the cost model with its default, its label and a note citing why."""

    key: str
    value: Decimal
    en: str
    ja: str
    note: str
    note_ja: str

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en

    def note_in(self, lang: str = "en") -> str:
        return self.note_ja if lang == "ja" else self.note


@dataclass(frozen=True)
class MembershipFee:
    """A membership's fees; `billing` "calendar" means invoiced each January (FIRST)."""

    key: str
    annual: Decimal
    joining: Decimal
    currency: str
    billing: str
    taxable: bool
    en: str
    ja: str
    note: str
    note_ja: str


@dataclass(frozen=True)
class AlwaysOn:
    shift_fte: Decimal
    shift_role: str
    soc_price: int
    note: str
    note_ja: str


PARAMS = ("bonus_months", "welfare_rate", "office_per_head", "pay_rise", "contingency",
          "tax_rate", "depreciation_years")


@dataclass(frozen=True)
class BudgetDefaults:
    note: str
    note_ja: str
    sources: tuple[str, ...]
    currency: str
    years: int
    fy_start_month: int
    fallback_rate: int
    roles: Mapping[str, RoleDefault]
    fx_rates: Mapping[str, Decimal]  # yen per unit of the currency
    presets: tuple[CostPreset, ...]
    params: Mapping[str, Param] = field(default_factory=dict)
    memberships: Mapping[str, MembershipFee] = field(default_factory=dict)
    always_on: AlwaysOn | None = None
    sources_ja: tuple[str, ...] = ()

    def sources_in(self, lang: str = "en") -> tuple[str, ...]:
        return self.sources_ja if lang == "ja" and self.sources_ja else self.sources


def _dec(value: Any, what: str) -> Decimal:
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise BudgetError(f"budget defaults: {what} must be a number, not {value!r}") from None
    if not d.is_finite() or d < 0:
        raise BudgetError(f"budget defaults: {what} must be a non-negative number")
    return d


def _int(value: Any, what: str, low: int = 0, high: int = 10**12) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BudgetError(f"budget defaults: {what} must be a whole number in {low}..{high}")
    return value


def parse_defaults(data: Any) -> BudgetDefaults:
    """Build defaults from decoded JSON; separate from loading so tests can feed bad data."""
    if not isinstance(data, dict):
        raise BudgetError("budget defaults: the file must hold a JSON object")
    try:
        roles = {
            str(k): RoleDefault(str(k), _int(r["rate"], f"rate of {k}"), str(r["en"]),
                                str(r["ja"]))
            for k, r in data["roles"].items()
        }
        presets = tuple(
            CostPreset(str(p["id"]), str(p["en"]), str(p["ja"]), CostCategory(p["category"]),
                       Expenditure(p["expenditure"]), bool(p["recurring"]),
                       str(p["currency"]).upper(), _dec(p["amount"], f"preset {p['id']}"))
            for p in data.get("presets", [])
        )
        params = {
            k: Param(k, _dec(p["value"], k), str(p["en"]), str(p["ja"]), str(p["note"]),
                     str(p.get("note_ja", p["note"])))
            for k, p in data["cost_model"].items()
        }
        missing = [k for k in PARAMS if k not in params]
        if missing:
            raise KeyError(missing[0])
        fees = {
            str(k): MembershipFee(str(k), _dec(f["annual"], f"{k} annual"),
                                  _dec(f["joining"], f"{k} joining"), str(f["currency"]).upper(),
                                  str(f["billing"]), bool(f["taxable"]), str(f["en"]),
                                  str(f["ja"]), str(f["note"]), str(f.get("note_ja", f["note"])))
            for k, f in data.get("memberships", {}).items()
        }
        ao = data["always_on"]
        always_on = AlwaysOn(_dec(ao["shift_fte"], "shift_fte"), str(ao["shift_role"]),
                             _int(ao["soc_price"], "soc_price"), str(ao["note"]),
                             str(ao.get("note_ja", ao["note"])))
        return BudgetDefaults(
            params=MappingProxyType(params),
            memberships=MappingProxyType(fees),
            always_on=always_on,
            sources_ja=tuple(str(s) for s in data.get("sources_ja", [])),
            note=str(data["note"]),
            note_ja=str(data.get("note_ja", data["note"])),
            sources=tuple(str(s) for s in data.get("sources", [])),
            currency=str(data.get("currency", "JPY")).upper(),
            years=_int(data["years"], "years", 1, 20),
            fy_start_month=_int(data["fy_start_month"], "fy_start_month", 1, 12),
            fallback_rate=_int(data["fallback_rate"], "fallback_rate"),
            roles=MappingProxyType(roles),
            fx_rates=MappingProxyType({str(k).upper(): _dec(v, f"FX rate {k}")
                                       for k, v in data["fx_rates"].items()}),
            presets=presets,
        )
    except KeyError as exc:
        raise BudgetError(f"budget defaults: missing field {exc.args[0]!r}") from None
    except (TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, BudgetError):
            raise
        raise BudgetError(f"budget defaults: {exc}") from None


@lru_cache(maxsize=1)
def load_defaults() -> BudgetDefaults:
    node = resource("budget", "defaults.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BudgetError(msg("budget.defaults_missing")) from None
    except (OSError, ValueError) as exc:
        raise BudgetError(msg("budget.defaults_unreadable", detail=str(exc))) from None
    return parse_defaults(data)

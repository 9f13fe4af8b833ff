"""The shipped defaults: present, illustrative and labelled so, and validated on load."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from orgdesigner.budget import BudgetError, load_defaults
from orgdesigner.budget.defaults import parse_defaults
from orgdesigner.model import CostCategory
from orgdesigner.paths import resource


def test_defaults_are_labelled_illustrative_and_cite_their_sources() -> None:
    d = load_defaults()
    assert "illustrative" in d.note.lower() and "参考値" in d.note_ja
    assert any("ENISA" in s for s in d.sources) and any("FIRST" in s for s in d.sources)
    assert d.years == 3 and d.fy_start_month == 4 and d.currency == "JPY"
    assert set(d.params) >= {"bonus_months", "welfare_rate", "office_per_head", "pay_rise",
                             "contingency", "tax_rate", "depreciation_years"}
    for p in d.params.values():  # every input explains itself in both languages
        assert p.en and p.ja and p.note and p.note_ja
    assert d.sources_ja and len(d.sources_ja) == len(d.sources)
    assert {"manager", "analyst", "engineer", "coordinator", "shift_analyst"} <= set(d.roles)
    assert d.fx_rates["USD"] > 0 and d.fx_rates["EUR"] > 0


def test_loaded_cost_is_a_large_japanese_company_figure() -> None:
    """Base pay plus 3–5 months' bonus, ~16 % statutory welfare and a desk: a loaded analyst
    costs JPY 8–12M a year (above ENISA's EUR 40–60k, as the note says), a manager more."""
    d = load_defaults()
    p = {k: v.value for k, v in d.params.items()}
    assert 3 <= p["bonus_months"] <= 5 and Decimal("0.14") <= p["welfare_rate"] <= Decimal("0.17")

    def loaded(rate: int) -> Decimal:
        return rate * (12 + p["bonus_months"]) / 12 * (1 + p["welfare_rate"]) + p[
            "office_per_head"]

    assert Decimal(8_000_000) <= loaded(d.roles["analyst"].rate) <= Decimal(12_000_000)
    assert loaded(d.roles["manager"].rate) > loaded(d.roles["analyst"].rate)


def test_first_membership_preset_matches_first_fees() -> None:
    presets = {p.id: p for p in load_defaults().presets}
    assert presets["first-annual"].amount == 2800 and presets["first-annual"].recurring
    assert presets["first-once"].amount == 1000 and not presets["first-once"].recurring
    assert presets["first-annual"].category is CostCategory.MEMBERSHIPS


def test_bad_defaults_are_reported() -> None:
    data = json.loads(resource("budget", "defaults.json").read_text(encoding="utf-8"))
    broken = dict(data, roles={"x": {"rate": -5, "en": "x", "ja": "x"}})
    with pytest.raises(BudgetError, match="rate of x"):
        parse_defaults(broken)
    missing = dict(data, cost_model={k: v for k, v in data["cost_model"].items()
                                      if k != "welfare_rate"})
    with pytest.raises(BudgetError, match="welfare_rate"):
        parse_defaults(missing)
    with pytest.raises(BudgetError, match="category|not a valid"):
        parse_defaults(dict(data, presets=[dict(data["presets"][0], category="snacks")]))

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
    assert isinstance(d.multiplier, Decimal) and d.multiplier > 1
    assert {"manager", "analyst", "engineer", "coordinator", "shift_analyst"} <= set(d.roles)
    assert d.fx_rates["USD"] > 0 and d.fx_rates["EUR"] > 0


def test_loaded_rates_sit_in_the_enisa_range() -> None:
    """ENISA 2020: EUR 40–60k per staff member a year, loaded; an analyst should fit."""
    d = load_defaults()
    analyst_eur = d.roles["analyst"].rate * d.multiplier / d.fx_rates["EUR"]
    assert Decimal(40_000) <= analyst_eur <= Decimal(60_000)


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
    missing = {k: v for k, v in data.items() if k != "multiplier"}
    with pytest.raises(BudgetError, match="multiplier"):
        parse_defaults(missing)
    with pytest.raises(BudgetError, match="category|not a valid"):
        parse_defaults(dict(data, presets=[dict(data["presets"][0], category="snacks")]))

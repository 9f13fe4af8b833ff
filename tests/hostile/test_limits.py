"""The limits themselves: values quoted at most 80 characters, numeric ranges refused at
load, the budget never raising on what the loader accepts, and the linear checks."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.budget import compute_budget
from orgdesigner.formats import orgd
from orgdesigner.messages import QUOTE_LIMIT, msg
from orgdesigner.model import Design, Flow, FlowKind, InvalidValueError, Unit, UnitKind
from orgdesigner.model import validate as v
from orgdesigner.model.limits import RANGES, YEAR_HIGH, YEAR_LOW
from tests.hostile.corpus import chain


@given(st.text(min_size=0, max_size=3000))
def test_a_message_quotes_at_most_80_characters_of_a_value(value):
    for lang in ("en", "ja"):
        text = msg("value.not_enum", what="unit kind", value=value, hint="").text(lang)
        fixed = len(msg("value.not_enum", what="unit kind", value="", hint="").text(lang))
        assert len(text) <= fixed + QUOTE_LIMIT * 6 + 40  # repr can escape each character


def test_huge_numbers_and_containers_are_described_not_printed():
    text = msg("value.not_int", what="headcount", value=10 ** 5000)
    assert "digits" in text and len(text) < 120
    assert len(msg("value.not_list", what="functions", value=list(range(10 ** 5)))) < 200


def _budget_of(**budget) -> Design:
    d = Design()
    d.update_budget(**budget)
    return d


@settings(max_examples=60, deadline=None)
@given(amount=st.decimals(allow_nan=False, allow_infinity=False, min_value=0,
                          max_value=Decimal(10) ** 30, places=None),
       rate=st.integers(min_value=0, max_value=10 ** 30),
       multiplier=st.decimals(allow_nan=False, allow_infinity=False, min_value=0,
                              max_value=Decimal(10) ** 6),
       year=st.integers(min_value=-10, max_value=10 ** 5))
def test_budget_never_raises_on_what_the_loader_accepts(amount, rate, multiplier, year):
    """Either the value is refused with an InvalidValueError at load, or the budget of the
    design computes: never a Decimal overflow or a date past year 9999."""
    data = {"format": "orgdesigner", "version": 1,
            "units": [{"id": "cs", "name": "CSIRT", "kind": "csirt",
                       "plan": {"members": [{"name": "a", "role": "analyst"}]}}],
            "costs": [{"id": "k", "name": "k", "amounts": [str(amount)], "currency": "USD"}],
            "budget": {"first_year": year, "years": 20, "multiplier": str(multiplier),
                       "role_rates": {"analyst": rate}, "fx_rates": {"USD": "1000000"}}}
    try:
        design = orgd.loads(json.dumps(data))
    except orgd.LoadError as exc:
        assert len(str(exc)) < 400
        return
    assert compute_budget(design).grand_total >= 0


def test_ranges_refuse_zero_fx_and_absurd_years():
    with pytest.raises(InvalidValueError, match="FX rate"):
        _budget_of(fx_rates={"USD": "0"})
    for year in (YEAR_LOW - 1, YEAR_HIGH + 1, 9999):
        with pytest.raises(InvalidValueError, match="first fiscal year"):
            _budget_of(first_year=year)
    assert _budget_of(first_year=0).budget.first_year == 0
    assert v.money("1e3", "x") == Decimal(1000)
    with pytest.raises(InvalidValueError, match="decimal places"):
        v.money("1e-999999", "x")
    assert RANGES["fx_rate"].low > 0


def test_lone_surrogates_are_refused_in_every_text_and_id():
    d = Design()
    with pytest.raises(InvalidValueError, match="cannot be saved"):
        d.add_unit(Unit("u", "\ud800x", kind=UnitKind.SECTION))
    with pytest.raises(InvalidValueError, match="cannot be saved"):
        d.add_unit(Unit("\udfff", "ok", kind=UnitKind.SECTION))
    d.add_unit(Unit("u", "ok", kind=UnitKind.SECTION))
    with pytest.raises(InvalidValueError):
        d.update_unit("u", notes="a\udc80")


def test_duplicate_keys_and_long_numbers_are_refused():
    with pytest.raises(orgd.LoadError, match="appears twice"):
        orgd.loads('{"format": "orgdesigner", "version": 1, "version": 1}')
    with pytest.raises(orgd.LoadError, match="digits"):
        orgd.loads('{"format": "orgdesigner", "version": 1, "x": ' + "9" * 5000 + "}")


def test_a_deep_chain_loads_without_walking_the_chain_per_line(monkeypatch):
    """The loader checks reporting cycles once: a per-line walk of the chain above would
    call `reporting_path` once per flow."""
    calls = []
    monkeypatch.setattr(Design, "reporting_path", lambda self, u: calls.append(u) or [u])
    design = orgd.loads(json.dumps(chain(3000)))
    assert len(design.flows) == 3000 and calls == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30))
def test_the_linear_cycle_check_agrees_with_the_per_line_check(edges):
    """Adding reporting lines unchecked and calling `reporting_cycle()` once finds a cycle
    exactly when adding them one by one with the per-line check would refuse one."""
    fast, slow = Design(), Design()
    for d in (fast, slow):
        for i in range(12):
            d.add_unit(Unit(f"u{i}", f"U{i}", kind=UnitKind.SECTION))
    refused_cycle = False
    for n, (a, b) in enumerate(edges):
        if a == b:
            continue
        flow = Flow(f"f{n}", f"u{a}", f"u{b}", FlowKind.REPORTING)
        try:
            fast.add_flow(flow, check_cycle=False)
        except Exception:  # noqa: BLE001 - a second superior: refused by both alike
            continue
        try:
            slow.add_flow(Flow(f"f{n}", f"u{a}", f"u{b}", FlowKind.REPORTING))
        except Exception:  # noqa: BLE001
            refused_cycle = True
            break
    assert (fast.reporting_cycle() is not None) == refused_cycle

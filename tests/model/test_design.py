"""Invariants of the Design: ids, references, the reporting forest, values, events."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.model import (
    Company,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    DuplicateIdError,
    Flow,
    FlowKind,
    InvalidValueError,
    Member,
    ReportingCycleError,
    SecondSuperiorError,
    Unit,
    UnitKind,
    UnknownReferenceError,
    events,
)


def chain(n: int) -> Design:
    d = Design()
    for i in range(n):
        d.add_unit(Unit(f"u{i}", f"部署{i}"))
    for i in range(n - 1):
        d.add_flow(Flow(f"r{i}", f"u{i}", f"u{i + 1}", FlowKind.REPORTING))
    return d


def test_duplicate_ids_refused():
    d = chain(2)
    with pytest.raises(DuplicateIdError):
        d.add_unit(Unit("u0", "again"))
    with pytest.raises(DuplicateIdError):
        d.add_flow(Flow("r0", "u1", "u0", FlowKind.SUPPORT))


def test_flow_ends_must_exist_and_differ():
    d = chain(2)
    with pytest.raises(UnknownReferenceError, match="unknown unit 'nope'"):
        d.add_flow(Flow("f", "u0", "nope", FlowKind.COMMAND))
    with pytest.raises(InvalidValueError, match="same unit"):
        d.add_flow(Flow("f", "u0", "u0", FlowKind.COMMAND))


def test_reporting_cycle_refused_with_the_cycle_listed():
    d = chain(4)
    with pytest.raises(ReportingCycleError) as info:
        d.add_flow(Flow("back", "u3", "u0", FlowKind.REPORTING))
    assert info.value.cycle == ["u0", "u1", "u2", "u3", "u0"]
    assert "部署0" in str(info.value)
    assert "back" not in d.flows


def test_second_superior_refused_but_overlays_allowed():
    d = chain(3)
    with pytest.raises(SecondSuperiorError, match="already reports to"):
        d.add_flow(Flow("x", "u0", "u2", FlowKind.REPORTING))
    d.add_flow(Flow("y", "u2", "u0", FlowKind.COMMAND))  # overlays may form any graph
    d.add_flow(Flow("z", "u0", "u2", FlowKind.COMMAND))
    assert len(d.flows) == 4


def test_retyping_a_flow_to_reporting_checks_the_forest():
    d = chain(3)
    d.add_flow(Flow("c", "u2", "u0", FlowKind.COMMAND))
    with pytest.raises(ReportingCycleError):
        d.update_flow("c", kind=FlowKind.REPORTING)
    assert d.flows["c"].kind is FlowKind.COMMAND
    assert d.superior("u0") is None
    d.remove_flow("r0")
    d.update_flow("c", kind="reporting")
    assert d.superior("u0") == "u2"


def test_remove_unit_needs_its_flows_gone():
    d = chain(2)
    with pytest.raises(InvalidValueError, match="still has flows"):
        d.remove_unit("u0")


def test_values_are_validated():
    d = Design()
    with pytest.raises(InvalidValueError, match="did you mean 'department'"):
        d.add_unit(Unit("a", "A", kind="departmnt"))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="needs a name"):
        d.add_unit(Unit("a", "  "))
    with pytest.raises(InvalidValueError, match="headcount"):
        d.add_unit(Unit("a", "A", headcount=-1))
    with pytest.raises(UnknownReferenceError, match="company"):
        d.add_unit(Unit("a", "A", company="nowhere"))
    d.add_unit(Unit("a", "A", kind=UnitKind.CSIRT))
    with pytest.raises(InvalidValueError, match="FTE"):
        d.set_plan("a", CsirtPlan([Member("m", fte=1.5)]))
    with pytest.raises(InvalidValueError, match="no field"):
        d.update_unit("a", colour="red")


def test_events_fire_only_on_change():
    d = chain(2)
    seen: list[events.Event] = []
    d.events.subscribe(seen.append)
    d.update_unit("u0", name="部署0")  # unchanged
    assert seen == []
    d.update_unit("u0", name="経営層", headcount=3)
    assert [e.type for e in seen] == [events.UNIT_CHANGED]
    assert set(seen[0].fields) == {"name", "headcount"}
    assert seen[0].old == {"name": "部署0", "headcount": 0}


def test_company_removal_requires_empty_company():
    d = Design()
    d.add_company(Company("c", "本社"))
    d.add_unit(Unit("u", "部", company="c"))
    with pytest.raises(InvalidValueError, match="still holds"):
        d.remove_company("c")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["f1", "f2", "f4", "u3", "k5", "f7", "c6"]), unique=True),
       st.sampled_from(["f", "u", "k"]), st.integers(0, 8), st.integers(0, 3))
def test_new_ids_are_what_as_many_new_id_calls_give(taken, prefix, count, before):
    """`new_ids` (an import's flow ids, drawn in one go) = `count` calls of `new_id`."""
    def design() -> Design:
        d = Design()
        for i, key in enumerate(taken):
            kind = key[0]
            if kind == "c":
                d.add_company(Company(key, "C"))
            elif kind == "k":
                d.add_cost(CostItem(key, "cost", CostCategory.TOOLS))
            else:
                d.add_unit(Unit(key, f"u{i}"))
        for _ in range(before):
            d.new_id(prefix)
        return d

    one, many = design(), design()
    assert many.new_ids(prefix, count) == [one.new_id(prefix) for _ in range(count)]
    assert many.new_id(prefix) == one.new_id(prefix)  # the counter moved on alike


def test_new_id_is_unique_across_id_spaces():
    d = chain(2)
    d.add_company(Company("u2", "weird id"))
    assert d.new_id("u") == "u3"
    assert d.new_id("u") == "u4"

"""Scenarios: the current organisation (現状) and named proposals in one document.

Every scenario is a full design. The open `Design` always *is* the active scenario (so the
canvas, the docks, the checker and the exports need to know nothing about scenarios); the
others are kept as snapshots in `design.scenarios`. Switching applies the minimal edit
between the two (`diff.diff_ops`) to the open design, as an undoable operation like any
other; so are adding, renaming, reordering and deleting scenarios. The baseline always
comes first and cannot be deleted. Proposals copy the baseline's unit ids, so the
comparison can tell which units are the same.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..messages import msg
from . import events as ev
from .design import Design
from .errors import InvalidValueError, UnknownReferenceError
from .ops import Batch, Op

BASELINE = "baseline"
SCENARIOS_CHANGED = "scenarios_changed"
_NAMES = {"en": "Current organisation", "ja": "現状"}


@dataclass
class Scenario:
    id: str
    name: str = ""
    based_on: str = ""  # the scenario this one was created from
    recommended: bool = False
    design: Design | None = None  # None while this scenario is the open design

    def display_name(self, lang: str = "en") -> str:
        if self.name:
            return self.name
        return _NAMES["ja" if lang == "ja" else "en"] if self.id == BASELINE else self.id


class ScenarioSet:
    """The scenarios of one document, baseline first, and which one is open."""

    def __init__(self) -> None:
        self.items: list[Scenario] = [Scenario(BASELINE)]
        self.active = BASELINE

    def __deepcopy__(self, memo: dict) -> ScenarioSet:
        out = ScenarioSet()
        out.items = copy.deepcopy(self.items, memo)
        out.active = self.active
        return out

    @property
    def proposals(self) -> list[Scenario]:
        return self.items[1:]

    def ids(self) -> list[str]:
        return [s.id for s in self.items]

    def get(self, sid: str) -> Scenario:
        for s in self.items:
            if s.id == sid:
                return s
        raise UnknownReferenceError(msg("scenario.unknown", key=sid))

    def index(self, sid: str) -> int:
        return self.ids().index(self.get(sid).id)

    def recommended(self) -> Scenario | None:
        return next((s for s in self.items if s.recommended), None)

    def new_id(self) -> str:
        n = 1
        while f"p{n}" in self.ids():
            n += 1
        return f"p{n}"


def scenarios_of(design: Design) -> ScenarioSet:
    sset = design.scenarios
    if sset is None:
        sset = design.scenarios = ScenarioSet()
    return sset


def design_of(design: Design, sid: str) -> Design:
    """The design of scenario `sid` of the open document `design` (itself when active)."""
    sset = scenarios_of(design)
    s = sset.get(sid)
    return design if s.id == sset.active else s.design  # type: ignore[return-value]


def list_scenarios(design: Design) -> list[tuple[Scenario, Design]]:
    """Every scenario with its design, baseline first (the API the approval deck uses)."""
    return [(s, design_of(design, s.id)) for s in scenarios_of(design).items]


def find(design: Design, key: str) -> Scenario:
    """A scenario by id, by name, or by position (1 = baseline); for the command line."""
    sset = scenarios_of(design)
    for s in sset.items:
        if key in (s.id, s.name) or key.casefold() in (s.display_name("en").casefold(),
                                                      s.display_name("ja")):
            return s
    if key.isdigit() and 1 <= int(key) <= len(sset.items):
        return sset.items[int(key) - 1]
    raise UnknownReferenceError(msg("scenario.unknown", key=key))


def snapshot(design: Design) -> Design:
    """A copy of the design's contents without its scenarios (a proposal's starting point).

    Entities are copied one level deep (their fields are immutable values, except a CSIRT
    plan and a cost item's amounts, which are copied too): ten times faster than
    `Design.copy`'s deepcopy, which matters for a 5,000-unit group's options."""
    out = Design(copy.copy(design.metadata))
    out.budget = copy.deepcopy(design.budget)
    out.process = dict(design.process)
    for name in ("_companies", "_units", "_flows", "_costs"):
        getattr(out, name).items = {k: _clone(v) for k, v in getattr(design, name).items.items()}
    for u in out.units.values():
        if u.plan is not None:
            u.plan = copy.deepcopy(u.plan)
    for c in out.costs.values():
        c.amounts = list(c.amounts)
    out._superior = dict(design._superior)
    out._by_unit = {k: set(v) for k, v in design._by_unit.items()}
    out._counters = dict(design._counters)
    return out


def _clone(obj: Any) -> Any:
    """A shallow copy of a dataclass instance (what `copy.copy` does, without its detours)."""
    out = object.__new__(type(obj))
    out.__dict__.update(obj.__dict__)
    return out


def _copy(scenario: Scenario) -> Scenario:
    """The scenario with a design of its own: `snapshot` (entities copied one level deep)
    rather than a deepcopy, which took seconds per proposal of a 50,000-unit group; a
    design that has scenarios of its own (which `snapshot` leaves out) is deep-copied."""
    d = scenario.design
    if d is None or d.scenarios is not None:
        return copy.deepcopy(scenario)
    out = copy.copy(scenario)
    out.design = snapshot(d)
    return out


def _changed(design: Design, sid: str = "") -> None:
    design.events.emit(ev.Event(SCENARIOS_CHANGED, sid))


@dataclass
class AddScenario(Op):
    scenario: Scenario
    index: int | None = None

    def apply(self, design: Design) -> Op:
        sset = scenarios_of(design)
        s = _copy(self.scenario)
        if s.id in sset.ids() or not s.id:
            raise InvalidValueError(msg("scenario.dup_id", id=s.id))
        if s.design is None:
            raise InvalidValueError(msg("scenario.needs_design"))
        index = len(sset.items) if self.index is None else max(1, self.index)
        sset.items.insert(index, s)
        _changed(design, s.id)
        return RemoveScenario(s.id)


@dataclass
class RemoveScenario(Op):
    scenario_id: str

    def apply(self, design: Design) -> Op:
        sset = scenarios_of(design)
        s = sset.get(self.scenario_id)
        if s.id == BASELINE or s.id == sset.active:
            raise InvalidValueError(msg("scenario.keep_baseline"))
        index = sset.index(s.id)
        sset.items.pop(index)
        _changed(design, s.id)
        return AddScenario(s, index)


@dataclass
class UpdateScenario(Op):
    scenario_id: str
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        s = scenarios_of(design).get(self.scenario_id)
        old = {}
        for key, value in self.changes.items():
            if key not in ("name", "recommended"):
                raise InvalidValueError(msg("scenario.no_field", name=key))
            if key == "name":
                value = str(value).strip()
                if len(value) > 200:
                    raise InvalidValueError(msg("scenario.long_name"))
            if getattr(s, key) != value:
                old[key] = getattr(s, key)
                setattr(s, key, value)
        if old:
            _changed(design, s.id)
        return UpdateScenario(s.id, old)


@dataclass
class MoveScenario(Op):
    scenario_id: str
    index: int

    def apply(self, design: Design) -> Op:
        sset = scenarios_of(design)
        s = sset.get(self.scenario_id)
        old = sset.index(s.id)
        if s.id == BASELINE or self.index < 1 or self.index >= len(sset.items):
            raise InvalidValueError(msg("scenario.baseline_first"))
        if old != self.index:
            sset.items.pop(old)
            sset.items.insert(self.index, s)
            _changed(design, s.id)
        return MoveScenario(s.id, old)


@dataclass
class SwitchScenario(Op):
    """Make `scenario_id` the open design; its inverse switches back."""

    scenario_id: str

    def apply(self, design: Design) -> Op:
        from .diff import diff_ops

        sset = scenarios_of(design)
        target = sset.get(self.scenario_id)
        current = sset.get(sset.active)
        if target is current:
            return SwitchScenario(current.id)
        assert target.design is not None
        stored = snapshot(design)
        diff_ops(design, target.design).apply(design)
        current.design, target.design = stored, None
        sset.active = target.id
        _changed(design, target.id)
        return SwitchScenario(current.id)


def create(design: Design, name: str, source: str | None = None,
           proposal: Design | None = None) -> Batch:
    """The operation that adds a proposal named `name`: a copy of scenario `source` (the open
    one by default), or `proposal` when given (the options generator's designs)."""
    sset = scenarios_of(design)
    base = proposal if proposal is not None else snapshot(design_of(design, source or sset.active))
    base.scenarios = None
    s = Scenario(sset.new_id(), name, based_on=source or sset.active, design=base)
    return Batch([AddScenario(s)], "New scenario")


def recommend(design: Design, sid: str | None) -> Batch:
    """Mark `sid` as the recommended proposal (and no other); None clears the mark."""
    return Batch([UpdateScenario(s.id, {"recommended": s.id == sid})
                  for s in scenarios_of(design).items if s.recommended != (s.id == sid)],
                 "Recommend")

"""The Design: the document, its invariants, and the only place its parts are mutated.

Invariants kept on every edit (each refusal raises a `ModelError` subclass naming the cause):
- ids are unique within units, flows, companies and cost items;
- flows reference existing units and never loop on one unit;
- `reporting` flows form a forest: at most one superior per unit, no cycles;
- a unit's company exists; member FTE lies within 0–1.
Setters validate first and emit an `Event` only when something actually changed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from ..messages import Name, Seq, msg
from . import events as ev
from . import validate as v
from .entities import BudgetInputs, Company, CostItem, CsirtPlan, Flow, Metadata, Unit
from .enums import (
    FlowKind,
    ProcessStatus,
    UnitKind,
)
from .errors import (
    DuplicateIdError,
    InvalidValueError,
    ReportingCycleError,
    SecondSuperiorError,
    UnknownReferenceError,
)
from .fields import (
    _BUDGET_FIELDS,
    _COMPANY_FIELDS,
    _COST_FIELDS,
    _FLOW_FIELDS,
    _METADATA_FIELDS,
    _UNIT_FIELDS,
    clean_fields,
    clean_plan,
)
from .process import STEP_KEYS


class _Ordered:
    """An id → item map that also keeps (and can restore) the position of each item."""

    def __init__(self) -> None:
        self.items: dict[str, Any] = {}

    def insert(self, key: str, item: Any, index: int | None) -> None:
        if index is None or index >= len(self.items):
            self.items[key] = item
            return
        pairs = list(self.items.items())
        pairs.insert(max(index, 0), (key, item))
        self.items = dict(pairs)

    def pop(self, key: str) -> tuple[Any, int]:
        last = next(reversed(self.items))
        index = len(self.items) - 1 if key == last else list(self.items).index(key)
        return self.items.pop(key), index


class Design:
    def __init__(self, metadata: Metadata | None = None) -> None:
        self.metadata = metadata or Metadata()
        self.budget = BudgetInputs()
        self.process: dict[str, ProcessStatus] = {}
        self.events = ev.Emitter()
        self._companies = _Ordered()
        self._units = _Ordered()
        self._flows = _Ordered()
        self._costs = _Ordered()
        self._superior: dict[str, str] = {}  # unit id → id of its reporting flow
        self._by_unit: dict[str, set[str]] = {}  # unit id → ids of flows touching it
        self._counters: dict[str, int] = {}
        #: The document's scenarios (`model.scenarios.ScenarioSet`), made on first use.
        self.scenarios: Any = None

    # ---- read access ---------------------------------------------------------------
    @property
    def companies(self) -> dict[str, Company]:
        return self._companies.items

    @property
    def units(self) -> dict[str, Unit]:
        return self._units.items

    @property
    def flows(self) -> dict[str, Flow]:
        return self._flows.items

    @property
    def costs(self) -> dict[str, CostItem]:
        return self._costs.items

    def unit(self, unit_id: str) -> Unit:
        try:
            return self.units[unit_id]
        except KeyError:
            raise UnknownReferenceError(msg("design.no_unit", id=unit_id)) from None

    def superior(self, unit_id: str) -> str | None:
        """The id of the unit that `unit_id` reports to, if any."""
        fid = self._superior.get(unit_id)
        return self.flows[fid].source if fid else None

    def reporting_flow(self, unit_id: str) -> str | None:
        """The id of the reporting flow into `unit_id`, if any."""
        return self._superior.get(unit_id)

    def reporting_path(self, unit_id: str) -> list[str]:
        """The unit and its superiors up to the root of its reporting tree."""
        path = [unit_id]
        seen = {unit_id}
        while (up := self.superior(path[-1])) is not None and up not in seen:
            path.append(up)
            seen.add(up)
        return path

    def flow_ids_at(self, unit_id: str) -> AbstractSet[str]:
        """Ids of the flows with `unit_id` at either end, unordered (the design's own set,
        not a copy: a CSIRT of a large group has 25,000 of them; read it, do not keep it)."""
        return self._by_unit.get(unit_id, frozenset())

    def csirts(self) -> list[Unit]:
        """The CSIRT units, in design order (kept between calls: the checker and the budget
        ask many times per edit, and at 50,000 units each scan took ~10 ms)."""
        found = self.__dict__.get("_csirts")
        if found is None:
            found = self._csirts = [u for u in self.units.values() if u.kind is UnitKind.CSIRT]
        return list(found)

    def units_changed(self) -> None:
        """Units were added, removed or re-kinded: what is kept about them is measured again
        (bulk loaders that fill `units` directly call this)."""
        self._csirts: list[Unit] | None = None

    def units_in(self, company_id: str) -> Iterator[Unit]:
        return (u for u in self.units.values() if u.company == company_id)

    def new_id(self, prefix: str) -> str:
        """A fresh id such as `u12`, unique across every id space of the design."""
        n = self._counters.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}{n}"
            if not self._id_taken(candidate):
                self._counters[prefix] = n
                return candidate

    def new_ids(self, prefix: str, count: int) -> list[str]:
        """`count` fresh ids: what `count` calls of `new_id` give with nothing added between
        (an import draws an id for each of 77,000 flows before adding them)."""
        n = self._counters.get(prefix, 0)
        units, flows, companies, costs = self.units, self.flows, self.companies, self.costs
        out: list[str] = []
        while len(out) < count:
            n += 1
            candidate = f"{prefix}{n}"
            if not (candidate in units or candidate in flows or candidate in companies
                    or candidate in costs):
                out.append(candidate)
        if out:
            self._counters[prefix] = n
        return out

    def _id_taken(self, key: str) -> bool:
        return key in self.units or key in self.flows or key in self.companies or key in self.costs

    # ---- companies ------------------------------------------------------------------
    def add_company(self, company: Company, index: int | None = None) -> None:
        cid = v.ident(company.id, "company id")
        if cid in self.companies:
            raise DuplicateIdError(msg("design.dup_company", id=cid))
        fields = {k: getattr(company, k) for k in _COMPANY_FIELDS}
        clean = Company(id=cid, **clean_fields(_COMPANY_FIELDS, fields, "company"))
        self._companies.insert(cid, clean, index)
        self.events.emit(ev.Event(ev.COMPANY_ADDED, cid))

    def remove_company(self, company_id: str) -> tuple[Company, int]:
        if company_id not in self.companies:
            raise UnknownReferenceError(msg("design.no_company", id=company_id))
        members = [u.id for u in self.units_in(company_id)]
        if members:
            raise InvalidValueError(
                msg("design.company_not_empty", id=company_id, count=len(members)))
        company, index = self._companies.pop(company_id)
        self.events.emit(ev.Event(ev.COMPANY_REMOVED, company_id))
        return company, index

    def update_company(self, company_id: str, **changes: Any) -> dict[str, Any]:
        if company_id not in self.companies:
            raise UnknownReferenceError(msg("design.no_company", id=company_id))
        return self._update(self.companies[company_id], _COMPANY_FIELDS, changes, "company",
                            ev.COMPANY_CHANGED)

    # ---- units ------------------------------------------------------------------------
    def add_unit(self, unit: Unit, index: int | None = None) -> None:
        uid = v.ident(unit.id, "unit id")
        if uid in self.units:
            raise DuplicateIdError(msg("design.dup_unit", id=uid))
        fields = {k: getattr(unit, k) for k in _UNIT_FIELDS}
        clean = Unit(id=uid, **clean_fields(_UNIT_FIELDS, fields, "unit"))
        if not (clean.name.strip() or clean.name_en.strip()):
            raise InvalidValueError(msg("design.unit_needs_name", id=uid))
        if clean.company and clean.company not in self.companies:
            raise UnknownReferenceError(msg("design.unit_unknown_company", id=uid,
                                              company=clean.company))
        clean.plan = clean_plan(unit.plan) if unit.plan is not None else None
        self._units.insert(uid, clean, index)
        self.units_changed()
        self.events.emit(ev.Event(ev.UNIT_ADDED, uid))

    def remove_unit(self, unit_id: str) -> tuple[Unit, int]:
        """Remove a unit that no flow touches (remove its flows first; see ops)."""
        self.unit(unit_id)
        if self._by_unit.get(unit_id):
            raise InvalidValueError(msg("design.unit_has_flows", id=unit_id))
        unit, index = self._units.pop(unit_id)
        self.units_changed()
        self._by_unit.pop(unit_id, None)
        self.events.emit(ev.Event(ev.UNIT_REMOVED, unit_id))
        return unit, index

    def update_unit(self, unit_id: str, **changes: Any) -> dict[str, Any]:
        """Apply changes; returns the old values of the fields that changed."""
        unit = self.unit(unit_id)
        clean = clean_fields(_UNIT_FIELDS, changes, "unit")
        name = clean.get("name", unit.name)
        name_en = clean.get("name_en", unit.name_en)
        if not (name.strip() or name_en.strip()):
            raise InvalidValueError(msg("design.unit_needs_name", id=unit_id))
        if clean.get("company") and clean["company"] not in self.companies:
            raise UnknownReferenceError(msg("design.no_company", id=clean["company"]))
        if "kind" in clean:
            self.units_changed()
        return self._update(unit, _UNIT_FIELDS, clean, "unit", ev.UNIT_CHANGED, cleaned=True)

    def set_plan(self, unit_id: str, plan: CsirtPlan | None) -> CsirtPlan | None:
        """Replace a unit's CSIRT plan; returns the previous one."""
        unit = self.unit(unit_id)
        clean = clean_plan(plan) if plan is not None else None
        old = unit.plan
        if clean != old:
            unit.plan = clean
            self.events.emit(ev.Event(ev.PLAN_CHANGED, unit_id))
        return copy.deepcopy(old)

    # ---- flows ------------------------------------------------------------------------
    def add_flow(self, flow: Flow, index: int | None = None, *, check_cycle: bool = True) -> None:
        """Add a flow. A loader adding thousands of reporting lines passes
        `check_cycle=False` and calls `reporting_cycle()` once at the end: checking each
        line walks the chain above it, which is quadratic on a 40,000-deep chain."""
        fid = v.ident(flow.id, "flow id")
        if fid in self.flows:
            raise DuplicateIdError(msg("design.dup_flow", id=fid))
        fields = {k: getattr(flow, k) for k in _FLOW_FIELDS}
        clean = Flow(id=fid, **clean_fields(_FLOW_FIELDS, fields, "flow"))
        self._check_flow(clean, check_cycle)
        self._flows.insert(fid, clean, index)
        self._attach(clean)
        self.events.emit(ev.Event(ev.FLOW_ADDED, fid))

    def remove_flow(self, flow_id: str) -> tuple[Flow, int]:
        if flow_id not in self.flows:
            raise UnknownReferenceError(msg("design.no_flow", id=flow_id))
        flow, index = self._flows.pop(flow_id)
        self._detach(flow)
        self.events.emit(ev.Event(ev.FLOW_REMOVED, flow_id))
        return flow, index

    def update_flow(self, flow_id: str, **changes: Any) -> dict[str, Any]:
        if flow_id not in self.flows:
            raise UnknownReferenceError(msg("design.no_flow", id=flow_id))
        flow = self.flows[flow_id]
        clean = clean_fields(_FLOW_FIELDS, changes, "flow")
        candidate = Flow(**{**flow.__dict__, **clean})
        self._detach(flow)
        try:
            self._check_flow(candidate)
        except Exception:
            self._attach(flow)
            raise
        return self._update(flow, _FLOW_FIELDS, clean, "flow", ev.FLOW_CHANGED, cleaned=True,
                            before_emit=lambda: self._attach(flow))

    def _check_flow(self, flow: Flow, check_cycle: bool = True) -> None:
        for end in (flow.source, flow.target):
            if end not in self.units:
                raise UnknownReferenceError(msg("design.flow_unknown_unit", id=flow.id, unit=end))
        if flow.source == flow.target:
            raise InvalidValueError(msg("design.flow_loop", id=flow.id))
        if flow.kind is not FlowKind.REPORTING:
            return
        sup = self.superior(flow.target)
        if sup is not None:
            raise SecondSuperiorError(msg("design.second_superior", child=self._name(flow.target),
                                          superior=self._name(sup)))
        if not check_cycle:
            return
        path = self.reporting_path(flow.source)
        if flow.target in path:
            cycle = path[: path.index(flow.target) + 1][::-1] + [flow.target]
            names = Seq((self._name(u) for u in cycle), " → ")
            raise ReportingCycleError(msg("design.cycle", names=names), cycle)

    def reporting_cycle(self) -> ReportingCycleError | None:
        """The error for a cycle of reporting lines, if there is one (linear in the units)."""
        done: set[str] = set()
        line_into, flows = self._superior, self.flows
        for start in self._superior:
            if start in done:
                continue
            path: list[str] = []
            on_path: set[str] = set()
            u: str | None = start
            while u is not None and u not in done:
                if u in on_path:
                    cycle = path[path.index(u):][::-1] + [path[-1]]
                    names = Seq((self._name(x) for x in cycle[:12]), " → ")
                    return ReportingCycleError(msg("design.cycle", names=names), cycle)
                path.append(u)
                on_path.add(u)
                fid = line_into.get(u)  # self.superior(u), inline: 50,000 calls on a load
                u = flows[fid].source if fid else None
            done.update(path)
        return None

    def _name(self, unit_id: str) -> str:
        u = self.units.get(unit_id)
        if u:
            return msg("quote.name", value=Name(u.name, u.name_en))  # each reader's own
        return msg("quote.repr", value=unit_id)

    def _attach(self, flow: Flow) -> None:
        self._by_unit.setdefault(flow.source, set()).add(flow.id)
        self._by_unit.setdefault(flow.target, set()).add(flow.id)
        if flow.kind is FlowKind.REPORTING:
            self._superior[flow.target] = flow.id

    def _detach(self, flow: Flow) -> None:
        for end in (flow.source, flow.target):
            s = self._by_unit.get(end)
            if s is not None:
                s.discard(flow.id)
        if self._superior.get(flow.target) == flow.id:
            del self._superior[flow.target]

    # ---- costs, process, metadata, budget inputs ---------------------------------------
    def add_cost(self, item: CostItem, index: int | None = None) -> None:
        cid = v.ident(item.id, "cost item id")
        if cid in self.costs:
            raise DuplicateIdError(msg("design.dup_cost", id=cid))
        fields = {k: getattr(item, k) for k in _COST_FIELDS}
        self._costs.insert(cid, CostItem(id=cid, **clean_fields(_COST_FIELDS, fields, "cost item")),
                           index)
        self.events.emit(ev.Event(ev.COST_ADDED, cid))

    def remove_cost(self, cost_id: str) -> tuple[CostItem, int]:
        if cost_id not in self.costs:
            raise UnknownReferenceError(msg("design.no_cost", id=cost_id))
        item, index = self._costs.pop(cost_id)
        self.events.emit(ev.Event(ev.COST_REMOVED, cost_id))
        return item, index

    def update_cost(self, cost_id: str, **changes: Any) -> dict[str, Any]:
        if cost_id not in self.costs:
            raise UnknownReferenceError(msg("design.no_cost", id=cost_id))
        return self._update(self.costs[cost_id], _COST_FIELDS, changes, "cost item",
                            ev.COST_CHANGED)

    def set_process(self, step: str, status: ProcessStatus | str) -> ProcessStatus:
        if step not in STEP_KEYS:
            raise InvalidValueError(msg("design.not_step", step=step))
        new = v.enum_value(ProcessStatus, status, "process status")
        old = self.process.get(step, ProcessStatus.NOT_STARTED)
        if new is not old:
            if new is ProcessStatus.NOT_STARTED:
                self.process.pop(step, None)
            else:
                self.process[step] = new
            self.events.emit(ev.Event(ev.PROCESS_CHANGED, step))
        return old

    def update_metadata(self, **changes: Any) -> dict[str, Any]:
        return self._update(self.metadata, _METADATA_FIELDS, changes, "metadata",
                            ev.METADATA_CHANGED)

    def update_budget(self, **changes: Any) -> dict[str, Any]:
        return self._update(self.budget, _BUDGET_FIELDS, changes, "budget inputs",
                            ev.BUDGET_CHANGED)

    # ---- shared -------------------------------------------------------------------------
    def _update(self, obj: Any, table: dict, changes: dict[str, Any], what: str, event: str,
                cleaned: bool = False, before_emit: Any = None) -> dict[str, Any]:
        clean = changes if cleaned else clean_fields(table, changes, what)
        old = {k: getattr(obj, k) for k, val in clean.items() if getattr(obj, k) != val}
        for k in old:
            setattr(obj, k, clean[k])
        if before_emit is not None:
            before_emit()
        if old:
            self.events.emit(ev.Event(event, getattr(obj, "id", ""), tuple(old), dict(old)))
        return old

    # ---- whole-design helpers -----------------------------------------------------------
    def copy(self) -> Design:
        """A deep copy without listeners."""
        listeners = self.events
        self.events = ev.Emitter()
        try:
            return copy.deepcopy(self)
        finally:
            self.events = listeners

    def roots(self) -> list[str]:
        """Units without a reporting superior, in design order."""
        return [uid for uid in self.units if uid not in self._superior]

    def children(self) -> dict[str, list[str]]:
        """Reporting subordinates of every unit, in flow order."""
        out: dict[str, list[str]] = {}
        for f in self.flows.values():
            if f.kind is FlowKind.REPORTING:
                out.setdefault(f.source, []).append(f.target)
        return out

    def summary(self) -> dict[str, Any]:
        def count(items: Iterable[str]) -> dict[str, int]:
            out: dict[str, int] = {}
            for k in items:
                out[k] = out.get(k, 0) + 1
            return out

        return {
            "companies": len(self.companies),
            "units": count(u.kind.value for u in self.units.values()),
            "flows": count(f.kind.value for f in self.flows.values()),
        }

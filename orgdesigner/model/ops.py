"""Model operations: each edit as a small object whose `apply` returns its inverse.

The GUI wraps a list of operations in one undo command (redo applies them, undo applies the
inverses in reverse order), and the checker's quick fixes are expressed as operations too,
so every change to a design — by hand, by a fix, by an import merge — is undoable the same
way and never touches the view.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from .design import Design
from .entities import Company, CostItem, CsirtPlan, Flow, Unit
from .enums import ProcessStatus


class Op:
    def apply(self, design: Design) -> Op:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class AddUnit(Op):
    unit: Unit
    index: int | None = None

    def apply(self, design: Design) -> Op:
        design.add_unit(copy.deepcopy(self.unit), self.index)
        return RemoveUnit(self.unit.id)


@dataclass
class RemoveUnit(Op):
    unit_id: str

    def apply(self, design: Design) -> Op:
        unit, index = design.remove_unit(self.unit_id)
        return AddUnit(unit, index)


@dataclass
class UpdateUnit(Op):
    unit_id: str
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        return UpdateUnit(self.unit_id, design.update_unit(self.unit_id, **self.changes))


@dataclass
class SetPlan(Op):
    unit_id: str
    plan: CsirtPlan | None

    def apply(self, design: Design) -> Op:
        return SetPlan(self.unit_id, design.set_plan(self.unit_id, copy.deepcopy(self.plan)))


@dataclass
class AddFlow(Op):
    flow: Flow
    index: int | None = None

    def apply(self, design: Design) -> Op:
        design.add_flow(copy.deepcopy(self.flow), self.index)
        return RemoveFlow(self.flow.id)


@dataclass
class RemoveFlow(Op):
    flow_id: str

    def apply(self, design: Design) -> Op:
        flow, index = design.remove_flow(self.flow_id)
        return AddFlow(flow, index)


@dataclass
class UpdateFlow(Op):
    flow_id: str
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        return UpdateFlow(self.flow_id, design.update_flow(self.flow_id, **self.changes))


@dataclass
class AddCompany(Op):
    company: Company
    index: int | None = None

    def apply(self, design: Design) -> Op:
        design.add_company(copy.deepcopy(self.company), self.index)
        return RemoveCompany(self.company.id)


@dataclass
class RemoveCompany(Op):
    company_id: str

    def apply(self, design: Design) -> Op:
        company, index = design.remove_company(self.company_id)
        return AddCompany(company, index)


@dataclass
class UpdateCompany(Op):
    company_id: str
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        old = design.update_company(self.company_id, **self.changes)
        return UpdateCompany(self.company_id, old)


@dataclass
class AddCost(Op):
    item: CostItem
    index: int | None = None

    def apply(self, design: Design) -> Op:
        design.add_cost(copy.deepcopy(self.item), self.index)
        return RemoveCost(self.item.id)


@dataclass
class RemoveCost(Op):
    cost_id: str

    def apply(self, design: Design) -> Op:
        item, index = design.remove_cost(self.cost_id)
        return AddCost(item, index)


@dataclass
class UpdateCost(Op):
    cost_id: str
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        return UpdateCost(self.cost_id, design.update_cost(self.cost_id, **self.changes))


@dataclass
class SetProcess(Op):
    step: str
    status: ProcessStatus

    def apply(self, design: Design) -> Op:
        return SetProcess(self.step, design.set_process(self.step, self.status))


@dataclass
class UpdateMetadata(Op):
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        return UpdateMetadata(design.update_metadata(**self.changes))


@dataclass
class UpdateBudget(Op):
    changes: dict[str, Any]

    def apply(self, design: Design) -> Op:
        return UpdateBudget(design.update_budget(**self.changes))


@dataclass
class Batch(Op):
    """Several operations applied as one: all succeed, or none is left applied."""

    ops: list[Op] = field(default_factory=list)
    text: str = ""

    def apply(self, design: Design) -> Op:
        done: list[Op] = []
        try:
            for op in self.ops:
                done.append(op.apply(design))
        except Exception:
            for inverse in reversed(done):
                inverse.apply(design)
            raise
        return Batch(list(reversed(done)), self.text)


def remove_units(design: Design, unit_ids: list[str], text: str = "Delete") -> Batch:
    """Remove units with every flow that touches them (flows first, so the batch applies)."""
    doomed = set(unit_ids)
    ops: list[Op] = [RemoveFlow(f.id) for f in design.flows.values()
                     if f.source in doomed or f.target in doomed]
    ops += [RemoveUnit(uid) for uid in unit_ids if uid in design.units]
    return Batch(ops, text)


def remove_company(design: Design, company_id: str, text: str = "Delete company") -> Batch:
    """Remove a company frame; its units stay in the design, no longer in any company."""
    ops: list[Op] = [UpdateUnit(u.id, {"company": ""}) for u in design.units_in(company_id)]
    ops.append(RemoveCompany(company_id))
    return Batch(ops, text)


def move_units(design: Design, moves: dict[str, tuple[float, float]], text: str = "Move") -> Batch:
    return Batch([UpdateUnit(uid, {"x": x, "y": y}) for uid, (x, y) in moves.items()], text)

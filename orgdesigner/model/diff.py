"""The edit that turns one design into another, as undoable model operations.

`diff_ops(a, b)` is what switching scenarios applies to the open design (so the canvas and
every dock simply follow the model's events, and Undo switches back), and what the
comparison's "applying the diff to A gives B" property checks. Items are matched by id;
order is kept: items whose relative order differs are removed and re-added in place.
"""

from __future__ import annotations

import bisect
import copy
from typing import Any

from .design import Design
from .entities import Flow
from .enums import ProcessStatus
from .fields import _BUDGET_FIELDS, _COMPANY_FIELDS, _COST_FIELDS, _METADATA_FIELDS, _UNIT_FIELDS
from .ops import (
    AddCompany,
    AddCost,
    AddFlow,
    AddUnit,
    Batch,
    Op,
    RemoveCompany,
    RemoveCost,
    RemoveFlow,
    RemoveUnit,
    SetPlan,
    SetProcess,
    UpdateBudget,
    UpdateCompany,
    UpdateCost,
    UpdateFlow,
    UpdateMetadata,
    UpdateUnit,
)
from .process import STEP_KEYS


def out_of_order(a_ids: list[str], b_ids: list[str]) -> set[str]:
    """Common ids outside a longest run that is in the same order in both lists."""
    pos = {k: i for i, k in enumerate(b_ids)}
    seq = [(pos[k], k) for k in a_ids if k in pos]
    tails: list[int] = []
    tail_ix: list[int] = []
    prev: list[int] = [-1] * len(seq)
    for i, (p, _) in enumerate(seq):
        j = bisect.bisect_left(tails, p)
        if j == len(tails):
            tails.append(p)
            tail_ix.append(i)
        else:
            tails[j] = p
            tail_ix[j] = i
        prev[i] = tail_ix[j - 1] if j else -1
    keep: set[str] = set()
    i = tail_ix[-1] if tail_ix else -1
    while i >= 0:
        keep.add(seq[i][1])
        i = prev[i]
    return {k for _, k in seq if k not in keep}


def _changes(a: Any, b: Any, table: dict) -> dict[str, Any]:
    return {k: getattr(b, k) for k in table if getattr(a, k) != getattr(b, k)}


def _flow_key(f: Flow) -> tuple:
    return (f.source, f.target, f.kind)


def diff_ops(a: Design, b: Design, text: str = "") -> Batch:
    """Operations that, applied to `a`, make its contents equal to `b`'s."""
    ops: list[Op] = []
    readd_units = out_of_order(list(a.units), list(b.units))
    gone_units = {u for u in a.units if u not in b.units} | readd_units
    readd_flows = out_of_order(list(a.flows), list(b.flows))
    drop_flows = []
    for fid, f in a.flows.items():
        g = b.flows.get(fid)
        if (g is None or _flow_key(f) != _flow_key(g) or fid in readd_flows
                or f.source in gone_units or f.target in gone_units):
            drop_flows.append(fid)
    dropped = set(drop_flows)
    ops += [RemoveFlow(fid) for fid in drop_flows]
    ops += [RemoveUnit(uid) for uid in a.units if uid in gone_units]
    ops += [AddCompany(copy.deepcopy(c), i) for i, (cid, c) in enumerate(b.companies.items())
            if cid not in a.companies]
    for uid, u in a.units.items():
        if uid in gone_units:
            continue
        w = b.units[uid]
        changes = _changes(u, w, _UNIT_FIELDS)
        if changes:
            ops.append(UpdateUnit(uid, changes))
        if u.plan != w.plan:
            ops.append(SetPlan(uid, copy.deepcopy(w.plan)))
    ops += [AddUnit(copy.deepcopy(u), i) for i, (uid, u) in enumerate(b.units.items())
            if uid not in a.units or uid in gone_units]
    ops += [RemoveCompany(cid) for cid in a.companies if cid not in b.companies]
    for cid, c in a.companies.items():
        if cid in b.companies and (changes := _changes(c, b.companies[cid], _COMPANY_FIELDS)):
            ops.append(UpdateCompany(cid, changes))
    for fid, f in a.flows.items():
        if fid not in dropped and f.label != b.flows[fid].label:
            ops.append(UpdateFlow(fid, {"label": b.flows[fid].label}))
    ops += [AddFlow(copy.deepcopy(f), i) for i, (fid, f) in enumerate(b.flows.items())
            if fid in dropped or fid not in a.flows]
    ops += _cost_ops(a, b)
    if changes := _changes(a.metadata, b.metadata, _METADATA_FIELDS):
        ops.append(UpdateMetadata(changes))
    if changes := _changes(a.budget, b.budget, _BUDGET_FIELDS):
        ops.append(UpdateBudget(changes))
    for step in STEP_KEYS:
        old = a.process.get(step, ProcessStatus.NOT_STARTED)
        new = b.process.get(step, ProcessStatus.NOT_STARTED)
        if old is not new:
            ops.append(SetProcess(step, new))
    return Batch(ops, text)


def _cost_ops(a: Design, b: Design) -> list[Op]:
    readd = out_of_order(list(a.costs), list(b.costs))
    ops: list[Op] = [RemoveCost(cid) for cid in a.costs if cid not in b.costs or cid in readd]
    for cid, c in a.costs.items():
        if cid in b.costs and cid not in readd and (
                changes := _changes(c, b.costs[cid], _COST_FIELDS)):
            ops.append(UpdateCost(cid, changes))
    ops += [AddCost(copy.deepcopy(c), i) for i, (cid, c) in enumerate(b.costs.items())
            if cid not in a.costs or cid in readd]
    return ops

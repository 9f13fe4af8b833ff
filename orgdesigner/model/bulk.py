"""Adding the units and flows of a whole file at once, checked column by column.

Why: a file of 50,000 units and 77,000 flows spent most of its load in `add_unit` and
`add_flow` — one call per field per item, each building the item twice and announcing it
to no one. Here every check of `add_unit`/`add_flow` (and of the field tables they use) runs
over a whole column at a time, and the items are built once. It only ever takes the easy
road: when any value is not plainly valid, nothing is added and the caller adds the items
one by one, so a bad file gets exactly the errors (and paths) it always got.

A friend of `Design`: it writes the same private maps `add_unit`/`add_flow` write.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from . import events as ev
from .design import Design
from .entities import CsirtPlan, Flow, Unit
from .enums import FlowKind, Function
from .errors import ModelError
from .fields import _FLOW_FIELDS, _UNIT_FIELDS, ENUM, IDENT, INTEGER, NUMBER, TEXT, clean_plan
from .validate import SURROGATE

_UNIT_DEFAULTS = {k: f.default for k, f in Unit.__dataclass_fields__.items()}
_FUNCTIONS = Function._value2member_map_


def _texts(col: list[Any], limit: int, ident: bool = False) -> bool:
    """Every value a str within `limit` that UTF-8 can hold (and not blank, for an id)."""
    if not col:
        return True
    if set(map(type, col)) != {str} or max(map(len, col)) > limit:
        return False
    if ident and not all(map(str.strip, col)):
        return False
    joined = "".join(col)
    return joined.isascii() or not SURROGATE.search(joined)


def _columns(rows: list[dict[str, Any]], keys: list[str],
             defaults: dict[str, Any]) -> dict[str, list[Any]]:
    """Each key's values over `rows` (a default where a row lacks the key)."""
    if not rows:
        return {k: [] for k in keys}
    try:  # a saved file writes every field: one C-level pass (keys: two or more)
        rows_of = map(itemgetter(*keys), rows)
        return dict(zip(keys, map(list, zip(*rows_of, strict=True)), strict=True))
    except KeyError:
        return {k: [r.get(k, defaults.get(k)) for r in rows] for k in keys}


def _clean(col: list[Any], quick: tuple) -> list[Any] | None:
    """The clean values of one column, or None if any value needs the full check."""
    kind = quick[0]
    if kind == TEXT or kind == IDENT:
        return col if _texts(col, quick[1], kind == IDENT) else None
    if kind == ENUM:
        members = quick[1]
        out = [members.get(x) if type(x) is str else None for x in col]
        return None if None in out else out
    if kind == NUMBER or kind == INTEGER:
        types = set(map(type, col))
        if not types <= ({int} if kind == INTEGER else {int, float}):
            return None  # bool, str, None…: the full check says what is wrong
        if col and not (quick[1] <= min(col) and max(col) <= quick[2]):
            return None
        return col if types <= {float} or kind == INTEGER else list(map(float, col))
    return None


def add_units(design: Design, rows: list[dict[str, Any]],
              plans: dict[int, CsirtPlan] | None = None) -> bool:
    """Add every unit of `rows` (plain data: field → value, `plan` given apart in `plans` by
    row) as `add_unit` would, when every value is plainly valid; else add none, return
    False."""
    plans = plans or {}
    raw = _columns(rows, ["id", *_UNIT_FIELDS], _UNIT_DEFAULTS)
    ids = raw["id"]
    if not _texts(ids, 200, ident=True) or len(set(ids)) != len(ids) \
            or not design.units.keys().isdisjoint(ids):
        return False
    cols: dict[str, list[Any]] = {"id": ids}
    for key, check in _UNIT_FIELDS.items():
        if key == "functions":
            continue
        col = _clean(raw[key], check.quick)
        if col is None:
            return False
        cols[key] = col
    functions: list[tuple] = []
    add = functions.append
    for fs in raw["functions"]:
        if not fs and (type(fs) is list or type(fs) is tuple):
            add(())
            continue
        if type(fs) is not list and type(fs) is not tuple:
            return False
        members = tuple(dict.fromkeys(_FUNCTIONS.get(f) if type(f) is str else None
                                      for f in fs))  # in order, each once (as _functions)
        if None in members:
            return False
        add(members)
    cols["functions"] = functions
    if not all(n.strip() or e.strip() for n, e in zip(cols["name"], cols["name_en"],
                                                      strict=True)):
        return False
    companies = design.companies
    if not all(not c or c in companies for c in cols["company"]):
        return False
    try:
        clean = {i: clean_plan(p) for i, p in plans.items()}
    except ModelError:
        return False
    items = design.units
    order = [k for k in Unit.__dataclass_fields__ if k != "plan"]  # Unit's own order
    for unit in map(Unit, *(cols[k] for k in order)):
        items[unit.id] = unit
    design.units_changed()
    for i, plan in clean.items():
        items[ids[i]].plan = plan
    if design.events.listening():
        for uid in ids:
            design.events.emit(ev.Event(ev.UNIT_ADDED, uid))
    return True


def add_flows(design: Design, rows: list[dict[str, Any]]) -> bool:
    """Add every flow of `rows` as `add_flow(check_cycle=False)` would (the caller checks
    for a reporting cycle once, after), when every value is plainly valid; else add none,
    return False."""
    raw = _columns(rows, ["id", *_FLOW_FIELDS], {"label": ""})
    ids = raw["id"]
    if not _texts(ids, 200, ident=True) or len(set(ids)) != len(ids) \
            or not design.flows.keys().isdisjoint(ids):
        return False
    cols = {"id": ids}
    for key, check in _FLOW_FIELDS.items():
        col = raw[key]
        quick = check.quick
        if quick[0] == ENUM:
            col = [quick[1].get(x) if type(x) is str else None for x in col]
            if None in col:
                return False
        elif not _texts(col, quick[1], quick[0] == IDENT):
            return False
        cols[key] = col
    units = design.units
    sources, targets = cols["source"], cols["target"]
    if not all(s in units and t in units and s != t for s, t in zip(sources, targets,
                                                                   strict=True)):
        return False
    superior = design._superior
    reporting = [t for t, k in zip(targets, cols["kind"], strict=True)
                 if k is FlowKind.REPORTING]
    if len(set(reporting)) != len(reporting) or not superior.keys().isdisjoint(reporting):
        return False  # a second superior: add_flow names the two
    items = design.flows
    by_unit = design._by_unit
    reporting_kind = FlowKind.REPORTING
    for flow in map(Flow, ids, sources, targets, cols["kind"], cols["label"]):
        fid = flow.id
        items[fid] = flow
        by_unit.setdefault(flow.source, set()).add(fid)
        by_unit.setdefault(flow.target, set()).add(fid)
        if flow.kind is reporting_kind:
            superior[flow.target] = fid
    if design.events.listening():
        for fid in ids:
            design.events.emit(ev.Event(ev.FLOW_ADDED, fid))
    return True


def place_units(design: Design, positions: dict[str, tuple[float, float]]) -> bool:
    """Move units to `positions` (rounded to 0.01 as "Auto layout" does) in one go, when
    every point is a plainly valid position of a known unit; else move none, return False
    (the caller then moves them one by one and gets the model's own errors).

    Why: an import lays out the design it has just built; 50,000 `UpdateUnit` operations,
    each cleaning its fields and building an undo record nobody keeps, were 0.6 s of it."""
    units = design.units
    _, low, high = _UNIT_FIELDS["x"].quick  # x and y share their bounds
    moves: list[tuple[Unit, float, float]] = []
    for uid, (x, y) in positions.items():
        unit = units.get(uid)
        if unit is None or not (low <= x <= high and low <= y <= high):  # NaN fails too
            return False
        moves.append((unit, round(float(x), 2), round(float(y), 2)))
    listening = design.events.listening()
    for unit, x, y in moves:
        old = {k: val for k, val, new in (("x", unit.x, x), ("y", unit.y, y)) if val != new}
        if old:
            unit.x, unit.y = x, y
            if listening:
                design.events.emit(ev.Event(ev.UNIT_CHANGED, unit.id, tuple(old), old))
    return True

"""A proposal stored as its changes against the baseline (plain file data both ways).

A 20,000-unit group with three full copies would pass the reader's size limit; stored as
changes, a proposal costs what it changes, and a file diff shows exactly the proposal:

    "changes": {"units": {"set": [unit, …], "remove": [id, …], "order": [id, …]},
                "flows": {…}, "companies": {…}, "costs": {…},
                "metadata": {…}, "budget": {…}, "process": {…}}

`set` holds the items that are new or differ (whole items), `remove` the baseline ids the
proposal drops; `order` appears only when the proposal's order is not "baseline order,
then the new items", so loading gives back exactly the saved design.
"""

from __future__ import annotations

from typing import Any

from ..messages import msg

SECTIONS = ("companies", "units", "flows", "costs")
WHOLE = ("metadata", "budget", "process")


def changes(base: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: prop[k] for k in WHOLE if prop[k] != base[k]}
    for key in SECTIONS:
        old = {x["id"]: x for x in base[key]}
        new_ids = [x["id"] for x in prop[key]]
        present = set(new_ids)
        entry: dict[str, Any] = {}
        changed = [x for x in prop[key] if old.get(x["id"]) != x]
        if changed:
            entry["set"] = changed
        removed = [i for i in old if i not in present]
        if removed:
            entry["remove"] = removed
        if _default_order(list(old), removed, changed) != new_ids:
            entry["order"] = new_ids
        if entry:
            out[key] = entry
    return out


def _default_order(old: list[str], removed: list[str], changed: list[dict]) -> list[str]:
    gone = set(removed)
    known = set(old)
    return [i for i in old if i not in gone] + [x["id"] for x in changed if x["id"] not in known]


def apply_changes(base: dict[str, Any], delta: Any) -> dict[str, Any]:
    """The proposal's full design data; ValueError (a bilingual message) when malformed."""
    if not isinstance(delta, dict):
        raise ValueError(msg("scenario.bad_changes", where="changes"))
    unknown = sorted(set(delta) - set(SECTIONS) - set(WHOLE))
    if unknown:
        raise ValueError(msg("scenario.bad_changes", where=unknown[0]))
    full = {k: delta.get(k, base.get(k, {})) for k in WHOLE}
    for key in SECTIONS:
        full[key] = _section(base.get(key, []), delta.get(key, {}), key)
    return full


def _section(old_items: Any, entry: Any, key: str) -> list:
    if not isinstance(entry, dict) or not isinstance(old_items, list):
        raise ValueError(msg("scenario.bad_changes", where=key))
    sets, removed, order = entry.get("set", []), entry.get("remove", []), entry.get("order")
    if not isinstance(sets, list) or not all(isinstance(x, dict) and isinstance(x.get("id"), str)
                                             for x in sets):
        raise ValueError(msg("scenario.bad_changes", where=f"{key}.set"))
    if not isinstance(removed, list) or not all(isinstance(i, str) for i in removed):
        raise ValueError(msg("scenario.bad_changes", where=f"{key}.remove"))
    old = {x["id"]: x for x in old_items if isinstance(x, dict) and isinstance(x.get("id"), str)}
    new = {x["id"]: x for x in sets}
    ids = _default_order(list(old), removed, sets)
    if order is not None:
        if (not isinstance(order, list) or not all(isinstance(i, str) for i in order)
                or sorted(order) != sorted(ids)):
            raise ValueError(msg("scenario.bad_changes", where=f"{key}.order"))
        ids = order
    return [new.get(i, old.get(i)) for i in ids]

"""Scenarios in the `.orgd` file (version 2): the baseline stays at the top level, exactly
as a one-design file, and each proposal follows in `"scenarios"` as its changes against the
baseline (`orgd_delta.py`: the units, flows, … it adds, changes or removes, with the
baseline's ids), so a file diffs cleanly, a proposal costs what it changes, and a design
without proposals is written just as before.

    "scenarios": [
      {"id": "baseline", "name": "", "recommended": false},
      {"id": "p1", "name": "案A", "based_on": "baseline", "recommended": true,
       "changes": {"flows": {"set": [{"id": "f20", …}]}, "units": {…}}}
    ]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..messages import message_of, msg
from ..model import Design
from ..model.scenarios import BASELINE, Scenario, ScenarioSet, design_of
from .orgd_delta import apply_changes, changes


def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no scenarios: its design is the baseline, unchanged."""
    return data


def top_design(design: Design) -> Design:
    """The baseline's design (the open design, unless a proposal is open)."""
    return design_of(design, BASELINE) if design.scenarios is not None else design


def scenarios_data(design: Design, to_data: Callable[[Design], dict],
                   base: dict[str, Any]) -> list[dict] | None:
    """The "scenarios" list: each proposal as its changes against `base` (the top level)."""
    sset = design.scenarios
    if sset is None or (not sset.proposals and not sset.items[0].name
                        and not sset.items[0].recommended):
        return None
    out = []
    for s in sset.items:
        entry: dict[str, Any] = {"id": s.id, "name": s.name}
        if s.id != BASELINE:
            entry["based_on"] = s.based_on
        entry["recommended"] = s.recommended
        if s.id != BASELINE:
            entry["changes"] = changes(base, to_data(design_of(design, s.id)))
        out.append(entry)
    return out


def attach(design: Design, data: dict[str, Any], build: Callable[[dict, str], Design],
           problem: Callable[[str, str], Any], error: type) -> list:
    """Build the proposals listed in `data` onto `design`; returns the problems found."""
    raw = data.get("scenarios")
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        return [problem("scenarios", msg("scenario.bad_list"))]
    problems: list = []
    sset = ScenarioSet()
    for i, entry in enumerate(raw):
        where = f"scenarios[{i}]"
        sid = entry.get("id")
        if not isinstance(sid, str) or not sid or sid in sset.ids()[1:]:
            problems.append(problem(f"{where}.id", msg("scenario.dup_id", id=sid)))
            continue
        name = entry.get("name", "")
        recommended = entry.get("recommended", False)
        if not isinstance(name, str) or not isinstance(recommended, bool):
            problems.append(problem(where, msg("scenario.bad_list")))
            continue
        if sid == BASELINE:
            sset.items[0].name, sset.items[0].recommended = name, recommended
            continue
        try:
            body = apply_changes(data, entry.get("changes", {}))
        except ValueError as exc:
            problems.append(problem(where, message_of(exc)))
            continue
        try:
            proposal = build(body, "")
        except error as exc:
            problems += [problem(f"{where}: {p.path}", p.message)
                         for p in exc.problems]  # type: ignore[attr-defined]
            continue
        based_on = entry.get("based_on", BASELINE)
        sset.items.append(Scenario(sid, name, based_on if isinstance(based_on, str) else "",
                                   recommended, proposal))
    design.scenarios = sset
    return problems

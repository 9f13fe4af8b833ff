"""The reports-bypass rule, kept current per unit instead of re-walking every tree.

The rule (rules_flows.reports_bypass) walks the whole reporting forest: 0.2 s at 50,000
units. Whether a unit is one of the "topmost units with no path for incident reports"
depends only on the unit (its kind, company scope, whether it reports incidents to a CSIRT
— `direct` — or sits in a CSIRT's own line — `line`) and on its reporting superior's state
(covered, outside party's tree, kind, line, scope). So after an edit only the units whose
own inputs changed (the touched units, the ends of touched flows, units entering or leaving
`direct` or `line`) are re-judged, and their subordinates as far as a state they inherit
changes. The finding itself is built by the rule's own `bypass_finding`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ..model import FlowKind
from .findings import Finding
from .live_context import LiveContext
from .rules_flows import BUSINESS_KINDS, bypass_finding, bypass_sets


class LiveBypass:
    """Per-unit state of the reports-bypass walk (see the module docstring)."""

    def __init__(self) -> None:
        self.valid = False
        self.direct: set[str] = set()
        self.line: set[str] = set()
        self.covered: dict[str, bool] = {}
        self.outside: set[str] = set()
        self.top: set[str] = set()

    def run(self, ctx: LiveContext, seeds: Iterable[str] | None,
            aspects: set[str] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
        """The rule's findings now; `seeds` are the units the edits touched (None: all),
        `aspects` what changed (see live.py)."""
        if not ctx.csirts:
            self.valid = False
            return []
        if seeds is None or not self.valid:
            self.direct, self.line = bypass_sets(ctx, direct=True)
            self.covered, self.outside, self.top = {}, set(), set()
            self._walk(ctx, [u for u in ctx.units if u not in ctx.parent], everything=True)
            self.valid = True
        else:
            todo = set(seeds) | self._direct(ctx, aspects)
            line = bypass_sets(ctx, direct=False)[1]
            todo |= line ^ self.line
            self.line = line
            for uid in [u for u in todo if u not in ctx.units]:
                self.covered.pop(uid, None)
                self.outside.discard(uid)
                self.top.discard(uid)
            self._walk(ctx, [u for u in todo if u in ctx.units], everything=False)
        if not self.top:
            return []
        pos = ctx.unit_pos()
        return [bypass_finding(ctx, sorted(self.top, key=pos.__getitem__))]

    def _direct(self, ctx: LiveContext, aspects: set[str]) -> set[str]:
        """Bring `direct` (units with a chain of reports to a CSIRT: tens of thousands in a
        large group) up to date; return the units that entered or left it. New report
        flows only extend it from their source; anything else recomputes it."""
        report = FlowKind.REPORT
        changes = [(old, new) for old, new in ctx.flow_changes
                   if (old is not None and old[2] is report)
                   or (new is not None and new[2] is report)]
        if not changes and "csirts" not in aspects:
            return set()
        if "csirts" in aspects or any(old is not None and old[2] is report
                                      for old, _ in changes):
            direct = bypass_sets(ctx, direct=True)[0]
            changed = direct ^ self.direct
            self.direct = direct
            return changed
        added: set[str] = set()
        for _, new in changes:
            source, target, _kind = new  # type: ignore[misc]
            if target in self.direct and source not in self.direct:
                reached = ctx.reach([source], (report,), forward=False)
                fresh = [u for u in reached if u not in self.direct]
                self.direct.update(fresh)
                added.update(fresh)
        return added

    def _walk(self, ctx: LiveContext, starts: list[str], everything: bool) -> None:
        """Re-judge `starts`, their children, and further down while a unit's inherited
        state (covered, in an outside party's tree) changes."""
        seeds = set(starts)
        queue = deque(starts)
        covered, outside, top, line, direct = (self.covered, self.outside, self.top,
                                               self.line, self.direct)
        units, parent, children = ctx.units, ctx.parent, ctx.children
        while queue:
            uid = queue.popleft()
            kind = units[uid].kind
            up = parent.get(uid)
            if up is None:
                out = ctx.is_external(uid)
            else:
                out = up in outside
            up_business = up is not None and units[up].kind in BUSINESS_KINDS
            up_covered = up is not None and covered.get(up, False)
            cov = uid in direct or (up_covered and up_business)
            is_top = (kind in BUSINESS_KINDS and uid not in line and ctx.in_scope(uid)
                      and not out and not cov
                      and not (up_business and up not in line and not up_covered
                               and ctx.in_scope(up)))  # type: ignore[arg-type]
            changed = covered.get(uid) != cov or (uid in outside) != out
            covered[uid] = cov
            if out:
                outside.add(uid)
            else:
                outside.discard(uid)
            if is_top:
                top.add(uid)
            else:
                top.discard(uid)
            if everything or changed or uid in seeds:
                queue.extend(children.get(uid, ()))

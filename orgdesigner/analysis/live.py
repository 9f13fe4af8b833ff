"""The live checker: `check(design)` kept current after each edit by redoing only what the
edit touched, so the GUI can show findings at once instead of after a debounce.

`LiveCheck(design)` listens to the design's model events. `report()` then brings a
`LiveContext` up to date (see live_context.py) and re-runs only the rules that read
something the edits since the last report changed; every other rule's findings are kept
(their texts are rebuilt when a name they may print changed, and their quick fixes always
are, since a fix allocates fresh ids). The result equals a fresh `check(design)`: same
findings in the same order, same authority style, nearest models and process; the property
test in tests/analysis/test_live.py drives long random edit sequences to hold it to that.

What each rule reads (its "aspects"; a rule re-runs when an edit changes one of them):

- Cheap rules — linear in the CSIRTs and the flows around them — re-run after every edit
  that changes anything some rule reads: empty-design, no-csirt, csirts-unlinked,
  no-sponsor (searches back from a CSIRT not under management), far-from-management,
  authority-unbacked, cio-is-ciso (reads names), no-escalation, no-mandate, no-members,
  understaffed, staff-doubling, no-business-members (members' home units, by name),
  relies-on-other-division, no-exercises and no-budget (cost items). So do the authority
  style and the nearest models (features: companies, the main CSIRT's superior, depth,
  commands, team members, group reach, outside coordination).
- Rules that walk every unit or flow re-run only when an edit changes what they read
  ("a CSIRT's flows": a flow with a CSIRT at one end, before or after the edit):
  reports-bypass (incremental, live_bypass.py): report, reporting and delegation flows;
  units added or removed, their kind and company; company scope; which units are CSIRTs;
  the main CSIRT (its fix's fallback target).
  no-legal-pr: a CSIRT's flows, reporting flows; units' set, kind, functions and company;
  the CSIRTs, vendor CSIRTs and the main CSIRT.
  group-jurisdiction: a CSIRT's flows, reporting flows; units' set, kind and company;
  companies' set, kind and scope; CSIRTs, vendor CSIRTs, main CSIRT.
  reuse-disaster-team: a CSIRT's flows, reporting flows; units' set and functions; CSIRTs;
  main CSIRT.
  upward-delegation: delegation and reporting flows; units' kind and company.
  lacks-authority: command, delegation and reporting flows; units' set, kind, functions,
  company; company scope; CSIRTs; main CSIRT.
  no-external: coordination flows; units' set, kind and names (an NCA or JPCERT unit);
  the sector; CSIRTs; main CSIRT.
  24x7-unstaffed: plans; support and reporting flows; units' set, kind and names (an MSSP
  unit); the sector; CSIRTs and vendor CSIRTs.
- Nothing reads positions, headcounts, notes, flow labels (a fix reads the live flow when
  built), company frames, budget inputs or metadata other than the sector; the process
  only feeds the process report; a company's name only the texts.
The property test is what holds this table to the rules: a dependency left out here makes
it fail (tried for several, with `--hypothesis-profile=find-only`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..model import Design
from ..model import events as ev
from .authority import authority_style
from .check import check, run_rules
from .features import extract
from .findings import RULES, Finding, Lazy
from .live_bypass import LiveBypass
from .live_context import LiveContext
from .nearest import rank
from .process import process_report
from .report import CheckReport

#: Gated rules and the aspects they read (every other rule re-runs on any `_LOGIC` aspect).
DEPENDS: dict[str, frozenset[str]] = {
    "reports-bypass": frozenset({"flow:report", "flow:reporting", "flow:delegation",
                                 "unit:set", "unit:kind", "unit:company", "company:scope",
                                 "csirts", "primary"}),
    "no-legal-pr": frozenset({"flow:csirt", "flow:reporting", "unit:set", "unit:kind",
                              "unit:functions", "unit:company", "csirts", "vendor",
                              "primary"}),
    "group-jurisdiction": frozenset({"flow:csirt", "flow:reporting", "unit:set", "unit:kind",
                                     "unit:company", "company:set", "company:kind",
                                     "company:scope", "csirts", "vendor", "primary"}),
    "reuse-disaster-team": frozenset({"flow:csirt", "flow:reporting", "unit:set",
                                      "unit:functions", "csirts", "primary"}),
    "upward-delegation": frozenset({"flow:delegation", "flow:reporting", "unit:kind",
                                    "unit:company"}),
    "lacks-authority": frozenset({"flow:command", "flow:delegation", "flow:reporting",
                                  "unit:set", "unit:kind", "unit:functions", "unit:company",
                                  "company:scope", "csirts", "primary"}),
    "no-external": frozenset({"flow:coordination", "unit:set", "unit:kind", "unit:name",
                              "sector", "csirts", "primary"}),
    "24x7-unstaffed": frozenset({"unit:plan", "flow:support", "flow:reporting", "unit:set",
                                 "unit:kind", "unit:name", "sector", "csirts", "vendor"}),
}
#: Aspects no rule's logic reads (only texts or the process report).
_NOT_LOGIC = frozenset({"process", "company:name"})
#: Aspects that may change a name a finding prints (a unit's, or the company added to a
#: name several units share).
_TEXT = frozenset({"unit:set", "unit:name", "unit:company", "company:name", "all"})
_UNIT_FIELDS = {"kind", "company", "name", "name_en"}  # the LiveContext tracks these
_INERT_UNIT = {"headcount", "notes", "x", "y"}
_INERT_COMPANY = {"x", "y", "width", "height", "notes"}
_COMPANY_ASPECT = {"kind": "company:kind", "in_scope": "company:scope",
                   "name": "company:name", "name_en": "company:name"}


class LiveCheck:
    """`check(design)` kept current from the design's events (see the module docstring)."""

    def __init__(self, design: Design) -> None:
        self.design = design
        self._ctx: LiveContext | None = None
        self._report: CheckReport | None = None
        self._by_rule: dict[str, list[Finding]] = {}
        self._bypass = LiveBypass()
        self._last_aspects: set[str] = set()
        #: Rules an unfinished sliced run still owes, and the aspects it was run for.
        self._owed: set[str] = set()
        self._carry: set[str] = set()
        self._units: set[str] = set()
        self._flows: set[str] = set()
        self._aspects: set[str] = set()
        self._building = False  # a full check is building its context in slices
        #: Rules re-run by the last `report()` (None: a full check); for tests and benchmarks.
        self.last_rerun: list[str] | None = None
        design.events.subscribe(self._on_event)

    def close(self) -> None:
        self.design.events.unsubscribe(self._on_event)

    def invalidate(self) -> None:
        """Forget everything: the next `report()` is a full check."""
        self._ctx = None

    @property
    def stale(self) -> bool:
        """Edits arrived since the last report (or there is none yet)."""
        return self._ctx is None or bool(self._units or self._flows or self._aspects
                                         or self._owed)

    # ---- events -----------------------------------------------------------------------
    def _on_event(self, e: ev.Event) -> None:
        """Note what changed; the work waits for `report()` (a drag sends many events)."""
        if self._ctx is None:
            if self._building:  # the context being built may have missed this edit
                self._aspects.add("all")
            return
        t = e.type
        if t in (ev.UNIT_ADDED, ev.UNIT_REMOVED):
            self._units.add(e.id)
            if t == ev.UNIT_ADDED:
                self._ctx.appended("unit", e.id)
        elif t == ev.UNIT_CHANGED:
            fields = set(e.fields)
            if fields & _UNIT_FIELDS:
                self._units.add(e.id)
            if "functions" in fields:
                self._aspects.add("unit:functions")
            if fields - _UNIT_FIELDS - _INERT_UNIT - {"functions"}:
                self._aspects.add("all")
        elif t == ev.PLAN_CHANGED:
            self._aspects.add("unit:plan")
        elif t in (ev.FLOW_ADDED, ev.FLOW_REMOVED, ev.FLOW_CHANGED):
            if t == ev.FLOW_CHANGED and set(e.fields) <= {"label"}:
                return
            self._flows.add(e.id)
            if t == ev.FLOW_ADDED:
                self._ctx.appended("flow", e.id)
        elif t in (ev.COMPANY_ADDED, ev.COMPANY_REMOVED):
            self._aspects.add("company:set")
        elif t == ev.COMPANY_CHANGED:
            for f in e.fields:
                if f not in _INERT_COMPANY:
                    self._aspects.add(_COMPANY_ASPECT.get(f, "all"))
        elif t in (ev.COST_ADDED, ev.COST_REMOVED, ev.COST_CHANGED):
            self._aspects.add("costs")
        elif t == ev.PROCESS_CHANGED:
            self._aspects.add("process")
        elif t == ev.METADATA_CHANGED:
            if "sector" in e.fields:
                self._aspects.add("sector")
        elif t == ev.BUDGET_CHANGED:
            pass  # no rule reads the budget inputs
        else:
            self._aspects.add("all")

    # ---- the check --------------------------------------------------------------------
    def report(self) -> CheckReport:
        """The check of the design as it is now (the last one if nothing changed)."""
        for result in self.steps():
            if result is not None:
                return result
        raise AssertionError("unreachable: no edit can arrive inside a synchronous report")

    def steps(self) -> Iterator[CheckReport | None]:
        """`report()` in slices: None after each rule (a caller may return to its event
        loop there), the report last. An edit arriving between slices ends the run early
        (nothing more is yielded); the next run takes over what was left."""
        if self._ctx is None or self._report is None or "all" in self._aspects:
            yield from self._full()
            return
        if not (self._units or self._flows or self._aspects or self._owed):
            yield self._report
            return
        units, flows, aspects = self._units, self._flows, self._aspects | self._carry
        self._units, self._flows, self._aspects = set(), set(), set()
        ctx = self._ctx
        ctx.update(units, flows, aspects)
        self._last_aspects = aspects
        logic = aspects - _NOT_LOGIC
        prev = self._report
        if not logic and not self._owed:  # the process, or a company's name (texts only)
            self.last_rerun = []
            auth = prev.authority if aspects <= {"process"} else authority_style(ctx)
            self._report = CheckReport(auth, prev.nearest, prev.findings,
                                       process_report(self.design), self.design,
                                       ctx.primary, ctx)
            self._refresh_texts(prev.findings, aspects)
            yield self._report
            return
        if "reports-bypass" in self._owed:  # its seeds went with the unfinished run
            self._bypass.valid = False
        rerun = [r for r in RULES if r in self._owed or _needs(r, logic)]
        self._owed, self._carry = set(rerun), aspects
        scope_changed = bool(aspects & {"company:scope", "company:set"})
        for rid in rerun:
            if self._units or self._flows or self._aspects:
                return  # an edit came in between slices: the next run goes on
            self._by_rule[rid] = self._run(rid, None if scope_changed else ctx.touched)
            self._owed.discard(rid)
            yield None
        if self._units or self._flows or self._aspects:
            return
        self.last_rerun = rerun
        kept = [f for rid in RULES if rid not in rerun for f in self._by_rule.get(rid, ())]
        self._refresh_texts(kept, aspects)
        found = [f for rid in RULES for f in self._by_rule.get(rid, ())]
        found.sort(key=Finding.sort_key)
        auth = authority_style(ctx)
        yield None
        nearest = rank(extract(ctx, auth))
        self._carry = set()
        self._report = CheckReport(auth, nearest, found, process_report(self.design),
                                   self.design, ctx.primary, ctx)
        yield self._report

    def _full(self) -> Iterator[CheckReport | None]:
        """A full check in slices (a rule each): the first check of a document, and after
        an edit no dependency covers. An edit arriving between slices makes the context
        stale: the run ends, and the next one starts over."""
        self._units, self._flows, self._aspects = set(), set(), set()
        self._report = self._ctx = None
        self._building = True  # the context is built in slices too (0.3–0.5 s at 50,000)
        try:
            for built in LiveContext.in_steps(self.design):
                if built is None:
                    yield None
                    if self._aspects:  # edited meanwhile: the next run starts over
                        return
        finally:
            self._building = False
        assert isinstance(built, LiveContext)
        ctx = self._ctx = built
        self._bypass = LiveBypass()
        self._last_aspects: set[str] = set()
        self._owed, self._carry = set(), set()
        by_rule: dict[str, list[Finding]] = {}
        for rid in RULES:
            yield None
            if self._units or self._flows or self._aspects or self._ctx is not ctx:
                self._ctx = None
                return
            by_rule[rid] = self._run(rid, None)
        self._by_rule = by_rule
        self.last_rerun = None
        found = [f for rid in RULES for f in by_rule[rid]]
        found.sort(key=Finding.sort_key)
        auth = authority_style(ctx)
        self._report = CheckReport(auth, rank(extract(ctx, auth)), found,
                                   process_report(self.design), self.design, ctx.primary, ctx)
        yield self._report

    def _run(self, rule_id: str, touched: set[str] | None) -> list[Finding]:
        """One rule's findings (reports-bypass incrementally from the `touched` units)."""
        if rule_id == "reports-bypass" and self._ctx is not None:
            try:
                return self._bypass.run(self._ctx, touched, self._last_aspects)
            except Exception:  # the rule itself reports what went wrong
                self._bypass.valid = False
                if os.environ.get("ORGDESIGNER_DEBUG"):
                    raise
        return run_rules(self._ctx, {rule_id})  # type: ignore[arg-type]

    @staticmethod
    def _refresh_texts(kept: list[Finding], aspects: set[str]) -> None:
        """A kept finding's quick fix is rebuilt when asked (ids taken since would clash);
        its texts too when a name it prints may have changed."""
        names = bool(aspects & _TEXT)
        for f in kept:
            f._fix = None
            if names:
                for words in (f.text, f.advice, f.fix_text):
                    if isinstance(words, Lazy):
                        words._done.clear()


def _needs(rule_id: str, logic: set[str]) -> bool:
    deps = DEPENDS.get(rule_id)
    return deps is None or not deps.isdisjoint(logic)


def full_check(design: Design) -> CheckReport:
    """A fresh check (what `LiveCheck.report()` must equal); ORGDESIGNER_LIVE_CHECK=0 in the
    environment makes the GUI use it after every edit, to compare."""
    return check(design)


LIVE = os.environ.get("ORGDESIGNER_LIVE_CHECK", "1") != "0"

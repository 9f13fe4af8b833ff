"""Least-change options: up to three proposals generated from a baseline.

(a) *flows only* — no unit moves; authority and reporting are added as flows (delegation,
    incident reports, escalation): the talk's Japanese reality;
(b) *sponsor* — a CISO/CIO-like executive receives delegation from management and the CSIRT
    works under it (a CISO is added when the design has no executive);
(c) *textbook* — the CSIRT directly below top management with command authority over the
    units that run the systems.

Each option makes its structural step, then composes the checker's own quick fixes (as
`check()` offers them) round by round, keeping only the operations its policy allows.
An option that still has error findings is dropped: the generator never returns a design
the checker rejects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import (
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Member,
    ModelError,
    Unit,
    UnitKind,
)
from ..model.ops import (
    AddFlow,
    AddUnit,
    Batch,
    Op,
    RemoveFlow,
    RemoveUnit,
    SetPlan,
    UpdateFlow,
    UpdateUnit,
)
from ..model.scenarios import snapshot
from .check import check
from .context import SYSTEMS, Context
from .findings import Severity, Text
from .report import CheckReport

K = FlowKind
KEYS = ("flows", "sponsor", "textbook")
NAMES = {
    "flows": Text("Option A: flows only (no reorganisation)", "案A：連携強化のみ（組織変更なし）"),
    "sponsor": Text("Option B: executive sponsor", "案B：役員スポンサー型"),
    "textbook": Text("Option C: directly under management", "案C：経営直下型"),
}
_ROUNDS = 4


@dataclass
class Option:
    key: str
    design: Design
    report: CheckReport
    steps: list[Text] = field(default_factory=list)

    def name(self, lang: str = "en") -> str:
        return NAMES[self.key](lang)


def _flat(ops: list[Op]) -> Iterator[Op]:
    for op in ops:
        if isinstance(op, Batch):
            yield from _flat(op.ops)
        else:
            yield op


def _moves_existing(design: Design, base: Design, op: Op) -> bool:
    """Does `op` change the reporting line of a unit of the baseline, or remove one?"""
    if isinstance(op, AddFlow):
        return op.flow.kind is K.REPORTING and op.flow.target in base.units
    if isinstance(op, RemoveFlow):
        f = design.flows.get(op.flow_id)
        return f is not None and f.kind is K.REPORTING and f.target in base.units
    if isinstance(op, UpdateFlow):
        f = design.flows.get(op.flow_id)
        return f is not None and (f.kind is K.REPORTING or "kind" in op.changes)
    if isinstance(op, UpdateUnit):
        return bool({"kind", "company"} & set(op.changes))
    return isinstance(op, RemoveUnit)


Policy = Callable[[Design, Op], bool]


def _fix_rounds(design: Design, allowed: Policy, steps: list[Text]) -> CheckReport:
    """Apply the checker's quick fixes (errors and warnings) that the policy allows."""
    done: set[tuple] = set()
    report = check(design)
    for _ in range(_ROUNDS):
        progress = False
        for f in report.findings:
            key = (f.id, f.units)
            if f.severity is Severity.INFO or not f.has_fix or key in done:
                continue
            try:
                batch = f.fix
            except (ModelError, KeyError):
                continue
            if batch is None or not all(allowed(design, op) for op in _flat(batch.ops)):
                done.add(key)
                continue
            try:
                batch.apply(design)
            except ModelError:
                continue
            done.add(key)
            progress = True
            steps.append(Text(f.fix_label("en"), f.fix_label("ja")))
        if not progress:
            break
        report = check(design)
    return report


def _staff(design: Design, report: CheckReport, steps: list[Text]) -> CheckReport:
    """A CSIRT with no members gets a minimal team (a manager and two handlers)."""
    changed = False
    for f in report.by_id("no-members"):
        for cid in f.units[:1]:
            plan = design.units[cid].plan or CsirtPlan()
            members = [Member("CSIRT 責任者", "manager", "", 0.5, False),
                       Member("インシデント対応担当 1", "handler", "", 1.0, True),
                       Member("インシデント対応担当 2", "handler", "", 1.0, True)]
            new = CsirtPlan(members, plan.services, plan.hours, plan.contact, plan.mandate,
                            plan.authority, plan.memberships)
            SetPlan(cid, new).apply(design)
            changed = True
    if changed:
        steps.append(Text("Staff the CSIRT: a manager and two incident handlers",
                          "CSIRT に責任者 1 名とインシデント対応担当 2 名を配置"))
        return check(design)
    return report


def _ensure_csirt(design: Design, steps: list[Text]) -> str | None:
    report = check(design)
    for f in report.by_id("no-csirt"):
        if f.fix is not None:
            f.fix.apply(design)
            steps.append(Text(f.fix_label("en"), f.fix_label("ja")))
    return Context(design).primary


def _reparent(design: Design, unit: str, superior: str) -> list[Op]:
    if design.superior(unit) == superior:
        return []
    ops: list[Op] = [RemoveFlow(f.id) for f in design.flows.values()
                     if f.kind is K.REPORTING and f.target == unit]
    return ops + [AddFlow(Flow(design.new_id("f"), superior, unit, K.REPORTING))]


def _has(design: Design, s: str, t: str, kind: FlowKind) -> bool:
    return any(design.flows[fid].source == s and design.flows[fid].target == t
               and design.flows[fid].kind is kind for fid in design._by_unit.get(s, ()))


def _add(design: Design, s: str, t: str, kind: FlowKind, label: str = "") -> list[Op]:
    return [] if _has(design, s, t, kind) else [AddFlow(Flow(design.new_id("f"), s, t, kind,
                                                             label))]


def _sponsor_step(design: Design, csirt: str, steps: list[Text]) -> None:
    ctx = Context(design)
    top = ctx.top_management(csirt)
    sponsor = ctx.sponsor_executive(csirt)
    if top is None:
        return
    if sponsor is None or sponsor == top or design.units[sponsor].kind is not UnitKind.EXECUTIVE:
        anchor = design.units[top]
        sponsor = design.new_id("u")
        Batch([AddUnit(Unit(sponsor, "情報セキュリティ担当役員", UnitKind.EXECUTIVE, name_en="CISO",
                            company=anchor.company, x=anchor.x + 240, y=anchor.y)),
               AddFlow(Flow(design.new_id("f"), top, sponsor, K.REPORTING))]).apply(design)
        steps.append(Text("Appoint a CISO reporting to management",
                          "経営層の下に情報セキュリティ担当役員（CISO）を置く"))
    name = design.units[sponsor].display_name
    Batch(_reparent(design, csirt, sponsor)).apply(design)
    Batch(_add(design, top, sponsor, K.DELEGATION, "権限委譲")).apply(design)
    Batch(_add(design, sponsor, csirt, K.DELEGATION, "権限委譲")).apply(design)
    steps.append(Text(f"The CSIRT works under {name('en')}, which receives delegation from "
                      "management and delegates to the CSIRT",
                      f"CSIRT を{name('ja')}の下に置き、経営層から{name('ja')}、"
                      f"{name('ja')}から CSIRT へ権限を委譲"))


def _textbook_step(design: Design, csirt: str, steps: list[Text]) -> None:
    ctx = Context(design)
    top = ctx.top_management(csirt)
    if top is None:
        return
    Batch(_reparent(design, csirt, top)).apply(design)
    Batch(_add(design, top, csirt, K.DELEGATION, "権限委譲")).apply(design)
    ctx = Context(design)
    ops: list[Op] = []
    company = design.units[csirt].company
    flows = design.flows
    # what the CSIRT already commands, looked up once (asking `_has` per unit went over
    # all the CSIRT's flows for every unit: quadratic in a large group)
    commanded = {flows[fid].target for fid in design._by_unit.get(csirt, ())
                 if flows[fid].source == csirt and flows[fid].kind is K.COMMAND}
    for u in design.units.values():
        # the highest system units of the CSIRT's own company: command reaches down the line,
        # and group companies keep their own CSIRTs (the quick fixes add what is missing)
        up = ctx.parent.get(u.id)
        if (u.kind not in (UnitKind.CSIRT, UnitKind.EXTERNAL) and ctx.has(u.id, SYSTEMS)
                and u.company == company and ctx.in_scope(u.id)
                and not (up is not None and ctx.has(up, SYSTEMS))
                and u.id not in commanded):
            ops.append(AddFlow(Flow(design.new_id("f"), csirt, u.id, K.COMMAND)))
    Batch(ops).apply(design)
    steps.append(Text("The CSIRT reports directly to management, with delegated authority "
                      "and command over the units that run the systems",
                      "CSIRT を経営直下に置き、権限委譲を受けてシステム運用・開発部門への"
                      "指示権を持たせる"))


def build_option(baseline: Design, key: str) -> Option | None:
    """One option, or None when it cannot be made without error findings."""
    design = snapshot(baseline)
    steps: list[Text] = []
    try:
        csirt = _ensure_csirt(design, steps)
        if csirt is not None and key == "sponsor":
            _sponsor_step(design, csirt, steps)
        elif csirt is not None and key == "textbook":
            _textbook_step(design, csirt, steps)
    except ModelError:
        return None

    def allowed(d: Design, op: Op) -> bool:
        return key == "textbook" or not _moves_existing(d, baseline, op)

    report = _staff(design, _fix_rounds(design, allowed, steps), steps)
    if report.by_id("no-members") or any(f.severity is Severity.ERROR for f in report.findings):
        return None
    return Option(key, design, report, steps)


def generate(baseline: Design) -> list[Option]:
    """The options that can be made, in the order (a), (b), (c)."""
    out = []
    for key in KEYS:
        option = build_option(baseline, key)
        if option is not None:
            out.append(option)
    return out


def recommended(options: list[Option], baseline: Design | None = None) -> Option | None:
    """The option that leaves the fewest errors, then warnings; on a tie, the one that
    disturbs the least (who must agree, then units moved — the talk's lesson that changing
    the existing organisation meets opposition), then (a) before (b) before (c)."""
    if not options:
        return None

    def score(o: Option) -> tuple[int, ...]:
        c = o.report.counts()
        disturb = (0, 0)
        if baseline is not None:
            from .compare import structural_diff
            from .footprint import footprint

            fp = footprint(baseline, o.design, structural_diff(baseline, o.design))
            disturb = (len(fp.must_agree), len(fp.moved))
        return (c["error"], c["warning"], *disturb, KEYS.index(o.key))

    return min(options, key=score)

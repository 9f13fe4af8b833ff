"""Rules about whether a CSIRT exists, where it sits, and what authority reaches it."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Authority, CsirtPlan, FlowKind, Unit, UnitKind
from ..model.ops import AddUnit, Batch, Op
from . import sources as S
from .context import SYSTEMS, TOP, Context
from .findings import Finding, Severity, Text, rule
from .fixes import flow

K = FlowKind


@rule("empty-design", Severity.INFO, S.EMPTY)
def empty_design(ctx: Context) -> Iterator[Finding]:
    """Fires when the design has no units at all."""
    if not ctx.units:
        yield ctx.finding(
            "empty-design", (),
            Text("The design is empty.", "設計に部署が一つもありません。"),
            Text("Start from a template (File ▸ New from template) or import the current "
                 "organisation from Excel or CSV, then place the CSIRT.",
                 "テンプレートから始めるか、現在の組織図を Excel／CSV から取り込んでから、"
                 "CSIRT を配置してください。"))


@rule("no-csirt", Severity.ERROR, S.NO_CSIRT)
def no_csirt(ctx: Context) -> Iterator[Finding]:
    """Without a formal CSIRT, incidents fall to whoever runs each system (CERT/CC's
    "security team" case). Fires when no unit has kind `csirt`. Quick fix: add a CSIRT
    unit reporting directly to top management (or on its own when the design has no
    management unit)."""
    if ctx.csirts:
        return
    top = ctx.top_management()
    d = ctx.design

    def build() -> Batch:
        anchor = d.units[top] if top else None
        uid = d.new_id("u")
        ops: list[Op] = [AddUnit(Unit(uid, "CSIRT", UnitKind.CSIRT, name_en="CSIRT",
                                      x=anchor.x if anchor else 0.0,
                                      y=anchor.y + 120.0 if anchor else 0.0,
                                      company=anchor.company if anchor else "",
                                      plan=CsirtPlan()))]
        if top:
            ops.append(flow(d, top, uid, K.REPORTING))
        return Batch(ops, "Add a CSIRT")

    yield ctx.finding(
        "no-csirt", (),
        Text("The design has no CSIRT: incident handling falls to whoever runs each system, "
             "with no team responsible across the organisation.",
             "CSIRT がありません。インシデント対応が各システムの担当者任せになり、"
             "組織横断で責任を持つチームが存在しません。"),
        Text("Add a CSIRT unit and give it a reporting line to management.",
             "CSIRT を追加し、経営層への報告経路を設けてください。"),
        # built when shown, as the other texts naming units (a rename, or a company
        # added to a shared name, must reach the kept finding: live.py refreshes Lazy texts)
        fix=ctx.text(lambda lang: (f"Add a CSIRT under {ctx.names([top], lang)}" if lang == "en"
                                   else f"{ctx.names([top], lang)}の下に CSIRT を追加"))
        if top else Text("Add a CSIRT", "CSIRT を追加"),
        builder=build)


@rule("csirts-unlinked", Severity.WARNING, S.CSIRTS_UNLINKED)
def csirts_unlinked(ctx: Context) -> Iterator[Finding]:
    """Two incident teams that never talk lose the incidents that span both (CERT/CC's
    combined model links them; the talk's lesson: collaboration is hard). Fires for each
    company (or the units outside any company) that holds CSIRTs of two
    or more teams, i.e. CSIRTs that no chain of CSIRT-to-CSIRT flows links. Quick fix: a
    coordination flow from the first team's head to the head of each other team there."""
    by_company: dict[str, list[str]] = {}
    for team in ctx.teams:
        by_company.setdefault(ctx.units[team.head].company, []).append(team.head)
    d = ctx.design
    for heads in by_company.values():
        if len(heads) >= 2:
            yield _unlinked(ctx, d, heads)


def _unlinked(ctx: Context, d, heads: list[str]) -> Finding:  # type: ignore[no-untyped-def]
    first, others = heads[0], heads[1:]
    return ctx.finding(
        "csirts-unlinked", heads,
        ctx.text(lambda lang: (
            f"{ctx.names(heads, lang)} are separate CSIRTs in the same organisation with "
            "no flow between them: incidents that span both fall between the teams."
            if lang == "en" else
            f"{ctx.names(heads, lang)}は同じ組織内の別々の CSIRT ですが、相互の連携経路が"
            "ありません。両方にまたがるインシデントがチームの間で抜け落ちます。")),
        Text("Link the CSIRTs (coordination and incident reports), or merge them into one.",
             "CSIRT 同士の連携（調整・インシデント報告）を定めるか、一つに統合してください。"),
        fix=ctx.text(lambda lang: (
            f"Add coordination from {ctx.names([first], lang)} to "
            f"{ctx.names(others, lang)}" if lang == "en" else
            f"{ctx.names([first], lang)}から{ctx.names(others, lang)}への連携を追加")),
        builder=lambda: Batch([flow(d, first, o, K.COORDINATION) for o in others],
                              "Link CSIRTs"))


@rule("no-sponsor", Severity.ERROR, S.NO_SPONSOR)
def no_sponsor(ctx: Context) -> Iterator[Finding]:
    """A CSIRT needs a sponsor to get its budget. The talk's Japan track reaches
    management late (Step 7 "Propose the idea of CSIRT to management", after Step 1
    "Obtain colleague's support and assistance"), so the finding says this is normal early
    on but blocks Step 8 "Get the CSIRT budget"; the CERT/CC track starts with management's
    buy-in. Fires for the CSIRTs that no management or executive unit reaches by following
    reporting, delegation and command flows forward (any number of hops), i.e. no top-level
    body sponsors them. Quick fix, per CSIRT: a reporting line from top management when the
    CSIRT has no superior, otherwise a delegation from the CIO-like executive."""
    if not ctx.csirts:
        return
    tops = ctx.by_kind[UnitKind.MANAGEMENT] + ctx.by_kind[UnitKind.EXECUTIVE]
    # Fast path: a CSIRT whose reporting line rises to management or an executive is
    # sponsored; only the others need the search along every authority flow.
    doubtful = [c for c in ctx.csirts
                if c not in ctx.vendor and ctx.units[ctx.depth_root(c)[1]].kind not in TOP]
    if not doubtful:
        return
    # Reached from a top body forward = a top body among the units it is reached from:
    # searched backward from each doubtful CSIRT (its superiors and delegators, a few
    # units) instead of forward from every top body over the whole forest.
    top_set = set(tops)
    orphans = [c for c in doubtful if top_set.isdisjoint(
        ctx.reach([c], (K.REPORTING, K.DELEGATION, K.COMMAND), forward=False))]
    if not orphans:
        return
    d = ctx.design

    links: list[tuple[str, str, FlowKind]] = []  # (sponsor, CSIRT, kind), same company
    for c in orphans:
        if c not in ctx.parent:
            top = ctx.own_top(c)
            if top is not None and top not in ctx.reach([c], (K.REPORTING,)):
                links.append((top, c, K.REPORTING))
                continue
        sponsor = ctx.sponsor_executive(c)
        if sponsor is not None and sponsor != c:
            links.append((sponsor, c, K.DELEGATION))

    def build() -> Batch:
        return Batch([flow(d, s, c, k) for s, c, k in links], "Connect the CSIRT to management")

    yield ctx.finding(
        "no-sponsor", orphans,
        ctx.text(lambda lang: (
            f"No reporting line, delegation or command from management or an executive reaches "
            f"{ctx.names(orphans, lang)}: the CSIRT has no sponsor. In the talk's Japan track "
            "this is normal early on (Step 1 is colleagues' support; management is approached "
            "at Step 7), but without a sponsor there is no budget (Step 8)."
            if lang == "en" else
            f"{ctx.names(orphans, lang)}には、経営層・役員からの報告経路・権限委譲・指示のいずれも"
            "つながっていません。CSIRT の後ろ盾（スポンサー）が不在です。講演が示す日本型の進め方"
            "では、まず同僚の協力を得て（ステップ1）、経営層への提案はステップ7なので、立ち上げ"
            "初期にはよくある状態です。ただし、後ろ盾がなければ予算の獲得（ステップ8）には"
            "進めません。")),
        Text("Win colleagues' support first, then propose the CSIRT to management (the Japan "
             "track's Steps 1 and 7): give the CSIRT a reporting line to management or a "
             "delegation from an executive (CIO/CISO).",
             "まず関係部署の協力を取り付け、そのうえで経営層に CSIRT を提案してください"
             "（日本型のステップ1と7）。CSIRT に経営層への報告経路、または役員（CIO／CISO）"
             "からの権限委譲を設けます。"),
        fix=Text("Connect the CSIRT to management", "CSIRT を経営層につなぐ"),
        builder=build if links else None)


@rule("lacks-authority", Severity.WARNING, S.LACK_AUTHORITY)
def lacks_authority(ctx: Context) -> Iterator[Finding]:
    """The talk's analysis: "Lack of authority"; its organisational model: authority is
    transferred from the CIO. Fires when the design has in-scope units with the
    IT-operations or system-development function and no CSIRT reaches any of them by
    command, delegation or reporting flows (a unit the CSIRT commands or delegates to, and
    that unit's reporting subordinates). A command into another legal entity counts only
    when that company delegates to the CSIRT (a group regulation or contract): a parent's
    management holds no authority inside a subsidiary to hand on. Units: the main CSIRT and
    the topmost unreached systems units. Quick fix: a delegation from the CIO-like executive
    of the CSIRT's own company (unless one exists) and command flows to the systems units of
    that company; when the company has none, the delegation comes from the other company's
    top management, labelled as a group regulation or contract, so no authority crosses a
    legal entity without one."""
    if ctx.primary is None:
        return

    def is_system(uid: str) -> bool:
        return (uid not in ctx.csirt_set and ctx.units[uid].kind is not UnitKind.EXTERNAL
                and ctx.has(uid, SYSTEMS) and ctx.in_scope(uid))

    if any(is_system(u) for u in _authority_reach(ctx)):
        return
    systems = [uid for uid in ctx.units if is_system(uid)]
    if not systems:
        return
    sysset = set(systems)
    topmost = [s for s in systems if ctx.parent.get(s) not in sysset]
    p = ctx.primary
    home = ctx.units[p].company
    mine = [s for s in topmost if ctx.units[s].company == home]
    if mine:
        execs = [e for e in ctx.by_kind[UnitKind.EXECUTIVE] if ctx.units[e].company == home]
        root = ctx.depth_root(p)[1]
        sponsor = ctx.sponsor_executive(p) if execs else (
            root if ctx.units[root].kind is UnitKind.MANAGEMENT else None)
        if sponsor is not None and ctx.units[sponsor].company != home:
            sponsor = None
        label, group = "権限委譲", False
    else:
        other = ctx.units[topmost[0]].company
        mine = [s for s in topmost if ctx.units[s].company == other]
        roots = [m for m in ctx.by_kind[UnitKind.MANAGEMENT]
                 if ctx.units[m].company == other and m not in ctx.parent]
        sponsor = roots[0] if roots else None
        label, group = "グループ規程・契約による権限委譲", True
        if sponsor is None:
            mine = []
    delegated = any(ctx.units[f.source].kind in TOP
                    and ctx.units[f.source].company == ctx.units[mine[0]].company
                    for f in ctx.incoming(p, K.DELEGATION)) if mine else True
    add_delegation = sponsor is not None and not delegated and sponsor != p
    d = ctx.design

    def build() -> Batch:
        ops: list[Op] = []
        if add_delegation:
            ops.append(flow(d, sponsor, p, K.DELEGATION, label))  # type: ignore[arg-type]
        ops += [flow(d, p, s, K.COMMAND) for s in mine]
        return Batch(ops, "Give the CSIRT authority over IT operations")

    def fix(lang: str) -> str:
        if lang == "en":
            via = " (by group regulation or contract)" if group else ""
            return (f"Delegate from {ctx.names([sponsor], lang)}{via} and add commands to "
                    f"{ctx.names(mine, lang)}" if add_delegation
                    else f"Add commands to {ctx.names(mine, lang)}")
        via = "（グループ規程・契約による）" if group else ""
        return (f"{ctx.names([sponsor], lang)}からの権限委譲{via}と{ctx.names(mine, lang)}への"
                "指示を追加" if add_delegation else f"{ctx.names(mine, lang)}への指示を追加")

    yield ctx.finding(
        "lacks-authority", [p] + topmost,
        ctx.text(lambda lang: (
            f"No CSIRT can instruct IT operations: no command or delegated authority reaches "
            f"{ctx.names(topmost, lang)}. In an incident the CSIRT can only ask, and the "
            "departments decide." if lang == "en" else
            "どの CSIRT も IT 運用部門に指示できません。"
            f"{ctx.names(topmost, lang)}への指示・権限委譲の経路がなく、"
            "インシデント時に CSIRT は依頼しかできず、判断は各部門に委ねられます。")),
        Text("Define the CSIRT's authority: have the CIO (or management) delegate authority to "
             "the CSIRT and give it the right to instruct IT operations during incidents. In "
             "another group company this needs a group regulation or contract with it.",
             "CSIRT の権限を明確にしてください。CIO（または経営層）から CSIRT へ権限を委譲し、"
             "インシデント時に IT 運用部門へ指示できるようにします。別のグループ会社に対しては、"
             "グループ規程や契約による取り決めが必要です。"),
        fix=ctx.text(fix), builder=build if mine else None)


def _authority_reach(ctx: Context) -> set[str]:
    """Units the CSIRTs reach by command, delegation and the reporting lines below them;
    a command or delegation into another legal entity counts only with that company's
    mandate (see `Context.may_command`)."""
    seen: set[str] = set(ctx.csirts)
    queue = list(ctx.csirts)
    while queue:
        uid = queue.pop()
        for f in ctx.outgoing(uid, K.COMMAND, K.DELEGATION, K.REPORTING):
            t = f.target
            if t in seen:
                continue
            if f.kind is not K.REPORTING and uid in ctx.csirt_set \
                    and not ctx.may_command(uid, t):
                continue
            seen.add(t)
            queue.append(t)
    return seen


@rule("authority-unbacked", Severity.WARNING, S.AUTHORITY_UNBACKED)
def authority_unbacked(ctx: Context) -> Iterator[Finding]:
    """Full authority (CERT/CC's level) that nobody transferred (the talk: "Transfer of
    authority from CIO") is a claim the field will not follow. Fires for each CSIRT whose
    plan declares full authority while no delegation flow
    reaches it from a management or executive unit. Quick fix: that delegation, from the
    CIO-like executive."""
    d = ctx.design
    for c in ctx.csirts:
        plan = ctx.units[c].plan
        if plan is None or plan.authority is not Authority.FULL:
            continue
        if any(ctx.units[f.source].kind in TOP for f in ctx.incoming(c, K.DELEGATION)):
            continue
        sponsor = ctx.sponsor_executive(c)
        yield ctx.finding(
            "authority-unbacked", [c],
            ctx.text(lambda lang, c=c: (
                f"{ctx.names([c], lang)} declares full authority, but no delegation from "
                "management or an executive backs it." if lang == "en" else
                f"{ctx.names([c], lang)}は「完全な権限」を掲げていますが、"
                "経営層・役員からの権限委譲がありません。")),
            Text("Record the delegation (who transfers authority to the CSIRT), or declare "
                 "shared authority.",
                 "誰が CSIRT に権限を委譲するのかを明記するか、権限を「共有」に改めてください。"),
            fix=ctx.text(lambda lang, s=sponsor: (
                f"Add a delegation from {ctx.names([s], lang)}" if lang == "en" else
                f"{ctx.names([s], lang)}からの権限委譲を追加")),
            builder=(lambda c=c, s=sponsor, d=d: Batch(
                [flow(d, s, c, K.DELEGATION, "権限委譲")], "Add delegation"))
            if sponsor and sponsor != c else None)


@rule("no-escalation", Severity.WARNING, S.NO_ESCALATION)
def no_escalation(ctx: Context) -> Iterator[Finding]:
    """Serious incidents are management's decisions (SIM3 P-1 Escalation to Governance
    Level); escalation that stops inside a department keeps them from it. Fires for each
    CSIRT team (CSIRTs linked by flows) from which no chain of `report`
    flows reaches a management or executive unit. Flows: the team's outgoing report flows
    (where escalation stops). Quick fix: a report flow from the team's head to top
    management."""
    d = ctx.design
    for team in ctx.teams:
        reached = ctx.reach(team.csirts, (K.REPORT,))
        if any(ctx.units[u].kind in TOP for u in reached):
            continue
        head = team.head
        top = ctx.top_management(head)
        stops = [f for c in team.csirts for f in ctx.outgoing(c, K.REPORT)
                 if f.target not in team.csirts]
        yield ctx.finding(
            "no-escalation", (head,) + tuple(f.target for f in stops),
            flows=[f.id for f in stops],
            message=ctx.text(lambda lang, head=head, stops=stops: (
                f"Incidents handled by {ctx.names([head], lang)} are never reported to "
                "management"
                + (f"; escalation stops at {ctx.names([f.target for f in stops], lang)}"
                   if stops else "") + "." if lang == "en" else
                f"{ctx.names([head], lang)}が扱うインシデントが経営層に報告されません"
                + (f"（報告は{ctx.names([f.target for f in stops], lang)}で止まります）"
                   if stops else "") + "。")),
            suggestion=Text(
                "Define an escalation path from the CSIRT to management for serious incidents.",
                "重大インシデントについて、CSIRT から経営層への"
                "エスカレーション経路を定めてください。"),
            fix=ctx.text(lambda lang, head=head, top=top: (
                f"Add a report from {ctx.names([head], lang)} to {ctx.names([top], lang)}"
                if lang == "en" else
                f"{ctx.names([head], lang)}から{ctx.names([top], lang)}への報告を追加")),
            builder=(lambda head=head, top=top, d=d: Batch(
                [flow(d, head, top, K.REPORT, "エスカレーション")], "Add escalation"))
            if top is not None else None)


@rule("no-mandate", Severity.INFO, S.NO_MANDATE)
def no_mandate(ctx: Context) -> Iterator[Finding]:
    """A written, approved mandate (SIM3 O-1) is what the CSIRT points to when a department
    asks by what right. Fires when one or more of the design's own CSIRTs (not a vendor's,
    whose mandate is
    its contract) carry a plan whose mandate is not documented (`plan.mandate` is false);
    one finding lists them all."""
    missing = [c for c in ctx.csirts if c not in ctx.vendor
               and ctx.units[c].plan is not None and not ctx.units[c].plan.mandate]  # type: ignore[union-attr]
    if missing:
        yield ctx.finding(
            "no-mandate", missing,
            ctx.text(lambda lang: (
                f"No documented mandate for {ctx.names(missing, lang)}." if lang == "en" else
                f"{ctx.names(missing, lang)}の設置根拠（マンデート）が文書化されていません。")),
            Text("Have management approve a written mandate: mission, constituency, services "
                 "and authority.",
                 "使命・対象範囲・サービス・権限を記した設置根拠を文書にし、経営層の承認を得て"
                 "ください。"))

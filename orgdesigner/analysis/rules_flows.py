"""Rules about the flows around the CSIRT: incident reports in, outside parties, legal and
press, group companies, the disaster-response team."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from ..model import CompanyKind, FlowKind, Function, UnitKind
from ..model.ops import Batch, Op
from . import sources as S
from .context import TOP, Context
from .findings import Finding, Severity, Text, rule
from .fixes import external, find_external, flow

K = FlowKind
#: Kinds of unit whose incidents should reach the CSIRT.
BUSINESS_KINDS = frozenset({UnitKind.DEPARTMENT, UnitKind.DIVISION, UnitKind.SECTION,
                            UnitKind.TEAM})
LEGAL_PR = (Function.LEGAL, Function.MEDIA_RELATIONS, Function.GENERAL_AFFAIRS)
LEGAL_PR_SET = frozenset(LEGAL_PR)


@rule("reports-bypass", Severity.WARNING, S.REPORTS_BYPASS)
def reports_bypass(ctx: Context) -> Iterator[Finding]:
    """The talk's lesson "All of the incident reports can not received – Some incidents were
    resolved in each division" is about reports, learnt in Japanese CSIRTs that work by
    consensus: a department that merely agrees with or is supported by the CSIRT still
    decides alone whether to tell it. So only `report` paths count.
    Fires when in-scope departments, divisions, sections or teams have no way to get
    incident reports to a CSIRT. A unit is covered when it, or a department-level unit above
    it in its reporting line, has a chain of `report` flows leading to a CSIRT (consensus,
    support and coordination flows do not count). Units in a CSIRT's own line are left out:
    its reporting superiors and subordinates, units that delegate authority to it, and units
    it reports incidents to; so are an outside party's own units (under an external unit).
    Units: the topmost uncovered units. Quick fix: a report flow from each of them to the
    CSIRT of its company (else the main CSIRT)."""
    if not ctx.csirts:
        return
    direct, line = bypass_sets(ctx)
    covered: dict[str, bool] = {}
    topmost: list[str] = []
    queue = deque(uid for uid in ctx.units if uid not in ctx.parent)
    outside = {uid for uid in queue if ctx.is_external(uid)}  # trees an outside party tops
    while queue:
        uid = queue.popleft()
        unit = ctx.units[uid]
        up = ctx.parent.get(uid)
        if up in outside:
            outside.add(uid)
        candidate = unit.kind in BUSINESS_KINDS and uid not in line and ctx.in_scope(uid) \
            and uid not in outside
        inherited = up is not None and covered.get(up, False) \
            and ctx.units[up].kind in BUSINESS_KINDS
        covered[uid] = uid in direct or inherited
        if candidate and not covered[uid]:
            parent_open = up is not None and ctx.units[up].kind in BUSINESS_KINDS \
                and up not in line and not covered.get(up, False) and ctx.in_scope(up)
            if not parent_open:
                topmost.append(uid)
        queue.extend(ctx.children.get(uid, ()))
    if not topmost:
        return
    order = {uid: i for i, uid in enumerate(ctx.units)}
    topmost.sort(key=order.__getitem__)
    yield bypass_finding(ctx, topmost)


def bypass_sets(ctx: Context, direct: bool = True) -> tuple[set[str], set[str]]:
    """(units with a chain of `report` flows to a CSIRT — empty unless `direct` —, units
    in a CSIRT's own line)"""
    reporters = set(ctx.reach(ctx.csirts, (K.REPORT,), forward=False)) if direct else set()
    line = set(ctx.reach(ctx.csirts, (K.REPORTING,), forward=True))
    line |= set(ctx.reach(ctx.csirts, (K.REPORTING,), forward=False))
    for c in ctx.csirts:
        line.update(f.source for f in ctx.incoming(c, K.DELEGATION))
        line.update(f.target for f in ctx.outgoing(c, K.REPORT))
    return reporters, line


def bypass_finding(ctx: Context, topmost: list[str]) -> Finding:
    """The reports-bypass finding for `topmost` (in design order); the live checker finds
    those units incrementally (live_bypass.py) and builds the same finding here."""
    by_company = {ctx.units[c].company: c for c in reversed(ctx.csirts)}
    by_company.setdefault("", ctx.primary)  # type: ignore[arg-type]
    target = {u: by_company.get(ctx.units[u].company, ctx.primary) for u in topmost}
    d = ctx.design
    return ctx.finding(
        "reports-bypass", topmost,
        ctx.text(lambda lang: (
            f"{len(topmost)} unit{'s' if len(topmost) > 1 else ''} "
            f"{'have' if len(topmost) > 1 else 'has'} no path for incident reports to a CSIRT: "
            f"{ctx.names(topmost, lang)}. Incidents there are likely resolved locally and "
            "never reach the CSIRT (agreeing with or supporting the CSIRT is not reporting to "
            "it)." if lang == "en" else
            f"{ctx.names(topmost, lang)}から CSIRT へのインシデント報告経路がありません"
            + (f"（計 {len(topmost)} 部署）。" if len(topmost) > 1 else "。")
            + ("これらの部署" if len(topmost) > 1 else "この部署")
            + "で起きたインシデントは部署内で処理され、CSIRT に届かないおそれがあります。")),
        Text("Make reporting to the CSIRT a rule for every department (a point of contact per "
             "department), while agreeing which minor incidents departments may close "
             "themselves so the CSIRT is not overloaded.",
             "全部署に CSIRT への報告を義務付け（部署ごとの窓口を設置）、同時に部署内で完結して"
             "よい軽微なインシデントの範囲を取り決めて、CSIRT が過負荷にならないようにして"
             "ください。"),
        fix=ctx.text(lambda lang: (
            f"Add incident reports from {ctx.names(topmost, lang)} to the CSIRT"
            if lang == "en" else
            f"{ctx.names(topmost, lang)}から CSIRT へのインシデント報告を追加")),
        builder=lambda: Batch([flow(d, u, target[u], K.REPORT) for u in topmost],
                              "Add incident reports"))


@rule("no-external", Severity.WARNING, S.NO_EXTERNAL)
def no_external(ctx: Context) -> Iterator[Finding]:
    """The talk presents the Nippon CSIRT Association as where Japanese CSIRTs work
    together, and lists "Not easy to collaborate with other CSIRT" as a lesson: a CSIRT
    with no outside contact learns of campaigns last. Fires when no CSIRT has a
    `coordination` flow (either direction) with an external
    unit. Quick fix: a coordination flow from the main CSIRT to the Nippon CSIRT
    Association (an existing NCA / JPCERT/CC unit, else a new external unit beside it)."""
    if ctx.primary is None:
        return
    for c in ctx.csirts:
        for f in ctx.touching(c, K.COORDINATION):
            if ctx.is_external(f.target if f.source == c else f.source):
                return
    p = ctx.primary
    d = ctx.design
    critical = d.metadata.sector.critical
    existing = find_external(d, "NCA", "シーサート協議会", "JPCERT")

    def build() -> Batch:
        ops: list[Op] = []
        target = existing
        if target is None:
            add = external(d, p, "日本シーサート協議会 (NCA)", "Nippon CSIRT Association (NCA)")
            ops.append(add)
            target = add.unit.id
        ops.append(flow(d, p, target, K.COORDINATION))
        return Batch(ops, "Coordinate with NCA")

    def nca(lang: str) -> str:  # named when shown (a kept finding's text is rebuilt then)
        if existing:
            return ctx.names([existing], lang)
        return ("a new 'Nippon CSIRT Association (NCA)' unit" if lang == "en"
                else "新しい「日本シーサート協議会 (NCA)」")

    yield ctx.finding(
        "no-external", [p],
        ctx.text(lambda lang: (
            f"{ctx.names([p], lang)} coordinates with no outside party (NCA, JPCERT/CC, other "
            "CSIRTs)." if lang == "en" else
            f"{ctx.names([p], lang)}は外部組織（日本シーサート協議会、JPCERT/CC、他社 CSIRT）と"
            "連携していません。")),
        Text("Join the Nippon CSIRT Association and name a point of contact for JPCERT/CC; "
             "agree in advance what in-house information may be shared."
             + (" In a critical-infrastructure sector, also join the sector's CEPTOAR (the "
                "talk: 'Public Sector: CEPTOAR-Council')." if critical else ""),
             "日本シーサート協議会に加盟し、JPCERT/CC との窓口を定めてください。社内情報をどこまで"
             "共有してよいかを事前に決めておきます。"
             + ("重要インフラ分野では、業界のセプター（CEPTOAR）にも参加してください。"
                if critical else "")),
        fix=ctx.text(lambda lang: (f"Add coordination with {nca(lang)}" if lang == "en"
                                   else f"{nca(lang)}との連携を追加")),
        builder=build)


@rule("no-legal-pr", Severity.WARNING, S.NO_LEGAL_PR)
def no_legal_pr(ctx: Context) -> Iterator[Finding]:
    """The talk's "General approach" slide puts Media Relations beside the CSIRT; SIM3 asks
    for escalation to the press and legal functions. Fires when no CSIRT of the design is
    linked with legal, media relations or general affairs. A CSIRT is linked when a unit
    with one of those functions is among its reporting superiors (a CSIRT inside the
    Administration Dept. works inside general affairs), or when a flow of any kind joins it
    to such a unit, to a unit that contains one (its reporting superior), or to a unit
    inside one. Quick fix (when such units exist): a consensus flow from the main CSIRT to
    the first unit with each function, preferring the main CSIRT's company and never one of
    the CSIRT's own superiors or subordinates."""
    if ctx.primary is None:
        return
    def is_legal(uid: str) -> bool:
        u = ctx.units[uid]
        return u.kind is not UnitKind.EXTERNAL and not LEGAL_PR_SET.isdisjoint(u.functions)

    own = [c for c in ctx.csirts if c not in ctx.vendor]
    partners = {f.target if f.source == c else f.source for c in own for f in ctx.touching(c, *K)}
    if any(is_legal(a) for c in own for a in ctx.ancestors(c)):
        return
    if any(is_legal(u) or any(is_legal(a) for a in ctx.ancestors(u)) for u in partners):
        return
    # A partner that contains a legal/PR unit (its reporting superior, below management):
    # one upward pass from every legal/PR unit, stopping at units already marked.
    containing: set[str] = set()
    for u in ctx.units:
        if not is_legal(u):
            continue
        cur = ctx.parent.get(u)
        while cur is not None and cur not in containing and ctx.units[cur].kind not in TOP:
            containing.add(cur)
            cur = ctx.parent.get(cur)
    if partners & containing:
        return
    p = ctx.primary
    company = ctx.units[p].company
    own_line = set(ctx.ancestors(p)) | set(ctx.reach([p], (K.REPORTING,)))
    picks: list[str] = []
    for fn in LEGAL_PR:
        ranked = [u for u in ctx.units.values() if fn in u.functions
                  and u.kind is not UnitKind.EXTERNAL and u.kind not in TOP
                  and u.id not in ctx.csirt_set and u.id not in own_line]
        ranked.sort(key=lambda u: u.company != company)
        if ranked and ranked[0].id not in picks:
            picks.append(ranked[0].id)
    d = ctx.design
    yield ctx.finding(
        "no-legal-pr", [p] + picks,
        ctx.text(lambda lang: (
            f"{ctx.names([p], lang)} has no link to legal, media relations or general affairs"
            + (f" (not connected: {ctx.names(picks, lang)})" if picks else
               " (the design has no such unit)") + "; after a data breach, press statements "
            "and legal notifications are due within hours." if lang == "en" else
            f"{ctx.names([p], lang)}と法務・広報・総務の連携がありません"
            + (f"（未接続：{ctx.names(picks, lang)}）" if picks else "（該当部署なし）")
            + "。情報漏えいでは、報道対応や法的な届出が数時間のうちに必要になります。")),
        Text("Agree escalation to legal and to media relations (press statements, regulator "
             "and customer notification) before an incident happens.",
             "インシデント発生前に、法務と広報へのエスカレーション（報道対応、監督官庁・顧客への"
             "通知）を取り決めてください。"),
        fix=ctx.text(lambda lang: (
            f"Add consensus with {ctx.names(picks, lang)}" if lang == "en" else
            f"{ctx.names(picks, lang)}との協議（合意）の経路を追加")),
        builder=(lambda: Batch([flow(d, p, u, K.CONSENSUS) for u in picks],
                               "Link legal and PR")) if picks else None)


def group_reach(ctx: Context) -> set[str]:
    """Companies in which some CSIRT of another company has jurisdiction, per CERT/CC's
    coordinating model (affiliates lie outside a CSIRT's authority unless agreed):
    - a unit of the company delegates authority to the CSIRT (group regulation or contract;
      the direction matters: a delegation from the CSIRT into the company grants nothing);
    - the CSIRT and the company's own CSIRT are joined by coordination, consensus or an
      incident report (CSIRT to CSIRT, either direction);
    - the CSIRT and the company's management or an executive of it are joined by
      coordination or consensus, or that management reports incidents to the CSIRT (an
      agreement at the level that can make one) — except
      when the company is the parent and the CSIRT sits in a group company (an IT
      subsidiary serving its parent): a subsidiary cannot impose an agreement on its parent,
      so there only the parent's delegation (its contract or regulation) counts.
    A coordination with some other unit of the company (its IT department, its sales
    office) is a working contact, not jurisdiction; a bare command needs the mandate."""
    cached = ctx.__dict__.get("_group_reach")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    reached: set[str] = set()
    for c in ctx.csirts:
        if c in ctx.vendor:
            continue
        home = ctx.units[c].company
        found = set()
        for f in ctx.incoming(c, K.DELEGATION):
            found.add(ctx.units[f.source].company)
        for f in ctx.touching(c, K.COORDINATION, K.CONSENSUS, K.REPORT):
            other = f.target if f.source == c else f.source
            u = ctx.units[other]
            if u.kind is UnitKind.CSIRT:
                found.add(u.company)
                continue
            # (tested in this order: a CSIRT's incoming reports run to tens of thousands)
            if u.kind not in TOP or (f.kind is K.REPORT and f.source != other):
                continue
            upward = ctx.company_kind(other) is CompanyKind.PARENT \
                and ctx.company_kind(c) is not CompanyKind.PARENT
            if not upward:
                found.add(u.company)
        reached |= found - {home, ""}
    ctx.__dict__["_group_reach"] = reached
    return reached


@rule("group-jurisdiction", Severity.WARNING, S.GROUP)
def group_jurisdiction(ctx: Context) -> Iterator[Finding]:
    """Applies when two or more companies hold internal units. Fires for each in-scope
    company that does not hold the main CSIRT and in which no CSIRT of another company has
    jurisdiction (see `group_reach`: a delegation from the company, a CSIRT-to-CSIRT link
    with its own CSIRT, or an agreement with its management). Quick fix: a coordination
    flow from the main CSIRT to the company's CSIRT, else to its top management labelled as
    the incident-handling agreement (group regulation or contract); when the company is
    the parent and the main CSIRT sits in a group company, the parent's contract instead: a
    delegation from its top management to the CSIRT, labelled as such. A fix never adds a
    command, and a delegation across companies only as that labelled contract."""
    if ctx.primary is None:
        return
    holding = ctx.holding()
    if len(holding) < 2:
        return
    linked = group_reach(ctx)
    p = ctx.primary
    d = ctx.design
    for cid, units in holding.items():
        company = d.companies[cid]
        if cid == ctx.units[p].company or cid in linked or not company.in_scope:
            continue
        own = [u for u in units if u in ctx.csirt_set and u not in ctx.vendor]
        mgmt = [u for u in units if ctx.units[u].kind is UnitKind.MANAGEMENT
                and u not in ctx.parent]
        target = (own or mgmt or units)[0]
        # A group company serving its parent (an IT subsidiary's CSIRT) gets jurisdiction
        # only by the parent's contract: the fix records it as the parent's delegation.
        by_contract = not own and bool(mgmt) and company.kind is CompanyKind.PARENT \
            and ctx.company_kind(p) is not CompanyKind.PARENT
        kind = K.DELEGATION if by_contract else K.COORDINATION
        label = "" if own else ("業務委託契約（グループ規程・契約）" if by_contract
                                else "インシデント対応の取り決め（グループ規程・契約）")
        yield ctx.finding(
            "group-jurisdiction", [target, p],
            ctx.text(lambda lang, company=company: (
                f"{company.kind.label(lang)} '{company.display_name(lang)}' is in scope, but no "
                "CSIRT of another company has "
                "jurisdiction there (no delegation from the company, no link with its CSIRT, "
                "no agreement with its management): its incidents may lie outside the "
                "CSIRT's reach." if lang == "en" else
                f"{company.kind.label(lang)}「{company.display_name(lang)}」は対象範囲ですが、"
                "他社のどの CSIRT も同社に対する管轄を持っていません（同社からの権限委譲、"
                "同社 CSIRT との連携、"
                "同社経営層との取り決めのいずれもない）。同社のインシデントが CSIRT の管轄外に"
                "なるおそれがあります。")),
            Text("Agree with that company how incidents are handled: link its CSIRT with "
                 "yours, or make a group regulation or contract with its management (which may "
                 "delegate authority to your CSIRT).",
                 "同社とインシデント対応の取り決めを結んでください。同社の CSIRT と"
                 "連携するか、同社経営層とグループ規程・契約を結びます（その中で CSIRT への"
                 "権限委譲を定めることもできます）。"),
            fix=ctx.text(lambda lang, target=target, by_contract=by_contract: (
                (f"Add the contract by which {ctx.names([target], lang)} delegates to "
                 f"{ctx.names([p], lang)}" if by_contract else
                 f"Add coordination from {ctx.names([p], lang)} to {ctx.names([target], lang)}")
                if lang == "en" else
                (f"{ctx.names([target], lang)}から{ctx.names([p], lang)}への"
                 "契約による権限委譲を追加"
                 if by_contract else
                 f"{ctx.names([p], lang)}から{ctx.names([target], lang)}への連携を追加"))),
            builder=lambda target=target, label=label, kind=kind, by_contract=by_contract: Batch(
                [flow(d, target, p, kind, label) if by_contract
                 else flow(d, p, target, kind, label)], "Agree with group company"))


@rule("reuse-disaster-team", Severity.INFO, S.DISASTER)
def reuse_disaster_team(ctx: Context) -> Iterator[Finding]:
    """The talk's analysis observes that Japanese companies already have response teams for
    natural disasters; it does not say to reuse them — that is OrgDesigner's interpretation,
    and the finding says so (info only). Fires when units with the disaster-response
    function (other than CSIRTs) have no
    flow of any kind with any CSIRT and no CSIRT below them in the reporting tree (a team
    a CSIRT reports up to is already in its line; consensus with one's own superior would
    be no link at all). Quick fix: a consensus flow from the main CSIRT to each of them."""
    if ctx.primary is None:
        return
    above: set[str] = set()  # every CSIRT's reporting superiors
    for c in ctx.csirt_set:
        up = ctx.parent.get(c)
        while up is not None and up not in above:
            above.add(up)
            up = ctx.parent.get(up)
    alone = [u.id for u in ctx.units.values()
             if Function.DISASTER_RESPONSE in u.functions and u.id not in ctx.csirt_set
             and u.id not in above
             and not any((f.source in ctx.csirt_set or f.target in ctx.csirt_set)
                         for f in ctx.touching(u.id, *K))]
    if not alone:
        return
    p = ctx.primary
    d = ctx.design
    yield ctx.finding(
        "reuse-disaster-team", alone,
        ctx.text(lambda lang: (
            f"{ctx.names(alone, lang)} already handles crises (earthquakes, typhoons) but has "
            "no link to the CSIRT. The talk only observes that such teams exist in Japanese "
            "companies; suggesting the CSIRT reuse it is OrgDesigner's interpretation."
            if lang == "en" else
            f"{ctx.names(alone, lang)}は既に危機対応（地震・台風など）の体制を持っていますが、"
            "CSIRT との連携がありません。講演は日本企業にこうした体制があることを"
            "指摘しているだけで、"
            "CSIRT での活用の提案は OrgDesigner の解釈です。")),
        Text("Consider reusing the disaster-response structure for large incidents: its crisis "
             "headquarters, contact lists and drills.",
             "大規模インシデントに災害対応の仕組み（対策本部、緊急連絡網、訓練）を活用することを"
             "検討してください。"),
        fix=ctx.text(lambda lang: (
            f"Add consensus between the CSIRT and {ctx.names(alone, lang)}" if lang == "en" else
            f"CSIRT と{ctx.names(alone, lang)}の協議（合意）の経路を追加")),
        builder=lambda: Batch([flow(d, p, u, K.CONSENSUS) for u in alone],
                              "Link disaster-response team"))

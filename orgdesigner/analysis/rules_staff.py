"""Rules about the CSIRT's people, services and budget. Staffing is judged per CSIRT (a
coordinating head-office CSIRT does not do a group company's hands-on response, so its
staff do not make that company's CSIRT adequate); services and skills per team of linked
CSIRTs. A vendor's CSIRT (under an external unit) is staffed by the vendor and not judged."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from ..model import CostCategory, CsirtPlan, FlowKind, ServiceHours
from ..model.ops import Batch, SetPlan
from . import sources as S
from .context import Context
from .findings import Finding, Severity, Text, rule
from .fixes import external, find_external, flow

K = FlowKind
MIN_STAFF = 3.0  # ENISA: minimum three staff
SHIFT_EXTRA = 12.0  # ENISA: 24/7 needs about 12 extra staff
#: Role words that mark a member as hands-on technical staff (English or Japanese).
TECHNICAL_WORDS = ("analyst", "engineer", "handler", "forensic", "technical", "shift",
                   "分析", "技術", "エンジニア", "ハンドラ", "フォレンジック")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def _crew(ctx: Context, crew: tuple[str, ...], lang: str) -> str:
    """A crew's name: its head, with its CSIRT sub-units when it has any."""
    head = ctx.names(crew[:1], lang)
    if len(crew) == 1:
        return head
    rest = ctx.names(crew[1:], lang)
    return f"{head} (with {rest})" if lang == "en" else f"{head}（{rest}を含む）"


def _members(ctx: Context, crew: tuple[str, ...]) -> list:
    return [m for c in crew if ctx.units[c].plan is not None
            for m in ctx.units[c].plan.members]  # type: ignore[union-attr]


def _csirt_fte(ctx: Context, crew: tuple[str, ...]) -> tuple[float, float]:
    """(total FTE, dedicated FTE) of one crew's own members (see `Context.crews`)."""
    members = _members(ctx, crew)
    return (sum(m.fte for m in members), sum(m.fte for m in members if m.dedicated))


def _outside_help(ctx: Context, crew: tuple[str, ...]) -> list[str]:
    """Outside parties (vendors, MSSPs, a vendor's CSIRT) that send `support` to the crew."""
    return list(dict.fromkeys(f.source for c in crew for f in ctx.incoming(c, K.SUPPORT)
                              if ctx.is_external(f.source) or f.source in ctx.vendor))


@rule("no-members", Severity.ERROR, S.NO_MEMBERS)
def no_members(ctx: Context) -> Iterator[Finding]:
    """Fires for each crew of the design's own CSIRTs (a CSIRT with its CSIRT sub-units;
    not a vendor's) with no member: a CSIRT that exists only on paper. Judged per crew, not
    per team of linked CSIRTs: a head-office CSIRT that coordinates a group company's CSIRT
    does not staff it (CERT/CC coordinating model: the coordinating CSIRT does not do the
    member teams' hands-on response)."""
    for crew in ctx.crews():
        if _members(ctx, crew):
            continue
        yield ctx.finding(
            "no-members", crew,
            ctx.text(lambda lang, crew=crew: (
                f"{_crew(ctx, crew, lang)} has no members: the CSIRT exists only on paper."
                if lang == "en" else
                f"{_crew(ctx, crew, lang)}にはメンバーがいません。"
                "CSIRT が名ばかりになっています。")),
            Text("Staff the CSIRT: at least a manager and an incident handler, and name a "
                 "point of contact.",
                 "少なくとも責任者とインシデント対応担当者を置き、窓口（PoC）を定めてください。"))


@rule("understaffed", Severity.WARNING, S.UNDERSTAFFED)
def understaffed(ctx: Context) -> Iterator[Finding]:
    """Fires for each crew of the design's own CSIRTs (a CSIRT with its CSIRT sub-units)
    whose members' FTE add up to more than 0 and less than 3 (ENISA's minimum of three
    staff). Judged per crew, not per team of linked CSIRTs: a coordinating
    CSIRT's staff do not do a group company's hands-on response, so they do not make that
    company's 0.3-FTE CSIRT adequate. When an outside party (vendor, MSSP) supports the
    CSIRT, the hands-on work may sit there, so the finding drops to info; how many in-house
    staff then suffice is OrgDesigner's judgement, not the talk's or ENISA's."""
    for crew in ctx.crews():
        total, _ = _csirt_fte(ctx, crew)
        if not 0 < total < MIN_STAFF:
            continue
        helpers = _outside_help(ctx, crew)
        yield ctx.finding(
            "understaffed", list(crew) + helpers, severity=Severity.INFO if helpers else None,
            message=ctx.text(lambda lang, crew=crew, total=total, helpers=helpers: (
                f"{_crew(ctx, crew, lang)} has {_fmt(total)} FTE of its own; at least "
                f"{MIN_STAFF:g} are needed to cover absences and handle incidents in parallel"
                + (f". Hands-on work is supported by {ctx.names(helpers, lang)}, so the "
                   "minimum applies to the team doing it (OrgDesigner's reading; ENISA sets "
                   "no figure for a contract-backed CSIRT)." if helpers else ".")
                if lang == "en" else
                f"{_crew(ctx, crew, lang)}の自前の要員は FTE 換算で {_fmt(total)} 人です。"
                f"休暇時の代替や同時発生への対応には最低 {MIN_STAFF:g} 名が必要です"
                + (f"。実作業は{ctx.names(helpers, lang)}が支援しているため、この最低人数は実作業を"
                   "担う側に求められます（OrgDesigner の解釈であり、委託先を持つ CSIRT について"
                   " ENISA は人数を示していません）。" if helpers else "。"))),
            suggestion=Text(
                "Plan at least three FTE for this CSIRT (raise the CSIRT share of concurrent "
                "members, or add a dedicated handler); with an outside partner, name an "
                "in-house deputy and put the partner's response times in the contract.",
                "この CSIRT に最低 3 FTE を確保してください（兼務者の CSIRT 業務比率を上げる、"
                "専任の対応担当者を追加する等）。外部委託先がある場合は、社内の代行者を決め、"
                "委託先の対応時間を契約に明記してください。"))


@rule("staff-doubling", Severity.WARNING, S.STAFF_DOUBLING)
def staff_doubling(ctx: Context) -> Iterator[Finding]:
    """Fires for each crew of the design's own CSIRTs (a CSIRT with its CSIRT sub-units)
    whose concurrent (兼務) members account for more than half of its FTE. Judged per crew,
    so an all-兼務 group-company CSIRT is not
    hidden behind a dedicated head-office team."""
    for crew in ctx.crews():
        total, dedicated = _csirt_fte(ctx, crew)
        concurrent = total - dedicated
        if not (total > 0 and concurrent > total / 2):
            continue
        share = round(100 * concurrent / total)
        yield ctx.finding(
            "staff-doubling", crew,
            ctx.text(lambda lang, crew=crew, share=share: (
                f"Concurrent staff (兼務) make up {share}% of the FTE of "
                f"{_crew(ctx, crew, lang)}; in an incident their day jobs compete for them."
                if lang == "en" else
                f"{_crew(ctx, crew, lang)}の要員の {share}% が兼務です。インシデント時には"
                "本来業務と競合します。")),
            Text("Make the core (manager and at least one handler) dedicated, and agree "
                 "with home departments that CSIRT work takes priority during incidents.",
                 "中核（責任者と少なくとも 1 名の対応担当）を専任とし、兼務者については"
                 "インシデント時に CSIRT 業務を優先することを所属部署と取り決めてください。"))


@rule("no-business-members", Severity.INFO, S.NO_BUSINESS)
def no_business_members(ctx: Context) -> Iterator[Finding]:
    """The talk's lesson: CSIRT staff lack the business view, so "Assign the appropriate
    staff in other related divisions as CSIRT member". Fires for each CSIRT team with
    members whose home units are all known and all on the
    IT side (IT operations, system development, information planning, security center) or
    a CSIRT itself (members with no home unit count as the CSIRT's own). Members whose home
    names no unit are ignored; a team with only such members is not judged."""
    for team in ctx.teams:
        sides = [ctx.home_side(c, m) for c, m in ctx.members(team)]
        known = [s for s in sides if s != "unknown"]
        if known and all(s in ("own", "it") for s in known):
            yield ctx.finding(
                "no-business-members", team.csirts,
                ctx.text(lambda lang, t=team: (
                    f"All members of {ctx.team_name(t.csirts, lang)} come from IT or the CSIRT "
                    "itself: nobody brings the business view of an incident." if lang == "en"
                    else f"{ctx.team_name(t.csirts, lang)}のメンバーは全員 "
                    "IT 部門または CSIRT 自身の所属で、事業部門の視点を持つ人がいません。")),
                Text("Assign suitable people from related business divisions as concurrent "
                     "CSIRT members.",
                     "関連する事業部門から適任者を CSIRT メンバー（兼務）に任命してください。"))


@rule("relies-on-other-division", Severity.WARNING, S.RELIES)
def relies_on_other_division(ctx: Context) -> Iterator[Finding]:
    """The talk's analysis: "Main service is technical support with relying on other
    division" — the helper's priorities then set the response time. Fires for each crew of
    the design's own CSIRTs (a CSIRT with its CSIRT sub-units; judged per crew like
    staffing, since a coordinating CSIRT's analysts do not do a group company's hands-on
    work) with no dedicated technical member (role containing analyst, engineer, handler,
    forensic, technical or shift, or their Japanese words) that receives `support` flows
    from internal units other than CSIRTs. Flows: those support flows."""
    for crew in ctx.crews():
        if any(m.dedicated and m.fte > 0 and any(w in m.role.lower() for w in TECHNICAL_WORDS)
               for m in _members(ctx, crew)):
            continue
        helpers = [f for c in crew for f in ctx.incoming(c, K.SUPPORT)
                   if f.source not in ctx.csirt_set and not ctx.is_external(f.source)]
        if not helpers:
            continue
        sources = list(dict.fromkeys(f.source for f in helpers))
        yield ctx.finding(
            "relies-on-other-division", crew + tuple(sources),
            flows=[f.id for f in helpers],
            message=ctx.text(lambda lang, crew=crew, sources=sources: (
                f"{_crew(ctx, crew, lang)} has no dedicated technical staff and relies on "
                f"{ctx.names(sources, lang)} for technical work; their priorities decide how "
                "fast it responds." if lang == "en" else
                f"{_crew(ctx, crew, lang)}には専任の技術要員がおらず、技術作業を"
                f"{ctx.names(sources, lang)}に頼っています。"
                "対応の速さが支援部署の都合で決まります。")),
            suggestion=Text(
                "Add at least one dedicated analyst or engineer, or agree service levels with "
                "the supporting division (or an outside specialist) in writing.",
                "専任の分析担当またはエンジニアを最低 1 名置くか、"
                "支援部署（または外部の専門事業者）と対応水準を文書で取り決めてください。"))


@rule("24x7-unstaffed", Severity.WARNING, S.ALWAYS_ON)
def always_on_unstaffed(ctx: Context) -> Iterator[Finding]:
    """A round-the-clock promise needs people on shift or a contracted SOC (ENISA), and a
    promise nobody can keep at 3 a.m. is worse than none. Fires for each crew of the
    design's own CSIRTs (a CSIRT with its CSIRT sub-units) where some CSIRT offers 24×7
    service with less than 15 dedicated FTE of the crew's own (the 3-person minimum plus
    about 12 for shifts, ENISA) and no outside party (MSSP, vendor CSIRT) sending it
    `support`. Severity error when the
    design's sector is finance or another critical-infrastructure sector (the talk names
    NISC's critical-infrastructure programme and the CEPTOAR-Council; it sets no staffing
    level, so the higher severity is OrgDesigner's judgement, said so in the text). Quick
    fix: an external MSSP unit with a support flow to the crew's head."""
    d = ctx.design
    sector = d.metadata.sector
    critical = sector.critical
    for crew in ctx.crews():
        plans = [ctx.units[c].plan for c in crew]
        if not any(p is not None and p.hours is ServiceHours.ALWAYS for p in plans):
            continue
        _, dedicated = _csirt_fte(ctx, crew)
        if dedicated >= MIN_STAFF + SHIFT_EXTRA or _outside_help(ctx, crew):
            continue
        c = crew[0]
        existing = find_external(d, "MSSP", "SOC")

        def build(head: str = c, existing: str | None = existing, d=d) -> Batch:  # type: ignore[no-untyped-def]
            ops = []
            target = existing
            if target is None:
                add = external(d, head, "MSSP（24時間監視）", "MSSP (24×7 monitoring)", slot=1)
                ops.append(add)
                target = add.unit.id
            ops.append(flow(d, target, head, K.SUPPORT, "24×7"))
            return Batch(ops, "Add MSSP support")

        yield ctx.finding(
            "24x7-unstaffed", crew, severity=Severity.ERROR if critical else None,
            message=ctx.text(lambda lang, crew=crew, dedicated=dedicated: (
                f"{_crew(ctx, crew, lang)} promises 24×7 service with {_fmt(dedicated)} "
                f"dedicated FTE and no MSSP; round-the-clock shifts need about "
                f"{MIN_STAFF + SHIFT_EXTRA:g}."
                + (f" In {sector.label(lang).split(' (')[0].lower()}, a critical-infrastructure "
                   "sector (the talk names NISC's critical-infrastructure programme and the "
                   "CEPTOAR-Council), an unanswered night-time incident can stop a service "
                   "society depends on; rating this an error is OrgDesigner's judgement, not "
                   "the talk's." if critical else "")
                if lang == "en" else
                f"{_crew(ctx, crew, lang)}は 24 時間 365 日対応を掲げていますが、専任要員は "
                f"{_fmt(dedicated)} FTE で MSSP もありません。交代制には約 "
                f"{MIN_STAFF + SHIFT_EXTRA:g} 名が必要です。"
                + (f"重要インフラ分野（{sector.label(lang)}）では、夜間のインシデントに対応できない"
                   "と社会を支えるサービスが止まりかねません（講演は NISC の重要インフラ施策と"
                   " CEPTOAR 協議会に触れています）。これをエラーとするのは OrgDesigner の判断で、"
                   "講演によるものではありません。" if critical else ""))),
            suggestion=Text(
                "Outsource night and weekend monitoring to an MSSP, staff shifts, or offer "
                "business-hours service with an on-call contact"
                + (" (in a critical-infrastructure sector, agree the arrangement with the "
                   "sector's CEPTOAR and regulator)." if critical else "."),
                "夜間・休日の監視を MSSP に委託するか、交代要員を確保するか、業務時間内の対応＋"
                "緊急連絡先（オンコール）に改めてください"
                + ("（重要インフラ分野では、所管省庁や業界のセプター（CEPTOAR）とも"
                   "体制をすり合わせて"
                   "ください）。" if critical else "。")),
            fix=ctx.text(lambda lang, existing=existing: (
                f"Add support from {ctx.names([existing], lang)}" if existing else
                "Add an MSSP supporting the CSIRT") if lang == "en" else (
                f"{ctx.names([existing], lang)}からの支援を追加" if existing else
                "CSIRT を支援する MSSP を追加")),
            builder=build)


@rule("no-exercises", Severity.INFO, S.NO_EXERCISES)
def no_exercises(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team none of whose plans lists the Exercises service while the
    design has no training cost item with a non-zero amount. The talk's lesson is about the
    CSIRT's own staff ("Lack of opportunity for skill development for new CSIRT staff"), so
    staff training counts whether planned as exercises or budgeted as training; FIRST's
    "Training and Education" is a service the CSIRT gives its constituency, not training
    for its own staff, and does not count on its own. Quick fix: add the Exercises service
    to the head's plan."""
    if any(c.category is CostCategory.TRAINING and any(a > 0 for a in c.amounts)
           for c in ctx.design.costs.values()):
        return
    for team in ctx.teams:
        if all(c in ctx.vendor for c in team.csirts):
            continue
        services = {s for c in team.csirts if ctx.units[c].plan is not None
                    for s in ctx.units[c].plan.services}  # type: ignore[union-attr]
        if "exercises" in services:
            continue
        head = team.head
        constituency = "training_education" in services

        def build(head: str = head) -> Batch:
            plan = copy.deepcopy(ctx.design.units[head].plan) or CsirtPlan()
            plan.services.append("exercises")
            return Batch([SetPlan(head, plan)], "Plan exercises")

        yield ctx.finding(
            "no-exercises", team.csirts,
            ctx.text(lambda lang, t=team, constituency=constituency: (
                f"{_cap(ctx.team_name(t.csirts, lang))} plans no exercises and the budget has "
                "no training for its staff: serious incidents are rare, so without drills new "
                "staff never build skill."
                + (" (Its 'Training and education' service teaches the constituency, not the "
                   "CSIRT's own staff.)" if constituency else "")
                if lang == "en" else
                f"{ctx.team_name(t.csirts, lang)}には演習の計画がなく、要員の研修費も予算に"
                "ありません。重大インシデントはまれなため、訓練がないと新任要員の技能が育ちません。"
                + ("（計画にある「教育・研修」は社内の利用者向けのサービスで、CSIRT 要員自身の"
                   "研修ではありません。）" if constituency else ""))),
            Text("Plan yearly exercises (a tabletop with management, a technical drill) and "
                 "budget external training for the CSIRT staff.",
                 "年次の演習（経営層を交えた机上演習、技術演習）を計画し、CSIRT 要員の外部研修費を"
                 "予算に計上してください。"),
            fix=Text("Add the Exercises service", "「演習」サービスを追加"),
            builder=build)


@rule("no-budget", Severity.WARNING, S.NO_BUDGET)
def no_budget(ctx: Context) -> Iterator[Finding]:
    """The talk's Japan track ends with Step 8 "Get the CSIRT budget"; an approval pack
    with no personnel cost hides the CSIRT's real price. Fires when the design has a CSIRT,
    the FTE of all CSIRT members in the design add up
    to 0, and no cost item of category personnel has a non-zero amount: the budget would
    show no personnel cost."""
    if ctx.primary is None:
        return
    fte = sum(m.fte for c in ctx.csirts if ctx.units[c].plan is not None
              for m in ctx.units[c].plan.members)  # type: ignore[union-attr]
    paid = any(c.category is CostCategory.PERSONNEL and any(a > 0 for a in c.amounts)
               for c in ctx.design.costs.values())
    if fte > 0 or paid:
        return
    yield ctx.finding(
        "no-budget", [ctx.primary],
        Text("The budget has no personnel cost: no CSIRT member has a share of time on the "
             "CSIRT and there is no personnel cost item.",
             "予算に人件費がありません。CSIRT 業務の比率を持つメンバーも、"
             "人件費の費目もありません。"),
        Text("Add members with their FTE (or a personnel cost item) so the approval pack "
             "shows what the CSIRT really costs.",
             "メンバーと FTE（または人件費の費目）を入力し、承認資料に CSIRT の実コストが"
             "表れるようにしてください。"))

"""Rules about the CSIRT's people, services and budget, judged per team (CSIRTs linked by
flows pool their staff: a head-office CSIRT backs up the group CSIRTs it coordinates)."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from ..model import TRAINING_SERVICES, CostCategory, CsirtPlan, FlowKind, ServiceHours
from ..model.ops import Batch, SetPlan
from . import sources as S
from .context import Context, Team
from .findings import Finding, Severity, Text, rule
from .fixes import external, find_external, flow

K = FlowKind
MIN_STAFF = 3.0  # ENISA: minimum three staff
SHIFT_EXTRA = 12.0  # ENISA: 24/7 needs about 12 extra staff
#: Role words that mark a member as hands-on technical staff (English or Japanese).
TECHNICAL_WORDS = ("analyst", "engineer", "handler", "forensic", "technical", "shift",
                   "分析", "技術", "エンジニア", "ハンドラ", "フォレンジック")


def _fte(ctx: Context, team: Team) -> tuple[float, float]:
    """(total FTE, dedicated FTE) of the team."""
    total = dedicated = 0.0
    for _, m in ctx.members(team):
        total += m.fte
        if m.dedicated:
            dedicated += m.fte
    return total, dedicated


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fmt(x: float) -> str:
    return f"{x:.1f}"


@rule("no-members", Severity.ERROR, S.NO_MEMBERS)
def no_members(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team none of whose CSIRTs has a member in its plan."""
    for team in ctx.teams:
        if ctx.members(team):
            continue
        yield ctx.finding(
            "no-members", team.csirts,
            ctx.text(lambda lang, t=team: (
                f"{_cap(ctx.team_name(t.csirts, lang))} has no members: the CSIRT exists only "
                "on paper."
                if lang == "en" else
                f"{ctx.team_name(t.csirts, lang)}にメンバーがいません。"
                "CSIRT が名ばかりになっています。")),
            Text("Staff the CSIRT: at least a manager and an incident handler, and name a "
                 "point of contact.",
                 "少なくとも責任者とインシデント対応担当者を置き、窓口（PoC）を定めてください。"))


@rule("understaffed", Severity.WARNING, S.UNDERSTAFFED)
def understaffed(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team whose members' FTE on the CSIRT add up to more than 0 and
    less than 3 (ENISA's minimum of three staff)."""
    for team in ctx.teams:
        total, _ = _fte(ctx, team)
        if 0 < total < MIN_STAFF:
            yield ctx.finding(
                "understaffed", team.csirts,
                ctx.text(lambda lang, t=team, total=total: (
                    f"{_cap(ctx.team_name(t.csirts, lang))} has {_fmt(total)} FTE; at least "
                    f"{MIN_STAFF:g} are needed to cover absences and handle incidents in "
                    "parallel." if lang == "en" else
                    f"{ctx.team_name(t.csirts, lang)}の要員は FTE 換算で {_fmt(total)} 人です。"
                    f"休暇時の代替や同時発生への対応には最低 {MIN_STAFF:g} 名が必要です。")),
                Text("Plan at least three FTE (for example by raising the CSIRT share of "
                     "concurrent members, or adding a dedicated handler).",
                     "最低 3 FTE を確保してください（兼務者の CSIRT 業務比率を上げる、専任の"
                     "対応担当者を追加する等）。"))


@rule("staff-doubling", Severity.WARNING, S.STAFF_DOUBLING)
def staff_doubling(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team where concurrent (兼務) members account for more than half
    of the team's FTE."""
    for team in ctx.teams:
        total, dedicated = _fte(ctx, team)
        concurrent = total - dedicated
        if total > 0 and concurrent > total / 2:
            share = round(100 * concurrent / total)
            yield ctx.finding(
                "staff-doubling", team.csirts,
                ctx.text(lambda lang, t=team, share=share: (
                    f"Concurrent staff (兼務) make up {share}% of the FTE of "
                    f"{ctx.team_name(t.csirts, lang)}; in an incident their day jobs compete "
                    "for them."
                    if lang == "en" else
                    f"{ctx.team_name(t.csirts, lang)}の要員の {share}% が兼務です。インシデント時に"
                    "本来業務と取り合いになります。")),
                Text("Make the core (manager and at least one handler) dedicated, and agree "
                     "with home departments that CSIRT work takes priority during incidents.",
                     "中核（責任者と少なくとも 1 名の対応担当）を専任とし、兼務者については"
                     "インシデント時に CSIRT 業務を優先することを所属部署と取り決めてください。"))


@rule("no-business-members", Severity.INFO, S.NO_BUSINESS)
def no_business_members(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team with members whose home units are all known and all on the
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
    """Fires for each CSIRT team with no dedicated technical member (role containing
    analyst, engineer, handler, forensic, technical or shift, or their Japanese words) that
    receives `support` flows from internal units other than CSIRTs. Flows: those support
    flows."""
    for team in ctx.teams:
        if any(m.dedicated and m.fte > 0 and any(w in m.role.lower() for w in TECHNICAL_WORDS)
               for _, m in ctx.members(team)):
            continue
        helpers = [f for c in team.csirts for f in ctx.incoming(c, K.SUPPORT)
                   if f.source not in ctx.csirt_set and not ctx.is_external(f.source)]
        if not helpers:
            continue
        sources = list(dict.fromkeys(f.source for f in helpers))
        yield ctx.finding(
            "relies-on-other-division", team.csirts + tuple(sources),
            flows=[f.id for f in helpers],
            message=ctx.text(lambda lang, t=team, sources=sources: (
                f"{_cap(ctx.team_name(t.csirts, lang))} has no dedicated technical staff and "
                "relies on "
                f"{ctx.names(sources, lang)} for technical work; their priorities decide how "
                "fast it responds." if lang == "en" else
                f"{ctx.team_name(t.csirts, lang)}には専任の技術要員がおらず、技術作業を"
                f"{ctx.names(sources, lang)}に頼っています。"
                "対応の速さが支援部署の都合で決まります。")),
            suggestion=Text(
                "Add at least one dedicated analyst or engineer, or agree service levels with "
                "the supporting division (or an outside specialist) in writing.",
                "専任の分析担当またはエンジニアを最低 1 名置くか、"
                "支援部署（または外部の専門事業者）と対応水準を文書で取り決めてください。"))


@rule("24x7-unstaffed", Severity.WARNING, S.ALWAYS_ON)
def always_on_unstaffed(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team where some CSIRT offers 24×7 service, the team has less
    than 15 dedicated FTE (the 3-person minimum plus about 12 for shifts), and no external
    unit sends a `support` flow to any of its CSIRTs (an MSSP). Quick fix: an external MSSP
    unit with a support flow to the team's head."""
    d = ctx.design
    for team in ctx.teams:
        plans = [ctx.units[c].plan for c in team.csirts]
        if not any(p is not None and p.hours is ServiceHours.ALWAYS for p in plans):
            continue
        _, dedicated = _fte(ctx, team)
        if dedicated >= MIN_STAFF + SHIFT_EXTRA:
            continue
        if any(ctx.is_external(f.source) for c in team.csirts
               for f in ctx.incoming(c, K.SUPPORT)):
            continue
        head = team.head
        existing = find_external(d, "MSSP", "SOC")

        def build(head: str = head, existing: str | None = existing, d=d) -> Batch:  # type: ignore[no-untyped-def]
            ops = []
            target = existing
            if target is None:
                add = external(d, head, "MSSP（24時間監視）", "MSSP (24×7 monitoring)", slot=1)
                ops.append(add)
                target = add.unit.id
            ops.append(flow(d, target, head, K.SUPPORT, "24×7"))
            return Batch(ops, "Add MSSP support")

        yield ctx.finding(
            "24x7-unstaffed", team.csirts,
            ctx.text(lambda lang, t=team, dedicated=dedicated: (
                f"{_cap(ctx.team_name(t.csirts, lang))} promises 24×7 service with "
                f"{_fmt(dedicated)} "
                f"dedicated FTE and no MSSP; round-the-clock shifts need about "
                f"{MIN_STAFF + SHIFT_EXTRA:g}." if lang == "en" else
                f"{ctx.team_name(t.csirts, lang)}は 24 時間 365 日対応を掲げていますが、専任要員は "
                f"{_fmt(dedicated)} FTE で MSSP もありません。交代制には約 "
                f"{MIN_STAFF + SHIFT_EXTRA:g} 名が必要です。")),
            Text("Outsource night and weekend monitoring to an MSSP, staff shifts, or offer "
                 "business-hours service with an on-call contact.",
                 "夜間・休日の監視を MSSP に委託するか、交代要員を確保するか、業務時間内の対応＋"
                 "緊急連絡先（オンコール）に改めてください。"),
            fix=ctx.text(lambda lang, existing=existing: (
                f"Add support from {ctx.names([existing], lang)}" if existing else
                "Add an MSSP supporting the CSIRT") if lang == "en" else (
                f"{ctx.names([existing], lang)}からの支援を追加" if existing else
                "CSIRT を支援する MSSP を追加")),
            builder=build)


@rule("no-exercises", Severity.INFO, S.NO_EXERCISES)
def no_exercises(ctx: Context) -> Iterator[Finding]:
    """Fires for each CSIRT team none of whose plans lists an exercises or training and
    education service. Quick fix: add the exercises service to the head's plan."""
    for team in ctx.teams:
        services = {s for c in team.csirts if ctx.units[c].plan is not None
                    for s in ctx.units[c].plan.services}  # type: ignore[union-attr]
        if services & TRAINING_SERVICES:
            continue
        head = team.head

        def build(head: str = head) -> Batch:
            plan = copy.deepcopy(ctx.design.units[head].plan) or CsirtPlan()
            plan.services.append("exercises")
            return Batch([SetPlan(head, plan)], "Plan exercises")

        yield ctx.finding(
            "no-exercises", team.csirts,
            ctx.text(lambda lang, t=team: (
                f"{_cap(ctx.team_name(t.csirts, lang))} plans no exercises or training: serious "
                "incidents are rare, so without drills new staff never build skill."
                if lang == "en" else
                f"{ctx.team_name(t.csirts, lang)}には演習・教育の計画がありません。"
                "重大インシデントはまれなため、訓練がないと新任要員の技能が育ちません。")),
            Text("Plan yearly exercises (a tabletop with management, a technical drill) and "
                 "external training.",
                 "年次の演習（経営層を交えた机上演習、技術演習）と外部研修を計画してください。"),
            fix=Text("Add the Exercises service", "「演習」サービスを追加"),
            builder=build)


@rule("no-budget", Severity.WARNING, S.NO_BUDGET)
def no_budget(ctx: Context) -> Iterator[Finding]:
    """Fires when the design has a CSIRT, the FTE of all CSIRT members in the design add up
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

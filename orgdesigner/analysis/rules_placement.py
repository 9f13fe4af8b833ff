"""Rules about where the CSIRT sits and which way authority runs around it: placement below
management, upward delegation, and the CIO who is also the CISO."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import FlowKind, Function, UnitKind
from ..model.ops import Batch, RemoveFlow
from . import sources as S
from .context import IT_SIDE, TOP, Context
from .findings import Finding, Severity, Text, rule
from .fixes import flow

K = FlowKind
#: Units that do not make a CSIRT "inside a line department": other CSIRTs, and units whose
#: only job is security (a 情報セキュリティ部 directly below management is the security
#: organisation itself, not a line department the CSIRT is buried in).
_SECURITY_ONLY = frozenset({Function.SECURITY_CENTER})
# Not \b: in "CIO兼CISO" the kanji is a word character, so there is no word boundary.
_CIO_WORDS = re.compile(r"(?<![A-Za-z])CIO(?![A-Za-z])|最高情報責任者|情報システム担当|IT ?担当")
_CISO_WORDS = re.compile(r"(?<![A-Za-z])CISO(?![A-Za-z])|セキュリティ責任者|セキュリティ担当"
                         r"|最高情報セキュリティ")
_IT_RUN = frozenset({Function.IT_OPERATIONS, Function.SYSTEM_DEVELOPMENT,
                     Function.INFORMATION_PLANNING})


def _transparent(ctx: Context, uid: str) -> bool:
    """Between the CSIRT and the top, these do not make it "inside a line department":
    other CSIRTs, security-only units, and further management layers (取締役会 → 社長)."""
    u = ctx.units[uid]
    return u.kind in (UnitKind.CSIRT, UnitKind.MANAGEMENT) \
        or (bool(u.functions) and set(u.functions) <= _SECURITY_ONLY)


def _delegated(ctx: Context, c: str) -> list[str]:
    """Management or executive units that delegate authority to `c`."""
    return [f.source for f in ctx.incoming(c, K.DELEGATION) if ctx.units[f.source].kind in TOP]


def _escalates(ctx: Context, c: str) -> bool:
    return any(ctx.units[f.target].kind in TOP for f in ctx.outgoing(c, K.REPORT))


@rule("far-from-management", Severity.WARNING, S.FAR)
def far_from_management(ctx: Context) -> Iterator[Finding]:
    """The talk's summary: "Classic CSIRT textbook says to set up CSIRTs directly below the
    management" — and, in the next line, that this is difficult in Japan. The textbook's
    accepted alternative (the talk's "Organizational model", outside-Japan side) is a CSIRT
    under the CIO holding authority transferred from the CIO. So, for each of the design's
    own CSIRTs whose reporting tree is topped by management, with the units between them:
    - none: directly below management — nothing;
    - only executives (CIO/CISO), security-only units or CSIRTs, and a management or
      executive unit delegates to the CSIRT — nothing (the textbook's alternative);
    - only those, without a delegation — info: the alternative holds only with delegated
      authority; quick fix: a delegation from the nearest executive above it;
    - a line department (any other unit, e.g. 情報システム部, 経営企画部, 管理部) —
      warning, the common Japanese placement; info when the CSIRT both holds delegated
      authority and reports incidents straight to management or an executive (the
      mitigation the talk's Japanese reality calls for). Quick fix: move the CSIRT (with
      its subordinates) directly under that management unit.
    Severity stays below error because the talk itself says the textbook placement is hard
    in Japan; the suggestion offers the keep-in-place alternative."""
    d = ctx.design
    for c in ctx.csirts:
        if c in ctx.vendor or not ctx.in_scope(c):
            continue
        above = ctx.ancestors(c)
        if not above or ctx.units[above[-1]].kind is not UnitKind.MANAGEMENT:
            continue
        root, between = above[-1], above[:-1]
        if not between:
            continue
        line = [u for u in between if ctx.units[u].kind not in TOP and not _transparent(ctx, u)]
        execs = [u for u in between if ctx.units[u].kind is UnitKind.EXECUTIVE]
        # Authority from another legal entity (a group company's mandate) does not lift the
        # CSIRT out of its own company's line department.
        home = ctx.units[c].company
        sponsors = [s for s in _delegated(ctx, c) if ctx.units[s].company == home]
        if not line:
            if sponsors or not execs:
                continue
            yield _exec_without_delegation(ctx, c, execs[0])
            continue
        mitigated = bool(sponsors) and _escalates(ctx, c)
        up = next(f.id for f in ctx.incoming(c, K.REPORTING))
        chain = [c] + above
        lines = [f.id for u in chain[:-1] for f in ctx.incoming(u, K.REPORTING)]
        it_home = [u for u in line if ctx.has(u, IT_SIDE)]

        def build(c: str = c, root: str = root, up: str = up, d=d) -> Batch:  # type: ignore[no-untyped-def]
            return Batch([RemoveFlow(up), flow(d, root, c, K.REPORTING)],
                         "Move the CSIRT under management")

        depth = len(between) + 1

        def message(lang: str, c=c, root=root, line=line, mitigated=mitigated,  # type: ignore[no-untyped-def]
                    it_home=it_home, depth=depth) -> str:
            if lang == "en":
                text = (f"{ctx.names([c], lang)} sits inside {ctx.names(line, lang)}, {depth} "
                        f"levels below {ctx.names([root], lang)}; the classic textbook places "
                        "the CSIRT directly below management, and here the department's head, "
                        "not management, sets its priorities.")
                if it_home:
                    text += (" It also has to instruct, and after an incident question, the IT "
                             "organisation it belongs to.")
                if mitigated:
                    text += (" Delegated authority and a direct incident report to the top "
                             "soften this.")
                return text
            text = (f"{ctx.names([c], lang)}は{ctx.names(line, lang)}の中にあり、"
                    f"{ctx.names([root], lang)}から {depth} 階層下です。古典的な教科書では CSIRT は"
                    "経営層の直下に置くとされており、この位置では優先順位を経営層ではなく所属部門の"
                    "長が決めることになります。")
            if it_home:
                text += ("また、所属する情報システム部門に指示し、事後にはその対応を検証する"
                         "立場にも立ちます。")
            if mitigated:
                text += "権限委譲と経営層への直接報告があるため、影響は緩和されています。"
            return text

        yield ctx.finding(
            "far-from-management", chain, flows=lines,
            severity=Severity.INFO if mitigated else None,
            message=ctx.text(message),
            suggestion=Text(
                "Move the CSIRT directly under management, or, if reorganising meets "
                "opposition (the talk: \"Many oppositions occur\"), keep it where it is and add "
                "a delegation of authority from management or the CIO/CISO and a direct "
                "incident report line to management.",
                "CSIRT を経営層の直下に移してください。組織変更への反対が強い場合（講演も、"
                "組織変更には多くの反対が起きると指摘しています）は、現在の位置のまま、経営層"
                "または CIO／CISO からの権限委譲と、経営層への直接の報告経路を設けてください。"),
            fix=ctx.text(lambda lang, c=c, root=root: (
                f"Move {ctx.names([c], lang)} directly under {ctx.names([root], lang)}"
                if lang == "en" else
                f"{ctx.names([c], lang)}を{ctx.names([root], lang)}の直下に移動")),
            builder=build)


def _exec_without_delegation(ctx: Context, c: str, boss: str) -> Finding:
    d = ctx.design
    return ctx.finding(
        "far-from-management", [c, boss], severity=Severity.INFO,
        message=ctx.text(lambda lang: (
            f"{ctx.names([c], lang)} sits under {ctx.names([boss], lang)} rather than directly "
            "below management, and no delegation is recorded. The talk's outside-Japan model "
            "puts the CSIRT under the CIO with 'Transfer of authority from CIO'; without that "
            "transfer this placement has neither the textbook's position nor its authority "
            "(OrgDesigner's reading of the two slides)." if lang == "en" else
            f"{ctx.names([c], lang)}は経営層の直下ではなく{ctx.names([boss], lang)}の下にあり、"
            "権限委譲が記録されていません。講演の海外型モデルは CSIRT を CIO の下に置き、CIO から"
            "権限を委譲します（「Transfer of authority from CIO」）。委譲がなければ、この位置は"
            "教科書どおりの位置でも、それに代わる権限の裏付けでもありません（二つのスライドに"
            "対する OrgDesigner の解釈）。")),
        suggestion=Text("Record the executive's delegation of authority to the CSIRT.",
                        "役員から CSIRT への権限委譲を明記してください。"),
        fix=ctx.text(lambda lang: (
            f"Add a delegation from {ctx.names([boss], lang)}" if lang == "en" else
            f"{ctx.names([boss], lang)}からの権限委譲を追加")),
        builder=lambda: Batch([flow(d, boss, c, K.DELEGATION, "権限委譲")], "Add delegation"))


@rule("upward-delegation", Severity.WARNING, S.UPWARD)
def upward_delegation(ctx: Context) -> Iterator[Finding]:
    """Authority is transferred downward (the talk: "Transfer of authority from CIO" to
    the CSIRT; CERT/CC: the CSIRT's authority comes from its sponsor). Fires for each
    `delegation` flow that runs upward: into a management or executive unit from a unit
    that is neither, or into one of the source's reporting superiors. Such a flow is almost
    always drawn the wrong way round. Quick fix: reverse it — only within one legal entity
    (reversed across companies it would hand a parent's authority into a subsidiary, which
    needs a group regulation or contract, not a redrawn line)."""
    d = ctx.design
    for f in ctx.flows.values():
        if f.kind is not K.DELEGATION:
            continue
        src, dst = ctx.units[f.source], ctx.units[f.target]
        upward = (dst.kind in TOP and src.kind not in TOP) or f.target in ctx.ancestors(f.source)
        if not upward:
            continue
        yield ctx.finding(
            "upward-delegation", [f.source, f.target], flows=[f.id],
            message=ctx.text(lambda lang, f=f: (
                f"The delegation from {ctx.names([f.source], lang)} to "
                f"{ctx.names([f.target], lang)} runs upward: a unit cannot transfer authority "
                "to its superiors, so this grants the CSIRT nothing." if lang == "en" else
                f"{ctx.names([f.source], lang)}から{ctx.names([f.target], lang)}への権限委譲は"
                "上向きです。部下から上位者へ権限を委譲することはできず、CSIRT の権限の根拠に"
                "なりません。")),
            suggestion=Text(
                "Reverse the flow (the superior delegates to the CSIRT); to show that the "
                "CSIRT escalates to the superior, use an incident report flow instead.",
                "向きを逆にしてください（上位者から CSIRT へ委譲）。CSIRT から上位者への"
                "エスカレーションを表すなら、インシデント報告の線を使います。"),
            fix=Text("Reverse the delegation", "権限委譲の向きを逆にする"),
            builder=(lambda f=f, d=d: Batch(
                [RemoveFlow(f.id), flow(d, f.target, f.source, K.DELEGATION, f.label)],
                "Reverse delegation")) if src.company == dst.company else None)


def _cio_like(ctx: Context, uid: str) -> bool:
    u = ctx.units[uid]
    return bool(_CIO_WORDS.search(f"{u.name} {u.name_en}")) or not _IT_RUN.isdisjoint(u.functions)


def _ciso_like(ctx: Context, uid: str) -> bool:
    u = ctx.units[uid]
    return bool(_CISO_WORDS.search(f"{u.name} {u.name_en}")) \
        or Function.SECURITY_CENTER in u.functions


@rule("cio-is-ciso", Severity.WARNING, S.SEGREGATION)
def cio_is_ciso(ctx: Context) -> Iterator[Finding]:
    """The talk's outside-Japan model has the CIO transfer authority to the CSIRT; it says
    nothing about the CIO also being the CISO, common in Japan (CIO兼CISO). Then the person
    accountable for running IT also judges IT's incidents — the conflict ISO/IEC 27001
    A.5.3 "Segregation of duties" addresses. Fires for each executive that is both CIO-like
    (name says CIO/情報システム担当, or it holds IT-operations, development or
    information-planning functions) and CISO-like (name says CISO/セキュリティ責任者, or it
    holds the security-center function) and that sponsors one of the design's own CSIRTs
    (its reporting superior, or delegates to it). Warning when none of those CSIRTs reports
    incidents to a management unit directly (all escalation passes through that person),
    else info. Quick fix: a report flow from the main such CSIRT to top management."""
    seen: set[str] = set()
    for c in ctx.csirts:
        if c in ctx.vendor:
            continue
        boss = ctx.parent.get(c)
        sponsors = set(_delegated(ctx, c))
        if boss is not None:
            sponsors.add(boss)
        for s in sponsors:
            if s in seen or ctx.units[s].kind is not UnitKind.EXECUTIVE:
                continue
            if not (_cio_like(ctx, s) and _ciso_like(ctx, s)):
                continue
            seen.add(s)
            yield _combined(ctx, s)


def _combined(ctx: Context, s: str) -> Finding:
    mine = [c for c in ctx.csirts if c not in ctx.vendor and
            (ctx.parent.get(c) == s or s in _delegated(ctx, c))]
    direct = any(ctx.units[f.target].kind is UnitKind.MANAGEMENT
                 for c in mine for f in ctx.outgoing(c, K.REPORT))
    top = ctx.top_management(s)
    d = ctx.design
    head = mine[0]
    return ctx.finding(
        "cio-is-ciso", [s] + mine, severity=Severity.INFO if direct else None,
        message=ctx.text(lambda lang: (
            f"{ctx.names([s], lang)} is both CIO and CISO and sponsors {ctx.names(mine, lang)}: "
            "the person accountable for running IT also judges incidents that IT's own "
            "operation may have caused"
            + ("." if direct else ", and every escalation passes through that person.")
            + " The talk makes no judgement on this; the concern is segregation of duties "
            "(ISO/IEC 27001 A.5.3)." if lang == "en" else
            f"{ctx.names([s], lang)}は CIO と CISO を兼ね、{ctx.names(mine, lang)}の"
            "後ろ盾でもあります。"
            "IT の運用責任者が、IT 自身の運用に起因しうるインシデントを判断する立場になります"
            + ("。" if direct else "。しかもエスカレーションはすべてこの役員を経由します。")
            + "講演はこの点に触れていません。職務の分離（ISO/IEC 27001 附属書A 5.3）の"
            "観点からの指摘です。")),
        suggestion=Text(
            "Give the CSIRT a reporting route to management (or the audit committee) that does "
            "not pass through the CIO, or appoint a CISO separate from the CIO.",
            "CIO を経由しない経営層（または監査委員会）への報告経路を CSIRT に設けるか、"
            "CIO とは別に CISO を任命してください。"),
        fix=ctx.text(lambda lang: (
            f"Add a report from {ctx.names([head], lang)} to {ctx.names([top], lang)}"
            if lang == "en" else
            f"{ctx.names([head], lang)}から{ctx.names([top], lang)}への報告を追加")),
        builder=(lambda: Batch([flow(d, head, top, K.REPORT, "独立した報告経路")],
                               "Add independent escalation"))
        if top is not None and not direct and top != s else None)

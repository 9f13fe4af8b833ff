"""Explainable structural features of a design, compared to find the nearest reference
model. Each feature is one thing a reader can check on the diagram ("what the CSIRT hangs
under"), with its own similarity in 0..1 and a weight; no feature weighs more than 1.5 of
about 12, so one small edit moves any score by at most ~0.12 per feature it changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import CompanyKind, FlowKind, Function, UnitKind
from .authority import AuthorityResult
from .context import ADMIN_SIDE, IT_SIDE, SYSTEMS, Context
from .findings import Text
from .rules_flows import group_reach

K = FlowKind


@dataclass(frozen=True)
class Feature:
    key: str
    label: Text
    weight: float
    extract: Callable[[Context, AuthorityResult], Any]
    similarity: Callable[[Any, Any], float]
    show: Callable[[Any, str], str]


def _same(a: Any, b: Any) -> float:
    return 1.0 if a == b else 0.0


def _table(pairs: dict[frozenset, float]) -> Callable[[Any, Any], float]:
    def sim(a: Any, b: Any) -> float:
        return 1.0 if a == b else pairs.get(frozenset((a, b)), 0.0)
    return sim


def _ladder(order: tuple) -> Callable[[Any, Any], float]:
    """Ordered buckets: equal 1, neighbours 0.5, further 0."""
    def sim(a: Any, b: Any) -> float:
        return max(0.0, 1.0 - 0.5 * abs(order.index(a) - order.index(b)))
    return sim


def _words(table: dict[Any, tuple[str, str]]) -> Callable[[Any, str], str]:
    def show(value: Any, lang: str) -> str:
        en, ja = table.get(value, (str(value), str(value)))
        return ja if lang == "ja" else en
    return show


# ---- extractors ----------------------------------------------------------------------------
def _companies(ctx: Context) -> int:
    return ctx.company_count()


def companies(ctx: Context, _: AuthorityResult) -> str:
    n = _companies(ctx)
    return "1" if n == 1 else "2" if n == 2 else "3+"


def csirt_company(ctx: Context, _: AuthorityResult) -> str:
    if ctx.primary is None:
        return "none"
    if _companies(ctx) < 2:
        return "single"
    kind = ctx.company_kind(ctx.primary)
    return kind.value if kind else "unassigned"


def csirt_under(ctx: Context, _: AuthorityResult) -> str:
    if ctx.primary is None:
        return "no-csirt"
    up = ctx.parent.get(ctx.primary)
    if up is None:
        return "nothing"
    kind = ctx.units[up].kind
    if kind in (UnitKind.MANAGEMENT, UnitKind.EXECUTIVE, UnitKind.CSIRT):
        return kind.value
    if ctx.has(up, IT_SIDE):
        return "it"
    if ctx.has(up, ADMIN_SIDE):
        return "admin"
    return "business"


def csirt_functions(ctx: Context, _: AuthorityResult) -> tuple[str, ...]:
    if ctx.primary is None:
        return ()
    return tuple(sorted(f.value for f in ctx.units[ctx.primary].functions))


def _jaccard(a: tuple, b: tuple) -> float:
    sa, sb = set(a), set(b)
    return 1.0 if not sa | sb else len(sa & sb) / len(sa | sb)


def depth(ctx: Context, _: AuthorityResult) -> int | None:
    return None if ctx.primary is None else ctx.depth_root(ctx.primary)[0]


def _depth_sim(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 1.0 if a == b else 0.0
    return 1.0 - min(abs(a - b), 3) / 3


def authority(_: Context, auth: AuthorityResult) -> str:
    return auth.style


def command_scope(ctx: Context, _: AuthorityResult) -> str:
    if ctx.primary is None:
        return "none"
    it = business = False
    for f in ctx.outgoing(ctx.primary, K.COMMAND):
        t = f.target
        if t in ctx.csirt_set or ctx.is_external(t):
            continue
        if ctx.has(t, SYSTEMS):
            it = True
        else:
            business = True
    return {(False, False): "none", (True, False): "it", (True, True): "it+business",
            (False, True): "business"}[(it, business)]


def _team(ctx: Context):  # type: ignore[no-untyped-def]
    return ctx.teams[0] if ctx.teams else None


def dedicated_share(ctx: Context, _: AuthorityResult) -> float | None:
    team = _team(ctx)
    members = ctx.members(team) if team else []
    total = sum(m.fte for _, m in members)
    if total <= 0:
        return None
    return round(sum(m.fte for _, m in members if m.dedicated) / total, 2)


def _share_sim(a: float | None, b: float | None) -> float:
    if a is None or b is None:
        return 1.0 if a == b else 0.0
    return 1.0 - abs(a - b)


def member_homes(ctx: Context, _: AuthorityResult) -> tuple[float, float, float] | None:
    team = _team(ctx)
    fte = {"own": 0.0, "it": 0.0, "business": 0.0}
    for c, m in ctx.members(team) if team else []:
        side = ctx.home_side(c, m)
        if side in fte:
            fte[side] += m.fte
    total = sum(fte.values())
    if total <= 0:
        return None
    return tuple(round(fte[k] / total, 2) for k in ("own", "it", "business"))  # type: ignore[return-value]


def _homes_sim(a: tuple | None, b: tuple | None) -> float:
    if a is None or b is None:
        return 1.0 if a == b else 0.0
    return 1.0 - sum(abs(x - y) for x, y in zip(a, b, strict=True)) / 2


def _homes_show(value: tuple | None, lang: str) -> str:
    if value is None:
        return "no members" if lang == "en" else "メンバーなし"
    own, it, biz = (round(100 * v) for v in value)
    if lang == "ja":
        return f"CSIRT 所属 {own}%・IT 部門 {it}%・事業部門 {biz}%"
    return f"{own}% CSIRT's own, {it}% IT units, {biz}% business units"


def member_spread(ctx: Context, _: AuthorityResult) -> str:
    team = _team(ctx)
    homes = set()
    for _c, m in ctx.members(team) if team else []:
        uid = ctx.resolve(m.home_unit) if m.home_unit.strip() else None
        if uid is not None and uid not in ctx.csirt_set:
            homes.add(uid)
    n = len(homes)
    return "0" if n == 0 else "1-2" if n <= 2 else "3+"


def group_pattern(ctx: Context, _: AuthorityResult) -> str:
    if not ctx.csirts:
        return "none"
    if len(ctx.csirts) == 1:
        if _companies(ctx) < 2:
            return "single"
        # One CSIRT and several companies serves the group only when it has jurisdiction
        # in another company; otherwise it is one company's CSIRT beside the others.
        return "central" if group_reach(ctx) else "isolated"
    return "coordinated" if len(ctx.teams) == 1 else "separate"


def external(ctx: Context, _: AuthorityResult) -> str:
    parties = set()
    for c in ctx.csirts:
        for f in ctx.touching(c, K.COORDINATION):
            other = f.target if f.source == c else f.source
            if ctx.is_external(other):
                parties.add(other)
    return "0" if not parties else "1" if len(parties) == 1 else "2+"


def relies_on_support(ctx: Context, _: AuthorityResult) -> bool:
    team = _team(ctx)
    return bool(team) and any(
        f.source not in ctx.csirt_set and not ctx.is_external(f.source)
        for c in team.csirts for f in ctx.incoming(c, K.SUPPORT))


def _kind_words() -> dict[str, tuple[str, str]]:
    words = {k.value: (k.en, k.ja) for k in CompanyKind}  # type: ignore[attr-defined]
    words.update({"single": ("a single company", "単一企業"), "none": ("no CSIRT", "CSIRT なし"),
                  "unassigned": ("no company", "会社未設定")})
    return words


_UNDER = {
    "no-csirt": ("no CSIRT", "CSIRT なし"),
    "nothing": ("nothing (top of its tree)", "なし（最上位）"),
    "management": ("management", "経営層"),
    "executive": ("an executive (CIO/CISO)", "役員（CIO／CISO）"),
    "csirt": ("another CSIRT", "他の CSIRT"), "it": ("an IT unit", "IT 部門"),
    "admin": ("an administration / risk unit", "管理・リスク管理部門"),
    "business": ("a business unit", "事業部門"),
}
_STYLE = {"strong": ("strong", "強い権限型"), "consensual": ("consensual", "合意形成型"),
          "none": ("none", "なし")}
_SCOPE = {"none": ("no unit", "指示先なし"), "it": ("IT operations only", "IT 運用部門のみ"),
          "it+business": ("IT operations and other departments", "IT 運用部門と他部門"),
          "business": ("departments but not IT", "IT 以外の部門のみ")}
_PATTERN = {"none": ("no CSIRT", "CSIRT なし"),
            "single": ("one CSIRT, one company", "単一企業に 1 CSIRT"),
            "central": ("one CSIRT serving the group", "1 つの CSIRT がグループ全体を担当"),
            "isolated": ("one company's CSIRT, no group flows",
                         "1 社のみの CSIRT（グループ会社との連携なし）"),
            "coordinated": ("linked CSIRTs (head office coordinates)",
                            "連携する複数 CSIRT（本社が調整）"),
            "separate": ("separate, unlinked CSIRTs", "連携のない複数 CSIRT")}


def _funcs_show(value: tuple, lang: str) -> str:
    if not value:
        return "none" if lang == "en" else "なし"
    return ", ".join(Function(v).label(lang) for v in value)


FEATURES: tuple[Feature, ...] = (
    Feature("companies", Text("Companies", "会社数"), 1.0, companies,
            _table({frozenset(("2", "3+")): 0.5}),
            _words({"1": ("one", "1 社"), "2": ("two", "2 社"), "3+": ("three or more",
                                                                   "3 社以上")})),
    Feature("csirt_company", Text("CSIRT's company", "CSIRT の所属会社"), 1.0, csirt_company,
            _same, _words(_kind_words())),
    Feature("csirt_under", Text("CSIRT hangs under", "CSIRT の上位"), 1.0, csirt_under,
            _table({frozenset(("management", "executive")): 0.5}), _words(_UNDER)),
    Feature("csirt_functions", Text("CSIRT's functions", "CSIRT の機能"), 0.5, csirt_functions,
            _jaccard, _funcs_show),
    Feature("depth", Text("Levels below top management", "経営層からの階層数"), 1.0, depth,
            _depth_sim, lambda v, lang: ("-" if v is None else f"{v}")),
    Feature("authority", Text("Authority style", "権限の型"), 1.5, authority,
            _table({frozenset(("strong", "none")): 0.25,
                    frozenset(("consensual", "none")): 0.5}), _words(_STYLE)),
    Feature("command_scope", Text("CSIRT commands", "CSIRT の指示先"), 1.0, command_scope,
            _table({frozenset(("it", "it+business")): 0.5,
                    frozenset(("business", "it+business")): 0.5}), _words(_SCOPE)),
    Feature("dedicated_share", Text("Dedicated share of FTE", "専任比率（FTE）"), 1.0,
            dedicated_share, _share_sim,
            lambda v, lang: ("-" if v is None else f"{round(100 * v)}%")),
    Feature("member_homes", Text("Members' home units", "メンバーの所属"), 1.0, member_homes,
            _homes_sim, _homes_show),
    Feature("member_spread", Text("Units members come from", "メンバーの出身部署数"), 0.5,
            member_spread, _ladder(("0", "1-2", "3+")),
            _words({"0": ("none besides the CSIRT", "CSIRT 以外なし"),
                    "1-2": ("one or two units", "1〜2 部署"),
                    "3+": ("three or more units", "3 部署以上")})),
    Feature("group_pattern", Text("Group coordination", "グループ連携"), 1.5, group_pattern,
            _table({frozenset(("central", "coordinated")): 0.25,
                    frozenset(("single", "central")): 0.25,
                    frozenset(("isolated", "central")): 0.5,
                    frozenset(("isolated", "single")): 0.5}), _words(_PATTERN)),
    Feature("external", Text("Outside parties coordinated with", "連携する外部組織"), 0.75,
            external, _ladder(("0", "1", "2+")),
            _words({"0": ("none", "なし"), "1": ("one", "1 組織"),
                    "2+": ("two or more", "2 組織以上")})),
    Feature("relies_on_support", Text("Relies on another unit's support",
                                      "他部署の支援に依存"), 0.5, relies_on_support, _same,
            lambda v, lang: ("yes" if v else "no") if lang == "en" else ("あり" if v else "なし")),
)
TOTAL_WEIGHT = sum(f.weight for f in FEATURES)


def extract(ctx: Context, auth: AuthorityResult) -> dict[str, Any]:
    return {f.key: f.extract(ctx, auth) for f in FEATURES}

"""The checker's view of one design: adjacency built once per check, shared by every rule.

Every lookup a rule needs (flows out of / into a unit by kind, the reporting tree, depths,
which CSIRT is the main one) is precomputed here in one pass over units and flows, so each
rule stays linear in the size of the design.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import CompanyKind, Design, Flow, FlowKind, Function, Member, Unit, UnitKind
from .findings import RULES, Finding, Lazy, Severity, Words

#: Units that run or change the systems an incident responder must be able to instruct.
SYSTEMS = frozenset({Function.IT_OPERATIONS, Function.SYSTEM_DEVELOPMENT})
#: The IT side of the house (for "where do CSIRT members come from").
IT_SIDE = frozenset({Function.IT_OPERATIONS, Function.SYSTEM_DEVELOPMENT,
                     Function.INFORMATION_PLANNING, Function.SECURITY_CENTER})
#: Staff/control functions a CSIRT often hangs under in Japan (talk, Model 1).
ADMIN_SIDE = frozenset({Function.RISK_MANAGEMENT, Function.ADMINISTRATION,
                        Function.GENERAL_AFFAIRS, Function.LEGAL, Function.INTERNAL_AUDIT})
TOP = frozenset({UnitKind.MANAGEMENT, UnitKind.EXECUTIVE})

_NONE: tuple = ()


@dataclass(frozen=True)
class Team:
    """CSIRTs that work as one (linked by flows); `head` is the main one of them."""

    head: str
    csirts: tuple[str, ...]


#: Units or flows indexed between two pauses of a context built in steps (`in_steps`).
STEP = 5000


class Context:
    def __init__(self, design: Design) -> None:
        for _ in self._build(design):
            pass

    @classmethod
    def in_steps(cls, design: Design) -> Iterator[Context | None]:
        """The context built a piece at a time: None between pieces (a caller may return to
        its event loop there; the design must not change meanwhile), the context last. At
        50,000 units the whole build is 0.3–0.5 s: the app's first check runs it in slices."""
        ctx = cls.__new__(cls)
        yield from ctx._build(design)
        yield ctx

    def _build(self, design: Design) -> Iterator[None]:
        self.design = design
        self.units: dict[str, Unit] = design.units
        self.flows: dict[str, Flow] = design.flows
        # kind → unit id → flows leaving / entering that unit
        self.out: dict[FlowKind, dict[str, list[Flow]]] = {k: {} for k in FlowKind}
        self.inc: dict[FlowKind, dict[str, list[Flow]]] = {k: {} for k in FlowKind}
        self.parent: dict[str, str] = {}
        self.children: dict[str, list[str]] = {}
        for n, f in enumerate(self.flows.values(), 1):
            self.out[f.kind].setdefault(f.source, []).append(f)
            self.inc[f.kind].setdefault(f.target, []).append(f)
            if f.kind is FlowKind.REPORTING:
                self.parent[f.target] = f.source
                self.children.setdefault(f.source, []).append(f.target)
            if n % STEP == 0:
                yield
        self.by_kind: dict[UnitKind, list[str]] = {k: [] for k in UnitKind}
        for u in self.units.values():
            self.by_kind[u.kind].append(u.id)
        yield
        self.csirts: list[str] = self.by_kind[UnitKind.CSIRT]
        self._out_of_scope = frozenset(c.id for c in design.companies.values() if not c.in_scope)
        self._members: dict[Team, list[tuple[str, Member]]] = {}
        self._top: dict[str | None, str | None] = {}
        self.csirt_set = frozenset(self.csirts)
        self._depth: dict[str, tuple[int, str]] = {}
        self._by_name: dict[str, str] | None = None
        #: CSIRTs run by an outside party (an external unit above them in the reporting
        #: tree: a vendor's or MSSP's CSIRT). They serve the design; they are not its CSIRT.
        self.vendor = frozenset(c for c in self.csirts if self._under_external(c))
        self.primary: str | None = self._choose_primary()
        self.teams: list[Team] = self._build_teams()

    # ---- basic queries -----------------------------------------------------------------
    def outgoing(self, uid: str, *kinds: FlowKind) -> Iterable[Flow]:
        for k in kinds:
            yield from self.out[k].get(uid, _NONE)

    def incoming(self, uid: str, *kinds: FlowKind) -> Iterable[Flow]:
        for k in kinds:
            yield from self.inc[k].get(uid, _NONE)

    def touching(self, uid: str, *kinds: FlowKind) -> Iterable[Flow]:
        yield from self.outgoing(uid, *kinds)
        yield from self.incoming(uid, *kinds)

    def is_external(self, uid: str) -> bool:
        return self.units[uid].kind is UnitKind.EXTERNAL

    def in_scope(self, uid: str) -> bool:
        return self.units[uid].company not in self._out_of_scope

    def has(self, uid: str, functions: frozenset[Function]) -> bool:
        return not functions.isdisjoint(self.units[uid].functions)

    def company_count(self) -> int:
        """Companies that hold at least one internal unit (at least 1)."""
        n = self.__dict__.get("_company_count")
        if n is None:
            n = self._company_count = len(
                {u.company for u in self.units.values()
                 if u.company and u.kind is not UnitKind.EXTERNAL}) or 1
        return n

    def holding(self) -> dict[str, list[str]]:
        """Company id → its internal (not external) units, in design order; memoised."""
        found = self.__dict__.get("_holding")
        if found is None:
            found = {}
            for u in self.units.values():
                if u.company and u.kind is not UnitKind.EXTERNAL:
                    found.setdefault(u.company, []).append(u.id)
            self._holding = found
        return found  # type: ignore[no-any-return]

    def depth_root(self, uid: str) -> tuple[int, str]:
        """(reporting levels below the root of its tree, root id); memoised, linear overall."""
        hit = self._depth.get(uid)
        if hit is not None:
            return hit
        chain = []
        cur: str | None = uid
        seen = set()
        while cur is not None and cur not in self._depth and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            cur = self.parent.get(cur)
        base = self._depth[cur] if cur is not None and cur in self._depth else (-1, chain[-1])
        d, root = base
        for node in reversed(chain):
            d += 1
            self._depth[node] = (d, root)
        return self._depth[uid]

    def reach(self, starts: Iterable[str], kinds: tuple[FlowKind, ...],
              forward: bool = True) -> dict[str, str | None]:
        """Units reachable from `starts` along flows of `kinds`: id → flow id that reached it."""
        table = self.out if forward else self.inc
        seen: dict[str, str | None] = {s: None for s in starts}
        queue = deque(seen)
        while queue:
            uid = queue.popleft()
            for k in kinds:
                for f in table[k].get(uid, _NONE):
                    nxt = f.target if forward else f.source
                    if nxt not in seen:
                        seen[nxt] = f.id
                        queue.append(nxt)
        return seen

    def top_management(self, near: str | None = None) -> str | None:
        """The management body a CSIRT answers to: the root of `near`'s reporting tree when
        that is the management of the parent (or only) company; else the parent company's
        top management; else `near`'s own top management; else any top management."""
        if near in self._top:
            return self._top[near]
        self._top[near] = found = self._find_top(near)
        return found

    def _find_top(self, near: str | None) -> str | None:
        mgmt = self.by_kind[UnitKind.MANAGEMENT]
        roots = [m for m in mgmt if m not in self.parent]
        own = None
        if near is not None:
            root = self.depth_root(near)[1]
            own = root if self.units[root].kind is UnitKind.MANAGEMENT else None
        if own is not None and self.company_kind(own) in (None, CompanyKind.PARENT):
            return own
        parent = [r for r in roots if self.company_kind(r) is CompanyKind.PARENT]
        for choice in (parent, [own] if own else [], roots, mgmt):
            if choice:
                return choice[0]
        return None

    def sponsor_executive(self, near: str | None = None) -> str | None:
        """The CIO-like executive to delegate from: an executive with IT functions in the
        CSIRT's company, else any executive there, else that company's top management.
        Never a unit of another legal entity: a parent's executive holds no authority
        inside a subsidiary to delegate (quick fixes rely on this)."""
        company = self.units[near].company if near is not None else ""
        execs = [self.units[e] for e in self.by_kind[UnitKind.EXECUTIVE]
                 if not company or self.units[e].company == company]
        ranked = sorted(execs, key=lambda u: not any(f in IT_SIDE for f in u.functions))
        return ranked[0].id if ranked else self.own_top(near)

    def own_top(self, near: str | None) -> str | None:
        """Top management of `near`'s own legal entity (the root of its reporting tree when
        that is a management unit of the same company; else a root management unit of the
        company); in a design without companies, `top_management(near)`."""
        company = self.units[near].company if near is not None else ""
        if not company:
            return self.top_management(near)
        root = self.depth_root(near)[1]  # type: ignore[arg-type]
        u = self.units[root]
        if u.kind is UnitKind.MANAGEMENT and u.company == company:
            return root
        roots = [m for m in self.by_kind[UnitKind.MANAGEMENT]
                 if self.units[m].company == company and m not in self.parent]
        return roots[0] if roots else None

    def company_kind(self, uid: str) -> CompanyKind | None:
        c = self.design.companies.get(self.units[uid].company)
        return c.kind if c else None

    def _under_external(self, uid: str) -> bool:
        cur = self.parent.get(uid)
        seen = {uid}
        while cur is not None and cur not in seen:
            if self.units[cur].kind is UnitKind.EXTERNAL:
                return True
            seen.add(cur)
            cur = self.parent.get(cur)
        return False

    def ancestors(self, uid: str) -> list[str]:
        """`uid`'s reporting superiors, nearest first."""
        out: list[str] = []
        cur = self.parent.get(uid)
        seen = {uid}
        while cur is not None and cur not in seen:
            out.append(cur)
            seen.add(cur)
            cur = self.parent.get(cur)
        return out

    def mandates(self, csirt: str) -> set[str]:
        """Companies whose units delegate authority to `csirt`: the group regulation or
        contract that lets a CSIRT act inside another legal entity (a parent's management
        cannot hand out authority inside a subsidiary it does not hold there)."""
        cache = self.__dict__.setdefault("_mandates", {})
        found = cache.get(csirt)
        if found is None:
            found = cache[csirt] = {self.units[f.source].company
                                    for f in self.incoming(csirt, FlowKind.DELEGATION)}
        return found  # type: ignore[no-any-return]

    def may_command(self, csirt: str, target: str) -> bool:
        """A command from `csirt` carries authority in `target`'s legal entity: the same
        company, or that company delegates to the CSIRT (group regulation or contract)."""
        there = self.units[target].company
        return there == self.units[csirt].company or there in self.mandates(csirt)

    # ---- the main CSIRT ----------------------------------------------------------------
    def _choose_primary(self) -> str | None:
        """The CSIRT the design is about: one of the design's own CSIRTs (a vendor's CSIRT,
        or one in a company outside the scope, only when there is no other), whose
        reporting line rises to management (a free-floating CSIRT is more likely a
        partner's than the design's), with most links to other CSIRTs (the head of a
        group), then the one in the parent company, then the highest, then the first
        drawn."""
        if not self.csirts:
            return None
        order = {uid: i for i, uid in enumerate(self.csirts)}
        rank = {None: 0, CompanyKind.PARENT: 0, CompanyKind.IT_SUBSIDIARY: 1,
                CompanyKind.SUBSIDIARY: 2}

        def key(uid: str) -> tuple:
            linked = {f.target if f.source == uid else f.source
                      for f in self.touching(uid, *FlowKind)} & self.csirt_set
            sponsored = self.units[self.depth_root(uid)[1]].kind in TOP
            return (uid in self.vendor, not self.in_scope(uid), not sponsored, -len(linked),
                    rank[self.company_kind(uid)],
                    self.depth_root(uid)[0], order[uid])

        return min(self.csirts, key=key)

    def _build_teams(self) -> list[Team]:
        """CSIRTs joined by any flow between two CSIRTs form one team (a head-office CSIRT
        and the group CSIRTs it coordinates: CERT/CC combined and coordinating models).
        Staffing is judged per team, so a small group-company CSIRT that the head office
        backs up is not reported as understaffed on its own."""
        root = {c: c for c in self.csirts}

        def find(x: str) -> str:
            while root[x] != x:
                root[x] = root[root[x]]
                x = root[x]
            return x

        for c in self.csirts:
            for f in self.outgoing(c, *FlowKind):
                if f.target in root:
                    a, b = find(c), find(f.target)
                    if a != b:
                        root[b] = a
        groups: dict[str, list[str]] = {}
        for c in self.csirts:
            groups.setdefault(find(c), []).append(c)
        teams = []
        for members in groups.values():
            head = self.primary if self.primary in members else members[0]
            teams.append(Team(head, tuple([head] + [c for c in members if c != head])))
        teams.sort(key=lambda t: t.head != self.primary)
        return teams

    def crews(self) -> list[tuple[str, ...]]:
        """The design's own CSIRTs grouped for staffing: a CSIRT with the CSIRT sub-units
        below it in the reporting tree (its analysis team, its SOC section) is one crew,
        topmost first. Coordination, reports or support between CSIRTs do not join crews:
        a coordinating CSIRT does not staff the CSIRTs it coordinates."""
        found = self.__dict__.get("_crews")
        if found is None:
            found = []
            for c in self.csirts:
                if c in self.vendor or self.parent.get(c) in self.csirt_set:
                    continue
                crew, todo = [c], [c]
                while todo:
                    for child in self.children.get(todo.pop(), ()):
                        if child in self.csirt_set and child not in crew:
                            crew.append(child)
                            todo.append(child)
                found.append(tuple(crew))
            self._crews = found
        return found  # type: ignore[no-any-return]

    def members(self, team: Team) -> list[tuple[str, Member]]:
        """(CSIRT id, member) for every member of every CSIRT in the team."""
        found = self._members.get(team)
        if found is None:
            found = self._members[team] = [
                (c, m) for c in team.csirts if self.units[c].plan is not None
                for m in self.units[c].plan.members]  # type: ignore[union-attr]
        return found

    def resolve(self, home: str) -> str | None:
        """A member's home unit: an id, else a unit's exact name (either language)."""
        if home in self.units:
            return home
        if self._by_name is None:
            self._by_name = {}
            for u in self.units.values():
                for n in (u.name, u.name_en):
                    if n:
                        self._by_name.setdefault(n, u.id)
        return self._by_name.get(home)

    def home_side(self, csirt: str, member: Member) -> str:
        """'own' (hired into a CSIRT), 'it', 'business' or 'unknown' (text naming no unit)."""
        if not member.home_unit.strip():
            return "own"
        uid = self.resolve(member.home_unit)
        if uid is None:
            return "unknown"
        if uid in self.csirt_set:
            return "own"
        return "it" if self.has(uid, IT_SIDE) else "business"

    # ---- names and findings --------------------------------------------------------------
    def name(self, uid: str, lang: str) -> str:
        """The unit's name; a name that several units share (every group company has a
        'Management') gets its company added, so a message never leaves the reader guessing."""
        u = self.units.get(uid)
        if u is None:
            return uid
        text = u.display_name(lang)
        if u.company and text in self._shared_names(lang):
            company = self.design.companies.get(u.company)
            if company is not None:
                where = company.display_name(lang)
                return f"{text} ({where})" if lang == "en" else f"{text}（{where}）"
        return text

    def _shared_names(self, lang: str) -> set[str]:
        cache = self.__dict__.setdefault("_shared", {})
        if lang not in cache:
            seen: set[str] = set()
            shared: set[str] = set()
            for u in self.units.values():
                n = u.display_name(lang)
                (shared if n in seen else seen).add(n)
            cache[lang] = shared
        return cache[lang]  # type: ignore[no-any-return]

    def team_name(self, csirts: tuple[str, ...], lang: str) -> str:
        if len(csirts) == 1:
            return self.names(csirts, lang)
        if lang == "ja":
            return f"{self.names(csirts, lang)}からなる CSIRT チーム"
        return f"the CSIRT team of {self.names(csirts, lang)}"

    def names(self, ids: Iterable[str], lang: str, limit: int = 4, noun: str = "部署") -> str:
        """Unit names for a sentence: four at most, then "and N more" (ほかN部署)."""
        ids = list(ids)
        shown = [self.name(i, lang) for i in ids[:limit]]
        rest = len(ids) - len(shown)
        if lang == "ja":
            text = "、".join(f"「{s}」" for s in shown)
            return text + (f"ほか{rest}{noun}" if rest > 0 else "")
        text = ", ".join(f"'{s}'" for s in shown)
        return text + (f" and {rest} more" if rest > 0 else "")

    def text(self, build) -> Lazy:  # type: ignore[no-untyped-def]
        """`build(lang)` → sentence, built when first shown (see `Lazy`)."""
        return Lazy(build)

    def finding(self, rule_id: str, units: Iterable[str], message: Words, suggestion: Words,
                *, flows: Iterable[str] = (), fix: Words | None = None, builder=None,
                severity: Severity | None = None) -> Finding:  # type: ignore[no-untyped-def]
        r = RULES[rule_id]
        return Finding(rule_id, severity or r.severity, tuple(units), tuple(flows), r.source,
                       message, suggestion, fix if builder is not None else None, builder)

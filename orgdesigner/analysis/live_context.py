"""A checker `Context` kept current from the design's model events instead of rebuilt.

Building a `Context` walks every unit and flow (0.3 s at 50,000 units); an edit touches a
handful. `LiveContext.update(units, flows, aspects)` patches only what the touched units and
flows feed: the per-kind flow lists of their ends (kept in design order, which findings and
their fixes follow), reporting parents and children, units by kind, the per-company and
shared-name counts behind `company_count` and `name`, then re-derives what hangs on the
CSIRTs alone (vendor CSIRTs, the main CSIRT, teams: linear in the CSIRTs and their flows)
and drops the small memos. It reports which of those derived facts changed, so the live
checker (`live.py`) knows which rules must run again.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Iterable, Iterator

from ..model import Design, FlowKind, Unit, UnitKind
from ..model.entities import display_name
from .context import STEP, Context

_LANGS = ("en", "ja")
#: Memos a rule may leave in `Context.__dict__`; all are cheap to rebuild after an edit.
_MEMOS = ("_mandates", "_crews", "_group_reach")
#: Edits that may change which CSIRT is the main one, which are vendors', and the teams
#: (besides a flow with a CSIRT at one end): reporting lines, units' set, kind and
#: company, companies' kind and scope.
_STRUCTURE = frozenset({"flow:reporting", "unit:set", "unit:kind", "unit:company",
                        "company:set", "company:kind", "company:scope"})


def _held(u: Unit | tuple | None) -> str:
    """The company a unit (or its snapshot) counts for in `holding` ("" for none)."""
    if u is None:
        return ""
    kind, company = (u.kind, u.company) if isinstance(u, Unit) else u[:2]
    return company if company and kind is not UnitKind.EXTERNAL else ""


class LiveContext(Context):
    """A `Context` that `update` brings up to date after edits (see the module docstring)."""

    def _build(self, design: Design) -> Iterator[None]:
        yield from super()._build(design)
        # What each unit and flow looked like at the last update: removals and in-place
        # changes must be taken out of the lists they were in.
        self._usnap: dict[str, tuple[UnitKind, str, str, str, Unit]] = {
            u.id: (u.kind, u.company, u.name, u.name_en, u) for u in self.units.values()}
        yield
        self._fsnap: dict[str, tuple[str, str, FlowKind]] = {
            f.id: (f.source, f.target, f.kind) for f in self.flows.values()}
        yield
        self._touch: dict[str, set[str]] = {}
        for n, f in enumerate(self.flows.values(), 1):
            self._touch.setdefault(f.source, set()).add(f.id)
            self._touch.setdefault(f.target, set()).add(f.id)
            if n % STEP == 0:
                yield
        # Relative design order of units and flows (None: rebuild on next use). Appended
        # items get the next number; an insertion in the middle (undo of a delete)
        # invalidates the table.
        self._upos: dict[str, int] | None = None
        self._fpos: dict[str, int] | None = None
        self._unext = self._fnext = 0
        self._held: Counter[str] = Counter(
            u.company for u in self.units.values()
            if u.company and u.kind is not UnitKind.EXTERNAL)
        yield
        self._names: dict[str, Counter[str]] = {}
        for lang in _LANGS:
            self._names[lang] = Counter(u.display_name(lang) for u in self.units.values())
            yield
        self.__dict__["_shared"] = {
            lang: {n for n, k in self._names[lang].items() if k > 1} for lang in _LANGS}
        self.__dict__["_company_count"] = len(self._held) or 1
        self.touched: set[str] = set()
        #: (before, after) of each flow the last update touched: (source, target, kind).
        self.flow_changes: list[tuple[tuple | None, tuple | None]] = []

    # ---- order ---------------------------------------------------------------------------
    def appended(self, what: str, key: str) -> None:
        """Called when a unit or flow was just added: the end of the design keeps the order
        table valid, anywhere else forces a rebuild."""
        items = self.design.units if what == "unit" else self.design.flows
        pos = self._upos if what == "unit" else self._fpos
        if pos is None:
            return
        if next(reversed(items)) != key:
            if what == "unit":
                self._upos = None
            else:
                self._fpos = None
            return
        if what == "unit":
            pos[key] = self._unext
            self._unext += 1
        else:
            pos[key] = self._fnext
            self._fnext += 1

    def unit_pos(self) -> dict[str, int]:
        if self._upos is None:
            self._upos = {uid: i for i, uid in enumerate(self.design.units)}
            self._unext = len(self._upos)
        return self._upos

    def flow_pos(self) -> dict[str, int]:
        if self._fpos is None:
            self._fpos = {fid: i for i, fid in enumerate(self.design.flows)}
            self._fnext = len(self._fpos)
        return self._fpos

    # ---- the update ----------------------------------------------------------------------
    def update(self, units: Iterable[str], flows: Iterable[str], aspects: set[str]) -> set[str]:
        """Bring the context up to date for the touched `units` and `flows`; add to
        `aspects` what changed for the rules (see `live.ASPECTS`) and return it."""
        d = self.design
        csirts_before = tuple(self.csirts)
        self.units = d.units  # `_Ordered.insert` at an index replaces the dict
        self.flows = d.flows
        ends: set[str] = set()
        self.flow_changes = []
        for fid in flows:
            self._update_flow(fid, ends, aspects)
        if not self.csirt_set.isdisjoint(ends):  # a CSIRT's flow, before the edit
            aspects.add("flow:csirt")
        # A unit leaves its kind list when removed, re-added (its place may differ: the
        # snapshot holds the object, and a re-added unit is a new one) or re-kinded; all
        # leave first, since `insort` needs the lists in design order.
        # So does a unit its company's list in `holding` (when that is built).
        holding = self.__dict__.get("_holding")
        moved, rehome = [], []
        for uid in units:
            old = self._usnap.get(uid)
            u = self.units.get(uid)
            same = old is not None and u is old[4]
            if old is not None and not (same and u.kind is old[0]):
                self.by_kind[old[0]].remove(uid)
            if u is not None and not (same and u.kind is old[0]):  # type: ignore[index]
                moved.append(uid)
            if holding is not None and not (same and _held(u) == _held(old)):
                if _held(old):
                    company = old[1]  # type: ignore[index]
                    holding[company].remove(uid)
                    if not holding[company]:
                        del holding[company]
                if _held(u):
                    rehome.append(uid)
        for uid in units:
            self._update_unit(uid, aspects)
        if moved or rehome:
            pos = self.unit_pos()
            if any(uid not in pos for uid in moved + rehome):
                self._upos = None
                pos = self.unit_pos()
            for uid in moved:
                insort(self.by_kind[self.units[uid].kind], uid, key=pos.__getitem__)
            for uid in rehome:
                insort(holding.setdefault(self.units[uid].company, []),  # type: ignore[union-attr]
                       uid, key=pos.__getitem__)
        if ends:
            self._relist(ends)
        #: The units the last update touched and the ends of the flows it touched.
        self.touched = set(units) | ends
        self.csirt_set = frozenset(self.csirts)
        if aspects & {"company:set", "company:scope"}:
            self._out_of_scope = frozenset(
                c.id for c in d.companies.values() if not c.in_scope)
        self.__dict__["_company_count"] = sum(1 for n in self._held.values() if n) or 1
        if "unit:set" in aspects or "unit:name" in aspects:
            self._by_name = None
        if "flow:reporting" in aspects or "unit:set" in aspects:
            self._depth = {}
        self._top = {}
        self._members = {}
        for memo in _MEMOS:
            self.__dict__.pop(memo, None)
        if not self.csirt_set.isdisjoint(ends):
            aspects.add("flow:csirt")
        if "flow:csirt" in aspects or aspects & _STRUCTURE:
            self._derive(aspects, csirts_before)
        return aspects

    def _update_flow(self, fid: str, ends: set[str], aspects: set[str]) -> None:
        old = self._fsnap.pop(fid, None)
        f = self.flows.get(fid)
        new = (f.source, f.target, f.kind) if f is not None else None
        self.flow_changes.append((old, new))
        for snap in (old, new):
            if snap is None:
                continue
            aspects.add("flow:" + snap[2].value)
            ends.update(snap[:2])
        if old is not None:
            for end in old[:2]:
                self._touch.get(end, set()).discard(fid)
        if new is not None:
            self._fsnap[fid] = new
            for end in new[:2]:
                self._touch.setdefault(end, set()).add(fid)

    def _update_unit(self, uid: str, aspects: set[str]) -> None:
        old = self._usnap.pop(uid, None)
        u = self.units.get(uid)
        new = (u.kind, u.company, u.name, u.name_en, u) if u is not None else None
        if old is None or new is None or old[4] is not new[4]:
            aspects.add("unit:set")
        else:
            if old[0] is not new[0]:
                aspects.add("unit:kind")
            if old[1] != new[1]:
                aspects.add("unit:company")
            if old[2:4] != new[2:4]:
                aspects.add("unit:name")
        for snap, step in ((old, -1), (new, 1)):
            if snap is None:
                continue
            kind, company, name, name_en, _ = snap
            if company and kind is not UnitKind.EXTERNAL:
                self._held[company] += step
                if not self._held[company]:
                    del self._held[company]
            for lang in _LANGS:
                self._count_name(lang, display_name(name, name_en, lang), step)
        if new is not None:
            self._usnap[uid] = new

    def _count_name(self, lang: str, name: str, step: int) -> None:
        counts = self._names[lang]
        counts[name] += step
        n = counts[name]
        shared = self.__dict__["_shared"][lang]
        if n > 1:
            shared.add(name)
        else:
            shared.discard(name)
            if n <= 0:
                del counts[name]

    def _relist(self, ends: set[str]) -> None:
        """Rebuild the flow lists, parent and children of `ends` from their flows."""
        pos = self.flow_pos()
        for uid in ends:
            fids = self._touch.get(uid, ())
            if any(fid not in pos for fid in fids):
                self._fpos = None
                pos = self.flow_pos()
            mine = sorted((self.flows[fid] for fid in fids), key=lambda f: pos[f.id])
            for k in FlowKind:
                out = [f for f in mine if f.kind is k and f.source == uid]
                inc = [f for f in mine if f.kind is k and f.target == uid]
                for table, found in ((self.out[k], out), (self.inc[k], inc)):
                    if found:
                        table[uid] = found
                    else:
                        table.pop(uid, None)
            ups = self.inc[FlowKind.REPORTING].get(uid)
            if ups:
                self.parent[uid] = ups[-1].source
            else:
                self.parent.pop(uid, None)
            downs = self.out[FlowKind.REPORTING].get(uid)
            if downs:
                self.children[uid] = [f.target for f in downs]
            else:
                self.children.pop(uid, None)
            if not fids:
                self._touch.pop(uid, None)

    def _derive(self, aspects: set[str], csirts_before: tuple[str, ...]) -> None:
        """Re-derive the CSIRT-level facts and name those that changed."""
        before = (csirts_before, self.vendor, self.primary, self.teams)
        self.vendor = frozenset(c for c in self.csirts if self._under_external(c))
        self.primary = self._choose_primary()
        self.teams = self._build_teams()
        for name, old, new in zip(("csirts", "vendor", "primary", "teams"), before,
                                  (tuple(self.csirts), self.vendor, self.primary, self.teams),
                                  strict=True):
            if old != new:
                aspects.add(name)

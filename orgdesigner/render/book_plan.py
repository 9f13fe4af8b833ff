"""Which units go on which page of a large group's PDF book (render/pdf_book.py).

A company whose chart would have text under 6 pt on the paper is not drawn whole: its page
shows the company's top levels, each branch too big to go with them folded into one box that
says how many units it hides and links to the branch's own page; a branch page is split the
same way when it is still too big, and a unit with more subordinates than a page holds has
them continued on the next page. Every unit is drawn on exactly one page (a folded box stands
for its branch on the page above).

A page is planned from an estimate of the tidy layout's extent (render/layout.py's rules:
level bands, compact stacks of leaves, gaps between subtrees) that costs what the page holds,
so the whole book costs what the design holds; the page is then laid out and measured for
real (pdf_book.py) and planned again, tighter, when the estimate fell short.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Design, FlowKind
from . import paper as paper_mod
from .graphviz_out import MARGIN as DRAW_MARGIN
from .layout import (
    FRAME_PAD,
    FRAME_TITLE,
    LEVEL_GAP,
    STACK_GAP,
    STACK_INDENT,
    SUBTREE_GAP,
    depth_first,
)
from .scope import LEGEND_ROOM, folded_label
from .style import box_size

#: The smallest text a page draws (flow labels and the legend's small text are 9 pt): the
#: page is readable when this is at least 6 pt on paper.
SMALLEST_TEXT = 9.0
MIN_ZOOM = paper_mod.MIN_TEXT / SMALLEST_TEXT
#: Roots weighed for one page; the rest continue on the next (a unit with 50,000 subordinates).
MAX_ROOTS = 400
#: A unit with more subordinates than this has every branch under it folded at once.
WIDE = 64


@dataclass
class Page:
    """One page of the book after the overview."""

    kind: str  # company | branch | more (subordinates continued from the page `parent`)
    key: str  # the company, or the unit heading the branch (more: the unit continued)
    company: str
    roots: list[str]
    shown: list[str] = field(default_factory=list)  # units drawn on the page
    folded: dict[str, int] = field(default_factory=dict)  # drawn folded → units it hides
    parent: int | None = None  # the page that links here (None: the overview)
    links: dict[str, int] = field(default_factory=dict)  # folded unit → the page showing it
    more: int | None = None  # the page where this page's last roots' siblings continue
    rest: list[str] = field(default_factory=list)  # roots left for that page
    title: str = ""  # its bookmark


class Tree:
    """The reporting tree inside each company (as the layout draws it: a line across
    companies binds nothing), each unit's count of units below it, and box sizes."""

    def __init__(self, design: Design, lang: str = "en", orientation: str = "tb") -> None:
        self.design = design
        self.lang = lang
        self.tb = orientation == "tb"
        units = design.units
        self.kids: dict[str, list[str]] = {}
        self.parent: dict[str, str] = {}
        for f in design.flows.values():
            s, t = f.source, f.target
            if (f.kind is FlowKind.REPORTING and s != t and t not in self.parent
                    and s in units and t in units and units[s].company == units[t].company):
                self.parent[t] = s
                self.kids.setdefault(s, []).append(t)
        self.by_company: dict[str, list[str]] = {}
        for u in units.values():
            self.by_company.setdefault(u.company, []).append(u.id)
        self.below = self._count()
        self._size: dict[tuple[str, bool], tuple[float, float]] = {}
        self.part: dict[str, Part] = {}  # each unit's part, once partitioned
        self.cut: set[str] = set()  # units heading a page of their own
        self.oversize: set[str] = set()  # units whose subordinates overflow even folded

    def _count(self) -> dict[str, int]:
        """Units below each unit; a unit in a reporting cycle heads what it reaches."""
        below: dict[str, int] = {}
        for top in self.design.units:
            if top in below:
                continue
            stack = [(top, 0)]
            seen = {top}
            while stack:
                u, i = stack[-1]
                ks = self.kids.get(u, ())
                if i < len(ks):
                    stack[-1] = (u, i + 1)
                    k = ks[i]
                    if k not in below and k not in seen:
                        seen.add(k)
                        stack.append((k, 0))
                else:
                    stack.pop()
                    below[u] = sum(1 + below.get(k, 0) for k in ks if k in below)
        return below

    def roots(self, company: str) -> list[str]:
        """The company's units under no other of its units, and one of each reporting cycle."""
        ids = self.by_company.get(company, [])
        tops = [u for u in ids if u not in self.parent]
        reached = set(self.subtree_many(tops))
        for u in ids:
            if u not in reached:  # a cycle: cut it at its first unit
                above = self.parent.pop(u, None)
                if above is not None:
                    self.kids[above].remove(u)
                tops.append(u)
                reached.update(self.subtree_many([u]))
        return tops

    def subtree_many(self, roots: list[str]) -> list[str]:
        return depth_first(self.kids, roots)

    def box(self, uid: str, folded: bool) -> tuple[float, float]:
        """(breadth, depth) of the unit's box, with the folded count's line when folded."""
        key = (uid, folded)
        if key not in self._size:
            u = self.design.units[uid]
            if folded:
                n = self.below.get(uid, 0)
                u = replace(u, name=f"{u.name}\n{folded_label(n, 'ja')}",
                            name_en=f"{u.name_en or u.name}\n{folded_label(n, 'en')}")
            w, h = box_size(u, self.lang)
            self._size[key] = (w, h) if self.tb else (h, w)
        return self._size[key]

    # -- the estimate ------------------------------------------------------------------

    def folded_part(self, uid: str) -> Part:
        b, d = self.box(uid, True)
        return Part(b, [d], True, 1)

    def combine(self, v: str | None, parts: list[Part]) -> Part:
        """The extent of `v`'s box over `parts` (its subordinates' parts as drawn), or of
        `parts` side by side when `v` is None (a page's roots): the layout's rules."""
        gap = SUBTREE_GAP if self.tb else SUBTREE_GAP * 0.6
        count = sum(p.count for p in parts)
        if v is None:
            bands: list[float] = []
            for p in parts:
                _merge(bands, 0, p.bands)
            breadth = sum(p.breadth for p in parts) + gap * max(len(parts) - 1, 0)
            return Part(breadth, bands, False, count)
        b, d = self.box(v, False)
        if not parts:
            return Part(b, [d], True, 1)
        if self.tb and len(parts) >= 2 and all(p.leaf for p in parts):
            return Part(max(b, STACK_INDENT + max(p.breadth for p in parts)),
                        [d + sum(STACK_GAP + p.bands[0] for p in parts)], False, count + 1)
        bands = [d]
        for p in parts:
            _merge(bands, 1, p.bands)
        breadth = sum(p.breadth for p in parts) + gap * (len(parts) - 1)
        return Part(max(b, breadth), bands, False, count + 1)

    def partition(self, roots: list[str], space: tuple[float, float]) -> None:
        """Decide, bottom-up, which units under `roots` head a page of their own (`cut`):
        at each unit, while it and what its subordinates keep does not fit `space`, the
        subordinate keeping the most units is cut (its box stays, folded)."""
        order: list[str] = []
        stack = list(roots)
        while stack:  # pre-order; reversed, every unit comes after its subordinates
            u = stack.pop()
            order.append(u)
            stack.extend(self.kids.get(u, ()))
        for v in reversed(order):
            self.cut.discard(v)
            self.oversize.discard(v)
            ks = self.kids.get(v, [])
            self.part[v] = self.keep_fitting(v, ks, space)

    def keep_fitting(self, v: str | None, ks: list[str], space: tuple[float, float]) -> Part:
        """`v` over the parts of `ks`. A subordinate too big for any page is cut (it heads
        its own page); while the levels are too deep, the deepest part is cut, and a part
        wider than half the page; when the subordinates are still too many side by side,
        `v` is marked oversize: its page continues them on the next (plan_page)."""
        cut = self.cut
        if len(ks) > WIDE:  # many subordinates: fold every branch at once
            cut.update(k for k in ks if self.kids.get(k))
        cut.update(k for k in ks if k in self.oversize)
        parts = {k: self.folded_part(k) if k in cut else self.part[k] for k in ks}
        while True:
            whole = self.combine(v, list(parts.values()))
            if fits(whole, space):
                return whole
            left = [k for k in ks if k not in cut and self.kids.get(k)]
            if depth_of(whole) > space[1] and left:
                k = max(left, key=lambda k: depth_of(parts[k]))
            elif left and max(parts[k].breadth for k in left) > space[0] / 2:
                k = max(left, key=lambda k: parts[k].breadth)
            else:
                if v is not None:
                    self.oversize.add(v)
                return whole
            cut.add(k)
            parts[k] = self.folded_part(k)


@dataclass
class Part:
    """What a unit and the units it keeps on its page take: breadth, the depth of each level
    band from its own, whether it is one box (a leaf or folded), how many units it holds."""

    breadth: float
    bands: list[float]
    leaf: bool
    count: int


def _merge(bands: list[float], d: int, sub: list[float]) -> None:
    """Level bands `sub` laid from level `d` of `bands`: each level as deep as its deepest."""
    for i, e in enumerate(sub):
        if len(bands) <= d + i:
            bands.append(e)
        elif e > bands[d + i]:
            bands[d + i] = e


def depth_of(part: Part) -> float:
    return sum(part.bands) + LEVEL_GAP * max(len(part.bands) - 1, 0)


def fits(part: Part, space: tuple[float, float]) -> bool:
    return part.breadth <= space[0] and depth_of(part) <= space[1]


#: Height the title block adds above a chart drawn without the legend, in points.
TITLE_ROOM = 80.0


def room(paper: str, tb: bool, tighten: float = 1.0,
         legend: bool = True) -> tuple[float, float]:
    """(breadth, depth) a page's chart may take on `paper` with its smallest text at 6 pt:
    the page less its margins at the smallest zoom, less the company frame, the title block
    and (`legend`) the legend."""
    pw, ph = paper_mod.page_size(paper)
    w = pw * (1 - 2 * paper_mod.MARGIN) / MIN_ZOOM * tighten - 2 * (FRAME_PAD + DRAW_MARGIN)
    h = (ph * (1 - 2 * paper_mod.MARGIN) / MIN_ZOOM * tighten
         - 2 * (FRAME_PAD + DRAW_MARGIN) - FRAME_TITLE - (LEGEND_ROOM if legend else TITLE_ROOM))
    return (w, h) if tb else (h, w)


def plan_page(tree: Tree, page: Page, space: tuple[float, float]) -> None:
    """Choose what `page` draws within `space` (breadth, depth): fills `shown`, `folded`
    and `rest` (roots that continue on another page)."""
    page.shown, page.folded, page.rest = [], {}, []
    roots = page.roots[:MAX_ROOTS]
    if len(page.roots) == 1:  # a lone root heads its page: drawn open, never folded
        tree.partition(roots, space)
        kids = tree.kids.get(roots[0], [])
        if roots[0] in tree.oversize and kids:  # even folded, its subordinates overflow
            parts = [tree.folded_part(k) if k in tree.cut else tree.part[k] for k in kids]
            n = _balanced(_prefix(min(len(parts), MAX_ROOTS),
                                  lambda n: fits(tree.combine(roots[0], parts[:n]), space)),
                          len(kids))
            page.rest = kids[n:]
            _fill(tree, page, roots, kids[:n])
        else:
            _fill(tree, page, roots, kids)
        return
    tree.partition(roots, space)
    for r in roots:
        tree.cut.discard(r)
    tree.keep_fitting(None, roots, space)
    parts = [tree.folded_part(r) if r in tree.cut else tree.part[r] for r in roots]
    n = _balanced(_prefix(len(parts), lambda n: fits(tree.combine(None, parts[:n]), space)),
                  len(page.roots))
    page.rest = page.roots[n:]
    _fill(tree, page, roots[:n], None)


def _fill(tree: Tree, page: Page, roots: list[str], first: list[str] | None) -> None:
    """Record what `page` draws: `roots` and what they keep, each cut unit folded (a lone
    root that heads the page is never folded; `first`: its subordinates on this page)."""
    shown: list[str] = []
    todo = list(reversed(roots))
    top = roots[0] if first is not None else None
    while todo:
        u = todo.pop()
        shown.append(u)
        ks = tree.kids.get(u, [])
        if u == top:
            todo.extend(reversed(first or []))
        elif u in tree.cut and ks:
            page.folded[u] = tree.below[u]
        else:
            todo.extend(reversed(ks))
    page.shown = shown


def _balanced(n: int, total: int) -> int:
    """How many of `total` siblings this page takes when at most `n` fit: an even share of
    the pages they need (33 where 32 fit: 17 now and 16 on the next page, not 32 and a page
    holding one box)."""
    if n <= 0 or n >= total:
        return n
    pages = -(-total // n)
    return -(-total // pages)


def _prefix(n: int, ok) -> int:  # type: ignore[no-untyped-def]
    """The largest k in 1..n with ok(k) (more never fits where fewer did not); 1 when none
    does, 0 when n is."""
    if n <= 1 or ok(n):
        return n
    lo, hi = 1, n  # ok(hi) is false
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid
    return lo

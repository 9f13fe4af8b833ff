"""What part of a large group a diagram shows: `overview`, `company:ID`, `branch:ID` or `all`.

A 50,000-unit group drawn whole is millions of points wide: no paper or bitmap holds it
readably. The overview keeps every company with its top levels (management and one or two
levels below, as deep as the paper allows at readable text), marks each box that hides units
with how many ("+N folded"), and arranges the companies in a grid shaped like the page
instead of one endless row. `company:ID` and `branch:ID` are that part only, at full depth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..messages import msg
from ..model import Design, FlowKind, UnitKind
from . import paper as paper_mod
from .layout import BLOCK_GAP, Layout, compute_layout, subtree
from .style import FONT_SIZE

SCOPES = ("all", "overview", "company:ID", "branch:ID")
#: Deepest overview tried (management = level 0); shallower ones when text would be too small.
MAX_LEVELS = 2
#: PNG/PDF of the whole design switch to the overview past this aspect ratio or size.
MAX_ASPECT = 8.0
AUTO_OVERVIEW_UNITS = 2_000


@dataclass(frozen=True)
class Scope:
    kind: str  # all | overview | company | branch
    id: str = ""


def parse_scope(text: str | None) -> Scope:
    """`--scope` text as a Scope; ValueError (a message id's text) when it is not one."""
    text = (text or "all").strip()
    kind, _, ident = text.partition(":")
    kind = kind.lower()
    if kind in ("all", "overview") and not ident:
        return Scope(kind)
    if kind in ("company", "branch") and ident:
        return Scope(kind, ident)
    raise ValueError(text)


def check_scope(design: Design, scope: Scope) -> None:
    """KeyError naming the id when a company or branch scope names nothing in `design`."""
    if scope.kind == "company" and scope.id not in design.companies:
        raise KeyError(scope.id)
    if scope.kind == "branch" and scope.id not in design.units:
        raise KeyError(scope.id)


def folded_label(n: int, lang: str) -> str:
    return f"ほか {n:,} 部署" if lang == "ja" else f"+{n:,} folded"


def part_design(design: Design, keep: set[str], folded: dict[str, int] | None = None,
                lang: str = "en") -> Design:
    """A copy of `design` holding only the units in `keep`, the flows among them and their
    companies; a unit in `folded` gets a second label line saying how many units it hides."""
    from ..formats import orgd
    from .cut import cut

    data = orgd.to_data(cut(design, keep))  # not the whole design: its part only
    data["units"] = [u for u in data["units"] if u["id"] in keep]
    for u in data["units"]:
        n = (folded or {}).get(u["id"], 0)
        if n:  # both languages, so an English chart of Japanese-only names reads too
            en = u.get("name_en") or u["name"]
            u["name"] = f"{u['name']}\n{folded_label(n, 'ja')}"
            u["name_en"] = f"{en}\n{folded_label(n, 'en')}"
        for member in (u.get("plan") or {}).get("members", []):
            if member.get("home_unit") not in keep:
                member["home_unit"] = ""
    data["flows"] = [f for f in data["flows"] if f["source"] in keep and f["target"] in keep]
    used = {u["company"] for u in data["units"]}
    data["companies"] = [c for c in data["companies"] if c["id"] in used]
    data["costs"] = []
    return orgd.build(data, "")


def _depths(design: Design) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Each unit's level under its company's top (reporting lines inside one company), and
    the children on those lines."""
    units = design.units
    kids: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for f in design.flows.values():
        if (f.kind is FlowKind.REPORTING and f.source in units and f.target in units
                and units[f.source].company == units[f.target].company):
            kids.setdefault(f.source, []).append(f.target)
            has_parent.add(f.target)
    depth: dict[str, int] = {}
    todo = [u for u in units if u not in has_parent]
    for u in todo:
        depth[u] = 0
    while todo:
        nxt = []
        for u in todo:
            for c in kids.get(u, ()):
                if c not in depth:
                    depth[c] = depth[u] + 1
                    nxt.append(c)
        todo = nxt
    return depth, kids


def top_units(design: Design, levels: int) -> list[tuple[str, int]]:
    """(unit id, level) of each company's units down to `levels` below its top, in tree
    order company by company: the branches worth offering by name."""
    depth, kids = _depths(design)
    order = {c: i for i, c in enumerate(design.companies)}
    tops = sorted((u for u, d in depth.items() if d == 0
                   and design.units[u].kind is not UnitKind.EXTERNAL),
                  key=lambda u: order.get(design.units[u].company, len(order)))
    out: list[tuple[str, int]] = []
    stack = [(u, 0) for u in reversed(tops)]
    while stack:
        u, d = stack.pop()
        out.append((u, d))
        if d < levels:
            stack.extend((c, d + 1) for c in reversed(kids.get(u, ())))
    return out


def overview_part(design: Design, levels: int, lang: str = "en") -> Design:
    """Every company with its units down to `levels` below the top, the rest folded."""
    depth, kids = _depths(design)
    keep = {u for u, d in depth.items()
            if d <= levels or design.units[u].kind is UnitKind.EXTERNAL}
    below: dict[str, int] = {}
    for u in sorted(depth, key=depth.__getitem__, reverse=True):
        below[u] = sum(1 + below[c] for c in kids.get(u, ()) if c in below)
    folded = {u: sum(1 + below[c] for c in kids.get(u, ()) if c not in keep)
              for u in keep}
    return part_design(design, keep, folded, lang)


def scoped_design(design: Design, scope: Scope, lang: str = "en", levels: int = 1) -> Design:
    """The design to draw for a company or branch scope (or the overview at `levels`)."""
    if scope.kind == "company":
        return part_design(design, {u.id for u in design.units_in(scope.id)})
    if scope.kind == "branch":
        return part_design(design, set(subtree(design, scope.id)))
    if scope.kind == "overview":
        return overview_part(design, levels, lang)
    return design


def grid_layout(lay: Layout, aspect: float) -> Layout:
    """`lay` with its company blocks wrapped into rows so the whole is about `aspect`
    (width / height) instead of one long row. Units in no company move as one block."""
    blocks: list[tuple[str, tuple[float, float, float, float], list[str]]] = []
    members: dict[str, list[str]] = {c: [] for c in lay.company_rects}
    loose: list[str] = []
    for u, (x, y) in lay.positions.items():
        for c, (fx, fy, fw, fh) in lay.company_rects.items():
            if fx <= x <= fx + fw and fy <= y <= fy + fh:
                members[c].append(u)
                break
        else:
            loose.append(u)
    for c, r in lay.company_rects.items():
        blocks.append((c, r, members[c]))
    if loose:
        rects = [lay.rect(u) for u in loose]
        x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
        x1 = max(r[0] + r[2] for r in rects)
        y1 = max(r[1] + r[3] for r in rects)
        blocks.append(("", (x0, y0, x1 - x0, y1 - y0), loose))
    if len(blocks) < 2:
        return lay
    area = sum((r[2] + BLOCK_GAP) * (r[3] + BLOCK_GAP) for _, r, _ in blocks)
    widest = max(r[2] for _, r, _ in blocks)
    row_width = max(widest, math.sqrt(area * aspect))
    positions = dict(lay.positions)
    rects = dict(lay.company_rects)
    cx = cy = row_h = 0.0
    for c, (x, y, w, h), ids in blocks:
        if cx > 0 and cx + w > row_width:
            cx, cy, row_h = 0.0, cy + row_h + BLOCK_GAP, 0.0
        dx, dy = cx - x, cy - y
        for u in ids:
            px, py = positions[u]
            positions[u] = (px + dx, py + dy)
        if c:
            rects[c] = (cx, cy, w, h)
        cx += w + BLOCK_GAP
        row_h = max(row_h, h)
    return Layout(positions, lay.sizes, rects, lay.orientation, lay.stacked)


def text_pt(bounds: tuple[float, float, float, float], paper: str) -> float:
    """Label size on `paper` of a drawing with `bounds` (x, y, w, h) fitted on it."""
    _, zoom = paper_mod.fit((bounds[0], bounds[1], bounds[0] + bounds[2],
                             bounds[1] + bounds[3]), paper)
    return FONT_SIZE * zoom


#: Height the title block and the legend add below and above the chart, in points.
LEGEND_ROOM = 220.0


def overview_layout(design: Design, *, paper: str | None, lang: str = "en",
                    legend_room: float = LEGEND_ROOM) -> tuple[Design, Layout]:
    """The overview design and its layout: the deepest level count (≤ MAX_LEVELS) whose
    drawing keeps labels readable on `paper` (A3 landscape when none), compact and gridded."""
    sheet = paper or "a3-landscape"
    pw, ph = paper_mod.page_size(sheet)
    best: tuple[Design, Layout] | None = None
    for levels in range(MAX_LEVELS, -1, -1):
        part = overview_part(design, levels, lang)
        lay = grid_layout(compute_layout(part, compact=True, lang=lang),
                          pw / max(ph - legend_room, 1.0))
        best = (part, lay)
        x, y, w, h = lay.bounds()
        if text_pt((x, y, w, h + legend_room), sheet) >= paper_mod.MIN_TEXT:
            break
    assert best is not None
    return best


def too_big(bounds: tuple[float, float, float, float], units: int) -> bool:
    """A whole-design drawing that would come out a sliver or unreadable: switch to the
    overview."""
    w, h = max(bounds[2], 1.0), max(bounds[3], 1.0)
    return units > AUTO_OVERVIEW_UNITS and max(w / h, h / w) > MAX_ASPECT


def auto_note(units: int) -> str:
    return msg("export.auto_overview", count=units)

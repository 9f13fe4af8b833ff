"""The diagram as PowerPoint slides of native, editable shapes (File › Export, `export -o X.pptx`).

A design that fits one slide at a readable size (unit text ≥ `MIN_SCALE` × 10 pt) is one
slide with its legend and title block. A larger one is split — by company when it spans
several, otherwise by branch (the top of the tree, then each sub-tree under it) — each part
laid out again on its own slide, behind a contents slide whose entries link to the parts, and
the legend gets a slide of its own. Flows between two parts are on neither part's slide;
the contents slide says how many.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from ..model import Design, UnitKind
from .cut import Index, cut
from .diagram import Diagram, Edge, build_diagram, canvas_layout, design_title
from .layout import Layout, compute_layout
from .legend import build_legend
from .pptx_doc import MARGIN, Deck, add_slide, link_to_slide, new_deck, text_box
from .pptx_shapes import EMU, Fit, Ids, append_xml, details_xml, diagram_xml, next_id
from .style import flow_style, text_width

MIN_SCALE = 0.6  # 6 pt unit text: smaller is unreadable when projected
MAX_DEPTH = 6


@dataclass
class Part:
    title: str
    diagram: Diagram
    units: int


@dataclass
class Options:
    layout: str = "tidy"
    lang: str = "en"
    orientation: str = "tb"
    compact: bool = False
    root: str | None = None
    date: str | None = None
    legend: bool = True


def sub_design(design: Design, ids: list[str], index: Index | None = None) -> Design:
    """The units `ids` with their companies and the flows among them, as a design of its own
    (so the part is laid out compactly rather than cut out of the whole group's layout), in
    the design's order. Pass the `index` of `design` when cutting many parts."""
    return cut(design, ids, index, company_sizes=False)


def _legend(design: Design, d: Diagram, x0: float, y0: float, width: float):  # type: ignore[no-untyped-def]
    units = [design.units[u] for u in d.boxes]
    kinds = {u.kind for u in units}
    functions = {u.functions[0] for u in units if u.functions and u.kind is not UnitKind.CSIRT}
    return build_legend(d, kinds, functions, x0, y0, width)


def fits(d: Diagram, area: tuple[int, int, int, int]) -> float:
    """The scale at which `d` fills `area`."""
    return Fit.into(d.bounds(), area).s


def _children_parts(design: Design, ids: list[str], title: str, lang: str,
                    index: Index | None = None) -> list[tuple[str, list[str]]]:
    """How to split `ids`: by company when it spans several, else by branch."""
    companies: dict[str, list[str]] = {}
    for uid in ids:
        companies.setdefault(design.units[uid].company, []).append(uid)
    if len(companies) > 1:
        out = []
        for cid, members in companies.items():
            name = design.companies[cid].display_name(lang) if cid in design.companies else \
                ("会社に属さない組織" if lang == "ja" else "Outside the companies")
            out.append((name, members))
        return out
    index = index if index is not None and index.design is design else Index(design)
    kids, roots = index.tree(ids)
    cid = design.units[ids[0]].company
    # in a group, a branch's title says whose it is ("本社 › CIO", not just "CIO")
    prefix = design.companies[cid].display_name(lang) + " › " \
        if len(design.companies) > 1 and cid in design.companies else ""
    sizes = {r: index.below(kids, r) for r in roots}
    big = [r for r, s in sizes.items() if len(s) > 1]
    singles = [r for r, s in sizes.items() if len(s) == 1]
    if len(big) > 1:
        parts = [(prefix + design.units[r].display_name(lang), sizes[r]) for r in big]
        return ([(title, singles)] if singles else []) + parts
    if not big:
        return [(title, ids)]
    r = big[0]
    children = kids.get(r, [])
    branches = [(c, index.below(kids, c)) for c in children]
    top = [r] + children + singles
    if len(top) == len(ids):  # a flat tree: halve the row of children, the head on each
        half = len(children) // 2
        if half == 0:
            return [(title, ids)]
        return [(title + " (1)", [r] + children[:half] + singles),
                (title + " (2)", [r] + children[half:])]
    suffix = "（上位組織）" if lang == "ja" else " (top level)"
    parts = [(title + suffix, top)]
    return parts + _merge_small([(prefix + design.units[c].display_name(lang), sub)
                                 for c, sub in branches if len(sub) > 1], lang)


def _merge_small(parts: list[tuple[str, list[str]]], lang: str, small: int = 12,
                 budget: int = 30) -> list[tuple[str, list[str]]]:
    """Neighbouring small branches share a slide (side by side), so a group does not become
    dozens of slides with three boxes each."""
    out: list[tuple[str, list[str]]] = []
    run: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if run:
            more = len(run) - 1
            name = run[0][0] if not more else (f"{run[0][0]} ほか {more} 部門" if lang == "ja"
                                               else f"{run[0][0]} and {more} more")
            out.append((name, [u for _, ids in run for u in ids]))
            run.clear()

    for t, ids in parts:
        if len(ids) > small:
            flush()
            out.append((t, ids))
            continue
        if sum(len(i) for _, i in run) + len(ids) > budget:
            flush()
        run.append((t, ids))
    flush()
    return out


def _layout(design: Design, o: Options, compact: bool, root: str | None = None) -> Layout:
    if o.layout == "dot":
        from .dot_layout import dot_layout

        return dot_layout(design, orientation=o.orientation, root=root, lang=o.lang)
    if o.layout == "canvas":
        return canvas_layout(design, root=root, lang=o.lang, tidy_if_unplaced=True)
    return compute_layout(design, orientation=o.orientation, compact=compact, root=root,
                          lang=o.lang)


def _fitted(design: Design, o: Options, area: tuple[int, int, int, int],
            root: str | None = None) -> tuple[Layout, bool]:
    """The layout, compact when that is what makes it fit; and whether it fits. Probing on the
    layout (boxes and frames) is cheap; the flows are routed only for the final parts."""
    lay = _layout(design, o, o.compact, root)
    ok = Fit.into(lay.bounds(), area).s >= MIN_SCALE
    if not ok and o.layout == "tidy" and not o.compact:
        # stacking the leaves under their superior often makes a branch fit
        lay = _layout(design, o, True, root)
        ok = Fit.into(lay.bounds(), area).s >= MIN_SCALE
    return lay, ok


def plan_parts(design: Design, o: Options, area: tuple[int, int, int, int]) -> list[Part]:
    """One part when the design fits `area` at MIN_SCALE, otherwise the split (recursive)."""
    # a margin for flow curves and labels, which the layout's bounds do not hold
    ax, ay, aw, ah = area
    probe = (ax, ay, int(aw * 0.94), int(ah * 0.9))
    lay, ok = _fitted(design, o, probe, o.root)
    if ok:
        whole = build_diagram(design, lay, lang=o.lang, date=o.date)
        return [Part(whole.title, whole, len(whole.boxes))]
    out: list[Part] = []
    index = Index(design)

    def visit(title: str, ids: list[str], depth: int) -> None:
        sub = sub_design(design, ids, index) if depth else design
        lay, ok = _fitted(sub, o, probe, None if depth else o.root)
        if ok or depth >= MAX_DEPTH or len(ids) <= 1:
            out.append(Part(title, build_diagram(sub, lay, lang=o.lang, date=o.date), len(ids)))
            return
        parts = _children_parts(design, ids, title, o.lang, index)
        if len(parts) == 1 and len(parts[0][1]) == len(ids):
            out.append(Part(title, build_diagram(sub, lay, lang=o.lang, date=o.date), len(ids)))
            return
        for t, sub_ids in parts:
            if sub_ids:
                visit(t, sub_ids, depth + 1)

    visit(design_title(design, o.lang), list(lay.positions), 0)
    return out


def diagram_slide(deck: Deck, design: Design, d: Diagram, heading: str, *, legend: bool,
                  details: bool = True):  # type: ignore[no-untyped-def]
    """One slide: the heading, a line of details, the diagram (and legend) scaled to fit."""
    slide, area = add_slide(deck, "title_only", heading)
    ax, ay, aw, ah = area
    frags: list[str] = []
    ids = Ids(next_id(slide))
    if details:
        frags.append(details_xml(d, (ax, ay, aw, 240000), ids))
        ay += 280000
        ah -= 280000
    x0, y0, w, h = d.bounds()
    leg = _legend(design, d, x0, y0 + h + 24, max(w, 480)) if legend else None
    bounds = d.bounds()
    if leg is not None:
        lx, ly, lw, lh = leg.rect
        right, bottom = max(x0 + w, lx + lw), max(y0 + h, ly + lh)
        bounds = (min(x0, lx), y0, right - min(x0, lx), bottom - y0)
    fit = Fit.into(bounds, (ax, ay, aw, ah))
    frags += diagram_xml(d, fit, ids, leg)
    append_xml(slide, frags)
    return slide


def add_diagram_slides(deck: Deck, design: Design, o: Options, heading: str | None = None
                       ) -> list[object]:
    """The design's diagram on one slide, or split with a contents slide and a legend slide."""
    probe_top = MARGIN + 740000 + 280000
    area = (MARGIN, probe_top, deck.width - 2 * MARGIN, deck.height - probe_top - MARGIN // 2)
    parts = plan_parts(design, o, area)
    if len(parts) == 1:
        p = parts[0]
        return [diagram_slide(deck, design, p.diagram, heading or p.title, legend=o.legend)]
    ja = o.lang == "ja"
    title = heading or parts[0].diagram.title
    contents, (ax, ay, aw, ah) = add_slide(deck, "title_only",
                                           f"{title}：目次" if ja else f"{title}: contents")
    slides = [contents]
    for p in parts:
        slides.append(diagram_slide(deck, design, p.diagram, p.title, legend=False))
    if o.legend:
        slides.append(_legend_slide(deck, design, parts, o.lang))
    drawn = {e.id for p in parts for e in p.diagram.edges}
    shown = {uid for p in parts for uid in p.diagram.boxes}
    missing = sum(1 for f in design.flows.values()
                  if f.id not in drawn and f.source in shown and f.target in shown)
    _contents(deck, contents, parts, slides, (ax, ay, aw, ah), missing, o.lang)
    return slides


def _contents(deck: Deck, slide, parts: list[Part], slides: list, area: tuple[int, int, int, int],  # type: ignore[no-untyped-def]
              missing: int, lang: str) -> None:
    """One linked line per part (two columns when long), and what the split leaves out."""
    ja = lang == "ja"
    ax, ay, aw, ah = area
    first = deck.prs.slides.index(slides[1]) + 1  # type: ignore[attr-defined]
    cols = 1 if len(parts) <= 12 else 2 if len(parts) <= 28 else 3
    per_col = -(-len(parts) // cols)
    note_h = 420000
    line_h = min(400000, (ah - note_h) // max(per_col, 1))
    col_w = aw // cols
    texts = [f"{first + i}. {p.title}（{p.units} 部署）" if ja else
             f"{first + i}. {p.title} ({p.units} units)" for i, p in enumerate(parts)]
    widest = max(text_width(t, 1.0) for t in texts) * 1.1
    size = max(7.0, min(16.0, line_h / EMU * 0.6, (col_w - MARGIN // 2) / EMU / widest))
    for i, text in enumerate(texts):
        c, r = divmod(i, per_col)
        box = text_box(slide, (ax + c * col_w, ay + r * line_h, col_w - MARGIN // 2, line_h),
                       [(text, size, False, "#1A1A1A")], lang)
        link_to_slide(box, slides[1 + i])
    note = ("目次の各行から該当のスライドに移動できます。"
            "図の箱と線はすべて PowerPoint で編集できます。" if ja else
            "Each line links to its slide. Every box and line is an editable shape.")
    if missing:
        note = (f"別々のスライドにある部署どうしを結ぶ線（{missing} 本）は図に描いていません。"
                if ja else f"{missing} flows between parts are not drawn on the part slides."
                ) + ("" if ja else " ") + note
    text_box(slide, (ax, ay + ah - note_h, aw, note_h), [(note, 11, False, "#555555")], lang)


def _legend_slide(deck: Deck, design: Design, parts: list[Part], lang: str):  # type: ignore[no-untyped-def]
    ja = lang == "ja"
    slide, area = add_slide(deck, "title_only", "凡例" if ja else "Legend")
    kinds = {u.kind for u in design.units.values()}
    functions = {u.functions[0] for u in design.units.values()
                 if u.functions and u.kind is not UnitKind.CSIRT}
    # every flow kind of the design, including those only between parts
    kinds_seen = {f.kind for f in design.flows.values()}
    edges = [Edge(k.value, "", "", k, flow_style(k), "", []) for k in kinds_seen]
    probe = Diagram({}, {}, edges, "", lang=lang)
    leg = build_legend(probe, kinds, functions, 0.0, 0.0, 900.0)
    if leg is not None:
        fit = Fit.into(leg.rect, area, max_scale=1.4)
        from .pptx_shapes import legend_xml

        append_xml(slide, [legend_xml(leg, fit, Ids(next_id(slide)), lang)])
    return slide


def pptx_bytes(design: Design, o: Options | None = None, *, aspect: str | None = None,
               template: str | os.PathLike | None = None) -> bytes:
    """The diagram as a .pptx (one slide, or the split with contents and legend)."""
    o = o or Options()
    deck = new_deck(o.lang, template=template, aspect=aspect)
    add_diagram_slides(deck, design, o)
    buf = io.BytesIO()
    deck.prs.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()

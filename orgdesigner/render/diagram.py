"""A positioned diagram: what every export draws, computed once from a design and a layout.

Boxes with their style and wrapped label lines, company frames, and every flow as a cubic
spline (y down, in points) with its arrow tips: reporting lines as the tidy tree's elbows,
every other flow routed around the boxes by `routing.FlowRouter` (the canvas uses the same
router), labels placed by `routing.labels` where they cover nothing. The Graphviz and GraphML
writers only translate this; none of them decides geometry or style on its own, so they
cannot drift apart.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .. import __version__
from ..model import Design, FlowKind
from . import geometry as geo
from .layout import FRAME_TITLE, Layout, compute_layout, reporting_route, subtree
from .routing import FlowRouter
from .routing.curves import rounded_cubic, trim
from .routing.labels import place_labels
from .style import (
    CompanyStyle,
    FlowStyle,
    UnitStyle,
    company_style,
    flow_label,
    flow_style,
    text_width,
    unit_label,
    unit_style,
    wrap_label,
)

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
ARROW = 9.0  # arrowhead length in points (Graphviz arrowsize 0.9)
LABEL_SIZE = 9.0  # flow labels

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """User text with the control characters no XML output can carry made visible (U+FFFD)."""
    return _CONTROL.sub("\ufffd", text)


@dataclass
class Box:
    id: str
    lines: list[str]
    rect: Rect
    style: UnitStyle


@dataclass
class Frame:
    id: str
    label: str
    rect: Rect
    style: CompanyStyle


@dataclass
class Edge:
    id: str
    source: str
    target: str
    kind: FlowKind
    style: FlowStyle
    label: str
    points: list[Point]  # cubic spline control points, 3n+1 (corners rounded, ends trimmed)
    head: Point | None = None  # arrow tip at the target, when the style has a head
    tail: Point | None = None  # arrow tip at the source
    label_pos: Point | None = None
    waypoints: list[Point] = field(default_factory=list)  # the orthogonal route, tip to tip
    full_label: str = ""  # the whole label when `label` had to be shortened (or hidden)


@dataclass
class Diagram:
    boxes: dict[str, Box]
    frames: dict[str, Frame]
    edges: list[Edge]
    title: str
    subtitle: list[tuple[str, str]] = field(default_factory=list)  # (caption, value)
    lang: str = "en"
    orientation: str = "tb"

    def bounds(self) -> Rect:
        rects = [b.rect for b in self.boxes.values()] + [f.rect for f in self.frames.values()]
        rects += [label_rect(e) for e in self.edges if e.label and e.label_pos]
        pts = [p for e in self.edges for p in e.points]
        xs = [r[0] for r in rects] + [r[0] + r[2] for r in rects] + [p[0] for p in pts]
        ys = [r[1] for r in rects] + [r[1] + r[3] for r in rects] + [p[1] for p in pts]
        if not xs:
            return (0.0, 0.0, 0.0, 0.0)
        return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def label_rect(e: Edge) -> Rect:
    w, h = text_width(e.label, LABEL_SIZE) + 4, LABEL_SIZE * 1.4
    assert e.label_pos is not None
    return (e.label_pos[0] - w / 2, e.label_pos[1] - h / 2, w, h)


def label_size(text: str) -> tuple[float, float]:
    return (text_width(text, LABEL_SIZE) + 4, LABEL_SIZE * 1.4)


def route_flows(design: Design, rects: dict[str, Rect], shapes: dict[str, str],
                frames: dict[str, Rect], orientation: str = "tb") -> FlowRouter:
    """The router over these boxes with every overlay flow between two of them routed
    (reporting lines that run down the tree are elbows and are not routed)."""
    bars = [(r[0], r[1], r[2], FRAME_TITLE) for r in frames.values()]
    router = FlowRouter(rects, shapes, bars, orientation)
    for f in design.flows.values():
        if f.source in rects and f.target in rects and not is_elbow(f.kind, rects[f.source],
                                                                  rects[f.target], orientation):
            router.add(f.id, f.source, f.target)
    router.route_all()
    return router


def is_elbow(kind: FlowKind, src: Rect, dst: Rect, orientation: str = "tb") -> bool:
    """A reporting line running down (or right) the tree: drawn as the tidy tree's elbow."""
    return kind is FlowKind.REPORTING and _below(src, dst, orientation)


def _place_labels(edges: list[Edge], boxes: dict[str, Box]) -> None:
    tips = [p for e in edges for p in (e.head, e.tail) if p is not None]
    spots = place_labels([(e.id, e.label, e.waypoints) for e in edges], tips,
                         {u: b.rect for u, b in boxes.items()}, label_size)
    for e in edges:
        spot = spots.get(e.id)
        if spot is None:
            continue
        if spot.text != e.label:
            e.full_label, e.label = e.label, spot.text
        e.label_pos = spot.centre


def canvas_layout(design: Design, *, root: str | None = None, lang: str = "en",
                  tidy_if_unplaced: bool = False) -> Layout:
    """The positions the user arranged on the canvas, as a Layout (frames fitted when unset).
    With `tidy_if_unplaced` (exports), a design whose units have no positions of their own
    (`unplaced.needs_layout`: all at one point, say) gets the tidy layout instead."""
    from .layout import FRAME_PAD, FRAME_TITLE
    from .style import box_size
    from .unplaced import needs_layout

    ids = subtree(design, root) if root else list(design.units)
    if tidy_if_unplaced and needs_layout(design, ids):
        return compute_layout(design, root=root, lang=lang)
    positions = {u: (design.units[u].x, design.units[u].y) for u in ids}
    sizes = {u: box_size(design.units[u], lang) for u in ids}
    rects: dict[str, Rect] = {}
    for c in design.companies.values():
        members = [u for u in ids if design.units[u].company == c.id]
        if c.width > 0 and c.height > 0:
            if root is None or members:
                rects[c.id] = (c.x, c.y, c.width, c.height)
        elif members:
            x0 = min(positions[u][0] - sizes[u][0] / 2 for u in members) - FRAME_PAD
            y0 = min(positions[u][1] - sizes[u][1] / 2 for u in members) - FRAME_PAD - FRAME_TITLE
            x1 = max(positions[u][0] + sizes[u][0] / 2 for u in members) + FRAME_PAD
            y1 = max(positions[u][1] + sizes[u][1] / 2 for u in members) + FRAME_PAD
            rects[c.id] = (x0, y0, x1 - x0, y1 - y0)
    return Layout(positions, sizes, rects)


def _below(parent: Rect, child: Rect, orientation: str) -> bool:
    if orientation == "lr":
        return child[0] >= parent[0] + parent[2] + 1
    return child[1] >= parent[1] + parent[3] + 1


def design_title(design: Design, lang: str) -> str:
    m = design.metadata
    title = (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)
    return printable(title) or ("Untitled design" if lang == "en" else "無題の設計")


def build_diagram(design: Design, lay: Layout, *, lang: str = "en",
                  date: str | None = None) -> Diagram:
    """Everything to draw for `design` placed by `lay`: reporting lines as elbows from a
    superior down to a subordinate, every other flow routed around the boxes it does not join."""
    units = design.units
    boxes: dict[str, Box] = {}
    for uid in lay.positions:
        u = units[uid]
        st = unit_style(u)
        lines = wrap_label(printable(unit_label(u, lang)), st.bold)
        boxes[uid] = Box(uid, lines, lay.rect(uid), st)
    frames = {cid: Frame(cid, printable(design.companies[cid].display_name(lang)), r,
                         company_style(design.companies[cid]))
              for cid, r in lay.company_rects.items()}
    edges: list[Edge] = []
    router = route_flows(design, {u: b.rect for u, b in boxes.items()},
                         {u: b.style.shape for u, b in boxes.items()},
                         {c: f.rect for c, f in frames.items()}, lay.orientation)
    for f in design.flows.values():
        if f.source not in boxes or f.target not in boxes:
            continue
        st = flow_style(f.kind)
        label = printable(flow_label(f.kind, f.label, lang))
        src, dst = boxes[f.source], boxes[f.target]
        edge = Edge(f.id, f.source, f.target, f.kind, st, label, [])
        if f.id not in router.routes:
            pts = reporting_route(src.rect, dst.rect, lay.orientation)
        else:
            pts = router.routes[f.id]
            if st.head == "normal":
                edge.head = pts[-1]
            if st.tail == "normal":
                edge.tail = pts[0]
        edge.waypoints = list(pts)
        if f.id not in router.routes:
            edge.points = geo.polyline_to_cubic(pts)
        else:
            edge.points = rounded_cubic(trim(pts, ARROW if edge.tail else 0.0,
                                             ARROW if edge.head else 0.0))
        edges.append(edge)
    _place_labels(edges, boxes)
    m = design.metadata
    today = date or _dt.date.today().isoformat()
    ja = lang == "ja"
    sub = [("日付" if ja else "Date", today),
           ("版" if ja else "Revision", printable(m.revision)) if m.revision else
           ("作成" if ja else "Made with", f"OrgDesigner {__version__}")]
    if m.organisation:
        sub.append(("組織" if ja else "Organisation", printable(m.organisation)))
    if m.author:
        sub.append(("作成者" if ja else "Prepared by", printable(m.author)))
    return Diagram(boxes, frames, edges, design_title(design, lang), sub, lang, lay.orientation)


def diagram_for(design: Design, *, layout: str = "tidy", root: str | None = None,
                lang: str = "en", orientation: str = "tb", compact: bool = False,
                date: str | None = None) -> Diagram:
    """The diagram with positions from the tidy layout, Graphviz `dot`, or the canvas."""
    if layout == "dot":
        from .dot_layout import dot_layout

        lay = dot_layout(design, orientation=orientation, root=root, lang=lang)
    elif layout == "tidy":
        lay = compute_layout(design, orientation=orientation, compact=compact, root=root,
                             lang=lang)
    elif layout == "canvas":
        lay = canvas_layout(design, root=root, lang=lang, tidy_if_unplaced=True)
    else:
        raise ValueError(f"unknown layout {layout!r}; use tidy, dot or canvas")
    return build_diagram(design, lay, lang=lang, date=date)

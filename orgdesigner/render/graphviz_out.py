"""A positioned `Diagram` as a pygraphviz graph, rendered by Graphviz without re-layout.

Every node gets `pos`, every edge an explicit spline `pos`, every company cluster a `bb`, so
`neato -n2` (pygraphviz's "nop2") only draws: the picture is exactly the computed layout.
All user text goes through HTML-like labels with XML escaping, so `<b>"R&D" \\n 研究` is shown
literally (plain Graphviz labels would interpret `\\n`, and `<…>` would start HTML).
"""

from __future__ import annotations

import math
from html import escape

from .diagram import LABEL_SIZE, Diagram, Edge
from .geometry import polyline_to_cubic, spline_length
from .legend import SMALL, Legend, SampleLine, Text, title_size
from .style import FONT_SIZE, FlowStyle, UnitStyle, font_family, shade

Point = tuple[float, float]
MARGIN = 24.0
_DASH_DOT = (7.0, 3.0, 1.6, 3.0)  # dash, gap, dot, gap in points
_MAX_PERIODS = 150


def html(lines: list[str], *, bold: bool = False, size: float | None = None,
         color: str | None = None) -> str:
    """An HTML-like Graphviz label showing `lines` literally."""
    body = "<BR/>".join(escape(line, quote=True) for line in lines) or " "
    if bold:
        body = f"<B>{body}</B>"
    if size is not None or color is not None:
        attrs = (f' POINT-SIZE="{size:g}"' if size is not None else "") + \
                (f' COLOR="{color}"' if color is not None else "")
        body = f"<FONT{attrs}>{body}</FONT>"
    return f"<{body}>"


def _pt(p: Point, flip: float) -> str:
    return f"{p[0]:.2f},{flip - p[1]:.2f}"


def dash_dot_colour(color: str, length: float) -> str:
    """Graphviz has no dash-dot style: draw it as coloured and transparent segments along the
    edge (a weighted colour list), which every Graphviz renderer understands."""
    period = sum(_DASH_DOT)
    n = int(length // period)
    if n < 1 or length <= 0:
        return color
    # Very long lines (across a group of thousands of units) get a longer pattern rather
    # than tens of thousands of segments.
    scale = max(1.0, n / _MAX_PERIODS)
    n = min(n, _MAX_PERIODS)
    parts = []
    for _ in range(n):
        for i, seg in enumerate(_DASH_DOT):
            frac = math.floor(seg * scale / length * 1e5) / 1e5
            parts.append(f"{color if i % 2 == 0 else '#FFFFFF00'};{frac:.5f}")
    return ":".join(parts) + f":{color}"


def _node_attrs(st: UnitStyle, rect: tuple[float, float, float, float], flip: float) -> dict:
    x, y, w, h = rect
    styles = ["filled"]
    shape = st.shape
    if shape == "rounded":
        shape = "box"
        styles.append("rounded")
    if st.dashed:
        styles.append("dashed")
    return {
        "shape": shape, "style": ",".join(styles), "fillcolor": st.fill, "color": st.border,
        "fontcolor": st.text, "penwidth": f"{st.border_width:g}", "fixedsize": "true",
        "width": f"{w / 72:.4f}", "height": f"{h / 72:.4f}",
        "pos": _pt((x + w / 2, y + h / 2), flip), "margin": "0",
    }


def _edge_attrs(st: FlowStyle, points: list[Point], head: Point | None, tail: Point | None,
                flip: float) -> dict:
    spline = " ".join(_pt(p, flip) for p in points)
    # Graphviz reads the start tip first, then the end tip, then the control points.
    if head is not None:
        spline = f"e,{_pt(head, flip)} {spline}"
    if tail is not None:
        spline = f"s,{_pt(tail, flip)} {spline}"
    if st.dash == "dashdot":
        color, style = dash_dot_colour(st.color, spline_length(points)), "solid"
    else:
        color, style = st.color, st.dash
    if st.double:
        color = f"{st.color}:#FFFFFF00:{st.color}"
    direction = {(True, True): "both", (True, False): "forward", (False, True): "back",
                 (False, False): "none"}[(head is not None, tail is not None)]
    return {
        "pos": spline, "color": color, "style": style, "penwidth": f"{st.width:g}",
        "dir": direction, "arrowhead": "normal", "arrowtail": "normal", "arrowsize": "0.9",
        "fontcolor": shade(st.color, 0.3), "fontsize": f"{LABEL_SIZE:g}",
    }


def to_agraph(diagram: Diagram, legend: Legend | None = None, *, title: bool = True):
    """The Graphviz graph of a positioned diagram (plus legend and title block)."""
    import pygraphviz as pgv

    x0, y0, w, h = diagram.bounds()
    tw, th = title_size(diagram) if title else (0.0, 0.0)
    top = y0 - (th + 20 if title else 0) - MARGIN
    bottom = max(y0 + h, legend.rect[1] + legend.rect[3] if legend else y0 + h) + MARGIN
    left = x0 - MARGIN
    right = max(x0 + w, x0 + tw, legend.rect[0] + legend.rect[2] if legend else x0) + MARGIN
    flip = bottom  # Graphviz y grows upwards
    font = font_family()
    g = pgv.AGraph(directed=True, strict=False, name="orgdesigner")
    g.graph_attr.update(
        bb=f"{left:.2f},{flip - bottom:.2f},{right:.2f},{flip - top:.2f}",
        fontname=font, outputorder="edgesfirst", splines="line", pad="0.1", bgcolor="white",
        label="", id="diagram")
    g.node_attr.update(fontname=font, fontsize=f"{FONT_SIZE:g}")
    g.edge_attr.update(fontname=font)
    names: dict[str, str] = {}
    targets = {"": g}
    for i, (cid, fr) in enumerate(diagram.frames.items()):
        fx, fy, fw, fh = fr.rect
        targets[cid] = g.add_subgraph(
            name=f"cluster_{i}", id=f"company-{cid}",
            bb=f"{fx:.2f},{flip - fy - fh:.2f},{fx + fw:.2f},{flip - fy:.2f}",
            label=html([fr.label], bold=True), labeljust="l", labelloc="t", fontsize="12",
            style="filled,dashed" if fr.style.dashed else "filled",
            fillcolor=fr.style.fill, color=fr.style.border, penwidth="1.2", fontcolor="#1A1A1A")
    frame_of = _frame_finder(diagram)
    company_of = {uid: frame_of(box.rect) for uid, box in diagram.boxes.items()}
    for i, (uid, box) in enumerate(diagram.boxes.items()):
        name = f"u{i}"
        names[uid] = name
        target = targets.get(company_of[uid], g)
        target.add_node(name, label=html(box.lines, bold=box.style.bold), id=f"unit-{uid}",
                        **_node_attrs(box.style, box.rect, flip))
    for e in diagram.edges:
        _add_edge(g, names[e.source], names[e.target], e, flip)
    if title:
        _add_title(g, diagram, x0, top + MARGIN, tw, th, flip)
    if legend:
        _add_legend(g, legend, flip)
    return g


def _frame_finder(diagram: Diagram):  # type: ignore[no-untyped-def]
    """A function giving the frame a box sits in (by geometry: the diagram knows rectangles,
    not companies) — the first frame, in frame order, that contains it.

    Frames are put into a grid of about one cell per frame, so a box is tested only against
    the frames over its corner: with 50,000 companies a test of every frame for every box
    would be 2.5 billion tests."""
    frames = [(i, cid, fr.rect) for i, (cid, fr) in enumerate(diagram.frames.items())]
    if not frames:
        return lambda rect: ""
    left = min(r[0] for _, _, r in frames)
    top = min(r[1] for _, _, r in frames)
    right = max(r[0] + r[2] for _, _, r in frames)
    bottom = max(r[1] + r[3] for _, _, r in frames)
    n = max(1, math.isqrt(len(frames)))
    cw = max((right - left) / n, 1e-9)
    ch = max((bottom - top) / n, 1e-9)

    def cell(x: float, y: float) -> tuple[int, int]:
        return (min(n - 1, max(0, int((x - left) / cw))), min(n - 1, max(0, int((y - top) / ch))))

    grid: dict[tuple[int, int], list[tuple[int, str, tuple]]] = {}
    for item in frames:
        fx, fy, fw, fh = item[2]
        (c0, r0), (c1, r1) = cell(fx, fy), cell(fx + fw, fy + fh)
        for c in range(c0, c1 + 1):
            for r in range(r0, r1 + 1):
                grid.setdefault((c, r), []).append(item)

    def find(rect: tuple[float, float, float, float]) -> str:
        bx, by, bw, bh = rect
        for _, cid, (fx, fy, fw, fh) in grid.get(cell(bx, by), ()):  # in frame order
            if fx <= bx and fy <= by and bx + bw <= fx + fw and by + bh <= fy + fh:
                return cid
        return ""

    return find


def _add_edge(g, src: str, dst: str, e: Edge, flip: float) -> None:
    attrs = _edge_attrs(e.style, e.points, e.head, e.tail, flip)
    if e.label and e.label_pos is not None:
        attrs.update(label=html([e.label]), lp=_pt(e.label_pos, flip))
    g.add_edge(src, dst, key=e.id, id=f"flow-{e.id}", **attrs)


def _text_node(g, name: str, t: Text, flip: float) -> None:
    """Left-aligned text: a table wider than the estimated text, its cell aligned left."""
    w = t.width * 1.25 + 8
    label = (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="{round(w)}">'
             f'<TR><TD ALIGN="LEFT" WIDTH="{round(w)}">'
             f'{html([t.text], bold=t.bold, size=t.size)[1:-1]}</TD></TR></TABLE>>')
    g.add_node(name, shape="plain", label=label, pos=_pt((t.x + w / 2, t.y), flip))


def _add_title(g, d: Diagram, x: float, y: float, w: float, h: float, flip: float) -> None:
    cells = "".join(
        f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL:g}" COLOR="#555555">{escape(c)}</FONT> '
        f'<FONT POINT-SIZE="{SMALL:g}">{escape(v)}</FONT></TD>' for c, v in d.subtitle)
    label = (f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" '
             f'COLOR="#404040">'
             f'<TR><TD ALIGN="LEFT" COLSPAN="{max(1, len(d.subtitle))}">'
             f'<FONT POINT-SIZE="16"><B>{escape(d.title)}</B></FONT></TD></TR>'
             f'<TR>{cells}</TR></TABLE>>')
    g.add_node("title_block", shape="plain", label=label, id="title-block",
               pos=_pt((x + w / 2, y + h / 2), flip))


def _add_legend(g, leg: Legend, flip: float) -> None:
    lx, ly, lw, lh = leg.rect
    sg = g.add_subgraph(name="cluster_legend", id="legend", label="", style="filled",
                        fillcolor="#FFFFFF", color="#8C8C8C", penwidth="0.8",
                        bb=f"{lx:.2f},{flip - ly - lh:.2f},{lx + lw:.2f},{flip - ly:.2f}")
    for i, b in enumerate(leg.boxes):
        sg.add_node(f"legend_box_{i}", label=html(b.lines, bold=b.style.bold, size=b.size),
                    **_node_attrs(b.style, b.rect, flip))
    for i, t in enumerate(leg.texts):
        _text_node(sg, f"legend_text_{i}", t, flip)
    for i, line in enumerate(leg.lines):
        _legend_line(sg, i, line, flip)


def _legend_line(sg, i: int, line: SampleLine, flip: float) -> None:
    a, b = f"legend_a_{i}", f"legend_b_{i}"
    for name, p in ((a, line.start), (b, line.end)):
        sg.add_node(name, shape="point", width="0.01", height="0.01", style="invis",
                    label="", pos=_pt(p, flip))
    st = line.style
    arrow = 8.0
    start = (line.start[0] + (arrow if st.tail == "normal" else 0), line.start[1])
    end = (line.end[0] - (arrow if st.head == "normal" else 0), line.end[1])
    attrs = _edge_attrs(st, polyline_to_cubic([start, end]),
                        line.end if st.head == "normal" else None,
                        line.start if st.tail == "normal" else None, flip)
    sg.add_edge(a, b, key=f"legend{i}", **attrs)

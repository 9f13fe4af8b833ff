"""The diagram as a diagrams.net (draw.io) file: an uncompressed `mxfile` with one mxGraphModel.

Every unit is a vertex with its geometry, label and our visual language as a draw.io style;
companies are containers whose units are their children (geometry relative to the company);
every flow is an edge from the source vertex to the target vertex, with the router's
waypoints as `mxPoint`s — so moving a box in draw.io keeps its flows attached. Labels are
plain text (`html=0`) and XML-escaped, so `<b>"R&D"` shows as typed.
"""

from __future__ import annotations

from .. import __version__
from .diagram import Diagram, Edge
from .route_path import edge_path
from .style import FONT_SIZE, UnitStyle, font_family, shade

MARGIN = 20.0
_SHAPES = {
    "box": "rounded=0",
    "rounded": "rounded=1;arcSize=12",
    "hexagon": "shape=hexagon;perimeter=hexagonPerimeter2;fixedSize=0;size=0.25",
    "octagon": "shape=mxgraph.basic.octagon2;dx=10",
    "ellipse": "ellipse",
    "house": "shape=offPageConnector;direction=west;size=0.35",
}
_DASH = {"solid": "dashed=0", "dashed": "dashed=1;dashPattern=6 4",
         "dotted": "dashed=1;dashPattern=1 3", "dashdot": "dashed=1;dashPattern=7 3 1.6 3"}
_CURVE_SAMPLES = (0.25, 0.5, 0.75)
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                       "\r": "&#13;", "\t": "&#9;"})


def _n(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def unit_style(st: UnitStyle, font: str) -> str:
    parts = [_SHAPES.get(st.shape, "rounded=0"), "whiteSpace=wrap", "html=0",
             f"fillColor={st.fill}", f"strokeColor={st.border}", f"fontColor={st.text}",
             f"strokeWidth={_n(st.border_width)}", f"fontSize={_n(FONT_SIZE)}",
             f"fontFamily={font}", "align=center", "verticalAlign=middle"]
    if st.dashed:
        parts.append("dashed=1")
    if st.bold:
        parts.append("fontStyle=1")
    if st.shape == "house":
        parts.append("spacingTop=12")
    return ";".join(parts) + ";"


def edge_style(e: Edge, font: str, curved: bool) -> str:
    st = e.style
    head = e.head is not None or st.head == "normal"
    tail = e.tail is not None or st.tail == "normal"
    parts = ["html=0", "edgeStyle=none", f"curved={int(curved)}", "rounded=0",
             f"strokeColor={st.color}", f"strokeWidth={_n(st.width)}", _DASH[st.dash],
             f"fontColor={shade(st.color, 0.3)}", "fontSize=9", f"fontFamily={font}",
             "labelBackgroundColor=#FFFFFF"]
    if st.double:
        # delegation, authority handed over: a hollow arrow, two lines and an open head.
        # (draw.io's double line, "shape=link", draws no arrowhead: the direction was lost.)
        parts += ["shape=flexArrow", "width=4", "endWidth=6", "endSize=5", "startWidth=6",
                  "startSize=5", "fillColor=none",
                  f"endArrow={'classic' if head else 'none'}",
                  f"startArrow={'classic' if tail else 'none'}"]
    else:
        parts += [f"endArrow={'block' if head else 'none'}", "endFill=1",
                  f"startArrow={'block' if tail else 'none'}", "startFill=1"]
    return ";".join(parts) + ";"


def _cubic(a: tuple[float, float], c1: tuple[float, float], c2: tuple[float, float],
           b: tuple[float, float], t: float) -> tuple[float, float]:
    u = 1 - t
    return (u ** 3 * a[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t ** 3 * b[0],
            u ** 3 * a[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t ** 3 * b[1])


def waypoints(e: Edge) -> tuple[list[tuple[float, float]], bool]:
    """The route's inner points (draw.io draws from the source's border through them to the
    target's) and whether they lie on a curve. Reads any polyline or cubic route."""
    cmds = edge_path(e)
    pts: list[tuple[float, float]] = []
    curved = False
    cur = None
    for op, ps in cmds:
        if op == "C" and cur is not None:
            curved = True
            pts += [_cubic(cur, ps[0], ps[1], ps[2], t) for t in _CURVE_SAMPLES]
        pts.append(ps[-1])
        cur = ps[-1]
    inner = pts[1:-1]
    return inner, curved


def _a(value: str) -> str:
    """An attribute value: quoted, with markup and line breaks escaped (shown as typed)."""
    return '"' + value.translate(_ATTR) + '"'


def drawio_lines(d: Diagram) -> list[str]:
    """The mxfile for a positioned diagram, as lines of XML. Written as text rather than
    through ElementTree: serialising 5,000 vertices with ET takes most of the time budget."""
    x0, y0, w, h = d.bounds()
    dx, dy = MARGIN - x0, MARGIN - y0
    font = font_family()
    out = ["<?xml version='1.0' encoding='utf-8'?>",
           f'<mxfile host="OrgDesigner" agent={_a("OrgDesigner " + __version__)} '
           'version="24.0.0" type="device">',
           f' <diagram id="orgdesigner" name={_a(d.title or "Page-1")}>',
           '  <mxGraphModel dx="0" dy="0" grid="1" gridSize="10" guides="1" tooltips="1" '
           'connect="1" arrows="1" fold="1" page="1" pageScale="1" '
           f'pageWidth="{_n(w + 2 * MARGIN)}" pageHeight="{_n(h + 2 * MARGIN)}" math="0" '
           'shadow="0">',
           "   <root>", '    <mxCell id="0" />', '    <mxCell id="1" parent="0" />']
    origin: dict[str, tuple[float, float]] = {"1": (0.0, 0.0)}

    def vertex(vid: str, value: str, style: str, parent: str, r: tuple[float, ...]) -> None:
        out.append(f"    <mxCell id={_a(vid)} value={_a(value)} style={_a(style)} "
                   f'vertex="1" parent={_a(parent)}>')
        out.append(f'     <mxGeometry x="{_n(r[0])}" y="{_n(r[1])}" width="{_n(r[2])}" '
                   f'height="{_n(r[3])}" as="geometry" />')
        out.append("    </mxCell>")

    for cid, fr in d.frames.items():
        fx, fy, fw, fh = fr.rect
        style = ("rounded=0;whiteSpace=wrap;html=0;container=1;collapsible=0;"
                 "recursiveResize=0;verticalAlign=top;align=left;spacingLeft=8;spacingTop=2;"
                 f"fontStyle=1;fontSize=12;fontFamily={font};fillColor={fr.style.fill};"
                 f"strokeColor={fr.style.border};strokeWidth=1.2;"
                 + ("dashed=1;" if fr.style.dashed else ""))
        vertex(f"company-{cid}", fr.label, style, "1", (fx + dx, fy + dy, fw, fh))
        origin[f"company-{cid}"] = (fx + dx, fy + dy)
    parents = _containers(d)
    styles: dict[UnitStyle, str] = {}
    for uid, b in d.boxes.items():
        parent = f"company-{parents[uid]}" if parents.get(uid) else "1"
        ox, oy = origin[parent]
        bx, by, bw, bh = b.rect
        if b.style not in styles:
            styles[b.style] = unit_style(b.style, font)
        vertex(f"unit-{uid}", "\n".join(b.lines), styles[b.style], parent,
               (bx + dx - ox, by + dy - oy, bw, bh))
    edge_styles: dict[tuple, str] = {}
    for e in d.edges:
        inner, curved = waypoints(e)
        key = (e.style, e.head is None, e.tail is None, curved)
        if key not in edge_styles:
            edge_styles[key] = _a(edge_style(e, font, curved))
        out.append(f"    <mxCell id={_a('flow-' + e.id)} value={_a(e.label)} "
                   f"style={edge_styles[key]} edge=\"1\" parent=\"1\" "
                   f"source={_a('unit-' + e.source)} target={_a('unit-' + e.target)}>")
        if inner:
            out.append('     <mxGeometry relative="1" as="geometry">')
            out.append('      <Array as="points">')
            out += [f'       <mxPoint x="{_n(px + dx)}" y="{_n(py + dy)}" />'
                    for px, py in inner]
            out.append("      </Array>")
            out.append("     </mxGeometry>")
        else:
            out.append('     <mxGeometry relative="1" as="geometry" />')
        out.append("    </mxCell>")
    out += ["   </root>", "  </mxGraphModel>", " </diagram>", "</mxfile>"]
    return out


def _containers(d: Diagram) -> dict[str, str]:
    """The innermost frame holding each box (by geometry: the diagram knows rectangles)."""
    frames = sorted(d.frames.items(), key=lambda kv: kv[1].rect[2] * kv[1].rect[3])
    out: dict[str, str] = {}
    for uid, b in d.boxes.items():
        bx, by, bw, bh = b.rect
        for cid, fr in frames:
            fx, fy, fw, fh = fr.rect
            if fx <= bx and fy <= by and bx + bw <= fx + fw and by + bh <= fy + fh:
                out[uid] = cid
                break
    return out


def drawio_bytes(d: Diagram) -> bytes:
    return ("\n".join(drawio_lines(d)) + "\n").encode("utf-8")

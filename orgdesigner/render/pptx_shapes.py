"""DrawingML for one positioned `Diagram`: native, editable PowerPoint shapes.

Why XML and not python-pptx's shape API: the API parses a template per shape and cannot set
line ends, compound (double) lines or the East Asian typeface; building each slide's shapes
as one XML fragment is exact and fast enough for a thousand units. python-pptx still owns
the package (slides, layouts, the user's template).

Coordinates: the diagram is in points, y down; `Fit` maps it into a rectangle of the slide
(EMU). DrawingML calls the start of a line its "head" and the end its "tail", so our arrow
at the target is the `a:tailEnd`.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from .diagram import LABEL_SIZE, Diagram, Edge
from .geometry import shape_polygon
from .legend import SMALL, Legend
from .route_path import edge_path
from .style import FONT_SIZE, PAD_X, PAD_Y, TEXT, UnitStyle, cjk_font_family, shade

EMU = 12700  # per point
NSDECL = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
PRESET = {"box": "rect", "rounded": "roundRect", "hexagon": "hexagon", "octagon": "octagon",
          "ellipse": "ellipse"}  # "house" has no preset with vertical walls: a freeform
DASH = {"solid": "", "dashed": "dash", "dotted": "sysDot", "dashdot": "dashDot"}
Point = tuple[float, float]
Rect = tuple[float, float, float, float]


def fonts() -> tuple[str, str]:
    """(latin, East Asian) typefaces: the installed CJK font (it covers Latin too), else the
    Japanese fonts every Windows and macOS PowerPoint has."""
    cjk = cjk_font_family()
    return (cjk, cjk) if cjk else ("Segoe UI", "Yu Gothic")


@dataclass
class Fit:
    """Diagram points → slide EMU: x' = ox + (x - x0) * s."""
    x0: float
    y0: float
    ox: int
    oy: int
    s: float

    @classmethod
    def into(cls, bounds: Rect, area: Rect, max_scale: float = 1.5) -> Fit:
        """Scale `bounds` (points) to fit `area` (EMU), centred horizontally, top-aligned."""
        bx, by, bw, bh = bounds
        ax, ay, aw, ah = area
        s = min(aw / max(bw * EMU, 1), ah / max(bh * EMU, 1), max_scale)
        return cls(bx, by, int(ax + (aw - bw * EMU * s) / 2), int(ay), s)

    def x(self, v: float) -> int:
        return int(round(self.ox + (v - self.x0) * self.s * EMU))

    def y(self, v: float) -> int:
        return int(round(self.oy + (v - self.y0) * self.s * EMU))

    def d(self, v: float) -> int:
        return max(0, int(round(v * self.s * EMU)))

    def rect(self, r: Rect) -> tuple[int, int, int, int]:
        x, y = self.x(r[0]), self.y(r[1])
        return x, y, max(1, self.x(r[0] + r[2]) - x), max(1, self.y(r[1] + r[3]) - y)


class Ids:
    """Shape ids, unique on one slide."""

    def __init__(self, start: int) -> None:
        self.n = start

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _hex(c: str) -> str:
    return c.lstrip("#").upper()[:6]


def _xfrm(x: int, y: int, w: int, h: int) -> str:
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def run_props(size: float, *, bold: bool = False, color: str = TEXT, lang: str = "en") -> str:
    latin, ea = fonts()
    return (f'<a:rPr lang="{"ja-JP" if lang == "ja" else "en-US"}" altLang="ja-JP" '
            f'sz="{max(100, int(round(size * 100)))}" b="{int(bold)}" dirty="0">'
            f'<a:solidFill><a:srgbClr val="{_hex(color)}"/></a:solidFill>'
            f'<a:latin typeface={quoteattr(latin)}/><a:ea typeface={quoteattr(ea)}/>'
            f'<a:cs typeface={quoteattr(latin)}/></a:rPr>')


def paragraphs(lines: list[str], size: float, *, bold: bool = False, color: str = TEXT,
               lang: str = "en", align: str = "ctr") -> str:
    rp = run_props(size, bold=bold, color=color, lang=lang)
    return "".join(f'<a:p><a:pPr algn="{align}"/><a:r>{rp}<a:t>{escape(line)}</a:t></a:r></a:p>'
                   for line in lines or [""])


def text_body(lines: list[str], size: float, *, bold: bool = False, color: str = TEXT,
              lang: str = "en", align: str = "ctr", inset: tuple[int, int] = (45720, 22860),
              anchor: str = "ctr") -> str:
    li, ti = inset
    return (f'<p:txBody><a:bodyPr wrap="square" lIns="{li}" tIns="{ti}" rIns="{li}" '
            f'bIns="{ti}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            + paragraphs(lines, size, bold=bold, color=color, lang=lang, align=align)
            + "</p:txBody>")


def _line(color: str, width: float, dash: str = "solid", *, double: bool = False,
          head: bool = False, tail: bool = False) -> str:
    cmpd = ' cmpd="dbl"' if double else ""
    prst = f'<a:prstDash val="{DASH[dash]}"/>' if DASH.get(dash) else ""
    ends = ('<a:headEnd type="triangle" w="med" len="med"/>' if tail else "") + \
           ('<a:tailEnd type="triangle" w="med" len="med"/>' if head else "")
    return (f'<a:ln w="{max(3175, int(width * EMU))}"{cmpd}><a:solidFill>'
            f'<a:srgbClr val="{_hex(color)}"/></a:solidFill>{prst}<a:round/>{ends}</a:ln>')


def _custom(pts: list[Point], closed: bool, w: int, h: int) -> str:
    """A custom geometry path (pts already in shape-local EMU)."""
    segs = [f'<a:moveTo><a:pt x="{pts[0][0]:.0f}" y="{pts[0][1]:.0f}"/></a:moveTo>']
    segs += [f'<a:lnTo><a:pt x="{x:.0f}" y="{y:.0f}"/></a:lnTo>' for x, y in pts[1:]]
    return ('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            '<a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{w}" h="{h}">{"".join(segs)}'
            f'{"<a:close/>" if closed else ""}</a:path></a:pathLst></a:custGeom>')


def shape_sp(sid: int, name: str, rect: tuple[int, int, int, int], geom: str, fill: str | None,
             line: str, body: str = "", descr: str = "") -> str:
    fill_xml = f'<a:solidFill><a:srgbClr val="{_hex(fill)}"/></a:solidFill>' if fill \
        else "<a:noFill/>"
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name={quoteattr(name)} '
            f'descr={quoteattr(descr)}/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{_xfrm(*rect)}{geom}{fill_xml}{line}</p:spPr>'
            + (body or text_body([""], FONT_SIZE)) + "</p:sp>")


def unit_geometry(st: UnitStyle, w: int, h: int) -> str:
    if st.shape in PRESET:
        adj = '<a:gd name="adj" fmla="val 10000"/>' if st.shape == "rounded" else ""
        if st.shape == "octagon":
            adj = '<a:gd name="adj" fmla="val 29289"/>'
        if st.shape == "hexagon":
            # the cut is a share of the short side: a quarter of the width, as Graphviz draws
            adj = f'<a:gd name="adj" fmla="val {int(25000 * w / max(h, 1))}"/>'
        return f'<a:prstGeom prst="{PRESET[st.shape]}"><a:avLst>{adj}</a:avLst></a:prstGeom>'
    pts = [(x * w, y * h) for x, y in shape_polygon(st.shape, (0, 0, 1, 1))]
    return _custom(pts, True, w, h)


def box_xml(sid: int, name: str, r: tuple[int, int, int, int], st: UnitStyle, lines: list[str],
            size: float, s: float, lang: str, descr: str = "") -> str:
    """One unit: its kind's shape and colours, its wrapped label."""
    top = 0.3 if st.shape == "house" else 0.0  # the roof takes the top of a house
    inset = (int(PAD_X * s * EMU * 0.4), int(PAD_Y * s * EMU * 0.3))
    body = text_body(lines, size, bold=st.bold, color=st.text, lang=lang, inset=inset)
    if top:
        body = body.replace(f'tIns="{inset[1]}"', f'tIns="{int(r[3] * top)}"', 1)
    dash = "dashed" if st.dashed else "solid"
    return shape_sp(sid, name, r, unit_geometry(st, r[2], r[3]), st.fill,
                    _line(st.border, st.border_width * max(s, 0.5), dash), body, descr)


def edge_xml(sid: int, e: Edge, fit: Fit) -> str:
    """One flow: a freeform line along the route, the kind's colour, dash, ends, double."""
    cmds = edge_path(e)
    every = [p for _, ps in cmds for p in ps]
    xs = [fit.x(p[0]) for p in every]
    ys = [fit.y(p[1]) for p in every]
    x0, y0 = min(xs), min(ys)
    w, h = max(1, max(xs) - x0), max(1, max(ys) - y0)

    def pt(p: Point) -> str:
        return f'<a:pt x="{fit.x(p[0]) - x0}" y="{fit.y(p[1]) - y0}"/>'

    tag = {"M": "moveTo", "L": "lnTo", "C": "cubicBezTo"}
    path = "".join(f"<a:{tag[c]}>{''.join(pt(p) for p in ps)}</a:{tag[c]}>" for c, ps in cmds)
    geom = ('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            '<a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{w}" h="{h}" fill="none">{path}</a:path></a:pathLst>'
            '</a:custGeom>')
    st = e.style
    line = _line(st.color, st.width * max(fit.s, 0.5), st.dash, double=st.double,
                 head=e.head is not None, tail=e.tail is not None)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name={quoteattr("flow:" + e.id)} '
            f'descr={quoteattr(e.label)}/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{_xfrm(x0, y0, w, h)}{geom}<a:noFill/>{line}</p:spPr></p:sp>')


def textbox_xml(sid: int, name: str, r: tuple[int, int, int, int], lines: list[str],
                size: float, *, bold: bool = False, color: str = TEXT, lang: str = "en",
                align: str = "ctr", fill: str | None = None) -> str:
    body = text_body(lines, size, bold=bold, color=color, lang=lang, align=align,
                     inset=(0, 0))
    return shape_sp(sid, name, r, '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>', fill,
                    "<a:ln><a:noFill/></a:ln>", body)


def group_xml(sid: int, name: str, children: list[str], r: tuple[int, int, int, int]) -> str:
    x, y, w, h = r
    return (f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{sid}" name={quoteattr(name)}/>'
            '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
            f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
            f'<a:chOff x="{x}" y="{y}"/><a:chExt cx="{w}" cy="{h}"/></a:xfrm></p:grpSpPr>'
            + "".join(children) + "</p:grpSp>")


def diagram_xml(d: Diagram, fit: Fit, ids: Ids, legend: Legend | None = None) -> list[str]:
    """Every shape of the diagram, back to front: company frames (each a group of its
    rectangle and name), flows, units, flow labels, then the legend as a group."""
    s, lang = fit.s, d.lang
    out: list[str] = []
    for cid, fr in d.frames.items():
        r = fit.rect(fr.rect)
        rect = shape_sp(ids(), f"company-frame:{cid}", r,
                        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>', fr.style.fill,
                        _line(fr.style.border, 1.2 * max(s, 0.5),
                              "dashed" if fr.style.dashed else "solid"))
        label = textbox_xml(ids(), f"company-name:{cid}",
                            (r[0] + fit.d(8), r[1] + fit.d(4), max(1, r[2] - fit.d(16)),
                             fit.d(16)), [fr.label], 12 * s, bold=True, lang=lang, align="l")
        out.append(group_xml(ids(), f"company:{cid}", [rect, label], r))
    out += [edge_xml(ids(), e, fit) for e in d.edges if e.points]
    for uid, b in d.boxes.items():
        out.append(box_xml(ids(), f"unit:{uid}", fit.rect(b.rect), b.style, b.lines,
                           FONT_SIZE * s, s, lang))
    for e in d.edges:
        if e.label and e.label_pos is not None:
            from .diagram import label_rect

            out.append(textbox_xml(ids(), f"flow-label:{e.id}", fit.rect(label_rect(e)),
                                   [e.label], LABEL_SIZE * s, color=shade(e.style.color, 0.3),
                                   lang=lang, fill="#FFFFFF"))
    if legend is not None:
        out.append(legend_xml(legend, fit, ids, lang))
    return out


def legend_xml(leg: Legend, fit: Fit, ids: Ids, lang: str) -> str:
    s = fit.s
    kids = [shape_sp(ids(), "legend-frame", fit.rect(leg.rect),
                     '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>', "#FFFFFF",
                     _line("#8C8C8C", 0.8 * max(s, 0.5)))]
    for b in leg.boxes:
        kids.append(box_xml(ids(), "legend-sample", fit.rect(b.rect), b.style, b.lines,
                            b.size * s, s, lang))
    for ln in leg.lines:
        st = ln.style
        e = Edge("legend", "", "", None, st, "", [ln.start, ln.end],  # type: ignore[arg-type]
                 head=None, tail=None)
        arrow = 8.0
        if st.head == "normal":
            e.points[-1] = (ln.end[0] - arrow, ln.end[1])
            e.head = ln.end
        if st.tail == "normal":
            e.points[0] = (ln.start[0] + arrow, ln.start[1])
            e.tail = ln.start
        kids.append(edge_xml(ids(), e, fit).replace('name="flow:legend"',
                                                    'name="legend-line"', 1))
    for t in leg.texts:
        w = t.width * 1.15
        r = fit.rect((t.x, t.y - t.size * 0.8, w, t.size * 1.6))
        kids.append(textbox_xml(ids(), "legend-text", r, [t.text], t.size * s, bold=t.bold,
                                lang=lang, align="l"))
    return group_xml(ids(), "legend", kids, fit.rect(leg.rect))


def details_xml(d: Diagram, r: tuple[int, int, int, int], ids: Ids) -> str:
    """The title block's second line: date, revision or version, organisation, author."""
    sub = "    ".join(f"{c}: {v}" for c, v in d.subtitle)
    return textbox_xml(ids(), "title-details", r, [sub], SMALL + 2, color="#555555",
                       lang=d.lang, align="l")


def append_xml(slide, fragments: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Parse the shape fragments once and add them to the slide's shape tree."""
    tree = etree.fromstring(f"<p:spTree {NSDECL}>{''.join(fragments)}</p:spTree>")
    sp_tree = slide.shapes._spTree
    for child in list(tree):
        sp_tree.append(child)


def next_id(slide) -> int:  # type: ignore[no-untyped-def]
    ids = [int(i) for i in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
    return max(ids, default=1)

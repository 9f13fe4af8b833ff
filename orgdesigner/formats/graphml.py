"""GraphML for yEd: yFiles ShapeNodes (label, fill, border, shape), PolyLineEdges (line
style, arrows, bends) and companies as group nodes, in the diagram's own visual language.

Plain GraphML `data` keys (name, kind, functions, company, flow kind, label) travel beside the
yFiles graphics, so generic readers such as networkx's `read_graphml` get the same nodes and
edges with meaningful attributes. Written with ElementTree, so all user text is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Design
from ..render.diagram import Diagram, Edge, printable

NS = "http://graphml.graphdrawing.org/xmlns"
Y = "http://www.yworks.com/xml/graphml"
YED = "http://www.yworks.com/xml/yed/3"
ET.register_namespace("", NS)
ET.register_namespace("y", Y)
ET.register_namespace("yed", YED)

_SHAPES = {"box": "rectangle", "rounded": "roundrectangle", "hexagon": "hexagon",
           "octagon": "octagon", "ellipse": "ellipse", "house": "trapezoid2"}
_LINES = {"solid": "line", "dashed": "dashed", "dotted": "dotted", "dashdot": "dashed_dotted"}
_KEYS = [  # (id, for, name, type)
    ("d_name", "node", "name", "string"),
    ("d_kind", "node", "kind", "string"),
    ("d_functions", "node", "functions", "string"),
    ("d_company", "node", "company", "string"),
    ("d_headcount", "node", "headcount", "int"),
    ("e_kind", "edge", "kind", "string"),
    ("e_label", "edge", "label", "string"),
]


def _sub(parent: ET.Element, tag: str, attrib: dict | None = None, text: str | None = None
         ) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: str(v) for k, v in (attrib or {}).items()})
    if text is not None:
        el.text = text
    return el


def _f(v: float) -> str:
    return f"{v:.2f}"


def graphml_tree(design: Design, diagram: Diagram) -> ET.ElementTree:
    root = ET.Element(f"{{{NS}}}graphml")
    for kid, for_, name, typ in _KEYS:
        _sub(root, f"{{{NS}}}key", {"id": kid, "for": for_, "attr.name": name,
                                     "attr.type": typ})
    _sub(root, f"{{{NS}}}key", {"id": "d_graphics", "for": "node", "yfiles.type": "nodegraphics"})
    _sub(root, f"{{{NS}}}key", {"id": "e_graphics", "for": "edge", "yfiles.type": "edgegraphics"})
    graph = _sub(root, f"{{{NS}}}graph", {"id": "G", "edgedefault": "directed"})
    containers = {"": graph}
    for cid, fr in diagram.frames.items():
        node = _sub(graph, f"{{{NS}}}node", {"id": cid, "yfiles.foldertype": "group"})
        _sub(node, f"{{{NS}}}data", {"key": "d_name"}, fr.label)
        _sub(node, f"{{{NS}}}data", {"key": "d_kind"}, "company")
        g = _sub(_sub(_sub(_sub(node, f"{{{NS}}}data", {"key": "d_graphics"}),
                           f"{{{Y}}}ProxyAutoBoundsNode"), f"{{{Y}}}Realizers",
                      {"active": "0"}), f"{{{Y}}}GroupNode")
        x, y, w, h = fr.rect
        _sub(g, f"{{{Y}}}Geometry", {"x": _f(x), "y": _f(y), "width": _f(w), "height": _f(h)})
        _sub(g, f"{{{Y}}}Fill", {"color": fr.style.fill, "transparent": "false"})
        _sub(g, f"{{{Y}}}BorderStyle", {"color": fr.style.border, "width": "1.2",
                                        "type": "dashed" if fr.style.dashed else "line"})
        _sub(g, f"{{{Y}}}NodeLabel", {"alignment": "left", "autoSizePolicy": "node_width",
                                      "modelName": "internal", "modelPosition": "t",
                                      "fontSize": "12", "fontStyle": "bold",
                                      "backgroundColor": fr.style.fill,
                                      "textColor": "#1A1A1A"}, fr.label)
        _sub(g, f"{{{Y}}}Shape", {"type": "rectangle"})
        _sub(g, f"{{{Y}}}State", {"closed": "false", "innerGraphDisplayEnabled": "false"})
        containers[cid] = _sub(node, f"{{{NS}}}graph", {"id": f"{cid}:",
                                                       "edgedefault": "directed"})
    for uid, box in diagram.boxes.items():
        u = design.units[uid]
        parent = containers.get(u.company if u.company in diagram.frames else "", graph)
        node = _sub(parent, f"{{{NS}}}node", {"id": uid})
        _sub(node, f"{{{NS}}}data", {"key": "d_name"}, printable(u.display_name(diagram.lang)))
        _sub(node, f"{{{NS}}}data", {"key": "d_kind"}, u.kind.value)
        _sub(node, f"{{{NS}}}data", {"key": "d_functions"}, ";".join(f.value for f in u.functions))
        _sub(node, f"{{{NS}}}data", {"key": "d_company"}, u.company)
        _sub(node, f"{{{NS}}}data", {"key": "d_headcount"}, str(u.headcount))
        shape = _sub(_sub(node, f"{{{NS}}}data", {"key": "d_graphics"}), f"{{{Y}}}ShapeNode")
        x, y, w, h = box.rect
        st = box.style
        _sub(shape, f"{{{Y}}}Geometry", {"x": _f(x), "y": _f(y), "width": _f(w), "height": _f(h)})
        _sub(shape, f"{{{Y}}}Fill", {"color": st.fill, "transparent": "false"})
        _sub(shape, f"{{{Y}}}BorderStyle", {"color": st.border, "width": f"{st.border_width:g}",
                                            "type": "dashed" if st.dashed else "line"})
        _sub(shape, f"{{{Y}}}NodeLabel", {"alignment": "center", "autoSizePolicy": "content",
                                          "modelName": "internal", "modelPosition": "c",
                                          "fontSize": "10", "textColor": st.text,
                                          "fontStyle": "bold" if st.bold else "plain"},
             "\n".join(box.lines))
        _sub(shape, f"{{{Y}}}Shape", {"type": _SHAPES.get(st.shape, "rectangle")})
    for e in diagram.edges:
        _edge(graph, diagram, e)
    return ET.ElementTree(root)


def _edge(graph: ET.Element, diagram: Diagram, e: Edge) -> None:
    el = _sub(graph, f"{{{NS}}}edge", {"id": e.id, "source": e.source, "target": e.target})
    _sub(el, f"{{{NS}}}data", {"key": "e_kind"}, e.kind.value)
    _sub(el, f"{{{NS}}}data", {"key": "e_label"}, e.label)
    line = _sub(_sub(el, f"{{{NS}}}data", {"key": "e_graphics"}), f"{{{Y}}}PolyLineEdge")
    src, dst = diagram.boxes[e.source].rect, diagram.boxes[e.target].rect
    scx, scy = src[0] + src[2] / 2, src[1] + src[3] / 2
    tcx, tcy = dst[0] + dst[2] / 2, dst[1] + dst[3] / 2
    start, end = e.points[0], e.points[-1]
    path = _sub(line, f"{{{Y}}}Path", {"sx": _f(start[0] - scx), "sy": _f(start[1] - scy),
                                       "tx": _f((e.head or end)[0] - tcx),
                                       "ty": _f((e.head or end)[1] - tcy)})
    # Bends: the polyline corners of elbows, a few samples of curves (yEd smooths them).
    for i in range(3, len(e.points) - 1, 3):
        _sub(path, f"{{{Y}}}Point", {"x": _f(e.points[i][0]), "y": _f(e.points[i][1])})
    if len(e.points) == 4 and e.points[1] != e.points[0]:
        p0, p1, p2, p3 = e.points
        mid = (0.125 * p0[0] + 0.375 * p1[0] + 0.375 * p2[0] + 0.125 * p3[0],
               0.125 * p0[1] + 0.375 * p1[1] + 0.375 * p2[1] + 0.125 * p3[1])
        _sub(path, f"{{{Y}}}Point", {"x": _f(mid[0]), "y": _f(mid[1])})
    st = e.style
    _sub(line, f"{{{Y}}}LineStyle", {"color": st.color, "type": _LINES[st.dash],
                                     "width": f"{st.width * (1.6 if st.double else 1):g}"})
    _sub(line, f"{{{Y}}}Arrows", {"source": "standard" if e.tail else "none",
                                  "target": "standard" if e.head else "none"})
    if e.label:
        _sub(line, f"{{{Y}}}EdgeLabel", {"fontSize": "9", "textColor": st.color,
                                         "modelName": "side_slider", "preferredPlacement":
                                         "anywhere"}, e.label)
    _sub(line, f"{{{Y}}}BendStyle", {"smoothed": "false" if e.kind.value == "reporting"
                                     else "true"})


def graphml_bytes(design: Design, diagram: Diagram) -> bytes:
    tree = graphml_tree(design, diagram)
    ET.indent(tree, space=" ")
    return ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)

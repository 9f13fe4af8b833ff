"""Graphviz `dot` as the alternative layout engine (`--layout dot`).

dot places the boxes (ranks from the reporting lines, companies as clusters, overlay flows
ordering but not ranking); the result is read back as a `Layout`, so the drawing itself —
shapes, routes, legend — stays the one visual language of the tidy layout.
"""

from __future__ import annotations

from ..model import Design, FlowKind
from .layout import FRAME_TITLE, LEVEL_GAP, Layout, subtree
from .quiet import filtered_stderr
from .style import box_size


def tree_graph(design: Design, ids: list[str], sizes: dict[str, tuple[float, float]], *,
               orientation: str = "tb", overlays: bool = True, clusters: bool = True):
    """The AGraph dot lays out: fixed-size nodes, reporting edges, optional overlays."""
    import pygraphviz as pgv

    include = set(ids)
    g = pgv.AGraph(directed=True, strict=False, name="layout")
    g.graph_attr.update(rankdir="TB" if orientation == "tb" else "LR",
                        nodesep=f"{16 / 72:.3f}", ranksep=f"{LEVEL_GAP / 72:.3f}",
                        splines="false", outputorder="edgesfirst")
    g.node_attr.update(shape="box", fixedsize="true", label="")
    groups: dict[str, list[str]] = {}
    for uid in ids:
        groups.setdefault(design.units[uid].company if clusters else "", []).append(uid)
    for cid, members in groups.items():
        target = g
        if cid:
            target = g.add_subgraph(name=f"cluster_{cid}", label=" ",
                                    fontsize=f"{FRAME_TITLE * 0.7:.1f}", margin="16")
        for uid in members:
            w, h = sizes[uid]
            target.add_node(uid, width=f"{w / 72:.4f}", height=f"{h / 72:.4f}")
    for f in design.flows.values():
        if f.source in include and f.target in include:
            if f.kind is FlowKind.REPORTING:
                g.add_edge(f.source, f.target, key=f.id, weight="4")
            elif overlays:
                g.add_edge(f.source, f.target, key=f.id, constraint="false", weight="0")
    return g


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.replace("!", "").split(",")]


def dot_layout(design: Design, *, orientation: str = "tb", root: str | None = None,
               lang: str = "en") -> Layout:
    """Positions from Graphviz `dot` (slow on thousands of units: see the benchmark)."""
    if orientation not in ("tb", "lr"):
        raise ValueError(f"orientation must be 'tb' or 'lr', not {orientation!r}")
    ids = subtree(design, root) if root else list(design.units)
    sizes = {u: box_size(design.units[u], lang) for u in ids}
    if not ids:
        return Layout({}, {}, {}, orientation)
    g = tree_graph(design, ids, sizes, orientation=orientation)
    with filtered_stderr():
        g.layout(prog="dot")
    llx, lly, urx, ury = _floats(g.graph_attr["bb"])
    positions = {}
    for uid in ids:
        x, y = _floats(g.get_node(uid).attr["pos"])
        positions[uid] = (x - llx, ury - y)
    rects = {}
    for sg in g.subgraphs():
        name = sg.name
        if name.startswith("cluster_") and sg.graph_attr.get("bb"):
            x0, y0, x1, y1 = _floats(sg.graph_attr["bb"])
            rects[name[len("cluster_"):]] = (x0 - llx, ury - y1, x1 - x0, y1 - y0)
    return Layout(positions, sizes, rects, orientation)

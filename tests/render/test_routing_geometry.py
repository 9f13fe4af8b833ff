"""Routed flows, as the router returns them and as the exported SVG draws them: no segment
enters a unit box that is not one of its ends, no label covers a box or another label, and
no two arrowheads share a point. Over every template and over random forests with random
overlay flows (including a dense cluster around one CSIRT)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.model import Design, Flow, FlowKind, Metadata, Unit, UnitKind
from orgdesigner.render.diagram import Diagram, diagram_for, label_rect
from orgdesigner.render.routing.curves import flatten

Rect = tuple[float, float, float, float]
OVERLAY = [k for k in FlowKind if k is not FlowKind.REPORTING]


def strictly_inside(p: tuple[float, float], r: Rect, eps: float = 0.5) -> bool:
    return r[0] + eps < p[0] < r[0] + r[2] - eps and r[1] + eps < p[1] < r[1] + r[3] - eps


def seg_enters(a, b, r: Rect, eps: float = 0.5) -> bool:
    """Whether the straight segment a–b passes through the inside of r."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    if x1 <= r[0] + eps or x0 >= r[0] + r[2] - eps or y1 <= r[1] + eps \
            or y0 >= r[1] + r[3] - eps:
        return False
    if abs(a[0] - b[0]) < 1e-9 or abs(a[1] - b[1]) < 1e-9:
        return True  # axis-parallel and overlapping the inside
    steps = max(2, int(math.dist(a, b) / 2))
    return any(strictly_inside((a[0] + (b[0] - a[0]) * i / steps,
                                a[1] + (b[1] - a[1]) * i / steps), r, eps)
               for i in range(steps + 1))


def overlap(a: Rect, b: Rect, eps: float = 0.5) -> bool:
    return (a[0] + eps < b[0] + b[2] and b[0] + eps < a[0] + a[2]
            and a[1] + eps < b[1] + b[3] and b[1] + eps < a[1] + a[3])


def check_diagram(d: Diagram) -> None:
    boxes = {u: b.rect for u, b in d.boxes.items()}
    tips = []
    labels = []
    for e in d.edges:
        routed = e.kind is not FlowKind.REPORTING or e.head or e.tail or len(e.waypoints) != 4
        if not routed:
            continue
        pts = e.waypoints
        drawn = flatten(e.points)
        for uid, r in boxes.items():
            if uid in (e.source, e.target):
                continue
            for a, b in zip(pts, pts[1:], strict=False):
                assert not seg_enters(a, b, r), (e.id, uid, a, b, r)
            for a, b in zip(drawn, drawn[1:], strict=False):
                assert not seg_enters(a, b, r), (e.id, uid, "drawn", a, b, r)
        for a, b in zip(pts, pts[1:], strict=False):  # orthogonal
            assert abs(a[0] - b[0]) < 1e-6 or abs(a[1] - b[1]) < 1e-6, (e.id, pts)
        tips += [p for p in (e.head, e.tail) if p is not None]
        if e.label and e.label_pos:
            labels.append((e.id, label_rect(e)))
    for i, p in enumerate(tips):
        for q in tips[i + 1:]:
            assert math.dist(p, q) > 2.0, (p, q)
    for e in d.edges:
        if e.label and e.label_pos:
            r = label_rect(e)
            for uid, b in boxes.items():
                assert not overlap(r, b), (e.id, e.label, uid)
    for i, (k, r) in enumerate(labels):
        for k2, r2 in labels[i + 1:]:
            assert not overlap(r, r2), (k, k2)


@pytest.mark.parametrize("tid", templates.ids())
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_template_routes_clear_of_boxes(tid, lang):
    design = templates.load(tid)
    check_diagram(diagram_for(design, lang=lang))
    check_diagram(diagram_for(design, lang=lang, layout="canvas"))


@st.composite
def forests(draw) -> Design:
    n = draw(st.integers(3, 28))
    d = Design(Metadata(title="森", title_en="Forest"))
    kinds = [UnitKind.DEPARTMENT, UnitKind.SECTION, UnitKind.TEAM, UnitKind.DIVISION,
             UnitKind.EXTERNAL, UnitKind.MANAGEMENT]
    csirt = draw(st.integers(0, n - 1))
    for i in range(n):
        kind = UnitKind.CSIRT if i == csirt else draw(st.sampled_from(kinds))
        name = draw(st.sampled_from(["総務部", "情報システム部", "Sales", "CSIRT",
                                     "グループCSIRT（情報システム子会社）", "R&D centre"]))
        d.add_unit(Unit(f"u{i}", name, kind))
    k = 0
    for i in range(1, n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1)))
        if parent is not None:
            d.add_flow(Flow(f"f{k}", f"u{parent}", f"u{i}", FlowKind.REPORTING))
            k += 1
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                    st.sampled_from(OVERLAY), st.booleans()), max_size=14))
    cluster = draw(st.lists(st.tuples(st.integers(0, n - 1), st.sampled_from(OVERLAY),
                                      st.booleans()), max_size=12))
    for a, b, kind, labelled in pairs:
        if a != b:
            d.add_flow(Flow(f"f{k}", f"u{a}", f"u{b}", kind, "連絡" if labelled else ""))
            k += 1
    for a, kind, inbound in cluster:
        if a != csirt:
            s, t = (f"u{a}", f"u{csirt}") if inbound else (f"u{csirt}", f"u{a}")
            d.add_flow(Flow(f"f{k}", s, t, kind, "報告" if inbound else ""))
            k += 1
    return d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.sampled_from(["tb", "lr"]), st.booleans())
def test_random_forests_route_clear_of_boxes(design, orientation, compact):
    check_diagram(diagram_for(design, orientation=orientation,
                              compact=compact and orientation == "tb"))


# ---- the exported SVG ------------------------------------------------------------------------
SVG = "{http://www.w3.org/2000/svg}"
NUM = re.compile(r"-?\d+(?:\.\d+)?")


def _pairs(text: str) -> list[tuple[float, float]]:
    v = [float(x) for x in NUM.findall(text)]
    return list(zip(v[::2], v[1::2], strict=False))


def svg_geometry(svg: bytes):
    """Node boxes by unit id, edge paths and arrowhead polygons by flow id, edge label texts."""
    root = ET.fromstring(svg)
    nodes: dict[str, Rect] = {}
    edges: dict[str, tuple[list, list]] = {}
    for g in root.iter(f"{SVG}g"):
        gid = g.get("id", "")
        if g.get("class") == "node" and gid.startswith("unit-"):
            pts = [p for el in g if el.tag in (f"{SVG}polygon", f"{SVG}path")
                   for p in _pairs(el.get("points") or el.get("d") or "")]
            for el in g.iter(f"{SVG}ellipse"):
                cx, cy = float(el.get("cx")), float(el.get("cy"))
                rx, ry = float(el.get("rx")), float(el.get("ry"))
                pts += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            nodes[gid[5:]] = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        elif g.get("class") == "edge" and gid.startswith("flow-"):
            paths = [_cubic_points(el.get("d", "")) for el in g.iter(f"{SVG}path")]
            heads = [_pairs(el.get("points", "")) for el in g.iter(f"{SVG}polygon")]
            edges[gid[5:]] = (paths, heads)
    return nodes, edges


def _cubic_points(d: str) -> list[tuple[float, float]]:
    pts = _pairs(d)
    return flatten(pts) if len(pts) >= 4 and (len(pts) - 1) % 3 == 0 else pts


@pytest.mark.parametrize("tid", ["model-1", "model-3", "consensual", "cert-combined"])
def test_exported_svg_paths_keep_clear_of_boxes(tid):
    from orgdesigner.render.export import diagram_bytes

    design = templates.load(tid)
    nodes, edges = svg_geometry(diagram_bytes(design, "svg", lang="ja", legend=False))
    assert nodes and edges
    tips = []
    for fid, (paths, heads) in edges.items():
        f = design.flows[fid]
        for path in paths:
            for uid, r in nodes.items():
                if uid in (f.source, f.target):
                    continue
                for a, b in zip(path, path[1:], strict=False):
                    assert not seg_enters(a, b, r, eps=1.5), (fid, uid, a, b, r)
        for poly in heads:
            if poly:
                tips.append((sum(p[0] for p in poly) / len(poly),
                             sum(p[1] for p in poly) / len(poly)))
    for i, p in enumerate(tips):
        for q in tips[i + 1:]:
            assert math.dist(p, q) > 2.0, (p, q)


def test_a_label_that_fits_nowhere_is_shortened_then_hidden():
    from orgdesigner.render.diagram import label_size
    from orgdesigner.render.routing.labels import place_labels

    text = "グループCSIRT業務の委託および広報・法的対応"
    route = [(0.0, 0.0), (100.0, 0.0)]
    walls = {"l": (-1000.0, -50.0, 990.0, 100.0), "r": (110.0, -50.0, 1000.0, 100.0)}
    spot = place_labels([("f", text, route)], [], walls, label_size)["f"]
    assert spot.text.endswith("…") and len(spot.text) < len(text) and spot.centre
    shut = {"a": (-500.0, -500.0, 1000.0, 499.0), "b": (-500.0, 1.0, 1000.0, 499.0)}
    spot = place_labels([("f", text, route)], [], shut, label_size)["f"]
    assert spot.text == "" and spot.centre is None


def test_svg_edge_title_carries_the_whole_label():
    from orgdesigner.render.export import diagram_bytes

    design = templates.load("model-3")
    root = ET.fromstring(diagram_bytes(design, "svg", lang="ja"))
    titles = {g.get("id")[5:]: g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g")
              if g.get("class") == "edge" and g.get("id", "").startswith("flow-")}
    d = diagram_for(design, lang="ja")
    labelled = [e for e in d.edges if e.label or e.full_label]
    assert labelled
    for e in labelled:
        assert titles[e.id] == (e.full_label or e.label)

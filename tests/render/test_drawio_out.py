"""draw.io export parsed back: one vertex per unit (and company), edges between the right
vertex ids with the route's waypoints, geometry equal to the layout, labels as typed, and the
mxGraph model's structure (unique ids, existing parents, edges between vertices)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import synthetic, templates
from orgdesigner.model import Company, Design, Flow, FlowKind, Unit, UnitKind
from orgdesigner.render.diagram import diagram_for
from orgdesigner.render.drawio_out import MARGIN, drawio_bytes

NASTY = '<b>"R&D"</b> 研究'


def cells(data: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(data)
    assert root.tag == "mxfile"
    model = root.find("diagram/mxGraphModel/root")
    assert model is not None
    out: dict[str, ET.Element] = {}
    for c in model.findall("mxCell"):
        assert c.get("id") not in out, c.get("id")
        out[c.get("id")] = c
    return out


def assert_valid(cs: dict[str, ET.Element]) -> None:
    """The structure draw.io's model requires."""
    assert "0" in cs and cs["1"].get("parent") == "0"
    for cid, c in cs.items():
        if cid != "0":
            assert c.get("parent") in cs, cid
        if c.get("edge") == "1":
            for end in ("source", "target"):
                assert cs[c.get(end)].get("vertex") == "1", (cid, end)
            assert c.find("mxGeometry").get("relative") == "1"
        if c.get("vertex") == "1":
            g = c.find("mxGeometry")
            assert float(g.get("width")) > 0 and float(g.get("height")) > 0


def absolute(cs: dict[str, ET.Element], cid: str) -> tuple[float, float]:
    x = y = 0.0
    while cid in cs and cs[cid].find("mxGeometry") is not None:
        g = cs[cid].find("mxGeometry")
        x, y = x + float(g.get("x", 0)), y + float(g.get("y", 0))
        cid = cs[cid].get("parent")
    return x, y


def test_vertices_edges_and_geometry_match_the_layout() -> None:
    design = templates.load("model-2")
    d = diagram_for(design, lang="ja")
    cs = cells(drawio_bytes(d))
    assert_valid(cs)
    vertices = [c for c in cs.values() if c.get("vertex") == "1"]
    assert len(vertices) == len(design.units) + len(design.companies)
    x0, y0, _, _ = d.bounds()
    for uid, box in d.boxes.items():
        c = cs[f"unit-{uid}"]
        assert c.get("value") == "\n".join(box.lines)
        ax, ay = absolute(cs, f"unit-{uid}")
        assert abs(ax - (box.rect[0] - x0 + MARGIN)) < 0.11
        assert abs(ay - (box.rect[1] - y0 + MARGIN)) < 0.11
        assert abs(float(c.find("mxGeometry").get("width")) - box.rect[2]) < 0.11
        company = design.units[uid].company
        assert c.get("parent") == (f"company-{company}" if company else "1")
    for f in design.flows.values():
        e = cs[f"flow-{f.id}"]
        assert (e.get("source"), e.get("target")) == (f"unit-{f.source}", f"unit-{f.target}")


def test_reporting_elbow_waypoints_and_kind_styles() -> None:
    d = Design()
    d.add_unit(Unit(id="top", name="Top", kind=UnitKind.MANAGEMENT))
    d.add_unit(Unit(id="a", name="A"))
    d.add_unit(Unit(id="b", name="B"))
    d.add_flow(Flow(id="r1", source="top", target="a", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="r2", source="top", target="b", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="dl", source="top", target="b", kind=FlowKind.DELEGATION))
    d.add_flow(Flow(id="co", source="a", target="b", kind=FlowKind.COORDINATION))
    cs = cells(drawio_bytes(diagram_for(d)))
    assert_valid(cs)
    r1 = cs["flow-r1"]
    pts = r1.findall("mxGeometry/Array/mxPoint")
    assert len(pts) == 2  # the elbow's two bends
    assert pts[0].get("y") == pts[1].get("y")  # the horizontal bus
    assert "endArrow=none" in r1.get("style")
    dl = cs["flow-dl"].get("style")  # a hollow arrow: two lines and the head
    assert "shape=flexArrow" in dl and "endArrow=classic" in dl and "startArrow=none" in dl
    assert "shape=link" not in dl  # draw.io's double line has no arrowhead
    assert cs["flow-dl"].get("value") == FlowKind.DELEGATION.label("en")
    co = cs["flow-co"].get("style")
    assert "dashed=1" in co and "startArrow=block" in co and "endArrow=block" in co


def test_labels_are_shown_as_typed() -> None:
    d = Design()
    d.add_company(Company(id="c", name='A&B "社"'))
    d.add_unit(Unit(id="x", name=NASTY, company="c"))
    d.add_unit(Unit(id="y", name="Y", company="c"))
    d.add_flow(Flow(id="f", source="x", target="y", kind=FlowKind.SUPPORT, label="<i>&"))
    data = drawio_bytes(diagram_for(d))
    cs = cells(data)
    assert cs["unit-x"].get("value").replace("\n", "") == NASTY
    assert cs["company-c"].get("value") == 'A&B "社"'
    assert cs["flow-f"].get("value") == "<i>&"
    assert all("html=0" in c.get("style", "html=0") for c in cs.values() if c.get("style"))
    assert b"<b>" not in data  # escaped in the file


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 200), seed=st.integers(0, 100), layout=st.sampled_from(["tidy", "canvas"]))
def test_structure_is_valid_for_any_design(n: int, seed: int, layout: str) -> None:
    design = synthetic.generate(n, seed=seed)
    cs = cells(drawio_bytes(diagram_for(design, layout=layout)))
    assert_valid(cs)
    assert sum(c.get("vertex") == "1" for c in cs.values()) == \
        len(design.units) + len(diagram_for(design, layout=layout).frames)
    assert sum(c.get("edge") == "1" for c in cs.values()) == len(design.flows)

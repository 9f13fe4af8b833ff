"""GraphML for yEd: yFiles graphics present, and networkx reads the same graph back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from orgdesigner import templates
from orgdesigner.render.export import export_diagram

from .test_export import NASTY, sample

Y = "{http://www.yworks.com/xml/graphml}"


def test_networkx_reads_back_the_same_nodes_and_edges(tmp_path: Path) -> None:
    d = sample()
    out = tmp_path / "d.graphml"
    export_diagram(d, out)
    g = nx.read_graphml(out, force_multigraph=True)
    assert set(g.nodes) == set(d.units) | set(d.companies)
    edges = {(u, v, k) for u, v, k in g.edges(keys=True)}
    assert edges == {(f.source, f.target, f.id) for f in d.flows.values()}
    assert g.nodes["rd"]["name"] == NASTY
    assert g.nodes["csirt"]["kind"] == "csirt"
    assert g.nodes["c1"]["kind"] == "company"
    kinds = {k: data["kind"] for _, _, k, data in g.edges(keys=True, data=True)}
    assert kinds["f3"] == "delegation"


def test_yfiles_graphics_follow_the_visual_language(tmp_path: Path) -> None:
    d = sample()
    out = tmp_path / "d.graphml"
    export_diagram(d, out, lang="ja")
    root = ET.parse(out).getroot()
    labels = ["".join(x.itertext()) for x in root.iter(f"{Y}NodeLabel")]
    assert "経営層" in labels and "本社 & <HQ>" in labels
    assert any(NASTY in x for x in labels)
    shapes = [s.get("type") for s in root.iter(f"{Y}Shape")]
    assert "octagon" in shapes and "ellipse" in shapes
    groups = list(root.iter(f"{Y}GroupNode"))
    assert len(groups) == 1
    styles = {s.get("type") for s in root.iter(f"{Y}LineStyle")}
    assert {"line", "dashed", "dashed_dotted"} <= styles
    arrows = [(a.get("source"), a.get("target")) for a in root.iter(f"{Y}Arrows")]
    assert ("standard", "standard") in arrows  # consensus is two-headed
    assert ("none", "none") in arrows  # reporting lines have no arrowheads


@pytest.mark.parametrize("template", templates.ids())
def test_every_template_round_trips(template: str, tmp_path: Path) -> None:
    d = templates.load(template)
    out = tmp_path / "t.graphml"
    export_diagram(d, out)
    g = nx.read_graphml(out, force_multigraph=True)
    assert set(d.units) <= set(g.nodes)
    assert g.number_of_edges() == len(d.flows)

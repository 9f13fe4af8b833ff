"""Every diagram format is produced and read back; user text survives exactly."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgdesigner import templates
from orgdesigner.model import Company, Design, Flow, FlowKind, Function, Metadata, Unit, UnitKind
from orgdesigner.render.export import ExportError, diagram_bytes, export_diagram
from orgdesigner.render.style import cjk_font_family

NASTY = '<b>"R&D" \\n 研究'
SVG = "{http://www.w3.org/2000/svg}"


def sample() -> Design:
    d = Design(Metadata(title="テスト設計 <&>", title_en="Test & <design>",
                        organisation="株式会社サンプル"))
    d.add_company(Company(id="c1", name="本社 & <HQ>"))
    d.add_unit(Unit(id="top", name="経営層", kind=UnitKind.MANAGEMENT, company="c1"))
    d.add_unit(Unit(id="rd", name=NASTY, name_en=NASTY, company="c1",
                    functions=(Function.SYSTEM_DEVELOPMENT,)))
    d.add_unit(Unit(id="csirt", name="社内CSIRT", kind=UnitKind.CSIRT, company="c1"))
    d.add_unit(Unit(id="nca", name="日本シーサート協議会", name_en="NCA",
                    kind=UnitKind.EXTERNAL))
    d.add_flow(Flow(id="f1", source="top", target="rd", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="f2", source="top", target="csirt", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="f3", source="top", target="csirt", kind=FlowKind.DELEGATION))
    d.add_flow(Flow(id="f4", source="csirt", target="rd", kind=FlowKind.COMMAND,
                    label='指示 "&" <now>'))
    d.add_flow(Flow(id="f5", source="csirt", target="nca", kind=FlowKind.COORDINATION))
    d.add_flow(Flow(id="f6", source="csirt", target="rd", kind=FlowKind.CONSENSUS))
    return d


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("layout", ["tidy", "dot", "canvas"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_svg_has_every_label_exactly_as_typed(layout: str, lang: str) -> None:
    d = sample()
    texts = svg_texts(diagram_bytes(d, "svg", layout=layout, lang=lang))
    assert NASTY in texts
    expected = ["経営層", "社内CSIRT", "本社 & <HQ>", '指示 "&" <now>']
    expected.append("日本シーサート協議会" if lang == "ja" else "NCA")
    expected.append("テスト設計 <&>" if lang == "ja" else "Test & <design>")
    for label in expected:
        assert label in texts, label
    assert ("凡例" if lang == "ja" else "Legend") in texts
    assert ("権限委譲" if lang == "ja" else "Delegation of authority") in texts


def test_svg_uses_the_cjk_font_and_company_clusters() -> None:
    data = diagram_bytes(sample(), "svg")
    root = ET.fromstring(data)
    classes = [g.get("class") for g in root.iter(f"{SVG}g")]
    assert classes.count("cluster") == 2  # the company and the legend
    fam = cjk_font_family()
    if fam:
        fonts = {t.get("font-family") for t in root.iter(f"{SVG}text")}
        assert fonts == {fam}


def test_no_legend_option() -> None:
    texts = svg_texts(diagram_bytes(sample(), "svg", legend=False))
    assert "Legend" not in texts and NASTY in texts


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_requested_resolution_and_is_not_blank() -> None:
    from PySide6.QtGui import QImage  # only to decode the PNG in the test

    small = diagram_bytes(sample(), "png", dpi=72)
    big = diagram_bytes(sample(), "png", dpi=144)
    w1, h1 = png_size(small)
    w2, h2 = png_size(big)
    assert w2 == pytest.approx(2 * w1, rel=0.02) and h2 == pytest.approx(2 * h1, rel=0.02)
    img = QImage.fromData(big, "PNG")
    assert (img.width(), img.height()) == (w2, h2)
    colours = {img.pixel(x, y) & 0xFFFFFF for x in range(0, w2, 2) for y in range(0, h2, 2)}
    assert len(colours) > 50  # drawn, anti-aliased, coloured
    # The CSIRT's vermillion border is there.
    assert any(abs((c >> 16) - 0xD5) < 8 and abs((c >> 8 & 255) - 0x5E) < 8 and (c & 255) < 12
               for c in colours)
    with pytest.raises(ExportError, match="DPI"):
        diagram_bytes(sample(), "png", dpi=5)


def test_pdf_is_one_page(tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    export_diagram(sample(), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    import subprocess

    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True)
    if info.returncode == 0:
        assert "Pages:           1" in info.stdout
    else:  # no poppler: count page objects
        assert data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 1


def test_dot_source_reads_back_with_every_node_and_edge() -> None:
    import pygraphviz as pgv

    d = sample()
    src = diagram_bytes(d, "dot").decode("utf-8")
    g = pgv.AGraph(string=src)
    units = [n for n in g.nodes() if n.attr.get("id", "").startswith("unit-")]
    assert sorted(n.attr["id"][5:] for n in units) == sorted(d.units)
    flows = [e for e in g.edges() if e.attr.get("id", "").startswith("flow-")]
    assert sorted(e.attr["id"][5:] for e in flows) == sorted(d.flows)
    assert any(NASTY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               .replace('"', "&quot;") in n.attr["label"] for n in units)
    assert all(n.attr["pos"] for n in units)
    assert [s.name for s in g.subgraphs()].count("cluster_0") == 1
    # The positioned source renders as is.
    assert g.draw(format="svg", prog="nop2").startswith(b"<?xml")


def test_root_exports_only_the_sub_tree() -> None:
    texts = svg_texts(diagram_bytes(sample(), "svg", root="csirt"))
    assert "社内CSIRT" in texts and "経営層" not in texts and NASTY not in texts


def test_unknown_format_and_failed_write_leave_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot export"):
        export_diagram(sample(), tmp_path / "d.bmp")
    target = tmp_path / "keep.svg"
    target.write_text("old")
    with pytest.raises(ExportError):
        export_diagram(sample(), target, layout="circo")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("template", templates.ids())
def test_every_template_exports_to_png_and_svg(template: str) -> None:
    d = templates.load(template)
    texts = svg_texts(diagram_bytes(d, "svg"))
    for u in d.units.values():
        name = u.display_name("en")
        assert all(part in "\n".join(texts) for part in name.split()), name
    w, h = png_size(diagram_bytes(d, "png", dpi=50))
    assert w > 100 and h > 100

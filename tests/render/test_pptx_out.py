"""PowerPoint export read back with python-pptx: one shape per unit with its text, one line per
flow with the kind's dash and ends, nothing outside the slide, Japanese intact, large designs
split behind a linked contents slide, the user's template kept."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from orgdesigner import synthetic, templates
from orgdesigner.model import Design, Flow, FlowKind, Unit, UnitKind
from orgdesigner.render.diagram import diagram_for
from orgdesigner.render.pptx_doc import ASPECTS, PptxError
from orgdesigner.render.pptx_out import Options, pptx_bytes
from orgdesigner.render.pptx_shapes import PRESET

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def read(data: bytes):
    return Presentation(io.BytesIO(data))


def shapes(container):
    """Every shape, groups opened."""
    for sh in container:
        if sh.shape_type == 6:  # group
            yield from shapes(sh.shapes)
        else:
            yield sh


def named(slide, prefix: str) -> dict[str, object]:
    return {sh.name.split(":", 1)[1]: sh for sh in shapes(slide.shapes)
            if sh.name.startswith(prefix)}


def assert_inside(prs) -> None:
    w, h = prs.slide_width, prs.slide_height
    for i, slide in enumerate(prs.slides):
        for sh in shapes(slide.shapes):
            assert sh.left >= 0 and sh.top >= 0, (i, sh.name)
            assert sh.left + sh.width <= w and sh.top + sh.height <= h, (i, sh.name)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_one_shape_per_unit_and_one_line_per_flow(lang: str) -> None:
    design = templates.load("model-2")
    prs = read(pptx_bytes(design, Options(lang=lang, date="2026-01-01")))
    assert len(prs.slides) == 1
    slide = prs.slides[0]
    d = diagram_for(design, lang=lang, date="2026-01-01")
    units = named(slide, "unit:")
    assert set(units) == set(design.units)
    for uid, sh in units.items():
        assert sh.text_frame.text == "\n".join(d.boxes[uid].lines)
        st = d.boxes[uid].style  # the kind's shape and colours, as on the canvas
        sp_pr = sh._element.spPr
        assert sp_pr.find(f"{A}solidFill/{A}srgbClr").get("val") == st.fill.lstrip("#").upper()
        assert sp_pr.find(f"{A}ln/{A}solidFill/{A}srgbClr").get("val") == \
            st.border.lstrip("#").upper()
        geom = sp_pr.find(f"{A}prstGeom")
        if st.shape == "house":
            assert geom is None and sp_pr.find(f"{A}custGeom") is not None
        else:
            assert geom.get("prst") == PRESET[st.shape]
    flows = named(slide, "flow:")
    assert set(flows) == set(design.flows)
    groups = {sh.name for sh in slide.shapes if sh.shape_type == 6}
    assert {f"company:{c}" for c in design.companies} <= groups
    assert set(named(slide, "company-frame:")) == set(design.companies)
    assert any(sh.name == "legend" for sh in slide.shapes)
    assert_inside(prs)


def test_japanese_text_and_east_asian_font() -> None:
    design = templates.load("model-1")
    slide = read(pptx_bytes(design, Options(lang="ja"))).slides[0]
    texts = [sh.text_frame.text for sh in named(slide, "unit:").values()]
    names = {u.name for u in design.units.values()}
    assert names <= {t.replace("\n", "") for t in texts}
    run = next(iter(named(slide, "unit:").values())).text_frame.paragraphs[0].runs[0]
    ea = run._r.find(f"{A}rPr/{A}ea")
    assert ea is not None and ea.get("typeface")
    assert slide.shapes.title.text_frame.text == design.metadata.title


def test_flow_kinds_keep_dash_ends_and_double_line() -> None:
    d = Design()
    for uid in ("a", "b", "c", "e"):
        d.add_unit(Unit(id=uid, name=uid.upper()))
    d.add_flow(Flow(id="r", source="a", target="b", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="cmd", source="a", target="c", kind=FlowKind.COMMAND))
    d.add_flow(Flow(id="del", source="b", target="c", kind=FlowKind.DELEGATION))
    d.add_flow(Flow(id="con", source="c", target="e", kind=FlowKind.CONSENSUS))
    flows = named(read(pptx_bytes(d)).slides[0], "flow:")

    def ln(fid: str):
        return flows[fid]._element.find(f".//{A}ln")

    assert ln("r").find(f"{A}tailEnd") is None and ln("r").find(f"{A}headEnd") is None
    assert ln("cmd").find(f"{A}tailEnd").get("type") == "triangle"
    assert ln("del").get("cmpd") == "dbl"
    con = ln("con")
    assert con.find(f"{A}prstDash").get("val") == "dash"
    assert con.find(f"{A}headEnd") is not None and con.find(f"{A}tailEnd") is not None


def test_user_text_is_literal() -> None:
    d = Design()
    d.add_unit(Unit(id="x", name='<b>"R&D"</b> 研究', kind=UnitKind.DEPARTMENT))
    slide = read(pptx_bytes(d)).slides[0]
    assert named(slide, "unit:")["x"].text_frame.text.replace("\n", "") == '<b>"R&D"</b> 研究'


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_aspect(aspect: str) -> None:
    prs = read(pptx_bytes(templates.load("model-4"), aspect=aspect))
    assert (prs.slide_width, prs.slide_height) == ASPECTS[aspect]
    assert_inside(prs)


def test_large_design_is_split_with_linked_contents() -> None:
    design = synthetic.generate(300, seed=3)
    prs = read(pptx_bytes(design, Options(lang="ja")))
    slides = list(prs.slides)
    assert len(slides) > 3
    assert "目次" in slides[0].shapes.title.text_frame.text
    seen = set()
    for s in slides[1:]:
        seen |= set(named(s, "unit:"))
    assert seen == set(design.units)
    targets = [sh.click_action.target_slide for sh in slides[0].shapes
               if sh.click_action.target_slide is not None]
    assert targets and all(t.slide_id in {s.slide_id for s in slides[1:]} for t in targets)
    assert slides[-1].shapes.title.text_frame.text == "凡例"
    assert_inside(prs)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 160), seed=st.integers(0, 50), aspect=st.sampled_from(list(ASPECTS)),
       lang=st.sampled_from(["en", "ja"]))
def test_every_unit_shown_and_nothing_outside_the_slide(n: int, seed: int, aspect: str,
                                                        lang: str) -> None:
    design = synthetic.generate(n, seed=seed)
    prs = read(pptx_bytes(design, Options(lang=lang), aspect=aspect))
    assert_inside(prs)
    seen = set()
    for s in prs.slides:
        seen |= set(named(s, "unit:"))
    assert seen == set(design.units)


def make_template(path) -> None:
    prs = Presentation()  # 4:3
    master = prs.slide_master
    cnv = master.shapes[0]._element.xpath("./*[1]/p:cNvPr")[0]
    cnv.set("name", "brand-logo")  # a mark that only this master carries
    for layout in prs.slide_layouts:
        if layout.name == "Title Only":
            layout.name = "タイトルのみ"
    prs.slides.add_slide(prs.slide_layouts[0])  # a leftover slide the export must drop
    prs.save(path)


def test_template_master_is_used(tmp_path) -> None:
    tpl = tmp_path / "brand.pptx"
    make_template(tpl)
    prs = read(pptx_bytes(templates.load("model-2"), template=tpl))
    assert (prs.slide_width, prs.slide_height) == ASPECTS["4:3"]  # the template's own size
    assert len(prs.slides) == 1
    assert any(sh.name == "brand-logo" for sh in prs.slide_master.shapes)
    assert prs.slides[0].slide_layout.name == "タイトルのみ"
    assert_inside(prs)


def test_broken_template_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(PptxError) as exc:
        pptx_bytes(templates.load("model-2"), template=bad)
    assert "bad.pptx" in str(exc.value) and "テンプレート" in exc.value.text("ja")


def test_empty_design_is_one_plain_slide() -> None:
    from orgdesigner.render.deck import DeckOptions, deck_bytes

    prs = read(pptx_bytes(Design()))
    assert len(prs.slides) == 1 and not named(prs.slides[0], "unit:")
    assert len(read(deck_bytes(Design(), DeckOptions(lang="ja"))).slides) == 6


def test_potx_template_is_accepted(tmp_path) -> None:
    import zipfile

    pptx_path = tmp_path / "brand.pptx"
    make_template(pptx_path)
    potx = tmp_path / "brand.potx"
    with zipfile.ZipFile(pptx_path) as src, zipfile.ZipFile(potx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentation.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    prs = read(pptx_bytes(templates.load("model-2"), template=potx))
    assert any(sh.name == "brand-logo" for sh in prs.slide_master.shapes)

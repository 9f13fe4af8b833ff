"""The visual language: every kind has a style, text stays readable, boxes fit their labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.model import Company, CompanyKind, FlowKind, Function, Unit, UnitKind
from orgdesigner.render import style


def unit(kind: UnitKind = UnitKind.DEPARTMENT, name: str = "部署", name_en: str = "",
         functions: tuple[Function, ...] = ()) -> Unit:
    return Unit(id="u1", name=name, name_en=name_en, kind=kind, functions=functions)


@pytest.mark.parametrize("kind", list(UnitKind))
@pytest.mark.parametrize("fn", [None, *Function])
def test_every_unit_text_is_readable_on_its_fill(kind: UnitKind, fn: Function | None) -> None:
    st = style.unit_style(unit(kind, functions=(fn,) if fn else ()))
    assert st.shape in {"box", "rounded", "hexagon", "octagon", "ellipse", "house"}
    assert style.contrast_ratio(st.text, st.fill) >= 7.0
    for colour in (st.fill, st.border, st.text):
        assert colour.startswith("#") and len(colour) == 7


def test_csirt_stands_out_and_externals_are_dashed() -> None:
    csirt = style.unit_style(unit(UnitKind.CSIRT))
    others = [style.unit_style(unit(k)) for k in UnitKind if k is not UnitKind.CSIRT]
    assert csirt.border == style.CSIRT_ACCENT and csirt.bold
    assert all(csirt.border_width > o.border_width for o in others)
    assert all(o.shape != csirt.shape for o in others)
    assert style.unit_style(unit(UnitKind.EXTERNAL)).dashed
    assert not style.unit_style(unit(UnitKind.DEPARTMENT)).dashed


def test_main_function_decides_the_colour() -> None:
    it = style.unit_style(unit(functions=(Function.IT_OPERATIONS, Function.SALES)))
    sales = style.unit_style(unit(functions=(Function.SALES, Function.IT_OPERATIONS)))
    assert it.fill != sales.fill
    assert it.border == style.OKABE_ITO["blue"]


def test_flow_kinds_differ_by_line_style_not_only_colour() -> None:
    looks = {(s.dash, s.double, s.width >= 2.0, s.head, s.tail)
             for s in (style.flow_style(k) for k in FlowKind)}
    assert len(looks) == len(FlowKind)  # survives black-and-white printing
    colours = {style.flow_style(k).color for k in FlowKind}
    assert len(colours) == len(FlowKind)
    palette = set(style.OKABE_ITO.values()) | {style.GREY}
    assert colours <= palette
    assert style.flow_style(FlowKind.CONSENSUS).tail == "normal"
    assert style.flow_style(FlowKind.DELEGATION).double
    assert style.flow_label(FlowKind.DELEGATION, "", "ja") == "権限委譲"
    assert style.flow_label(FlowKind.COMMAND, "", "en") == ""
    assert style.flow_label(FlowKind.COMMAND, "in incidents", "en") == "in incidents"


def test_company_frames() -> None:
    parent = style.company_style(Company(id="c1", name="親", kind=CompanyKind.PARENT))
    out = style.company_style(Company(id="c2", name="子", kind=CompanyKind.SUBSIDIARY,
                                      in_scope=False))
    assert not parent.dashed and out.dashed
    assert parent.border != out.border


def test_text_width_counts_cjk_as_one_em() -> None:
    assert style.text_width("研究") == pytest.approx(2 * style.FONT_SIZE)
    assert style.text_width("ab") == pytest.approx(2 * 0.55 * style.FONT_SIZE)


def test_box_fits_its_label_and_grows_with_it() -> None:
    short = style.box_size(unit(name="総務部"))
    long_ = style.box_size(unit(name="情報システム運用部セキュリティ対策推進室"))
    assert long_[0] > short[0] or long_[1] > short[1]
    w, h = long_
    lines = style.wrap_label("情報システム運用部セキュリティ対策推進室")
    assert len(lines) == 2
    assert all(style.text_width(x) + 2 * style.PAD_X <= w for x in lines)
    assert h >= 2 * style.LINE_HEIGHT


def test_wrapping_keeps_every_character() -> None:
    for text in ["IT Operations Department of the Group Headquarters",
                 "情報システム運用部セキュリティ対策推進室インシデント対応チーム（東日本）",
                 "Supercalifragilisticexpialidociousdepartmentwithoutspaces",
                 '<b>"R&D" \\n 研究']:
        lines = style.wrap_label(text)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        if style.text_width(text) > style.WRAP_WIDTH and " " in text:
            assert len(lines) >= 2


def test_language_changes_the_label_and_size() -> None:
    u = unit(name="情報システム部", name_en="Information Systems Department")
    assert style.box_size(u, "en")[0] > style.box_size(u, "ja")[0]


def test_legend_covers_every_kind() -> None:
    entries = style.legend_entries("ja")
    kinds = {k for k, _, _ in entries}
    assert kinds == set(UnitKind) | set(FlowKind)
    assert any(label == "権限委譲" for _, label, _ in entries)
    assert len(style.colour_legend()) == len(style.FUNCTION_GROUPS)


def test_cjk_font_family_is_installed_when_reported() -> None:
    fam = style.cjk_font_family()
    if fam is None:
        pytest.skip("no CJK font installed")
    import subprocess
    out = subprocess.run(["fc-list", fam], capture_output=True, text=True).stdout
    assert out.strip()


def test_japanese_labels_break_between_phrases_not_inside_words():
    from orgdesigner.render.style import wrap_label

    lines = wrap_label("グループCSIRT（情報システム子会社）", True)
    assert lines == ["グループCSIRT", "（情報システム子会社）"]
    for text in ("インシデント対応チーム（セキュリティ統括部門）",
                 "情報システム子会社の運用管理部門"):
        lines = wrap_label(text)
        assert "".join(lines) == text
        assert all(not line.startswith(("報", "ム", "門")) for line in lines[1:]), lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ il MW 情報システム部、。ー\n12")),
               max_size=80),
       st.sampled_from(["box", "rounded", "octagon", "ellipse", "house"]), st.booleans())
def test_a_box_fits_its_wrapped_lines_whatever_the_shortcut(label, shape, bold):
    """`_size` measures a one-line label once instead of wrapping it first: the box is the
    one its wrapped lines give."""
    lines = style.wrap_label(label, bold)
    w = max(style.text_width(line, bold=bold) for line in lines) + 2 * style.PAD_X
    h = len(lines) * style.LINE_HEIGHT + 2 * style.PAD_Y
    gw, gh = style._SHAPE_GROW[shape]
    assert style._size.__wrapped__(label, shape, bold) == (
        round(max(style.MIN_WIDTH, w * gw), 1), round(max(style.MIN_HEIGHT, h + gh), 1))

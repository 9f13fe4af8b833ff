"""The workbook's Diagram sheet at every size: the whole diagram only when it is readable in
the sheet's picture, else the overview; the picture never larger than the box needs (drawing
a huge bitmap only to shrink it was most of `budget -o`'s time), never a sliver."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pygraphviz")

from orgdesigner.budget.sheets_info import PICTURE_BOX  # noqa: E402
from orgdesigner.budget.workbook import (  # noqa: E402
    MAX_DIAGRAM_UNITS,
    PICTURE_PX,
    diagram_png_for,
    diagram_scope,
    picture_text_pt,
)
from orgdesigner.budget.xlsx import png_size  # noqa: E402
from orgdesigner.render.layout import compute_layout  # noqa: E402
from orgdesigner.render.paper import MIN_TEXT  # noqa: E402
from orgdesigner.render.scope import LEGEND_ROOM  # noqa: E402
from orgdesigner.synthetic import generate  # noqa: E402

from .sample import sample_design  # noqa: E402


def _png(design, lang: str = "en") -> bytes:  # type: ignore[no-untyped-def]
    problems: list = []
    png = diagram_png_for(design, lang, problems)
    assert png is not None and not problems, problems
    return png


def test_picture_text_size_is_the_drawing_fitted_in_the_box() -> None:
    box_w, box_h = PICTURE_BOX[0]
    assert picture_text_pt(100, 50) == 10.0  # small drawings are never enlarged
    assert picture_text_pt(box_w * 0.75 * 2, 10) == pytest.approx(5.0)
    tall_w, tall_h = PICTURE_BOX[1]
    assert picture_text_pt(10, tall_h * 0.75 * 4) == pytest.approx(2.5)


def test_small_design_shows_the_whole_readable_diagram() -> None:
    design = sample_design()
    _, _, w, h = compute_layout(design).bounds()
    expected = "all" if picture_text_pt(w, h + LEGEND_ROOM) >= MIN_TEXT else "overview"
    assert diagram_scope(design) == expected


def test_large_design_shows_the_overview_without_a_whole_layout(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import orgdesigner.render.layout as layout_mod

    def boom(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("the whole design was laid out to pick the scope")

    monkeypatch.setattr(layout_mod, "compute_layout", boom)
    assert diagram_scope(generate(MAX_DIAGRAM_UNITS + 1)) == "overview"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.sampled_from([3, 40, 150, 480, 900, 3000]), lang=st.sampled_from(["en", "ja"]))
def test_picture_is_bounded_readable_and_never_a_sliver(n: int, lang: str) -> None:
    design = generate(n)
    scope = diagram_scope(design, lang)
    if scope == "all":  # the whole diagram is only chosen when its labels stay readable
        _, _, w, h = compute_layout(design, lang=lang).bounds()
        assert picture_text_pt(w, h + LEGEND_ROOM) >= MIN_TEXT
    width, height = png_size(_png(design, lang))
    assert max(width, height) <= PICTURE_PX + 1
    assert min(width, height) >= 150, (width, height)  # a picture, not a 4 px sliver
    assert max(width, height) / min(width, height) <= 8

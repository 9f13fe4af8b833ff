"""Slides and contents links cost the same however many slides the deck already has
(python-pptx's own add_slide and target_slide scan every slide for each new one: a
50,000-unit group split into 2,500 slides took 24 s just to add them)."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.opc.package import _Relationships

from orgdesigner.render.pptx_doc import add_slide, link_to_slide, new_deck, text_box


def _scans(monkeypatch: pytest.MonkeyPatch, n: int) -> tuple[int, bytes]:
    """The largest relationship table python-pptx scanned while adding n slides and links."""
    largest = [0]
    real = _Relationships._get_matching

    def counting(self, *a, **k):  # type: ignore[no-untyped-def]
        largest[0] = max(largest[0], len(self))
        return real(self, *a, **k)

    monkeypatch.setattr(_Relationships, "_get_matching", counting)
    deck = new_deck("ja")
    contents, area = add_slide(deck, "title_only", "目次")
    slides = [add_slide(deck, "title_only", f"部 {i}")[0] for i in range(n)]
    for i, slide in enumerate(slides):
        box = text_box(contents, (area[0], area[1] + i * 1000, area[2], 1000),
                       [(f"{i + 2}. 部 {i}", 8, False, None)], "ja")
        link_to_slide(box, slide)
    buf = io.BytesIO()
    deck.prs.save(buf)  # type: ignore[attr-defined]
    monkeypatch.setattr(_Relationships, "_get_matching", real)
    return largest[0], buf.getvalue()


@pytest.mark.parametrize("n", [3, 40])
def test_no_relationship_scan_per_slide_or_link(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    few, _ = _scans(monkeypatch, 3)
    many, data = _scans(monkeypatch, n)
    assert many == few  # no scan of a table that grows with the slides
    prs = Presentation(io.BytesIO(data))
    ids = [s.slide_id for s in prs.slides]
    assert len(ids) == n + 1 and len(set(ids)) == len(ids) and ids == sorted(ids)
    assert [s.shapes.title.text_frame.text for s in prs.slides][1:] == \
        [f"部 {i}" for i in range(n)]
    targets = [sh.click_action.target_slide for sh in prs.slides[0].shapes
               if sh.click_action.target_slide is not None]
    assert [t.slide_id for t in targets] == ids[1:]

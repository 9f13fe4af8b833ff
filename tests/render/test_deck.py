"""The approval deck: its slides in order, in natural Japanese, driven by a list of proposals."""

from __future__ import annotations

import io

from pptx import Presentation

from orgdesigner import templates
from orgdesigner.render.deck import DeckOptions, deck_bytes


def titles(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return [s.shapes.title.text_frame.text if s.shapes.title else "" for s in prs.slides]


def all_text(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    out = []
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if sh.has_table:
                out += [c.text for row in sh.table.rows for c in row.cells]
    return "\n".join(out)


def test_slides_in_meeting_order_english() -> None:
    design = templates.load("model-2")
    t = titles(deck_bytes(design, DeckOptions(date="2026-04-01")))
    assert t[0] == design.metadata.title_en
    assert t[1:] == ["Current organisation", "Authority and findings",
                     "Where we are in the process", "Cost per fiscal year (yen)",
                     "For decision"]


def test_japanese_deck_has_no_english_headings_and_cites_sources() -> None:
    design = templates.load("model-1")
    data = deck_bytes(design, DeckOptions(lang="ja", date="2026-04-01"))
    t = titles(data)
    assert t[1:] == ["現在の組織", "権限と指摘事項", "検討プロセスの現在地", "年度別の費用（円）",
                     "ご決裁いただきたい事項"]
    text = all_text(data)
    assert "出典：" in text and "権限の型：" in text and "合計" in text
    assert "Source:" not in text and "Total" not in text


def test_each_proposal_and_the_recommended_option() -> None:
    current = templates.load("consensual")
    a, b = templates.load("model-1"), templates.load("strong-authority")
    data = deck_bytes(current, DeckOptions(lang="ja", proposals=[("A", a), ("B", b)],
                                           recommended="B"))
    t = titles(data)
    assert "案：A" in t and "案：B" in t
    assert t.index("現在の組織") < t.index("案：A") < t.index("案：B")
    assert "案：B　権限と指摘事項" in t
    text = all_text(data)
    assert "推奨案：B" in text
    assert b.units[b.csirts()[0].id].display_name("ja") in text


def test_a_document_with_proposals_shows_its_current_organisation_then_each_option() -> None:
    """`deck` on a .orgd with scenarios: the baseline as the current organisation, each
    proposal by its name, the recommended one on the decision slide, new money in the costs."""
    from orgdesigner.analysis.options import generate, recommended
    from orgdesigner.model import scenarios as sc

    doc = templates.load("model-1")
    options = generate(doc)
    best = recommended(options, doc)
    for o in options:
        sc.create(doc, o.name("ja"), source=sc.BASELINE, proposal=o.design).apply(doc)
        if o is best:
            sc.recommend(doc, sc.scenarios_of(doc).items[-1].id).apply(doc)
    data = deck_bytes(doc, DeckOptions(lang="ja"))
    t = titles(data)
    names = [o.name("ja") for o in options]
    assert all(n in t for n in names) and not any(x.startswith("案：案") for x in t)
    assert t.index("現在の組織") < min(t.index(n) for n in names)
    text = all_text(data)
    assert f"推奨案：{best.name('ja')}" in text and "うち新規支出" in text

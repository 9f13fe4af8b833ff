"""Help texts: both languages everywhere, the findings they cite exist, the steps agree with
the model, and the HTML is escaped."""

from __future__ import annotations

import re

from orgdesigner import help_content as hc
from orgdesigner.analysis import RULES
from orgdesigner.model import FlowKind, UnitKind
from orgdesigner.model.process import STEPS


def _texts():
    for s in hc.SECTIONS:
        yield s.title
        yield from s.paragraphs
        yield from s.bullets


def test_every_text_has_english_and_japanese():
    for en, ja in _texts():
        assert en.strip() and ja.strip()
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), ja
    for table in (hc.UNIT_MEANING, hc.FLOW_MEANING):
        for en, ja in table.values():
            assert en.strip() and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja)


def test_legend_meanings_cover_every_kind():
    assert set(hc.UNIT_MEANING) == set(UnitKind)
    assert set(hc.FLOW_MEANING) == set(FlowKind)


def test_findings_named_in_the_help_are_real_rules():
    cited = set()
    for en, ja in _texts():
        cited |= set(re.findall(r"“([a-z0-9-]+)”", en))
        cited |= set(re.findall(r"「([a-z0-9-]+)」", ja))
    assert len(cited) >= 8
    assert cited <= set(RULES), cited - set(RULES)


def test_the_8_steps_come_from_the_model_in_both_tracks():
    text_en, text_ja = hc.models_text("en"), hc.models_text("ja")
    for step in STEPS:
        assert step.en in text_en and step.ja in text_ja


def test_models_page_summarises_the_talk():
    page = hc.models_html("en")
    for needle in ("Model 1", "Model 2", "Models 3 and 4", "reconstructions",
                   "transferred", "consensus", "Lessons learned", "directly below management",
                   "natural disasters", "Nippon CSIRT Association"):
        assert needle in page, needle
    ja = hc.models_html("ja")
    for needle in ("モデル 1", "再構成", "合意", "権限", "教訓", "災害"):
        assert needle in ja, needle


def test_html_is_escaped_and_about_names_version_and_licence():
    assert "<" not in hc._e("a<b") and "&lt;" in hc._e("a<b")
    about = hc.about_html("9.9.9", "en")
    assert "9.9.9" in about and "MIT" in about
    assert "MIT" in hc.about_html("1", "ja") and "ライセンス" in hc.about_html("1", "ja")

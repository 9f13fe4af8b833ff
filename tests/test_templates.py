"""The shipped templates: all ten present, valid, described, sourced, laid out."""

from __future__ import annotations

import pytest

from orgdesigner import templates
from orgdesigner.model import FlowKind, UnitKind

EXPECTED = ["model-1", "model-2", "model-3", "model-4", "strong-authority", "consensual",
            "cert-centralized", "cert-distributed", "cert-combined", "cert-coordinating"]


def test_all_ten_templates_in_order():
    assert templates.ids() == EXPECTED


@pytest.mark.parametrize("tid", EXPECTED)
def test_template_is_complete(tid):
    d = templates.load(tid)
    m = d.metadata
    assert m.title and m.title_en and m.description and m.description_en and m.source
    assert m.template == tid
    csirts = d.csirts()
    assert csirts and all(c.plan and c.plan.members for c in csirts)
    assert d.costs, "a few cost items"
    assert any(f.kind is FlowKind.REPORTING for f in d.flows.values())
    # Laid out: no two units share a position.
    positions = {(round(u.x), round(u.y)) for u in d.units.values()}
    assert len(positions) == len(d.units)


def test_reconstructions_say_so():
    for tid in ("model-3", "model-4"):
        m = templates.load(tid).metadata
        assert "Reconstruct" in m.description_en and "再構成" in m.description


def test_model_1_follows_the_talk():
    d = templates.load("model-1")
    names = {u.name_en: u for u in d.units.values()}
    csirt = names["Internal CSIRT"]
    path = [d.units[u].name_en for u in d.reporting_path(csirt.id)]
    assert path == ["Internal CSIRT", "Risk Management Div.", "Administration Dep.", "Management"]
    assert not any(f.kind in (FlowKind.COMMAND, FlowKind.DELEGATION) for f in d.flows.values())


def test_model_2_has_two_companies_and_security_center_members():
    d = templates.load("model-2")
    assert len(d.companies) == 2
    csirt = d.csirts()[0]
    homes = {d.units[m.home_unit].name_en for m in csirt.plan.members}
    assert {"Information Planning Dep.", "Security Center"} <= homes


def test_contrast_models_differ_in_authority():
    strong = templates.load("strong-authority")
    kinds = {f.kind for f in strong.flows.values()}
    assert FlowKind.DELEGATION in kinds and FlowKind.COMMAND in kinds
    consensual = templates.load("consensual")
    kinds = {f.kind for f in consensual.flows.values()}
    assert FlowKind.CONSENSUS in kinds and not kinds & {FlowKind.DELEGATION, FlowKind.COMMAND}
    assert any(u.kind is UnitKind.MANAGEMENT for u in consensual.units.values())


def test_unknown_template_is_a_clear_error():
    with pytest.raises(templates.UnknownTemplateError, match="known templates: model-1"):
        templates.load("model-9")

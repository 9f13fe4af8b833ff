"""The palette's presets (no Qt): each builds a valid unit or company frame."""

from __future__ import annotations

import pytest

from orgdesigner import presets
from orgdesigner.model import Design, UnitKind


def test_groups_cover_every_preset_and_spec_list():
    groups = {g for g, _, _ in presets.GROUPS}
    assert {p.group for p in presets.PRESETS} == groups
    ids = {p.id for p in presets.PRESETS}
    assert {"management", "cio", "ciso", "csirt", "disaster_team", "nca", "jpcert",
            "specialist", "mssp", "police", "other_csirt", "company"} <= ids
    assert len(ids) == len(presets.PRESETS)


@pytest.mark.parametrize("p", [p for p in presets.PRESETS if not p.is_company],
                         ids=lambda p: p.id)
def test_every_unit_preset_enters_a_design(p):
    d = Design()
    u = presets.make_unit(d, p.id, 10, 20)
    d.add_unit(u)
    got = d.units[u.id]
    assert (got.name, got.name_en, got.kind, got.functions) == (p.name, p.name_en, p.kind,
                                                                 p.functions)
    assert (got.x, got.y) == (10, 20)
    assert (got.plan is not None) is (p.kind is UnitKind.CSIRT)


def test_company_preset_and_errors():
    d = Design()
    c = presets.make_company(d, 5, 6)
    d.add_company(c)
    assert d.companies[c.id].width > 0
    with pytest.raises(ValueError):
        presets.make_unit(d, "company", 0, 0)
    with pytest.raises(KeyError, match="no unit preset"):
        presets.preset("nope")

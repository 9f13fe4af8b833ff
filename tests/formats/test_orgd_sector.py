"""The design's sector in .orgd: saved as its value, read back, validated like its
neighbours (a wrong value is one clear error naming the field), absent in older files."""

from __future__ import annotations

import json

import pytest

from orgdesigner.formats import orgd
from orgdesigner.formats.orgd import LoadError
from orgdesigner.model import Design, Sector


def test_sector_round_trips_and_defaults():
    d = Design()
    assert d.metadata.sector is Sector.UNSET
    d.update_metadata(sector="energy")
    text = orgd.dumps(d)
    assert json.loads(text)["metadata"]["sector"] == "energy"
    back = orgd.loads(text.encode(), "x")
    assert back.metadata.sector is Sector.ENERGY and back.metadata.sector.critical
    data = json.loads(text)
    del data["metadata"]["sector"]  # a file written before the field existed
    assert orgd.loads(json.dumps(data).encode(), "x").metadata.sector is Sector.UNSET


def test_bad_sector_is_one_clear_error():
    data = json.loads(orgd.dumps(Design()))
    data["metadata"]["sector"] = "banking"
    with pytest.raises(LoadError) as err:
        orgd.loads(json.dumps(data).encode(), "x")
    assert "sector" in str(err.value) and "banking" in str(err.value)


def test_only_finance_and_critical_infrastructure_are_critical():
    critical = {s.value for s in Sector if s.critical}
    assert critical == {"finance", "telecom", "energy", "transport", "healthcare", "water",
                        "public"}
    assert all(s.label("ja") and s.label("en") for s in Sector)

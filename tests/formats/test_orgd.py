"""The .orgd file: round trips, migration and refusal of newer versions, every bad input."""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.formats import orgd
from orgdesigner.formats.atomic import WriteError
from orgdesigner.model import (
    Company,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    Unit,
    UnitKind,
)
from orgdesigner.templates import ids, load


def _data(**over):
    base = {"format": "orgdesigner", "version": 1,
            "units": [{"id": "a", "name": "経営層", "kind": "management"},
                      {"id": "b", "name": "CSIRT", "kind": "csirt"}],
            "flows": [{"id": "f", "source": "a", "target": "b", "kind": "reporting"}]}
    base.update(over)
    return json.dumps(base)


def test_save_load_save_is_byte_identical(tmp_path):
    for tid in ids():
        d = load(tid)
        p = tmp_path / f"{tid}.orgd"
        orgd.save(d, p)
        first = p.read_bytes()
        orgd.save(orgd.load(p), p)
        assert p.read_bytes() == first, tid


def test_save_keeps_a_backup_and_leaves_no_temp_files(tmp_path):
    p = tmp_path / "d.orgd"
    d = load("model-1")
    orgd.save(d, p)
    d.update_metadata(title="改訂版")
    orgd.save(d, p)
    assert orgd.load(p.with_name("d.orgd.bak")).metadata.title != "改訂版"
    assert orgd.load(p).metadata.title == "改訂版"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["d.orgd", "d.orgd.bak"]


def test_unwritable_target_leaves_the_old_file(tmp_path):
    p = tmp_path / "d.orgd"
    orgd.save(load("model-1"), p)
    before = p.read_bytes()
    with pytest.raises(WriteError, match="folder"):
        orgd.save(load("model-2"), tmp_path)  # a directory
    with pytest.raises(WriteError, match="does not exist"):
        orgd.save(load("model-2"), tmp_path / "missing" / "d.orgd")
    if os.geteuid() != 0:  # root ignores permissions
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(WriteError):
                orgd.save(load("model-2"), p)
        finally:
            tmp_path.chmod(0o700)
    assert p.read_bytes() == before


@pytest.mark.parametrize("raw, message", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
    (b'{"format": "other"}', "not an OrgDesigner design"),
    (_data(version=99).encode(), "newer OrgDesigner"),
    (_data(version="1").encode(), "not a valid format version"),
    (_data(units="x").encode(), "units: must be a list"),
    (_data(units=[{"id": "a", "name": "A", "kind": "departmnt"}], flows=[]).encode(),
     "units[0]: 'departmnt' is not a unit kind; did you mean 'department'?"),
    (_data(units=[{"id": "a", "name": "A"}], flows=[]).encode(), "units[0]: missing field 'kind'"),
    (_data(units=[{"id": "a", "name": "A", "kind": "team", "headcount": "ten"}],
           flows=[]).encode(), "units[0]: headcount must be a whole number"),
    (_data(units=[{"id": "a", "name": "A", "kind": "team"},
                  {"id": "a", "name": "B", "kind": "team"}], flows=[]).encode(),
     "units[1]: a unit with id 'a' already exists"),
    (_data(flows=[{"id": "f", "source": "a", "target": "zz", "kind": "command"}]).encode(),
     "flows[0]: flow 'f' refers to unknown unit 'zz'"),
    (_data(flows=[{"id": "f", "source": "a", "target": "b", "kind": "reporting"},
                  {"id": "g", "source": "b", "target": "a", "kind": "reporting"}]).encode(),
     "flows[1]: "),
    (_data(units=[{"id": "a", "name": "A", "kind": "csirt", "plan": {
        "members": [{"name": "m", "fte": 2}]}}], flows=[]).encode(), "FTE must be between"),
    (b'{"format": "orgdesigner", "version": 1, "units": [], "x": NaN}', "not a valid number"),
])
def test_bad_input_gives_a_clear_one_line_error(raw, message):
    with pytest.raises(orgd.LoadError) as info:
        orgd.loads(raw, "bad.orgd")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_every_problem_is_reported_with_its_path():
    raw = _data(units=[{"id": "a", "name": "A", "kind": "departmnt"},
                       {"id": "b", "name": "B", "kind": "team", "headcount": -3}], flows=[])
    with pytest.raises(orgd.LoadError) as info:
        orgd.loads(raw)
    paths = [p.path for p in info.value.problems]
    assert paths == ["units[0]", "units[1]"]


def test_file_level_problems(tmp_path):
    with pytest.raises(orgd.LoadError, match="folder"):
        orgd.load(tmp_path)
    with pytest.raises(orgd.LoadError, match="no such file"):
        orgd.load(tmp_path / "nope.orgd")
    big = tmp_path / "big.orgd"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1000 * 1000)  # a 50 MB file is refused before it is read
    with pytest.raises(orgd.LoadError, match="50.0 MB"):
        orgd.load(big)


def test_older_versions_are_migrated(monkeypatch):
    monkeypatch.setattr(orgd, "FORMAT_VERSION", 2)

    def v1_to_v2(data):
        for u in data["units"]:
            u["notes"] = "migrated"
        return data

    monkeypatch.setitem(orgd.MIGRATIONS, 1, v1_to_v2)
    d = orgd.loads(_data())
    assert d.units["a"].notes == "migrated"


names = st.text(alphabet=st.sampled_from(list("AZaz09 =+-@&<>\"'\\研究部課経営層🙂")), min_size=1,
                max_size=12).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_random_valid_designs_round_trip(data):
    d = Design()
    n_comp = data.draw(st.integers(0, 3))
    for i in range(n_comp):
        d.add_company(Company(f"c{i}", data.draw(names)))
    n = data.draw(st.integers(0, 12))
    for i in range(n):
        kind = data.draw(st.sampled_from(list(UnitKind)))
        funcs = tuple(data.draw(st.lists(st.sampled_from(list(Function)), max_size=3)))
        company = f"c{data.draw(st.integers(0, n_comp - 1))}" if n_comp else ""
        d.add_unit(Unit(f"u{i}", data.draw(names), kind, functions=funcs,
                        headcount=data.draw(st.integers(0, 10_000)), company=company,
                        x=data.draw(st.floats(-1e4, 1e4)), y=data.draw(st.floats(-1e4, 1e4))))
        if i and data.draw(st.booleans()):
            d.add_flow(Flow(f"r{i}", f"u{data.draw(st.integers(0, i - 1))}", f"u{i}",
                            FlowKind.REPORTING))
        if kind is UnitKind.CSIRT:
            d.set_plan(f"u{i}", CsirtPlan([Member(data.draw(names), fte=data.draw(
                st.floats(0, 1)), dedicated=data.draw(st.booleans()))]))
    for j in range(data.draw(st.integers(0, 6)) if n > 1 else 0):
        a, b = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
        if a != b:
            d.add_flow(Flow(f"o{j}", f"u{a}", f"u{b}",
                            data.draw(st.sampled_from(list(FlowKind)[1:])), data.draw(names)))
    d.add_cost(CostItem("k", data.draw(names), CostCategory.TOOLS,
                        amounts=[Decimal(data.draw(st.integers(0, 10**9)))]))
    text = orgd.dumps(d)
    again = orgd.loads(text)
    assert orgd.dumps(again) == text
    assert list(again.units) == list(d.units)
    assert [(f.source, f.target, f.kind) for f in again.flows.values()] == \
           [(f.source, f.target, f.kind) for f in d.flows.values()]

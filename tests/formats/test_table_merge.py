"""Merging an imported organisation into an open design: one batch, fully undoable."""

from __future__ import annotations

from pathlib import Path

from orgdesigner import templates
from orgdesigner.formats import orgd
from orgdesigner.formats.merge import merge_ops, merged_ids, placement
from orgdesigner.formats.table_import import read_table
from orgdesigner.model import Company, CompanyKind, Design, FlowKind, Unit

DATA = Path(__file__).parent / "data"


def test_merge_is_one_batch_and_its_inverse_restores_the_file_exactly():
    target = templates.load("model-2")
    before = orgd.dumps(target)
    n_units, n_flows = len(target.units), len(target.flows)
    imported = read_table(DATA / "units_ja.csv").design
    batch = merge_ops(target, imported)
    assert orgd.dumps(target) == before  # building the batch changes nothing
    inverse = batch.apply(target)
    assert len(target.units) == n_units + len(imported.units)
    assert len(target.flows) == n_flows + len(imported.flows)
    inverse.apply(target)
    assert orgd.dumps(target) == before


def test_colliding_ids_are_renamed_and_flows_follow():
    target = Design()
    target.add_unit(Unit("H001", "既存の部署"))
    target.add_unit(Unit("f1", "a unit named like a flow id"))
    imported = read_table(DATA / "units_ja.csv").design
    batch = merge_ops(target, imported)
    batch.apply(target)
    new = merged_ids(batch)
    assert len(new) == len(imported.units) and "H001" not in new and "H002" in new
    renamed = new[0]
    assert target.units[renamed].name == "経営層" and target.units["H001"].name == "既存の部署"
    assert target.superior("H002") == renamed  # the reporting line followed the new id
    ids = list(target.units) + list(target.flows) + list(target.companies)
    assert len(ids) == len(set(ids))


def test_companies_are_matched_by_name():
    target = Design()
    target.add_company(Company("hq", "本社", "Head office", CompanyKind.PARENT))
    target.add_unit(Unit("top", "経営層", company="hq"))
    imported = read_table(DATA / "units_ja.csv").design
    merge_ops(target, imported).apply(target)
    assert [c.name for c in target.companies.values()] == ["本社", "ＸＹＺシステムズ"]
    assert target.units["H002"].company == "hq"
    sub = next(c for c in target.companies.values() if c.name == "ＸＹＺシステムズ")
    assert target.units["S002"].company == sub.id


def test_imported_units_land_right_of_the_open_design():
    target = templates.load("model-1")
    imported = read_table(DATA / "units_en.csv").design
    dx, _ = placement(target, imported)
    batch = merge_ops(target, imported)
    right_edge = max(u.x for u in target.units.values())
    batch.apply(target)
    for uid in merged_ids(batch):
        assert target.units[uid].x > right_edge
    assert dx > 0
    reporting = [f for f in target.flows.values() if f.kind is FlowKind.REPORTING]
    assert len(reporting) == len([f for f in templates.load("model-1").flows.values()
                                  if f.kind is FlowKind.REPORTING]) + 7


def test_merge_into_an_empty_design_keeps_positions():
    imported = read_table(DATA / "units_en.csv").design
    target = Design()
    merge_ops(target, imported).apply(target)
    assert orgd.dumps(target) == orgd.dumps(imported)

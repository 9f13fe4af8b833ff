"""Table export: the same format the import reads; import → export → import is identical."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from orgdesigner import synthetic, templates
from orgdesigner.formats import orgd
from orgdesigner.formats.atomic import WriteError
from orgdesigner.formats.table_export import TableExportError, side_path, write_table
from orgdesigner.formats.table_import import read_table
from orgdesigner.model import Design, FlowKind, Unit, UnitKind

openpyxl = pytest.importorskip("openpyxl")
DATA = Path(__file__).parent / "data"


def structure(d: Design) -> dict:
    """Everything a sheet carries, by id (positions and ids of flows aside)."""
    companies = {c.id: (c.name, c.name_en, c.kind, c.in_scope, c.notes)
                 for c in d.companies.values()}
    return {
        "units": [(u.id, u.name, u.name_en, u.kind, u.functions, u.headcount, u.notes,
                   companies.get(u.company), d.superior(u.id)) for u in d.units.values()],
        "flows": sorted((f.source, f.target, f.kind.value, f.label) for f in d.flows.values()),
        "companies": sorted(companies.values()),
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("source", ["units_ja.csv", "units_en.csv"])
def test_import_export_import_gives_the_same_design(tmp_path, suffix, lang, source):
    flows = DATA / "flows_en.csv" if source == "units_en.csv" else None
    first = read_table(DATA / source, flows_path=flows).design
    out = tmp_path / f"export{suffix}"
    write_table(first, out, lang=lang)
    second = read_table(out).design
    assert orgd.dumps(second) == orgd.dumps(first)


@pytest.mark.parametrize("template", ["model-2", "strong-authority", "cert-coordinating"])
def test_templates_survive_the_round_trip(tmp_path, template):
    design = templates.load(template)
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"{template}{suffix}"
        write_table(design, out, lang="ja")
        assert structure(read_table(out).design) == structure(design)


def test_large_generated_design_round_trip(tmp_path):
    design = synthetic.generate(400)
    write_table(design, tmp_path / "big.xlsx")
    assert structure(read_table(tmp_path / "big.xlsx").design) == structure(design)


def test_csv_has_bom_and_japanese_headers_and_side_files(tmp_path):
    design = read_table(DATA / "units_ja.csv").design
    out = tmp_path / "org.csv"
    write_table(design, out, lang="ja")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to see UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "部署ID,部署名,英語名,上位部署,種別,機能,人数,会社,備考"
    assert lines[2] == ("H002,情報システム部,IT Dept.,H001,部,情報システム運用、システム開発,"
                        "85,本社,")
    flows = side_path(out, "flows").read_text(encoding="utf-8-sig").splitlines()
    assert flows[0] == "元,先,種別,ラベル"
    assert "H004,H002,インシデント時の指示,インシデント時の指示" in flows
    companies = side_path(out, "companies").read_text(encoding="utf-8-sig").splitlines()
    assert companies[1:] == ["c1,本社,,親会社,はい,", "c2,ＸＹＺシステムズ,,グループ会社,はい,"]


def test_english_values_are_the_enum_values(tmp_path):
    design = read_table(DATA / "units_ja.csv").design
    write_table(design, tmp_path / "org.csv")
    lines = (tmp_path / "org.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "id,name,name_en,parent,kind,functions,headcount,company,notes"
    assert lines[2].startswith("H002,情報システム部,IT Dept.,H001,department,"
                               "it_operations; system_development,85,")


def test_text_stays_text_in_the_workbook(tmp_path):
    design = Design()
    design.add_unit(Unit("001", "=1+1", UnitKind.MANAGEMENT, name_en="@SUM(A1)"))
    design.add_unit(Unit("002", "+81 部", notes="=HYPERLINK(\"http://x\")"))
    out = tmp_path / "t.xlsx"
    write_table(design, out)
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert all(b"<f>" not in s and b"<f " not in s for s in sheets)
    ws = openpyxl.load_workbook(out)["units"]
    assert ws["A2"].value == "001" and ws["A2"].data_type == "s"
    assert ws["B2"].value == "=1+1" and ws["B2"].data_type == "s"
    again = read_table(out).design
    assert again.units["001"].name == "=1+1" and again.units["002"].notes.startswith("=HYP")


def test_stale_side_file_is_emptied(tmp_path):
    out = tmp_path / "org.csv"
    write_table(read_table(DATA / "units_ja.csv").design, out)
    assert len(side_path(out, "flows").read_text(encoding="utf-8-sig").splitlines()) > 1
    plain = Design()
    plain.add_unit(Unit("a", "A"))
    write_table(plain, out)
    assert side_path(out, "flows").read_text(encoding="utf-8-sig").splitlines() == [
        "from,to,kind,label"]
    assert not read_table(out).design.flows


def test_labelled_reporting_line_goes_to_the_flows_sheet(tmp_path):
    design = templates.load("model-1")
    rep = next(f for f in design.flows.values() if f.kind is FlowKind.REPORTING)
    design.update_flow(rep.id, label="兼務")
    write_table(design, tmp_path / "m.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx")["flows"]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=2)]
    assert (rep.source, rep.target, "reporting", "兼務") in rows
    assert structure(read_table(tmp_path / "m.xlsx").design) == structure(design)


def test_bad_targets(tmp_path):
    design = templates.load("model-1")
    with pytest.raises(TableExportError, match="use .csv or .xlsx"):
        write_table(design, tmp_path / "org.ods")
    with pytest.raises(TableExportError, match="language"):
        write_table(design, tmp_path / "org.csv", lang="fr")
    with pytest.raises(WriteError, match="does not exist"):
        write_table(design, tmp_path / "missing" / "org.xlsx")
    assert not (tmp_path / "missing").exists()
    assert list(tmp_path.iterdir()) == []  # nothing half-written

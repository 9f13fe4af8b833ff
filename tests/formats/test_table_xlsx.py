"""Table import from .xlsx: two sheets, sheet choice, formula cells, error values, merges."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from orgdesigner.formats import orgd, table_read
from orgdesigner.formats.table_import import TableImportError, read_table
from orgdesigner.model import FlowKind, UnitKind

openpyxl = pytest.importorskip("openpyxl")

UNITS_JA = [
    ["部署ID", "部署名", "上位部署", "種別", "機能", "人数", "会社"],
    [1, "経営層", None, "経営層", None, 10, "本社"],
    [2, "情報システム部", 1, "部", "情報システム運用", 50, "本社"],
    [3, "CSIRT", 2, "CSIRT", "セキュリティ", 5, "本社"],
    [4, "営業本部", "経営層", "本部", "営業", 300.0, "本社"],
]
FLOWS_JA = [["元", "先", "種別", "ラベル"], [3, 2, "指示", "緊急時"], [4, 3, "報告", None]]


def workbook(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None
             ) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for ref in (merges or {}).get(title, []):
            ws.merge_cells(ref)
    wb.save(path)
    return path


def with_cached_values(path: Path, values: dict[str, str],
                       errors: dict[str, str] | None = None) -> None:
    """Give formula cells the saved result Excel would have stored (openpyxl writes none:
    `<v/>`, or `<v></v>` when lxml is installed, as python-pptx brings it)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)',
                     rf"\1\2<v>{value}</v>", xml)
    for ref, value in (errors or {}).items():
        xml = re.sub(rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)',
                     rf'<c r="{ref}"\1 t="e">\2<v>{value}</v>', xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_two_sheets_japanese_names(tmp_path):
    path = workbook(tmp_path / "org.xlsx", {"部署一覧": UNITS_JA, "フロー": FLOWS_JA})
    result = read_table(path)
    d = result.design
    assert list(d.units) == ["1", "2", "3", "4"]  # numeric ids become text ids
    assert d.superior("3") == "2" and d.superior("4") == "1"  # numeric parent, parent by name
    assert d.units["4"].kind is UnitKind.DIVISION and d.units["4"].headcount == 300
    kinds = {(f.source, f.target): f.kind for f in d.flows.values()}
    assert kinds[("3", "2")] is FlowKind.COMMAND and kinds[("4", "3")] is FlowKind.REPORT
    assert result.sources == ["部署一覧", "フロー"]


def test_flows_sheet_is_found_by_its_header_and_problems_name_the_sheet(tmp_path):
    flows = [["from", "to", "kind"], [3, 9, "support"]]
    path = workbook(tmp_path / "org.xlsx", {"Org 2026": UNITS_JA, "Links 2026": flows})
    with pytest.raises(TableImportError) as info:
        read_table(path)
    assert [str(p) for p in info.value.errors] == [
        "Links 2026:2:B: unknown unit '9': no unit has that id or name"]


def test_sheet_chosen_by_name(tmp_path):
    readme = [["This workbook lists our organisation."], ["See sheet 'current'."]]
    old = [row[:3] for row in UNITS_JA[:2]]
    path = workbook(tmp_path / "org.xlsx", {"README": readme, "old": old, "current": UNITS_JA})
    assert len(read_table(path, sheet="current").design.units) == 4
    assert len(read_table(path, sheet="OLD").design.units) == 1  # case-insensitive
    with pytest.raises(TableImportError, match="no sheet named 'new'; the workbook has "
                                               "'README', 'old', 'current'"):
        read_table(path, sheet="new")


def test_formula_cells_take_their_saved_value(tmp_path):
    rows = [r[:] for r in UNITS_JA]
    rows[2][5] = "=10*5"
    path = workbook(tmp_path / "org.xlsx", {"units": rows})
    with_cached_values(path, {"F3": "50"})
    assert read_table(path).design.units["2"].headcount == 50


def test_formula_string_result_is_taken(tmp_path):
    rows = [r[:] for r in UNITS_JA]
    rows[3][1] = '="CS"&"IRT"'
    path = workbook(tmp_path / "org.xlsx", {"units": rows})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml, n = re.subn(r'<c r="B4"([^>]*)>(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)',
                     r'<c r="B4"\1 t="str">\2<v>CSIRT</v>', xml)
    assert n == 1
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert read_table(path).design.units["3"].name == "CSIRT"


def test_formula_without_saved_result_and_error_values_are_clear_errors(tmp_path):
    rows = [r[:] + [None] for r in UNITS_JA]
    rows[0][7] = "計算用"  # an unknown column: its formula does not matter
    rows[1][7] = "=A1*2"
    rows[2][5] = "=10*5"  # never calculated
    rows[3][5] = "=1/0"
    path = workbook(tmp_path / "org.xlsx", {"units": rows})
    with_cached_values(path, {}, errors={"F4": "#DIV/0!"})
    with pytest.raises(TableImportError) as info:
        read_table(path)
    assert [str(p) for p in info.value.errors] == [
        "units:3:F: the cell holds a formula with no saved result (the file was never "
        "calculated by Excel); open and save it in Excel, or type the value",
        "units:4:F: the cell shows the Excel error #DIV/0!; fix the formula or type the value"]


def test_merged_cells_spread_their_value_down(tmp_path):
    rows = [r[:] for r in UNITS_JA]
    for r in rows[2:]:
        r[6] = None  # 本社 only in the first cell of the merged block G2:G5
    path = workbook(tmp_path / "org.xlsx", {"units": rows}, merges={"units": ["G2:G5"]})
    result = read_table(path)
    assert {u.company for u in result.design.units.values()} == {"c1"}
    assert ["units:2:G: warning: merged cells G2:G5: the value of the first cell is used for "
            "rows 2–5"] == [str(p) for p in result.warnings if "merged" in p.message]


def test_merged_id_cells_give_duplicate_ids(tmp_path):
    rows = [r[:] for r in UNITS_JA]
    rows[3][0] = None
    path = workbook(tmp_path / "org.xlsx", {"units": rows}, merges={"units": ["A3:A4"]})
    with pytest.raises(TableImportError) as info:
        read_table(path)
    assert "units:4:A: duplicate id '2' (first used on row 3)" in [str(p) for p in
                                                                    info.value.errors]


def test_sheet_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(table_read, "MAX_ROWS", 20)
    rows = [["id", "name"]] + [[i, f"U{i}"] for i in range(100)]
    path = workbook(tmp_path / "big.xlsx", {"units": rows})
    with pytest.raises(TableImportError, match="more than 20 rows"):
        read_table(path)


def test_renamed_workbook_is_read_as_a_workbook(tmp_path):
    path = workbook(tmp_path / "org.xlsx", {"部署": UNITS_JA})
    renamed = tmp_path / "org.csv"
    path.rename(renamed)
    assert len(read_table(renamed).design.units) == 4


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbook_calculated_by_an_office_suite(tmp_path):
    """A real spreadsheet application stores formula results; we read them."""
    rows = [r[:] for r in UNITS_JA]
    rows[2][5] = "=SUM(10,40)"
    (tmp_path / "src").mkdir()
    src = workbook(tmp_path / "src" / "org.xlsx", {"units": rows})
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "xlsx", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=120)
    d = read_table(out / "org.xlsx").design
    assert d.units["2"].headcount == 50
    assert orgd.dumps(d) == orgd.dumps(read_table(out / "org.xlsx").design)

"""`orgdesigner import`: a sheet to a .orgd; problems as SHEET:ROW:COL lines, exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.formats.table_export import write_table

DATA = Path(__file__).parents[1] / "formats" / "data"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_csv_with_flows(tmp_path, capsys):
    out = tmp_path / "org.orgd"
    code, stdout, err = run(capsys, "import", DATA / "units_en.csv", "--flows",
                            DATA / "flows_en.csv", "-o", out)
    assert code == 0, err
    design = orgd.load(out)
    assert len(design.units) == 9 and design.superior("dev") == "sys"
    assert "imported 9 units, 11 flows, 1 companies from units_en.csv, flows_en.csv" in stdout
    assert "units_en.csv:2:G: warning: companies created: Example Corp." in err


def test_errors_are_cell_lines_exit_2_and_nothing_is_written(tmp_path, capsys):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("id,name,parent,kind,headcount\na,A,,board,\nb,B,zz,dept,-1\n"
                     "c,C,a,sectoin,\n", encoding="utf-8")
    out = tmp_path / "org.orgd"
    code, stdout, err = run(capsys, "import", sheet, "-o", out)
    assert code == 2 and stdout == ""
    assert err.splitlines() == [
        "bad.csv:3:C: unknown parent 'zz': no unit has that id or name",
        "bad.csv:3:E: bad headcount '-1': expected a whole number from 0 to 10,000,000",
        "bad.csv:4:D: unknown kind 'sectoin'; did you mean 'section'?",
        "orgdesigner: error: bad.csv: 3 error(s); nothing imported, org.orgd not written"]
    assert not out.exists()


def test_failed_import_leaves_an_existing_design_untouched(tmp_path, capsys):
    out = tmp_path / "org.orgd"
    out.write_text("precious", encoding="utf-8")
    sheet = tmp_path / "bad.csv"
    sheet.write_text("id,name\na,\n", encoding="utf-8")
    code, _, _ = run(capsys, "import", sheet, "-o", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "precious"


def test_sheet_and_encoding_options(tmp_path, capsys):
    book = tmp_path / "org.xlsx"
    write_table(orgd_design(), book)
    code, stdout, err = run(capsys, "import", book, "--sheet", "units", "-o", tmp_path / "a.orgd")
    assert code == 0, err
    code, _, err = run(capsys, "import", book, "--sheet", "nope", "-o", tmp_path / "b.orgd")
    assert code == 2 and "org.xlsx: no sheet named 'nope'; the workbook has 'units'" in err
    cp932 = tmp_path / "sjis.csv"
    cp932.write_bytes((DATA / "units_ja.csv").read_text(encoding="utf-8").encode("cp932"))
    code, _, err = run(capsys, "import", cp932, "--encoding", "cp932", "-q", "-o",
                       tmp_path / "c.orgd")
    assert code == 0 and err == ""
    assert orgd.load(tmp_path / "c.orgd").units["H003"].name == "セキュリティ課"
    code, _, err = run(capsys, "import", cp932, "--encoding", "utf-8", "-o", tmp_path / "d.orgd")
    assert code == 2 and "sjis.csv: not valid utf-8 text" in err


def test_sibling_flows_file_is_picked_up(tmp_path, capsys):
    shutil.copy(DATA / "units_ja.csv", tmp_path / "units.csv")
    shutil.copy(DATA / "units_ja.flows.csv", tmp_path / "units.flows.csv")
    code, stdout, err = run(capsys, "import", tmp_path / "units.csv", "-o", tmp_path / "o.orgd")
    assert code == 0 and "units.flows.csv: info: flows read from units.flows.csv" in err
    assert "from units.csv, units.flows.csv" in stdout


@pytest.mark.parametrize("args, message", [
    (["missing.csv", "-o", "x.orgd"], "missing.csv: no such file"),
    ([str(DATA / "units_en.csv"), "-o", "x.xlsx"], "x.xlsx: the output must be a .orgd"),
])
def test_one_line_usage_errors(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "import", *args)
    assert code == 2 and message in err
    assert not (tmp_path / "x.orgd").exists()


def orgd_design():
    from orgdesigner import templates

    return templates.load("model-1")


def test_imported_design_is_named_after_its_sheet(tmp_path):
    from orgdesigner.cli import main
    from orgdesigner.formats import orgd

    sheet = tmp_path / "人事部署一覧.csv"
    sheet.write_text("id,name,parent\n1,経営層,\n2,情報システム部,1\n", encoding="utf-8")
    out = tmp_path / "org.orgd"
    assert main(["import", str(sheet), "-o", str(out), "-q"]) == 0
    assert orgd.load(out).metadata.title == "人事部署一覧"

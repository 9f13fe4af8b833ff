"""`orgdesigner export FILE -o units.csv|units.xlsx` writes the table `import` reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner import templates
from orgdesigner.cli import main
from orgdesigner.formats import orgd

DATA = Path(__file__).parents[1] / "formats" / "data"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_export_import_through_the_command_line(tmp_path, capsys, suffix):
    first = tmp_path / "first.orgd"
    code, _, err = run(capsys, "import", DATA / "units_ja.csv", "-o", first)
    assert code == 0, err
    table = tmp_path / f"units_ja{suffix}"  # same name: the design is titled after its sheet
    code, out, err = run(capsys, "export", first, "-o", table, "--lang", "ja")
    assert code == 0, err
    assert str(table) in out
    second = tmp_path / "second.orgd"
    code, _, err = run(capsys, "import", table, "-o", second)
    assert code == 0, err
    assert second.read_bytes() == first.read_bytes()


def test_csv_export_writes_the_side_files(tmp_path, capsys):
    design = tmp_path / "m2.orgd"
    orgd.save(templates.load("model-2"), design)
    code, _, err = run(capsys, "export", design, "-o", tmp_path / "org.csv")
    assert code == 0, err
    head = (tmp_path / "org.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head == "id,name,name_en,parent,kind,functions,headcount,company,notes"
    assert (tmp_path / "org.flows.csv").read_text(encoding="utf-8-sig").startswith(
        "from,to,kind,label")
    companies = (tmp_path / "org.companies.csv").read_text(encoding="utf-8-sig").splitlines()
    assert companies == ["id,name,name_en,kind,in_scope,notes",
                         "parent,親会社,Parent company,parent,yes,",
                         "group,グループ会社,Group company,it_subsidiary,yes,"]


def test_xlsx_export_in_japanese(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    design = tmp_path / "m1.orgd"
    orgd.save(templates.load("model-1"), design)
    code, _, err = run(capsys, "export", design, "-o", tmp_path / "org.xlsx", "--lang", "ja")
    assert code == 0, err
    wb = openpyxl.load_workbook(tmp_path / "org.xlsx")
    assert wb.sheetnames[:2] == ["部署", "フロー"]
    assert [c.value for c in wb["部署"][1]] == ["部署ID", "部署名", "英語名", "上位部署", "種別",
                                               "機能", "人数", "会社", "備考"]


def test_unwritable_table_target_is_one_line(tmp_path, capsys):
    design = tmp_path / "m1.orgd"
    orgd.save(templates.load("model-1"), design)
    code, _, err = run(capsys, "export", design, "-o", tmp_path / "no" / "org.xlsx")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "does not exist" in err

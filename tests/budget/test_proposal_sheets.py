"""The workbook's proposal sheets: 案の比較 (one column per scenario) and the roadmap."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from orgdesigner import templates
from orgdesigner.analysis.options import generate, recommended
from orgdesigner.budget import compute_budget
from orgdesigner.budget.workbook import sheet_names, write_workbook
from orgdesigner.model import CostItem
from orgdesigner.model import scenarios as sc


def _document():
    d = templates.load("model-1")
    options = generate(d)
    best = recommended(options)
    for o in options:
        sc.create(d, o.name("ja"), sc.BASELINE, o.design).apply(d)
        if o is best:
            sc.recommend(d, sc.scenarios_of(d).items[-1].id).apply(d)
    return d


def _book(design, tmp_path, lang):
    out = tmp_path / f"{lang}.xlsx"
    write_workbook(design, out, lang=lang)
    return openpyxl.load_workbook(out), openpyxl.load_workbook(out, data_only=True)


def _values(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_options_sheet_has_a_column_per_scenario_and_marks_the_recommended(tmp_path):
    d = _document()
    wb, cached = _book(d, tmp_path, "ja")
    assert wb.sheetnames[-2:] == ["案の比較", "ロードマップ"]
    assert wb.sheetnames == sheet_names("ja", proposals=True)
    rows = _values(wb["案の比較"])
    header = rows[2]
    assert header[0] == "項目" and header[1] == "現状" and len(header) == 5
    rec = next(r for r in rows if r[0] == "推奨")
    marked = [i for i, v in enumerate(rec) if v and "★" in str(v)]
    assert len(marked) == 1
    assert header[marked[0]] == sc.scenarios_of(d).recommended().name
    total = next(r for r in rows if r[0] == "費用合計")
    assert all(str(v).startswith("=SUM(") for v in total[1:])
    # stored with its value: a previewer that does not recalculate shows each budget
    cached_total = next(r for r in _values(cached["案の比較"]) if r[0] == "費用合計")
    assert cached_total[1:] == [compute_budget(s).grand_total
                                for _s, s in sc.list_scenarios(d)]
    first_year = next(r for r in rows if str(r[0]).endswith("年度"))
    assert first_year[1] == compute_budget(d).total_per_year[0]
    moved = next(r for r in rows if r[0] == "移管される部署")
    assert moved[1:] == [0, 0, 1, 1]  # flows only moves nothing; sponsor and textbook move it
    cover = _values(wb.worksheets[0])
    assert any(r[0] == "推奨案" and r[1] == sc.scenarios_of(d).recommended().name
               for r in cover)


def test_roadmap_sheet_lists_each_proposals_phases(tmp_path):
    wb, _ = _book(_document(), tmp_path, "en")
    text = "\n".join(str(v) for row in _values(wb["Roadmap"]) for v in row if v)
    assert text.count("1. Agreement and budget") == 3
    assert "Move Internal CSIRT under Management" in text


def test_no_proposal_sheets_without_proposals(tmp_path):
    wb, _ = _book(templates.load("model-1"), tmp_path, "en")
    assert "Options" not in wb.sheetnames and "Roadmap" not in wb.sheetnames
    assert wb.sheetnames == sheet_names("en")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_options_totals_recalculate_to_each_scenarios_budget(tmp_path):
    d = _document()
    sc.design_of(d, "p3").add_cost(CostItem("extra", "Shift staff", amounts=[Decimal(1_000_000)]))
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    write_workbook(d, src / "o.xlsx", lang="en")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                           "--headless", "--norestore", "--convert-to", "xlsx", "--outdir",
                           str(out), str(src / "o.xlsx")], capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(out / "o.xlsx", data_only=True)["Options"]
    total = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Total cost")
    expected = [compute_budget(design).grand_total for _s, design in sc.list_scenarios(d)]
    assert list(total[1:]) == expected and expected[3] > expected[0]

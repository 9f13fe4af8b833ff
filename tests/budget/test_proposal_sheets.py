"""The workbook's proposal sheets: 案の比較 (one column per scenario) and the roadmap."""

from __future__ import annotations

from orgdesigner import templates
from orgdesigner.analysis.options import generate, recommended
from orgdesigner.budget import compute_budget
from orgdesigner.budget.workbook import build_workbook
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


def _values(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_options_sheet_has_a_column_per_scenario_and_marks_the_recommended():
    d = _document()
    wb, _ = build_workbook(d, lang="ja")
    assert wb.sheetnames[-2:] == ["案の比較", "ロードマップ"]
    rows = _values(wb["案の比較"])
    header = rows[2]
    assert header[0] == "項目" and header[1] == "現状" and len(header) == 5
    rec = next(r for r in rows if r[0] == "推奨")
    marked = [i for i, v in enumerate(rec) if v and "★" in str(v)]
    assert len(marked) == 1
    assert header[marked[0]] == sc.scenarios_of(d).recommended().name
    total = next(r for r in rows if r[0] == "費用合計")
    assert all(str(v).startswith("=SUM(") for v in total[1:])
    first_year = next(r for r in rows if str(r[0]).endswith("年度"))
    assert first_year[1] == compute_budget(d).total_per_year[0]
    moved = next(r for r in rows if r[0] == "移管される部署")
    assert moved[1:] == [0, 0, 1, 1]  # flows only moves nothing; sponsor and textbook move it
    cover = _values(wb.worksheets[0])
    assert any(r[0] == "推奨案" and r[1] == sc.scenarios_of(d).recommended().name
               for r in cover)


def test_roadmap_sheet_lists_each_proposals_phases():
    wb, _ = build_workbook(_document(), lang="en")
    text = "\n".join(str(v) for row in _values(wb["Roadmap"]) for v in row if v)
    assert text.count("1. Agreement and budget") == 3
    assert "Move Internal CSIRT under Management" in text


def test_no_proposal_sheets_without_proposals():
    wb, _ = build_workbook(templates.load("model-1"), lang="en")
    assert "Options" not in wb.sheetnames and "Roadmap" not in wb.sheetnames

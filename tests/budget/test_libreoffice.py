"""The workbook recalculated by a real spreadsheet engine equals the tool's own totals.

LibreOffice (headless) opens each saved workbook, computes every formula and saves a copy;
openpyxl reads the computed values back. One conversion run covers: the English workbook
with hostile names, the Japanese one, and a copy in which an "approver" changed assumptions
(totals must move to what the tool computes for those assumptions). Slow (~5–10 s).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from orgdesigner.budget import Budget, compute_budget
from orgdesigner.budget.workbook import sheet_names, write_workbook
from orgdesigner.model import CostCategory, Design, Expenditure, Metadata

from .sample import INJECTIONS, sample_design

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                       "install libreoffice-calc to check the workbook's formulas"),
]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    root = tmp_path_factory.mktemp("lo")
    src, out = root / "src", root / "out"
    src.mkdir()
    books: dict[str, tuple] = {}
    hostile = sample_design(hostile=True)
    books["en"] = (hostile, "en", write_workbook(hostile, src / "en.xlsx", lang="en",
                                                   today=dt.date(2026, 6, 1)))
    plain = sample_design()
    books["ja"] = (plain, "ja", write_workbook(plain, src / "ja.xlsx", lang="ja", years=4))
    # an approver edits the assumptions: multiplier 1.3 → 2, analyst rate, the USD rate
    edited = sample_design()
    write_workbook(edited, src / "edited.xlsx", lang="en")
    wb = openpyxl.load_workbook(src / "edited.xlsx")
    ws = wb["Assumptions"]
    ws["B8"] = 2
    rows = {ws.cell(row=r, column=3).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(row=rows["analyst"], column=2).value = 7_000_000
    fx_rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(row=fx_rows["USD"], column=2).value = 100
    wb.save(src / "edited.xlsx")
    edited.update_budget(multiplier=Decimal(2), role_rates={"analyst": 7_000_000,
                                                            "edge": 6_000_010},
                         fx_rates={"USD": Decimal(100)})
    books["edited"] = (edited, "en", compute_budget(edited))
    empty = Design(Metadata(created="2026-04-01"))
    books["empty"] = (empty, "ja", write_workbook(empty, src / "empty.xlsx", lang="ja"))

    profile = (root / "profile").as_uri()
    cmd = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
           "--convert-to", "xlsx", "--outdir", str(out)] + [str(src / f"{k}.xlsx") for k in books]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    result = {}
    for key, (design, lang, budget) in books.items():
        path = out / f"{key}.xlsx"
        assert path.exists(), f"LibreOffice did not convert {key}: {done.stdout} {done.stderr}"
        result[key] = (design, lang, budget, openpyxl.load_workbook(path, data_only=True))
    return result


def _by_label(ws, first_col: int = 1) -> dict[str, list]:  # type: ignore[no-untyped-def]
    out = {}
    for row in ws.iter_rows(values_only=True):
        if isinstance(row[first_col - 1], str):
            out.setdefault(row[first_col - 1], list(row[first_col:]))
    return out


ERRORS = {"#NAME?", "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:502",
          "Err:504", "Err:508"}


def check_totals(wb: openpyxl.Workbook, b: Budget, lang: str) -> None:
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets
              for row in ws.iter_rows() for c in row if c.value in ERRORS]
    assert errors == []
    names = sheet_names(lang)
    n = len(b.years)
    summary = _by_label(wb[names[4]])
    for cat in CostCategory:
        values = summary[cat.label(lang)][: n + 1]
        assert values == list(b.by_category[cat]) + [sum(b.by_category[cat])], cat
    for exp in Expenditure:
        values = summary[exp.label(lang)][: n + 1]
        assert values == list(b.by_expenditure[exp]) + [sum(b.by_expenditure[exp])], exp
    total = "合計" if lang == "ja" else "Total"
    assert summary[total][: n + 1] == list(b.total_per_year) + [b.grand_total]
    assert [c.value for c in wb[names[4]][3][1:1 + n]] == [y.label(lang) for y in b.years]

    staffing = wb[names[2]]
    for i, p in enumerate(b.personnel):
        row = [c.value for c in staffing[4 + i]]
        assert row[9:9 + n] == list(p.per_year), p.member.name
    costs = wb[names[3]]
    yen0 = 6 + n + 1  # after the fixed columns, the amounts and the FX column
    for i, line in enumerate(b.items):
        row = [c.value for c in costs[4 + i]]
        assert row[yen0:yen0 + n] == list(line.per_year), line.item.name

    cover = _by_label(wb[names[0]])
    for y in range(n):
        assert cover[b.years[y].label(lang)][0] == b.total_per_year[y]
    grand = "総額（全年度）" if lang == "ja" else "Total, all years"
    assert cover[grand][0] == b.grand_total


def test_english_workbook_totals_equal_the_tool(recalculated: dict) -> None:
    design, lang, budget, wb = recalculated["en"]
    check_totals(wb, budget, lang)
    assert budget.grand_total > 0


def test_japanese_four_year_workbook_totals_equal_the_tool(recalculated: dict) -> None:
    design, lang, budget, wb = recalculated["ja"]
    assert len(budget.years) == 4
    check_totals(wb, budget, lang)


def test_changed_assumptions_move_the_totals(recalculated: dict) -> None:
    design, lang, budget, wb = recalculated["edited"]
    before = compute_budget(sample_design())
    assert budget.grand_total != before.grand_total
    check_totals(wb, budget, lang)


def test_empty_design_totals_are_zero_not_errors(recalculated: dict) -> None:
    design, lang, budget, wb = recalculated["empty"]
    assert budget.grand_total == 0
    check_totals(wb, budget, lang)


def test_injected_names_are_still_literal_text(recalculated: dict) -> None:
    _, _, _, wb = recalculated["en"]
    found = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value in INJECTIONS}
    assert found == set(INJECTIONS)
    staffing = wb["Staffing"]
    names = [c.value for c in staffing["C"]]
    assert "=1+1" in names and 2 not in names  # not evaluated to 2

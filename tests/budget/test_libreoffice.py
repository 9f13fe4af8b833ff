"""The workbook recalculated by a real spreadsheet engine equals the tool's own totals, and
equals the values the tool stored with every formula.

LibreOffice (headless) opens each saved workbook, computes every formula and saves a copy;
openpyxl reads the computed values back. One conversion run covers: the English workbook
with hostile names, the Japanese one, the Model 3 group (allocation sheet), a 24x7 design
with FIRST membership, and a copy in which an "approver" changed inputs (totals must move
to what the tool computes for those inputs). Slow (~5–10 s).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from orgdesigner import templates
from orgdesigner.budget import Budget, allocate, compute_budget
from orgdesigner.budget.workbook import sheet_names, write_workbook
from orgdesigner.model import (
    CostCategory,
    CsirtPlan,
    Design,
    Expenditure,
    Metadata,
    ServiceHours,
    Staffing,
)

from .sample import INJECTIONS, sample_design

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                       "install libreoffice-calc to check the workbook's formulas"),
]


def _always_on() -> Design:
    d = sample_design()
    plan = d.units["cs"].plan
    assert plan is not None
    d.set_plan("cs", CsirtPlan(plan.members, plan.services, ServiceHours.ALWAYS,
                               memberships=["FIRST", "NCA"]))
    return d


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
    group = templates.load("model-3")
    books["group"] = (group, "ja", write_workbook(group, src / "group.xlsx", lang="ja"))
    always = _always_on()
    books["always"] = (always, "en", write_workbook(always, src / "always.xlsx", lang="en"))
    # an approver edits the inputs: bonus months, the analyst's pay, the USD rate, and one
    # new hire becomes re-allocated time
    edited = sample_design()
    write_workbook(edited, src / "edited.xlsx", lang="en")
    wb = openpyxl.load_workbook(src / "edited.xlsx")
    ws = wb["Assumptions"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(row=rows["Bonus, months of base pay a year"], column=2).value = 2
    ws.cell(row=rows["Incident analyst"], column=2).value = 7_000_000
    ws.cell(row=rows["USD"], column=2).value = 100
    staffing = wb["Staffing"]
    assert staffing["C5"].value == "鈴木 花子"
    staffing["G5"] = Staffing.REALLOCATE.label("en")
    wb.save(src / "edited.xlsx")
    edited.update_budget(bonus_months=Decimal(2), role_rates={"analyst": 7_000_000,
                                                              "edge": 6_000_010},
                         fx_rates={"USD": Decimal(100)})
    plan = edited.units["cs"].plan
    assert plan is not None
    plan.members[1].staffing = Staffing.REALLOCATE
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
        result[key] = (design, lang, budget, openpyxl.load_workbook(path, data_only=True),
                       src / f"{key}.xlsx")
    return result


def _by_label(ws, first_col: int = 1) -> dict[str, list]:  # type: ignore[no-untyped-def]
    out = {}
    for row in ws.iter_rows(values_only=True):
        if isinstance(row[first_col - 1], str):
            out.setdefault(row[first_col - 1], list(row[first_col:]))
    return out


ERRORS = {"#NAME?", "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:502",
          "Err:504", "Err:508"}


def check_totals(wb: openpyxl.Workbook, b: Budget, lang: str, group: bool = False) -> None:
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets
              for row in ws.iter_rows() for c in row if c.value in ERRORS]
    assert errors == []
    names = sheet_names(lang, group)
    n = len(b.years)
    summary = _by_label(wb[names[4]])
    for cat in CostCategory:
        values = summary[cat.label(lang)][: n + 1]
        assert values == list(b.by_category[cat]) + [sum(b.by_category[cat])], cat
    for exp in Expenditure:
        values = summary[exp.label(lang)][: n + 1]
        assert values == list(b.by_expenditure[exp]) + [sum(b.by_expenditure[exp])], exp
    ja = lang == "ja"
    for label, series in (("新規支出（税抜）" if ja else "New money, before tax", b.new_money),
                          ("総コスト（税抜）" if ja else "Total cost, before tax",
                           b.total_per_year),
                          ("消費税" if ja else "Consumption tax", b.tax),
                          ("予備費" if ja else "Contingency", b.contingency)):
        assert summary[label][: n + 1] == list(series) + [sum(series)], label
    assert [c.value for c in wb[names[4]][3][1:1 + n]] == [y.label(lang) for y in b.years]
    staffing = wb[names[2]]
    for i, p in enumerate(b.personnel):
        row = [c.value for c in staffing[4 + i]]
        assert row[10:10 + n] == list(p.per_year), p.member.name
    cover = _by_label(wb[names[0]])
    for y in range(n):
        assert cover[b.years[y].label(lang)][:2] == [b.new_money[y], b.total_per_year[y]]
    assert cover["合計" if ja else "Total, all years"][:4] == [
        sum(b.new_money), b.grand_total, sum(b.new_money_incl_tax), sum(b.total_incl_tax)]


def check_cached(src, recalculated: openpyxl.Workbook) -> int:  # type: ignore[no-untyped-def]
    """Every formula's stored value equals LibreOffice's recalculation."""
    formulas = openpyxl.load_workbook(src)
    cached = openpyxl.load_workbook(src, data_only=True)
    count = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                count += 1
                mine = cached[ws.title][c.coordinate].value
                theirs = recalculated[ws.title][c.coordinate].value
                if isinstance(mine, float) or isinstance(theirs, float):
                    assert mine == pytest.approx(theirs, rel=1e-12), (ws.title, c.coordinate)
                else:
                    assert mine == theirs, (ws.title, c.coordinate, c.value)
    return count


@pytest.mark.parametrize("key", ["en", "ja", "group", "always", "empty"])
def test_stored_values_equal_the_recalculation_and_the_model(recalculated: dict,
                                                              key: str) -> None:
    design, lang, budget, wb, src = recalculated[key]
    check_totals(wb, budget, lang, group=key == "group")
    assert check_cached(src, wb) > (0 if key == "empty" else 50)


def test_group_allocation_recalculates(recalculated: dict) -> None:
    design, lang, budget, wb, _ = recalculated["group"]
    shares = allocate(design, budget)
    ws = wb[sheet_names(lang, True)[5]]
    rows = [r for r in ws.iter_rows(values_only=True) if r[0]]
    burdens = [r for r in rows if r[0] in {s.name(lang) for s in shares}]
    # blocks in order: key, own books, 負担金, settlement — four rows per company
    assert len(burdens) == 4 * len(shares)
    burden_block = burdens[2 * len(shares): 3 * len(shares)]
    for s, row in zip(shares, burden_block, strict=True):
        assert list(row[1:1 + len(budget.years)]) == list(s.burden)
    assert budget.internal == (12_000_000,) * 3  # the internal fee is shown, not counted


def test_changed_inputs_move_the_totals(recalculated: dict) -> None:
    design, lang, budget, wb, _ = recalculated["edited"]
    before = compute_budget(sample_design())
    assert budget.grand_total != before.grand_total
    assert budget.new_money != before.new_money
    check_totals(wb, budget, lang)


def test_injected_names_are_still_literal_text(recalculated: dict) -> None:
    _, _, _, wb, _ = recalculated["en"]
    found = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value in INJECTIONS}
    assert found == set(INJECTIONS)
    staffing = wb["Staffing"]
    names = [c.value for c in staffing["C"]]
    assert "=1+1" in names and 2 not in names  # not evaluated to 2

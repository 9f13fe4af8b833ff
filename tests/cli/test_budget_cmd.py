"""CLI: `orgdesigner budget FILE` prints the per-year summary; `-o OUT.xlsx` writes the
workbook; every bad input is one line on stderr with exit status 2."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from orgdesigner.budget import compute_budget
from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.model import CostCategory, CostItem
from tests.budget.sample import sample_design


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def design_file(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.orgd"
    orgd.save(sample_design(), path)
    return path


def test_budget_prints_totals_per_year(capsys, design_file) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "budget", str(design_file))
    assert code == 0 and err == ""
    lines = out.splitlines()
    header = next(line for line in lines if "FY2027" in line)
    assert header.split() == ["FY2027", "FY2028", "FY2029", "Total"]
    b = compute_budget(sample_design())
    total = next(line for line in lines if line.startswith("Total cost, before tax"))
    assert total.split()[4:] == [f"{v:,}" for v in (*b.total_per_year, b.grand_total)]
    new = next(line for line in lines if line.startswith("New money, before tax"))
    assert new.split()[4:] == [f"{v:,}" for v in (*b.new_money, sum(b.new_money))]
    capex = next(line for line in lines if line.startswith("CAPEX"))
    assert capex.split()[1:] == ["0", "3,500,000", "0", "3,500,000"]
    assert "illustrative" in out


def test_budget_in_japanese_with_more_years(capsys, design_file) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "budget", str(design_file), "--lang", "ja", "--years", "5")
    assert code == 0
    assert "2031年度" in out and "人件費" in out and "単位: 円" in out
    personnel = next(line for line in out.splitlines() if line.startswith("人件費"))
    b = compute_budget(sample_design(), years=5)
    assert personnel.split()[1:3] == [f"{v:,}" for v in b.by_category[CostCategory.PERSONNEL][:2]]


def test_user_settings_change_the_rates(capsys, design_file) -> None:  # type: ignore[no-untyped-def]
    from orgdesigner.settings import Settings, save_settings

    save_settings(Settings(cost_model={"bonus_months": Decimal(0), "welfare_rate": Decimal(0),
                                       "office_per_head": Decimal(0)},
                           role_rates={"manager": 10_000_000}))
    code, out, _ = run(capsys, "budget", str(design_file))
    assert code == 0
    personnel = next(line for line in out.splitlines() if line.startswith("Personnel"))
    # no bonus, welfare or office: base pay × FTE. manager 10,000,000 (settings); analyst
    # 5,400,000; engineer 5,760,000 × 0.3; edge (design rate) 6,000,010 × 0.5
    assert personnel.split()[1] == f"{10_000_000 + 5_400_000 + 1_728_000 + 3_000_005:,}"


def test_budget_writes_the_workbook(capsys, design_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out_path = tmp_path / "予算.xlsx"
    code, out, err = run(capsys, "budget", str(design_file), "-o", str(out_path), "--lang",
                         "ja", "--years", "4", "--no-diagram")
    assert code == 0, err
    assert "135,905,179" not in out and str(out_path) in out  # four years, not three
    wb = openpyxl.load_workbook(out_path)
    assert wb.sheetnames[0] == "表紙"
    headers = [c.value for c in wb["集計"][3] if c.value is not None]
    assert headers[-1] == "合計" and len(headers) == 6  # category, 4 years, total


def test_budget_errors_are_one_line(capsys, design_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (["budget", str(tmp_path / "missing.orgd")], "missing.orgd"),
        (["budget", str(design_file), "-o", str(tmp_path / "b.csv")], ".xlsx"),
        (["budget", str(design_file), "--years", "0"], "--years"),
        (["budget", str(design_file), "-o", str(tmp_path / "no" / "b.xlsx")], "cannot write"),
    ]
    for args, expected in cases:
        code, out, err = run(capsys, *args)
        assert code == 2, args
        assert err.startswith("orgdesigner: error:") and expected in err, err
        assert len(err.strip().splitlines()) == 1
    d = sample_design()
    d.add_cost(CostItem("gbp", "UK course", amounts=[Decimal(1)], currency="GBP"))
    bad = tmp_path / "gbp.orgd"
    orgd.save(d, bad)
    code, _, err = run(capsys, "budget", str(bad))
    assert code == 2 and "GBP" in err


def test_budget_is_listed_in_help(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "budget" in capsys.readouterr().out

"""CLI: `orgdesigner budget FILE` prints the per-year summary; `-o OUT.xlsx` writes the
workbook; every bad input is one line on stderr with exit status 2."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.model import CostItem
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
    total = next(line for line in lines if line.startswith("Total"))
    assert total.split()[1:] == ["41,105,005", "48,070,087", "46,730,087", "135,905,179"]
    capex = next(line for line in lines if line.startswith("CAPEX"))
    assert capex.split()[1:] == ["0", "3,500,000", "0", "3,500,000"]
    assert "illustrative" in out


def test_budget_in_japanese_with_more_years(capsys, design_file) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "budget", str(design_file), "--lang", "ja", "--years", "5")
    assert code == 0
    assert "2031年度" in out and "人件費" in out and "単位: 円" in out
    personnel = next(line for line in out.splitlines() if line.startswith("人件費"))
    assert personnel.split()[1:3] == ["25,935,007", "29,510,007"]


def test_user_settings_change_the_rates(capsys, design_file) -> None:  # type: ignore[no-untyped-def]
    from orgdesigner.settings import Settings, save_settings

    save_settings(Settings(multiplier=Decimal("2"), role_rates={"manager": 10_000_000}))
    code, out, _ = run(capsys, "budget", str(design_file))
    assert code == 0
    personnel = next(line for line in out.splitlines() if line.startswith("Personnel"))
    # manager 10,000,000 × 2; analyst 6,000,000 × 2; engineer 6,500,000 × 2 × 0.3;
    # edge (design rate) 6,000,010 × 2 × 0.5
    assert personnel.split()[1] == f"{20_000_000 + 12_000_000 + 3_900_000 + 6_000_010:,}"


def test_budget_writes_the_workbook(capsys, design_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out_path = tmp_path / "予算.xlsx"
    code, out, err = run(capsys, "budget", str(design_file), "-o", str(out_path), "--lang",
                         "ja", "--years", "4", "--no-diagram")
    assert code == 0, err
    assert "135,905,179" not in out and str(out_path) in out  # four years, not three
    wb = openpyxl.load_workbook(out_path)
    assert wb.sheetnames[0] == "表紙"
    headers = [c.value for c in wb["集計"][3]]
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

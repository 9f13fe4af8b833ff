"""Sheets: per-row encoding, header-only sheets, round trips that keep spaces, the .xlsx
cell limit, and a full disk while writing a workbook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner.formats import orgd
from orgdesigner.formats.table_export import TableExportError, write_table
from orgdesigner.formats.table_import import TableImportError, read_table
from orgdesigner.model import Design, Unit, UnitKind
from tests.hostile.corpus import table_cases


def _problems(path: Path) -> list[str]:
    with pytest.raises(TableImportError) as info:
        read_table(path)
    return [str(p) for p in info.value.problems if p.fatal]


def test_a_cp932_file_with_a_utf8_row_names_that_row(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_bytes("id,name\na,本社\n".encode("cp932") + "b,営業部\n".encode())
    assert _problems(p) == ["mixed.csv:3: this row is UTF-8 but the file was read as "
                            "Shift_JIS (CP932): the file mixes encodings; re-save it in one"]
    p.write_bytes("id,name\na,本社\nb,営業部\n".encode("cp932"))
    assert [u.name for u in read_table(p).design.units.values()] == ["本社", "営業部"]


def test_a_header_without_rows_is_an_error(tmp_path):
    p = tmp_path / "empty.csv"
    p.write_text("id,name,parent\n", encoding="utf-8")
    assert _problems(p) == ["empty.csv:1: the sheet has a header but no units"]


@pytest.mark.parametrize("name, words", [
    ("wide_header.csv", "columns"), ("long_cell.csv", "field larger"),
    ("merge_xfc.xlsx", "columns"), ("shared_bomb.xlsx", "larger than 8 MB"),
    ("inline_huge.xlsx", "larger than 8 MB")])
def test_hostile_sheets_are_refused_in_one_line(tmp_path, name, words):
    path = table_cases(tmp_path, 0.02)[name]
    problems = _problems(path)
    assert len(problems) == 1 and words in problems[0] and len(problems[0]) < 300


def test_many_copies_of_a_long_merge_cost_nothing(tmp_path):
    """5,000 copies of a merge over 100,000 rows: cut to the rows with data, once."""
    result = read_table(table_cases(tmp_path, 0.02)["merge_many.xlsx"])
    assert [u.name for u in result.design.units.values()] == ["A"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_keeps_leading_and_trailing_spaces_and_tabs(tmp_path, suffix):
    d = Design()
    d.add_unit(Unit("a", "  営業部\t", name_en=" Sales ", kind=UnitKind.DEPARTMENT,
                    notes="\tnote with a tab  "))
    path = tmp_path / f"t{suffix}"
    write_table(d, path)
    u = read_table(path).design.units["a"]
    assert (u.name, u.name_en, u.notes) == ("  営業部\t", " Sales ", "\tnote with a tab  ")


def test_xlsx_refuses_notes_longer_than_a_cell_holds(tmp_path):
    d = Design()
    d.add_unit(Unit("a", "A", kind=UnitKind.SECTION, notes="n" * 40_000))
    with pytest.raises(TableExportError, match="32,767"):
        write_table(d, tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()
    write_table(d, tmp_path / "t.csv")  # CSV holds it, whole
    assert read_table(tmp_path / "t.csv").design.units["a"].notes == "n" * 40_000


FULL_DISK = """
import errno, pathlib, sys
def full(self, data):
    raise OSError(errno.ENOSPC, "No space left on device")
pathlib.Path.write_bytes = full
from orgdesigner.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", [["budget", "--no-diagram", "-o", "{out}.xlsx"],
                                     ["export", "-o", "{out}.xlsx"]])
def test_a_full_disk_is_one_error_line_without_noise(tmp_path, command):
    design = tmp_path / "d.orgd"
    orgd.save(Design(), design)
    out = str(tmp_path / "out")
    args = [command[0], str(design), *(a.replace("{out}", out) for a in command[1:])]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    r = subprocess.run([sys.executable, "-c", FULL_DISK, *args], capture_output=True,
                       env=env, text=True)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["d.orgd"]

"""Table import errors: every kind, each at its sheet/row/column, all at once, nothing built."""

from __future__ import annotations

import pytest

from orgdesigner.formats import table_read
from orgdesigner.formats.table_import import TableImportError, read_table
from orgdesigner.formats.table_problems import TableProblem


def problems(tmp_path, units: str, flows: str | None = None, name: str = "u.csv") -> list[str]:
    sheet = tmp_path / name
    sheet.write_text(units, encoding="utf-8")
    flows_path = None
    if flows is not None:
        flows_path = tmp_path / "f.csv"
        flows_path.write_text(flows, encoding="utf-8")
    with pytest.raises(TableImportError) as info:
        read_table(sheet, flows_path=flows_path)
    assert info.value.errors, "a TableImportError always carries at least one error"
    return [str(p) for p in info.value.errors]


def test_unknown_parent_with_suggestion(tmp_path):
    assert problems(tmp_path, "id,name,parent\nsales,Sales,\nit,IT,sale\n") == [
        "u.csv:3:C: unknown parent 'sale': no unit has that id or name; did you mean 'sales'?"]


def test_ambiguous_parent_name(tmp_path):
    lines = problems(tmp_path, "部署ID,部署名,上位部署\nH1,経営層,\nS1,経営層,\n"
                               "H2,情報システム部,経営層\n")
    assert lines == ["u.csv:4:C: ambiguous parent '経営層': 2 units have that name — row 2 "
                     "(id H1), row 3 (id S1); give the id instead"]


def test_duplicate_id(tmp_path):
    assert problems(tmp_path, "id,name\na,One\nb,Two\na,Three\n") == [
        "u.csv:4:A: duplicate id 'a' (first used on row 2)"]


def test_reporting_cycle_lists_the_whole_loop(tmp_path):
    lines = problems(tmp_path, "id,name,parent\ntop,Top,\na,A,c\nb,B,a\nc,C,b\nself,Self,self\n")
    assert lines == [
        "u.csv:3:C: reporting cycle (each reports to the next): 'a' (row 3) → 'c' (row 5) → "
        "'b' (row 4) → 'a' (row 3); change one of these parents",
        "u.csv:6:C: unit 'self' cannot report to itself"]


def test_two_separate_cycles_are_two_errors(tmp_path):
    lines = problems(tmp_path, "id,name,parent\na,A,b\nb,B,a\nc,C,d\nd,D,c\n")
    assert len(lines) == 2 and all("reporting cycle" in line for line in lines)
    assert lines[0].startswith("u.csv:2:C:") and lines[1].startswith("u.csv:4:C:")


def test_unknown_kind_and_function_suggest_the_nearest(tmp_path):
    lines = problems(tmp_path, "id,name,kind,functions\na,A,departmnt,\nb,B,部署,営業;legl\n"
                               "c,C,zzz,\n")
    assert lines == [
        "u.csv:2:C: unknown kind 'departmnt'; did you mean 'department'?",
        "u.csv:3:C: unknown kind '部署'; did you mean '部'?",
        "u.csv:3:D: unknown function 'legl'; did you mean 'legal'?",
        "u.csv:4:C: unknown kind 'zzz' (known: management, executive, department, division, "
        "section, csirt, team, external)"]


@pytest.mark.parametrize("value", ["many", "-3", "2.5", "1e3", "20000000"])
def test_bad_headcount(tmp_path, value):
    lines = problems(tmp_path, f'id,name,headcount\na,A,"{value}"\n')
    assert lines == [f"u.csv:2:C: bad headcount '{value}': expected a whole number from 0 "
                     "to 10,000,000"]


def test_empty_name(tmp_path):
    assert problems(tmp_path, "id,name,kind\na,,section\n") == [
        "u.csv:2:B: empty name: every unit needs a name"]


def test_missing_required_column(tmp_path):
    assert problems(tmp_path, "id,parent,kind\na,,section\n") == [
        "u.csv:1: missing required column 'name or name_en'"]


def test_no_header_row(tmp_path):
    assert problems(tmp_path, "foo,bar\n1,2\n") == [
        "u.csv:1: no header row found in the first 10 rows; expected column names such as "
        "id, name, parent, kind (or 部署ID, 部署名, 上位部署, 種別)"]


def test_repeated_column(tmp_path):
    assert problems(tmp_path, "id,name,部署名\na,A,B\n") == [
        "u.csv:1:C: column '部署名' repeats column B (name); remove one of them"]


def test_flow_errors(tmp_path):
    lines = problems(tmp_path, "id,name,parent\na,A,\nb,B,a\nc,C,b\n",
                     "from,to,kind,label\na,x,support,\nb,b,command,\nc,a,ordr,\n"
                     "c,a,,\na,c,reporting,\n,a,report,\n")
    assert lines == [
        "f.csv:2:B: unknown unit 'x': no unit has that id or name",
        "f.csv:3:B: flow starts and ends at the same unit 'b'",
        "f.csv:4:C: unknown flow kind 'ordr'; did you mean 'order'?",
        "f.csv:5:C: flow kind is empty (one of reporting, command, delegation, consensus, "
        "support, report, coordination)",
        "f.csv:6:A: 'c' already reports to 'b' (u.csv row 4); a unit has one reporting superior",
        "f.csv:7:A: 'from' is empty: a flow needs both ends"]


def test_cycle_through_a_reporting_flow_is_found(tmp_path):
    lines = problems(tmp_path, "id,name,parent\na,A,\nb,B,a\n", "from,to,kind\nb,a,reporting\n")
    assert len(lines) == 1 and "reporting cycle" in lines[0] and "'a' (row 2)" in lines[0]


def test_every_problem_at_once_and_nothing_imported(tmp_path):
    sheet = ("id,name,parent,kind,functions,headcount\n"
             "a,A,,management,,10\n"
             "a,Dup,,,,\n"
             "b,,a,dept,,x\n"
             "c,C,nowhere,divison,hr,\n")
    lines = problems(tmp_path, sheet)
    assert [line.split(": ")[0] for line in lines] == [
        "u.csv:3:A", "u.csv:4:B", "u.csv:4:F", "u.csv:5:C", "u.csv:5:D", "u.csv:5:E"]


def test_warnings_travel_with_the_errors(tmp_path):
    (tmp_path / "u.csv").write_text("id,name,kind,extra\na,A,,1\nb,,,\n", encoding="utf-8")
    with pytest.raises(TableImportError) as info:
        read_table(tmp_path / "u.csv")
    assert [p.severity for p in info.value.problems] == ["warning", "warning", "error",
                                                         "warning"]
    assert [r.id for r in info.value.preview] == ["a", "b"]


def test_files_that_are_not_sheets(tmp_path):
    with pytest.raises(TableImportError, match="u.csv: no such file"):
        read_table(tmp_path / "u.csv")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(TableImportError, match=r"old Excel 97–2003 \(.xls\)"):
        read_table(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableImportError, match="not a readable .xlsx workbook"):
        read_table(broken)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(TableImportError, match="the sheet is empty"):
        read_table(empty)


def test_huge_input_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(table_read, "MAX_ROWS", 100)
    sheet = tmp_path / "u.csv"
    sheet.write_text("id,name\n" + "".join(f"{i},U{i}\n" for i in range(200)), encoding="utf-8")
    with pytest.raises(TableImportError, match="more than 100 rows"):
        read_table(sheet)
    monkeypatch.setattr(table_read, "MAX_BYTES", 1000)
    with pytest.raises(TableImportError, match=r"file is 0.0 MB; sheets larger than 0 MB"):
        read_table(sheet)


def test_problem_text_format():
    assert str(TableProblem("units", 5, "C", "boom")) == "units:5:C: boom"
    assert str(TableProblem("units", 5, "", "boom", "warning")) == "units:5: warning: boom"
    assert str(TableProblem("u.csv", 0, "", "no such file")) == "u.csv: no such file"
    assert TableProblem("units", 5, "C", "x").cell == "C5"

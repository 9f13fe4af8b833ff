"""Table import: hand-written English and Japanese sheets, encodings, headers, aliases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgdesigner.formats import orgd, table_aliases
from orgdesigner.formats.table_import import TableImportError, read_table
from orgdesigner.model import CompanyKind, FlowKind, Function, UnitKind

DATA = Path(__file__).parent / "data"


def _flows(design):
    return sorted((f.source, f.target, f.kind.value, f.label) for f in design.flows.values()
                  if f.kind is not FlowKind.REPORTING)


def test_english_sheet_with_title_row_and_flows():
    result = read_table(DATA / "units_en.csv", flows_path=DATA / "flows_en.csv")
    d = result.design
    assert list(d.units) == ["mgmt", "cio", "sys", "dev", "adm", "risk", "csirt", "mkt", "jpcert"]
    assert d.superior("dev") == "sys"  # parent given by name
    assert d.superior("csirt") == "risk" and d.superior("mgmt") is None
    assert d.units["cio"].kind is UnitKind.EXECUTIVE
    assert d.units["adm"].kind is UnitKind.DEPARTMENT  # "Department": case-insensitive
    assert d.units["mkt"].kind is UnitKind.DEPARTMENT  # "dept" alias
    assert d.units["sys"].functions == (Function.IT_OPERATIONS, Function.SYSTEM_DEVELOPMENT)
    assert d.units["mkt"].functions == (Function.MARKETING, Function.PROFIT_CENTER)
    assert d.units["mkt"].headcount == 1200 and d.units["csirt"].headcount == 4
    assert d.units["mgmt"].notes == "Board and president"
    assert [c.name for c in d.companies.values()] == ["Example Corp."]
    assert d.units["jpcert"].company == "" and d.units["sys"].company == "c1"
    assert _flows(d) == [("cio", "csirt", "delegation", "authority"),
                         ("csirt", "jpcert", "coordination", "incident coordination"),
                         ("csirt", "sys", "support", "technical support"),
                         ("mkt", "csirt", "report", "")]
    assert result.sources == ["units_en.csv", "flows_en.csv"]
    assert [r.id for r in result.rows][:2] == ["mgmt", "cio"]


def test_result_is_laid_out_as_a_tree():
    d = read_table(DATA / "units_en.csv").design
    positions = {(u.x, u.y) for u in d.units.values()}
    assert len(positions) == len(d.units)  # every unit has its own place
    for uid in d.units:
        sup = d.superior(uid)
        if sup is not None:  # top-down: a superior sits above its subordinates
            assert d.units[sup].y < d.units[uid].y
    frame = d.companies["c1"]
    assert frame.width > 0 and frame.height > 0


def test_japanese_sheet_with_sibling_flows_file():
    result = read_table(DATA / "units_ja.csv")
    d = result.design
    assert d.units["H003"].kind is UnitKind.SECTION and d.superior("H003") == "H002"
    assert d.units["H005"].kind is UnitKind.DIVISION
    assert d.units["H005"].functions == (Function.SALES, Function.MARKETING)
    assert d.units["X001"].kind is UnitKind.EXTERNAL
    assert d.units["H002"].name_en == "IT Dept." and d.units["H006"].name == "総務部"
    assert [(c.name, c.kind) for c in d.companies.values()] == [
        ("本社", CompanyKind.PARENT), ("ＸＹＺシステムズ", CompanyKind.SUBSIDIARY)]
    assert ("H004", "H002", "command", "インシデント時の指示") in _flows(d)
    assert ("H004", "H003", "consensus", "") in _flows(d)
    assert any("units_ja.flows.csv" in p.message for p in result.warnings)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis"])
def test_japanese_csv_in_every_excel_encoding(tmp_path, encoding):
    text = (DATA / "units_ja.csv").read_text(encoding="utf-8")
    sheet = tmp_path / "units.csv"
    sheet.write_bytes(text.encode(encoding))
    shutil.copy(DATA / "units_ja.flows.csv", tmp_path / "units.flows.csv")
    got = read_table(sheet).design
    reference = read_table(DATA / "units_ja.csv").design
    assert orgd.dumps(got) == orgd.dumps(reference)
    detected = read_table(sheet).warnings
    assert any("CP932" in p.message for p in detected) == (encoding in ("cp932", "shift_jis"))


def test_explicit_encoding_and_undecodable_bytes(tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_bytes("部署名\n経営層\n".encode("cp932"))
    assert read_table(sheet, encoding="cp932").design.units["u2"].name == "経営層"
    with pytest.raises(TableImportError, match="not valid utf-8"):
        read_table(sheet, encoding="utf-8")
    with pytest.raises(TableImportError, match="unknown encoding 'klingon'"):
        read_table(sheet, encoding="klingon")
    sheet.write_bytes(b"name\n\x81\xff\xfe\n")
    with pytest.raises(TableImportError, match="neither UTF-8 nor Shift_JIS"):
        read_table(sheet)
    # Good UTF-8 Japanese, then one damaged byte: not silently read as Shift_JIS mojibake.
    sheet.write_bytes("部署名\n経営層\n".encode() + b"\xe7\x94\n")
    with pytest.raises(TableImportError, match="damaged byte 0xe7 at offset 20"):
        read_table(sheet)


def test_utf16_tab_separated_excel_unicode_text(tmp_path):
    sheet = tmp_path / "u.txt"
    sheet.write_bytes("部署ID\t部署名\t上位部署\nA\t本社\t\nB\t情シス\tA\n".encode("utf-16"))
    d = read_table(sheet).design
    assert d.superior("B") == "A" and d.units["B"].name == "情シス"


def test_headers_are_case_space_and_width_insensitive(tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_text("  ＩＤ , NAME ,reports_to, Unit Type ,HEAD COUNT\n"
                     "a,Top,,Management,3\nb,Child,a,SECTION,\n", encoding="utf-8")
    d = read_table(sheet).design
    assert d.superior("b") == "a" and d.units["b"].kind is UnitKind.SECTION
    assert d.units["a"].headcount == 3 and d.units["b"].headcount == 0


def test_semicolon_separated_csv_and_numeric_ids(tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_text("id;name;parent;functions\n001;Top;;\n002;IT;001;IT operations,総務\n",
                     encoding="utf-8")
    d = read_table(sheet).design
    assert d.superior("002") == "001"  # leading zeros kept: ids are text
    assert d.units["002"].functions == (Function.IT_OPERATIONS, Function.GENERAL_AFFAIRS)


def test_defaults_and_ignored_columns_are_warnings(tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_text("id,name,kind,colour\na,Top,,red\nb,Other,,\n", encoding="utf-8")
    result = read_table(sheet)
    assert all(u.kind is UnitKind.DEPARTMENT for u in result.design.units.values())
    lines = [str(p) for p in result.warnings]
    assert "u.csv:1:D: warning: column 'colour' is not recognised and was ignored" in lines
    assert "u.csv:2:C: warning: kind is empty; imported as a department" in lines
    assert "u.csv:3:C: warning: kind is empty; imported as a department" in lines


def test_without_id_column_ids_come_from_rows_and_parents_from_names(tmp_path):
    sheet = tmp_path / "u.csv"
    sheet.write_text("部署名,上位部署\n本社,\n情報システム部,本社\nCSIRT,情報システム部\n",
                     encoding="utf-8")
    result = read_table(sheet)
    assert list(result.design.units) == ["u2", "u3", "u4"]
    assert result.design.superior("u4") == "u3"
    assert any("no id column" in p.message for p in result.warnings)


def test_companies_sheet_sets_kinds_and_names(tmp_path):
    (tmp_path / "u.csv").write_text("id,name,company\na,Top,HQ\nb,Ops,itco\n", encoding="utf-8")
    (tmp_path / "u.companies.csv").write_text(
        "会社ID,会社名,英語名,種別,対象\nhq,本社,HQ,親会社,はい\nitco,情報システム子会社X,,IT子会社,いいえ\n",
        encoding="utf-8")
    d = read_table(tmp_path / "u.csv").design
    assert d.units["a"].company == "hq"  # matched by English name
    assert d.units["b"].company == "itco"  # matched by id
    assert d.companies["itco"].kind is CompanyKind.IT_SUBSIDIARY
    assert d.companies["itco"].in_scope is False


def test_reporting_lines_may_come_from_the_flows_sheet(tmp_path):
    (tmp_path / "u.csv").write_text("id,name,parent\na,Top,\nb,Mid,a\nc,Low,\n", encoding="utf-8")
    (tmp_path / "f.csv").write_text("from,to,kind,label\nb,c,reporting,acting\na,b,reporting,"
                                    "line\n", encoding="utf-8")
    d = read_table(tmp_path / "u.csv", flows_path=tmp_path / "f.csv").design
    assert d.superior("c") == "b"
    labels = {(f.source, f.target): f.label for f in d.flows.values()}
    assert labels == {("a", "b"): "line", ("b", "c"): "acting"}


def test_alias_table_covers_every_value_and_label():
    for words, members in ((table_aliases.UNIT_KIND_WORDS, UnitKind),
                           (table_aliases.FUNCTION_WORDS, Function),
                           (table_aliases.FLOW_KIND_WORDS, FlowKind),
                           (table_aliases.COMPANY_KIND_WORDS, CompanyKind)):
        for m in members:
            assert words.get(m.value) is m
            assert words.get(m.label("en").upper()) is m
            assert words.get(m.label("ja")) is m
    assert table_aliases.UNIT_KIND_WORDS.get("本部") is UnitKind.DIVISION
    assert table_aliases.UNIT_KIND_WORDS.get("事業部") is UnitKind.DIVISION
    assert table_aliases.UNIT_KIND_WORDS.get("課") is UnitKind.SECTION
    assert table_aliases.UNIT_KIND_WORDS.get("役員") is UnitKind.EXECUTIVE
    assert table_aliases.UNIT_KIND_WORDS.get("外部") is UnitKind.EXTERNAL
    assert table_aliases.UNIT_KIND_WORDS.get("部") is UnitKind.DEPARTMENT


def test_alias_tables_refuse_a_word_with_two_meanings():
    with pytest.raises(table_aliases.AliasConflict, match="'X' means both 'a' and 'b'"):
        table_aliases._lookup({"a": ("x",), "b": ("X",)})


def test_every_documented_alias_is_in_the_module_docstring():
    doc = table_aliases.__doc__
    for table in (table_aliases.UNIT_KINDS, table_aliases.FUNCTIONS, table_aliases.FLOW_KINDS,
                  table_aliases.COMPANY_KINDS):
        for member, spellings in table.items():
            assert member.value in doc
            for s in spellings:
                assert s in doc, f"{s!r} ({member.value}) is missing from the docstring"
    for columns in (table_aliases.UNIT_COLUMNS, table_aliases.FLOW_COLUMNS,
                    table_aliases.COMPANY_COLUMNS):
        for column, spellings in columns.items():
            for s in spellings:
                if s != "部署名(英語)":  # the same word as 部署名（英語） once normalised
                    assert s in doc, f"header {s!r} ({column}) is missing from the docstring"


@pytest.mark.parametrize("sheet", ["units_en.csv", "units_ja.csv", "own.csv"])
def test_bulk_build_is_the_one_by_one_build(sheet, tmp_path, monkeypatch):
    """Units and flows are added in bulk (model.bulk) when every row is plainly valid; the
    design is exactly the one adding them one by one gives: same ids (flow ids skip a unit
    called f2), same order."""
    from orgdesigner.formats import table_import

    if sheet == "own.csv":
        (tmp_path / sheet).write_text("id,name,parent,kind\nm,経営層,,management\n"
                                      "f2,情報システム部,m,department\nc,CSIRT,f2,csirt\n"
                                      "s,営業部,m,department\n", encoding="utf-8")
        (tmp_path / "own.flows.csv").write_text("source,target,kind\nc,s,support\n"
                                                "m,c,delegation\n", encoding="utf-8")
    else:
        shutil.copy(DATA / sheet, tmp_path / sheet)
        for side in DATA.glob(Path(sheet).stem + ".*.csv"):
            shutil.copy(side, tmp_path / side.name)
    flows = {"units_en.csv": DATA / "flows_en.csv"}.get(sheet)
    took: list[bool] = []
    for name in ("add_units", "add_flows"):
        real = getattr(table_import, name)
        monkeypatch.setattr(table_import, name, lambda design, rows, real=real:
                            took.append(real(design, rows)) or took[-1])
    bulk = read_table(tmp_path / sheet, flows_path=flows, layout=False).design
    assert len(bulk.flows) > len(bulk.units) // 2
    assert took and all(took)  # the bulk road was taken
    if sheet == "own.csv":
        assert "f2" in bulk.units and "f1" in bulk.flows and "f3" in bulk.flows
    monkeypatch.setattr(table_import, "add_units", lambda design, rows: False)
    monkeypatch.setattr(table_import, "add_flows", lambda design, rows: False)
    one_by_one = read_table(tmp_path / sheet, flows_path=flows, layout=False).design
    assert orgd.dumps(one_by_one) == orgd.dumps(bulk)

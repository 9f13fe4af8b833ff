"""Errors and warnings of the Qt-free packages in both languages (issue 10).

For each family (.orgd load, table import, export, write, settings, budget) a representative
problem keeps its English text exactly and reads in Japanese with no English words left
beyond ids, paths, quoted user values and format names."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner.formats import orgd
from orgdesigner.formats.atomic import WriteError, atomic_write
from orgdesigner.formats.table_import import TableImportError, read_table
from orgdesigner.messages import MESSAGES, Field, Message, exc_text, msg, placeholders

#: words a Japanese line may keep: format and product names, abbreviations a Japanese CISO uses
ALLOWED = {"JSON", "UTF", "CSV", "PNG", "SVG", "PDF", "DOT", "OrgDesigner", "Excel", "ID",
           "MB", "KB", "DPI", "Graphviz", "BOM", "CP", "Shift_JIS", "xlsx", "orgd"}


def english_words(text: str, *keep: str) -> list[str]:
    """ASCII words left in `text` once quoted values (「…」), the given ids/paths and
    allowed names are taken out."""
    for k in sorted(keep, key=len, reverse=True):
        text = text.replace(k, " ")
    text = re.sub(r"「[^」]*」", " ", text)
    words = re.findall(r"[A-Za-z_]{2,}", text)
    return [w for w in words if w not in ALLOWED and not set(w) <= set("JIS_hift")]


def has_japanese(text: str) -> bool:
    return re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) is not None


# ---- the catalogue -------------------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    en, ja = MESSAGES[key]
    assert en.strip() and ja.strip()
    assert placeholders(en) == placeholders(ja), key
    words = re.sub(r"\{[^}]*\}", "", en)  # the template's own words, not its placeholders
    assert has_japanese(ja) or not re.search(r"[A-Za-z]{3,}", words), \
        f"{key}: the Japanese template is not Japanese"


def test_a_message_is_its_english_text_and_renders_japanese():
    m = msg("value.not_enum", what=Field("unit kind"), value="departmnt",
            hint=msg("hint.did_you_mean", choice="department"))
    assert isinstance(m, str)
    assert m == "'departmnt' is not a unit kind; did you mean 'department'?"
    assert str(m) == m and type(str(m)) is str
    assert m.text("ja") == ("部署の種別「departmnt」は不明です。"
                            "「department」の誤りではありませんか？")
    copy = pickle.loads(pickle.dumps(m))
    assert isinstance(copy, Message) and copy.text("ja") == m.text("ja")


def test_an_exception_raised_with_a_message_renders_in_japanese():
    from orgdesigner.model import Design, Unit, UnitKind

    d = Design()
    d.add_unit(Unit("a", "総務部", UnitKind.DEPARTMENT))
    with pytest.raises(Exception) as info:
        d.add_unit(Unit("a", "営業部", UnitKind.DEPARTMENT))
    assert str(info.value) == "a unit with id 'a' already exists"
    assert exc_text(info.value, "ja") == "ID「a」の部署がすでにあります"


# ---- .orgd load problems -------------------------------------------------------------------

def _load_error(tmp_path: Path, data: object, raw: bytes | None = None) -> orgd.LoadError:
    f = tmp_path / "設計.orgd"
    f.write_bytes(raw if raw is not None else json.dumps(data).encode())
    with pytest.raises(orgd.LoadError) as info:
        orgd.load(f)
    return info.value


def test_orgd_unknown_kind_in_japanese_and_english_unchanged(tmp_path):
    err = _load_error(tmp_path, {"format": "orgdesigner", "version": 1, "units": [
        {"id": "a", "name": "x", "kind": "department"},
        {"id": "b", "name": "y", "kind": "departmnt"},
        {"id": "c", "name": "z", "kind": "team", "headcount": -3}]})
    src = str(tmp_path / "設計.orgd")
    assert err.lines() == [
        f"{src}: units[1]: 'departmnt' is not a unit kind; did you mean 'department'?",
        f"{src}: units[2]: headcount must be between 0 and 10000000, not -3"]
    assert str(err) == (f"{src}: units[1]: 'departmnt' is not a unit kind; did you mean "
                        "'department'? (and 1 more problem(s))")
    ja = err.lines("ja")
    assert ja[0] == (f"{src}: units[1]：部署の種別「departmnt」は不明です。"
                     "「department」の誤りではありませんか？")
    assert "人数" in ja[1] and "0～10000000" in ja[1]
    assert err.text("ja").endswith("（ほか 1 件の問題）")
    for line in ja:
        assert not english_words(line, src, "units[1]", "units[2]"), line


@pytest.mark.parametrize("data, raw, where", [
    (None, b'{"format": "orgdesigner", "version": 1,', ""),
    ({"format": "orgdesigner", "version": 99}, None, "version"),
    ({"format": "something"}, None, "format"),
    (None, b"\xff\xfe\x00garbage", ""),
    ({"format": "orgdesigner", "version": 1, "flows": [
        {"id": "f", "source": "a", "target": "b", "kind": "reporting"}]}, None, "flows[0]"),
    ({"format": "orgdesigner", "version": 1, "units": [{"id": "a", "kind": "team"}]}, None,
     "units[0]"),
])
def test_orgd_load_problems_read_in_japanese(tmp_path, data, raw, where):
    err = _load_error(tmp_path, data, raw)
    (line,) = err.lines("ja")
    src = str(tmp_path / "設計.orgd")
    assert has_japanese(line)
    # JSON's own parser detail (e.g. "Expecting value") is kept as the parser wrote it
    detail = re.sub(r"：[A-Z][a-z]+ [a-z ]+）$", "）", line)
    assert not english_words(detail, src, where, '"format": "orgdesigner"'), line


def test_missing_file_and_folder_in_japanese(tmp_path):
    with pytest.raises(orgd.LoadError) as info:
        orgd.load(tmp_path / "none.orgd")
    assert str(info.value).endswith(": no such file")
    assert info.value.text("ja").endswith(": ファイルがありません")
    with pytest.raises(orgd.LoadError) as info:
        orgd.load(tmp_path)
    assert str(info.value).endswith("is a folder, not a design file")
    assert "フォルダー" in info.value.text("ja")


# ---- table import problems -----------------------------------------------------------------

def _import_error(tmp_path: Path, text: str) -> TableImportError:
    f = tmp_path / "組織.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(TableImportError) as info:
        read_table(f)
    return info.value


def test_table_problems_in_japanese_and_english_unchanged(tmp_path):
    err = _import_error(tmp_path, "id,name,parent,kind,headcount\n"
                                  "1,経営層,,managment,1\n"
                                  "2,情報システム部,9,department,12人\n"
                                  "2,営業部,1,department,many\n"
                                  "4,,1,team,\n"
                                  "5,A,6,team,\n"
                                  "6,B,5,team,\n")
    en = err.lines()
    assert "組織.csv:2:D: unknown kind 'managment'; did you mean 'management'?" in en
    assert "組織.csv:3:C: unknown parent '9': no unit has that id or name" in en
    assert "組織.csv:4:A: duplicate id '2' (first used on row 3)" in en
    assert ("組織.csv:4:E: bad headcount 'many': expected a whole number from 0 to "
            "10,000,000") in en
    assert "組織.csv:5:B: empty name: every unit needs a name" in en
    assert any("reporting cycle (each reports to the next): '5' (row 6) → '6' (row 7) → '5' "
               "(row 6); change one of these parents" in line for line in en)
    ja = err.lines("ja")
    assert len(ja) == len(en)
    assert "組織.csv:2:D: 種別「managment」は不明です。「management」の誤りではありませんか？" in ja
    for line in ja:
        assert has_japanese(line.split(": ", 1)[1]), line
        assert not english_words(line, "組織.csv"), line
    assert err.text("ja").endswith("件のエラー）")


def test_table_warnings_and_missing_columns_in_japanese(tmp_path):
    f = tmp_path / "units.csv"
    f.write_text("name,parent,colour\n本社,,red\n営業部,本社,blue\n", encoding="utf-8")
    result = read_table(f)
    en = [str(w) for w in result.warnings]
    assert "units.csv:1: warning: no kind column: every unit is imported as a department" in en
    assert any("column 'colour' is not recognised and was ignored" in w for w in en)
    ja = [w.text("ja") for w in result.warnings]
    assert "units.csv:1: 警告：種別の列がありません。すべての部署を「部」として取り込みます" in ja
    for line in ja:
        assert "警告：" in line and not english_words(line, "units.csv"), line

    err = _import_error(tmp_path, "id,parent\n1,\n")
    (line,) = [p for p in err.problems if p.fatal]
    assert line.message_text("ja").startswith("必須の列「name」または「name_en」")
    assert str(line).endswith("missing required column 'name or name_en'")
    assert line.cell_text("ja") == "1 行目" and line.cell == "row 1"


# ---- export, write, budget and settings ---------------------------------------------------

def test_export_error_in_japanese(tmp_path):
    from orgdesigner.model import Design
    from orgdesigner.render.export import ExportError, export_diagram

    with pytest.raises(ExportError) as info:
        export_diagram(Design(), tmp_path / "diagram.bmp")
    assert str(info.value) == ("cannot export a diagram as 'bmp'; use one of: .svg, .png, .pdf, "
                               ".dot, .graphml, .pptx, .drawio")
    ja = info.value.text("ja")
    assert ja.startswith("「bmp」の形式では図を書き出せません")
    assert not english_words(ja, ".svg, .png, .pdf, .dot, .graphml, .pptx, .drawio")


def test_write_error_in_japanese(tmp_path):
    with pytest.raises(WriteError) as info:
        atomic_write(tmp_path, "x")
    assert str(info.value) == f"{tmp_path}: is a folder, not a file"
    assert info.value.text("ja") == f"{tmp_path}: フォルダーです（ファイルではありません）"
    with pytest.raises(WriteError) as info:
        atomic_write(tmp_path / "missing" / "a.orgd", "x")
    assert "does not exist" in str(info.value)
    ja = info.value.text("ja")
    assert not english_words(ja, str(tmp_path / "missing" / "a.orgd"), str(tmp_path / "missing"))


def test_budget_error_in_japanese():
    from orgdesigner.budget import BudgetError, compute_budget
    from orgdesigner.model import CostItem, Design

    d = Design()
    d.add_cost(CostItem("k1", "SOC", amounts=["100"], currency="ZAR"))
    with pytest.raises(BudgetError) as info:
        compute_budget(d)
    assert str(info.value) == ("no exchange rate for ZAR: add 'ZAR' to the budget's FX rates "
                               "(yen per ZAR)")
    ja = info.value.text("ja")
    assert "為替レート" in ja and not english_words(ja, "ZAR")


def test_settings_warnings_in_japanese(tmp_path):
    from orgdesigner.settings import load_settings

    f = tmp_path / "settings.json"
    f.write_text("{not json", encoding="utf-8")
    s = load_settings(f)
    (warning,) = s.warnings
    assert warning.startswith(f"The settings file {f} could not be used because it is not "
                              "valid JSON")
    ja = warning.text("ja")
    assert ja.startswith(f"設定ファイル {f} はJSON として正しくないため")
    assert "に退避しました" in ja and "既定の設定を使います" in ja
    backup = next(tmp_path.glob("settings.json.corrupt-*"))
    assert not english_words(re.sub(r"（[^）]*）", "", ja), str(f), str(backup))

    f.write_text(json.dumps({"schema": 1, "language": "fr"}), encoding="utf-8")
    (warning,) = load_settings(f).warnings
    assert warning == (f"Setting 'language' in {f}: 'fr' is not a supported language (en, ja); "
                       f"the default ({load_settings(tmp_path / 'none.json').language!r}) is "
                       "used instead.")
    assert warning.text("ja").startswith(
        f"{f} の設定「language」：「fr」は使える言語ではありません")


# ---- the CLI -----------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orgdesigner", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_cli_prints_load_errors_in_the_chosen_language(tmp_path):
    f = tmp_path / "bad.orgd"
    f.write_text(json.dumps({"format": "orgdesigner", "version": 1, "units": [
        {"id": "a", "name": "x", "kind": "departmnt"}]}), encoding="utf-8")
    en = _cli("check", str(f))
    assert en.returncode == 2
    assert en.stderr.strip() == (f"orgdesigner: error: {f}: units[0]: 'departmnt' is not a "
                                 "unit kind; did you mean 'department'?")
    ja = _cli("check", str(f), "--lang", "ja")
    assert ja.returncode == 2
    assert ja.stderr.strip() == (f"orgdesigner: error: {f}: units[0]：部署の種別「departmnt」は"
                                 "不明です。「department」の誤りではありませんか？")


def test_cli_import_problems_in_japanese(tmp_path):
    f = tmp_path / "units.csv"
    f.write_text("id,name,parent\n1,本社,\n2,営業部,9\n", encoding="utf-8")
    out = _cli("import", str(f), "-o", str(tmp_path / "x.orgd"), "--lang", "ja")
    assert out.returncode == 2
    assert "units.csv:3:C: 上位部署「9」は不明です。その ID や名前の部署がありません" in out.stderr
    assert "unknown parent" not in out.stderr


# ---- the GUI -----------------------------------------------------------------------------

def test_load_error_dialog_in_japanese_shows_japanese(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from orgdesigner.gui.dialogs import documents
    from orgdesigner.gui.i18n import language as i18n

    f = tmp_path / "bad.orgd"
    f.write_text(json.dumps({"format": "orgdesigner", "version": 1, "units": [
        {"id": "a", "name": "x", "kind": "departmnt"},
        {"id": "b", "name": "y", "kind": "team", "headcount": "many"}]}), encoding="utf-8")
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        assert i18n.install_translators("ja")
        assert documents.read_design(None, f) is None
        (box,) = shown
        assert box.objectName() == "loadErrorBox"
        assert box.windowTitle() == "ファイルを開けません" or has_japanese(box.windowTitle())
        info, details = box.informativeText(), box.detailedText()
        assert info.startswith("units[0]：部署の種別「departmnt」は不明です。"
                               "「department」の誤りではありませんか？")
        assert "人数は整数で指定してください（「many」は不可）" in details
        assert "not a unit kind" not in details and "whole number" not in details
    finally:
        i18n.install_translators("en")
    shown.clear()
    documents.read_design(None, f)
    assert shown[0].informativeText().startswith(
        "units[0]: 'departmnt' is not a unit kind; did you mean 'department'?")

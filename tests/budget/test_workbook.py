"""The workbook as openpyxl reads it back: sheets, formulas stored with their values, text
cells that stay text, protection and validation, fonts, print setup, the diagram, and atomic
writes."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from orgdesigner import templates
from orgdesigner.budget import BudgetError
from orgdesigner.budget.workbook import sheet_names, write_workbook
from orgdesigner.formats.atomic import WriteError
from orgdesigner.model import CostItem, Unit

from .sample import INJECTIONS, sample_design

TODAY = dt.date(2026, 6, 1)
EXTRA = ["=cmd|' /C calc'!A0", "@SUM(1)", "-1+2"]


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def hostile_book(tmp_path: Path) -> tuple[openpyxl.Workbook, Path]:
    d = sample_design(hostile=True)
    d.add_unit(Unit("bell", "ベル\x07部", name_en="=cmd|' /C calc'!A0"))
    d.update_metadata(title_en="R&D 部門 & CSIRT " + "長" * 300, author="@SUM(1)",
                      organisation="-1+2")
    out = tmp_path / "hostile.xlsx"
    write_workbook(d, out, today=TODAY)
    return openpyxl.load_workbook(out), out


def test_sheets_in_order_in_both_languages(tmp_path: Path) -> None:
    for lang in ("en", "ja"):
        out = tmp_path / f"{lang}.xlsx"
        write_workbook(sample_design(), out, lang=lang, today=TODAY)
        assert openpyxl.load_workbook(out).sheetnames == sheet_names(lang)
    assert sheet_names("en")[:5] == ["Cover", "Assumptions", "Staffing", "Costs", "Summary"]
    assert sheet_names("ja")[0] == "表紙"


def test_every_total_is_a_formula_stored_with_its_value(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    budget = write_workbook(sample_design(), out, today=TODAY)
    wb = openpyxl.load_workbook(out)
    values = openpyxl.load_workbook(out, data_only=True)  # what a previewer shows
    summary = wb["Summary"]
    numbers = [c for row in summary.iter_rows(min_row=4, min_col=2) for c in row
               if c.value is not None]
    assert numbers and all(c.data_type == "f" for c in numbers)
    assert all(isinstance(values["Summary"][c.coordinate].value, int) for c in numbers)
    assert summary["B4"].value.startswith("=SUM('Staffing'!K$4:K$9)+SUMIFS(")
    staffing = wb["Staffing"]
    assert staffing["K4"].value.startswith("=IF('Assumptions'!$B$5>=$I4,ROUND($J4*(12+")
    assert values["Staffing"]["K4"].value == budget.personnel[0].per_year[0]
    labels = {r[0].value: [c.value for c in r[1:]] for r in values["Summary"].iter_rows()
              if r[0].value}
    assert labels["New money, before tax"][:4] == [*budget.new_money, sum(budget.new_money)]
    assert labels["Total cost, before tax"][:4] == [*budget.total_per_year, budget.grand_total]
    cover = {r[0].value: [c.value for c in r[1:]] for r in values["Cover"].iter_rows()
             if r[0].value}
    assert cover["Total, all years"][:2] == [budget.new_money_total, budget.grand_total]


def test_sheets_are_protected_and_inputs_validated(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, lang="ja", today=TODAY)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert ws.protection.sheet and not ws.protection.password, ws.title
        assert ws.print_area, ws.title
    staffing, costs = wb["要員計画"], wb["費用明細"]
    assert staffing["K4"].protection.locked  # a cost cannot be typed over
    assert not staffing["H4"].protection.locked  # FTE is an input
    assert not staffing["G4"].protection.locked  # so is 増員 / 工数振替 / 外部委託
    rules = {(str(v.sqref), v.type): v for v in staffing.data_validations.dataValidation}
    assert any(t == "list" and "増員" in (v.formula1 or "") for (_, t), v in rules.items())
    # FTE: between 0 and 50 (between is the default operator, so it is not written)
    assert any(t == "decimal" and v.formula1 == "0" and v.formula2 == "50"
               for (_, t), v in rules.items())
    kinds = {v.type for v in costs.data_validations.dataValidation}
    assert {"list", "decimal"} <= kinds
    assumptions = wb["前提条件"]
    assert not assumptions["B5"].protection.locked
    assert assumptions.data_validations.dataValidation


def test_japanese_workbook_reads_japanese(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, lang="ja", today=TODAY)
    wb = openpyxl.load_workbook(out)
    assert wb["表紙"]["A6"].font.name == "Yu Gothic"
    roles = [c.value for c in wb["要員計画"]["D"][3:9]]
    assert "CSIRT 責任者" in roles and "manager" not in roles and "analyst" not in roles
    texts = [c.value for row in wb["前提条件"].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any("法定福利費" in x for x in texts) and any(x.startswith("ENISA（2020 年）")
                                                         for x in texts)
    assert not any("illustrative" in x or "per staff member" in x for x in texts)


def test_user_text_stays_text(hostile_book: tuple[openpyxl.Workbook, Path]) -> None:
    wb, _ = hostile_book
    texts = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in INJECTIONS + EXTRA:
                    texts.setdefault(c.value, []).append(c)
    assert set(texts) == set(INJECTIONS) | set(EXTRA)
    for cells in texts.values():
        for c in cells:
            assert c.data_type == "s", (c.parent.title, c.coordinate)
            assert c.quotePrefix
    # the injected names appear on Staffing (name and role) and Costs (name and notes)
    assert {c.parent.title for c in texts["=1+1"]} >= {"Staffing", "Costs"}
    assert {c.parent.title for c in texts["@SUM(1)"] + texts["-1+2"]} == {"Cover"}


def test_long_and_odd_text_is_kept_safely(hostile_book: tuple[openpyxl.Workbook, Path]) -> None:
    wb, out = hostile_book
    staffing = [c.value for row in wb["Staffing"].iter_rows(min_col=3, max_col=3) for c in row]
    assert "長" * 500 in staffing
    notes = [c.value for row in wb["Costs"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("NNNN")]
    assert len(notes) == 1 and len(notes[0]) == 32_767 and notes[0].endswith("…")
    org = [c.value for row in wb["Organisation"].iter_rows(min_col=2, max_col=2) for c in row]
    assert "ベル部" in org  # the control character XML cannot hold is dropped
    header = wb["Cover"].oddHeader.center.text
    assert header.startswith("R&&D 部門 && CSIRT") and len(header) <= 90
    assert wb["Staffing"].column_dimensions["C"].width <= 62  # capped, the text wraps
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None


def test_print_setup_and_frozen_headers(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, lang="ja", today=TODAY)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) in (8, 9)  # A3 or A4
        assert ws.oddHeader.center.text == "全社 CSIRT 設置計画"
        scale = ws.page_setup.scale
        assert ws.sheet_properties.pageSetUpPr.fitToPage or (scale and scale >= 82)
    assert int(wb["表紙"].page_setup.paperSize) == 9
    assert wb["要員計画"].freeze_panes == "D4"
    assert wb["要員計画"].print_title_rows == "$3:$3"
    assert "¥" in wb["要員計画"]["K4"].number_format
    assert wb["要員計画"]["K3"].value == "='前提条件'!$B$5&\"年度\""
    widths = wb["組織"].column_dimensions
    assert widths["B"].width > widths["A"].width  # fitted: Japanese names are wide


def test_ringi_cover(tmp_path: Path) -> None:
    d = sample_design()
    d.update_budget(subject="全社 CSIRT 設置の件", purpose="インシデント対応の一元化",
                    account="業務委託費", department="情報セキュリティ部",
                    consultees=["法務部", "経理部"])
    out = tmp_path / "b.xlsx"
    write_workbook(d, out, lang="ja", today=TODAY)
    cover = openpyxl.load_workbook(out)["表紙"]
    assert [cover.cell(row=3, column=c).value for c in (5, 6, 7)] == ["起案", "審査", "承認"]
    for c in (5, 6, 7):
        box = cover.cell(row=4, column=c)
        assert box.value is None and box.border.left.style == "thin"
    assert cover.row_dimensions[4].height >= 48  # room for a hanko stamp
    facts = {r[0].value: r[1].value for r in cover.iter_rows(max_col=2) if r[0].value}
    assert facts["件名"] == "全社 CSIRT 設置の件"
    assert facts["目的・期待効果"] == "インシデント対応の一元化"
    assert facts["予算区分"] == "予算外" and facts["勘定科目"] == "業務委託費"
    assert facts["起案部署"] == "情報セキュリティ部" and facts["合議先"] == "法務部、経理部"
    assert facts["起案日"].date() == TODAY


def test_diagram_is_embedded_when_given(tmp_path: Path) -> None:
    png = tiny_png()
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, diagram_png=png, today=TODAY)
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        assert len(media) == 1 and z.read(media[0]) == png
    out2 = tmp_path / "none.xlsx"
    write_workbook(sample_design(), out2, today=TODAY)
    assert "not included" in openpyxl.load_workbook(out2)["Diagram"]["A3"].value
    with pytest.raises(BudgetError, match="not a PNG"):
        write_workbook(sample_design(), tmp_path / "bad.xlsx", diagram_png=b"GIF89a....")
    assert not (tmp_path / "bad.xlsx").exists()


def test_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"previous")
    d = sample_design()
    d.add_cost(CostItem("gbp", "UK course", currency="GBP"))
    with pytest.raises(BudgetError, match="GBP"):
        write_workbook(d, out)
    assert out.read_bytes() == b"previous"
    with pytest.raises(WriteError, match="folder"):
        write_workbook(sample_design(), tmp_path)
    with pytest.raises(BudgetError, match="language"):
        write_workbook(sample_design(), out, lang="fr")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]


def test_findings_sheet_lists_the_checker_findings(tmp_path: Path) -> None:
    analysis = pytest.importorskip("orgdesigner.analysis")
    if not hasattr(analysis, "check"):
        pytest.skip("orgdesigner.analysis.check has not landed yet")
    d = sample_design()
    out = tmp_path / "b.xlsx"
    write_workbook(d, out, today=TODAY)
    ws = openpyxl.load_workbook(out)["Findings"]
    ids = [c.value for row in ws.iter_rows(min_col=2, max_col=2) for c in row]
    expected = [f.id for f in analysis.check(d).findings]
    assert expected and all(i in ids for i in expected)


@pytest.mark.parametrize("template_id", templates.ids() or ["(none yet)"])
def test_every_template_exports(template_id: str, tmp_path: Path) -> None:
    if template_id == "(none yet)":
        pytest.skip("no templates are shipped yet")
    design = templates.load(template_id)
    for lang in ("en", "ja"):
        out = tmp_path / f"{template_id}.{lang}.xlsx"
        budget = write_workbook(design, out, lang=lang, today=TODAY)
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == sheet_names(lang, group=len(design.companies) > 1)
        staff_rows = wb[sheet_names(lang)[2]].max_row
        assert staff_rows >= 3 + max(1, len(budget.personnel))


def test_real_diagram_export_is_embedded(tmp_path: Path) -> None:
    pytest.importorskip("orgdesigner.render.export")
    from orgdesigner.budget.workbook import diagram_png_for

    problems: list[str] = []
    png = diagram_png_for(sample_design(), "ja", problems)
    if png is None:
        pytest.skip(f"diagram export unavailable here: {problems}")
    assert png.startswith(b"\x89PNG") and not problems
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, lang="ja", diagram_png=png, today=TODAY)
    ws = openpyxl.load_workbook(out)["組織図"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight in (None, 1)  # one page tall (1 is the default)
    with zipfile.ZipFile(out) as z:
        assert any(z.read(n) == png for n in z.namelist() if n.startswith("xl/media/"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_body_text_prints_at_nine_points_or_more(tmp_path: Path, lang: str) -> None:
    """Fit-to-width shrinks a wide sheet: each sheet's paper (A4, else A3 landscape) must
    leave the 11 pt body at ≥ 9 pt; a sheet too wide even for A3 prints at a fixed ≥ 83 %
    across pages. (The PDF LibreOffice renders was measured the same way: see the README.)"""
    from openpyxl.utils import get_column_letter

    from orgdesigner.budget.xlsx import CHAR_PX, MIN_SCALE, PAPER

    out = tmp_path / "b.xlsx"
    write_workbook(templates.load("model-3"), out, lang=lang, today=TODAY)
    printable = {(p[1], p[2]): p[3] for p in PAPER}
    for ws in openpyxl.load_workbook(out).worksheets:
        setup = ws.page_setup
        if not ws.sheet_properties.pageSetUpPr.fitToPage:
            assert setup.scale and setup.scale / 100 >= MIN_SCALE, ws.title
            continue
        last = ws.max_column
        # a stored width includes 5/7 of a character of cell padding (the file format's)
        px = sum(int(((ws.column_dimensions[get_column_letter(c)].width or 9.14) - 5 / 7)
                     * CHAR_PX + 5) for c in range(1, last + 1))
        width = printable[(int(setup.paperSize), setup.orientation == "landscape")]
        assert min(1.0, width / px) >= MIN_SCALE - 0.01, (ws.title, px, width)

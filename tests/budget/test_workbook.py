"""The workbook as openpyxl reads it back: sheets, formulas (never pasted totals), text cells
that stay text, print setup, the diagram, and atomic writes."""

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


def test_every_total_is_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, today=TODAY)
    wb = openpyxl.load_workbook(out)
    summary = wb["Summary"]
    numbers = [c for row in summary.iter_rows(min_row=4, min_col=2) for c in row
               if c.value is not None]
    assert numbers and all(c.data_type == "f" for c in numbers)
    assert summary["B4"].value.startswith("=SUM('Staffing'!J$4:J$9)+SUMIF(")
    cover_values = [c for row in wb["Cover"].iter_rows(min_col=2, max_col=2) for c in row
                    if isinstance(c.value, str) and c.value.startswith("=")]
    assert any("'Summary'!" in c.value for c in cover_values)
    staffing = wb["Staffing"]
    assert staffing["J4"].value == ("=IF('Assumptions'!$B$5>=$H4,"
                                    "ROUND($I4*'Assumptions'!$B$8*$G4,0),0)")
    assert staffing["I4"].value.startswith("='Assumptions'!$B$")
    costs = wb["Costs"]
    fx_cells = [costs.cell(row=r, column=10).value for r in range(4, 10)]
    assert any(isinstance(v, str) and v.startswith("='Assumptions'!") for v in fx_cells)
    assert wb.calculation.fullCalcOnLoad


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
    assert {c.parent.title for c in texts["=1+1"]} >= {"Staffing", "Costs", "Assumptions"}
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
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == "全社 CSIRT 設置計画"
    assert wb["要員計画"].freeze_panes == "D4"
    assert wb["要員計画"].print_title_rows == "$3:$3"
    assert "¥" in wb["要員計画"]["J4"].number_format
    assert wb["要員計画"]["J3"].value == "='前提条件'!$B$5&\"年度\""
    assert wb["表紙"]["B9"].value == TODAY or wb["表紙"]["B9"].value.date() == TODAY
    widths = wb["組織"].column_dimensions
    assert widths["B"].width > widths["A"].width  # fitted: Japanese names are wide


def test_approval_block_on_cover(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_workbook(sample_design(), out, lang="ja", today=TODAY)
    cover = openpyxl.load_workbook(out)["表紙"]
    assert [cover.cell(row=3, column=c).value for c in (5, 6, 7)] == ["起案", "審査", "承認"]
    for c in (5, 6, 7):
        box = cover.cell(row=4, column=c)
        assert box.value is None and box.border.left.style == "thin"
    assert cover.row_dimensions[4].height >= 48  # room for a hanko stamp


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
        assert wb.sheetnames == sheet_names(lang)
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
    assert ws.page_setup.fitToHeight == 1
    with zipfile.ZipFile(out) as z:
        assert any(z.read(n) == png for n in z.namelist() if n.startswith("xl/media/"))

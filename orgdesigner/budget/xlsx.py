"""Writing cells safely and sheets tidily with openpyxl (imported by the workbook writer only).

Safety rule: everything a user typed goes through `Sheet.text`, which stores a string cell
(never a formula, whatever the first character), strips the control characters XML cannot
hold, and shortens what is longer than a cell can hold. Formulas come only from our code.
"""

from __future__ import annotations

import re
import struct
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import msg
from .textwidth import display_width, wrapped_lines

MAX_CELL = 32_767  # characters a spreadsheet cell holds
MAX_WIDTH = 60  # column width cap; longer text wraps
FORMULA_START = ("=", "+", "-", "@")

YEN = '[$¥-411]#,##0;-[$¥-411]#,##0'
NUMBER = "#,##0"
YEAR = "0"
FTE = "0.00"
RATE = "#,##0.00##"
DATE = "yyyy-mm-dd"

# Named like the workbook's default font: a style font without a name prints in a serif
# fallback in LibreOffice.
FONT_NAME = "Calibri"
BOLD = Font(name=FONT_NAME, bold=True)
TITLE = Font(name=FONT_NAME, bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")  # cells an approver may change
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
LEFT = Alignment(horizontal="left", vertical="top")
TOP = Alignment(vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER = Alignment(horizontal="center", vertical="center")


def clean_text(value: str) -> str:
    s = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(s) > MAX_CELL:
        s = s[: MAX_CELL - 1] + "…"
    return s


def header_text(title: str) -> str:
    """A page-header string: '&' is a control character there, and Excel caps the length."""
    title = clean_text(title).replace("\n", " ")
    if len(title) > 80:
        title = title[:79] + "…"
    return title.replace("&", "&&")


class Sheet:
    """A worksheet plus the widest content seen per column, for fitted widths."""

    def __init__(self, ws: Worksheet, design_title: str = "", page_label: str = "") -> None:
        self.ws = ws
        self.design_title = design_title  # printed in every page header
        self.page_label = page_label  # printed in every page footer
        self.widths: dict[int, int] = {}
        self._wrapped: list[tuple[int, int, str]] = []  # rows whose height must fit text

    def _fit(self, col: int, width: int) -> None:
        if width > self.widths.get(col, 0):
            self.widths[col] = width

    def text(self, row: int, col: int, value: str, *, font: Font | None = None,
             fill: PatternFill | None = None, border: Border | None = None,
             align: Alignment | None = None, fit: bool = True) -> Any:
        c = self.ws.cell(row=row, column=col)
        s = clean_text(value)
        c.value = s
        c.data_type = "s"  # never a formula, whatever it starts with
        if s.startswith(FORMULA_START):
            c.quotePrefix = True
        self._style(c, font, fill, border, align)
        if fit:
            self._fit(col, display_width(s))
        # long or multi-line text wraps unless the caller chose an alignment
        wrap = bool(align.wrap_text) if align is not None else (len(s) > MAX_WIDTH or "\n" in s)
        if wrap and align is None:
            c.alignment = WRAP
        if wrap and fit:
            self._wrapped.append((row, col, s))
        return c

    def row(self, row: int, values: list[str | int | None]) -> None:
        """A plain row of values (the fast path for 5,000-unit lists): text is cleaned and
        kept as text exactly as `text` does it; empty text leaves the cell empty."""
        ws = self.ws
        for col, v in enumerate(values, start=1):
            if isinstance(v, str):
                v = clean_text(v)
                if not v:
                    continue
                c = ws.cell(row=row, column=col, value=v)
                self._fit(col, display_width(v))
                if v.startswith(FORMULA_START):
                    c.data_type = "s"
                    c.quotePrefix = True
                if len(v) > MAX_WIDTH or "\n" in v:
                    c.alignment = WRAP
                    self._wrapped.append((row, col, v))
            elif v is not None:
                ws.cell(row=row, column=col, value=v)
                self._fit(col, len(str(v)) + 1)

    def number(self, row: int, col: int, value: int | float | Decimal, fmt: str = NUMBER, *,
               font: Font | None = None, fill: PatternFill | None = None,
               border: Border | None = None) -> Any:
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        c = self.ws.cell(row=row, column=col, value=value)
        c.number_format = fmt
        self._style(c, font, fill, border, None)
        self._fit(col, len(f"{value:,}") + 3)
        return c

    def formula(self, row: int, col: int, formula: str, fmt: str | None = YEN, *,
                width: int = 16, font: Font | None = None, fill: PatternFill | None = None,
                border: Border | None = None, align: Alignment | None = None) -> Any:
        assert formula.startswith("=")
        c = self.ws.cell(row=row, column=col, value=formula)
        if fmt:
            c.number_format = fmt
        self._style(c, font, fill, border, align)
        self._fit(col, width)
        return c

    @staticmethod
    def _style(c: Any, font: Any, fill: Any, border: Any, align: Any) -> None:
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if border is not None:
            c.border = border
        if align is not None:
            c.alignment = align

    def headers(self, row: int, labels: list[str], start: int = 1) -> None:
        for i, label in enumerate(labels):
            self.text(row, start + i, label, font=BOLD, fill=HEADER_FILL, border=BOX,
                      align=HEADER)

    def title(self, text: str, row: int = 1) -> None:
        self.text(row, 1, text, font=TITLE, fit=False)
        self.ws.row_dimensions[row].height = 22

    def finish(self, *, header_row: int | None = None,
               freeze: str | None = None, landscape: bool = True,
               min_width: int = 6) -> None:
        ws = self.ws
        final: dict[int, int] = {}
        for col, w in self.widths.items():
            final[col] = max(min_width, min(MAX_WIDTH, w + 2))
            ws.column_dimensions[get_column_letter(col)].width = final[col]
        # spreadsheets do not grow rows for wrapped text on opening; size them here
        heights: dict[int, float] = {}
        for row, col, s in self._wrapped:
            lines = wrapped_lines(s, final.get(col, 8) - 1)
            heights[row] = max(heights.get(row, 15.0), min(409.0, 15.0 * lines))
        for row, h in heights.items():
            if h > 15.0:
                ws.row_dimensions[row].height = h
        if freeze:
            ws.freeze_panes = freeze
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if header_row:
            ws.print_title_rows = f"{header_row}:{header_row}"
        ws.oddHeader.center.text = header_text(self.design_title)
        ws.oddFooter.center.text = self.page_label
        ws.oddFooter.right.text = "&A"


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def quote_sheet(name: str) -> str:
    """A sheet name as formulas reference it: 'Name'! (quotes doubled)."""
    assert not _SHEET_BAD.search(name) and len(name) <= 31
    return "'" + name.replace("'", "''") + "'"


class PngImage(Image):
    """An embedded PNG without Pillow: the size comes from the PNG header, bytes as given."""

    def __init__(self, png: bytes) -> None:
        if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
            raise ValueError(msg("budget.not_png"))
        self.ref = png
        self.width, self.height = struct.unpack(">II", png[16:24])
        self.format = "png"

    def _data(self) -> bytes:
        return self.ref

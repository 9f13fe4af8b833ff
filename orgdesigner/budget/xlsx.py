"""Writing cells safely and sheets tidily with XlsxWriter (imported by the workbook writer).

Why XlsxWriter: it stores every formula together with its computed value, so a previewer or
a reader that does not recalculate shows the totals, not blanks (openpyxl cannot).

Safety rules: everything a user typed goes through `Sheet.text`, which stores a string cell
(never a formula), with Excel's quote prefix when it starts like one, strips the control
characters XML cannot hold, and shortens what is longer than a cell can hold. Formulas come
only from our code. Every sheet is protected without a password: only input cells (tinted)
are unlocked, and they carry data validation.
Rows and columns are 1-based here, as in spreadsheet addresses.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .textwidth import display_width, line_width, wrapped_lines

MAX_CELL = 32_767  # characters a spreadsheet cell holds
MAX_WIDTH = 60  # column width cap; longer text wraps
FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

YEN = '[$¥-411]#,##0;-[$¥-411]#,##0'
NUMBER = "#,##0"
YEAR = "0"
FTE = "0.00"
RATE = "#,##0.00##"
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"

FONTS = {"en": "Calibri", "ja": "Yu Gothic"}  # ja: charset 128 lets a viewer without Yu
BODY_PT = 11  # Gothic fall back to another Japanese font (Meiryo, Noto Sans CJK)
HEADER_FILL = "#DDE4EE"
TOTAL_FILL = "#F2F2F2"
INPUT_FILL = "#FFF7D6"  # cells an approver may change
# printable width at 100 % in pixels (96 dpi, 0.5" side margins); the print scale must stay
# ≥ 9/11 so body text prints at 9 pt or more
PAPER = (("A4", 9, False, 698), ("A4", 9, True, 1026), ("A3", 8, True, 1492))
MIN_SCALE = 9.15 / BODY_PT  # a little above 9 pt: column widths are estimates
HEADER_WIDTH = 14
# pixels per character of column width as LibreOffice lays a column out (measured; Excel with
# Calibri or Yu Gothic is narrower, so there the text only prints larger)
CHAR_PX = 9.4

STYLES: dict[str, dict[str, Any]] = {
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "header": {"bold": True, "bg_color": HEADER_FILL, "border": 1, "border_color": "#808080",
               "align": "center", "valign": "vcenter", "text_wrap": True},
    "total": {"bold": True, "bg_color": TOTAL_FILL},
    "box": {"border": 1, "border_color": "#808080"},
    "input": {"bg_color": INPUT_FILL, "locked": False, "border": 1, "border_color": "#808080"},
    "wrap": {"text_wrap": True, "valign": "top"},
    "top": {"valign": "top"},
    "left": {"align": "left", "valign": "top"},
    "center": {"align": "center", "valign": "vcenter", "text_wrap": True},
    "small": {"text_wrap": True, "valign": "top", "font_color": "#404040"},
}


def clean_text(value: str) -> str:
    s = _ILLEGAL.sub("", value)
    if len(s) > MAX_CELL:
        s = s[: MAX_CELL - 1] + "…"
    return s


def header_text(title: str) -> str:
    """A page-header string: '&' is a control character there, and Excel caps the length."""
    title = clean_text(title).replace("\n", " ")
    if len(title) > 80:
        title = title[:79] + "…"
    return title.replace("&", "&&")


def col_name(col: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


L = col_name


class Book:
    """The XlsxWriter workbook with one cached Format per combination of styles."""

    def __init__(self, target: Any, lang: str) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(target, {
            "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "in_memory": True})
        self.lang = lang
        self.base = {"font_name": FONTS.get(lang, "Calibri"), "font_size": BODY_PT,
                     "valign": "top"}
        if lang == "ja":
            self.base["font_charset"] = 128
        # the default style, for empty cells and row heights
        default = self.wb.formats[0]
        default.set_font_name(self.base["font_name"])
        if lang == "ja":
            default.set_font_charset(128)
        self._formats: dict[tuple, Any] = {}
        # Japanese glyphs need taller rows than the 15 pt default to stay apart when printed
        self.line_h = 16.5 if lang == "ja" else 15.0
        from .xlsx_rows import fast_class

        self._sheet_class = fast_class()

    def fmt(self, styles: tuple[str, ...] = (), num: str | None = None,
            quote: bool = False) -> Any:
        key = (styles, num, quote)
        f = self._formats.get(key)
        if f is None:
            props = dict(self.base)
            for s in styles:
                props.update(STYLES[s])
            if num:
                props["num_format"] = num
            if quote:
                props["quote_prefix"] = True
            f = self._formats[key] = self.wb.add_format(props)
        return f

    def sheet(self, name: str, design_title: str, page_label: str) -> Sheet:
        return Sheet(self, self.wb.add_worksheet(name, self._sheet_class), design_title,
                     page_label)


class Sheet:
    """A worksheet plus the widest content seen per column, for fitted widths."""

    def __init__(self, book: Book, ws: Any, design_title: str = "",
                 page_label: str = "") -> None:
        self.book = book
        self.ws = ws
        self.title_text = ws.name
        self.design_title = design_title  # printed in every page header
        self.page_label = page_label  # printed in every page footer
        self.widths: dict[int, int] = {}
        self.fixed_widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self._wrapped: list[tuple[int, int, str]] = []  # rows whose height must fit text
        self.max_row = 0
        self.max_col = 0

    @property
    def name(self) -> str:
        return self.ws.name

    def _seen(self, row: int, col: int) -> None:
        self.max_row = max(self.max_row, row)
        self.max_col = max(self.max_col, col)

    def _fit(self, col: int, width: int) -> None:
        if width > self.widths.get(col, 0):
            self.widths[col] = width

    def text(self, row: int, col: int, value: str, *styles: str, fit: bool = True) -> None:
        s = clean_text(value)
        wrap = "wrap" in styles or "header" in styles or "center" in styles or "small" in styles
        if not wrap and (len(s) > MAX_WIDTH or "\n" in s) and "title" not in styles:
            styles = (*styles, "wrap")
            wrap = True
        f = self.book.fmt(tuple(styles), quote=s.startswith(FORMULA_START))
        self.ws.write_string(row - 1, col - 1, s, f)
        self._seen(row, col)
        if fit:
            self._fit(col, display_width(s))
            if wrap:
                self._wrapped.append((row, col, s))

    def row(self, row: int, values: list[str | int | None],
            wrap: frozenset[int] | dict[int, int] = frozenset()) -> None:
        """A plain row of values (the fast path for 50,000-unit lists); text in the `wrap`
        columns wraps when it is wider than the column will be. `wrap` may map a column to
        the width the caller caps it at: text no wider cannot wrap, and is not measured
        again for the row heights (most cells of a long list). Same safety as `text`."""
        book, widths = self.book, self.widths
        caps = wrap if isinstance(wrap, dict) else {}
        plain = book.fmt()
        wrapping = book.fmt(("wrap",))
        put_row = getattr(self.ws, "put_row", None)  # xlsx_rows: one call per row
        cells: list[tuple[int, str | int, Any]] = []
        r0 = row - 1
        for col, v in enumerate(values, start=1):
            if isinstance(v, str):
                if not v:
                    continue
                if not v.isprintable() or len(v) > MAX_WIDTH or v.startswith(FORMULA_START):
                    # the careful path (quote prefix, wrap, cut): written now, so the cells
                    # gathered so far go first, keeping the order strings are shared in
                    self._put(r0, cells, put_row)
                    self.text(row, col, v, "wrap") if col in wrap else self.text(row, col, v)
                    continue
                # printable and at most MAX_WIDTH characters: one line, never cut
                w = len(v) if v.isascii() else line_width(v)
                if col in wrap:
                    cells.append((col - 1, v, wrapping))
                    if w > caps.get(col, 0):
                        self._wrapped.append((row, col, v))
                else:
                    cells.append((col - 1, v, plain))
                if w > widths.get(col, 0):
                    widths[col] = w
            elif v is not None:
                cells.append((col - 1, v, plain))
                self._fit(col, len(str(v)) + 1)
        self._put(r0, cells, put_row)
        self._seen(row, len(values))

    def _put(self, r0: int, cells: list[tuple[int, Any, Any]], put_row: Any) -> None:
        """Store and forget the gathered cells of row `r0` (0-based)."""
        if put_row is not None:
            put_row(r0, cells)
        else:
            for col, v, f in cells:
                (self.ws.write_string if isinstance(v, str) else self.ws.write_number)(
                    r0, col, v, f)
        cells.clear()

    def number(self, row: int, col: int, value: int | float | Decimal, num: str = NUMBER,
               *styles: str) -> None:
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        self.ws.write_number(row - 1, col - 1, value, self.book.fmt(tuple(styles), num))
        self._seen(row, col)
        self._fit(col, len(f"{value:,}") + 2)

    def formula(self, row: int, col: int, formula: str, value: Any, num: str | None = YEN,
                *styles: str, width: int = 12) -> None:
        """A formula stored with `value`, what it computes (the model's own figure)."""
        assert formula.startswith("=")
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        self.ws.write_formula(row - 1, col - 1, formula, self.book.fmt(tuple(styles), num),
                              value)
        self._seen(row, col)
        self._fit(col, width)

    def blank(self, row: int, col: int, *styles: str) -> None:
        self.ws.write_blank(row - 1, col - 1, None, self.book.fmt(tuple(styles)))

    def merge(self, row: int, col: int, last_col: int, value: str, *styles: str,
              lines_width: int = 0, last_row: int | None = None) -> None:
        s = clean_text(value)
        f = self.book.fmt(tuple(styles) or ("wrap",), quote=s.startswith(FORMULA_START))
        self.ws.merge_range(row - 1, col - 1, (last_row or row) - 1, last_col - 1, s, f)
        self._seen(row, last_col)
        if lines_width:
            h = self.book.line_h
            self.heights[row] = max(self.heights.get(row, h),
                                    min(409.0, h * wrapped_lines(s, lines_width)))

    def headers(self, row: int, labels: list[str], start: int = 1) -> None:
        """Header cells wrap, so a long label widens its column only up to HEADER_WIDTH."""
        for i, label in enumerate(labels):
            self.text(row, start + i, label, "header", fit=False)
            self._fit(start + i, min(display_width(label), HEADER_WIDTH))
            self._wrapped.append((row, start + i, label))

    def title(self, text: str, row: int = 1) -> None:
        self.text(row, 1, text, "title", fit=False)
        self.heights[row] = 22

    def validate(self, row: int, col: int, last_row: int, rule: dict[str, Any]) -> None:
        if last_row >= row:
            self.ws.data_validation(row - 1, col - 1, last_row - 1, col - 1, rule)

    def width_px(self, final: dict[int, float]) -> int:
        return sum(int(w * CHAR_PX + 5) for c, w in final.items()
                   if c <= max(self.max_col, 1))

    def finish(self, *, header_row: int | None = None, freeze: tuple[int, int] | None = None,
               landscape: bool | None = None, min_width: int = 6) -> tuple[str, float]:
        """Widths, heights, print setup (paper chosen so text prints at ≥ 9 pt) and sheet
        protection. Returns the paper and the print scale, for tests."""
        ws = self.ws
        final: dict[int, float] = {}
        for col, w in self.widths.items():
            final[col] = max(min_width, min(MAX_WIDTH, w + 2))
        final.update(self.fixed_widths)
        for col, w in final.items():
            ws.set_column(col - 1, col - 1, w)
        line_h = self.book.line_h
        if line_h != 15.0:
            ws.set_default_row(line_h)
        heights = dict(self.heights)
        for row, col, s in self._wrapped:
            lines = wrapped_lines(s, int(final.get(col, 8)) - 1)
            heights[row] = max(heights.get(row, line_h), min(409.0, line_h * lines))
        for row, h in heights.items():
            if h != line_h:
                ws.set_row(row - 1, h)
        if freeze:
            ws.freeze_panes(freeze[0] - 1, freeze[1] - 1)
        px = self.width_px(final)
        paper = PAPER[0]
        for p in PAPER:
            if landscape and not p[2]:  # landscape=True: never A4 portrait
                continue
            paper = p
            if p[3] / max(px, 1) >= MIN_SCALE:
                break
        ws.set_paper(paper[1])
        if paper[2]:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        scale = min(1.0, paper[3] / max(px, 1))
        if scale >= MIN_SCALE:
            ws.fit_to_pages(1, 0)
        else:  # too wide even for A3: print at the smallest readable scale, across pages,
            scale = MIN_SCALE  # repeating the first columns on each
            ws.set_print_scale(int(MIN_SCALE * 100) + 1)
            ws.repeat_columns(0, max(0, (freeze[1] - 2) if freeze else 0))
        if header_row:
            ws.repeat_rows(header_row - 1)
        ws.print_area(0, 0, max(self.max_row, 1) - 1, max(self.max_col, 1) - 1)
        ws.set_header("&C" + header_text(self.design_title))
        ws.set_footer("&C" + self.page_label + "&R&A")
        ws.protect("", {"format_columns": True, "format_rows": True,
                        "select_locked_cells": True, "select_unlocked_cells": True})
        return paper[0], scale


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def quote_sheet(name: str) -> str:
    """A sheet name as formulas reference it: 'Name'! (quotes doubled)."""
    assert not _SHEET_BAD.search(name) and len(name) <= 31
    return "'" + name.replace("'", "''") + "'"


def png_size(png: bytes) -> tuple[int, int]:
    import struct

    from ..messages import msg

    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError(msg("budget.not_png"))
    w, h = struct.unpack(">II", png[16:24])
    return int(w), int(h)

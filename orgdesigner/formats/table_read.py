"""Reading cells out of a CSV or .xlsx file, before any meaning is given to them.

CSV: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or Shift_JIS —
read as CP932, the superset Japanese Excel actually writes — detected when no encoding is
given; the delimiter (comma, tab or semicolon) is taken from the first line.
XLSX: streamed row by row by `table_xlsx` (read-only; see there why not through openpyxl's
object model), so a large sheet never becomes a tree of cell objects. Formula cells give
their saved result; a formula without one (a file written by a script and never opened in
Excel) or an error value such as `#REF!` becomes a `BadCell` that is reported only if its
column matters. Merged cells take the value of their
top-left cell in every row they cover (an HR sheet merges a company or parent over its units);
the other columns of a merged block stay empty, since only the first one has a header that
means anything.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..messages import message_of, msg
from .safe_read import ReadRefused, check_regular, read_capped
from .table_aliases import SHEET_WORDS
from .table_problems import (
    ERROR,
    INFO,
    BadCell,
    TableImportError,
    TableProblem,
    column_letter,
    column_number,
)
from .table_xlsx import WIDEST

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
#: Columns a sheet may have (an HR sheet has a few dozen), characters in one cell (Excel's
#: own limit), and cells that merged ranges may fill in (a 1.6 KB workbook can merge one
#: cell over 100,000 rows 5,000 times).
MAX_COLUMNS = WIDEST
MAX_CELL = 32_767
MAX_CSV_CELL = 100_000  # a CSV holds what an .xlsx cannot: the longest notes a design keeps
MAX_MERGED_CELLS = 1_000_000
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class RawSheet:
    name: str  # sheet title, or the CSV file's name: where problems are reported
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)
    role: str | None = None  # "units" / "flows" / "companies" when the sheet name says so
    merges: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # ref, r1, c1, …
    notes: list[TableProblem] = field(default_factory=list)  # e.g. "read as CP932"


def _fail(where: str, message: str) -> TableImportError:
    return TableImportError([TableProblem(where, 0, "", message)])


def check_file(path: Path) -> bytes:
    """The first bytes of a readable, not too large file; a clear error otherwise."""
    where = path.name
    try:
        if path.is_dir():
            raise _fail(where, msg("table.is_folder"))
        size = check_regular(path).st_size  # a FIFO or device is refused, never read
        if size > MAX_BYTES:
            raise _fail(where, msg("table.too_big", size=size / 1e6,
                                   limit=MAX_BYTES // (1024 * 1024)))
        with open(path, "rb") as fh:
            return fh.read(8)
    except ReadRefused as exc:
        raise _fail(where, exc.message) from None
    except FileNotFoundError:
        raise _fail(where, msg("file.not_found")) from None
    except PermissionError:
        raise _fail(where, msg("file.permission")) from None
    except OSError as exc:
        raise _fail(where, msg("file.os_error", reason=exc.strerror or str(exc))) from None


def is_xlsx(path: Path) -> bool:
    head = check_file(path)
    if head.startswith(_OLE_MAGIC):
        raise _fail(path.name, msg("table.xls"))
    return head.startswith(_ZIP_MAGIC)


# ---- CSV -------------------------------------------------------------------------------

def decode(raw: bytes, where: str, encoding: str | None) -> tuple[str, str]:
    """(text, encoding used). Detection order: BOMs, UTF-8, then CP932."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise _fail(where, msg("table.unknown_encoding", encoding=encoding)) from None
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise _fail(where, msg("table.bad_encoding", encoding=encoding,
                                   byte=raw[exc.start], offset=exc.start)) from None
        return text.lstrip("\ufeff"), codec
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", where), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", where), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if not raw[:utf8_error.start].isascii():
        # Japanese text in CP932 is not valid UTF-8 from its first character on; text that
        # was good UTF-8 for a while is UTF-8 with a damaged byte, not Shift_JIS.
        raise _fail(where, msg("table.damaged_utf8", byte=raw[utf8_error.start],
                               offset=utf8_error.start))
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        pass
    raise _fail(where, msg("table.not_utf8_sjis", byte=raw[utf8_error.start],
                           offset=utf8_error.start))


def _strict(raw: bytes, codec: str, where: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise _fail(where, msg("table.bad_bom", encoding=codec, offset=exc.start)) from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _check_one_encoding(raw: bytes, where: str) -> None:
    """A file read as CP932 whose row is valid, non-ASCII UTF-8 mixes two encodings (two
    exports pasted together); read as CP932 that row would become mojibake (本社 → 譛ｬ遉ｾ)."""
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        raise TableImportError([TableProblem(where, number, "", msg("table.mixed_encoding"))])


def _check_row(where: str, number: int, cells: list[Any], cell_limit: int = MAX_CELL) -> None:
    """Refuse a row too wide or a cell too long for any HR sheet (bounded time and memory
    for what follows)."""
    if len(cells) > MAX_COLUMNS:
        raise TableImportError([TableProblem(where, number, "", msg(
            "table.too_many_columns", count=len(cells), limit=MAX_COLUMNS))])
    for i, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > cell_limit:
            raise TableImportError([TableProblem(where, number, column_letter(i), msg(
                "table.cell_too_long", length=len(cell), limit=cell_limit))])


def csv_unescape(cell: str) -> str:
    """Undo the apostrophe that protects formula-like text in CSV (see table_export)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r'":
        return cell[1:]
    return cell


def read_csv(path: Path, encoding: str | None = None) -> RawSheet:
    where = path.name
    check_file(path)
    try:
        raw = read_capped(path, MAX_BYTES)
    except ReadRefused as exc:
        raise _fail(where, exc.message) from None
    except OSError as exc:
        raise _fail(where, msg("file.os_error", reason=exc.strerror or str(exc))) from None
    text, used = decode(raw, where, encoding)
    sheet = RawSheet(where)
    if used == "cp932" and not encoding:
        _check_one_encoding(raw, where)
        sheet.notes.append(TableProblem(where, 0, "", msg("table.read_as_sjis"), INFO))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, record in enumerate(reader, start=1):
            if number > MAX_ROWS + 10:
                raise _fail(where, msg("table.too_many_rows", limit=MAX_ROWS))
            if len(record) > MAX_COLUMNS or sum(map(len, record)) > MAX_CSV_CELL:
                _check_row(where, number, record, MAX_CSV_CELL)  # (no cell can be too long)
            if any(cell.strip() for cell in record):
                # the apostrophe is rare: one C-level look for it before any per-cell work
                joined = "\x1f".join(record)
                sheet.rows.append((number, [csv_unescape(c) for c in record]
                                   if joined[:1] == "'" or "\x1f'" in joined else record))
    except csv.Error as exc:
        raise TableImportError([TableProblem(where, reader.line_num, "",
                                             msg("table.not_csv", detail=str(exc)))]) from None
    return sheet


# ---- XLSX ------------------------------------------------------------------------------

def read_xlsx(path: Path) -> list[RawSheet]:
    """Every worksheet of the workbook, in workbook order."""
    from .table_xlsx import Workbook, XlsxError

    where = path.name
    check_file(path)
    with open(path, "rb") as fh:
        try:
            wb = Workbook(fh)
            try:
                sheets = []
                for title, part in wb.sheets:
                    sheet = RawSheet(title, role=_role(title))
                    rows, merges = wb.rows(part, MAX_ROWS + 10)
                    for number, cells in rows:
                        if number > MAX_ROWS + 10:
                            raise _fail(title, msg("table.too_many_rows", limit=MAX_ROWS))
                        _check_row(title, number, cells)
                        while cells and _blank(cells[-1]):
                            cells.pop()
                        if cells:
                            sheet.rows.append((number, cells))
                    if merges:
                        _fill_merges(sheet, merges)
                    sheets.append(sheet)
                return sheets
            finally:
                wb.close()
        except XlsxError as exc:
            raise _fail(where, message_of(exc)) from None
        except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:  # ParseError
            raise _fail(where, msg("table.not_xlsx", detail=message_of(exc))) from None


def _role(title: str) -> str | None:
    found = SHEET_WORDS.get(title)
    return str(found) if found else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_REF = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def _fill_merges(sheet: RawSheet, refs: list[str]) -> None:
    """Fill merged blocks, bounded: a block is cut at the last row that holds data (rows
    below hold nothing to import), blocks past `MAX_COLUMNS` have no header, and the cells
    filled in are counted against `MAX_MERGED_CELLS`."""
    by_row = {number: cells for number, cells in sheet.rows}
    last_row = max(by_row, default=0)
    budget = MAX_MERGED_CELLS
    for ref in dict.fromkeys(refs):  # the same block twice fills nothing new
        m = _REF.match(ref)
        if not m:
            continue
        c1, r1 = column_number(m[1]), int(m[2])
        c2, r2 = column_number(m[3]), min(int(m[4]), last_row)
        if c1 > MAX_COLUMNS or r1 > last_row:
            continue
        budget -= max(0, r2 - r1)
        if budget < 0:
            raise _fail(sheet.name, msg("table.too_many_merges", limit=MAX_MERGED_CELLS))
        top = by_row.get(r1, [])
        value = top[c1 - 1] if len(top) >= c1 else None
        sheet.merges.append((ref, r1, c1, r2, c2))
        if value is None:
            continue
        for r in range(r1, min(r2, r1 + MAX_ROWS) + 1):
            cells = by_row.get(r)
            if cells is None:
                cells = by_row[r] = []
                sheet.rows.append((r, cells))
            cells.extend([None] * (c1 - len(cells)))
            if r != r1:
                cells[c1 - 1] = value
    sheet.rows.sort(key=lambda pair: pair[0])


def table_kind(path: str | os.PathLike) -> str:
    """'xlsx' or 'csv', by content first (a renamed workbook is still a workbook)."""
    return "xlsx" if is_xlsx(Path(path)) else "csv"


__all__ = ["BadCell", "ERROR", "MAX_BYTES", "MAX_ROWS", "RawSheet", "decode", "is_xlsx",
           "read_csv", "read_xlsx", "sheet_names", "table_kind"]


def sheet_names(path: str | os.PathLike) -> list[str]:
    """The worksheet names of a workbook (cheap: no cells are read); [] for a CSV."""
    from .table_xlsx import Workbook, XlsxError

    p = Path(path)
    if not is_xlsx(p):
        return []
    with open(p, "rb") as fh:
        try:
            wb = Workbook(fh)
        except (XlsxError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
            raise _fail(p.name, msg("table.not_xlsx", detail=message_of(exc))) from None
        try:
            return [title for title, _ in wb.sheets]
        finally:
            wb.close()

"""Export a design back to the spreadsheet format `table_import` reads (DESIGN.md §8).

So a user can take the organisation back into Excel, fix it there, and import it again:
import → export → import gives the same design. One row per unit with its superior's id in
`parent`; flows other than reporting lines (and reporting lines that carry a label) go to a
flows sheet — in a workbook the sheet `flows`, beside a CSV the file `NAME.flows.csv`; the
companies, when there are any, to a `companies` sheet / `NAME.companies.csv`.

CSV is written as UTF-8 with a BOM, which is what makes Excel open Japanese text correctly.
In a workbook every text cell is written as text, so a name such as `=1+1` stays literal and
an id such as `001` keeps its zeros. Headers and values are English (`lang="en"`, the enum
values) or Japanese (`lang="ja"`, the Japanese headers and labels); both read back.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
from pathlib import Path
from typing import Any

from ..messages import shorten
from ..model import Design, FlowKind
from .atomic import atomic_path
from .table_aliases import (
    COMPANY_HEADERS_JA,
    FLOW_HEADERS_JA,
    SHEET_TITLES,
    UNIT_HEADERS_JA,
)

UNIT_COLUMNS = ("id", "name", "name_en", "parent", "kind", "functions", "headcount", "company",
                "notes")
FLOW_COLUMNS = ("from", "to", "kind", "label")
COMPANY_COLUMNS = ("id", "name", "name_en", "kind", "in_scope", "notes")
_WIDTHS = {"id": 12, "name": 28, "name_en": 28, "parent": 12, "kind": 14, "functions": 30,
           "headcount": 10, "company": 18, "notes": 30, "from": 12, "to": 12, "label": 24,
           "in_scope": 10}

Table = tuple[list[str], list[list[Any]]]
#: What openpyxl refuses in a cell (XML 1.0 forbids these control characters).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TableExportError(ValueError):
    """The design cannot be written in this format (e.g. an unknown file suffix)."""


def _header(columns: tuple[str, ...], ja: dict[str, str], lang: str) -> list[str]:
    return [ja[c] if lang == "ja" else c for c in columns]


def _label(member: Any, lang: str) -> str:
    return member.label("ja") if lang == "ja" else member.value


def company_refs(design: Design) -> dict[str, str]:
    """What the units sheet writes for each company: its name when reading it back cannot
    mean anything else (no other company's id, name or English name matches it), else its id.
    """
    from .table_resolve import name_key

    keys: dict[str, int] = {}
    for c in design.companies.values():
        for k in {name_key(c.name), name_key(c.name_en)} - {""}:
            keys[k] = keys.get(k, 0) + 1
    out = {}
    for cid, c in design.companies.items():
        key = name_key(c.name)
        clear = (c.name == c.name.strip() and key and keys.get(key) == 1
                 and (c.name == cid or c.name not in design.companies))
        out[cid] = c.name if clear else cid
    return out


def unit_table(design: Design, lang: str = "en") -> Table:
    refs = company_refs(design)
    sep = "、" if lang == "ja" else "; "
    rows = []
    for u in design.units.values():
        rows.append([u.id, u.name, u.name_en, design.superior(u.id) or "", _label(u.kind, lang),
                     sep.join(_label(f, lang) for f in u.functions), u.headcount,
                     refs.get(u.company, u.company), u.notes])
    return _header(UNIT_COLUMNS, UNIT_HEADERS_JA, lang), rows


def flow_table(design: Design, lang: str = "en") -> Table:
    """Overlay flows, and reporting lines only when they carry a label the parent column
    cannot hold."""
    rows = [[f.source, f.target, _label(f.kind, lang), f.label] for f in design.flows.values()
            if f.kind is not FlowKind.REPORTING or f.label]
    return _header(FLOW_COLUMNS, FLOW_HEADERS_JA, lang), rows


def company_table(design: Design, lang: str = "en") -> Table:
    yes, no = ("はい", "いいえ") if lang == "ja" else ("yes", "no")
    rows = [[c.id, c.name, c.name_en, _label(c.kind, lang), yes if c.in_scope else no, c.notes]
            for c in design.companies.values()]
    return _header(COMPANY_COLUMNS, COMPANY_HEADERS_JA, lang), rows


def write_table(design: Design, path: str | os.PathLike, lang: str = "en") -> None:
    """Write `.csv` (plus side files) or `.xlsx`, chosen by the suffix, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if lang not in ("en", "ja"):
        raise TableExportError(f"language must be 'en' or 'ja', not {lang!r}")
    tables = {"units": unit_table(design, lang), "flows": flow_table(design, lang),
              "companies": company_table(design, lang)}
    if suffix == ".xlsx":
        _write_xlsx(path, tables, lang)
    elif suffix in (".csv", ".txt"):
        _write_csvs(path, tables)
    else:
        raise TableExportError(f"{path.name}: cannot tell the table format from the suffix "
                               f"'{path.suffix}'; use .csv or .xlsx")


def side_path(path: Path, role: str) -> Path:
    """`units.csv` → `units.flows.csv`: where the flows and companies of a CSV live."""
    return path.with_name(f"{path.stem}.{role}{path.suffix}")


#: Leading characters that make Excel treat a CSV cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Prefix text that Excel would run as a formula with an apostrophe (Excel's own text
    marker). An existing leading apostrophe is doubled so `csv_unescape` can undo exactly."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS + ("'",)):
        return "'" + value
    return value


def _csv_bytes(table: Table) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    header, rows = table
    writer.writerow(header)
    writer.writerows(["" if v is None else csv_safe(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8-sig")


def _write_csvs(path: Path, tables: dict[str, Table]) -> None:
    """The units file, and each side file that has rows — or that exists already, so an old
    one never outlives the design it belonged to."""
    files = {path: tables["units"]}
    for role in ("flows", "companies"):
        side = side_path(path, role)
        if tables[role][1] or side.exists():
            files[side] = tables[role]
    payloads = {p: _csv_bytes(t) for p, t in files.items()}
    with contextlib.ExitStack() as stack:  # all files are replaced together at the end
        for p, data in payloads.items():
            stack.enter_context(atomic_path(p)).write_bytes(data)


#: Characters an .xlsx cell holds (Excel's limit).
XLSX_CELL = 32_767


def _write_xlsx(path: Path, tables: dict[str, Table], lang: str) -> None:
    for role, (_, rows) in tables.items():  # refuse before any file or workbook exists
        for row in rows:
            bad = next((v for v in row if isinstance(v, str) and _ILLEGAL.search(v)), None)
            if bad is not None:
                raise TableExportError(
                    f"{role} '{shorten(row[0])}': {shorten(bad)!r} holds a control character "
                    "an .xlsx cell cannot hold; remove it, or export as .csv")
            long = next((v for v in row if isinstance(v, str) and len(v) > XLSX_CELL), None)
            if long is not None:  # Excel would cut it (or call the file damaged)
                raise TableExportError(
                    f"{role} '{shorten(row[0])}': a text of {len(long):,} characters; an .xlsx "
                    f"cell holds at most {XLSX_CELL:,}; shorten it, or export as .csv")
    with atomic_path(path) as tmp:  # first, so an unwritable target fails before any work
        buf = io.BytesIO()  # in memory: a full disk fails once, in our write (see budget)
        _xlsx_book(buf, tables, lang)
        tmp.write_bytes(buf.getvalue())


def _xlsx_book(target: Any, tables: dict[str, Table], lang: str) -> None:
    """The workbook through XlsxWriter (openpyxl's writer spent 40 µs a cell: 24 s for a
    50,000-unit group). Every text is a text cell — '=1+1' is not a formula, '001' keeps its
    zeros — and text that starts like a formula carries Excel's quote prefix as well, so
    re-editing the cell keeps it text."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(target, {"strings_to_numbers": False,
                                      "strings_to_formulas": False,
                                      "strings_to_urls": False, "in_memory": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDE6F0", "pattern": 1})
    quoted = wb.add_format({"quote_prefix": True})
    titles = SHEET_TITLES[lang]
    for role, columns in (("units", UNIT_COLUMNS), ("flows", FLOW_COLUMNS),
                          ("companies", COMPANY_COLUMNS)):
        header, rows = tables[role]
        if role == "companies" and not rows:
            continue
        ws = wb.add_worksheet(titles[role])
        for i, column in enumerate(columns):
            ws.set_column(i, i, _WIDTHS[column])
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(rows), len(columns) - 1)
        for c, h in enumerate(header):
            ws.write_string(0, c, h, head)
        # XlsxWriter's undecorated writers: the public ones parse "A1" notation per cell
        text = getattr(ws, "_write_string", ws.write_string)
        number = getattr(ws, "_write_number", ws.write_number)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if isinstance(v, str):
                    if v:
                        text(r, c, v, quoted if v.startswith(FORMULA_STARTS) else None)
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    number(r, c, v, None)
                elif v is not None:
                    text(r, c, str(v), None)
    wb.close()

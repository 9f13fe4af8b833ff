"""From raw cells to typed rows: find the header, map columns, parse every cell.

Nothing here looks across rows (ids, parents, cycles — that is `table_resolve`); each row is
parsed on its own and every problem is recorded with the cell it came from, so a sheet with
ten mistakes shows ten lines, not the first one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..messages import Field, Label, Message, Seq, msg
from ..model import CompanyKind, FlowKind, Function, UnitKind
from .table_aliases import (
    COMPANY_HEADER_WORDS,
    COMPANY_KIND_WORDS,
    FLOW_HEADER_WORDS,
    FLOW_KIND_WORDS,
    FUNCTION_SEPARATORS,
    FUNCTION_WORDS,
    UNIT_HEADER_WORDS,
    UNIT_KIND_WORDS,
    Vocabulary,
    boolean,
)
from .table_problems import ERROR, WARNING, TableProblem, column_letter
from .table_read import BadCell, RawSheet

HEADER_SEARCH_ROWS = 10
MAX_HEADCOUNT = 10_000_000


@dataclass
class UnitRow:
    """One unit as the sheet gives it; `parent` and `company` are still the cell texts."""

    row: int
    id: str
    name: str
    name_en: str = ""
    parent: str = ""
    kind: UnitKind = UnitKind.DEPARTMENT
    functions: tuple[Function, ...] = ()
    headcount: int = 0
    company: str = ""
    notes: str = ""
    id_given: bool = True


@dataclass
class FlowRow:
    row: int
    source: str
    target: str
    kind: FlowKind | None
    label: str = ""


@dataclass
class CompanyRow:
    row: int
    id: str
    name: str
    name_en: str = ""
    kind: CompanyKind = CompanyKind.PARENT
    in_scope: bool = True
    notes: str = ""


@dataclass
class Header:
    row: int
    columns: dict[str, int]  # canonical column → 0-based index

    def letter(self, column: str) -> str:
        return column_letter(self.columns[column]) if column in self.columns else ""


@dataclass
class Parsed:
    """The rows of one sheet and what was found wrong with them."""

    sheet: str
    header: Header | None = None
    rows: list[Any] = field(default_factory=list)
    problems: list[TableProblem] = field(default_factory=list)

    def add(self, row: int, column: str, message: str, severity: str = ERROR) -> None:
        self.problems.append(TableProblem(self.sheet, row, column, message, severity))


# ---- header ----------------------------------------------------------------------------

def find_header(sheet: RawSheet, words: Vocabulary, out: Parsed, required: tuple[str, ...],
                example: str, any_of: tuple[str, ...] = ()) -> Header | None:
    """The first of the top rows that names known columns; title rows above it are skipped."""
    fallback = None
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        known = [words.get(text(c)) for c in cells]
        if sum(1 for k in known if k) >= 2:
            return _map_header(number, cells, known, words, out, required)
        if fallback is None and any(k in any_of for k in known if k):
            fallback = (number, cells, known)
    if fallback is not None:
        return _map_header(*fallback, words, out, required)
    first = sheet.rows[0][0] if sheet.rows else 0
    out.add(first, "", msg("table.no_header", rows=HEADER_SEARCH_ROWS, example=example)
            if sheet.rows else msg("table.empty_sheet"))
    return None


def _map_header(number: int, cells: list[Any], known: list[Any], words: Vocabulary,
                out: Parsed, required: tuple[str, ...]) -> Header:
    columns: dict[str, int] = {}
    for i, (cell, canonical) in enumerate(zip(cells, known, strict=True)):
        label = text(cell)
        if not label:
            continue
        if canonical is None:
            hint = words.suggest(label)
            also = msg("table.column_hint", choice=hint) if hint else ""
            out.add(number, column_letter(i),
                    msg("table.column_ignored", label=label, hint=also), WARNING)
        elif canonical in columns:
            out.add(number, column_letter(i),
                    msg("table.column_repeated", label=label,
                        letter=column_letter(columns[canonical]), canonical=canonical))
        else:
            columns[str(canonical)] = i
    for name in required:
        alternatives = name.split("|")
        if not any(a in columns for a in alternatives):
            out.add(number, "", msg("table.missing_column",
                                    names=Seq(alternatives, " or ", "」または「")))
    return Header(number, columns)


# ---- cells -------------------------------------------------------------------------------

def text(value: Any) -> str:
    """A cell as the text the user sees (1001.0 → '1001', a date → '2026-04-01')."""
    if value is None or isinstance(value, BadCell):
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


#: Columns whose text is kept exactly as in the cell (leading and trailing spaces too).
EXACT_TEXT = frozenset({"name", "name_en", "notes", "label"})


class _Row:
    """The cells of one data row, read by canonical column name, recording problems.

    Each mapped cell is turned into text once, up front: a 5,000-row sheet reads every
    cell of every row, so this is the import's inner loop.
    """

    def __init__(self, number: int, cells: list[Any], header: Header, out: Parsed):
        self.number, self.cells, self.header, self.out = number, cells, header, out
        self.texts: dict[str, str] = {}
        self.bad: dict[str, BadCell] = {}
        n = len(cells)
        for column, i in header.columns.items():
            value = cells[i] if i < n else None
            if value is None:
                self.texts[column] = ""
            elif type(value) is str:
                # free text keeps its spaces and tabs (export → import gives the same
                # design); ids and references are compared stripped
                stripped = value.strip()
                self.texts[column] = value if column in EXACT_TEXT and stripped else stripped
            elif isinstance(value, BadCell):
                self.bad[column] = value
                self.texts[column] = ""
            else:
                self.texts[column] = text(value)

    def raw(self, column: str) -> Any:
        i = self.header.columns.get(column)
        return self.cells[i] if i is not None and i < len(self.cells) else None

    def get(self, column: str, limit: int = 500) -> str:
        """The cell's text; a bad cell is reported (once) and reads as empty."""
        if column in self.bad:
            self.error(column, self.bad.pop(column).message)
            return ""
        s = self.texts.get(column, "")
        if len(s) > limit:
            self.error(column, msg("value.too_long", what=Field(column), length=len(s),
                                   limit=limit))
            return s[:limit]
        return s

    def error(self, column: str, message: str, severity: str = ERROR) -> None:
        self.out.add(self.number, self.header.letter(column), message, severity)

    def empty(self) -> bool:
        return not self.bad and not any(self.texts.values())


def _unknown(what: str, value: str, words: Vocabulary, choices: Seq) -> Message:
    hint = words.suggest(value)
    return (msg("table.unknown_hint", what=Field(what), value=value, choice=hint) if hint
            else msg("table.unknown_known", what=Field(what), value=value, choices=choices))


def _choices(enum: Any) -> Seq:
    """The values a column accepts: as stored in English, by their labels in Japanese (the
    importer reads both)."""
    return Seq((Label(m, m.value) for m in enum), ", ", "、")


_KINDS = _choices(UnitKind)
_FUNCS = _choices(Function)
_FLOWS = _choices(FlowKind)
_COUNT_SUFFIX = re.compile(r"\s*(人|名|persons?|people)$", re.IGNORECASE)


def headcount(value: Any) -> int | None:
    """A whole number ≥ 0 from a number or text such as '1,200', '１２', '12人'; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 0 <= value <= MAX_HEADCOUNT else None
    if isinstance(value, str):
        s = _COUNT_SUFFIX.sub("", unicodedata.normalize("NFKC", value).strip()).replace(",", "")
        if s.isdigit() and s.isascii():
            n = int(s)
            return n if n <= MAX_HEADCOUNT else None
    return None


# ---- sheets ------------------------------------------------------------------------------

def parse_units(sheet: RawSheet) -> Parsed:
    out = Parsed(sheet.name)
    header = find_header(sheet, UNIT_HEADER_WORDS, out, ("name|name_en",),
                         msg("table.header_example", en="id, name, parent, kind",
                             ja="部署ID, 部署名, 上位部署, 種別"),
                         any_of=("name", "parent"))
    out.header = header
    if header is None or any(p.fatal and p.row == header.row and not p.column
                             for p in out.problems):
        return out
    cols = header.columns
    if "kind" not in cols:
        out.add(header.row, "", msg("table.no_kind_column"), WARNING)
    for r in _data_rows(sheet, header, out):
        out.rows.append(_unit(r))
    return out


def _unit(r: _Row) -> UnitRow:
    uid = r.get("id", limit=200)
    unit = UnitRow(r.number, uid, r.get("name"), r.get("name_en"), r.get("parent", 500),
                   company=r.get("company", 200), notes=r.get("notes", 100_000),
                   id_given=bool(uid))
    if not (unit.name or unit.name_en):
        r.error("name" if "name" in r.header.columns else "name_en",
                msg("table.empty_name"))
    kind = r.get("kind")
    if kind:
        found = UNIT_KIND_WORDS.get(kind)
        if found is None:
            r.error("kind", _unknown("kind", kind, UNIT_KIND_WORDS, _KINDS))
        else:
            unit.kind = found  # type: ignore[assignment]
    elif "kind" in r.header.columns:
        r.error("kind", msg("table.empty_kind"), WARNING)
    funcs: list[Function] = []
    for word in FUNCTION_SEPARATORS.split(r.get("functions", 2000)):
        word = word.strip()
        if not word:
            continue
        found = FUNCTION_WORDS.get(word)
        if found is None:
            r.error("functions", _unknown("function", word, FUNCTION_WORDS, _FUNCS))
        elif found not in funcs:
            funcs.append(found)  # type: ignore[arg-type]
    unit.functions = tuple(funcs)
    raw = r.raw("headcount")
    if isinstance(raw, BadCell):
        r.get("headcount")  # reports it
    elif r.texts.get("headcount"):
        n = headcount(raw)
        if n is None:
            r.error("headcount", msg("table.bad_headcount", value=text(raw),
                                     limit=MAX_HEADCOUNT))
        else:
            unit.headcount = n
    return unit


def _data_rows(sheet: RawSheet, header: Header, out: Parsed) -> Iterator[_Row]:
    """The non-empty rows below the header, each wrapped for typed access."""
    for number, cells in sheet.rows:
        if number > header.row:
            r = _Row(number, cells, header, out)
            if not r.empty():
                yield r


def parse_flows(sheet: RawSheet) -> Parsed:
    out = Parsed(sheet.name)
    header = find_header(sheet, FLOW_HEADER_WORDS, out, ("from", "to", "kind"),
                         msg("table.header_example", en="from, to, kind, label",
                             ja="元, 先, 種別, ラベル"))
    out.header = header
    if header is None:
        return out
    for r in _data_rows(sheet, header, out):
        bad_ends = {end for end in ("from", "to") if end in r.bad}
        flow = FlowRow(r.number, r.get("from", 500), r.get("to", 500), None, r.get("label"))
        for end, value in (("from", flow.source), ("to", flow.target)):
            if not value and end in header.columns and end not in bad_ends:
                r.error(end, msg("table.flow_end_empty", end=end))
        kind = r.get("kind")
        if not kind:
            if "kind" in header.columns:
                r.error("kind", msg("table.flow_kind_empty", choices=_FLOWS))
        elif (found := FLOW_KIND_WORDS.get(kind)) is None:
            r.error("kind", _unknown("flow kind", kind, FLOW_KIND_WORDS, _FLOWS))
        else:
            flow.kind = found  # type: ignore[assignment]
        out.rows.append(flow)
    return out


def parse_companies(sheet: RawSheet) -> Parsed:
    out = Parsed(sheet.name)
    header = find_header(sheet, COMPANY_HEADER_WORDS, out, ("name",),
                         msg("table.header_example", en="id, name, kind",
                             ja="会社ID, 会社名, 種別"), any_of=("name",))
    out.header = header
    if header is None:
        return out
    for r in _data_rows(sheet, header, out):
        company = CompanyRow(r.number, r.get("id", 200), r.get("name"), r.get("name_en"),
                             notes=r.get("notes", 100_000))
        if not company.name:
            r.error("name", msg("table.empty_company_name"))
        kind = r.get("kind")
        if kind:
            found = COMPANY_KIND_WORDS.get(kind)
            if found is None:
                r.error("kind", _unknown("company kind", kind, COMPANY_KIND_WORDS,
                                         _choices(CompanyKind)))
            else:
                company.kind = found  # type: ignore[assignment]
        scope = r.get("in_scope")
        if scope:
            flag = boolean(scope)
            if flag is None:
                r.error("in_scope", msg("table.not_yes_no", value=scope))
            else:
                company.in_scope = flag
        out.rows.append(company)
    return out

"""A worksheet that stores a plain row in one call and writes its cells' XML in one tight loop.

Why: at 50,000 units the Organisation sheet holds ~400,000 cells, and XlsxWriter spends
about 25 µs of Python on each (argument checks when stored; an attribute list, escaping and
a class-name dispatch when written) — most of `budget -o`'s time (issue #22). The XML
written is byte for byte what XlsxWriter writes (tests/budget/test_xlsx_rows.py compares
the two): only shared-string and number cells with a format take the short path, every
other cell goes through XlsxWriter's own `_write_cell`.

This leans on XlsxWriter internals (the cell table, `_write_row`, the spans); `fast_class`
returns None when they are not there, and the workbook then uses the stock Worksheet.
"""

from __future__ import annotations

from typing import Any


def fast_class() -> type | None:
    """The fast Worksheet subclass, or None when this XlsxWriter lacks what it relies on."""
    try:
        from xlsxwriter.utility import xl_col_to_name
        from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple, Worksheet
    except ImportError:
        return None
    needed = ("_write_rows", "_write_row", "_write_cell", "_calculate_spans",
              "_check_dimensions")
    if not all(hasattr(Worksheet, name) for name in needed):
        return None

    class FastWorksheet(Worksheet):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            super().__init__()
            self._names: dict[int, str] = {}  # column letters
            self._xf: dict[int, str] = {}  # a Format's index, by id

        def put_row(self, row: int, cells: list[tuple[int, Any, Any]]) -> None:
            """Cells (column, str or number, Format) of one row, 0-based and in column
            order; strings already cleaned and short (what `write_string` stores). Each
            cell is stored as its XML around the format's index, which `_write_rows` fills
            in (indices are numbered as cells are written out, as XlsxWriter does)."""
            if not cells or self._check_dimensions(row, cells[0][0]) \
                    or self._check_dimensions(row, cells[-1][0]):
                return
            shared = self.str_table._get_shared_string_index
            table = self.table[row]
            names = self._names
            r = str(row + 1)
            for col, value, fmt in cells:
                name = names.get(col) or names.setdefault(col, xl_col_to_name(col))
                table[col] = (f'<c r="{name}{r}" s="', fmt,
                              f'" t="s"><v>{shared(value)}</v></c>' if type(value) is str
                              else f'"><v>{value:.16G}</v></c>')

        def _calculate_spans(self) -> None:
            """XlsxWriter's spans (the columns used per block of 16 rows), from each row's
            first and last cell rather than a scan of every column."""
            blocks: dict[int, tuple[int, int]] = {}
            table, comments = self.table, self.comments
            for row_num in {r for r, c in table.items() if c} | set(comments):
                cols = [*table.get(row_num, ()), *comments.get(row_num, ())]
                lo, hi = min(cols), max(cols)
                seen = blocks.get(row_num // 16)
                if seen is not None:
                    lo, hi = min(lo, seen[0]), max(hi, seen[1])
                blocks[row_num // 16] = (lo, hi)
            spans = {block: f"{lo + 1}:{hi + 1}" for block, (lo, hi) in blocks.items()}
            self.row_spans = spans

        def _write_rows(self) -> None:
            if self.constant_memory:  # pragma: no cover - the workbook never uses it
                super()._write_rows()
                return
            self._calculate_spans()
            write = self.fh.write
            row_info, comments, table, spans = (self.row_info, self.comments, self.table,
                                                self.row_spans)
            names, xf = self._names, self._xf
            for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
                cells = table.get(row_num)
                info = row_info.get(row_num)
                if not (cells or info is not None or row_num in comments):
                    continue
                span = spans.get(row_num // 16)
                if not cells:
                    self._write_row(row_num, span, info, empty_row=True)
                    continue
                self._write_row(row_num, span, info)
                r = str(row_num + 1)
                parts = []
                for col_num in sorted(cells):
                    cell = cells[col_num]
                    kind = type(cell)
                    if kind is tuple:  # put_row's XML around the format's index
                        head, fmt, tail = cell
                        s = xf.get(id(fmt))
                        if s is None:
                            s = xf[id(fmt)] = str(fmt._get_xf_index())
                        parts += (head, s, tail)
                        continue
                    fmt = cell.format
                    if fmt is None or (kind is not CellStringTuple
                                       and kind is not CellNumberTuple):
                        if parts:
                            write("".join(parts))
                            parts = []
                        self._write_cell(row_num, col_num, cell)
                        continue
                    s = xf.get(id(fmt))
                    if s is None:
                        s = xf[id(fmt)] = str(fmt._get_xf_index())
                    name = names.get(col_num)
                    if name is None:
                        name = names[col_num] = xl_col_to_name(col_num)
                    if kind is CellStringTuple:
                        parts.append(f'<c r="{name}{r}" s="{s}" t="s"><v>{cell.string}</v></c>')
                    else:
                        parts.append(f'<c r="{name}{r}" s="{s}"><v>{cell.number:.16G}</v></c>')
                if parts:
                    write("".join(parts))
                self._xml_end_tag("row")

    return FastWorksheet

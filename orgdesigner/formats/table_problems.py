"""Problems found in an imported sheet, each pinned to a sheet, row and column.

A spreadsheet user fixes problems in Excel, so every problem names the place they look at:
the sheet (or CSV file name), the row number Excel shows and the column letter. All problems
of a sheet are collected before anything is built, so one import attempt lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class TableProblem:
    sheet: str
    row: int  # 1-based row as Excel shows it; 0 for the file as a whole
    column: str  # column letter ("C"), or "" for the whole row or file
    message: str
    severity: str = ERROR

    @property
    def fatal(self) -> bool:
        return self.severity == ERROR

    @property
    def cell(self) -> str:
        """Excel's name for the place, e.g. "C5", "row 5", or ""."""
        if self.row and self.column:
            return f"{self.column}{self.row}"
        return f"row {self.row}" if self.row else ""

    def __str__(self) -> str:
        """`SHEET:ROW:COL: message`, leaving out the parts that do not apply."""
        where = [self.sheet]
        if self.row:
            where.append(str(self.row))
            if self.column:
                where.append(self.column)
        prefix = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{':'.join(where)}: {prefix}{self.message}"

    def sort_key(self) -> tuple:
        return (self.sheet, self.row, column_number(self.column), self.message)


@dataclass(frozen=True)
class BadCell:
    """A cell whose value cannot be used (an Excel error value, a formula never calculated);
    `message` says why and what to do. Reported only if its column matters."""

    message: str

    def __str__(self) -> str:
        return ""


class TableImportError(Exception):
    """The sheet cannot be imported; `problems` lists every problem (errors and warnings).

    `preview` holds whatever rows could be parsed, so a dialog can still show the user
    their sheet next to the errors.
    """

    def __init__(self, problems: list[TableProblem], preview: list | None = None,
                 sheet: str = ""):
        self.problems = problems
        self.preview = preview or []
        self.sheet = sheet  # the units sheet the preview rows come from
        errors = self.errors
        first = str(errors[0]) if errors else (str(problems[0]) if problems else "cannot import")
        more = f" (and {len(errors) - 1} more error(s))" if len(errors) > 1 else ""
        super().__init__(first + more)

    @property
    def errors(self) -> list[TableProblem]:
        return [p for p in self.problems if p.fatal]

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n

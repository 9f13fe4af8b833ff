"""Problems found in an imported sheet, each pinned to a sheet, row and column.

A spreadsheet user fixes problems in Excel, so every problem names the place they look at:
the sheet (or CSV file name), the row number Excel shows and the column letter. All problems
of a sheet are collected before anything is built, so one import attempt lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import msg, text_of

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class TableProblem:
    sheet: str
    row: int  # 1-based row as Excel shows it; 0 for the file as a whole
    column: str  # column letter ("C"), or "" for the whole row or file
    message: str  # English; a `messages.Message` (also a str) can show itself in Japanese
    severity: str = ERROR

    @property
    def fatal(self) -> bool:
        return self.severity == ERROR

    @property
    def cell(self) -> str:
        """Excel's name for the place, e.g. "C5", "row 5", or ""."""
        return self.cell_text("en")

    def cell_text(self, lang: str = "en") -> str:
        """`cell` in `lang` ("C5", "5 行目")."""
        if self.row and self.column:
            return f"{self.column}{self.row}"
        return msg("table.row", row=self.row).text(lang) if self.row else ""

    def message_text(self, lang: str = "en") -> str:
        """The message alone in `lang`."""
        return text_of(self.message, lang)

    def __str__(self) -> str:
        """`SHEET:ROW:COL: message`, leaving out the parts that do not apply."""
        where = [self.sheet]
        if self.row:
            where.append(str(self.row))
            if self.column:
                where.append(self.column)
        prefix = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{':'.join(where)}: {prefix}{self.message}"

    def text(self, lang: str = "en") -> str:
        """`str(self)` in `lang`: the place stays `SHEET:ROW:COL` (an editor can jump to it),
        the severity and the message are translated."""
        if lang != "ja":
            return str(self)
        where = [self.sheet]
        if self.row:
            where.append(str(self.row))
            if self.column:
                where.append(self.column)
        prefix = "" if self.severity == ERROR else msg(f"table.{self.severity}").text(lang)
        return f"{':'.join(where)}: {prefix}{self.message_text(lang)}"

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
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """One line: the first error (or problem) and how many more errors, in `lang`."""
        errors, problems = self.errors, self.problems
        first = (errors[0].text(lang) if errors else problems[0].text(lang) if problems
                 else msg("table.cannot_import").text(lang))
        more = (msg("table.more_errors", count=len(errors) - 1).text(lang)
                if len(errors) > 1 else "")
        return first + more

    @property
    def errors(self) -> list[TableProblem]:
        return [p for p in self.problems if p.fatal]

    def lines(self, lang: str = "en") -> list[str]:
        return [p.text(lang) for p in self.problems]


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

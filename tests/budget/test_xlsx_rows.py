"""The fast worksheet (budget/xlsx_rows.py) writes exactly the file XlsxWriter's own
worksheet writes, for any rows a sheet is given; user text still never becomes a formula."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.budget import xlsx
from orgdesigner.budget.xlsx_rows import fast_class

TEXT = st.one_of(
    st.sampled_from(["", "=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "a&b<c>", " lead", "trail ",
                     "営業部", "x" * 61, "two\nlines", "bell\x07", "_x0041_", "tab\there"]),
    st.text(max_size=70))
VALUE = st.one_of(st.none(), TEXT, st.integers(-10**12, 10**12),
                  st.floats(allow_nan=False, allow_infinity=False))
ROWS = st.lists(st.lists(VALUE, max_size=9), max_size=40)
WRAP = st.one_of(st.frozensets(st.integers(1, 9)),
                 st.dictionaries(st.integers(1, 9), st.integers(0, 30)))


def build(rows: list[list], wrap, fast: bool, lang: str = "en") -> dict[str, bytes]:
    """The package's parts (but the creation time) of a workbook of one list sheet, with a
    title, headers, a formula and a tall row around the list, as the budget sheets have."""
    buf = io.BytesIO()
    book = xlsx.Book(buf, lang)
    if not fast:
        book._sheet_class = None
    sheet = book.sheet("List", "Title & co", "Page")
    sheet.title("=Heading")
    sheet.headers(3, ["id", "名前", "kind"])
    for i, values in enumerate(rows):
        sheet.row(4 + i, values, wrap)
    end = 4 + len(rows)
    sheet.formula(end + 1, 2, f"=SUM(B4:B{end})", 0)
    sheet.merge(end + 2, 1, 3, "a note long enough to wrap " * 4, lines_width=20)
    sheet.finish(header_row=3, freeze=(4, 2))
    other = book.sheet("Other", "Title & co", "Page")
    other.row(1, ["after", 1])
    other.finish()
    book.wb.close()
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_fast_sheet_is_in_use() -> None:
    assert fast_class() is not None
    book = xlsx.Book(io.BytesIO(), "en")
    assert hasattr(book.sheet("S", "", "").ws, "put_row")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ROWS, wrap=WRAP, lang=st.sampled_from(["en", "ja"]))
def test_same_file_as_xlsxwriters_own_sheet(rows: list[list], wrap, lang: str) -> None:
    assert build(rows, wrap, True, lang) == build(rows, wrap, False, lang)


@settings(max_examples=25, deadline=None)
@given(rows=ROWS)
def test_text_stays_text_and_numbers_numbers(rows: list[list]) -> None:
    parts = build(rows, frozenset({2}), True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["List"]
    for i, values in enumerate(rows):
        for col, v in enumerate(values, start=1):
            cell = ws.cell(4 + i, col)
            if isinstance(v, str) and v:
                assert cell.data_type == "s"
                if "\r" not in v and "_x" not in v:  # XlsxWriter writes these _xHHHH_-escaped
                    assert cell.value == xlsx.clean_text(v)
                assert cell.quotePrefix == v.startswith(xlsx.FORMULA_START)
            elif v is None or v == "":
                assert cell.value is None
            else:
                # XlsxWriter keeps 16 significant digits, as Excel shows
                assert cell.data_type == "n" and cell.value == float(f"{v:.16G}")

"""CSV export protects formula-like names from Excel, and import gives them back exactly."""

from __future__ import annotations

from orgdesigner.formats.table_export import write_table
from orgdesigner.formats.table_import import read_table
from orgdesigner.model import Design, Unit

NAMES = ['=HYPERLINK("http://x")', "+81-3", "-部", "@SUM(A1)", "'=quoted", "'plain", "普通"]


def test_formula_like_names_are_escaped_and_round_trip(tmp_path):
    d = Design()
    for i, name in enumerate(NAMES):
        d.add_unit(Unit(f"u{i}", name))
    path = tmp_path / "units.csv"
    write_table(d, path)
    text = path.read_text("utf-8-sig")
    for line in text.splitlines()[1:]:
        cell = line.split(",", 2)[1].strip('"')
        assert not cell.startswith(("=", "+", "-", "@")), line
    back = read_table(path, layout=False).design
    assert [u.name for u in back.units.values()] == NAMES


def test_xlsx_export_marks_formula_like_text_with_the_quote_prefix(tmp_path):
    """Stored as text AND with Excel's quote prefix, so re-editing the cell in Excel keeps
    it text; the import reads the names back exactly."""
    import openpyxl

    d = Design()
    for i, name in enumerate(NAMES):
        d.add_unit(Unit(f"u{i}", name))
    path = tmp_path / "units.xlsx"
    write_table(d, path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {c.value: c for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str)}
    for name in NAMES:
        c = cells[name]
        assert c.data_type == "s"
        assert c.quotePrefix == name.startswith(("=", "+", "-", "@")), name
    back = read_table(path, layout=False).design
    assert [u.name for u in back.units.values()] == NAMES

"""Property: any design the sheet can express survives export → import, in both formats."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.formats.table_export import TableExportError, write_table
from orgdesigner.formats.table_import import read_table
from orgdesigner.model import (
    Company,
    CompanyKind,
    Design,
    Flow,
    FlowKind,
    Function,
    Unit,
    UnitKind,
)

# Text as people type it: Japanese, quotes, commas, semicolons, leading "=", line breaks.
# Cells are read stripped, so the strategy draws stripped text.
ALPHABET = st.sampled_from(list("ab AZ09,;\"'=+-@#.、。部署情報システム課（）\n"))
TEXT = st.text(ALPHABET, max_size=12).map(str.strip)
NAME = TEXT.filter(bool)


@st.composite
def designs(draw) -> Design:
    d = Design()
    n_companies = draw(st.integers(0, 3))
    for i in range(n_companies):
        d.add_company(Company(f"c{i + 1}", draw(NAME), draw(TEXT),
                              draw(st.sampled_from(list(CompanyKind))), draw(st.booleans())))
    n = draw(st.integers(1, 12))
    ids = [f"u{i}" for i in range(n)]
    for uid in ids:
        d.add_unit(Unit(
            uid, draw(NAME), draw(st.sampled_from(list(UnitKind))), name_en=draw(TEXT),
            functions=tuple(draw(st.lists(st.sampled_from(list(Function)), max_size=3,
                                          unique=True))),
            headcount=draw(st.integers(0, 5000)), notes=draw(TEXT),
            company=draw(st.sampled_from([""] + list(d.companies)))))
    for i, uid in enumerate(ids[1:], start=1):  # a forest: parents come earlier
        if draw(st.booleans()):
            d.add_flow(Flow(d.new_id("f"), ids[draw(st.integers(0, i - 1))], uid,
                            FlowKind.REPORTING, draw(TEXT)))
    for _ in range(draw(st.integers(0, 6))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        kind = draw(st.sampled_from([k for k in FlowKind if k is not FlowKind.REPORTING]))
        if a != b and not any((f.source, f.target, f.kind) == (a, b, kind)
                              for f in d.flows.values()):
            d.add_flow(Flow(d.new_id("f"), a, b, kind, draw(TEXT)))
    return d


def structure(d: Design) -> dict:
    companies = {c.id: (c.name, c.name_en, c.kind, c.in_scope) for c in d.companies.values()}
    return {
        "units": [(u.id, u.name, u.name_en, u.kind, u.functions, u.headcount, u.notes,
                   companies.get(u.company), d.superior(u.id)) for u in d.units.values()],
        "flows": sorted((f.source, f.target, f.kind.value, f.label) for f in d.flows.values()),
        "companies": sorted(companies.values()),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(design=designs(), suffix=st.sampled_from([".csv", ".xlsx"]),
       lang=st.sampled_from(["en", "ja"]))
def test_export_then_import_keeps_everything_the_sheet_holds(design, suffix, lang):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"org{suffix}"
        write_table(design, out, lang=lang)
        back = read_table(out).design
    assert structure(back) == structure(design)


def test_control_characters_are_refused_by_xlsx_with_the_unit_named(tmp_path):
    d = Design()
    d.add_unit(Unit("a1", "bad\x01name"))
    with pytest.raises(TableExportError, match=r"units 'a1': 'bad\\x01name' holds a control"):
        write_table(d, tmp_path / "o.xlsx")
    assert list(tmp_path.iterdir()) == []
    write_table(d, tmp_path / "o.csv")  # CSV can hold it
    assert read_table(tmp_path / "o.csv").design.units["a1"].name == "bad\x01name"

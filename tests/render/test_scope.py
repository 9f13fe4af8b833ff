"""Diagrams of large groups (render/scope.py): the overview keeps every company, folds the
rest with honest counts, stays readable on paper; company/branch scopes hold only their
part; a PNG of a huge design is never a sliver."""

from __future__ import annotations

import re
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.model import Company, Design, Flow, FlowKind, Metadata, Unit, UnitKind
from orgdesigner.render import paper as paper_mod
from orgdesigner.render import scope
from orgdesigner.render.export import ExportError, diagram_bytes
from orgdesigner.render.layout import subtree
from orgdesigner.synthetic import generate

from .conftest import overlapping_boxes


def wide(n: int) -> Design:
    """One company: management with `n` direct reports (the flattest shape)."""
    d = Design(Metadata(title="Wide"))
    d.add_company(Company("c1", "本社", "Head office"))
    d.add_unit(Unit("m", "経営層", UnitKind.MANAGEMENT, company="c1"))
    for i in range(n):
        d.add_unit(Unit(f"u{i}", f"部{i}", UnitKind.DEPARTMENT, company="c1"))
        d.add_flow(Flow(f"r{i}", "m", f"u{i}", FlowKind.REPORTING))
    return d


def deep(n: int) -> Design:
    """One company, a chain `n` deep (the deepest shape)."""
    d = Design(Metadata(title="Deep"))
    d.add_company(Company("c1", "本社", "Head office"))
    d.add_unit(Unit("u0", "経営層", UnitKind.MANAGEMENT, company="c1"))
    for i in range(1, n):
        d.add_unit(Unit(f"u{i}", f"課{i}", UnitKind.SECTION, company="c1"))
        d.add_flow(Flow(f"r{i}", f"u{i - 1}", f"u{i}", FlowKind.REPORTING))
    return d


SHAPES = {
    "group": lambda: generate(3000),
    "many companies": lambda: generate(2000, companies=40),
    "wide": lambda: wide(1500),
    "deep": lambda: deep(800),
}


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG")
    return struct.unpack(">II", data[16:24])


def _hidden(design: Design, part: Design) -> int:
    """Units the overview hides, read back from the "+N folded" lines of its labels."""
    total = 0
    for u in part.units.values():
        last = u.name_en.rsplit("\n", 1)[-1] if u.name_en else ""
        if last.startswith("+") and last.endswith(" folded"):
            total += int(last[1:-7].replace(",", ""))
    return total


@pytest.mark.parametrize("shape", SHAPES)
def test_overview_lists_every_company_and_counts_what_it_folds(shape: str) -> None:
    design = SHAPES[shape]()
    part, lay = scope.overview_layout(design, paper="a3-landscape")
    assert set(part.companies) == set(design.companies)
    assert set(lay.company_rects) == set(design.companies)
    assert len(part.units) + _hidden(design, part) == len(design.units)
    assert not overlapping_boxes(lay)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("paper", ["a4-landscape", "a3-landscape"])
def test_overview_pdf_fits_the_paper_with_readable_text(shape: str, paper: str) -> None:
    """One page of exactly the paper; labels ≥ 6 pt, or (only when even the companies' top
    boxes cannot fit, 40 companies on A4) the small-text warning."""
    design = SHAPES[shape]()
    notes: list = []
    data = diagram_bytes(design, "pdf", scope="overview", paper=paper, notes=notes,
                         date="2026-04-01")
    pw, ph = paper_mod.page_size(paper)
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert [(float(w), float(h)) for w, h in boxes] == [(pw, ph)]
    part, lay = scope.overview_layout(design, paper=paper)
    x, y, w, h = lay.bounds()
    readable = scope.text_pt((x, y, w, h + scope.LEGEND_ROOM), paper) >= paper_mod.MIN_TEXT
    warned = any(getattr(n, "key", "") == "export.small_text" for n in notes)
    assert readable or warned
    if paper.startswith("a3") or shape != "many companies":
        assert readable


def test_png_of_a_huge_flat_design_is_the_overview_not_a_sliver() -> None:
    design = wide(3000)
    notes: list = []
    w, h = _png_size(diagram_bytes(design, "png", notes=notes, date="2026-04-01"))
    assert notes and max(w / h, h / w) < scope.MAX_ASPECT and min(w, h) >= 200
    forced = _png_size(diagram_bytes(design, "png", scope="all", date="2026-04-01"))
    assert forced[0] / forced[1] > scope.MAX_ASPECT  # --scope all still draws everything


def test_company_and_branch_scopes_hold_only_their_part() -> None:
    design = generate(1200, companies=4)
    part = scope.scoped_design(design, scope.parse_scope("company:c2"))
    assert {u.company for u in part.units.values()} == {"c2"}
    assert set(part.units) == {u.id for u in design.units_in("c2")}
    branch = next(u for u in design.units if u.startswith("u3_") and len(subtree(design, u)) > 5
                  and u != "u3_1")
    part = scope.scoped_design(design, scope.parse_scope(f"branch:{branch}"))
    assert set(part.units) == set(subtree(design, branch))
    assert all(f.source in part.units and f.target in part.units for f in part.flows.values())


@pytest.mark.parametrize("text", ["", "bogus", "company:", "branch", "overview:x"])
def test_bad_scope_is_one_clear_error(text: str) -> None:
    if not text:
        assert scope.parse_scope(text) == scope.Scope("all")
        return
    with pytest.raises(ExportError):
        diagram_bytes(wide(3), "svg", scope=text)


def test_scope_naming_nothing_is_an_error() -> None:
    with pytest.raises(ExportError, match="nope"):
        diagram_bytes(wide(3), "svg", scope="company:nope")


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=60),
       st.integers(min_value=0, max_value=3))
def test_folded_counts_add_up(parents: list[int], levels: int) -> None:
    """Whatever the tree, kept units plus the folded counts are every unit."""
    d = Design(Metadata(title="t"))
    d.add_company(Company("c1", "c"))
    d.add_unit(Unit("u0", "top", UnitKind.MANAGEMENT, company="c1"))
    for i, p in enumerate(parents, start=1):
        d.add_unit(Unit(f"u{i}", f"n{i}", UnitKind.SECTION, name_en=f"n{i}", company="c1"))
        d.add_flow(Flow(f"r{i}", f"u{min(p, i - 1)}", f"u{i}", FlowKind.REPORTING))
    part = scope.overview_part(d, levels)
    assert len(part.units) + _hidden(d, part) == len(d.units)


def test_pdf_of_an_unreadable_group_is_an_overview_then_the_companies_pages() -> None:
    pypdf = pytest.importorskip("pypdf")
    import io

    design = generate(1200, companies=4)
    notes: list = []
    data = diagram_bytes(design, "pdf", scope="all", paper="a4-landscape", notes=notes,
                         date="2026-04-01")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 1 + len(design.companies)  # 300 units: split into branches
    assert all((float(p.mediabox.width), float(p.mediabox.height)) == (842.0, 595.0)
               for p in reader.pages)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Overview", *(c.display_name("en") for c in design.companies.values()),
                      "Units in no company"]  # the outside parties
    keys = [getattr(n, "key", "") for n in notes]
    assert "export.pdf_book" in keys and "export.pdf_book_branches" in keys
    small = diagram_bytes(wide(3), "pdf", scope="all", date="2026-04-01")
    assert len(pypdf.PdfReader(io.BytesIO(small)).pages) == 1  # readable: one page as before

"""The PDF book of a large group (render/pdf_book.py, book_plan.py, pdf_links.py), read back
with pypdf: a company too large to read on one page has its top levels on its page and each
big branch folded into a box with its count, linking to the branch's own page.

Every unit is named with a token of its own ("U00042"), so what each page shows is read from
the page's text: each unit is drawn whole on exactly one page, or folded (with its count) on a
page whose link leads to the pages that show exactly its branch; every page is the paper's
size and no text on it is under 6 pt."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.model import Company, Design, Flow, FlowKind, Metadata, Unit, UnitKind
from orgdesigner.render import paper as paper_mod
from orgdesigner.render.export import diagram_bytes
from orgdesigner.render.pdf_links import back_text, more_text, up_text
from orgdesigner.synthetic import generate

from .test_pdf_links import inside, links

pypdf = pytest.importorskip("pypdf")

TOKEN = re.compile(r"U\d{5}")
FOLDED = re.compile(r"\+([\d,]+) folded|ほか ([\d,]+) 部署")


def named(design: Design) -> Design:
    """`design` with every unit named by a token of its own, in both languages."""
    d = Design(design.metadata)
    for c in design.companies.values():
        d.add_company(c)
    for i, u in enumerate(design.units.values()):
        d.add_unit(replace(u, name=f"U{i:05d}", name_en=f"U{i:05d}"))
    for f in design.flows.values():
        d.add_flow(f)
    return d


def tree_group(shape: list[int], companies: int = 2, leaves: int = 0) -> Design:
    """`companies` companies, the first a tree with `shape[d]` subordinates per unit at level
    d (and `leaves` more leaf units under its top), the others three units each."""
    d = Design(Metadata(title="Group", title_en="Group"))
    n = 0

    def unit(cid: str, kind: UnitKind, parent: str | None) -> str:
        nonlocal n
        uid = f"u{n}"
        n += 1
        d.add_unit(Unit(uid, uid, kind, company=cid))
        if parent:
            d.add_flow(Flow(f"r{uid}", parent, uid, FlowKind.REPORTING))
        return uid

    for ci in range(companies):
        cid = f"c{ci}"
        d.add_company(Company(cid, f"会社{ci}", f"Company {ci}"))
        top = unit(cid, UnitKind.MANAGEMENT, None)
        if ci:
            unit(cid, UnitKind.DEPARTMENT, top)
            unit(cid, UnitKind.DEPARTMENT, top)
            continue
        level = [top]
        for fan in shape:
            level = [unit(cid, UnitKind.DEPARTMENT, p) for p in level for _ in range(fan)]
        for _ in range(leaves):
            unit(cid, UnitKind.SECTION, top)
    return d


SHAPES = {
    "one giant company": lambda: generate(900, companies=3),
    "many companies": lambda: generate(700, companies=14),
    "deep": lambda: tree_group([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1]),
    "wide": lambda: tree_group([30, 2], leaves=90),
}


def subtrees(design: Design) -> dict[str, set[str]]:
    """Each unit's branch (itself and every unit under it in its company), by token."""
    kids: dict[str, list[str]] = {}
    for f in design.flows.values():
        s, t = design.units[f.source], design.units[f.target]
        if f.kind is FlowKind.REPORTING and s.company == t.company:
            kids.setdefault(f.source, []).append(f.target)
    out: dict[str, set[str]] = {}
    for uid in design.units:
        seen, todo = {uid}, [uid]
        while todo:
            for k in kids.get(todo.pop(), ()):
                if k not in seen:
                    seen.add(k)
                    todo.append(k)
        out[design.units[uid].name] = {design.units[u].name for u in seen}
    return out


def texts(page) -> list[tuple[str, float, float, float]]:
    """(text, x, y, size on paper) of every piece of text drawn on the page."""
    found: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, _font, size):
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        scale = abs(a * d - b * c) ** 0.5
        found.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                      tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * scale))

    page.extract_text(visitor_text=visit)
    return found


def read_book(design: Design, paper: str, lang: str = "en", orientation: str = "tb"):
    data = diagram_bytes(design, "pdf", scope="all", paper=paper, lang=lang,
                         date="2026-04-01", orientation=orientation)
    return pypdf.PdfReader(io.BytesIO(data))


@pytest.mark.parametrize(("shape", "paper", "orientation"), [
    ("one giant company", "a4-landscape", "tb"), ("many companies", "a4", "tb"),
    ("deep", "a4-landscape", "tb"), ("wide", "a3", "tb"),
    # left to right: levels run across the page, siblings down it
    ("deep", "a4", "lr"), ("wide", "a4-landscape", "lr")])
def test_every_unit_is_on_one_readable_page_or_folded_into_a_link_to_its_branch(
        shape, paper, orientation):
    design = named(SHAPES[shape]())
    branch = subtrees(design)
    reader = read_book(design, paper, orientation=orientation)
    pw, ph = paper_mod.page_size(paper)
    shown: dict[int, set[str]] = {}
    folded: dict[int, dict[str, int]] = {}  # page → folded token → page its link goes to
    forward: dict[int, list[int]] = {}
    for number, page in enumerate(reader.pages):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (pw, ph)
        drawn = texts(page)
        assert min(size for *_, size in drawn) >= paper_mod.MIN_TEXT - 0.01, number
        if number == 0:
            continue
        rects = links(reader, page)
        forward[number] = [t for _, t in rects if t > number]
        shown[number], folded[number] = set(), {}
        for text, x, y, _ in drawn:
            for token in TOKEN.findall(text):
                box = [(r, t) for r, t in rects if inside((x, y, x, y), r)]
                if box:  # a folded box: its count is drawn in the box, under the name
                    (r, target), = box
                    counts = [m for t, tx, ty, _ in drawn for m in FOLDED.findall(t)
                              if inside((tx, ty, tx, ty), r)]
                    assert len(counts) == 1, (number, token)
                    hidden = int(next(v for v in counts[0] if v).replace(",", ""))
                    assert hidden == len(branch[token]) - 1
                    folded[number][token] = target
                else:
                    shown[number].add(token)
    everywhere = [t for tokens in shown.values() for t in tokens]
    assert sorted(everywhere) == sorted(u.name for u in design.units.values())  # once each

    def reached(number: int) -> set[str]:
        out = set(shown[number])
        for target in forward[number]:
            out |= reached(target)
        return out

    split = 0
    for number, tokens in folded.items():
        for token, target in tokens.items():
            assert token in shown[target]
            assert reached(target) == branch[token], (number, token)
            split += 1
    assert split, "the shape should not fit on one page per company"


def test_branch_pages_link_back_and_say_so_in_japanese():
    design = named(SHAPES["one giant company"]())
    reader = read_book(design, "a4-landscape", "ja")
    page_of = {id(p.indirect_reference): i for i, p in enumerate(reader.pages)}
    assert len(page_of) == len(reader.pages)
    said = {t for page in reader.pages[1:] for t, *_ in texts(page)}
    assert back_text("ja") in said and up_text("ja") in said
    for number, page in enumerate(reader.pages[1:], 1):
        back = [t for r, t in links(reader, page) if t < number]
        assert 0 in back  # every page leads back to the overview
    outline = reader.outline
    assert outline[0].title == "概要図"
    nested = [item for item in outline if isinstance(item, list)]
    assert nested  # a split company's branches are bookmarked under it


def test_a_unit_with_more_subordinates_than_a_page_holds_continues_them():
    design = named(tree_group([], leaves=400))
    reader = read_book(design, "a4-landscape")
    said = {t for page in reader.pages for t, *_ in texts(page)}
    assert more_text("en") in said
    tokens = [t for page in reader.pages[1:] for text, *_ in texts(page)
              for t in TOKEN.findall(text)]
    assert sorted(tokens) == sorted(u.name for u in design.units.values())


# -- the plan alone, on random forests (no drawing) ----------------------------------------

def _blank(paper: str) -> bytes:
    w = pypdf.PdfWriter()
    w.add_blank_page(*paper_mod.page_size(paper))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def planned(design: Design, paper: str) -> list:
    from orgdesigner.render.pdf_book import book_pdf

    blank = _blank(paper)

    def part(_d, _notes, boxes, _zoom, _legend):
        boxes.update(dict.fromkeys(boxes, (0.0, 0.0, 10.0, 10.0)))
        return blank

    plan: list = []
    book_pdf(design, lambda _n, _f: blank, part, paper=paper, plan=plan)
    return plan


@st.composite
def forests(draw):
    """Two companies of random reporting trees (any depth and fan-out)."""
    d = Design(Metadata(title="Random"))
    d.add_company(Company("a", "A", "A"))
    d.add_company(Company("b", "B", "B"))
    n = draw(st.integers(1, 260))
    parents = draw(st.lists(st.integers(-1, 10**6), min_size=n, max_size=n))
    for i, p in enumerate(parents):
        cid = "a" if i % 7 else "b"
        d.add_unit(Unit(f"u{i}", f"部署{i}", UnitKind.DEPARTMENT, company=cid))
        if i and p >= 0:
            j = p % i
            if d.units[f"u{j}"].company == cid:
                d.add_flow(Flow(f"r{i}", f"u{j}", f"u{i}", FlowKind.REPORTING))
    return d


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.sampled_from(paper_mod.NAMES))
def test_the_plan_draws_every_unit_once_and_every_fold_leads_to_its_branch(design, paper):
    plan = planned(design, paper)
    branch = {design.units[u].name: {design.units[v].name for v in vs}
              for u, vs in _ids(subtrees(design), design).items()}
    whole = [u for p in plan for u in p.shown if u not in p.folded]
    assert sorted(whole) == sorted(design.units)
    by_number = dict(enumerate(plan, 1))
    below: dict[int, list[int]] = {}
    for number, p in by_number.items():
        if p.parent is not None:
            below.setdefault(p.parent, []).append(number)

    def reached(number: int) -> set[str]:
        p = by_number[number]
        out = {u for u in p.shown if u not in p.folded}
        for child in below.get(number, []):
            out |= reached(child)
        return out

    for number, p in by_number.items():
        for u, hidden in p.folded.items():
            (target,) = [n for n in below.get(number, []) if by_number[n].kind == "branch"
                         and by_number[n].key == u]
            assert {design.units[v].name for v in reached(target)} == branch[
                design.units[u].name]
            assert hidden == len(branch[design.units[u].name]) - 1


def _ids(by_name: dict[str, set[str]], design: Design) -> dict[str, set[str]]:
    ids = {u.name: u.id for u in design.units.values()}
    return {ids[k]: {ids[v] for v in vs} for k, vs in by_name.items()}


@pytest.mark.parametrize("leaves", [45, 130, 400])
def test_continued_subordinates_are_shared_evenly_between_their_pages(leaves):
    """A unit whose subordinates need several pages gets an even share on each (33 where
    32 fit: 17 and 16), never a full page followed by one holding a single box."""
    design = named(tree_group([], leaves=leaves))
    plan = planned(design, "a4-landscape")
    top = next(u for u in design.units if not any(
        f.target == u and f.kind is FlowKind.REPORTING for f in design.flows.values()))
    company = design.units[top].company
    pages = [p for p in plan if p.roots == [top] or (p.kind == "more" and p.key == company)]
    counts = [len([u for u in p.shown if u != top]) for p in pages]
    assert len(counts) >= 2 and sum(counts) == leaves, counts
    assert max(counts) - min(counts) <= 1, counts

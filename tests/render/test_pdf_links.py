"""Links in a large group's PDF book (render/pdf_links.py), read back with pypdf: each company
on the overview page is one link to its own page, lying on the frame drawn for it; each
company page links back to the overview. The page geometry is checked against what cairo
actually drew (the rectangles and text positions in the page's content stream), not against
the code's own arithmetic."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.render import paper as paper_mod
from orgdesigner.render.export import diagram_bytes
from orgdesigner.render.pdf_links import back_text, frames_on_page, hint_text
from orgdesigner.synthetic import generate

pypdf = pytest.importorskip("pypdf")

Rect = tuple[float, float, float, float]
SLACK = 1.0  # points: the viewport's zoom is written with 5 decimals


def _mul(m: list[float], n: list[float]) -> list[float]:
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    return [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2],
            c * n[1] + d * n[3], e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]


def drawn_rects(reader, page) -> list[Rect]:
    """Every `re` rectangle painted on the page, in page coordinates (y upwards)."""
    from pypdf.generic import ContentStream

    ctm = [1.0, 0, 0, 1.0, 0, 0]
    stack: list[list[float]] = []
    out: list[Rect] = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            pts = [(px * ctm[0] + py * ctm[2] + ctm[4], px * ctm[1] + py * ctm[3] + ctm[5])
                   for px, py in ((x, y), (x + w, y + h))]
            out.append((min(p[0] for p in pts), min(p[1] for p in pts),
                        max(p[0] for p in pts), max(p[1] for p in pts)))
    return out


def text_positions(page) -> list[tuple[str, float, float]]:
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                          tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    return found


def inside(inner: Rect, outer: Rect, slack: float = SLACK) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def area(r: Rect) -> float:
    return max(r[2] - r[0], 0.0) * max(r[3] - r[1], 0.0)


def links(reader, page) -> list[tuple[Rect, int]]:
    """(rectangle, target page index) of each link annotation on `page`."""
    out = []
    for ref in page.get("/Annots") or []:
        a = ref.get_object()
        assert a["/Subtype"] == "/Link"
        x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
        out.append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)),
                    reader.get_page_number(a["/Dest"][0].get_object())))
    return out


@pytest.mark.parametrize(("units", "companies", "lang", "paper"),
                         [(400, 3, "en", "a4-landscape"), (600, 5, "ja", "a3"),
                          (400, 3, "en", "a4")])
def test_each_company_on_the_overview_links_to_its_page_and_back(units, companies, lang,
                                                                 paper):
    design = generate(units, companies=companies)
    data = diagram_bytes(design, "pdf", scope="all", paper=paper, lang=lang,
                         date="2026-04-01")
    reader = pypdf.PdfReader(io.BytesIO(data))
    page_of = {item.title: reader.get_page_number(item.page) for item in reader.outline
               if not isinstance(item, list)}  # a list: a split company's branch pages
    names = [c.display_name(lang) for c in design.companies.values()]
    assert len(reader.pages) >= 1 + len(names) and set(names) <= set(page_of)
    overview = reader.pages[0]
    frames = drawn_rects(reader, overview)
    labels = {t: (x, y) for t, x, y in text_positions(overview)}
    assert any(hint_text(lang)[:8] in t for t in labels)  # the overview says it links
    targets = [target for _, target in links(reader, overview)]
    assert sorted(targets) == sorted(page_of[n] for n in names)  # one link each
    for rect, target in links(reader, overview):
        name = next(n for n in names if page_of[n] == target)
        lx, ly = labels[name]  # the company's frame carries its name at the top left
        frame = min((f for f in frames if f[0] <= lx <= f[2] and f[1] <= ly <= f[3]
                     and area(f) < 0.5 * area(tuple(overview.mediabox))), key=area)
        assert inside(rect, frame) and area(rect) >= 0.95 * area(frame), (name, rect, frame)
    pw, ph = paper_mod.page_size(paper)
    for name in names:
        page = reader.pages[page_of[name]]
        back = [(r, t) for r, t in links(reader, page) if t < page_of[name]]
        assert [target for _, target in back] == [0]  # the rest: its folded branches
        rect = back[0][0]
        assert inside(rect, (0, 0, pw, ph), 0)
        said = words(data, page_of[name])
        for word in back_text(lang).split():  # the link is where its text is drawn
            assert any(t == word and inside(box, rect, 2.0) for t, *box in said), word


def words(data: bytes, index: int) -> list[tuple[str, float, float, float, float]]:
    """(word, x0, y0, x1, y1) of each word poppler reads on page `index`, y upwards (the
    margin links are forms, whose text pypdf's visitor places without the form's offset)."""
    import re
    import subprocess

    n = str(index + 1)
    html = subprocess.run(["pdftotext", "-bbox", "-f", n, "-l", n, "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    ph = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    return [(m[4], float(m[0]), ph - float(m[3]), float(m[2]), ph - float(m[1]))
            for m in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                r'yMax="([\d.]+)">([^<]*)</word>', html)]


def test_a_readable_design_has_one_page_and_no_links():
    from .test_scope import wide

    reader = pypdf.PdfReader(io.BytesIO(diagram_bytes(wide(3), "pdf", scope="all")))
    assert len(reader.pages) == 1 and links(reader, reader.pages[0]) == []


frame_rects = st.tuples(st.floats(0, 900), st.floats(0, 900), st.floats(5, 400),
                        st.floats(5, 400))


@settings(max_examples=15, deadline=None)
@given(st.lists(frame_rects, min_size=1, max_size=4), st.sampled_from(paper_mod.NAMES),
       st.floats(-300, 300), st.floats(-300, 300))
def test_frames_on_page_are_where_cairo_draws_them(rects, paper, dx, dy):
    """Whatever the graph's extent and offset, the mapped frames are the drawn rectangles."""
    import pygraphviz as pgv

    g = pgv.AGraph(name="t")
    right = max(x + w for x, _, w, _ in rects) + 50 + dx
    top = max(y + h for _, y, _, h in rects) + 50 + dy
    g.graph_attr.update(bb=f"{dx - 20:.2f},{dy - 10:.2f},{right:.2f},{top:.2f}")
    for i, (x, y, w, h) in enumerate(rects):
        sub = g.add_subgraph(name=f"cluster_{i}", id=f"company-c{i}", style="filled",
                             fillcolor="#EEEEEE",
                             bb=f"{x + dx:.2f},{y + dy:.2f},{x + dx + w:.2f},{y + dy + h:.2f}")
        sub.add_node(f"n{i}", shape="point", width="0", height="0", style="invis", label="",
                     pos=f"{x + dx + w / 2:.2f},{y + dy + h / 2:.2f}")
    viewport, _ = paper_mod.fit(paper_mod.pin(g), paper)
    g.graph_attr.update(viewport=viewport, pad="0", margin="0")
    mapped = frames_on_page(g, paper)
    reader = pypdf.PdfReader(io.BytesIO(g.draw(format="pdf", prog="nop2")))
    drawn = drawn_rects(reader, reader.pages[0])
    for cid, rect in mapped.items():
        assert any(inside(rect, d) and inside(d, rect) for d in drawn), (cid, rect, drawn)

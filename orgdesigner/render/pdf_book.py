"""A large group's PDF as a book: the overview on page 1, then each company's page, each
bookmarked by name, so the whole group prints without labels shrinking under 6 pt. Each company
on the overview links to its page and each company page links back (render/pdf_links.py).

A company too large to read on one page has its top levels on its page and each big branch
folded into a box (with how many units it hides) that links to the branch's own page, the
branch pages following it, split again when still too large (render/book_plan.py decides;
the bookmarks nest the same way). Pages are drawn one by one and joined with pypdf; what each
costs is what it holds, so the book grows with the design, no faster.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace

from ..messages import msg
from ..model import Design, Flow, FlowKind
from . import book_plan
from .book_plan import Page, Tree
from .cut import Index, cut
from .scope import folded_label

#: Attempts to plan a page within the paper (each tighter) before drawing it as it is.
ATTEMPTS = 4


def book_pdf(design: Design, overview: Callable[[list, dict], bytes],
             part: Callable[[Design, list, dict, float | None, bool], bytes], *,
             lang: str = "en", notes: list | None = None, paper: str = "",
             orientation: str = "tb",
             progress: Callable[[int, int], None] | None = None,
             plan: list | None = None) -> bytes:
    """The overview page (`overview(notes, frames)`: one-page PDF, company frames into the
    dict) followed by the companies' pages. `part(design, notes, boxes, min_zoom, legend)`
    draws one page's design as a one-page PDF on `paper` (b"" when that would take a zoom
    under `min_zoom`; the legend only when `legend`), putting the rectangles of the units
    keyed in `boxes` into it.
    `progress(done, total)` is called after each page (the total grows as companies split);
    `plan`, when a list, receives the pages after the overview (book_plan.Page) in order."""
    from pypdf import PdfReader, PdfWriter

    from .pdf_links import Stamps, add_branch_links, add_links

    tree = Tree(design, lang, orientation)
    index = Index(design)
    todo = [Page("company", c.id, c.id, tree.roots(c.id), title=c.display_name(lang))
            for c in design.companies.values() if tree.by_company.get(c.id)]
    if any(u not in design.companies for u in tree.by_company):  # units in no company
        loose = [u for c, ids in tree.by_company.items() if c not in design.companies
                 for u in ids]
        tree.by_company[""] = loose
        todo.append(Page("company", "", "", tree.roots(""),
                         title="会社に属さない部署" if lang == "ja" else "Units in no company"))
    todo.reverse()
    writer = PdfWriter()
    frames: dict = {}
    writer.append(PdfReader(io.BytesIO(overview([], frames))))
    writer.add_outline_item(title="概要図" if lang == "ja" else "Overview", page_number=0)
    if progress is not None:
        progress(1, 1 + len(todo))
    pages: list[Page] = []
    boxes: list[dict] = []
    marks: list = []
    small = 0
    while todo:
        page = todo.pop()
        number = len(pages) + 1
        page_notes: list = []
        data, rects = _draw(design, index, tree, page, part, paper, orientation, page_notes)
        small += any(getattr(n, "key", "") == "export.small_text" for n in page_notes)
        writer.append(PdfReader(io.BytesIO(data)))
        parent = None if page.parent is None else marks[page.parent - 1]
        marks.append(writer.add_outline_item(title=page.title, page_number=number,
                                             parent=parent))
        pages.append(page)
        boxes.append(rects)
        todo.extend(reversed(_children(design, page, number, lang)))
        if progress is not None:
            progress(number + 1, number + 1 + len(todo))
    _link(pages, writer, boxes, frames, Stamps(lang, writer), add_links, add_branch_links)
    if plan is not None:
        plan.extend(pages)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    if notes is not None:
        companies = sum(p.kind == "company" for p in pages)
        notes.append(msg("export.pdf_book", pages=len(pages) + 1, paper=paper.upper()))
        split = {p.company for p in pages if p.kind != "company"}
        if split:
            notes.append(msg("export.pdf_book_branches", companies=len(split),
                             pages=len(pages) - companies))
        if small:
            notes.append(msg("export.pdf_book_small", count=small))
    return out.getvalue()


def _draw(design: Design, index: Index, tree: Tree, page: Page, part, paper: str,
          orientation: str, notes: list) -> tuple[bytes, dict]:  # type: ignore[no-untyped-def]
    """Plan `page` and draw it; planned again, tighter, while its text would be under 6 pt
    (the plan's estimate fell short); the last attempt is drawn whatever its size."""
    tighten = 1.0
    for attempt in range(ATTEMPTS):
        legend = page.kind == "company"  # branch pages: the legend is on their company's
        book_plan.plan_page(tree, page, book_plan.room(paper, orientation != "lr", tighten,
                                                       legend))
        rects: dict = dict.fromkeys(page.folded)
        last = attempt == ATTEMPTS - 1
        data = part(page_design(design, index, tree, page), notes if last else [], rects,
                    None if last else book_plan.MIN_ZOOM, legend)
        if data:
            return data, {u: r for u, r in rects.items() if r is not None}
        tighten *= 0.8
    raise AssertionError("unreachable: the last attempt draws")  # pragma: no cover


def page_design(design: Design, index: Index, tree: Tree, page: Page) -> Design:
    """The design drawn on `page`: its units, a folded one labelled with how many units it
    hides, the flows among them (a reporting line the tree does not hold — a second superior,
    a cycle — left out, so every unit is placed)."""
    units = design.units
    folded = {}
    for uid, n in page.folded.items():
        u = units[uid]
        folded[uid] = replace(u, name=f"{u.name}\n{folded_label(n, 'ja')}",
                              name_en=f"{u.name_en or u.name}\n{folded_label(n, 'en')}")
    roots = set(page.roots)

    def drop(f: Flow) -> bool:
        return (f.kind is FlowKind.REPORTING and units[f.source].company
                == units[f.target].company and (f.target in roots
                                               or tree.parent.get(f.target) != f.source))

    return cut(design, page.shown, index, units_as=folded, drop_flows=drop)


def _children(design: Design, page: Page, number: int, lang: str) -> list[Page]:
    """The pages that follow `page` (page `number` of the book): each folded branch, then
    the continuation of its roots."""
    out = [Page("branch", u, page.company, [u], parent=number,
                title=design.units[u].display_name(lang)) for u in page.shown
           if u in page.folded]
    if page.rest:
        more = "（続き）" if lang == "ja" else " (continued)"
        title = page.title if page.title.endswith(more) else page.title + more
        out.append(Page("more", page.key, page.company, page.rest, parent=number, title=title))
    return out


def _link(pages: list[Page], writer, boxes: list[dict], frames: dict, stamps,
          add_links, add_branch_links) -> None:  # type: ignore[no-untyped-def]
    """Every link of the book, once every page's number is known."""
    targets: list[dict[str, int]] = [{} for _ in pages]
    more: list[int | None] = [None] * len(pages)
    for number, page in enumerate(pages, 1):
        if page.parent is None:
            continue
        if page.kind == "branch":
            targets[page.parent - 1][page.key] = number
        else:
            more[page.parent - 1] = number
    companies = {p.key: n for n, p in enumerate(pages, 1) if p.kind == "company"}
    add_links(writer, 0, frames, companies, stamps.lang, back=False)
    for number, page in enumerate(pages, 1):
        add_branch_links(writer, number, stamps, boxes=boxes[number - 1],
                         targets=targets[number - 1], overview=0,
                         up=page.parent, previous=page.kind == "more",
                         more=more[number - 1])

"""A large group's PDF as a book: the overview on page 1, then one page per company, each
bookmarked by name, so the whole group prints without labels shrinking to nothing. Each
company on the overview links to its page and each company page links back
(render/pdf_links.py).

Graphviz (cairo) writes one page per drawing; the pages are drawn one by one through
`diagram_bytes` and joined with pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from ..messages import msg
from ..model import Design


def book_pdf(design: Design, draw: Callable[[str, list, dict | None], bytes],
             lang: str = "en", notes: list | None = None, paper: str = "",
             progress: Callable[[int, int], None] | None = None) -> bytes:
    """The overview page followed by one page per company that has units. `draw(scope,
    notes, frames)` renders one scope as a one-page PDF and, when `frames` is a dict, puts
    each company's frame on the page into it (PDF points). `progress(done, total)` is called
    after each page."""
    from pypdf import PdfReader, PdfWriter

    from .pdf_links import add_links

    used = {u.company for u in design.units.values()}
    parts = [("overview", "概要図" if lang == "ja" else "Overview")]
    parts += [(f"company:{c.id}", c.display_name(lang)) for c in design.companies.values()
              if c.id in used]
    writer = PdfWriter()
    small = 0
    frames: dict = {}
    pages: dict[str, int] = {}
    for i, (scope, title) in enumerate(parts):
        page_notes: list = []
        data = draw(scope, page_notes, frames if i == 0 else None)
        small += any(getattr(n, "key", "") == "export.small_text" for n in page_notes)
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(data)))
        writer.add_outline_item(title=title, page_number=start)
        if i:
            pages[scope.partition(":")[2]] = start
        if progress is not None:
            progress(i + 1, len(parts))
    add_links(writer, 0, frames, pages, lang)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    if notes is not None:
        notes.append(msg("export.pdf_book", pages=len(parts), paper=paper.upper()))
        if small:
            notes.append(msg("export.pdf_book_small", count=small))
    return out.getvalue()

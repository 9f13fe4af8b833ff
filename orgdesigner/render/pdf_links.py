"""Clickable links in a large group's PDF book (render/pdf_book.py): each company's frame on
the overview page jumps to that company's page (a line in the overview's top margin says so),
and each company page has a small "back to the overview" link in its top margin.

The rectangles come from the same Graphviz graph the overview page is drawn from: each
company cluster's `bb` (Graphviz points, y upwards) mapped through the `viewport` that
fitted the drawing on the paper (render/paper.py), which is exactly what cairo does when it
draws the page.
"""

from __future__ import annotations

import io
from typing import Any

from . import paper as paper_mod

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y upwards
#: Size of the back link's text; above the 6 pt readability floor, small enough for the margin.
BACK_SIZE = 8.0
BACK_COLOUR = "#1A4F9C"
HINT_COLOUR = "#555555"


def frames_on_page(g: Any, paper: str) -> dict[str, Rect]:
    """Company id → its frame on the page of `paper` the graph `g` is fitted on (its corners
    pinned by `paper.pin`, so Graphviz centres exactly the graph's `bb`)."""
    bb = tuple(float(v) for v in g.graph_attr["bb"].split(","))
    _, zoom = paper_mod.fit((0.0, 0.0, bb[2] - bb[0], bb[3] - bb[1]), paper)  # paper.pin
    pw, ph = paper_mod.page_size(paper)
    cx, cy = (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2
    out: dict[str, Rect] = {}
    for sub in g.subgraphs():
        sid = sub.graph_attr.get("id") or ""
        if not sid.startswith("company-"):
            continue
        x0, y0, x1, y1 = (float(v) for v in sub.graph_attr["bb"].split(","))
        out[sid[len("company-"):]] = ((x0 - cx) * zoom + pw / 2, (y0 - cy) * zoom + ph / 2,
                                      (x1 - cx) * zoom + pw / 2, (y1 - cy) * zoom + ph / 2)
    return out


def back_text(lang: str) -> str:
    return "← 概要図へ戻る" if lang == "ja" else "← Back to the overview"


def hint_text(lang: str) -> str:
    return ("会社をクリックすると、その会社のページに移動します" if lang == "ja"
            else "Click a company to go to its page")


def text_stamp(text: str, colour: str, underline: bool) -> bytes:
    """A one-page PDF just the size of `text`, drawn by Graphviz in the diagram's font so
    Japanese text is embedded like the rest of the page."""
    import pygraphviz as pgv

    from .graphviz_out import html
    from .quiet import filtered_stderr
    from .style import font_family

    g = pgv.AGraph(name="stamp")
    g.graph_attr.update(pad="0", margin="0", bgcolor="transparent")
    label = html([text], size=BACK_SIZE, color=colour)
    if underline:
        label = f"<<U>{label[1:-1]}</U>>"
    g.add_node("text", shape="plaintext", margin="0.02,0.01", width="0", height="0",
               fontname=font_family(), label=label)
    with filtered_stderr():
        return bytes(g.draw(format="pdf", prog="dot"))


def _stamp(writer: Any, index: int, data: bytes) -> Rect:
    """Draw the one-page PDF `data` in the top margin of page `index`, right-aligned with
    the drawing's margin and centred in the margin's strip; where it went."""
    from pypdf import PdfReader, Transformation

    stamp = PdfReader(io.BytesIO(data)).pages[0]
    sw, sh = float(stamp.mediabox.width), float(stamp.mediabox.height)
    page = writer.pages[index]
    pw, ph = float(page.mediabox.width), float(page.mediabox.height)
    x = pw * (1 - paper_mod.MARGIN) - sw
    y = ph - max(ph * paper_mod.MARGIN, sh) / 2 - sh / 2
    page.merge_transformed_page(stamp, Transformation().translate(x, y))
    return (x, y, x + sw, y + sh)


def add_links(writer: Any, overview: int, frames: dict[str, Rect], pages: dict[str, int],
              lang: str) -> None:
    """Link each company's frame on page `overview` to its page (`pages`: company id → page
    index) and say so in the overview's margin; stamp a back link on each of those pages."""
    from pypdf.annotations import Link
    from pypdf.generic import Fit

    linked = 0
    for cid, index in pages.items():
        rect = frames.get(cid)
        if rect is not None:
            writer.add_annotation(overview, Link(rect=rect, target_page_index=index,
                                                 fit=Fit.fit(), border=[0, 0, 0]))
            linked += 1
    if not pages:
        return
    if linked:
        _stamp(writer, overview, text_stamp(hint_text(lang), HINT_COLOUR, False))
    back = text_stamp(back_text(lang), BACK_COLOUR, True)
    for index in pages.values():
        rect = _stamp(writer, index, back)
        writer.add_annotation(index, Link(rect=rect, target_page_index=overview,
                                          fit=Fit.fit(), border=[0, 0, 0]))

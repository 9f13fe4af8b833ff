"""Clickable links in a large group's PDF book (render/pdf_book.py): each company's frame on
the overview page jumps to that company's page (a line in the overview's top margin says so),
and each company page has a small "back to the overview" link in its top margin. On a page
split into branches, each folded box jumps to its branch's page (the top margin says so); a
branch page links back to the overview and to the page above it, and a page whose units
continue on the next says so in its bottom margin, as a link.

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


def boxes_on_page(g: Any, paper: str, ids: set[str]) -> dict[str, Rect]:
    """Unit id → its box on the page of `paper` the pinned graph `g` is fitted on, for the
    units in `ids` (render/graphviz_out.py names each node's `id` "unit-ID")."""
    bb = tuple(float(v) for v in g.graph_attr["bb"].split(","))
    _, zoom = paper_mod.fit((0.0, 0.0, bb[2] - bb[0], bb[3] - bb[1]), paper)
    pw, ph = paper_mod.page_size(paper)
    cx, cy = (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2
    out: dict[str, Rect] = {}
    for node in g.nodes_iter():
        nid = node.attr.get("id") or ""
        if not nid.startswith("unit-") or nid[5:] not in ids:
            continue
        x, y = (float(v) for v in node.attr["pos"].split(","))
        w, h = float(node.attr["width"]) * 36, float(node.attr["height"]) * 36  # half, pt
        out[nid[5:]] = ((x - w - cx) * zoom + pw / 2, (y - h - cy) * zoom + ph / 2,
                        (x + w - cx) * zoom + pw / 2, (y + h - cy) * zoom + ph / 2)
    return out


def back_text(lang: str) -> str:
    return "← 概要図へ戻る" if lang == "ja" else "← Back to the overview"


def up_text(lang: str) -> str:
    return "← 上位の図へ戻る" if lang == "ja" else "← Back to the level above"


def previous_text(lang: str) -> str:
    return "← 前のページへ戻る" if lang == "ja" else "← Back to the previous page"


def more_text(lang: str) -> str:
    return "次のページに続く →" if lang == "ja" else "Continued on the next page →"


def fold_hint_text(lang: str) -> str:
    return ("折りたたんだ部署をクリックすると、その部署のページに移動します" if lang == "ja"
            else "Click a folded box to go to the page that shows its units")


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


def _stamp(writer: Any, index: int, data: bytes, *, right: float = 0.0, left: bool = False,
           bottom: bool = False) -> Rect:
    """Draw the one-page PDF `data` in the top (or bottom) margin of page `index`,
    right-aligned with the drawing's margin less `right` points (or left-aligned) and
    centred in the margin's strip; where it went."""
    from pypdf import PdfReader, Transformation

    stamp = PdfReader(io.BytesIO(data)).pages[0]
    sw, sh = float(stamp.mediabox.width), float(stamp.mediabox.height)
    page = writer.pages[index]
    pw, ph = float(page.mediabox.width), float(page.mediabox.height)
    x = pw * paper_mod.MARGIN if left else pw * (1 - paper_mod.MARGIN) - sw - right
    strip = max(ph * paper_mod.MARGIN, sh) / 2 - sh / 2
    y = strip if bottom else ph - strip - sh
    page.merge_transformed_page(stamp, Transformation().translate(x, y))
    return (x, y, x + sw, y + sh)


def add_links(writer: Any, overview: int, frames: dict[str, Rect], pages: dict[str, int],
              lang: str, back: bool = True) -> None:
    """Link each company's frame on page `overview` to its page (`pages`: company id → page
    index) and say so in the overview's margin; stamp a back link on each of those pages
    (unless `back` is false: add_branch_links does it)."""
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
    if not back:
        return
    back = text_stamp(back_text(lang), BACK_COLOUR, True)
    for index in pages.values():
        rect = _stamp(writer, index, back)
        writer.add_annotation(index, Link(rect=rect, target_page_index=overview,
                                          fit=Fit.fit(), border=[0, 0, 0]))


class Stamps:
    """Each margin text drawn once, as a form that every page carrying it draws: merging a
    page into each of a thousand pages parsed every page's drawing again."""

    def __init__(self, lang: str, writer: Any) -> None:
        self.lang = lang
        self.writer = writer
        self._forms: dict[str, tuple[str, Any, float, float]] = {}
        self._wrapped: set[int] = set()  # pages whose own drawing is closed in q … Q

    def put(self, index: int, text: str, colour: str = BACK_COLOUR, underline: bool = True, *,
            right: float = 0.0, left: bool = False, bottom: bool = False) -> Rect:
        """Draw `text` in a margin of page `index` (placed as `_stamp` places it)."""
        from pypdf import PdfReader
        from pypdf.generic import (
            ArrayObject,
            DecodedStreamObject,
            DictionaryObject,
            FloatObject,
            NameObject,
        )

        if text not in self._forms:
            page = PdfReader(io.BytesIO(text_stamp(text, colour, underline))).pages[0]
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            form = DecodedStreamObject()
            form.set_data(page.get_contents().get_data())
            form.update({NameObject("/Type"): NameObject("/XObject"),
                         NameObject("/Subtype"): NameObject("/Form"),
                         NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0),
                                                           FloatObject(w), FloatObject(h)]),
                         NameObject("/Resources"): page["/Resources"].clone(self.writer)})
            name = f"/OrgdStamp{len(self._forms)}"
            self._forms[text] = (name, self.writer._add_object(form), w, h)
        name, ref, sw, sh = self._forms[text]
        page = self.writer.pages[index]
        pw, ph = float(page.mediabox.width), float(page.mediabox.height)
        x = pw * paper_mod.MARGIN if left else pw * (1 - paper_mod.MARGIN) - sw - right
        strip = max(ph * paper_mod.MARGIN, sh) / 2 - sh / 2
        y = strip if bottom else ph - strip - sh
        res = page["/Resources"]
        if "/XObject" not in res:
            res[NameObject("/XObject")] = DictionaryObject()
        xobjects = res["/XObject"].get_object()
        xobjects[NameObject(name)] = ref
        contents = page.get("/Contents")
        drawing = contents.get_object() if contents is not None else None
        parts = [] if drawing is None else list(drawing) if isinstance(drawing, list) else [
            contents]
        draw = f"q 1 0 0 1 {x:.3f} {y:.3f} cm {name} Do Q\n"
        if index not in self._wrapped:  # the page's drawing may leave its transformation set
            self._wrapped.add(index)
            pre = DecodedStreamObject()
            pre.set_data(b"q\n")
            parts = [self.writer._add_object(pre), *parts]
            draw = "\nQ " + draw
        post = DecodedStreamObject()
        post.set_data(draw.encode())
        page[NameObject("/Contents")] = ArrayObject([*parts, self.writer._add_object(post)])
        return (x, y, x + sw, y + sh)


def add_branch_links(writer: Any, index: int, stamps: Stamps, *, boxes: dict[str, Rect],
                     targets: dict[str, int], overview: int, up: int | None = None,
                     previous: bool = False, more: int | None = None) -> None:
    """The links of page `index` of a split company: each folded box (`boxes`: unit id →
    rectangle) to its page (`targets`), said in the top margin's left; back to the overview
    and (`up`) to the page above it (`previous`: the page it continues) in the top margin's
    right; to the page it continues on (`more`) in the bottom margin's right."""
    from pypdf.annotations import Link
    from pypdf.generic import Fit

    lang = stamps.lang

    def link(rect: Rect, target: int) -> None:
        writer.add_annotation(index, Link(rect=rect, target_page_index=target, fit=Fit.fit(),
                                          border=[0, 0, 0]))

    linked = False
    for uid, target in targets.items():
        rect = boxes.get(uid)
        if rect is not None:
            link(rect, target)
            linked = True
    if linked:
        stamps.put(index, fold_hint_text(lang), HINT_COLOUR, False, left=True)
    rect = stamps.put(index, back_text(lang))
    link(rect, overview)
    if up is not None and up != overview:
        text = previous_text(lang) if previous else up_text(lang)
        link(stamps.put(index, text, right=rect[2] - rect[0] + 12), up)
    if more is not None:
        link(stamps.put(index, more_text(lang), bottom=True), more)

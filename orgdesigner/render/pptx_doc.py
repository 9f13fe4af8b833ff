"""The PowerPoint file around the shapes: slide size, the user's template, titles, lists, tables.

Without a template the slides use python-pptx's plain default master, and we place the title
ourselves (its placeholders are laid out for 4:3). With `--template their.pptx` the user's
master and layouts are kept as they are: we fill their title placeholders and draw in the
space below them, so their fonts, colours and logo apply.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt

from ..messages import msg
from .export import ExportError
from .pptx_shapes import fonts

ASPECTS = {"16:9": (12192000, 6858000), "4:3": (9144000, 6858000)}
MARGIN = 365760  # 0.4 in
TITLE_H = 740000
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


class PptxError(ExportError):
    """The slides could not be written (a broken template, an unknown aspect)."""


@dataclass
class Deck:
    """A presentation being built, with what every slide needs to know."""
    prs: object  # pptx.presentation.Presentation
    lang: str
    own: bool  # our default master: we position titles ourselves
    layouts: dict = field(default_factory=dict)  # "title_only" → the master's layout
    next_slide_id: int = 0  # the next p:sldId id (0: not looked up yet)

    @property
    def width(self) -> int:
        return int(self.prs.slide_width)  # type: ignore[attr-defined]

    @property
    def height(self) -> int:
        return int(self.prs.slide_height)  # type: ignore[attr-defined]


def new_deck(lang: str = "en", *, template: str | os.PathLike | None = None,
             aspect: str | None = None) -> Deck:
    """An empty presentation: the user's template (its slides removed, its master kept) or
    the plain default, sized `aspect` (16:9 by default; a template keeps its own size unless
    an aspect is given)."""
    if aspect is not None and aspect not in ASPECTS:
        raise PptxError(msg("pptx.bad_aspect", aspect=aspect, aspects=", ".join(ASPECTS)))
    if template is not None:
        try:
            prs = Presentation(_as_presentation(template))
        except Exception as exc:  # noqa: BLE001 - any unreadable template gets one message
            raise PptxError(msg("pptx.bad_template", path=os.fspath(template),
                                detail=str(exc) or type(exc).__name__)) from None
        ids = prs.slides._sldIdLst  # noqa: SLF001 - python-pptx has no public slide delete
        for sld in list(ids):
            prs.part.drop_rel(sld.rId)
            ids.remove(sld)
    else:
        prs = Presentation()
    if aspect is not None or template is None:
        w, h = ASPECTS[aspect or "16:9"]
        prs.slide_width, prs.slide_height = Emu(w), Emu(h)
    return Deck(prs, lang, template is None)


_POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def _as_presentation(template: str | os.PathLike) -> io.BytesIO | str:
    """A .potx (PowerPoint's template format) is a .pptx with another main content type:
    relabel it in memory so python-pptx opens it; a .pptx is read as it is."""
    path = os.fspath(template)
    if not path.lower().endswith((".potx", ".potm")):
        return path
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_POTX, _PPTX).replace(
                    _POTX.replace(b"template.main", b"template.macroEnabled.main"), _PPTX)
            dst.writestr(item, data)
    buf.seek(0)
    return buf


def _layout(deck: Deck, want: str):  # type: ignore[no-untyped-def]
    if want not in deck.layouts:
        deck.layouts[want] = _find_layout(deck, want)
    return deck.layouts[want]


def _find_layout(deck: Deck, want: str):  # type: ignore[no-untyped-def]
    """The master's layout for `want` ("title", "title_only", "content"), chosen by its
    placeholders so a template in any language (「タイトルのみ」) is understood."""
    def kinds(layout) -> set:  # type: ignore[no-untyped-def]
        return {ph.placeholder_format.type for ph in layout.placeholders}

    layouts = list(deck.prs.slide_layouts)  # type: ignore[attr-defined]
    skip = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    if want == "title":
        found = [lo for lo in layouts if PP_PLACEHOLDER.CENTER_TITLE in kinds(lo)]
    elif want == "title_only":
        found = [lo for lo in layouts if kinds(lo) - skip == {PP_PLACEHOLDER.TITLE}]
    else:
        found = [lo for lo in layouts if PP_PLACEHOLDER.TITLE in kinds(lo)
                 and kinds(lo) & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}]
    if not found:
        found = [lo for lo in layouts if kinds(lo) & set(_TITLES)] or layouts
    return found[0]


def east_asian(run, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Give a run the East Asian typeface (and language) so Japanese never falls back to a
    Western font's missing glyphs."""
    latin, ea = fonts()
    rpr = run._r.get_or_add_rPr()  # noqa: SLF001
    rpr.set("lang", "ja-JP" if lang == "ja" else "en-US")
    rpr.set("altLang", "ja-JP")
    for tag in ("ea",):
        el = rpr.find(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag}")
        if el is None:
            el = rpr.makeelement(
                f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag}", {})
            latin_el = rpr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}latin")
            if latin_el is not None:
                latin_el.addnext(el)
            else:
                rpr.append(el)
        el.set("typeface", ea)


def fill_text(frame, paragraphs: list[tuple[str, float, bool, str | None]], lang: str,
              *, own: bool = True, spacing: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    """Text as (text, size pt, bold, colour) paragraphs; sizes and fonts only on our own master
    (a template's styles decide the rest). `spacing` × size of room above each bold one."""
    frame.clear()
    latin, _ = fonts()
    for i, (text, size, bold, colour) in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if i and spacing and size:
            p.space_before = Pt(size * (spacing if bold else spacing / 3))
        run = p.add_run()
        run.text = text
        if own or size:
            run.font.size = Pt(size)
        run.font.bold = bold
        if own:
            run.font.name = latin
        if colour:
            from pptx.dml.color import RGBColor

            run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
        east_asian(run, lang)


def add_slide(deck: Deck, want: str, title: str) -> tuple[object, tuple[int, int, int, int]]:
    """A new slide with `title`; returns it and the free area below the title (EMU)."""
    slide = _new_slide(deck, _layout(deck, want))
    ph = next((p for p in slide.placeholders if p.placeholder_format.type in _TITLES), None)
    top = MARGIN + TITLE_H
    if ph is not None:
        if deck.own:
            ph.left, ph.top, ph.width, ph.height = (Emu(MARGIN), Emu(MARGIN // 2),
                                                    Emu(deck.width - 2 * MARGIN), Emu(TITLE_H))
            fill_text(ph.text_frame, [(title, 24, True, "#1A1A1A")], deck.lang)
            ph.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        else:
            fill_text(ph.text_frame, [(title, 0, False, None)], deck.lang, own=False)
        if want != "title":
            top = max(top, int(ph.top or 0) + int(ph.height or 0) + MARGIN // 4)
    for p in list(slide.placeholders):
        if p.placeholder_format.type not in _TITLES and want != "title":
            p._element.getparent().remove(p._element)  # noqa: SLF001 - we draw our own body
    area = (MARGIN, top, deck.width - 2 * MARGIN, deck.height - top - MARGIN // 2)
    return slide, area


def _new_slide(deck: Deck, layout):  # type: ignore[no-untyped-def]
    """`prs.slides.add_slide(layout)` at a constant cost per slide. python-pptx scans every
    slide twice per new one (for an existing relationship to it, and for the largest slide
    id): 2,500 slides — a 50,000-unit group split for reading — took 24 s, 250 took 0.5."""
    prs = deck.prs
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        part = prs.part  # type: ignore[attr-defined]
        ids = prs.slides._sldIdLst  # type: ignore[attr-defined]  # noqa: SLF001
        add_rel = part.rels._add_relationship  # noqa: SLF001
        add_id = ids._add_sldId  # noqa: SLF001
    except (ImportError, AttributeError):  # another python-pptx: its own, slower way
        return prs.slides.add_slide(layout)  # type: ignore[attr-defined]
    if not deck.next_slide_id:
        deck.next_slide_id = max([255] + [int(i) for i in ids.xpath("./p:sldId/@id")]) + 1
    slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{len(ids) + 1}.xml"),
                               part.package, layout.part)
    rid = add_rel(RT.SLIDE, slide_part)
    slide = slide_part.slide
    slide.shapes.clone_layout_placeholders(layout)
    add_id(id=deck.next_slide_id, rId=rid)
    deck.next_slide_id += 1
    return slide


def text_box(slide, rect: tuple[int, int, int, int], paragraphs: list[tuple[str, float, bool,
             str | None]], lang: str, *, spacing: float = 0.0):  # type: ignore[no-untyped-def]
    box = slide.shapes.add_textbox(*(Emu(v) for v in rect))
    box.text_frame.word_wrap = True
    fill_text(box.text_frame, paragraphs, lang, spacing=spacing)
    return box


def add_table(slide, rect: tuple[int, int, int, int], rows: list[list[str]], lang: str, *,
              size: float = 12, numeric_from: int = 1, bold_last: bool = False):  # type: ignore[no-untyped-def]
    """A native table: first row a header; columns from `numeric_from` right-aligned."""
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    row_h = int(Pt(size * 2.1))
    shape = slide.shapes.add_table(n_rows, n_cols, Emu(rect[0]), Emu(rect[1]), Emu(rect[2]),
                                   Emu(min(rect[3], row_h * n_rows)))
    table = shape.table
    first = max(rect[2] // 4, rect[2] - (rect[2] * 3 // 4 // max(1, n_cols - 1)) * (n_cols - 1))
    table.columns[0].width = Emu(first)
    for c in range(1, n_cols):
        table.columns[c].width = Emu((rect[2] - first) // max(1, n_cols - 1))
    for r, row in enumerate(rows):
        table.rows[r].height = Emu(row_h)
        for c in range(n_cols):
            cell = table.cell(r, c)
            bold = r == 0 or (bold_last and r == n_rows - 1)
            fill_text(cell.text_frame, [(row[c] if c < len(row) else "", size, bold, None)],
                      lang)
            if c >= numeric_from and r > 0:
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    return shape


def link_to_slide(shape, target) -> None:  # type: ignore[no-untyped-def]
    """Clicking `shape` jumps to slide `target`. python-pptx's `click_action.target_slide`
    first looks for an existing link by rebuilding the slide's whole relationship table —
    a contents slide of N lines cost N²; a new line never has one, so it is added directly."""
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        rels = shape.part.rels
        add = rels._add_relationship  # noqa: SLF001
        element = shape.click_action._element  # noqa: SLF001
    except AttributeError:  # another python-pptx: the public, slower way
        shape.click_action.target_slide = target
        return
    hlink = element.get_or_add_hlinkClick()
    hlink.action = "ppaction://hlinksldjump"
    hlink.rId = add(RT.SLIDE, target.part)

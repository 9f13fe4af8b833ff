"""Diagram exports: SVG, PNG, PDF and DOT through Graphviz, GraphML for yEd, PowerPoint
slides and draw.io files (render/office_export.py).

`diagram_bytes` produces the bytes, `export_diagram` writes them atomically (a failed export
never leaves a truncated file). Positions come from the tidy layout by default, from Graphviz
`dot` on request, or from the canvas as the user arranged it.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from pathlib import Path

from ..formats.atomic import atomic_write
from ..messages import BilingualError, msg
from ..model import Design, UnitKind
from . import paper as paper_mod
from . import scope as scope_mod
from .diagram import Diagram, build_diagram, diagram_for
from .layout import compute_layout
from .legend import build_legend
from .quiet import filtered_stderr

FORMATS = ("svg", "png", "pdf", "dot", "graphml", "pptx", "drawio")
LAYOUTS = ("tidy", "dot", "canvas")


class ExportError(BilingualError):
    """The diagram could not be produced; the message says why in one line (`text("ja")`
    in Japanese)."""


def format_for(path: str | os.PathLike, fmt: str | None = None) -> str:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportError(msg("export.bad_format", what=fmt or Path(path).name,
                              formats=", ".join("." + f for f in FORMATS)))
    return fmt


def diagram_bytes(design: Design, fmt: str, *, layout: str = "tidy", dpi: int = 150,
                  legend: bool = True, root: str | None = None, lang: str = "en",
                  orientation: str = "tb", compact: bool = False,
                  date: str | None = None, paper: str | None = paper_mod.DEFAULT,
                  notes: list | None = None,
                  highlight: dict[str, str] | None = None,
                  aspect: str | None = None, scope: str | None = None,
                  frames: dict | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  max_px: int | None = None) -> bytes:
    """The diagram of `design` (or of the sub-tree under `root`) in `fmt`. `scope` is
    "all", "overview", "company:ID" or "branch:ID" (render/scope.py); None = the whole
    design, or the overview (with a note) when a PNG or PDF of it would be an unreadable
    sliver. A PDF is fitted
    on `paper` ("a4", "a3", "-landscape" appended; None: the drawing's own size). What the
    user should know (labels under 6 pt on that paper, a PNG drawn at a lower resolution to
    fit) is appended to `notes`. `highlight` marks changed units (unit id → added / moved /
    changed; see `highlight.py`). `aspect` is the slide shape of a .pptx ("16:9" or "4:3").
    `frames`, when a dict, receives each company's frame on a PDF's page (render/pdf_links.py);
    `progress(done, total)` follows the pages of a multi-page PDF.
    `max_px` caps a PNG's longer side (a picture shown small, like the workbook's, need not be
    drawn at full resolution: the bitmap is most of the cost); such a PNG's overview folds as
    deep as keeps labels readable on `paper`, as a PDF's does."""
    fmt = format_for("", fmt)
    if paper is not None:
        try:
            paper_mod.page_size(paper)
        except KeyError:
            raise ExportError(msg("export.bad_paper", paper=paper,
                                  papers=", ".join(paper_mod.NAMES))) from None
    if layout not in LAYOUTS:
        raise ExportError(msg("export.bad_layout", layout=layout, layouts=", ".join(LAYOUTS)))
    if not 10 <= dpi <= 1200:
        raise ExportError(msg("export.bad_dpi", dpi=dpi))
    sc = _scope(design, scope)
    if sc.kind in ("company", "branch") or (
            sc.kind == "overview" and fmt in ("pptx", "drawio", "graphml")):
        design, root = scope_mod.scoped_design(design, sc, lang), None
    if fmt in ("pptx", "drawio"):
        from .office_export import office_bytes

        return office_bytes(design, fmt, layout=layout, legend=legend, root=root, lang=lang,
                            orientation=orientation, compact=compact, date=date, aspect=aspect)
    if (scope is None and fmt in ("png", "pdf") and layout == "tidy" and root is None
            and len(design.units) > scope_mod.AUTO_OVERVIEW_UNITS):
        whole = compute_layout(design, orientation=orientation, compact=compact, lang=lang)
        if scope_mod.too_big(whole.bounds(), len(design.units)):
            sc = scope_mod.Scope("overview")
            if notes is not None:
                notes.append(scope_mod.auto_note(len(design.units)))
    if (sc.kind == "all" and scope is not None and fmt == "pdf" and paper is not None
            and layout == "tidy" and root is None and len(design.companies) > 1
            and _unreadable(design, paper, orientation, compact, lang)):
        from .pdf_book import book_pdf

        def overview(page_notes: list, page_frames: dict) -> bytes:
            return diagram_bytes(design, "pdf", dpi=dpi, legend=legend, lang=lang,
                                 orientation=orientation, compact=True, date=date,
                                 paper=paper, notes=page_notes, highlight=highlight,
                                 scope="overview", frames=page_frames)

        def part(d: Design, page_notes: list, boxes: dict, min_zoom: float | None,
                 with_legend: bool) -> bytes:
            lay = compute_layout(d, orientation=orientation, compact=True, lang=lang)
            return _graphviz_bytes(d, build_diagram(d, lay, lang=lang, date=date), "pdf",
                                   dpi=dpi, legend=legend and with_legend, paper=paper,
                                   notes=page_notes,
                                   highlight=highlight, lang=lang, boxes=boxes,
                                   min_zoom=min_zoom)

        return book_pdf(design, overview, part, lang=lang, notes=notes, paper=paper,
                        orientation=orientation, progress=progress)
    if sc.kind == "overview" and fmt != "graphml":  # GraphML: scoped_design above
        fit = paper if fmt == "pdf" or (max_px and fmt == "png") else None
        design, lay = scope_mod.overview_layout(design, paper=fit, lang=lang)
        diagram = build_diagram(design, lay, lang=lang, date=date)
        return _graphviz_bytes(design, diagram, fmt, dpi=dpi, legend=legend,
                               paper=paper if fmt == "pdf" else None, notes=notes,
                               highlight=highlight, lang=lang, frames=frames, max_px=max_px)
    try:
        diagram = diagram_for(design, layout=layout, root=root, lang=lang,
                              orientation=orientation, compact=compact, date=date)
    except ImportError as exc:
        raise ExportError(msg("export.layout_needs_pygraphviz", detail=str(exc))) from None
    if fmt == "graphml":
        from ..formats.graphml import graphml_bytes

        return graphml_bytes(design, diagram)
    return _graphviz_bytes(design, diagram, fmt, dpi=dpi, legend=legend,
                           paper=paper if fmt == "pdf" else None, notes=notes,
                           highlight=highlight, lang=lang, max_px=max_px)


def _scope(design: Design, scope: str | None) -> scope_mod.Scope:
    try:
        sc = scope_mod.parse_scope(scope)
    except ValueError:
        raise ExportError(msg("export.bad_scope", scope=scope)) from None
    try:
        scope_mod.check_scope(design, sc)
    except KeyError:
        raise ExportError(msg("export.no_scope_target", scope=scope, id=sc.id)) from None
    return sc


def _unreadable(design: Design, paper: str, orientation: str, compact: bool,
                lang: str) -> bool:
    """Would the whole design's labels be under 6 pt fitted on `paper`?"""
    x, y, w, h = compute_layout(design, orientation=orientation, compact=compact,
                                lang=lang).bounds()
    return scope_mod.text_pt((x, y, w, h + scope_mod.LEGEND_ROOM), paper) < paper_mod.MIN_TEXT


#: Cairo draws bitmaps of at most 32,767 pixels a side; past that Graphviz shrinks the
#: picture itself and prints its own warning. We shrink first, and keep the bitmap under
#: 100 million pixels (400 MB of memory while it is drawn).
MAX_PNG_SIDE = 32_000
MAX_PNG_PIXELS = 100_000_000


def png_dpi(bb: str, dpi: float, notes: list[str] | None = None,
            max_side: float = MAX_PNG_SIDE) -> float:
    """The resolution at which a diagram with Graphviz bounding box `bb` (points) fits the
    bitmap limits (`max_side` pixels a side at most); a note for the user in `notes` when it
    is lower than asked because of the bitmap limits."""
    try:
        x0, y0, x1, y1 = (float(v) for v in bb.split(","))
    except ValueError:
        return dpi
    w, h = max(x1 - x0, 1.0) / 72, max(y1 - y0, 1.0) / 72  # inches
    side = min(max_side, MAX_PNG_SIDE)
    fit = min(dpi, side / w, side / h, math.sqrt(MAX_PNG_PIXELS / (w * h)))
    if fit < dpi:
        if notes is not None and side == MAX_PNG_SIDE:
            notes.append(msg("export.png_scaled", dpi=dpi, fit=max(fit, 0.01)))
        return max(fit, 0.01)
    return dpi


def _graphviz_bytes(design: Design, diagram: Diagram, fmt: str, *, dpi: int,
                    legend: bool, paper: str | None = None,
                    notes: list | None = None, highlight: dict[str, str] | None = None,
                    lang: str = "en", frames: dict | None = None,
                    max_px: int | None = None, boxes: dict | None = None,
                    min_zoom: float | None = None) -> bytes:
    """The diagram drawn by Graphviz. On `paper`: `frames` (a dict) receives the company
    frames' rectangles on the page, `boxes` the rectangles of the units it has as keys, and
    nothing is drawn (b"") when the page would be drawn at a zoom under `min_zoom`."""
    try:
        from .graphviz_out import to_agraph
    except ImportError as exc:  # pragma: no cover - pygraphviz is a dependency
        raise ExportError(msg("export.needs_pygraphviz", detail=str(exc))) from None
    leg = None
    if legend:
        units = [design.units[u] for u in diagram.boxes]
        kinds = {u.kind for u in units}
        functions = {u.functions[0] for u in units
                     if u.functions and u.kind is not UnitKind.CSIRT}
        x0, y0, w, h = diagram.bounds()
        leg = build_legend(diagram, kinds, functions, x0, y0 + h + 30, min(max(w, 480), 1100))
    g = to_agraph(diagram, leg)
    if highlight is not None:
        from .highlight import apply_highlight

        apply_highlight(g, highlight, lang)
    if fmt == "dot":
        header = ("// OrgDesigner diagram. Every position is fixed: render it unchanged with\n"
                  "//   neato -n2 -Tsvg THIS.dot -o OUT.svg\n")
        return (header + g.string()).encode("utf-8")
    if fmt == "png":
        side = max_px or MAX_PNG_SIDE
        g.graph_attr["dpi"] = f"{png_dpi(g.graph_attr['bb'], dpi, notes, side):.4g}"
    if paper is not None:
        viewport, zoom = paper_mod.fit(paper_mod.pin(g), paper)
        g.graph_attr.update(viewport=viewport, pad="0", margin="0")
        if min_zoom is not None and zoom < min_zoom:
            return b""
        if frames is not None and fmt == "pdf":
            from .pdf_links import frames_on_page

            frames.update(frames_on_page(g, paper))
        if boxes and fmt == "pdf":
            from .pdf_links import boxes_on_page

            boxes.update(boxes_on_page(g, paper, set(boxes)))
        pt = paper_mod.text_size(zoom)
        if pt < paper_mod.MIN_TEXT and notes is not None:
            notes.append(msg("export.small_text", paper=paper.upper(), pt=pt))
    try:
        with filtered_stderr():
            data = g.draw(format=fmt, prog="nop2")
    except (ValueError, OSError) as exc:
        raise ExportError(msg("export.render_failed", fmt=fmt.upper(), detail=str(exc))) from None
    if not data:
        raise ExportError(msg("export.no_output", fmt=fmt.upper()))
    return _edge_titles(bytes(data), diagram) if fmt == "svg" else bytes(data)


def _edge_titles(svg: bytes, diagram: Diagram) -> bytes:
    """Each labelled flow's <title> is its whole label (Graphviz writes "u1->u2"), so a label
    shortened to fit still reads in full as a tooltip."""
    from xml.sax.saxutils import escape

    full = {e.id: e.full_label or e.label for e in diagram.edges if e.full_label or e.label}
    if not full:
        return svg

    def title(m: re.Match[str]) -> str:
        label = full.pop(m.group(2).replace("&#45;", "-"), None)  # the first group per flow
        return m.group(0) if label is None else m.group(1) + escape(label)

    # one pass over the document (one search per labelled flow was quadratic: 57 MB each)
    return _FLOW_TITLE.sub(title, svg.decode("utf-8")).encode("utf-8")


_FLOW_TITLE = re.compile(r'(<g id="flow(?:-|&#45;)([^"]*)" class="edge">\s*<title>)[^<]*')


def export_diagram(design: Design, path: str | os.PathLike, *, fmt: str | None = None,
                   layout: str = "tidy", dpi: int = 150, legend: bool = True,
                   root: str | None = None, lang: str = "en", orientation: str = "tb",
                   compact: bool = False, date: str | None = None,
                   notes: list | None = None, paper: str | None = paper_mod.DEFAULT,
                   highlight: dict[str, str] | None = None,
                   aspect: str | None = None, scope: str | None = None,
                   progress: Callable[[int, int], None] | None = None) -> list:
    """Write the diagram to `path`, the format from `fmt` or the file's suffix; returns the
    notes (messages) worth showing — text too small on the chosen paper, a PNG scaled down —
    which are also appended to `notes` when given."""
    fmt = format_for(path, fmt)
    warnings: list = []
    data = diagram_bytes(design, fmt, layout=layout, dpi=dpi, legend=legend, root=root,
                         lang=lang, orientation=orientation, compact=compact, date=date,
                         paper=paper, notes=warnings, highlight=highlight, aspect=aspect,
                         scope=scope, progress=progress)
    atomic_write(path, data)
    if notes is not None:
        notes.extend(warnings)
    return warnings

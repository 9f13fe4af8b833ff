"""Diagram exports: SVG, PNG, PDF and DOT through Graphviz, GraphML for yEd, PowerPoint
slides and draw.io files (render/office_export.py).

`diagram_bytes` produces the bytes, `export_diagram` writes them atomically (a failed export
never leaves a truncated file). Positions come from the tidy layout by default, from Graphviz
`dot` on request, or from the canvas as the user arranged it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..formats.atomic import atomic_write
from ..messages import BilingualError, msg
from ..model import Design, UnitKind
from .diagram import Diagram, diagram_for
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
                  date: str | None = None, aspect: str | None = None) -> bytes:
    """The diagram of `design` (or of the sub-tree under `root`) in `fmt`; `aspect` is the
    slide shape of a .pptx ("16:9" or "4:3")."""
    fmt = format_for("", fmt)
    if layout not in LAYOUTS:
        raise ExportError(msg("export.bad_layout", layout=layout, layouts=", ".join(LAYOUTS)))
    if not 10 <= dpi <= 1200:
        raise ExportError(msg("export.bad_dpi", dpi=dpi))
    if fmt in ("pptx", "drawio"):
        from .office_export import office_bytes

        return office_bytes(design, fmt, layout=layout, legend=legend, root=root, lang=lang,
                            orientation=orientation, compact=compact, date=date, aspect=aspect)
    try:
        diagram = diagram_for(design, layout=layout, root=root, lang=lang,
                              orientation=orientation, compact=compact, date=date)
    except ImportError as exc:
        raise ExportError(msg("export.layout_needs_pygraphviz", detail=str(exc))) from None
    if fmt == "graphml":
        from ..formats.graphml import graphml_bytes

        return graphml_bytes(design, diagram)
    return _graphviz_bytes(design, diagram, fmt, dpi=dpi, legend=legend)


def _graphviz_bytes(design: Design, diagram: Diagram, fmt: str, *, dpi: int,
                    legend: bool) -> bytes:
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
    if fmt == "dot":
        header = ("// OrgDesigner diagram. Every position is fixed: render it unchanged with\n"
                  "//   neato -n2 -Tsvg THIS.dot -o OUT.svg\n")
        return (header + g.string()).encode("utf-8")
    if fmt == "png":
        g.graph_attr["dpi"] = str(dpi)
    try:
        with filtered_stderr():
            data = g.draw(format=fmt, prog="nop2")
    except (ValueError, OSError) as exc:
        raise ExportError(msg("export.render_failed", fmt=fmt.upper(), detail=str(exc))) from None
    if not data:
        raise ExportError(msg("export.no_output", fmt=fmt.upper()))
    return bytes(data)


def export_diagram(design: Design, path: str | os.PathLike, *, fmt: str | None = None,
                   layout: str = "tidy", dpi: int = 150, legend: bool = True,
                   root: str | None = None, lang: str = "en", orientation: str = "tb",
                   compact: bool = False, date: str | None = None,
                   aspect: str | None = None) -> None:
    """Write the diagram to `path`, the format from `fmt` or the file's suffix."""
    fmt = format_for(path, fmt)
    data = diagram_bytes(design, fmt, layout=layout, dpi=dpi, legend=legend, root=root,
                         lang=lang, orientation=orientation, compact=compact, date=date,
                         aspect=aspect)
    atomic_write(path, data)

"""Paper sizes for the PDF export: the drawing scaled to fit an A4 or A3 page (portrait or
landscape) and centred, with the text size that scaling leaves.

Graphviz's `viewport` (width, height, zoom, centre) makes its output page exactly the
viewport's size, so the fitted page costs nothing beyond the normal render.
"""

from __future__ import annotations

from .style import FONT_SIZE

PAPERS: dict[str, tuple[float, float]] = {  # portrait width, height in points
    "a4": (595.0, 842.0),
    "a3": (842.0, 1191.0),
}
NAMES = ("a4", "a4-landscape", "a3", "a3-landscape")
DEFAULT = "a4-landscape"
MARGIN = 0.04  # of the page, on each side
MIN_TEXT = 6.0  # points: below this the export warns
PIN = 1.44  # points: size of the invisible corner points of `pin`


def page_size(name: str) -> tuple[float, float]:
    """(width, height) in points of `name` ("a4", "a3-landscape" …); KeyError if unknown."""
    base, _, orient = name.lower().partition("-")
    w, h = PAPERS[base]
    if orient not in ("", "landscape", "portrait"):
        raise KeyError(name)
    return (h, w) if orient == "landscape" else (w, h)


def fit(bb: tuple[float, float, float, float], name: str) -> tuple[str, float]:
    """Graphviz `viewport` for the drawing with bounding box `bb` (x0, y0, x1, y1) on the
    page, and the zoom it is drawn at."""
    pw, ph = page_size(name)
    w, h = max(bb[2] - bb[0], 1.0), max(bb[3] - bb[1], 1.0)
    zoom = min(pw / w, ph / h) * (1 - 2 * MARGIN)
    cx, cy = (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2
    return f"{pw:.0f},{ph:.0f},{zoom:.5f},{cx:.2f},{cy:.2f}", zoom


def pin(g) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """Make Graphviz keep the graph's own `bb` as the drawing's extent, and return that extent
    moved to the origin: what `fit` must be given.

    Graphviz (`nop2`) recomputes the bounding box from what it draws and moves the drawing so
    that box starts at (0, 0) before it applies the viewport's centre. Two invisible points
    at the corners of `bb` make the recomputed box `bb` itself, so the centre and every
    position on the page are known (render/pdf_links.py maps frames with them)."""
    x0, y0, x1, y1 = (float(v) for v in g.graph_attr["bb"].split(","))
    r = PIN / 2  # a point is never smaller than this: its edge, not its centre, is the corner
    for name, (x, y) in (("pin_ll", (x0 + r, y0 + r)), ("pin_ur", (x1 - r, y1 - r))):
        g.add_node(name, shape="point", style="invis", width=f"{PIN / 72:.4f}",
                   height=f"{PIN / 72:.4f}", fixedsize="true", label="",
                   pos=f"{x:.3f},{y:.3f}")
    return (0.0, 0.0, x1 - x0, y1 - y0)


def text_size(zoom: float) -> float:
    """Box labels' size on paper at this zoom."""
    return FONT_SIZE * zoom

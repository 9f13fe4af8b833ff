"""Where the legend and the title block go (y down, points), for the diagram exports.

The legend shows only what the diagram uses: the unit kinds, the function colour families and
the flow kinds present, each drawn with the very style the diagram uses for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import FlowKind, Function, UnitKind
from .diagram import Diagram
from .style import (
    FONT_SIZE,
    FUNCTION_GROUPS,
    LINE_HEIGHT,
    FlowStyle,
    UnitStyle,
    colour_legend,
    legend_entries,
    text_width,
    wrap_label,
)

Rect = tuple[float, float, float, float]
HEADING = 12.0
SMALL = 9.0
GAP = 12.0
LINE_LEN = 56.0


@dataclass
class SampleBox:
    rect: Rect
    lines: list[str]
    style: UnitStyle
    size: float = FONT_SIZE


@dataclass
class SampleLine:
    start: tuple[float, float]
    end: tuple[float, float]
    style: FlowStyle


@dataclass
class Text:
    x: float  # left edge
    y: float  # vertical centre
    text: str
    size: float
    bold: bool = False

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.bold) + 4


@dataclass
class Legend:
    rect: Rect
    boxes: list[SampleBox] = field(default_factory=list)
    lines: list[SampleLine] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def build_legend(diagram: Diagram, kinds: set[UnitKind], functions: set[Function],
                 x0: float, y0: float, max_width: float) -> Legend | None:
    """The legend's items laid out in rows from (x0, y0), wrapping at `max_width`."""
    lang = diagram.lang
    flow_kinds = {e.kind for e in diagram.edges}
    entries = legend_entries(lang)
    unit_entries = [(k, label, st) for k, label, st in entries
                    if isinstance(k, UnitKind) and k in kinds]
    convention = _CONVENTION.get(lang, _CONVENTION["en"])
    flow_entries = [(k, label + convention if k is FlowKind.REPORTING else label, st)
                    for k, label, st in entries if isinstance(k, FlowKind) and k in flow_kinds]
    families = [(label, fill, border) for (label, fill, border), (_, _, _, fns)
                in zip(colour_legend(lang), FUNCTION_GROUPS, strict=False) if functions & set(fns)]
    if not (unit_entries or flow_entries or families):
        return None
    pad = 10.0
    leg = Legend((x0, y0, 0, 0))
    title = "凡例" if lang == "ja" else "Legend"
    leg.texts.append(Text(x0 + pad, y0 + pad + HEADING * 0.65, title, HEADING, True))
    y = y0 + pad + HEADING * 1.6
    right = x0 + pad + leg.texts[0].width
    limit = x0 + max(max_width, 480.0)

    def row(items: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """Place items of (width, height) in rows; returns their top-left corners."""
        nonlocal y, right
        out = []
        x = x0 + pad
        h = 0.0
        for w, ih in items:
            if x > x0 + pad and x + w > limit:
                y += h + GAP / 2
                x, h = x0 + pad, 0.0
            out.append((x, y))
            x += w + GAP
            h = max(h, ih)
            right = max(right, x - GAP)
        y += h + GAP
        return out

    if unit_entries:
        sizes = []
        for _, label, st in unit_entries:
            lines = wrap_label(label, st.bold)
            w = max(text_width(t, FONT_SIZE, st.bold) for t in lines) + 24
            grow = 1.3 if st.shape == "ellipse" else 1.2 if st.shape != "box" else 1.0
            sizes.append((max(70.0, w * grow), len(lines) * LINE_HEIGHT + 14 +
                          (8 if st.shape in ("house", "ellipse") else 0)))
        for (x, yy), (w, h), (_, label, st) in zip(row(sizes), sizes, unit_entries, strict=False):
            leg.boxes.append(SampleBox((x, yy, w, h), wrap_label(label, st.bold), st))
    if families:
        sizes = [(text_width(label, SMALL) + 20, SMALL * 1.3 + 12) for label, _, _ in families]
        for (x, yy), (w, h), (label, fill, border) in zip(row(sizes), sizes, families,
                                                          strict=True):
            st = UnitStyle("rounded", fill, border, "#1A1A1A", 1.0, False, False)
            leg.boxes.append(SampleBox((x, yy, w, h), [label], st, SMALL))
    if flow_entries:
        sizes = [(LINE_LEN + 8 + text_width(label, SMALL) + 4, SMALL * 1.6)
                 for _, label, _ in flow_entries]
        for (x, yy), (_, h), (_, label, st) in zip(row(sizes), sizes, flow_entries,
                                                   strict=True):
            mid = yy + h / 2
            leg.lines.append(SampleLine((x + 4, mid), (x + LINE_LEN - 4, mid), st))
            leg.texts.append(Text(x + LINE_LEN + 4, mid, label, SMALL))
    leg.rect = (x0, y0, right - x0 + pad, y - y0 - GAP + pad)
    return leg


# A reporting line has no arrowhead: the convention is stated where the line is explained.
_CONVENTION = {"en": " (superior above)", "ja": "（上位が上）"}


def title_size(diagram: Diagram) -> tuple[float, float]:
    """Estimated size of the title block (title line over a row of date/version cells)."""
    cells = sum(text_width(f"{c} {v}", SMALL) + 16 for c, v in diagram.subtitle)
    return (max(text_width(diagram.title, 16, True) + 16, cells) + 8,
            16 * 1.3 + SMALL * 1.3 + 22)

"""Designs whose units have no positions of their own, and the tidy layout they get.

A file written by hand, by another tool, or saved before anyone arranged it puts every unit
at (0, 0), or piles many boxes onto each other. Drawn as saved, that is one unreadable
stack, and routing flows through it is all detour. So a design that is mostly piled up is
laid out (the tidy tree, as "Auto layout" does) when the app opens it, and is drawn from the
tidy layout by every export that would otherwise draw it "as on the canvas". A design where
only a few boxes overlap is the user's own arrangement and is left exactly as it is.
"""

from __future__ import annotations

from collections import Counter

from ..model import Design
from .style import MIN_HEIGHT, MIN_WIDTH


def piled_up(design: Design, ids: list[str] | None = None) -> int:
    """How many of the units (all, or `ids`) certainly overlap another one's box: their
    centres fall in the same cell of a grid of the smallest box (so closer than a box
    in both directions). O(units)."""
    units = design.units
    us = list(units.values()) if ids is None else [units[uid] for uid in ids]
    # column by column (a 50,000-unit group is checked as the app opens it)
    cells = Counter(zip([int(u.x // MIN_WIDTH) for u in us],
                        [int(u.y // MIN_HEIGHT) for u in us], strict=True))
    return sum(n for n in cells.values() if n > 1)


def needs_layout(design: Design, ids: list[str] | None = None) -> bool:
    """Whether the units have no positions of their own: at least two of them, and more
    than half piled onto each other (every unit at one point, say)."""
    n = len(ids) if ids is not None else len(design.units)
    return n >= 2 and 2 * piled_up(design, ids) > n


def lay_out_if_unplaced(design: Design, lang: str = "en") -> bool:
    """Give a design without positions the tidy layout (units and company frames); True when
    it did, so the caller can mark the document modified. Nothing else changes."""
    if not needs_layout(design):
        return False
    from .layout import layout_ops

    layout_ops(design, lang=lang).apply(design)
    return True

"""Helpers shared by the render tests: random designs and an overlap check."""

from __future__ import annotations

from orgdesigner.render.layout import Layout

Rect = tuple[float, float, float, float]


def intersects(a: Rect, b: Rect, eps: float = 1e-6) -> bool:
    return (a[0] < b[0] + b[2] - eps and b[0] < a[0] + a[2] - eps
            and a[1] < b[1] + b[3] - eps and b[1] < a[1] + a[3] - eps)


def overlapping_boxes(lay: Layout) -> list[tuple[str, str]]:
    """Every pair of unit boxes that overlap (sweep over x, so big layouts stay fast)."""
    rects = sorted(((*lay.rect(u), u) for u in lay.positions), key=lambda r: r[0])
    bad = []
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if b[0] >= a[0] + a[2]:
                break
            if intersects(a[:4], b[:4]):
                bad.append((a[4], b[4]))
    return bad


def inside(inner: Rect, outer: Rect, eps: float = 1e-6) -> bool:
    return (inner[0] >= outer[0] - eps and inner[1] >= outer[1] - eps
            and inner[0] + inner[2] <= outer[0] + outer[2] + eps
            and inner[1] + inner[3] <= outer[1] + outer[3] + eps)

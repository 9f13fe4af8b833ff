"""Flow labels placed where they cover no box, no other label and no arrowhead.

Candidates lie beside the route (above or below a horizontal run, right or left of a
vertical one), longest runs and their middles first; the first candidate that is free wins,
preferring spots that no other route crosses either. A label that fits nowhere is shortened
with an ellipsis (the full text stays in the tooltip and the SVG <title>), and hidden if even
that fits nowhere. Greedy and local (each test looks at a few grid cells), so a few thousand
labels cost milliseconds, not a global optimisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .index import RectIndex

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
GAP = 2.5  # between a label and its own line
TIP = 6.0  # half the square kept free around an arrow tip


@dataclass
class LabelSpot:
    text: str  # as shown (maybe shortened, maybe empty)
    centre: Point | None
    size: tuple[float, float] = (0.0, 0.0)


def place_labels(flows: list[tuple[str, str, list[Point]]], tips: list[Point],
                 boxes: dict[str, Rect], measure: Callable[[str], tuple[float, float]]
                 ) -> dict[str, LabelSpot]:
    """`flows`: (key, text, polyline); `measure(text)` → (width, height) of its label box."""
    out: dict[str, LabelSpot] = {}
    if not any(text for _key, text, _pts in flows):
        return out
    obstacles = RectIndex(1.0, bands=False)
    obstacles.put_many(("b" + k, r) for k, r in boxes.items())
    obstacles.put_many((f"t{i}", (x - TIP, y - TIP, 2 * TIP, 2 * TIP))
                       for i, (x, y) in enumerate(tips))
    lines = RectIndex(0.0, cell=1000.0, bands=False)  # coarse: long routes span few cells
    lines.put_many((f"{key}\0{i}", (min(a[0], b[0]), min(a[1], b[1]),
                                    abs(a[0] - b[0]), abs(a[1] - b[1])))
                   for key, _text, pts in flows
                   for i, (a, b) in enumerate(zip(pts, pts[1:], strict=False)))
    for key, text, pts in sorted(flows, key=lambda f: len(f[1]), reverse=True):
        if not text:
            continue
        spot = None
        for shown in _shortenings(text):
            w, h = measure(shown)
            spot = (_first_free(pts, w, h, obstacles, lines, key, strict=True)
                    or _first_free(pts, w, h, obstacles, lines, key, strict=False))
            if spot is not None:
                out[key] = LabelSpot(shown, spot, (w, h))
                obstacles.put("l" + key, (spot[0] - w / 2, spot[1] - h / 2, w, h))
                break
        if spot is None:
            out[key] = LabelSpot("", None)
    return out


def _shortenings(text: str) -> list[str]:
    out = [text]
    n = len(text)
    for keep in (int(n * 0.6), int(n * 0.35), 3):
        if 2 <= keep < n - 1:
            out.append(text[:keep].rstrip() + "…")
    return out


def candidates(pts: list[Point], w: float, h: float) -> list[Point]:
    segs = list(zip(pts, pts[1:], strict=False))
    order = sorted(range(len(segs)), key=lambda i: -(abs(segs[i][0][0] - segs[i][1][0])
                                                     + abs(segs[i][0][1] - segs[i][1][1])))
    out = []
    for i in order:
        a, b = segs[i]
        for t in (0.5, 0.3, 0.7, 0.15, 0.85):
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            if abs(a[1] - b[1]) < 1e-6:  # horizontal: above, then below
                out += [(x, y - GAP - h / 2), (x, y + GAP + h / 2)]
            else:
                out += [(x + GAP + w / 2, y), (x - GAP - w / 2, y)]
    return out


def _first_free(pts: list[Point], w: float, h: float, obstacles: RectIndex,
                lines: RectIndex, key: str, strict: bool) -> Point | None:
    for cx, cy in candidates(pts, w, h):
        x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
        if obstacles.within(x0, y0, x1, y1):
            continue
        if strict and any(not k.startswith(key + "\0") for k in _keys_in(lines, x0, y0, x1, y1)):
            continue
        return (cx, cy)
    return None


def _keys_in(index: RectIndex, x0: float, y0: float, x1: float, y1: float) -> list[str]:
    out = []
    for k in index.near(x0, y0, x1, y1):
        r = index.rects[k]
        if r[0] <= x1 and r[2] >= x0 and r[1] <= y1 and r[3] >= y0:
            out.append(k)
    return out

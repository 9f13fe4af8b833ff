"""Where a flow leaves and enters a box: which side, and where along it.

Each flow end picks the side facing the other end (top/bottom when the boxes are in
different rows, left/right when they share one), falling back to another side when a
neighbour leaves no room for the stub. All ends on one side are then spread evenly along it,
ordered by where their other end lies so they do not cross, which keeps every arrowhead on
its own point. On the sides where reporting elbows attach (top and bottom top-down, left and
right left-to-right) the middle is left to the reporting line.
"""

from __future__ import annotations

from ..geometry import shape_polygon

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
NORMAL: dict[str, Point] = {"top": (0.0, -1.0), "bottom": (0.0, 1.0), "left": (-1.0, 0.0),
                            "right": (1.0, 0.0)}
STUB = 14.0  # a flow leaves a box straight for this long (room for the arrowhead and a bend)
CENTRE_GAP = 7.0  # half the width kept free for the reporting elbow


def centre(r: Rect) -> Point:
    return (r[0] + r[2] / 2, r[1] + r[3] / 2)


def side_order(a: Rect, b: Rect) -> list[str]:
    """Sides of `a` to try for a flow toward `b`, best first."""
    (ax, ay), (bx, by) = centre(a), centre(b)
    dx, dy = bx - ax, by - ay
    vert = "bottom" if dy > 0 else "top"
    horiz = "right" if dx > 0 else "left"
    away = "left" if horiz == "right" else "right"
    rows_differ = abs(dy) > (a[3] + b[3]) / 2
    cols_differ = abs(dx) > (a[2] + b[2]) / 2
    if rows_differ:
        first = [vert, horiz] if not cols_differ or abs(dy) * 2 >= abs(dx) else [horiz, vert]
    else:
        first = [horiz, "bottom", away]
    rest = [s for s in ("bottom", away, horiz, "top") if s not in first]
    return first + rest


def stub_end(port: Point, side: str) -> Point:
    n = NORMAL[side]
    return (port[0] + n[0] * STUB, port[1] + n[1] * STUB)


def side_point(r: Rect, side: str, frac: float) -> Point:
    """The point on `r`'s bounding side at fraction `frac` along it (left→right, top→bottom)."""
    x, y, w, h = r
    if side == "top":
        return (x + w * frac, y)
    if side == "bottom":
        return (x + w * frac, y + h)
    if side == "left":
        return (x, y + h * frac)
    return (x + w, y + h * frac)


def spread(r: Rect, side: str, n: int, reserve_centre: bool, shape: str) -> list[float]:
    """`n` fractions along a side, evenly spaced, keeping clear of the corners (and of the
    middle when a reporting elbow attaches there)."""
    margin = 0.22 if shape in ("ellipse", "hexagon", "octagon", "house") else 0.1
    length = r[2] if side in ("top", "bottom") else r[3]
    gap = CENTRE_GAP / length if length else 0.0
    if not reserve_centre or n == 0:
        return [margin + (1 - 2 * margin) * (k + 1) / (n + 1) for k in range(n)]
    left = (n + 1) // 2
    right = n - left
    lo = [margin + (0.5 - gap - margin) * (k + 0.5) / left for k in range(left)] if left else []
    hi = [0.5 + gap + (0.5 - gap - margin) * (k + 0.5) / right for k in range(right)] \
        if right else []
    return lo + hi


def border_point(r: Rect, shape: str, side: str, p: Point) -> Point:
    """Where the line from `p` (on the bounding side) inward meets the drawn outline."""
    if shape in ("box", "rounded", "") or shape not in (
            "ellipse", "hexagon", "octagon", "house"):
        return p
    poly = shape_polygon(shape, r)
    vertical = side in ("top", "bottom")
    c = p[0] if vertical else p[1]
    hits = []
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=False):
        a0, a1, b0, b1 = (x0, x1, y0, y1) if vertical else (y0, y1, x0, x1)
        if (a0 - c) * (a1 - c) <= 0 and a0 != a1:
            t = (c - a0) / (a1 - a0)
            hits.append(b0 + t * (b1 - b0))
    if not hits:
        return p
    if side == "top":
        return (c, min(hits))
    if side == "bottom":
        return (c, max(hits))
    if side == "left":
        return (min(hits), c)
    return (max(hits), c)

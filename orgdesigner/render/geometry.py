"""Shapes and flow routes in points (y down), shared by the canvas and the exports.

`shape_polygon` gives the outline Graphviz draws for each shape of `style.KIND_SHAPE` (measured
from its output for fixed-size nodes), so the canvas can draw the same polygons. Overlay flows
are gentle curves from border to border; parallel flows between the same two units bend apart
so none hides another. Reporting lines are elbows (`layout.reporting_route`).
"""

from __future__ import annotations

import math

Point = tuple[float, float]
Rect = tuple[float, float, float, float]

# Outlines as fractions of the box (x right, y down), as Graphviz draws fixed-size nodes.
_OUTLINES: dict[str, list[Point]] = {
    "box": [(0, 0), (1, 0), (1, 1), (0, 1)],
    "rounded": [(0, 0), (1, 0), (1, 1), (0, 1)],
    "hexagon": [(1, 0.5), (0.75, 0), (0.25, 0), (0, 0.5), (0.25, 1), (0.75, 1)],
    "octagon": [(1, 0.293), (1, 0.707), (0.707, 1), (0.293, 1), (0, 0.707), (0, 0.293),
                (0.293, 0), (0.707, 0)],
    "house": [(0.5, 0), (1, 0.3455), (1, 0.9045), (0, 0.9045), (0, 0.3455)],
}
_ELLIPSE_STEPS = 32


def shape_polygon(shape: str, rect: Rect) -> list[Point]:
    """The outline of `shape` drawn in `rect` (x, y, w, h), clockwise on screen."""
    x, y, w, h = rect
    if shape == "ellipse":
        cx, cy = x + w / 2, y + h / 2
        return [(cx + w / 2 * math.cos(2 * math.pi * i / _ELLIPSE_STEPS),
                 cy + h / 2 * math.sin(2 * math.pi * i / _ELLIPSE_STEPS))
                for i in range(_ELLIPSE_STEPS)]
    return [(x + fx * w, y + fy * h) for fx, fy in _OUTLINES.get(shape, _OUTLINES["box"])]


def point_in_polygon(p: Point, poly: list[Point]) -> bool:
    x, y = p
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _quad(p0: Point, c: Point, p1: Point, t: float) -> Point:
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0],
            u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1])


def _boundary_t(p0: Point, c: Point, p1: Point, poly: list[Point], leaving: bool) -> float:
    """Parameter where the curve crosses `poly`: leaving it from t=0, or entering it at t=1."""
    # The start (or end) lies inside; find a sample outside, then bisect to the border.
    inside_end = 0.0 if leaving else 1.0
    outside = None
    for i in range(1, 21):
        t = i / 20 if leaving else 1 - i / 20
        if not point_in_polygon(_quad(p0, c, p1, t), poly):
            outside = t
            break
    if outside is None:
        return 0.5
    lo, hi = inside_end, outside
    for _ in range(24):
        mid = (lo + hi) / 2
        if point_in_polygon(_quad(p0, c, p1, mid), poly):
            lo = mid
        else:
            hi = mid
    return hi


def _sub_quad(p0: Point, c: Point, p1: Point, t0: float, t1: float) -> tuple[Point, Point, Point]:
    """The part of a quadratic Bézier between t0 and t1, as a quadratic."""
    a = _quad(p0, c, p1, t0)
    b = _quad(p0, c, p1, t1)
    # Control point: intersection of the tangents; for a sub-curve it is the blossom q(t0, t1).
    u0, u1 = 1 - t0, 1 - t1
    ctrl = (u0 * u1 * p0[0] + (u0 * t1 + t0 * u1) * c[0] + t0 * t1 * p1[0],
            u0 * u1 * p0[1] + (u0 * t1 + t0 * u1) * c[1] + t0 * t1 * p1[1])
    return a, ctrl, b


def quad_to_cubic(p0: Point, c: Point, p1: Point) -> list[Point]:
    return [p0, (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1])),
            (p1[0] + 2 / 3 * (c[0] - p1[0]), p1[1] + 2 / 3 * (c[1] - p1[1])), p1]


def overlay_route(src: Rect, src_shape: str, dst: Rect, dst_shape: str,
                  lane: int = 0) -> tuple[Point, Point, Point]:
    """A quadratic Bézier (start, control, end) from the border of `src` to that of `dst`.

    `lane` separates several flows between the same two units: lane 0 bends slightly to one
    side, lane 1 to the other, lane 2 further out, and so on.
    """
    a = (src[0] + src[2] / 2, src[1] + src[3] / 2)
    b = (dst[0] + dst[2] / 2, dst[1] + dst[3] / 2)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    if a > b:  # the side depends on the pair, not the direction: A→B and B→A part ways
        nx, ny = -nx, -ny
    side = 1 if lane % 2 == 0 else -1
    bulge = side * (min(max(0.12 * length, 16.0), 60.0) + 26.0 * (lane // 2))
    c = ((a[0] + b[0]) / 2 + nx * bulge, (a[1] + b[1]) / 2 + ny * bulge)
    t0 = _boundary_t(a, c, b, shape_polygon(src_shape, src), leaving=True)
    t1 = _boundary_t(a, c, b, shape_polygon(dst_shape, dst), leaving=False)
    if t1 <= t0:  # overlapping boxes: draw centre to centre
        return a, c, b
    return _sub_quad(a, c, b, t0, t1)


def trim_quad(q: tuple[Point, Point, Point], start: float, end: float
              ) -> tuple[Point, Point, Point]:
    """Shorten a quadratic by about `start` points at its start and `end` at its end (room
    for arrowheads), never past its middle."""
    p0, c, p1 = q
    total = quad_length(q)
    if total <= 0:
        return q
    t0 = min(start / total, 0.45)
    t1 = 1 - min(end / total, 0.45)
    return _sub_quad(p0, c, p1, t0, t1)


def quad_length(q: tuple[Point, Point, Point], steps: int = 12) -> float:
    pts = [_quad(*q, i / steps) for i in range(steps + 1)]
    return sum(math.dist(p, r) for p, r in zip(pts, pts[1:], strict=False))


def quad_point(q: tuple[Point, Point, Point], t: float) -> Point:
    return _quad(*q, t)


def polyline_to_cubic(points: list[Point]) -> list[Point]:
    """A polyline as a cubic B-spline control list (3n+1 points) drawing the same segments."""
    out = [points[0]]
    for p, r in zip(points, points[1:], strict=False):
        out += [p, r, r]
    return out


def spline_length(points: list[Point]) -> float:
    """Length of a Graphviz cubic spline (3n+1 control points), by its control polygon chords."""
    total = 0.0
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        prev = p0
        for k in range(1, 9):
            t = k / 8
            u = 1 - t
            q = (u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                 u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1])
            total += math.dist(prev, q)
            prev = q
    return total

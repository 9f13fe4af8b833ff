"""An orthogonal route as drawn: shortened for its arrowheads, corners rounded, as the cubic
Bézier control list (3n+1 points) every exporter already draws."""

from __future__ import annotations

import math

Point = tuple[float, float]
RADIUS = 5.0  # corner radius; never more than the router's clearance, so a rounded corner
# cuts no closer to a box than the square corner did
KAPPA = 0.5523  # control distance of a quarter circle as a cubic, in radii


def trim(pts: list[Point], start: float, end: float) -> list[Point]:
    """Shorten the first and last segment by `start` and `end` points (room for arrowheads)."""
    pts = list(pts)
    if len(pts) < 2:
        return pts
    if start:
        pts[0] = _toward(pts[0], pts[1], start)
    if end:
        pts[-1] = _toward(pts[-1], pts[-2], end)
    return pts


def _toward(a: Point, b: Point, d: float) -> Point:
    length = math.dist(a, b)
    if length <= 0:
        return a
    f = min(d, length * 0.8) / length
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def rounded_cubic(pts: list[Point], radius: float = RADIUS) -> list[Point]:
    """Control points of the polyline with each corner replaced by a quarter-circle arc."""
    if len(pts) < 2:
        return list(pts) * 4 if pts else []
    out = [pts[0]]
    cur = pts[0]
    last = len(pts) - 1
    for k in range(1, last):
        a, c, b = pts[k - 1], pts[k], pts[k + 1]
        la, lb = math.dist(a, c), math.dist(c, b)
        if la <= 0 or lb <= 0:
            continue
        r = min(radius, la / (1 if k == 1 else 2), lb / (1 if k + 1 == last else 2))
        ua = ((c[0] - a[0]) / la, (c[1] - a[1]) / la)
        ub = ((b[0] - c[0]) / lb, (b[1] - c[1]) / lb)
        p0 = (c[0] - ua[0] * r, c[1] - ua[1] * r)
        p3 = (c[0] + ub[0] * r, c[1] + ub[1] * r)
        out += [cur, p0, p0]
        out += [(p0[0] + ua[0] * r * KAPPA, p0[1] + ua[1] * r * KAPPA),
                (p3[0] - ub[0] * r * KAPPA, p3[1] - ub[1] * r * KAPPA), p3]
        cur = p3
    out += [cur, pts[-1], pts[-1]]
    return out


def flatten(points: list[Point], steps: int = 6) -> list[Point]:
    """Points along a cubic control list (for hit tests and the geometric checks)."""
    out = [points[0]] if points else []
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        n = 1 if (p0 == p1 and p2 == p3) else steps
        for s in range(1, n + 1):
            t = s / n
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                        + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                        + t ** 3 * p3[1]))
    return out

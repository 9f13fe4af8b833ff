"""A flow's route as drawing commands, whatever form the router gives its points in.

`Edge.points` are a cubic spline (3n+1 points) today; a polyline router may give plain
points. The PowerPoint and draw.io writers read routes only through `edge_path`, so the
router can change without them.
"""

from __future__ import annotations

from .diagram import Edge

Point = tuple[float, float]


def is_cubic(points: list[Point]) -> bool:
    return len(points) >= 4 and (len(points) - 1) % 3 == 0


def _straight(a: Point, c1: Point, c2: Point, b: Point) -> bool:
    """Control points on the chord: a cubic that is really a straight segment."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = (dx * dx + dy * dy) ** 0.5 or 1.0
    return all(abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / n < 0.5 for p in (c1, c2))


def edge_path(e: Edge) -> list[tuple[str, list[Point]]]:
    """The route as path commands in diagram points: ("M"|"L"|"C", points). Edge points are
    read as a cubic spline when they have 3n+1 of them, otherwise as a polyline, so a new
    router's geometry flows through; arrow tips extend the ends."""
    pts = list(e.points)
    if not pts:
        return []
    cmds: list[tuple[str, list[Point]]] = []
    if e.tail is not None:
        cmds += [("M", [e.tail]), ("L", [pts[0]])]
    else:
        cmds.append(("M", [pts[0]]))
    if is_cubic(pts):
        for i in range(0, len(pts) - 1, 3):
            a, c1, c2, b = pts[i:i + 4]
            cmds.append(("L", [b]) if _straight(a, c1, c2, b) else ("C", [c1, c2, b]))
    else:
        cmds += [("L", [p]) for p in pts[1:]]
    if e.head is not None:
        cmds.append(("L", [e.head]))
    return cmds

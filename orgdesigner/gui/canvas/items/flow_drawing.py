"""How a flow layer's lines reach the painter: the part of the view a paint can reach, pens
at the on-screen scale, and lines clipped to a rectangle before Qt strokes them."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

MIN_DASH_PX = 4.0  # a dash pattern shorter than this on screen is drawn as a solid line

Rect = tuple[float, float, float, float]  # left, top, right, bottom


def visible_part(painter: QPainter, exposed: QRectF) -> QRectF:
    """The part of `exposed` (item coordinates) the painter can reach: its clip and its
    device. Qt asks a cached item for its whole bounding rect when the picture is made
    again (a zoom): a 50,000-unit group's flows, 1 s, where the view shows a few."""
    if painter.hasClipping():
        exposed = exposed.intersected(painter.clipBoundingRect())
    device = painter.device()
    inverse, ok = painter.combinedTransform().inverted()
    if device is not None and ok:
        exposed = exposed.intersected(
            inverse.mapRect(QRectF(0, 0, device.width(), device.height())))
    return exposed


def for_scale(pen: QPen, lod: float, smooth: bool) -> QPen:
    """The pen as drawn at on-screen scale `lod` (level of detail).

    Far out, a dash pattern shorter than a few pixels is drawn solid: the dashes cannot be
    seen, and Qt would still cut a canvas-long line into tens of thousands of them.
    Aliased, a line is at least 1.01 pixels wide (dashes kept the same length): Qt draws a
    thinner one with its "cosmetic" stroker, which walks the whole line even far outside
    the view (2,400 long incident-report lines took 40 ms a frame); a line just over a
    pixel wide is filled as a polygon, clipped to the view (7 ms).
    """
    dashed = pen.style() == Qt.PenStyle.CustomDashLine
    solid = dashed and dash_period(pen) * lod < MIN_DASH_PX
    thin = not smooth and pen.widthF() * lod < 1.01
    if not (solid or thin):
        return pen
    out = QPen(pen)
    if solid:
        out.setStyle(Qt.PenStyle.SolidLine)
    if thin:
        out.setWidthF(1.01 / max(lod, 1e-6))
        if dashed and not solid:
            k = pen.widthF() / out.widthF()
            out.setDashPattern([d * k for d in pen.dashPattern()])
    return out


def dash_period(pen: QPen) -> float:
    """Length of one dash pattern in scene units (0 for a solid pen)."""
    if pen.style() != Qt.PenStyle.CustomDashLine:
        return 0.0
    return sum(pen.dashPattern()) * pen.widthF()


def clip_segment(ax: float, ay: float, bx: float, by: float, rect: Rect,
                 period: float = 0.0) -> QLineF | None:
    """The part of segment a→b inside `rect` (Liang–Barsky), or None.

    With a dash `period`, the clipped start is moved back to a whole number of periods from
    `a`, so a dashed line keeps its pattern in place however it is clipped.
    """
    left, top, right, bottom = rect
    dx, dy = bx - ax, by - ay
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            if t > t0:
                t0 = t
        else:
            if t < t0:
                return None
            if t < t1:
                t1 = t
    if t0 > 0 and period > 0:
        length = math.hypot(dx, dy)
        if length > 0:
            t0 = math.floor(t0 * length / period) * period / length
    return QLineF(ax + dx * t0, ay + dy * t0, ax + dx * t1, ay + dy * t1)

"""One canvas item per flow kind that paints every flow of that kind.

A 5,000-unit group has ~7,600 flows, ~2,500 of them incident reports that run from every
department across the whole canvas into the head-office CSIRT. As separate items they cost
one Python paint call each on every repaint (12–16 frames/s while panning), and their huge
bounding rects make Qt's BSP index slow for every query. So flows are painted here, kind by
kind, in a few `drawLines` calls over what is exposed, from each flow's plain geometry
(`FlowGeom`); a flow's Qt item (`FlowGeom`: selection highlight) is made on demand and is in
the scene only while selected, so Qt's selection machinery works on it.

Lines are clipped to the exposed rectangle before they reach the painter: Qt's raster
engine walks a thin or dashed line's whole length even when only a few pixels are visible
(2,434 long incident-report lines took 40 ms, 44 dotted ones a full second), and a clipped
dashed line starts at a whole dash period so the pattern does not crawl while panning.
"""

from __future__ import annotations

import math
import time
from collections.abc import Generator, Iterable
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.flow_drawing import (
    clip_segment,
    dash_period,
    for_scale,
    visible_part,
)
from orgdesigner.gui.canvas.items.view_picture import ViewPicture
from orgdesigner.model import FlowKind

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.flow_geom import FlowGeom

TILE = 1024.0  # flows that fit in a tile are indexed by tile; longer ones are checked always
HEADS_LOD = 0.15  # below this on-screen scale arrowheads and a double line's core are skipped
SMOOTH_LOD = 0.2  # below this, lines are drawn aliased (the pixels are too few to smooth)
#: A kind with more flows than this is drawn aliased: thousands of long antialiased lines
#: crossing the view cost ~20 ms a frame, and at that density smoothing is not visible.
SMOOTH_LIMIT = 800
ARROW = 10.0  # an arrowhead reaches this far from its tip
HIT_TOLERANCE = 5.0  # scene units either side of a flow that count as "on" it
#: Unrouted overlay flows (drawn as elbows while a large design is routed in the background)
#: are drawn only while a layer holds at most this many: 50,000 units have ~25,000 incident
#: reports, whose straight placeholders all run into the one CSIRT — a solid fan that took
#: 0.26 s a frame and showed nothing; the status bar counts the routing meanwhile. (Counted
#: per layer, not per paint, so a small repaint shows what a full one does.)
PENDING_DRAW = 2000
#: A layer holding more flows than this paints from a picture of what the view shows
#: (`ViewPicture`): 25,000 incident reports of a 50,000-unit group crossed the view's top
#: at once, and every repaint, for a renamed box or a moved selection, drew their 83,000
#: lines again (70 ms). Only the part a flow change dirties is drawn again. Mid-sized
#: layers too (a group's few hundred dashed consensus or command lines, each clipped to the
#: view in Python): while the CSIRT's incident reports re-routed, every repaint of the view
#: drew them again, 10–25 ms each time, and pauses reached 62–88 ms; from pictures, 54 ms.
PICTURE_MIN = 200
#: While routes change in bulk (a renamed CSIRT re-routes every incident report), a layer
#: repaints at most once per this many times its last paint's cost: the rest of the time
#: the event loop is free for the user (each repaint still shows every route applied).
REPAINT_SPACING = 3.0
#: A drawing pauses (for `ViewPicture` to go on in the next turn of the event loop) after
#: looking at this many long flows or drawing about this many lines: some 5 ms of work.
STEP_LINES = 8000
STEP_HEADS = 1000  # … or drawing this many arrowheads

T = TypeVar("T")


class FlowLayer(QGraphicsItem):
    """Paints the flows of one kind; answers "which flows are near this point"."""

    def __init__(self, kind: FlowKind, z: float) -> None:
        super().__init__()
        self.kind = kind
        self.items: dict[str, FlowGeom] = {}  # shown flows of this kind, in insertion order
        self._tiles: dict[tuple[int, int], dict[str, FlowGeom]] = {}
        self._long: dict[str, FlowGeom] = {}
        self._where: dict[str, tuple[int, int] | None] = {}
        # arrowheads by the tile of their tip: a long flow's head is found without
        # looking at the flow (thousands of incident reports end at one CSIRT);
        # each entry: the tip and the head's place in the flow's `heads`
        self._head_tiles: dict[tuple[int, int],
                               dict[str, list[tuple[float, float, int]]]] = {}
        self._head_where: dict[str, list[tuple[int, int]]] = {}
        self._bounds = QRectF()
        self.painted = 0  # flows drawn by the last paint (tests and the benchmark read it)
        self.deferred = 0  # unrouted flows the last paint left out (see PENDING_DRAW)
        self._dirty: tuple[float, float, float, float] | None = None  # moved, not repainted
        self._pending: set[str] = set()  # members still waiting for their route
        self._extent: tuple[float, float, float, float] | None = None  # _bounds' edges
        self._paint_cost = 0.0  # seconds the last paint took
        self._painted_at = 0.0  # when it ended (perf_counter)
        self._picture = ViewPicture(self._drawn_later)
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # ---- membership and the spatial index ----------------------------------------------------
    def add(self, item: FlowGeom) -> None:
        """Index `item` and repaint where it is: a redo or an undone delete adds a flow
        inside the layer's current bounds, where growing them repaints nothing."""
        self.items[item.fid] = item
        self._index(item)
        self._grow(item.bounds())
        self._changed(item.bounds())

    def add_many(self, items: list[FlowGeom]) -> None:
        """`add` for a batch: one extent change and one repaint."""
        if not items:
            return
        left = top = math.inf
        right = bottom = -math.inf
        for item in items:
            self.items[item.fid] = item
            self._index(item)
            x0, y0, x1, y1 = item.bbox
            left, top = min(left, x0), min(top, y0)
            right, bottom = max(right, x1), max(bottom, y1)
        rect = QRectF(left, top, right - left, bottom - top)
        self._grow(rect)
        self._changed(rect)

    def remove(self, item: FlowGeom) -> None:
        if self.items.pop(item.fid, None) is None:
            return
        self._unindex(item.fid)
        self._changed(item.bounds())

    def moved(self, item: FlowGeom, before: tuple[float, float, float, float]) -> None:
        """`item` was re-routed (its extent was `before`: left, top, right, bottom):
        re-index it and repaint where it was and where it is."""
        if item.fid not in self.items:
            return
        self._unindex(item.fid)
        self._index(item)
        # one repaint for a batch: a moved hub (the CSIRT all incident reports run to)
        # re-routes thousands of flows at once
        x0, y0, x1, y1 = item.bbox
        bx0, by0, bx1, by1 = before
        e = self._extent
        if e is None or x0 < e[0] or y0 < e[1] or x1 > e[2] or y1 > e[3]:
            self._grow(item.bounds())  # at once: the layer's extent holds its flows
        d = self._dirty
        if d is None:
            self._dirty = (min(x0, bx0), min(y0, by0), max(x1, bx1), max(y1, by1))
            wait = 0.0
            if len(self.items) > PICTURE_MIN:  # a large layer: see REPAINT_SPACING
                wait = self._paint_cost * REPAINT_SPACING - (time.perf_counter()
                                                             - self._painted_at)
            QTimer.singleShot(max(0, round(wait * 1000)), self._repaint_dirty)
        else:
            self._dirty = (min(d[0], x0, bx0), min(d[1], y0, by0), max(d[2], x1, bx1),
                           max(d[3], y1, by1))

    def _repaint_dirty(self) -> None:
        """Grow the layer's extent to the flows moved since the last turn of the event loop,
        and repaint where they were and are."""
        d, self._dirty = self._dirty, None
        if d is None:
            return
        try:
            self._changed(QRectF(d[0], d[1], d[2] - d[0], d[3] - d[1]))
        except RuntimeError:  # the scene (and this layer) went meanwhile
            pass

    def reset(self, items: Iterable[FlowGeom]) -> None:
        """Replace every member at once (opening a document, showing a hidden branch)."""
        self.items = {i.fid: i for i in items}
        self._tiles, self._long, self._where = {}, {}, {}
        self._head_tiles, self._head_where = {}, {}
        self._pending = set()
        index = self._index
        left = top = math.inf
        right = bottom = -math.inf
        for item in self.items.values():
            index(item)
            x0, y0, x1, y1 = item.bbox
            left, top = min(left, x0), min(top, y0)
            right, bottom = max(right, x1), max(bottom, y1)
        self.prepareGeometryChange()
        self._bounds = (QRectF(left, top, right - left, bottom - top) if self.items
                        else QRectF())
        self._extent = (left, top, right, bottom) if self.items else None
        self._changed()

    def _changed(self, rect: QRectF | None = None) -> None:
        """Repaint `rect` (all for None) with what the layer holds now."""
        self._picture.invalidate(rect)
        if rect is None:
            self.update()
        else:
            self.update(rect)

    def _grow(self, rect: QRectF) -> bool:
        if rect.isNull() or self._bounds.contains(rect):
            return False
        self.prepareGeometryChange()
        self._bounds = self._bounds.united(rect) if not self._bounds.isNull() else QRectF(rect)
        b = self._bounds
        self._extent = (b.left(), b.top(), b.right(), b.bottom())
        return True

    def _index(self, item: FlowGeom) -> None:
        if item.pending:
            self._pending.add(item.fid)
        if item.tips:
            keys = []
            for k, (hx, hy) in enumerate(item.tips):
                key = (math.floor(hx / TILE), math.floor(hy / TILE))
                self._head_tiles.setdefault(key, {}).setdefault(item.fid, []).append((hx, hy, k))
                keys.append(key)
            self._head_where[item.fid] = keys
        x0, y0, x1, y1 = item.bbox
        if x1 - x0 <= TILE and y1 - y0 <= TILE:
            key = (math.floor(x0 / TILE), math.floor(y0 / TILE))
            self._tiles.setdefault(key, {})[item.fid] = item
            self._where[item.fid] = key
        else:
            self._long[item.fid] = item
            self._where[item.fid] = None

    def _unindex(self, fid: str) -> None:
        self._pending.discard(fid)
        for hkey in self._head_where.pop(fid, ()):
            heads = self._head_tiles.get(hkey)
            if heads is not None:
                heads.pop(fid, None)
                if not heads:
                    del self._head_tiles[hkey]
        key = self._where.pop(fid, None)
        if key is None:
            self._long.pop(fid, None)
            return
        tile = self._tiles.get(key)
        if tile is not None:
            tile.pop(fid, None)
            if not tile:
                del self._tiles[key]

    def candidates(self, left: float, top: float, right: float,
                   bottom: float) -> list[FlowGeom]:
        """Flows whose bounding box meets the rectangle (in drawing order within a tile)."""
        return _drain(self._candidates(left, top, right, bottom))

    def _candidates(self, left: float, top: float, right: float, bottom: float
                    ) -> Generator[None, None, list[FlowGeom]]:
        """`candidates`, pausing after each `STEP_LINES` long flows looked at (the flows are
        those of when it began). Made with comprehensions: a paint of a 50,000-unit group's
        view meets 22,000 incident reports, and a generator's steps cost 12 ms."""
        longs = list(self._long.values())
        found: list[FlowGeom] = []
        for k in range(0, len(longs), STEP_LINES):
            if k:
                yield
            found += _meeting(longs[k:k + STEP_LINES], left, top, right, bottom)
        if self._tiles:
            tiles = self._tiles
            tx0, tx1 = math.floor((left - TILE) / TILE), math.floor(right / TILE)
            ty0, ty1 = math.floor((top - TILE) / TILE), math.floor(bottom / TILE)
            if (tx1 - tx0 + 1) * (ty1 - ty0 + 1) > len(tiles):
                keys: Iterable[tuple[int, int]] = [
                    k for k in tiles if tx0 <= k[0] <= tx1 and ty0 <= k[1] <= ty1]
            else:
                keys = [(tx, ty) for tx in range(tx0, tx1 + 1) for ty in range(ty0, ty1 + 1)]
            for key in keys:
                tile = tiles.get(key)
                if tile is not None:
                    found += _meeting(tile.values(), left, top, right, bottom)
        return found

    def heads_in(self, left: float, top: float, right: float,
                 bottom: float) -> list[QPolygonF]:
        """Arrowheads whose tip lies in the rectangle."""
        out: list[QPolygonF] = []
        tiles = self._head_tiles
        for tx in range(math.floor(left / TILE), math.floor(right / TILE) + 1):
            for ty in range(math.floor(top / TILE), math.floor(bottom / TILE) + 1):
                tile = tiles.get((tx, ty))
                if tile is None:
                    continue
                for fid, heads in tile.items():
                    for hx, hy, k in heads:
                        if left <= hx <= right and top <= hy <= bottom:
                            out.append(self.items[fid].heads[k])
        return out

    def hits(self, pos: QPointF, tolerance: float = HIT_TOLERANCE) -> list[FlowGeom]:
        """Flows within `tolerance` of `pos`, topmost (last drawn) first."""
        x, y = pos.x(), pos.y()
        found = []
        for item in self.candidates(x - tolerance, y - tolerance, x + tolerance, y + tolerance):
            if item.near(x, y, tolerance):
                found.append(item)
        order = {fid: i for i, fid in enumerate(self.items)} if len(found) > 1 else {}
        found.sort(key=lambda i: order.get(i.fid, 0), reverse=True)
        return found

    # ---- painting ----------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        if self._bounds.isNull():
            return QRectF()
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.items:
            self.painted = self.deferred = 0
            return
        start = time.perf_counter()
        try:
            if len(self.items) <= PICTURE_MIN or widget is None or not self._picture.paint(
                    painter, widget, self._style(), self._draw):
                _drain(self._draw(painter, visible_part(painter, option.exposedRect)))
        finally:
            self._painted_at = time.perf_counter()
            self._paint_cost = self._painted_at - start

    def _drawn_later(self, rect: QRectF | None, seconds: float) -> None:
        """The picture has the part it drew over several turns (`ViewPicture`): show it."""
        self._painted_at = time.perf_counter()
        self._paint_cost = seconds
        try:
            self.update() if rect is None else self.update(rect)
        except RuntimeError:  # the scene (and this layer) went meanwhile
            pass

    def _style(self) -> tuple[int, ...]:
        """What a picture of the layer depends on besides the flows and the view."""
        first = next(iter(self.items.values()))
        return (len(self._pending) > PENDING_DRAW, len(self.items) <= SMOOTH_LIMIT,
                id(first.head_pen), *(id(p) for p in first.pens))

    def _draw(self, painter: QPainter, exposed: QRectF) -> Generator[None, None, None]:
        """Draw what lies in `exposed`, pausing (a yield) between pieces of work of at most
        about `STEP_LINES` lines: a kept picture spreads a long redraw over turns of the
        event loop. The flows are those of when the drawing began."""
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        first = next(iter(self.items.values()))
        pens: tuple[QPen, ...] = first.pens if lod > HEADS_LOD else first.pens[:1]
        smooth = lod > SMOOTH_LOD and len(self.items) <= SMOOTH_LIMIT
        pens = tuple(for_scale(p, lod, smooth) for p in pens)
        head_pen, head_brush = first.head_pen, first.head_brush
        lines, curves, heads = yield from self._visible(exposed, pens, lod, clip=smooth)
        if not self.painted:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen in pens:
            painter.setPen(pen)
            for chunk in lines:
                painter.drawLines(chunk)
                yield
            for curve in curves:
                painter.drawPath(curve)
        if heads:
            painter.setPen(head_pen)
            painter.setBrush(head_brush)
            for k in range(0, len(heads), STEP_HEADS):
                for head in heads[k:k + STEP_HEADS]:
                    painter.drawPolygon(head)
                yield

    def _visible(self, r: QRectF, pens: tuple[QPen, ...], lod: float, clip: bool
                 ) -> Generator[None, None, tuple[list[list[QLineF]], list[QPainterPath],
                                                  list[QPolygonF]]]:
        """The lines (in pieces of about `STEP_LINES`), curves and arrowheads to draw for
        the exposed rectangle `r`, pausing between pieces of work.

        Solid aliased lines go to the painter whole (Qt clips them cheaply); dashed or
        antialiased ones are clipped here first (`clip`), since Qt dashes and strokes a
        line's whole length before clipping it.
        """
        margin = max(p.widthF() for p in pens) * 2 + 2.0 / max(lod, 1e-6)
        left, top = r.left() - margin, r.top() - margin
        right, bottom = r.right() + margin, r.bottom() + margin
        rect = (left, top, right, bottom)
        period = dash_period(pens[0])
        # aliased (a crowded layer, or far out), corners are drawn square: a thousand
        # rounded paths took 0.3 s a frame after a 20,000-unit group was routed
        rounded = clip
        clip = clip or period > 0
        curves: list[QPainterPath] = []
        heads = (self.heads_in(r.left() - ARROW, r.top() - ARROW, r.right() + ARROW,
                               r.bottom() + ARROW) if lod > HEADS_LOD else [])
        hide = len(self._pending) > PENDING_DRAW
        self.deferred = 0
        found = yield from self._candidates(left, top, right, bottom)
        if not clip and not hide:  # aliased solid lines, all routed: a big layer's case
            self.painted = len(found)
            pieces = []
            per = max(1, STEP_LINES // 4)  # flows a piece: about four lines each
            for k in range(0, len(found), per):
                pieces.append(list(chain.from_iterable([i.lines for i in found[k:k + per]])))
                yield
            return pieces, curves, heads
        n = 0
        lines: list[QLineF] = []
        for k, item in enumerate(found):
            if k and not k % STEP_LINES:
                yield
            if hide and item.pending:
                self.deferred += 1
                continue
            n += 1
            x0, y0, x1, y1 = item.bbox
            if not clip or (x0 >= left and x1 <= right and y0 >= top and y1 <= bottom):
                if rounded and item.curve is not None:
                    curves.append(item.curve)
                else:
                    lines.extend(item.lines)
                continue
            for (ax, ay, bx, by), line in zip(item.segs, item.lines, strict=True):
                if (left <= ax <= right and left <= bx <= right
                        and top <= ay <= bottom and top <= by <= bottom):
                    lines.append(line)
                    continue
                clipped = clip_segment(ax, ay, bx, by, rect, period)
                if clipped is not None:
                    lines.append(clipped)
        self.painted = n
        return [lines], curves, heads


def _meeting(items: Iterable[FlowGeom], left: float, top: float, right: float,
             bottom: float) -> list[FlowGeom]:
    """The flows whose bounding box meets the rectangle."""
    return [item for item in items if (b := item.bbox)[2] >= left and b[0] <= right
            and b[3] >= top and b[1] <= bottom]


def _drain(steps: Generator[None, None, T]) -> T:
    """Do all the work of a drawing (or a search) at once; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

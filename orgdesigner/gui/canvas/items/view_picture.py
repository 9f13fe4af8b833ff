"""A picture of what one canvas item draws in one view, kept between repaints.

A flow layer of a large group draws tens of thousands of lines wherever the view is
repainted — for a renamed box, a selection, a dock resized. With a picture the layer draws
only the part of the view its own flows changed (`invalidate`) or that the view has not
shown before (after a zoom, all of it; after a scroll by whole pixels, the strips that came
in); every other repaint copies pixels.

A changed part that takes long to draw again (a renamed CSIRT re-routes every incident
report of a 50,000-unit group: 60–90 ms for most of the view) is drawn over several turns
of the event loop, at most `STEP_BUDGET` each, into a picture of its own; the view shows
the old one meanwhile, and the new part replaces it whole when done (`ready`). The item's
drawing says where it may stop: it is an iterator that yields between pieces of work.

Qt's own device-coordinate cache was tried first: for an item as large as a group's flows
it allocated pictures of the item's whole width (870,000 pixels) and stalled for seconds.
This one is always exactly the view's size.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

#: Draw what lies in this rect (item coordinates), yielding where the work may pause.
Draw = Callable[[QPainter, QRectF], Iterable[object]]
#: Seconds a changed part is drawn for in one turn of the event loop before the rest waits
#: for the next turn (the user's input and the routing run in between).
STEP_BUDGET = 0.012


@dataclass
class _Job:
    """A changed part being drawn again over turns of the event loop."""

    steps: Iterator[object]
    painter: QPainter
    image: QImage  # the view's size; only `part` is drawn
    part: QRect  # view pixels
    rect: QRectF | None  # item coordinates it redraws (None: all)
    key: Hashable
    shift: tuple[float, float]
    spent: float = 0.0


class ViewPicture:
    def __init__(self, ready: Callable[[QRectF | None, float], None] | None = None) -> None:
        """`ready(rect, seconds)`: a changed part drawn over several turns is in the
        picture now (the item repaints `rect`, item coordinates, None for all)."""
        self.pixmap: QPixmap | None = None
        self._key: Hashable = None
        self._stale: QRectF | None = None  # item coordinates changed since drawn
        self._all_stale = True
        self._shift = (0.0, 0.0)  # the view's scroll when drawn
        self._ready = ready
        self._job: _Job | None = None
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._turn)
        self.drawn = 0  # pixels drawn again by the last `paint` or turn (tests read it)
        self.steps = 0  # pieces of drawing done by it (tests read it)

    @property
    def busy(self) -> bool:
        """A changed part is being drawn over turns of the event loop."""
        return self._job is not None

    def invalidate(self, rect: QRectF | None = None) -> None:
        """What the item draws in `rect` (item coordinates; all of it for None) changed."""
        if rect is None or rect.isNull():
            self._all_stale = True
        elif not self._all_stale:
            self._stale = QRectF(rect) if self._stale is None else self._stale.united(rect)

    def paint(self, painter: QPainter, widget: QWidget, style: Hashable, draw: Draw) -> bool:
        """Copy the picture to `painter` (the view's viewport `widget`), first drawing again
        what is stale (a long redraw continues after this returns: see the module's note).
        `style` is anything else the drawing depends on. False when the painter's transform
        is not a plain scale and shift: then the caller draws."""
        t = painter.worldTransform()
        if t.type().value > QTransform.TransformationType.TxScale.value:
            return False
        dpr = widget.devicePixelRatioF()
        w, h = widget.width(), widget.height()
        if w <= 0 or h <= 0:
            return False
        key = (id(widget), w, h, dpr, t.m11(), t.m22(), style)
        shift = (t.dx(), t.dy())
        full = QRect(0, 0, w, h)
        self.drawn = self.steps = 0
        if self._job is not None and (self._job.key != key or self._job.shift != shift):
            self._cancel()  # drawn for another view of the item
        if key != self._key or self.pixmap is None:
            self.pixmap = QPixmap(round(w * dpr), round(h * dpr))
            self.pixmap.setDevicePixelRatio(dpr)
            self.pixmap.fill(Qt.GlobalColor.transparent)  # with an alpha channel
            self._key = key
            self._redraw(full, t, draw)  # nothing to show meanwhile: drawn now
        elif shift != self._shift and (self._all_stale or not self._scroll(t, full, draw)):
            self._redraw(full, t, draw)
        self._shift = shift
        if self._job is None and (self._all_stale or self._stale is not None):
            part = full if self._all_stale else (
                t.mapRect(self._stale).toAlignedRect().adjusted(-1, -1, 1, 1) & full)
            rect = None if self._all_stale else self._stale
            self._stale, self._all_stale = None, False
            if not part.isEmpty():
                self._start(part, rect, t, draw, key, shift)
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self.pixmap)
        painter.restore()
        return True

    def _scroll(self, t: QTransform, full: QRect, draw: Draw) -> bool:
        """The view scrolled by whole pixels: move the picture along and draw only the
        strips that came into view. False for any other scroll (then all is drawn)."""
        dx, dy = t.dx() - self._shift[0], t.dy() - self._shift[1]
        sx, sy = round(dx), round(dy)
        if abs(dx - sx) > 1e-6 or abs(dy - sy) > 1e-6 or abs(sx) >= full.width() \
                or abs(sy) >= full.height() or self.pixmap is None:
            return False
        moved = QPixmap(self.pixmap.size())
        moved.setDevicePixelRatio(self.pixmap.devicePixelRatio())
        moved.fill(Qt.GlobalColor.transparent)
        p = QPainter(moved)
        p.drawPixmap(sx, sy, self.pixmap)
        p.end()
        self.pixmap = moved
        if sx:  # the columns that came in, full height
            self._redraw(QRect(full.width() + sx if sx < 0 else 0, 0, abs(sx), full.height()),
                         t, draw)
        if sy:  # the rows that came in, full width
            self._redraw(QRect(0, full.height() + sy if sy < 0 else 0, full.width(), abs(sy)),
                         t, draw)
        return True

    def _redraw(self, part: QRect, t: QTransform, draw: Draw) -> None:
        """Clear `part` (view pixels) of the picture and draw the item there again, now."""
        assert self.pixmap is not None
        if part == QRect(0, 0, self.pixmap.width(), self.pixmap.height()):
            self._stale, self._all_stale = None, False
        p = _painter(self.pixmap, part, t)
        try:
            for _ in draw(p, t.inverted()[0].mapRect(QRectF(part))):
                self.steps += 1
        finally:
            p.end()
        self.drawn += part.width() * part.height()

    # ---- a changed part drawn over turns of the event loop --------------------------------------
    def _start(self, part: QRect, rect: QRectF | None, t: QTransform, draw: Draw,
               key: Hashable, shift: tuple[float, float]) -> None:
        """Draw `part` again into a picture of its own: now, if it takes no more than
        `STEP_BUDGET`, else over the next turns of the event loop."""
        assert self.pixmap is not None
        image = QImage(self.pixmap.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self.pixmap.devicePixelRatio())
        p = _painter(image, part, t)
        steps = iter(draw(p, t.inverted()[0].mapRect(QRectF(part))))
        self._job = _Job(steps, p, image, part, rect, key, shift)
        if not self._run(self._job):
            self._timer.start(0)

    def _run(self, job: _Job) -> bool:
        """Draw for up to `STEP_BUDGET` (at least one piece); True when the part is done and
        in the picture."""
        start = time.perf_counter()
        try:
            for _ in job.steps:
                self.steps += 1
                if time.perf_counter() - start >= STEP_BUDGET:
                    return False
        except BaseException:
            self._cancel()  # the part stays stale; the error goes on to the caller
            raise
        finally:
            job.spent += time.perf_counter() - start
        job.painter.end()
        self._job = None
        assert self.pixmap is not None
        p = QPainter(self.pixmap)
        p.setClipRect(job.part)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.drawImage(0, 0, job.image)
        p.end()
        self.drawn += job.part.width() * job.part.height()
        return True

    def _turn(self) -> None:
        """One turn's drawing of the changed part; tell the item when it is in."""
        self.drawn = self.steps = 0
        job = self._job
        if job is None:
            return
        if not self._run(job):
            self._timer.start(0)
        elif self._ready is not None:
            self._ready(job.rect, job.spent)

    def _cancel(self) -> None:
        """Stop drawing the changed part (the view moved): it is stale again."""
        job, self._job = self._job, None
        self._timer.stop()
        if job is not None:
            job.painter.end()
            self.invalidate(job.rect)


def _painter(device: QPixmap | QImage, part: QRect, t: QTransform) -> QPainter:
    """A painter on `device` with `part` (view pixels) cleared and the view's transform."""
    p = QPainter(device)
    p.setClipRect(part)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    p.fillRect(part, Qt.GlobalColor.transparent)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    p.setTransform(t)
    return p

"""A picture of what one canvas item draws in one view, kept between repaints.

A flow layer of a large group draws tens of thousands of lines wherever the view is
repainted — for a renamed box, a selection, a dock resized. With a picture the layer draws
only the part of the view its own flows changed (`invalidate`) or that the view has not
shown before (after a zoom, all of it; after a scroll by whole pixels, the strips that came
in); every other repaint copies pixels.

Qt's own device-coordinate cache was tried first: for an item as large as a group's flows
it allocated pictures of the item's whole width (870,000 pixels) and stalled for seconds.
This one is always exactly the view's size.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

Draw = Callable[[QPainter, QRectF], None]  # draw what lies in this rect (item coordinates)


class ViewPicture:
    def __init__(self) -> None:
        self.pixmap: QPixmap | None = None
        self._key: Hashable = None
        self._stale: QRectF | None = None  # item coordinates changed since drawn
        self._all_stale = True
        self._shift = (0.0, 0.0)  # the view's scroll when drawn
        self.drawn = 0  # pixels drawn again by the last `paint` (tests read it)

    def invalidate(self, rect: QRectF | None = None) -> None:
        """What the item draws in `rect` (item coordinates; all of it for None) changed."""
        if rect is None or rect.isNull():
            self._all_stale = True
        elif not self._all_stale:
            self._stale = QRectF(rect) if self._stale is None else self._stale.united(rect)

    def paint(self, painter: QPainter, widget: QWidget, style: Hashable, draw: Draw) -> bool:
        """Copy the picture to `painter` (the view's viewport `widget`), first drawing again
        what is stale. `style` is anything else the drawing depends on. False when the
        painter's transform is not a plain scale and shift: then the caller draws."""
        t = painter.worldTransform()
        if t.type().value > QTransform.TransformationType.TxScale.value:
            return False
        dpr = widget.devicePixelRatioF()
        w, h = widget.width(), widget.height()
        if w <= 0 or h <= 0:
            return False
        key = (id(widget), w, h, dpr, t.m11(), t.m22(), style)
        full = QRect(0, 0, w, h)
        self.drawn = 0
        if key != self._key or self.pixmap is None:
            self.pixmap = QPixmap(round(w * dpr), round(h * dpr))
            self.pixmap.setDevicePixelRatio(dpr)
            self.pixmap.fill(Qt.GlobalColor.transparent)  # with an alpha channel
            self._key, self._all_stale = key, True
        elif (t.dx(), t.dy()) != self._shift and not self._all_stale:
            self._scroll(t, full, draw)
        self._shift = (t.dx(), t.dy())
        if self._all_stale:
            self._redraw(full, t, draw)
        elif self._stale is not None:
            part = t.mapRect(self._stale).toAlignedRect().adjusted(-1, -1, 1, 1) & full
            if not part.isEmpty():
                self._redraw(part, t, draw)
        self._stale, self._all_stale = None, False
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self.pixmap)
        painter.restore()
        return True

    def _scroll(self, t: QTransform, full: QRect, draw: Draw) -> None:
        """The view scrolled by whole pixels: move the picture along and draw only the
        strips that came into view (anything else: draw it all again)."""
        dx, dy = t.dx() - self._shift[0], t.dy() - self._shift[1]
        sx, sy = round(dx), round(dy)
        if abs(dx - sx) > 1e-6 or abs(dy - sy) > 1e-6 or abs(sx) >= full.width() \
                or abs(sy) >= full.height() or self.pixmap is None:
            self._all_stale = True
            return
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

    def _redraw(self, part: QRect, t: QTransform, draw: Draw) -> None:
        """Clear `part` (view pixels) of the picture and draw the item there again."""
        assert self.pixmap is not None
        inverse, _ok = t.inverted()
        p = QPainter(self.pixmap)
        try:
            p.setClipRect(part)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            p.fillRect(part, Qt.GlobalColor.transparent)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            p.setTransform(t)
            draw(p, inverse.mapRect(QRectF(part)))
        finally:
            p.end()
        self.drawn += part.width() * part.height()

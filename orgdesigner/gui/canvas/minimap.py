"""The Overview dock: the whole design in miniature with the main view's visible area drawn
on it; click or drag in it to move the main view there. It follows the current document.

The picture is drawn from the scene's unit boxes and company frames (not by rendering the
scene: that would paint 5,000 items and 7,600 flows each time), redrawn a moment after the
design changes, and only while the dock is visible. The shell docks it (shell/docks.py)
together with the branch actions of the View menu (branch.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene
    from orgdesigner.gui.canvas.view import DiagramView

PAD = 6  # pixels around the picture
BACKDROP = QColor("#F4F5F7")
#: A design of this many units is drawn here after its canvas's first paint.
LATER_ABOVE = 2000
REDRAW_DELAY_MS = 250


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files helper strings under ""


class Minimap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minimap")
        self.setMinimumSize(160, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(_tr("The whole design; click or drag to move the view"))
        self.view: DiagramView | None = None
        self._picture = QPixmap()
        self._source = QRectF()  # the scene rectangle the picture shows
        self._scale = 1.0
        self._offset = QPointF()
        self._stale = True
        self.redraws = 0  # how often the picture was drawn (tests read it)
        self.partial_redraws = 0  # of which only where boxes changed
        self._state: tuple = ()  # what the picture was drawn for: scene, size, extent, frames
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._redraw)

    def sizeHint(self) -> QSize:
        return QSize(260, 170)

    # ---- following a view ------------------------------------------------------------------
    def set_view(self, view: DiagramView | None) -> None:
        if view is self.view:
            return
        if self.view is not None:
            self._connect(self.view, False)
        self.view = view
        if view is not None:
            self._connect(view, True)
        self._picture = QPixmap()
        # a large design's picture waits for its canvas to be painted first
        scene = view.diagram_scene() if view is not None else None
        self.invalidate(now=scene is None or scene.shown or len(scene.boxes) < LATER_ABOVE)

    def _connect(self, view: DiagramView, on: bool) -> None:
        scene = view.diagram_scene()
        pairs = [(view.horizontalScrollBar().valueChanged, self.update),
                 (view.verticalScrollBar().valueChanged, self.update),
                 (view.zoomChanged, self.update),
                 (scene.controller.changed, self.invalidate),
                 (scene.branches.changed, self.invalidate),
                 (view.destroyed, self._view_gone)]
        for signal, slot in pairs:
            if on:
                signal.connect(slot)
            else:
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def _view_gone(self) -> None:
        self.view = None
        self._picture = QPixmap()
        self.update()

    def invalidate(self, now: bool = False) -> None:
        """The design changed: redraw the picture soon (once, however many changes)."""
        self._stale = True
        if now and self.isVisible():
            self._redraw()
        elif not self._timer.isActive():
            self._timer.start()

    # ---- the picture -----------------------------------------------------------------------
    def _redraw(self) -> None:
        self._timer.stop()
        if self.isVisible():  # otherwise drawn when shown
            self._render()
            self.update()

    def _render(self) -> None:
        self._stale = False
        self.redraws += 1
        size = self.size()
        scene = self.view.diagram_scene() if self.view is not None else None
        dirty = scene.unit_layer.take_dirty() if scene is not None else None
        source = scene.content_rect() if scene is not None else QRectF()
        frames = ([item.scene_rect() for item in scene.company_items.values()
                   if item.isVisible()] if scene is not None else [])
        state = (id(scene), size, source, [r.getRect() for r in frames])
        if (dirty is not None and state == self._state and not self._picture.isNull()
                and not source.isNull()):
            self.partial_redraws += 1
            self._draw(scene, frames, dirty)
            return
        self._state = state
        self._picture = QPixmap(size * self.devicePixelRatioF())
        self._picture.setDevicePixelRatio(self.devicePixelRatioF())
        self._picture.fill(BACKDROP)
        self._source = QRectF()
        if scene is None or source.isNull():
            return
        w, h = size.width() - 2 * PAD, size.height() - 2 * PAD
        self._scale = min(w / max(source.width(), 1.0), h / max(source.height(), 1.0))
        self._offset = QPointF(PAD + (w - source.width() * self._scale) / 2,
                               PAD + (h - source.height() * self._scale) / 2)
        self._source = source
        self._draw(scene, frames, None)

    def _draw(self, scene: DiagramScene, frames: list[QRectF],
              dirty: list[QRectF] | None) -> None:
        """Draw the picture (`dirty` None), or only where the boxes `dirty` were and are: a
        rename in a 50,000-unit group redrew all 50,000 boxes (0.1 s). The part is drawn
        exactly as the whole would be there (same operations, clipped to whole pixels)."""
        p = QPainter(self._picture)
        if dirty is not None:
            region = QRegion()
            for r in dirty:
                region |= QRegion(self.to_widget(r).toAlignedRect().adjusted(-2, -2, 2, 2))
            if region.isEmpty():
                p.end()
                return
            p.setClipRegion(region)
            p.fillRect(region.boundingRect(), BACKDROP)
            area = region.boundingRect()
            x0, y0 = self.to_scene(QPointF(area.topLeft())).toTuple()
            x1, y1 = self.to_scene(QPointF(area.bottomRight() + QPoint(1, 1))).toTuple()
            groups = scene.unit_layer.groups_of(scene.boxes.in_rect(x0, y0, x1, y1))
        else:
            groups = scene.unit_layer.groups()
        p.translate(self._offset)
        p.scale(self._scale, self._scale)
        p.translate(-self._source.topLeft())
        p.fillRect(self._source, QColor("#FFFFFF"))
        for rect in frames:
            p.setPen(QPen(QColor("#9AA1AC"), 0))
            p.setBrush(QBrush(QColor("#FAFAFA")))
            p.drawRect(rect)
        # every shown unit, item or not, grouped by colour (the far-out layer's own groups)
        for pen, brush, rects in groups:
            p.setPen(pen)
            p.setBrush(brush)
            p.drawRects(rects)
        p.end()

    def to_scene(self, pos: QPointF) -> QPointF:
        """Where a point of this widget is in the scene."""
        return (pos - self._offset) / self._scale + self._source.topLeft()

    def to_widget(self, rect: QRectF) -> QRectF:
        tl = (rect.topLeft() - self._source.topLeft()) * self._scale + self._offset
        return QRectF(tl, rect.size() * self._scale)

    def visible_rect(self) -> QRectF:
        """The main view's visible area, in scene coordinates."""
        if self.view is None:
            return QRectF()
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._stale or self._picture.size() != self.size() * self.devicePixelRatioF():
            self._render()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._picture)
        if self.view is not None and not self._source.isNull():
            frame = self.to_widget(self.visible_rect()).intersected(
                QRectF(self.rect()).adjusted(1, 1, -1, -1))
            if frame.width() < 4 or frame.height() < 4:  # far in: still show where
                frame = QRectF(frame.center() - QPointF(3, 3), frame.center() + QPointF(3, 3))
            p.setPen(QPen(QColor("#1E64C8"), 1.5))
            p.setBrush(QColor(30, 100, 200, 40))
            p.drawRect(frame)
        p.end()

    # ---- moving the main view --------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._centre_view(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_view(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _centre_view(self, pos: QPointF) -> None:
        if self.view is None or self._source.isNull():
            return
        self.view.centerOn(self.to_scene(pos))
        self.update()

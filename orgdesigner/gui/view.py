"""The canvas view: zoom (wheel, Ctrl +/−, fit, 100 %), pan (middle-drag or space-drag),
rubber-band selection, and the drop target for palette presets (handled by the scene)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from .scene import DiagramScene

MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
STEP = 1.25


class PanInteraction:
    """Drag the canvas with the middle button, or with the left button while Space is held."""

    def __init__(self, view: DiagramView, start: QPoint) -> None:
        self.view = view
        self.last = start
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, pos: QPoint) -> None:
        d = pos - self.last
        self.last = pos
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - d.x())
        v.setValue(v.value() - d.y())

    def finish(self) -> None:
        self.view.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self.view.space_down
                                       else Qt.CursorShape.ArrowCursor)


class DiagramView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.space_down = False
        self._pan: PanInteraction | None = None
        self._update_scene_rect()
        scene.controller.changed.connect(self._update_scene_rect)

    def diagram_scene(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    def _update_scene_rect(self) -> None:
        """Room to scroll past the diagram's edges, so items can be dragged outward."""
        rect = self.scene().itemsBoundingRect()
        if rect.isNull():
            rect = QRectF(-400, -300, 800, 600)
        self.setSceneRect(rect.adjusted(-800, -600, 800, 600))

    # ---- zoom ---------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        scale = factor / self.zoom()
        if abs(scale - 1.0) > 1e-9:
            self.scale(scale, scale)
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_to_window(self, max_zoom: float = 1.5) -> None:
        rect = self.scene().itemsBoundingRect()
        if rect.isNull():
            self.set_zoom(1.0)
            return
        self.fitInView(rect.adjusted(-30, -40, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > max_zoom:
            self.set_zoom(max_zoom)
            self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom())

    def show_initial(self, readable: float = 0.45) -> None:
        """First view of a document: all of it when that stays readable; otherwise the top
        of the organisation at a readable zoom (Fit to Window still shows everything)."""
        self.fit_to_window()
        if self.zoom() >= readable:
            return
        rect = self.scene().itemsBoundingRect()
        self.set_zoom(0.85)
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(rect.left() + view.width() / 2 - 20, rect.top() + view.height() / 2 - 40)

    def wheelEvent(self, event: QWheelEvent) -> None:
        dy = event.angleDelta().y()
        if dy == 0 or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        self.set_zoom(self.zoom() * STEP ** (dy / 120.0))
        event.accept()

    # ---- pan ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        space = event.button() == Qt.MouseButton.LeftButton and self.space_down
        if middle or space:
            self._pan = PanInteraction(self, event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan.move(event.position().toPoint())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan.finish()
            self._pan = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_down = True
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.diagram_scene().cancel_interaction()
            self.diagram_scene().clearSelection()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

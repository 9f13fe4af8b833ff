"""The canvas view: zoom (wheel, Ctrl +/−, fit, 100 %), pan (middle-drag or space-drag),
rubber-band selection, and the drop target for palette presets (handled by the scene).

It also switches the scene's far-out mode by zoom (units as plain boxes, see
items/unit_layer.py) and shows a banner while the canvas is focused on one branch."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QHBoxLayout, QLabel, QPushButton, QWidget

from orgdesigner.gui.canvas.items.unit_layer import FAR_LOD
from orgdesigner.gui.canvas.scene import DiagramScene
from orgdesigner.render.style import FONT_SIZE

READABLE_PX = 8.0  # box labels are never opened smaller than this on screen

REALIZE_MARGIN = 0.25  # unit items are made this far (in view sizes) around what is seen
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


class FocusBanner(QFrame):
    """Says the canvas shows one branch only, and offers the way back."""

    def __init__(self, view: DiagramView) -> None:
        super().__init__(view)
        self.setObjectName("focusBanner")
        self.setStyleSheet("#focusBanner { background: #FFF4CC; border: 1px solid #D9B44A;"
                           " border-radius: 4px; }")
        self.label = QLabel(self)
        self.label.setObjectName("focusBannerText")
        self.button = QPushButton(self.tr("Show Whole Design"), self)
        self.button.setObjectName("focusBannerShowWhole")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.label)
        row.addWidget(self.button)
        self.hide()


class DiagramView(QGraphicsView):
    zoomChanged = Signal(float)
    #: the user asked for the context menu: scene position, global position, by keyboard
    contextMenuWanted = Signal(QPointF, QPoint, bool)
    editNameWanted = Signal(str)  # Enter on a selected unit: edit its name

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Chosen by measurement (5,000 units, worst spot): a drag-pan repaints only the
        # exposed strip in every mode but Full (31 ms there, 6-12 ms otherwise); moving a
        # unit cost the same in Minimal, Smart and BoundingRect within the noise.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.space_down = False
        self._pan: PanInteraction | None = None
        self._band_from: QPointF | None = None  # where a rubber band started (scene)
        self._update_scene_rect()
        scene.controller.changed.connect(self._update_scene_rect)
        self.banner = FocusBanner(self)
        self.banner.button.clicked.connect(scene.branches.show_whole)
        scene.branches.changed.connect(self._branches_changed)
        self._branches_changed()

    def diagram_scene(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    def _update_scene_rect(self) -> None:
        """Room to scroll past the diagram's edges, so items can be dragged outward — and
        never less than what the view shows: a scene rect that shrank past it (a deleted
        edge unit) or, smaller than the view, changed size (a renamed box) made Qt scroll
        or re-centre the diagram under the user's eyes."""
        rect = self.scene().itemsBoundingRect()
        box = self.diagram_scene().boxes.bounds()  # units that have no item yet count too
        if box is not None:
            rect = rect.united(QRectF(*box)) if not rect.isNull() else QRectF(*box)
        if rect.isNull():
            rect = QRectF(-400, -300, 800, 600)
        rect = rect.adjusted(-800, -600, 800, 600)
        if self.isVisible():  # with 2 px to spare: a rect just the view's size is centred
            m = 2 / self.zoom()
            rect = rect.united(
                self.mapToScene(self.viewport().rect()).boundingRect().adjusted(-m, -m, m, m))
        self.setSceneRect(rect)

    # ---- focus banner and far mode --------------------------------------------------------
    def _branches_changed(self) -> None:
        branches = self.diagram_scene().branches
        uid = branches.focus
        design = self.diagram_scene().design
        if uid is None or uid not in design.units:
            self.banner.hide()
            return
        name = design.units[uid].display_name(self.diagram_scene().lang)
        n = len(design.units) - len(branches.hidden)
        self.banner.label.setText(
            self.tr("Showing only the branch of “%1” (%n unit(s)). Esc shows the whole "
                    "design.", "", n).replace("%1", name))
        self.banner.adjustSize()
        self._place_banner()
        self.banner.show()
        self.banner.raise_()

    def _place_banner(self) -> None:
        vp = self.viewport().geometry()
        self.banner.move(vp.left() + (vp.width() - self.banner.width()) // 2, vp.top() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_banner()

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self.diagram_scene()
        far = self.zoom() < FAR_LOD
        scene.set_far(far)  # whatever changed the zoom
        if not far:  # items for what is about to be painted, and a margin around it
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            mx, my = seen.width() * REALIZE_MARGIN, seen.height() * REALIZE_MARGIN
            scene.realize_rect(seen.adjusted(-mx, -my, mx, my))
        super().paintEvent(event)
        scene.painted()

    # ---- zoom ---------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, under_mouse: bool = False) -> None:
        """Zoom about the view's centre (Ctrl+1, the zoom buttons), or about the mouse
        pointer (the wheel)."""
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        scale = factor / self.zoom()
        if abs(scale - 1.0) > 1e-9:
            centre = self.mapToScene(self.viewport().rect().center())
            if not under_mouse:
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(scale, scale)
            if not under_mouse:
                self.centerOn(centre)
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.diagram_scene().set_far(self.zoom() < FAR_LOD)
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_to_window(self, max_zoom: float = 1.5) -> None:
        """Everything shown (collapsed branches and a focus leave the rest out)."""
        rect = self.diagram_scene().content_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            return
        self.fitInView(rect.adjusted(-30, -40, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > max_zoom:
            self.set_zoom(max_zoom)
        # the chart in the middle: the scene rect must reach a viewport's size around it,
        # or Qt aligns the (smaller) scene rect instead
        vw = self.viewport().width() / self.zoom()
        vh = self.viewport().height() / self.zoom()
        c = rect.center()
        needed = QRectF(c.x() - vw / 2 - 2, c.y() - vh / 2 - 2, vw + 4, vh + 4)
        if not self.sceneRect().contains(needed):
            self.setSceneRect(self.sceneRect().united(needed))
        self.centerOn(c)
        self.diagram_scene().set_far(self.zoom() < FAR_LOD)
        self.zoomChanged.emit(self.zoom())

    def show_initial(self, readable: float = READABLE_PX / FONT_SIZE) -> None:
        """First view of a document: all of it when box labels stay at least 8 px high;
        otherwise the top of the organisation at that zoom (Fit to Window still shows
        everything)."""
        self.fit_to_window()
        if self.zoom() >= readable:
            return
        scene = self.diagram_scene()
        rect = scene.content_rect()
        self.set_zoom(readable)
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        x = rect.left() + view.width() / 2 - 20
        top = scene.top_unit()  # a wide tree's root sits far from the left edge
        if top is not None:
            x = max(x, min(top.x(), rect.right() - view.width() / 2 + 20))
        self.centerOn(x, rect.top() + view.height() / 2 - 40)

    def wheelEvent(self, event: QWheelEvent) -> None:
        dy = event.angleDelta().y()
        if dy == 0 or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        self.set_zoom(self.zoom() * STEP ** (dy / 120.0), under_mouse=True)
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
        self._band_from = (self.mapToScene(event.position().toPoint())
                           if event.button() == Qt.MouseButton.LeftButton
                           and self.dragMode() == QGraphicsView.DragMode.RubberBandDrag
                           and self.scene().mouseGrabberItem() is None else None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan.move(event.position().toPoint())
            event.accept()
            return
        if self._band_from is not None and self.zoom() < FAR_LOD:
            # far out, the band may cover units that have no item yet
            band = QRectF(self._band_from, self.mapToScene(event.position().toPoint()))
            self.diagram_scene().select_units_within(band.normalized())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan.finish()
            self._pan = None
            event.accept()
            return
        band = self.rubberBandRect()
        self._band_from = None
        super().mouseReleaseEvent(event)
        if not band.isEmpty():  # flows painted by layers: add those wholly inside the band
            self.diagram_scene().select_flows_within(self.mapToScene(band).boundingRect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_down = True
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if self._keyboard(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            scene = self.diagram_scene()
            scene.cancel_interaction()
            scene.clearSelection()
            if scene.branches.focus is not None:
                scene.branches.show_whole()
                self.fit_to_window()
            event.accept()
            return
        super().keyPressEvent(event)

    def _keyboard(self, event: QKeyEvent) -> bool:
        """Arrows walk the organisation, Shift+arrows nudge, Enter edits the name
        (navigate.py); True when the key was used."""
        from orgdesigner.gui.canvas import navigate

        key, mods = event.key(), event.modifiers()
        scene = self.diagram_scene()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier
                            | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if key in navigate.ARROWS and plain:
            if mods & Qt.KeyboardModifier.ShiftModifier:
                navigate.nudge(scene, key)
            else:
                navigate.walk(scene, key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            units = scene.selected_unit_ids()
            if len(units) == 1:
                self.editNameWanted.emit(units[0])
                return True
        return False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right click, or the Menu key (then at the selection, not the pointer)."""
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        scene = self.diagram_scene()
        if keyboard:
            rect = scene.items_rect(scene.selected_unit_ids())
            at = rect.center() if not rect.isNull() else self.mapToScene(
                self.viewport().rect().center())
            pos = self.mapFromScene(at)
        else:
            pos = event.pos()
            at = self.mapToScene(pos)
        self.contextMenuWanted.emit(at, self.viewport().mapToGlobal(pos), keyboard)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

"""Fixtures for the editor's GUI tests: real widgets offscreen, driven with real events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from orgdesigner.formats import orgd
from orgdesigner.model import Company, Design, Flow, FlowKind, Metadata, Unit, UnitKind


def sample_design() -> Design:
    """Management → IT, Sales; a CSIRT under Management; one company frame; a command flow."""
    d = Design(Metadata(title="テスト", title_en="Test"))
    d.add_company(Company("c1", "本社", "Head office", x=-400, y=-300, width=1200, height=700))
    d.add_unit(Unit("m", "経営層", UnitKind.MANAGEMENT, name_en="Management", company="c1",
                    x=0, y=-200))
    d.add_unit(Unit("it", "情報システム部", UnitKind.DEPARTMENT, name_en="IT", company="c1",
                    x=-200, y=0))
    d.add_unit(Unit("s", "営業部", UnitKind.DEPARTMENT, name_en="Sales", company="c1",
                    x=200, y=0))
    d.add_unit(Unit("cs", "CSIRT", UnitKind.CSIRT, name_en="CSIRT", company="c1", x=0, y=200))
    d.add_flow(Flow("r1", "m", "it", FlowKind.REPORTING))
    d.add_flow(Flow("r2", "m", "s", FlowKind.REPORTING))
    d.add_flow(Flow("r3", "m", "cs", FlowKind.REPORTING))
    d.add_flow(Flow("k1", "cs", "it", FlowKind.COMMAND))
    return d


def snapshot(design: Design) -> str:
    return orgd.dumps(design)


class UI:
    """Real input events for a view: mouse drags and palette drops."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    @staticmethod
    def view_pos(view, scene_pos: QPointF) -> QPoint:
        return view.mapFromScene(scene_pos)

    def mouse(self, view, kind, pos: QPoint, button=Qt.MouseButton.LeftButton,
              buttons=None, mods=Qt.KeyboardModifier.NoModifier) -> None:
        vp = view.viewport()
        if buttons is None:
            buttons = button if kind != QMouseEvent.Type.MouseButtonRelease else \
                Qt.MouseButton.NoButton
        ev = QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, mods)
        QApplication.sendEvent(vp, ev)

    def drag(self, view, start: QPointF, end: QPointF, mods=Qt.KeyboardModifier.NoModifier,
             steps: int = 5) -> None:
        """Press at `start`, move in steps, release at `end` (scene coordinates)."""
        a, b = self.view_pos(view, start), self.view_pos(view, end)
        self.mouse(view, QMouseEvent.Type.MouseButtonPress, a, mods=mods)
        for i in range(1, steps + 1):
            p = a + (b - a) * (i / steps)
            self.mouse(view, QMouseEvent.Type.MouseMove, p, button=Qt.MouseButton.NoButton,
                       buttons=Qt.MouseButton.LeftButton, mods=mods)
        self.mouse(view, QMouseEvent.Type.MouseButtonRelease, b, mods=mods)

    def click(self, view, at: QPointF, mods=Qt.KeyboardModifier.NoModifier) -> None:
        p = self.view_pos(view, at)
        self.mouse(view, QMouseEvent.Type.MouseButtonPress, p, mods=mods)
        self.mouse(view, QMouseEvent.Type.MouseButtonRelease, p, mods=mods)

    def drop(self, view, mime: QMimeData, at: QPointF) -> bool:
        """Drag-enter, drag-move and drop `mime` at a scene position; True if accepted."""
        vp = view.viewport()
        pos = self.view_pos(view, at)
        act, btn, mod = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, \
            Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(pos, act, mime, btn, mod)
        QApplication.sendEvent(vp, enter)
        move = QDragMoveEvent(pos, act, mime, btn, mod)
        QApplication.sendEvent(vp, move)
        if not move.isAccepted():
            return False
        drop = QDropEvent(QPointF(pos), act, mime, btn, mod)
        QApplication.sendEvent(vp, drop)
        return drop.isAccepted()


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    """A QMimeData left on the clipboard crashes PySide6 at exit (offscreen platform)."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def _english_ui_afterwards():
    """Translators are process-wide: a test that switches to Japanese must not leak it."""
    yield
    from orgdesigner.gui.i18n import language as i18n

    i18n.install_translators("en")


@pytest.fixture
def ui(qtbot) -> UI:
    return UI(qtbot)


@pytest.fixture
def window(qtbot):
    from orgdesigner.gui.shell.main_window import MainWindow

    w = MainWindow(lang="en")
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for ctrl in list(w.documents()):
        ctrl.undo_stack.setClean()  # no save prompt while tearing down
    w.close()
    w.deleteLater()


@pytest.fixture
def doc(window):
    """The sample design open in the window, zoomed to 100 % and centred."""
    ctrl = window.open_design(sample_design(), None)
    QApplication.processEvents()  # let the deferred fit-to-window run before we zoom
    view = window.current_view()
    view.actual_size()
    view.centerOn(0, 0)
    ctrl.scene.flush()
    return ctrl, view

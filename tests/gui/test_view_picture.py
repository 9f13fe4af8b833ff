"""ViewPicture, the kept picture of a large flow layer: whatever is changed, scrolled or
zoomed, it shows exactly what a fresh drawing shows — and it draws no more than it must."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from orgdesigner.gui.canvas.items.view_picture import ViewPicture

pytestmark = pytest.mark.gui

W, H = 240, 400  # the view's pixels


class Lines:
    """A stand-in layer: axis-aligned lines in item coordinates."""

    def __init__(self) -> None:
        self.lines: dict[int, tuple[int, int, int, int]] = {}

    def draw(self, p: QPainter, part: QRectF) -> Iterator[None]:
        """Draw, pausing after each line (the lines are those of when it began)."""
        p.setPen(QPen(QColor("#cc79a7"), 2))
        for x0, y0, x1, y1 in list(self.lines.values()):
            if QRectF(min(x0, x1) - 2, min(y0, y1) - 2, abs(x1 - x0) + 4,
                      abs(y1 - y0) + 4).intersects(part):
                p.drawLine(QLineF(x0, y0, x1, y1))
                yield

    def edit(self, op: tuple, picture: ViewPicture) -> QRectF:
        """Apply an "add", "move" or "remove" step and tell `picture` what went stale (the
        stale rect; null for any other step)."""
        stale = QRectF()
        if op[0] == "add":
            key = max(self.lines, default=-1) + 1
            self.lines[key] = op[1]
            stale = self.extent(key)
        elif op[0] == "move" and self.lines:
            key = sorted(self.lines)[hash(op[1]) % len(self.lines)]
            before = self.extent(key)
            self.lines[key] = op[1]
            stale = before.united(self.extent(key))
        elif op[0] == "remove" and self.lines:
            key = sorted(self.lines)[op[1] % len(self.lines)]
            stale = self.extent(key)
            del self.lines[key]
        if not stale.isNull():
            picture.invalidate(stale)
        return stale

    def extent(self, key: int) -> QRectF:
        x0, y0, x1, y1 = self.lines[key]
        return QRectF(min(x0, x1) - 3, min(y0, y1) - 3, abs(x1 - x0) + 6, abs(y1 - y0) + 6)


def shown(picture: ViewPicture | None, layer: Lines, widget: QWidget,
          t: QTransform) -> QImage:
    img = QImage(W, H, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setTransform(t)
    if picture is None:
        for _ in layer.draw(p, t.inverted()[0].mapRect(QRectF(0, 0, W, H))):
            pass
    else:
        assert picture.paint(p, widget, "style", layer.draw)
    p.end()
    return img


# small draws (which Hypothesis favours) land mid-view, not on its edge, where a scroll's
# strip would draw them again whatever the picture did
lines = st.tuples(st.integers(-50, 300), st.integers(-50, 500), st.integers(1, 200),
                  st.booleans()).map(lambda a: (a[0] + W // 3, a[1] + H // 3, *a[2:])).map(
    lambda a: (a[0], a[1], a[0] + a[2], a[1]) if a[3] else (a[0], a[1], a[0], a[1] + a[2]))
def looking(op: tuple, t: QTransform) -> QTransform:
    """The view's transform after a "scroll" or "zoom" step (else unchanged)."""
    if op[0] == "scroll":
        return QTransform(t.m11(), 0, 0, t.m22(), t.dx() + op[1], t.dy() + op[2])
    if op[0] == "zoom":
        return QTransform(op[1], 0, 0, op[1], t.dx(), t.dy())
    return t


steps = st.one_of(
    st.tuples(st.just("add"), lines),
    st.tuples(st.just("move"), lines),
    st.tuples(st.just("remove"), st.integers(0, 50)),
    st.tuples(st.just("scroll"), st.integers(-300, 300), st.integers(-300, 300)),
    st.tuples(st.just("zoom"), st.sampled_from([1.0, 2.0, 0.5])))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # qtbot: the app only
@given(st.lists(steps, min_size=1, max_size=25))
# the rows and the columns a scroll brings in
@example(ops=[("add", (100, 150, 180, 150)), ("scroll", 0, -200), ("scroll", 0, 180),
              ("scroll", -150, 0), ("scroll", 120, 0)])
def test_the_picture_equals_a_fresh_drawing(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    widget.resize(W, H)
    layer, picture = Lines(), ViewPicture()
    t, last = QTransform(), None
    for op in ops:
        stale = layer.edit(op, picture)
        t = looking(op, t)
        kept = shown(picture, layer, widget, t)
        assert kept == shown(None, layer, widget, t)
        if t == last:  # the view did not move: only the changed part was drawn again
            r = t.mapRect(stale)
            assert picture.drawn <= (r.width() + 3) * (r.height() + 3)
        last = t
    shown(picture, layer, widget, t)
    assert picture.drawn == 0  # nothing changed: the picture is copied, nothing drawn


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(steps, st.just(("turn",))), min_size=1, max_size=40))
# a part still being drawn when the view scrolls: it must be drawn again, not dropped
@example(ops=[("zoom", 1.0), ("add", (100, 150, 180, 150)), ("scroll", 5, 7)])
@example(ops=[("zoom", 1.0), ("add", (100, 150, 180, 150)), ("add", (90, 200, 90, 260)),
              ("turn",), ("remove", 0), ("scroll", -4, 0), ("turn",), ("turn",)])
def test_a_long_redraw_goes_on_over_turns_and_ends_as_a_fresh_drawing(qtbot, monkeypatch,
                                                                      ops) -> None:  # type: ignore[no-untyped-def]
    """With no time to spare (each turn of the event loop draws one piece), a changed part
    is drawn one line per paint or turn while the view stays put, whatever comes in between
    (more changes, scrolls, zooms); once the work is done the picture equals a fresh
    drawing (as it is after any paint that left nothing to draw), and the item was told
    when a part drawn over turns came in."""
    from orgdesigner.gui.canvas.items import view_picture

    monkeypatch.setattr(view_picture, "STEP_BUDGET", 0.0)
    widget = QWidget()
    widget.resize(W, H)
    told: list[QRectF | None] = []
    layer = Lines()
    picture = ViewPicture(lambda rect, _seconds: told.append(rect))
    t, last = QTransform(), None
    for op in ops:
        if op[0] == "turn":
            busy = picture.busy
            picture._turn()
            assert picture.steps <= 1
            if busy and not picture.busy:
                assert len(told) == 1
                told.clear()
            continue
        layer.edit(op, picture)
        t = looking(op, t)
        kept = shown(picture, layer, widget, t)
        if t == last:  # the view did not move: the repaint drew one piece at most
            assert picture.steps <= 1
        if not picture.busy:  # nothing left to draw: what is shown is up to date
            assert kept == shown(None, layer, widget, t)
        last = t
    for _ in range(len(ops) + 2):  # what the item's repaints after `ready` then do
        while picture.busy:  # the turns of the event loop that finish it
            picture._turn()
        kept = shown(picture, layer, widget, t)
        if not picture.busy:
            break
    assert not picture.busy
    assert kept == shown(None, layer, widget, t)

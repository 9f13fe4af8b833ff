"""A design opens readable (box labels at least 8 px), Ctrl+1 zooms about the view's
centre, and Fit to Window puts the chart in the middle."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from orgdesigner import templates
from orgdesigner.gui.canvas.view import READABLE_PX
from orgdesigner.render.style import FONT_SIZE


def _centre(view):
    return view.mapToScene(view.viewport().rect().center())


def test_templates_open_at_a_readable_zoom(window):
    for tid in ("model-3", "model-4"):
        window.open_design(templates.load(tid), None)
        QApplication.processEvents()
        view = window.current_view()
        view.show_initial()
        assert view.zoom() * FONT_SIZE >= READABLE_PX - 1e-6


def test_actual_size_keeps_the_view_centre_and_fit_centres_the_chart(window):
    window.open_design(templates.load("model-3"), None)
    QApplication.processEvents()
    view = window.current_view()
    view.set_zoom(0.5)
    view.centerOn(300, 200)
    before = _centre(view)
    view.actual_size()
    after = _centre(view)
    assert abs(after.x() - before.x()) < 3 and abs(after.y() - before.y()) < 3
    view.fit_to_window()
    rect = view.diagram_scene().content_rect()
    c = _centre(view)
    tol = 3 / view.zoom()
    assert abs(c.x() - rect.center().x()) < tol and abs(c.y() - rect.center().y()) < tol

"""The Overview dock follows the current document and moves the main view; the canvas
skips labels (and, far out, whole unit items) when they are too small to read."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from orgdesigner.gui.canvas.items.unit_item import Stats

from .conftest import sample_design


def test_minimap_click_moves_the_main_view(window, doc, qtbot):
    ctrl, view = doc
    minimap = window.minimap
    window.minimap_dock.show()
    QApplication.processEvents()
    assert minimap.view is view and minimap.isVisible()
    target = QPointF(200, 0)  # the Sales unit
    at = minimap.to_widget(QRectF(target, target)).topLeft()
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()),
                                                                   round(at.y())))
    centre = view.mapToScene(view.viewport().rect().center())
    slack = 2 / minimap._scale + 2  # a minimap pixel, in scene units
    assert abs(centre.x() - target.x()) <= slack and abs(centre.y() - target.y()) <= slack
    frame = minimap.to_widget(minimap.visible_rect())
    assert frame.contains(at)  # the drawn rectangle follows the view


def test_minimap_follows_the_current_document(window, doc):
    ctrl, view = doc
    minimap = window.minimap
    window.minimap_dock.show()
    other = window.open_design(sample_design(), None)
    QApplication.processEvents()
    assert minimap.view is window.current_view() and minimap.view is not view
    window.activate(ctrl)
    assert minimap.view is view
    before = minimap.redraws
    ctrl.scene.branches.collapse(["m"])  # what is shown changed: redrawn (soon)
    minimap.invalidate(now=True)
    assert minimap.redraws > before
    assert other.scene is not ctrl.scene


def test_labels_are_not_drawn_when_too_small_to_read(doc):
    ctrl, view = doc
    view.set_zoom(1.0)
    view.viewport().repaint()
    labels, units = Stats.labels_drawn, Stats.units_painted
    view.set_zoom(1.2)  # a new scale: the cached unit pictures are redrawn
    view.viewport().repaint()
    assert Stats.labels_drawn > labels  # readable: labels drawn
    labels, units = Stats.labels_drawn, Stats.units_painted
    view.set_zoom(0.3)
    view.viewport().repaint()
    assert Stats.units_painted > units  # boxes drawn …
    assert Stats.labels_drawn == labels  # … without their labels
    units = Stats.units_painted
    view.set_zoom(0.1)  # far out: one layer draws every unit as a box
    view.viewport().repaint()
    assert ctrl.scene.unit_layer.active and ctrl.scene.unit_layer.painted == 4
    assert Stats.units_painted == units and Stats.labels_drawn == labels
    view.set_zoom(1.0)
    assert not ctrl.scene.unit_layer.active


def test_far_out_units_are_still_clicked_selected_and_outlined(doc, ui):
    ctrl, view = doc
    view.set_zoom(0.1)
    view.centerOn(0, 0)
    assert ctrl.scene.unit_layer.active
    ui.click(view, QPointF(200, 0))  # the Sales box, a few pixels wide now
    assert ctrl.selected_units() == ["s"]
    image = view.viewport().grab().toImage()
    p = view.mapFromScene(QPointF(200, 0))
    assert image.pixelColor(p.x(), p.y()) != image.pixelColor(5, 5)  # the box is drawn


def test_rendering_the_scene_while_far_out_draws_units_and_flows_in_full(doc):
    from PySide6.QtGui import QColor, QImage, QPainter

    from orgdesigner.model import FlowKind
    from orgdesigner.render.style import flow_style

    ctrl, view = doc
    view.set_zoom(0.1)  # far mode on for the view …
    assert ctrl.scene.unit_layer.active
    source = QRectF(-400, -300, 1200, 700)
    image = QImage(1200, 700, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    labels = Stats.labels_drawn
    painter = QPainter(image)
    ctrl.scene.render(painter, QRectF(0, 0, 1200, 700), source)  # … printing is 1:1
    painter.end()
    assert Stats.labels_drawn >= labels + 4  # every unit with its label
    colour = QColor(flow_style(FlowKind.COMMAND).color)
    pts = ctrl.scene.flow_items["k1"].route_points
    a, b = max(zip(pts, pts[1:], strict=False),
               key=lambda s: abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1]))
    x = round((a[0] + b[0]) / 2) + 400  # the command flow's longest run, in the image
    y = round((a[1] + b[1]) / 2) + 300
    near = [image.pixelColor(x + dx, y + dy) for dx in range(-2, 3) for dy in range(-2, 3)]
    assert any(abs(c.red() - colour.red()) + abs(c.green() - colour.green())
               + abs(c.blue() - colour.blue()) < 60 for c in near)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["rename", "move", "kind",
                                                                  "delete", "undo"])),
                min_size=1, max_size=12))
def test_a_redraw_of_the_changed_part_gives_the_picture_a_full_redraw_gives(window, edits):
    """After an edit the minimap redraws only where the changed boxes were and are (a
    rename in a 50,000-unit group redrew every box: 0.1 s); whatever the edits, its picture
    is pixel for pixel the one drawing everything gives."""
    from orgdesigner import synthetic
    from orgdesigner.model import UnitKind, ops

    ctrl = window.open_design(synthetic.generate(600, seed=11), None)
    minimap = window.minimap
    window.minimap_dock.show()
    QApplication.processEvents()
    minimap.invalidate(now=True)
    partial = minimap.partial_redraws
    middle = list(ctrl.design.units)[300]  # a box inside its frame: only its colour changes
    ctrl.push(ops.UpdateUnit(middle, {"kind": UnitKind.SECTION}), "Kind")
    ctrl.scene.flush()
    minimap.invalidate(now=True)
    assert minimap.partial_redraws == partial + 1  # the shortcut is taken
    for pick, what in edits:
        units = list(ctrl.design.units)
        uid = units[pick % len(units)]
        u = ctrl.design.units[uid]
        if what == "rename":
            ctrl.push(ops.UpdateUnit(uid, {"name": u.name + "・改" * (pick % 3)}), "Rename")
        elif what == "move":
            ctrl.push(ops.UpdateUnit(uid, {"x": u.x + (pick % 200) - 100}), "Move")
        elif what == "kind":
            ctrl.push(ops.UpdateUnit(uid, {"kind": list(UnitKind)[pick % len(UnitKind)]}),
                      "Kind")
        elif what == "delete":
            gone = [f for f in ctrl.design.flows.values() if uid in (f.source, f.target)]
            ctrl.push(ops.Batch([ops.RemoveFlow(f.id) for f in gone] + [ops.RemoveUnit(uid)],
                                "Delete"), "Delete")
        elif ctrl.undo_stack.canUndo():
            ctrl.undo_stack.undo()
        ctrl.scene.flush()
        minimap.invalidate(now=True)
        got = minimap._picture.toImage()
        minimap._state = ()  # forget what was drawn: everything again
        minimap.invalidate(now=True)
        assert got == minimap._picture.toImage(), what
    ctrl.undo_stack.setClean()

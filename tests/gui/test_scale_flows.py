"""Flows are painted by one layer per kind, yet each stays selectable, deletable, hoverable
and follows its units; long flows are clipped to the view without losing a pixel."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from orgdesigner.formats import orgd
from orgdesigner.gui.canvas.items.flow_drawing import clip_segment
from orgdesigner.gui.canvas.items.flow_item import FlowItem
from orgdesigner.model import FlowKind
from orgdesigner.render.style import flow_style


def on_route(item: FlowItem, off: float = 0.0) -> QPointF:
    """The middle of a flow's longest run (moved `off` across it): a point on its route."""
    pts = item.route_points
    a, b = max(zip(pts, pts[1:], strict=False),
               key=lambda s: abs(s[0][0] - s[1][0]) + abs(s[0][1] - s[1][1]))
    horizontal = abs(a[1] - b[1]) < 1e-6
    return QPointF((a[0] + b[0]) / 2 + (0 if horizontal else off),
                   (a[1] + b[1]) / 2 + (off if horizontal else 0))


def k1_mid(ctrl) -> QPointF:
    """A point on the command flow CSIRT (0, 200) → IT (-200, 0), as routed."""
    return on_route(ctrl.scene.flow_items["k1"])


def test_click_selects_a_layer_painted_flow_and_delete_removes_it(window, doc, ui):
    ctrl, view = doc
    item = ctrl.scene.flow_items["k1"]
    assert item.scene() is None  # painted by its layer, not an item of the scene
    assert item.geom in ctrl.scene.flow_layers[FlowKind.COMMAND].items.values()
    before = orgd.dumps(ctrl.design)
    ui.click(view, k1_mid(ctrl))
    assert ctrl.selected_flows() == ["k1"] and ctrl.selected_units() == []
    assert item.scene() is ctrl.scene and item.isSelected()
    window.act.delete.trigger()
    assert "k1" not in ctrl.design.flows and "k1" not in ctrl.scene.flow_items
    assert not ctrl.scene.flow_layers[FlowKind.COMMAND].items
    ctrl.undo_stack.undo()
    assert orgd.dumps(ctrl.design) == before
    assert "k1" in ctrl.scene.flow_layers[FlowKind.COMMAND].items


def test_ctrl_click_adds_a_flow_and_empty_click_releases_it(doc, ui):
    ctrl, view = doc
    ui.click(view, QPointF(200, 0))
    ui.click(view, k1_mid(ctrl), Qt.KeyboardModifier.ControlModifier)
    assert ctrl.selected_units() == ["s"] and ctrl.selected_flows() == ["k1"]
    ui.click(view, QPointF(-900, 600))  # empty canvas
    QApplication.processEvents()
    assert ctrl.selected_flows() == [] and ctrl.selected_units() == []
    assert ctrl.scene.flow_items["k1"].scene() is None  # back to its layer only


def test_hover_hit_test_finds_the_flow_and_the_unit_wins_over_it(doc):
    ctrl, _view = doc
    scene = ctrl.scene
    assert scene.item_at(k1_mid(ctrl)) is scene.flow_items["k1"]
    off = on_route(scene.flow_items["k1"], 28)
    assert scene.item_at(off) is not scene.flow_items["k1"]  # 28 units off
    assert scene.item_at(QPointF(-200, 0)) is scene.unit_items["it"]  # the box is on top


def test_flows_follow_a_moved_unit(doc, ui):
    ctrl, view = doc
    old = k1_mid(ctrl)
    ctrl.select_units(["it"], center=False)
    ui.drag(view, QPointF(-200, 0), QPointF(-200, 300))
    assert (ctrl.design.units["it"].x, ctrl.design.units["it"].y) == (-200, 300)
    scene = ctrl.scene
    new = k1_mid(ctrl)
    assert new.y() > 150  # CSIRT → IT now, below the CSIRT's top
    assert scene.item_at(new) is scene.flow_items["k1"]
    assert scene.flow_at(old) is None  # the old route is gone from the layer's index


def test_layer_paints_the_flow_on_screen(doc):
    ctrl, view = doc
    colour = QColor(flow_style(FlowKind.COMMAND).color)
    image = view.viewport().grab().toImage()
    p = view.mapFromScene(k1_mid(ctrl))
    near = [QColor(image.pixel(p.x() + dx, p.y() + dy)) for dx in range(-2, 3)
            for dy in range(-2, 3)]
    assert any(abs(c.red() - colour.red()) + abs(c.green() - colour.green())
               + abs(c.blue() - colour.blue()) < 60 for c in near)
    assert ctrl.scene.flow_layers[FlowKind.COMMAND].painted == 1


def test_selected_flow_is_deselected_when_its_unit_is_hidden(doc):
    ctrl, _view = doc
    ctrl.scene.select_ids(flows=["k1"])
    assert isinstance(ctrl.scene.selectedItems()[0], FlowItem)
    ctrl.scene.branches.collapse(["m"])
    assert ctrl.selected_flows() == []
    assert ctrl.scene.flow_at(k1_mid(ctrl)) is None


def test_clip_keeps_the_visible_part_and_the_dash_phase():
    rect = (0.0, 0.0, 100.0, 100.0)
    assert clip_segment(-50, 50, 150, 50, rect).x1() == 0.0
    assert clip_segment(-50, 50, 150, 50, rect).x2() == 100.0
    assert clip_segment(-50, -50, -10, -10, rect) is None
    dashed = clip_segment(-53, 50, 150, 50, rect, period=10.0)
    assert dashed.x1() == -3.0  # 50 whole periods from the start, just outside the view
    inside = clip_segment(10, 10, 20, 30, rect)
    assert (inside.x1(), inside.y1(), inside.x2(), inside.y2()) == (10, 10, 20, 30)


def test_hovering_a_flow_shows_its_tooltip(doc):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QToolTip

    ctrl, view = doc
    ev = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
    ev.setScenePos(k1_mid(ctrl))
    ev.setScreenPos(view.viewport().mapToGlobal(view.mapFromScene(k1_mid(ctrl))))
    ctrl.scene.helpEvent(ev)
    assert QToolTip.text().startswith(FlowKind.COMMAND.label("en") + ": CSIRT → IT")
    QToolTip.hideText()


def test_both_arrowheads_of_a_long_flow_are_found_at_their_own_ends(window):
    from orgdesigner.model import Design, Flow, Metadata, Unit, UnitKind

    d = Design(Metadata(title="長い", title_en="Long"))
    d.add_unit(Unit("a", "甲", UnitKind.DEPARTMENT, x=0, y=0))
    d.add_unit(Unit("b", "乙", UnitKind.DEPARTMENT, x=5000, y=3000))
    d.add_flow(Flow("c1", "a", "b", FlowKind.CONSENSUS))  # heads at both ends
    ctrl = window.open_design(d, None)
    layer = ctrl.scene.flow_layers[FlowKind.CONSENSUS]
    assert len(layer.heads_in(-100, -100, 100, 100)) == 1
    assert len(layer.heads_in(4900, 2900, 5100, 3100)) == 1
    assert len(layer.heads_in(2000, 1000, 2100, 1100)) == 0
    view = window.current_view()
    view.set_zoom(1.0)
    view.centerOn(5000, 3000)
    view.viewport().repaint()
    assert layer.painted == 1
    ctrl.undo_stack.setClean()


def test_a_redraw_spread_over_turns_reaches_the_screen_when_done(qtbot, doc, monkeypatch):
    """A layer on a picture draws a changed part over turns of the event loop (as a 50,000-
    unit group's does): meanwhile the view shows the old picture; when the part is in, the
    layer asks for a repaint of it, and the view then shows the change."""
    from PySide6.QtCore import QEvent, QObject

    from orgdesigner.gui.canvas.items import flow_layer, view_picture
    from orgdesigner.model import ops
    from tests.gui.views_invariant import picture_problems

    monkeypatch.setattr(flow_layer, "PICTURE_MIN", 0)
    monkeypatch.setattr(flow_layer, "SMOOTH_LIMIT", -1)
    monkeypatch.setattr(view_picture, "STEP_BUDGET", 0.0)
    monkeypatch.setattr(flow_layer, "STEP_LINES", 1)
    ctrl, view = doc
    port = view.viewport()
    layer = ctrl.scene.flow_layers[FlowKind.REPORTING]
    port.repaint()  # the picture is made

    class Paints(QObject):
        seen = 0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                Paints.seen += 1
            return False

    paints = Paints()
    port.installEventFilter(paints)
    done_at: list[int] = []
    ready = layer._picture._ready
    layer._picture._ready = lambda rect, s: (done_at.append(Paints.seen), ready(rect, s))
    ctrl.push(ops.RemoveFlow("r3"), "Delete")
    port.repaint()
    assert layer._picture.busy  # one piece a turn: not done within the paint
    qtbot.waitUntil(lambda: bool(done_at) and Paints.seen > done_at[0], timeout=3000)
    port.removeEventFilter(paints)
    assert not layer._picture.busy
    assert picture_problems(ctrl.scene) == []

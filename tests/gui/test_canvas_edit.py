"""Drop, connect, move and delete on the real view; undo and redo restore the model exactly."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from orgdesigner.formats import orgd
from orgdesigner.gui.panels.palette import preset_mime
from orgdesigner.model import FlowKind, UnitKind, ops


def snap(design) -> str:
    return orgd.dumps(design)


def undo_redo_exact(ctrl, before: str) -> None:
    after = snap(ctrl.design)
    ctrl.undo_stack.undo()
    ctrl.scene.flush()
    assert snap(ctrl.design) == before
    ctrl.undo_stack.redo()
    ctrl.scene.flush()
    assert snap(ctrl.design) == after


def test_drop_on_empty_canvas_creates_unit_at_drop_point(doc, ui):
    ctrl, view = doc
    before = snap(ctrl.design)
    at = QPointF(-900, 600)  # outside the company frame
    assert ui.drop(view, preset_mime("legal"), at)
    new = [u for u in ctrl.design.units.values() if u.id not in ("m", "it", "s", "cs")]
    assert len(new) == 1
    u = new[0]
    assert (u.name, u.name_en, u.kind) == ("法務部", "Legal Dept.", UnitKind.DEPARTMENT)
    assert abs(u.x - at.x()) <= 1 and abs(u.y - at.y()) <= 1
    assert u.company == ""
    assert ctrl.selected_units() == [u.id]
    assert u.id in ctrl.scene.unit_items
    assert ctrl.undo_stack.count() == 1
    undo_redo_exact(ctrl, before)


def test_drop_inside_frame_joins_company(doc, ui):
    ctrl, view = doc
    assert ui.drop(view, preset_mime("sales"), QPointF(500, 300))
    u = list(ctrl.design.units.values())[-1]
    assert u.company == "c1"
    assert ctrl.design.superior(u.id) is None


def test_drop_onto_unit_reports_to_it(doc, ui):
    ctrl, view = doc
    before = snap(ctrl.design)
    assert ui.drop(view, preset_mime("csirt"), QPointF(-200, 0))  # onto IT
    u = list(ctrl.design.units.values())[-1]
    assert u.kind is UnitKind.CSIRT and u.plan is not None
    assert ctrl.design.superior(u.id) == "it"
    assert u.company == "c1"
    assert u.y > ctrl.design.units["it"].y  # placed below its superior, not on top of it
    assert ctrl.undo_stack.count() == 1  # unit and reporting line are one step
    undo_redo_exact(ctrl, before)


def test_foreign_mime_is_refused(doc, ui):
    from PySide6.QtCore import QMimeData

    ctrl, view = doc
    mime = QMimeData()
    mime.setText("management")
    assert not ui.drop(view, mime, QPointF(-900, 600))
    bogus = QMimeData()
    bogus.setData("application/vnd.orgdesigner.unit-preset", b"no-such-preset")
    assert not ui.drop(view, bogus, QPointF(-900, 600))
    assert len(ctrl.design.units) == 4


def test_drop_company_frame(doc, ui):
    ctrl, view = doc
    assert ui.drop(view, preset_mime("company"), QPointF(-1200, -600))
    assert len(ctrl.design.companies) == 2
    c = list(ctrl.design.companies.values())[-1]
    assert (c.x, c.y) == (-1200, -600) and c.width > 0


def test_connect_mode_creates_flow_of_selected_kind(window, doc, ui):
    ctrl, view = doc
    before = snap(ctrl.design)
    window.act.flow_kinds[FlowKind.SUPPORT].trigger()
    window.act.connect_mode.setChecked(True)
    ui.drag(view, QPointF(0, 200), QPointF(200, 0))  # CSIRT → Sales
    new = [f for f in ctrl.design.flows.values() if f.id not in ("r1", "r2", "r3", "k1")]
    assert [(f.source, f.target, f.kind) for f in new] == [("cs", "s", FlowKind.SUPPORT)]
    assert new[0].id in ctrl.scene.flow_items
    undo_redo_exact(ctrl, before)


def test_connect_on_empty_space_creates_nothing(window, doc, ui):
    ctrl, view = doc
    window.act.connect_mode.setChecked(True)
    ui.drag(view, QPointF(0, 200), QPointF(-300, 450))
    assert len(ctrl.design.flows) == 4


def test_reporting_cycle_is_refused_with_message(window, doc, ui, qtbot):
    ctrl, view = doc
    window.act.flow_kinds[FlowKind.REPORTING].trigger()
    window.act.connect_mode.setChecked(True)
    ctrl.push(ops.UpdateUnit("s", {"kind": UnitKind.EXECUTIVE}), "Sales is an executive")
    before = snap(ctrl.design)
    with qtbot.waitSignal(ctrl.statusMessage, timeout=1000) as sig:
        ui.drag(view, QPointF(0, -200), QPointF(200, 0))  # Management reports to Sales: a cycle
    assert "cycle" in sig.args[0]
    assert "cycle" in window.statusBar().currentMessage()
    assert snap(ctrl.design) == before and ctrl.undo_stack.count() == 1
    with qtbot.waitSignal(ctrl.statusMessage, timeout=1000) as sig:
        ui.drag(view, QPointF(-200, 0), QPointF(200, 0))  # IT already reports to Management
    assert "superior" in sig.args[0]
    assert snap(ctrl.design) == before


def test_drag_moves_all_selected_units_in_one_step(doc, ui):
    ctrl, view = doc
    before = snap(ctrl.design)
    ctrl.select_units(["it", "s"], center=False)
    ui.drag(view, QPointF(-200, 0), QPointF(-140, 40))
    d = ctrl.design
    assert (d.units["it"].x, d.units["it"].y) == (-140, 40)
    assert (d.units["s"].x, d.units["s"].y) == (260, 40)
    assert (d.units["m"].x, d.units["m"].y) == (0, -200)
    assert ctrl.undo_stack.count() == 1
    # the flows follow: the reporting line now ends at the moved box
    item = ctrl.scene.flow_items["r1"]
    assert item.boundingRect().contains(QPointF(-140, 40 - ctrl.scene.unit_items["it"].h / 2))
    undo_redo_exact(ctrl, before)
    ctrl.undo_stack.undo()
    assert ctrl.scene.unit_items["it"].pos() == QPointF(-200, 0)


def test_click_without_moving_changes_nothing(doc, ui):
    ctrl, view = doc
    ui.click(view, QPointF(200, 0))
    assert ctrl.selected_units() == ["s"]
    assert ctrl.undo_stack.count() == 0


def test_ctrl_and_shift_click_extend_selection(doc, ui):
    ctrl, view = doc
    ui.click(view, QPointF(200, 0))
    ui.click(view, QPointF(-200, 0), Qt.KeyboardModifier.ControlModifier)
    assert set(ctrl.selected_units()) == {"it", "s"}
    ui.click(view, QPointF(0, 200), Qt.KeyboardModifier.ShiftModifier)
    assert set(ctrl.selected_units()) == {"it", "s", "cs"}
    ui.click(view, QPointF(0, 200), Qt.KeyboardModifier.ShiftModifier)
    assert set(ctrl.selected_units()) == {"it", "s"}


def test_rubber_band_selects_units(doc, ui):
    ctrl, view = doc
    ui.drag(view, QPointF(-330, -60), QPointF(330, 60), steps=8)
    assert set(ctrl.selected_units()) == {"it", "s"}


def test_moving_a_frame_moves_its_units(doc, ui):
    ctrl, view = doc
    before = snap(ctrl.design)
    ctrl.scene.select_ids(companies=["c1"])
    ui.drag(view, QPointF(-400, -150), QPointF(-300, -150))  # grab the left border
    d = ctrl.design
    assert d.companies["c1"].x == -300
    assert d.units["m"].x == 100 and d.units["cs"].x == 100
    assert ctrl.undo_stack.count() == 1
    undo_redo_exact(ctrl, before)


def test_delete_removes_units_with_their_flows(window, doc):
    ctrl, _view = doc
    before = snap(ctrl.design)
    ctrl.select_units(["it"], center=False)
    window.act.delete.trigger()
    assert "it" not in ctrl.design.units
    assert "r1" not in ctrl.design.flows and "k1" not in ctrl.design.flows
    assert "it" not in ctrl.scene.unit_items and "k1" not in ctrl.scene.flow_items
    undo_redo_exact(ctrl, before)
    ctrl.undo_stack.undo()
    assert list(ctrl.design.flows) == ["r1", "r2", "r3", "k1"]  # order restored too


def test_delete_selected_flow_and_frame(window, doc):
    ctrl, _view = doc
    before = snap(ctrl.design)
    ctrl.scene.select_ids(flows=["k1"], companies=["c1"])
    window.act.delete.trigger()
    assert "k1" not in ctrl.design.flows and not ctrl.design.companies
    assert all(u.company == "" for u in ctrl.design.units.values())
    assert len(ctrl.design.units) == 4
    undo_redo_exact(ctrl, before)


def test_retype_selected_flow_with_kind_key(window, doc):
    ctrl, _view = doc
    before = snap(ctrl.design)
    ctrl.scene.select_ids(flows=["k1"])
    window.act.flow_kinds[FlowKind.DELEGATION].trigger()
    assert ctrl.design.flows["k1"].kind is FlowKind.DELEGATION
    assert ctrl.scene.flow_items["k1"].label  # delegation is labelled by default
    undo_redo_exact(ctrl, before)


def test_reporting_drag_from_subordinate_to_superior_makes_it_report(window, doc, ui):
    """Dragging CSIRT → IT with the reporting kind: the CSIRT reports to IT (IT → CSIRT in
    the model, superior first), replacing nothing else."""
    ctrl, view = doc
    window.act.flow_kinds[FlowKind.REPORTING].trigger()
    window.act.connect_mode.setChecked(True)
    ctrl.push(ops.RemoveFlow("r3"), "CSIRT has no superior")
    ui.drag(view, QPointF(0, 200), QPointF(-200, 0))
    new = [f for f in ctrl.design.flows.values() if f.kind is FlowKind.REPORTING
           and "cs" in (f.source, f.target)]
    assert [(f.source, f.target) for f in new] == [("it", "cs")]


def test_reporting_line_putting_management_under_a_department_is_refused(window, doc, ui,
                                                                          qtbot):
    ctrl, view = doc
    window.act.flow_kinds[FlowKind.REPORTING].trigger()
    window.act.connect_mode.setChecked(True)
    before = snap(ctrl.design)
    with qtbot.waitSignal(ctrl.statusMessage, timeout=1000) as sig:
        ui.drag(view, QPointF(0, -200), QPointF(0, 200))  # Management → CSIRT
    assert "Management cannot report to CSIRT" in sig.args[0]
    assert snap(ctrl.design) == before


def test_connect_drag_shows_what_it_will_create_before_release(window, doc, ui):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    ctrl, view = doc
    window.act.flow_kinds[FlowKind.COMMAND].trigger()
    window.act.connect_mode.setChecked(True)
    hints = []
    scene = ctrl.scene
    orig = scene.interaction.release

    def spy(ev):
        hints.extend(i.text() for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)
                     and i.isVisible())
        return orig(ev)

    scene.interaction.release = spy
    ui.drag(view, QPointF(0, 200), QPointF(200, 0))
    assert "CSIRT commands Sales in an incident" in hints
    assert not any(isinstance(i, QGraphicsSimpleTextItem) and i.text() == hints[0]
                   for i in scene.items())  # gone after release

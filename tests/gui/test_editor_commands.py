"""Copy/cut/paste/duplicate (also across documents), select all, find, align, distribute,
auto layout, frames; each undoable back to the exact model."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from orgdesigner.formats import orgd
from orgdesigner.gui.canvas import arrange
from orgdesigner.model import Design, FlowKind, ops


def snap(design) -> str:
    return orgd.dumps(design)


def check_undo_redo(ctrl, before: str) -> None:
    after = snap(ctrl.design)
    ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before
    ctrl.undo_stack.redo()
    assert snap(ctrl.design) == after


def test_copy_paste_brings_flows_among_copied_units(window, doc):
    ctrl, _ = doc
    before = snap(ctrl.design)
    ctrl.select_units(["m", "it", "cs"], center=False)
    window.act.copy.trigger()
    window.act.paste.trigger()
    d = ctrl.design
    assert len(d.units) == 7
    new = ctrl.selected_units()
    assert len(new) == 3 and not set(new) & {"m", "it", "s", "cs"}
    by_name = {d.units[u].name_en: u for u in new}
    kinds = {(d.flows[f].source, d.flows[f].target, d.flows[f].kind) for f in d.flows
             if d.flows[f].source in new}
    assert kinds == {(by_name["Management"], by_name["IT"], FlowKind.REPORTING),
                     (by_name["Management"], by_name["CSIRT"], FlowKind.REPORTING),
                     (by_name["CSIRT"], by_name["IT"], FlowKind.COMMAND)}
    assert d.units[by_name["IT"]].x == d.units["it"].x + 30
    assert d.units[by_name["CSIRT"]].plan == d.units["cs"].plan
    assert ctrl.undo_stack.count() == 1
    check_undo_redo(ctrl, before)


def test_paste_into_another_document(window, doc):
    ctrl, _ = doc
    ctrl.select_units(["it", "cs"], center=False)
    window.act.copy.trigger()
    other = window.open_design(Design(), None)
    assert window.current_controller() is other
    window.act.paste.trigger()
    assert sorted(u.name_en for u in other.design.units.values()) == ["CSIRT", "IT"]
    assert all(u.company == "" for u in other.design.units.values())  # no such company here
    assert [f.kind for f in other.design.flows.values()] == [FlowKind.COMMAND]
    assert len(ctrl.design.units) == 4
    other.undo_stack.undo()
    assert not other.design.units


def test_cut_is_one_step_and_paste_restores(window, doc):
    ctrl, _ = doc
    before = snap(ctrl.design)
    ctrl.select_units(["s"], center=False)
    window.act.cut.trigger()
    assert "s" not in ctrl.design.units and "r2" not in ctrl.design.flows
    check_undo_redo(ctrl, before)
    window.act.paste.trigger()
    assert [u.name_en for u in ctrl.design.units.values()].count("Sales") == 1


def test_duplicate(window, doc):
    ctrl, _ = doc
    before = snap(ctrl.design)
    ctrl.select_units(["m", "s"], center=False)
    window.act.duplicate.trigger()
    assert len(ctrl.design.units) == 6 and len(ctrl.design.flows) == 5
    assert ctrl.undo_stack.undoText() == "Duplicate"
    check_undo_redo(ctrl, before)


def test_select_all_and_find(window, doc):
    ctrl, _ = doc
    window.act.select_all.trigger()
    assert ctrl.selected_units() == ["m", "it", "s", "cs"]
    window.act.find.trigger()
    window.find_bar.setText("営業")
    window.find_bar.returnPressed.emit()
    assert ctrl.selected_units() == ["s"]
    assert window.edit.find("nothing like it") is None
    assert "No unit" in window.statusBar().currentMessage()


def test_undo_action_names_the_action(window, doc, ui):
    ctrl, view = doc
    ctrl.select_units(["it"], center=False)
    window.act.delete.trigger()
    assert window.action_undo.text() == "&Undo Delete"
    window.action_undo.trigger()
    assert "it" in ctrl.design.units
    assert window.action_redo.text() == "&Redo Delete"


def test_align_and_distribute(window, doc):
    ctrl, _ = doc
    before = snap(ctrl.design)
    ctrl.select_units(["m", "it", "cs"], center=False)
    window.act.align["hcenter"].trigger()
    xs = {ctrl.design.units[u].x for u in ("m", "it", "cs")}
    assert len(xs) == 1
    check_undo_redo(ctrl, before)
    ctrl.undo_stack.undo()
    window.act.align["top"].trigger()
    d = ctrl.design
    tops = {round(d.units[u].y - ctrl.scene.unit_items[u].h / 2, 1) for u in ("m", "it", "cs")}
    assert len(tops) == 1


def test_distribute_gives_equal_gaps(doc):
    ctrl, _ = doc
    d = ctrl.design
    ctrl.push(arrange.align_ops(d, ["m", "it", "s"], "top"), "Align")
    d_ops = arrange.distribute_ops(d, ["it", "m", "s"], "h")
    ctrl.push(d_ops, "Distribute")
    boxes = sorted((d.units[u].x - ctrl.scene.unit_items[u].w / 2,
                    d.units[u].x + ctrl.scene.unit_items[u].w / 2) for u in ("it", "m", "s"))
    gaps = [round(boxes[i + 1][0] - boxes[i][1], 1) for i in range(2)]
    assert abs(gaps[0] - gaps[1]) <= 0.2


def test_auto_layout_is_one_undo_step(window, doc):
    ctrl, _ = doc
    before = snap(ctrl.design)
    window.act.auto_layout.trigger()
    assert snap(ctrl.design) != before
    assert ctrl.undo_stack.count() == 1
    d = ctrl.design
    assert d.units["it"].y > d.units["m"].y  # a tree, top-down
    check_undo_redo(ctrl, before)


def test_new_company_frame_and_fit(window, doc):
    ctrl, _ = doc
    window.act.new_company.trigger()
    assert len(ctrl.design.companies) == 2
    ctrl.scene.select_ids(companies=["c1"])
    window.act.fit_frame.trigger()
    c = ctrl.design.companies["c1"]
    assert (c.width, c.height) == (0, 0)
    ctrl.scene.flush()
    frame = ctrl.scene.company_items["c1"].scene_rect()
    for uid in ("m", "it", "s", "cs"):
        assert frame.contains(ctrl.scene.unit_items[uid].scene_box())
    # a fitted frame follows its units
    ctrl.push(arrange.align_ops(ctrl.design, ["it", "s"], "bottom"), "Align")
    ctrl.push(ops.move_units(ctrl.design, {"s": (900.0, 400.0)}), "Move")
    ctrl.scene.flush()
    assert ctrl.scene.company_items["c1"].scene_rect().contains(QPointF(900, 400))


def test_resize_frame_with_handle(doc, ui):
    ctrl, view = doc
    ctrl.scene.select_ids(companies=["c1"])
    corner = QPointF(-400 + 1200 - 4, -300 + 700 - 4)
    ui.drag(view, corner, corner + QPointF(100, 60))
    c = ctrl.design.companies["c1"]
    assert (round(c.width), round(c.height)) == (1300, 760)
    assert (c.x, c.y) == (-400, -300)
    assert ctrl.undo_stack.undoText() == "Resize company"

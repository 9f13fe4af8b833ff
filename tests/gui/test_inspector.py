"""Inspector edits go through the undo stack and restore exactly on undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from orgdesigner.formats import orgd
from orgdesigner.model import Authority, FlowKind, Function, ServiceHours, Staffing, UnitKind


def snap(design) -> str:
    return orgd.dumps(design)


def edit_line(field, text: str) -> None:
    field.setText(text)
    field.editingFinished.emit()


def test_nothing_selected_shows_metadata_and_edits_are_undoable(window, doc):
    ctrl, _ = doc
    ins = window.inspector
    ctrl.scene.clearSelection()
    assert ins.stack.currentWidget() is ins.metadata
    before = snap(ctrl.design)
    edit_line(ins.metadata.fields["author"], "山田 太郎")
    assert ctrl.design.metadata.author == "山田 太郎"
    ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before


def test_metadata_sector_is_a_choice_and_undoable(window, doc):
    ctrl, _ = doc
    ins = window.inspector
    ctrl.scene.clearSelection()
    combo = ins.metadata.sector
    before = snap(ctrl.design)
    combo.setCurrentIndex(combo.findData("finance"))
    combo.activated.emit(combo.currentIndex())
    assert ctrl.design.metadata.sector.value == "finance"
    assert '"sector": "finance"' in snap(ctrl.design)
    ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before
    assert combo.currentData() == ""  # the page follows undo


def test_unit_page_edits(window, doc):
    ctrl, _ = doc
    ins = window.inspector
    ctrl.select_units(["s"], center=False)
    page = ins.unit
    assert ins.stack.currentWidget() is page
    assert page.name.text() == "営業部" and page.name_en.text() == "Sales"
    before = snap(ctrl.design)
    edit_line(page.name_en, "Sales & Marketing")
    page.kind.setCurrentIndex(page.kind.findData("division"))
    page.kind.activated.emit(page.kind.currentIndex())
    page.functions.set_checked("sales", True)
    page.headcount.setValue(40)
    page.headcount.setValue(42)  # spinning is one undo step
    page.notes.setPlainText("拠点: 東京")
    page.notes.commit()
    u = ctrl.design.units["s"]
    assert (u.name_en, u.kind, u.functions, u.headcount, u.notes) == (
        "Sales & Marketing", UnitKind.DIVISION, (Function.SALES,), 42, "拠点: 東京")
    assert ctrl.undo_stack.count() == 5
    from orgdesigner.gui.canvas.items.unit_item import tooltip

    assert tooltip(ctrl.design.units["s"], "en").startswith("営業部 / Sales & Marketing\nDivision")
    assert ctrl.scene.unit_items["s"].shape_name == "box" and ctrl.scene.unit_items["s"].w > 80
    while ctrl.undo_stack.canUndo():
        ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before
    assert page.name_en.text() == "Sales"  # the page follows undo


def test_refused_edit_restores_the_field(window, doc):
    ctrl, _ = doc
    page = window.inspector.unit
    ctrl.select_units(["s"], center=False)
    edit_line(page.name, "")
    edit_line(page.name_en, "")  # a unit needs some name: refused
    assert ctrl.design.units["s"].name_en == "Sales"
    assert page.name_en.text() == "Sales"
    assert "needs a name" in window.statusBar().currentMessage()


def test_flow_page_retypes_labels_and_reverses(window, doc):
    ctrl, _ = doc
    page = window.inspector.flow
    ctrl.scene.select_ids(flows=["k1"])
    assert window.inspector.stack.currentWidget() is page
    before = snap(ctrl.design)
    page.kind.setCurrentIndex(page.kind.findData("support"))
    page.kind.activated.emit(page.kind.currentIndex())
    edit_line(page.label, "技術支援")
    page.reverse.click()
    f = ctrl.design.flows["k1"]
    assert (f.kind, f.label, f.source, f.target) == (FlowKind.SUPPORT, "技術支援", "it", "cs")
    assert ctrl.scene.flow_items["k1"].label == "技術支援"
    for _ in range(3):
        ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before


def test_csirt_plan_page(window, doc):
    ctrl, _ = doc
    page = window.inspector.unit
    ctrl.select_units(["cs"], center=False)
    assert page.tabs.isTabVisible(1)
    plan = page.plan
    before = snap(ctrl.design)
    plan.add_member()
    plan.add_member()
    assert len(ctrl.design.units["cs"].plan.members) == 2
    plan.members.item(0, 0).setText("佐藤")
    plan.members.item(0, 3).setData(Qt.ItemDataRole.EditRole, 0.5)
    plan.members.item(1, 4).setCheckState(Qt.CheckState.Unchecked)
    plan.services.set_checked("exercises", True)
    plan.hours.setCurrentIndex(plan.hours.findData("24x7"))
    plan.hours.activated.emit(plan.hours.currentIndex())
    edit_line(plan.contact, "csirt@example.jp")
    plan.mandate.setChecked(True)
    plan.authority.setCurrentIndex(plan.authority.findData("shared"))
    plan.authority.activated.emit(plan.authority.currentIndex())
    plan.known["NCA"].setChecked(True)
    edit_line(plan.other_memberships, "FIRST, 地域CSIRT")
    p = ctrl.design.units["cs"].plan
    assert p.members[0].name == "佐藤" and p.members[0].fte == 0.5
    assert p.members[1].dedicated is False
    assert p.services == ["exercises"] and p.hours is ServiceHours.ALWAYS
    assert p.contact == "csirt@example.jp" and p.mandate and p.authority is Authority.SHARED
    assert p.memberships == ["NCA", "FIRST", "地域CSIRT"]
    # staffing type: unset follows 専任/兼務; choosing one stores it
    combo = plan.members.cellWidget(1, 5)
    assert combo.value() == "reallocate"  # concurrent → 工数振替
    combo.setCurrentIndex(combo.findData("outsource"))
    combo.activated.emit(combo.currentIndex())
    assert ctrl.design.units["cs"].plan.members[1].staffing is Staffing.OUTSOURCE
    plan.members.selectRow(0)
    plan.remove_member()
    assert [m.name for m in ctrl.design.units["cs"].plan.members] == ["Member 2"]
    while ctrl.undo_stack.canUndo():
        ctrl.undo_stack.undo()
    assert snap(ctrl.design) == before


def test_fte_out_of_range_is_refused(window, doc):
    ctrl, _ = doc
    ctrl.select_units(["cs"], center=False)
    plan = window.inspector.unit.plan
    plan.add_member()
    plan.members.item(0, 3).setData(Qt.ItemDataRole.EditRole, 3.0)
    assert ctrl.design.units["cs"].plan.members[0].fte == 1.0
    assert "FTE" in window.statusBar().currentMessage()


def test_company_page(window, doc):
    ctrl, _ = doc
    ctrl.scene.select_ids(companies=["c1"])
    page = window.inspector.company
    assert window.inspector.stack.currentWidget() is page
    edit_line(page.name_en, "HQ")
    page.in_scope.setChecked(False)
    c = ctrl.design.companies["c1"]
    assert (c.name_en, c.in_scope) == ("HQ", False)
    page.fit.click()
    assert ctrl.design.companies["c1"].width == 0
    assert ctrl.undo_stack.count() == 3

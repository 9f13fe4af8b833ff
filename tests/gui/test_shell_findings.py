"""Findings panel: live re-check, click selects units, quick fix and undo, process ticks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from orgdesigner import templates
from orgdesigner.analysis import check
from orgdesigner.formats import orgd
from orgdesigner.gui.panels.findings_panel import FindingsPanel
from orgdesigner.model import Flow, FlowKind, ProcessStatus, ops
from tests.gui.shell_standin import StandInWindow

pytestmark = pytest.mark.gui




@pytest.fixture
def window(qtbot):
    w = StandInWindow()
    qtbot.addWidget(w)
    yield w
    w.dispose()


@pytest.fixture
def panel(qtbot):
    p = FindingsPanel("en")
    qtbot.addWidget(p)
    p.resize(420, 800)
    p.show()
    return p


def _finding_item(panel: FindingsPanel, rule: str):
    tree = panel.findings_tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            item = top.child(j)
            if panel.report.findings[item.data(0, Qt.ItemDataRole.UserRole)].id == rule:
                return item
    raise AssertionError(f"no finding {rule}")


def _click(qtbot, tree, item) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_shows_authority_nearest_and_findings_grouped_with_counts(window, panel):
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    report = check(c.design)
    assert "Consensual" in panel.authority_label.text()
    assert panel.evidence_list.count() == len(report.authority.evidence)
    top = panel.nearest_tree.topLevelItem(0)
    assert top.text(0) == report.nearest[0].name("en")
    assert top.text(1) == f"{report.nearest[0].score:.0%}"
    counts = report.counts()
    groups = {panel.findings_tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
              panel.findings_tree.topLevelItem(i)
              for i in range(panel.findings_tree.topLevelItemCount())}
    assert set(groups) == {s for s, n in counts.items() if n}
    for severity, item in groups.items():
        assert item.childCount() == counts[severity]
        assert f"({counts[severity]})" in item.text(0)
        assert not item.icon(0).isNull()
    assert panel.tabs.tabText(0) == f"Findings ({len(report.findings)})"


def test_click_on_a_finding_selects_and_centres_its_units(qtbot, window, panel):
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    item = _finding_item(panel, "lacks-authority")
    expected = list(panel.report.findings[item.data(0, Qt.ItemDataRole.UserRole)].units)
    _click(qtbot, panel.findings_tree, item)
    assert sorted(c.selected_units()) == sorted(expected)
    assert "Source:" in panel.detail.text()


def test_quick_fix_is_one_undoable_step(qtbot, window, panel):
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    before = orgd.dumps(c.design)
    item = _finding_item(panel, "no-escalation")
    _click(qtbot, panel.findings_tree, item)
    assert panel.fix_button.isVisible() and "Quick fix" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert c.undo_stack.count() == 1
    reports = [f for f in c.design.flows.values()
               if f.kind is FlowKind.REPORT and f.source == "csirt"]
    assert reports, "the fix adds a report flow from the CSIRT"
    assert not check(c.design).by_id("no-escalation")
    assert all(panel.report.findings[i].id != "no-escalation"
               for i in range(len(panel.report.findings)))
    c.undo_stack.undo()
    assert orgd.dumps(c.design) == before
    qtbot.waitUntil(lambda: bool(panel.report.by_id("no-escalation")), timeout=2000)


def test_edits_are_rechecked_once_per_burst_at_the_next_event_loop_turn(qtbot, window,
                                                                        panel):
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    assert panel.report.by_id("no-escalation")
    fired = []
    panel.refreshed.connect(lambda: fired.append(1))
    for i in range(5):
        c.push(ops.UpdateUnit("csirt", {"name_en": f"CSIRT {i}"}), "Rename")
    assert fired == []  # nothing yet: edits come in bursts
    c.push(ops.AddFlow(Flow("fx", "csirt", "mgmt", FlowKind.REPORT)), "Add report")
    with qtbot.waitSignal(panel.refreshed, timeout=3000):
        pass
    assert fired == [1]
    assert not panel.report.by_id("no-escalation")


def test_hidden_panel_does_not_check_until_shown(qtbot, window):
    c = window.open_design(templates.load("model-1"), None)
    p = FindingsPanel("en")
    qtbot.addWidget(p)
    p.set_controller(c)
    assert p.report is None
    p.show()
    assert p.report is not None and p.report.findings


def test_process_ticks_are_stored_in_the_design_and_undoable(qtbot, window, panel):
    c = window.open_design(templates.load("model-1"), None)  # japan.1-2 done, 4 in progress
    panel.set_controller(c)
    assert panel._step_items["japan.1"].checkState(0) == Qt.CheckState.Checked
    assert panel._step_items["japan.4"].checkState(0) == Qt.CheckState.PartiallyChecked
    assert "Next step" in panel.next_label.text() and "3." in panel.next_label.text()
    item = panel._step_items["japan.3"]
    assert item.checkState(0) == Qt.CheckState.Unchecked
    item.setCheckState(0, Qt.CheckState.PartiallyChecked)  # what a click on the box does
    assert c.design.process["japan.3"] is ProcessStatus.IN_PROGRESS
    item.setCheckState(0, Qt.CheckState.Checked)
    assert c.design.process["japan.3"] is ProcessStatus.DONE
    assert c.undo_stack.count() == 2
    panel.refresh()
    assert "4." in panel.next_label.text()
    assert "(3/8" in panel._track_items["japan"].text(0)
    c.undo_stack.undo()
    c.undo_stack.undo()
    assert "japan.3" not in c.design.process
    qtbot.waitUntil(lambda: item.checkState(0) == Qt.CheckState.Unchecked, timeout=2000)


def test_a_real_click_on_the_box_ticks_the_step(qtbot, window, panel):
    c = window.open_design(templates.load("cert-centralized"), None)
    panel.set_controller(c)
    panel.tabs.setCurrentIndex(1)
    tree = panel.process_tree
    item = panel._step_items["certcc.1"]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    opt = QStyleOptionViewItem()
    opt.rect = rect
    opt.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert c.design.process.get("certcc.1") is ProcessStatus.IN_PROGRESS
    assert c.undo_stack.count() == 1


def test_switching_documents_and_closing(window, panel):
    a = window.open_design(templates.load("model-1"), None)
    b = window.open_design(templates.load("strong-authority"), None)
    panel.set_controller(a)
    assert "Consensual" in panel.authority_label.text()
    panel.set_controller(b)
    assert "Strong" in panel.authority_label.text()
    a.push(ops.UpdateUnit("csirt", {"headcount": 3}), "x")
    assert not panel.pending  # edits to the other document are not watched
    panel.set_controller(None)
    assert panel.findings_tree.topLevelItemCount() == 0
    assert panel.report is None


def test_japanese_labels(window, panel):
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    panel.set_language("ja")
    assert "合意" in panel.authority_label.text()
    first = panel.findings_tree.topLevelItem(0)
    shown = [first.child(j).text(0) for j in range(first.childCount())]
    expected = [f.message("ja") for f in panel.report.findings if f.severity.value == "warning"]
    assert shown == expected and any("社内CSIRT" in t or "社内 CSIRT" in t for t in shown)
    assert "同僚" in panel._step_items["japan.1"].text(0)


def test_an_edit_is_rechecked_at_the_next_turn_of_the_event_loop(window, panel):
    """No fixed debounce: one pass of the event loop after the edit, the findings show it."""
    from PySide6.QtWidgets import QApplication

    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    assert panel.report.by_id("no-escalation")
    c.push(ops.AddFlow(Flow("fx", "csirt", "mgmt", FlowKind.REPORT)), "Add report")
    QApplication.processEvents()
    assert not panel.report.by_id("no-escalation")
    assert [f.id for f in panel.report.findings] == [f.id for f in check(c.design).findings]


def _rows(panel: FindingsPanel) -> dict[str, object]:
    tree = panel.findings_tree
    return {tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole + 1):
            tree.topLevelItem(i).child(j)
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())}


def test_the_list_is_updated_in_place_keeping_rows_and_selection(qtbot, window, panel):
    """After an edit only the rows that changed are touched: the others keep their item,
    the selected finding stays selected, and the rows match the report in order."""
    from PySide6.QtWidgets import QApplication

    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    before = _rows(panel)
    selected = _finding_item(panel, "lacks-authority")
    panel.findings_tree.setCurrentItem(selected)
    c.push(ops.AddFlow(Flow("fx", "csirt", "mgmt", FlowKind.REPORT)), "Add report")
    QApplication.processEvents()
    after = _rows(panel)
    assert set(before) - set(after)  # the no-escalation row went
    for key in set(before) & set(after):
        assert before[key] is after[key]  # the other rows are the same items
    assert panel.findings_tree.currentItem() is selected
    tree = panel.findings_tree
    shown = [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    assert shown == [f.message("en") for f in check(c.design).findings]
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            index = top.child(j).data(0, Qt.ItemDataRole.UserRole)
            assert panel.report.findings[index].message("en") == top.child(j).text(0)
    c.undo_stack.undo()
    QApplication.processEvents()
    assert panel.report.by_id("no-escalation")
    assert panel.findings_tree.currentItem() is selected


def test_an_edit_no_rule_reads_needs_no_recheck(window, panel):
    """Moving a unit or changing its headcount changes no finding: the shown report stays
    (the same object), and the dock says at once that it is current."""
    c = window.open_design(templates.load("model-1"), None)
    panel.set_controller(c)
    shown = panel.report
    fired = []
    panel.refreshed.connect(lambda: fired.append(1))
    c.push(ops.UpdateUnit("csirt", {"x": 120.0, "headcount": 4}), "Move")
    assert fired == [1] and not panel.pending
    assert panel.report is shown

"""Collapse, expand and focus are view state: they hide units and their flows on the
canvas and never touch the design or the undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from orgdesigner.formats import orgd
from orgdesigner.model import Flow, FlowKind, Unit, UnitKind, ops

from .conftest import sample_design


def branchy_design():
    """The sample (Management → IT, Sales, CSIRT; CSIRT → IT command) with two sections
    under IT and an incident report from one of them to the CSIRT."""
    d = sample_design()
    d.add_unit(Unit("it1", "運用課", UnitKind.SECTION, name_en="Ops", company="c1",
                    x=-260, y=120))
    d.add_unit(Unit("it2", "開発課", UnitKind.SECTION, name_en="Dev", company="c1",
                    x=-140, y=120))
    d.add_flow(Flow("r4", "it", "it1", FlowKind.REPORTING))
    d.add_flow(Flow("r5", "it", "it2", FlowKind.REPORTING))
    d.add_flow(Flow("k2", "it1", "cs", FlowKind.REPORT))
    return d


@pytest.fixture
def tree(window):
    ctrl = window.open_design(branchy_design(), None)
    QApplication.processEvents()
    view = window.current_view()
    view.actual_size()
    view.centerOn(0, 0)
    ctrl.scene.flush()
    return ctrl, view


def action(window, name):
    act = window.findChild(type(window.act.fit), name)
    assert act is not None, name
    return act


def shown_flows(scene):
    return {fid for layer in scene.flow_layers.values() for fid in layer.items}


def visible_units(scene):
    return {u for u, item in scene.unit_items.items() if item.isVisible()}


def test_collapse_hides_the_branch_and_its_flows_but_not_the_model(window, tree):
    ctrl, _view = tree
    scene = ctrl.scene
    before = orgd.dumps(ctrl.design)
    ctrl.select_units(["it"], center=False)
    action(window, "actionCollapseBranch").trigger()
    assert visible_units(scene) == {"m", "it", "s", "cs"}
    assert shown_flows(scene) == {"r1", "r2", "r3", "k1"}  # r4, r5, k2 touch hidden units
    assert scene.flow_at(QPointF(-200, 90)) is None  # no hit test on a hidden flow either
    item = scene.unit_items["it"]
    assert item.collapsed and item.hidden_below == 2 and item.subordinates == 2
    assert orgd.dumps(ctrl.design) == before
    assert ctrl.undo_stack.count() == 0 and not ctrl.is_modified()
    action(window, "actionExpandBranch").trigger()
    assert visible_units(scene) == set(ctrl.design.units)
    assert shown_flows(scene) == set(ctrl.design.flows)
    assert not item.collapsed
    assert ctrl.undo_stack.count() == 0


def test_nested_collapse_and_expand_all(window, tree):
    ctrl, _view = tree
    scene = ctrl.scene
    scene.branches.collapse(["it"])
    scene.branches.collapse(["m"])
    assert visible_units(scene) == {"m"}
    assert scene.unit_items["m"].hidden_below == 5
    assert not shown_flows(scene)
    scene.branches.expand(["m"], whole_branch=False)  # the handle: one level
    assert visible_units(scene) == {"m", "it", "s", "cs"}
    ctrl.select_units(["m"], center=False)
    assert action(window, "actionExpandAll").isEnabled()
    action(window, "actionExpandAll").trigger()
    assert visible_units(scene) == set(ctrl.design.units)
    assert not action(window, "actionExpandAll").isEnabled()


def test_the_handle_under_a_unit_collapses_and_expands(tree, ui):
    ctrl, view = tree
    scene = ctrl.scene
    item = scene.unit_items["it"]
    handle = item.mapToScene(item.handle_centre())
    ui.click(view, handle)
    assert item.collapsed and not scene.unit_items["it1"].isVisible()
    assert ctrl.selected_units() == []  # the click toggled the branch, selected nothing
    ui.click(view, handle)
    assert not item.collapsed and scene.unit_items["it1"].isVisible()
    assert ctrl.undo_stack.count() == 0


def test_a_unit_added_under_a_collapsed_one_stays_hidden_until_expanded(tree):
    ctrl, _view = tree
    scene = ctrl.scene
    scene.branches.collapse(["it"])
    batch = ops.Batch([ops.AddUnit(Unit("it3", "保守課", UnitKind.SECTION, company="c1",
                                        x=-20, y=120)),
                       ops.AddFlow(Flow("r6", "it", "it3", FlowKind.REPORTING))])
    assert ctrl.push(batch, "Add")
    scene.flush()
    assert not scene.unit_items["it3"].isVisible()
    assert scene.unit_items["it"].hidden_below == 3
    ctrl.undo_stack.undo()
    scene.flush()
    assert scene.unit_items["it"].hidden_below == 2


def test_find_reveals_a_collapsed_unit(tree):
    ctrl, _view = tree
    ctrl.scene.branches.collapse(["m"])
    ctrl.select_units(["it2"])  # what Find does: select and centre
    assert ctrl.scene.unit_items["it2"].isVisible()
    assert ctrl.selected_units() == ["it2"]
    assert "m" not in ctrl.scene.branches.collapsed and ctrl.undo_stack.count() == 0


def test_focus_shows_only_the_branch_and_escape_restores(window, tree, qtbot):
    ctrl, view = tree
    scene = ctrl.scene
    before = orgd.dumps(ctrl.design)
    ctrl.select_units(["it"], center=False)
    action(window, "actionFocusBranch").trigger()
    assert visible_units(scene) == {"it", "it1", "it2"}
    assert shown_flows(scene) == {"r4", "r5"}
    assert view.banner.isVisible()
    assert "IT" in view.banner.label.text() and "3" in view.banner.label.text()
    assert action(window, "actionShowWholeDesign").isEnabled()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(scene.items_rect(["it", "it1", "it2"]))  # fitted to the branch
    view.setFocus()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert visible_units(scene) == set(ctrl.design.units)
    assert shown_flows(scene) == set(ctrl.design.flows)
    assert not view.banner.isVisible()
    assert orgd.dumps(ctrl.design) == before and ctrl.undo_stack.count() == 0


def test_branch_state_is_kept_per_document(window, tree):
    ctrl, _view = tree
    ctrl.scene.branches.collapse(["it"])
    other = window.open_design(branchy_design(), None)
    QApplication.processEvents()
    assert not other.scene.branches.collapsed
    window.activate(ctrl)
    assert ctrl.scene.branches.collapsed == {"it"}
    assert not ctrl.scene.unit_items["it1"].isVisible()

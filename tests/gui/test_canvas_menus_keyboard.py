"""Issue 14 regressions: context menus, keyboard, accessible names, member roles."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from orgdesigner.model import FlowKind
from tests.gui.conftest import sample_design
from tests.gui.test_editing_trust import _middle

pytestmark = pytest.mark.gui


def _context_menu(window, view, scene_pos, keyboard=False):
    from PySide6.QtGui import QContextMenuEvent

    window.canvas_menus.popup = False
    pos = view.mapFromScene(scene_pos)
    reason = QContextMenuEvent.Reason.Keyboard if keyboard else QContextMenuEvent.Reason.Mouse
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        reason, pos, view.viewport().mapToGlobal(pos)))
    return window.canvas_menus.last_menu


def _entries(menu) -> dict:
    return {(a.objectName() or a.text().replace("&", "")): a for a in menu.actions()}


def test_context_menus_on_units_flows_frames_and_empty_canvas(window, doc):
    """#7: right-click offers the relevant actions for what is under the pointer."""
    from PySide6.QtCore import QPointF

    ctrl, view = doc
    scene = ctrl.scene
    menu = _context_menu(window, view, scene.unit_items["m"].pos())
    e = _entries(menu)
    assert {"ctxRename", "ctxConnectFrom", "ctxSelectBranch", "ctxProperties",
            "actionDelete", "actionCollapseBranch"} <= set(e)
    assert ctrl.selected_units() == ["m"]
    e["ctxSelectBranch"].trigger()
    assert set(ctrl.selected_units()) == {"m", "it", "s", "cs"}
    # change kind from the unit's menu: one undo step
    menu = _context_menu(window, view, scene.unit_items["s"].pos())
    kinds = next(a.menu() for a in menu.actions() if a.menu() and
                 a.menu().objectName() == "ctxChangeKind")
    from orgdesigner.model import UnitKind

    next(a for a in kinds.actions() if a.text() == UnitKind.TEAM.label("en")).trigger()
    assert ctrl.design.units["s"].kind is UnitKind.TEAM
    # a flow: the command flow's middle
    menu = _context_menu(window, view, _middle(scene.flow_items["k1"]))
    assert ctrl.selected_flows() == ["k1"] and "actionDelete" in _entries(menu)
    # a frame: its title bar region, away from units
    frame = scene.company_items["c1"]
    menu = _context_menu(window, view, frame.scene_rect().topLeft() + QPointF(12, 8))
    assert ctrl.selected_companies() == ["c1"] and "actionFitFrame" in _entries(menu)
    # empty canvas: add a unit here
    empty = QPointF(2000, 2000)
    view.centerOn(empty)
    menu = _context_menu(window, view, empty)
    assert "ctxPasteHere" in _entries(menu)
    add = next(a.menu() for a in menu.actions() if a.menu() and
               a.menu().objectName() == "ctxAddHere")
    before = set(ctrl.design.units)
    add.actions()[0].menu().actions()[0].trigger()
    (new,) = set(ctrl.design.units) - before
    u = ctrl.design.units[new]
    assert abs(u.x - 2000) < 30 and abs(u.y - 2000) < 30


def test_paste_here_and_connect_from_here(window, doc, ui):
    """#7: Paste Here centres the pasted units at the pointer; Connect from Here ends
    with a click on another unit."""
    from PySide6.QtCore import QPointF

    ctrl, view = doc
    scene = ctrl.scene
    ctrl.select_units(["s"], center=False)
    window.edit.copy()
    at = QPointF(600, 400)
    menu = _context_menu(window, view, at)
    before = set(ctrl.design.units)
    _entries(menu)["ctxPasteHere"].trigger()
    (new,) = set(ctrl.design.units) - before
    assert (ctrl.design.units[new].x, ctrl.design.units[new].y) == (600, 400)
    window.act.flow_kinds[FlowKind.SUPPORT].trigger()
    menu = _context_menu(window, view, scene.unit_items["it"].pos())
    _entries(menu)["ctxConnectFrom"].trigger()
    flows = set(ctrl.design.flows)
    ui.click(view, scene.unit_items["s"].pos())
    (fid,) = set(ctrl.design.flows) - flows
    f = ctrl.design.flows[fid]
    assert (f.source, f.target, f.kind) == ("it", "s", FlowKind.SUPPORT)


def test_menu_key_opens_the_selection_menu(window, doc):
    """#7: the Menu key (a keyboard context-menu event) opens the selected unit's menu."""
    ctrl, view = doc
    ctrl.select_units(["cs"], center=False)
    from PySide6.QtCore import QPointF

    menu = _context_menu(window, view, QPointF(5000, 5000), keyboard=True)
    assert "ctxRename" in _entries(menu) and ctrl.selected_units() == ["cs"]


def test_keyboard_walks_the_tree_nudges_and_renames(window, doc, qtbot):
    """#12: arrows move the selection between related units, Shift+arrows nudge (a burst
    is one undo step), Enter puts the keyboard in the name field."""
    from PySide6.QtCore import Qt

    ctrl, view = doc
    view.setFocus()
    ctrl.scene.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert ctrl.selected_units() == ["m"]  # nothing selected: the top of the tree
    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = ctrl.selected_units()
    assert first and ctrl.design.superior(first[0]) == "m"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = ctrl.selected_units()
    assert second != first and ctrl.design.superior(second[0]) == "m"
    assert ctrl.design.units[second[0]].x > ctrl.design.units[first[0]].x
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert ctrl.selected_units() == ["m"]
    steps = ctrl.undo_stack.count()
    x0 = ctrl.design.units["m"].x
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert ctrl.design.units["m"].x == x0 + 30
    assert ctrl.undo_stack.count() == steps + 1
    ctrl.undo_stack.undo()
    assert ctrl.design.units["m"].x == x0
    qtbot.keyClick(view, Qt.Key.Key_Return)
    name = window.inspector.unit.name_en  # the English UI shows the English name
    assert name.hasFocus() or QApplication.focusWidget() is name
    assert name.selectedText() == name.text() != ""


def _unnamed_controls(window) -> list[str]:
    """Visible controls a screen reader would read out without a name. Qt's own parts of
    a named control (a scroll area's scroll bars, a view's headers and corner button, a
    spin box's inner editor) are read as parts of it and are left out."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QGraphicsView,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QScrollBar,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    controls = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
                QGraphicsView, QTabBar, QPlainTextEdit, QTextEdit, QAbstractSlider)
    out = []
    seen = 0
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, controls):
            continue
        if isinstance(w, (QScrollBar, QHeaderView)) or w.objectName() in (
                "qt_spinbox_lineedit", "qt_tableview_cornerbutton"):
            continue
        seen += 1
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            out.append(f"{type(w).__name__}:{w.objectName()}")
    assert seen > 40  # the enumeration found the window's controls
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_visible_control_has_an_accessible_name(qtbot, lang):
    """#12: whatever is selected, every visible control of the main window has a name."""
    from orgdesigner.gui.i18n import language as i18n
    from orgdesigner.gui.shell.main_window import MainWindow

    i18n.install_translators(lang)
    w = MainWindow(lang=lang)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    ctrl = w.open_design(sample_design(), None)
    QApplication.processEvents()
    states = [([], [], []), (["cs"], [], []), ([], ["k1"], []), ([], [], ["c1"])]
    for units, flows, frames in states:
        ctrl.scene.select_ids(units=units, flows=flows, companies=frames)
        QApplication.processEvents()
        if units == ["cs"]:
            w.inspector.unit.tabs.setCurrentIndex(1)  # the CSIRT plan
            QApplication.processEvents()
        assert _unnamed_controls(w) == [], (units, flows, frames)
    w.analysis.budget_dock.raise_()
    QApplication.processEvents()
    assert _unnamed_controls(w) == []


def test_member_role_is_chosen_from_the_budget_roles_and_shown_translated(qtbot):
    """#8: the role cell shows the role's label in the UI language, the editor offers the
    budget's roles (defaults and those given rates in Settings), the design keeps the key."""
    from orgdesigner import settings as settings_mod
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.panels.inspector.plan_page import COL_ROLE, PlanPage
    from orgdesigner.model import CsirtPlan, Member

    s = settings_mod.load_settings()
    s.role_rates = {"threat_hunter": 9_000_000}
    settings_mod.save_settings(s)
    d = sample_design()
    d.units["cs"].plan = CsirtPlan(members=[Member("田中", "analyst")])
    ctrl = DocumentController(d, None, "ja")
    page = PlanPage("ja")
    qtbot.addWidget(page)
    page.show_plan(ctrl, "cs")
    cell = page.members.item(0, COL_ROLE)
    assert cell.text() == "インシデント分析担当"
    delegate = page.members.itemDelegateForColumn(COL_ROLE)
    index = page.members.model().index(0, COL_ROLE)
    editor = delegate.createEditor(page.members.viewport(), None, index)
    keys = [editor.itemData(i) for i in range(editor.count())]
    assert {"manager", "analyst", "engineer", "threat_hunter"} <= set(keys)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "analyst"
    editor.setCurrentIndex(keys.index("engineer"))
    delegate.setModelData(editor, page.members.model(), index)
    assert ctrl.design.units["cs"].plan.members[0].role == "engineer"
    assert page.members.item(0, COL_ROLE).text() == "セキュリティエンジニア"
    ctrl.undo_stack.undo()
    assert ctrl.design.units["cs"].plan.members[0].role == "analyst"
    ctrl.close()


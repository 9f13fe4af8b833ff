"""Issue 14 regressions: the canvas, docks and document state follow every edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QMessageBox

from orgdesigner.gui.dialogs import documents
from orgdesigner.model import Flow, FlowKind, ops
from tests.gui.conftest import sample_design

pytestmark = pytest.mark.gui


def _repainted(scene, action) -> list[QRectF]:
    """The scene regions Qt repaints after `action` (what the user would see redrawn)."""
    QApplication.processEvents()
    regions: list[QRectF] = []
    scene.changed.connect(lambda rects: regions.extend(rects))
    action()
    QApplication.processEvents()
    return regions


def _covers(regions: list[QRectF], rect: QRectF) -> bool:
    return any(r.intersects(rect) for r in regions)


def _covers_point(regions: list[QRectF], point) -> bool:
    return any(r.contains(point) for r in regions)


def test_redo_of_a_connection_repaints_the_flow(window, doc):
    """#1: undo then redo: the arrow is drawn again (its layer repaints where it is)."""
    ctrl, _view = doc
    ctrl.push(ops.AddFlow(Flow("n1", "s", "cs", FlowKind.SUPPORT)), "Connect")
    ctrl.scene.flush()
    ctrl.undo_stack.undo()
    item_rect = QRectF()

    def redo() -> None:
        ctrl.undo_stack.redo()
        item_rect.setRect(*ctrl.scene.flow_items["n1"].bounds().getRect())

    regions = _repainted(ctrl.scene, redo)
    assert _covers(regions, item_rect)
    layer = ctrl.scene.flow_layers[FlowKind.SUPPORT]
    assert "n1" in layer.items and layer.hits(_middle(ctrl.scene.flow_items["n1"]))


def test_undo_of_a_unit_delete_repaints_its_flows(window, doc):
    """#1: delete a unit, undo: its reporting line and command flow come back drawn."""
    ctrl, _view = doc
    ctrl.select_units(["it"], center=False)
    window.edit.delete()
    ctrl.scene.flush()
    QApplication.processEvents()
    middles: dict = {}

    def undo() -> None:
        ctrl.undo_stack.undo()
        ctrl.scene.flush()
        for fid in ("r1", "k1"):
            middles[fid] = _middle(ctrl.scene.flow_items[fid])

    regions = _repainted(ctrl.scene, undo)
    for fid, middle in middles.items():
        assert _covers_point(regions, middle), fid  # not only the unit's own box
        kind = ctrl.design.flows[fid].kind
        assert ctrl.scene.flow_layers[kind].hits(_middle(ctrl.scene.flow_items[fid]))


def _middle(item):
    ax, ay, bx, by = item.segs[len(item.segs) // 2]
    from PySide6.QtCore import QPointF

    return QPointF((ax + bx) / 2, (ay + by) / 2)


def test_findings_dock_follows_the_remaining_document_after_a_close(window, qtbot):
    """#2: two documents, close the current one: the dock shows the other, and keeps
    following its edits."""
    a = window.open_design(sample_design(), None)
    b = window.open_design(sample_design(), None)
    window.activate(a)
    window.activate(b)
    panel = window.analysis.findings
    window.analysis.findings_dock.show()
    window.analysis.findings_dock.raise_()
    window.shell.close(b)
    qtbot.waitUntil(lambda: window.current_controller() is a)
    QApplication.processEvents()
    from PySide6.QtCore import QEvent

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the closed one
    QApplication.processEvents()
    assert panel.controller is a
    assert window.analysis.budget.ctrl is a
    panel.refresh()
    assert panel.report is not None
    assert "No document" not in panel.authority_label.text()


def test_a_freshly_imported_design_is_modified_and_close_asks(window, monkeypatch):
    """#4: an imported, never-saved design carries "*" and Ctrl+W asks first."""
    from orgdesigner.gui.dialogs.import_dialog import ImportDialog, apply_import

    ctrl = apply_import(window, sample_design(), ImportDialog.NEW)
    assert ctrl.is_modified()
    assert ctrl.display_name() + " *" == window.tabs.tabText(window.tabs.currentIndex())
    asked = []
    monkeypatch.setattr(documents, "_exec",
                        lambda box: asked.append(box) or QMessageBox.StandardButton.Cancel)
    assert not window.shell.close(ctrl)
    assert asked and ctrl in window.documents()


def test_findings_selection_follows_the_finding_not_the_row(qtbot, window, doc):
    """#5: after an edit adds a finding above the selected one, the same finding stays
    selected."""
    ctrl, _view = doc
    panel = window.analysis.findings
    window.analysis.findings_dock.show()
    window.analysis.findings_dock.raise_()
    panel.refresh()
    tree = panel.findings_tree
    items = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    target = items[-1]
    tree.setCurrentItem(target)
    chosen = panel.current_finding()
    # removing the CSIRT's reporting line adds findings (no sponsor …) ahead of it
    ctrl.push(ops.RemoveFlow("r3"), "Delete")
    panel.refresh()
    now = panel.current_finding()
    assert now is not None
    assert (now.id, now.units) == (chosen.id, chosen.units)


def test_wheel_over_an_unfocused_inspector_field_changes_nothing(window, doc):
    """#3: scrolling the inspector over the headcount box neither changes it nor records
    an undo step; once focused, the wheel does change it."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    ctrl, _view = doc
    ctrl.select_units(["it"], center=False)
    box = window.inspector.unit.headcount
    kind = window.inspector.unit.kind
    steps = ctrl.undo_stack.count()
    before = (box.value(), kind.currentIndex())
    window.inspector.setFocus()

    def wheel(widget) -> None:
        pos = QPointF(widget.rect().center())
        ev = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                         QPoint(0, 120), Qt.MouseButton.NoButton,
                         Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, ev)

    years = window.analysis.budget.years  # the budget dock's spin box likewise
    years_before = years.value()
    for w in (box, kind, years):
        assert not w.hasFocus()
        wheel(w)
    assert (box.value(), kind.currentIndex()) == before
    assert years.value() == years_before
    assert ctrl.undo_stack.count() == steps
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
    box.setFocus()
    QApplication.processEvents()
    if box.hasFocus():  # focus works offscreen when the window is active
        wheel(box)
        assert box.value() != before[0]


def test_a_quick_fix_adds_its_unit_in_free_space(qtbot, window, doc):
    """#6: the NCA coordination fix puts the new party beside the CSIRT, on no box — even
    when the spot the rule proposes is taken."""
    from orgdesigner.analysis import fixes
    from orgdesigner.model import Unit, UnitKind
    from orgdesigner.render.style import box_size

    ctrl, _view = doc
    cs = ctrl.design.units["cs"]
    for slot in range(3):  # every spot the rule might propose is taken
        ctrl.push(ops.AddUnit(Unit(f"b{slot}", f"箱{slot}", UnitKind.DEPARTMENT,
                                   x=cs.x + fixes.OFFSET_X,
                                   y=cs.y + fixes.OFFSET_Y * slot)), "Add")
    panel = window.analysis.findings
    window.analysis.findings_dock.show()
    window.analysis.findings_dock.raise_()
    panel.refresh()
    tree = panel.findings_tree
    item = next(tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())
                if panel.report.findings[tree.topLevelItem(i).child(j).data(0, 256)].id
                == "no-external")
    tree.setCurrentItem(item)
    before = set(ctrl.design.units)
    assert panel.apply_fix()
    (new,) = set(ctrl.design.units) - before
    assert ctrl.selected_units() == [new]  # shown and selected

    def box(u):
        w, h = box_size(u, ctrl.lang)
        return QRectF(u.x - w / 2, u.y - h / 2, w, h)

    mine = box(ctrl.design.units[new])
    for uid, u in ctrl.design.units.items():
        if uid != new:
            assert not mine.intersects(box(u)), uid
    assert abs(mine.center().x() - cs.x) + abs(mine.center().y() - cs.y) < 800


def test_save_and_export_dialogs_start_in_the_documents_folder(window, doc, monkeypatch,
                                                               tmp_path):
    """#11: an unsaved document's Save As and budget export open in Documents; a saved
    one's in its own folder — never the working folder."""
    import os

    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from orgdesigner.gui.panels.budget_panel import export_budget_workbook

    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _loc: str(docs))
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    ctrl, _view = doc
    assert not documents.save_as(ctrl, window)
    export_budget_workbook(window, ctrl)
    ctrl.set_path(tmp_path / "mine" / "design.orgd")
    assert not documents.save_as(ctrl, window)
    starts = [os.path.dirname(os.path.abspath(a)) for a in asked]
    assert starts == [str(docs), str(docs), str(tmp_path / "mine")]


def test_undo_steps_follow_the_language(window, doc):
    """#9: steps made in English read in Japanese after the switch (fixed texts, templates
    with a kind or a preset, a quick fix's own label) and back again."""
    ctrl, _view = doc
    ctrl.select_units(["s"], center=False)
    window.edit.delete()
    ctrl.scene.connect_units("it", "cs", FlowKind.REPORT)
    ctrl.scene.drop_preset("jpcert", ctrl.scene.unit_items["m"].pos())
    ctrl.push(ops.UpdateUnit("m", {"headcount": 3}), "Fix it",
              texts={"en": "Fix it", "ja": "直す"})
    stack = ctrl.undo_stack
    names = [stack.command(i).text() for i in range(stack.count())]
    assert names[:2] == ["Delete", "Connect (Incident report)"]
    window.set_language("ja")
    ja = [stack.command(i).text() for i in range(stack.count())]
    assert ja[0] == "削除"
    assert ja[1] == "接続（インシデント報告）" or (
        ja[1].startswith("接続") and FlowKind.REPORT.label("ja") in ja[1])
    assert "JPCERT" in ja[2] and ja[2] != names[2]
    assert ja[3] == "直す"
    assert window.action_undo.text().endswith("直す")
    window.set_language("en")
    assert [stack.command(i).text() for i in range(stack.count())] == names


def test_refusals_name_units_in_the_ui_language():
    """#9: an English refusal names a unit by its English name, a Japanese one by its
    Japanese name."""
    from orgdesigner.messages import exc_text
    from orgdesigner.model import ModelError

    d = sample_design()
    with pytest.raises(ModelError) as err:
        d.add_flow(Flow("x", "s", "it", FlowKind.REPORTING))
    assert "IT" in exc_text(err.value, "en") and "情報システム部" not in exc_text(err.value, "en")
    assert "情報システム部" in exc_text(err.value, "ja")


def test_qt_file_dialog_is_japanese(window):
    """#9: Qt's own file dialog speaks Japanese with the Japanese UI."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    window.set_language("ja")
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = {lab.text() for lab in dialog.findChildren(QLabel)}
    dialog.deleteLater()
    assert "&Look in:" not in texts and "Files of &type:" not in texts
    assert "ファイルの種類(&T):" in texts


def test_toolbar_buttons_keep_their_place_and_fit_in_japanese(qtbot):
    """#10: the undo button does not grow with the step's name, and at a normal window
    width (1280 px) the Japanese toolbars show every button and the search box."""
    from orgdesigner.gui.i18n import language as i18n
    from orgdesigner.gui.shell.main_window import MainWindow

    i18n.install_translators("ja")
    w = MainWindow(lang="ja")
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.show()
    qtbot.waitExposed(w)
    ctrl = w.open_design(sample_design(), None)
    QApplication.processEvents()
    undo = w.toolbar.widgetForAction(w.toolbar_undo)
    before = (undo.width(), w.toolbar.widgetForAction(w.act.connect_mode).x())
    ctrl.push(ops.UpdateUnit("m", {"name": "とても長い名前の経営層" * 3}),
              "部署名を変更する（とても長い操作の名前）" * 2)
    QApplication.processEvents()
    assert w.action_undo.text().startswith("元に戻す")
    assert (undo.width(), w.toolbar.widgetForAction(w.act.connect_mode).x()) == before
    assert w.toolbar_undo.isEnabled() and "部署名" in w.toolbar_undo.toolTip()
    for tb in (w.toolbar, w.flow_toolbar, w.view_toolbar):
        for act in tb.actions():
            widget = tb.widgetForAction(act)
            assert widget is not None and widget.isVisible(), (tb.objectName(), act.text())
    assert w.find_bar.isVisible()
    ctrl.undo_stack.setClean()


def test_a_hidden_flows_label_stays_hidden_when_its_unit_moves(window, doc):
    """Found by the invariant: with "overlay flows of the selection only", moving a unit
    re-routed its hidden labelled flow and showed the label without the line."""
    ctrl, _view = doc
    ctrl.push(ops.AddFlow(Flow("lb", "s", "cs", FlowKind.SUPPORT, "技術支援")), "Connect")
    ctrl.scene.flush()
    window.act.overlay_selection.setChecked(True)
    ctrl.select_units(["m"], center=False)
    ctrl.scene.overlay.refresh()
    item = ctrl.scene.flow_items["lb"]
    assert item.layer is None and not item.label_item.isVisible()
    ctrl.push(ops.UpdateUnit("s", {"x": 260}), "Move")
    ctrl.scene.flush()
    assert item.layer is None and not item.label_item.isVisible()

"""The Scenarios dock and the Compare view, driven through their real widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from orgdesigner import templates
from orgdesigner.formats import orgd
from orgdesigner.model import scenarios as sc


def _open(window):
    return window.open_design(templates.load("model-1"), None)


def test_generate_switch_and_undo(window, qtbot):
    ctrl = _open(window)
    panel = window.scenarios_panel
    before = orgd.dumps(ctrl.design)
    panel.generate()
    sset = sc.scenarios_of(ctrl.design)
    assert [s.id for s in sset.items] == ["baseline", "p1", "p2", "p3"]
    assert sum(s.recommended for s in sset.items) == 1
    assert panel.list.count() == 4
    panel._switch(panel.list.item(3))  # textbook: the CSIRT moves under management
    assert sset.active == "p3"
    assert ctrl.design.superior("csirt") == "mgmt"
    assert ctrl.scene.unit_items.keys() == ctrl.design.units.keys()  # canvas followed
    ctrl.undo_stack.undo()
    assert sset.active == "baseline" and ctrl.design.superior("csirt") == "risk"
    ctrl.undo_stack.undo()
    assert orgd.dumps(ctrl.design) == before


def test_new_rename_reorder_delete(window, qtbot, monkeypatch):
    ctrl = _open(window)
    panel = window.scenarios_panel
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("案X", True))
    panel.new()
    panel.new()
    sset = sc.scenarios_of(ctrl.design)
    assert [s.name for s in sset.items] == ["", "案X", "案X"]
    panel.list.setCurrentRow(2)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("案Y", True))
    panel.rename()
    panel.list.setCurrentRow(2)
    panel.move(-1)
    assert [s.name for s in sset.items] == ["", "案Y", "案X"]
    panel.list.setCurrentRow(1)
    panel.delete()
    assert [s.name for s in sset.items] == ["", "案X"]
    for _ in range(5):
        ctrl.undo_stack.undo()
    assert [s.name for s in sset.items] == [""]


def test_compare_view_colours_and_selects(window, qtbot):
    ctrl = _open(window)
    panel = window.scenarios_panel
    panel.generate()
    panel.list.setCurrentRow(3)
    panel.compare()
    dialog = panel._dialog
    qtbot.addWidget(dialog)
    assert dialog.result.diff.moved and dialog.result.diff.moved[0].after_id == "csirt"
    moved = next(dialog.panel.topLevelItem(i) for i in range(dialog.panel.topLevelItemCount())
                 if dialog.panel.topLevelItem(i).text(0).startswith("Units moved"))
    dialog._select_item(moved)
    assert dialog.sides[1][0].selected_units() == ["csirt"]
    assert dialog.sides[0][0].selected_units() == ["csirt"]
    dialog.sides[0][1].set_zoom(0.8)
    assert abs(dialog.sides[1][1].zoom() - 0.8) < 1e-6
    assert orgd.dumps(ctrl.design)  # the document is untouched by the view
    dialog.close()


def test_generated_options_say_what_they_fix_and_disturb(window, qtbot):
    _open(window)
    panel = window.scenarios_panel
    panel.generate()
    lines = panel.summary.text().splitlines()
    assert len(lines) == 3 and "moves 0" in lines[0] and "moves 1" in lines[2]


def test_deleting_the_open_proposal_shows_the_baseline_again(window, qtbot):
    ctrl = _open(window)
    panel = window.scenarios_panel
    panel.generate()
    panel._switch(panel.list.item(3))
    sset = sc.scenarios_of(ctrl.design)
    assert sset.active == "p3"
    panel.list.setCurrentRow(3)
    panel.delete()
    assert sset.active == "baseline" and "p3" not in sset.ids()
    assert ctrl.design.superior("csirt") == "risk"
    ctrl.undo_stack.undo()
    assert sset.active == "p3" and ctrl.design.superior("csirt") == "mgmt"


def test_export_dialog_highlights_the_open_proposals_changes(window, qtbot, tmp_path):
    from orgdesigner.gui.dialogs.export_dialog import ExportDialog, write_export

    ctrl = _open(window)
    plain = ExportDialog(ctrl.design)
    qtbot.addWidget(plain)
    assert not plain.highlight_check.isVisibleTo(plain)  # 現状 is open: nothing to highlight
    window.scenarios_panel.generate()
    window.scenarios_panel._switch(window.scenarios_panel.list.item(3))
    dialog = ExportDialog(ctrl.design, start_path=tmp_path / "c.svg")
    qtbot.addWidget(dialog)
    assert dialog.highlight_check.isVisibleTo(dialog) and dialog.highlight_check.isChecked()
    options = dialog.options()
    assert ("csirt", "moved") in options.highlight
    write_export(ctrl.design, options)
    assert 'id="changes"' in (tmp_path / "c.svg").read_text(encoding="utf-8")

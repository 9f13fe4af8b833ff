"""The Budget panel: edits become undoable model operations, totals follow the model, and
File › Export budget workbook… writes the workbook or explains why not."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from orgdesigner.budget import compute_budget
from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.budget_panel import (
    COL_CURRENCY,
    COL_NAME,
    COL_RECURRING,
    FIRST_AMOUNT,
    BudgetPanel,
    export_budget_workbook,
)
from orgdesigner.model import CostCategory, Design, Expenditure
from tests.budget.sample import sample_design

pytestmark = pytest.mark.gui


def StandIn(design: Design, lang: str = "en") -> DocumentController:  # noqa: N802
    """The real controller: the panel is tested against what the app gives it."""
    return DocumentController(design, None, lang)


@pytest.fixture
def panel(qtbot):  # type: ignore[no-untyped-def]
    ctrl = StandIn(sample_design())
    w = BudgetPanel(ctrl, overrides={})
    qtbot.addWidget(w)
    w.show()
    return w


def totals_row(panel: BudgetPanel, row: int) -> list[str]:
    t = panel.totals
    return [t.item(row, c).text() for c in range(t.columnCount())]


def row_of(panel: BudgetPanel, cost_id: str) -> int:
    for r in range(panel.items.rowCount()):
        if panel.items.item(r, COL_NAME).data(Qt.ItemDataRole.UserRole) == cost_id:
            return r
    raise AssertionError(cost_id)


def test_shows_items_and_totals_per_year(panel: BudgetPanel) -> None:
    b = compute_budget(panel.ctrl.design, overrides={})
    assert panel.items.rowCount() == 6
    headers = [panel.totals.horizontalHeaderItem(c).text()
               for c in range(panel.totals.columnCount())]
    assert headers == ["FY2027", "FY2028", "FY2029", "Total"]
    assert totals_row(panel, 2) == [f"¥{v:,}" for v in b.total_per_year] + [f"¥{b.grand_total:,}"]
    r = row_of(panel, "k2")
    assert panel.items.item(r, COL_CURRENCY).text() == "USD"
    assert panel.items.item(r, FIRST_AMOUNT + 2).text() == "2,800"  # carried forward


def test_amount_edit_is_one_undoable_step(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    design, stack = panel.ctrl.design, panel.ctrl.undo_stack
    before = totals_row(panel, 2)
    r = row_of(panel, "k1")
    panel.items.item(r, FIRST_AMOUNT + 1).setText("15,000,000")
    assert design.costs["k1"].amounts == [Decimal(12_000_000), Decimal(15_000_000),
                                          Decimal(12_000_000)]
    assert stack.count() == 1
    qtbot.waitUntil(lambda: totals_row(panel, 2) != before)
    after = compute_budget(panel.ctrl.design, overrides={})
    assert totals_row(panel, 2)[1] == f"¥{after.total_per_year[1]:,}"
    stack.undo()
    assert design.costs["k1"].amounts == [Decimal(12_000_000)]
    qtbot.waitUntil(lambda: totals_row(panel, 2) == before)


def test_name_recurring_currency_and_combos_edit_the_model(panel: BudgetPanel) -> None:
    design, stack = panel.ctrl.design, panel.ctrl.undo_stack
    r = row_of(panel, "k3")
    panel.items.item(r, COL_NAME).setText("=FIRST fee")
    assert design.costs["k3"].name == "=FIRST fee"
    panel.refresh()
    r = row_of(panel, "k3")
    panel.items.item(r, COL_RECURRING).setCheckState(Qt.CheckState.Checked)
    assert design.costs["k3"].recurring
    panel.refresh()
    combo = panel.items.cellWidget(row_of(panel, "k3"), 1)
    combo.activated.emit(combo.findData(CostCategory.TRAINING.value))
    assert design.costs["k3"].category is CostCategory.TRAINING
    panel.refresh()
    combo = panel.items.cellWidget(row_of(panel, "k3"), 2)
    combo.activated.emit(combo.findData(Expenditure.CAPEX.value))
    assert design.costs["k3"].expenditure is Expenditure.CAPEX
    panel.refresh()
    panel.items.item(row_of(panel, "k3"), COL_CURRENCY).setText("eur")
    assert design.costs["k3"].currency == "EUR"
    assert stack.count() == 5
    while stack.canUndo():
        stack.undo()
    k3 = design.costs["k3"]
    assert (k3.name, k3.recurring, k3.category, k3.expenditure, k3.currency) == (
        "FIRST 初回費用", False, CostCategory.MEMBERSHIPS, Expenditure.OPEX, "USD")


def test_bad_input_changes_nothing(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    design, stack = panel.ctrl.design, panel.ctrl.undo_stack
    r = row_of(panel, "k1")
    panel.items.item(r, FIRST_AMOUNT).setText("twelve")
    assert design.costs["k1"].amounts == [Decimal(12_000_000)]
    assert "Not an amount" in panel.message.text()
    panel.items.item(row_of(panel, "k1"), COL_NAME).setText("   ")  # names are required
    assert design.costs["k1"].name == "SIEM ライセンス" and stack.count() == 0
    qtbot.waitUntil(lambda: panel.items.item(row_of(panel, "k1"), COL_NAME).text()
                    == "SIEM ライセンス")


def test_unknown_currency_is_explained_not_crashed(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.items.item(row_of(panel, "k2"), COL_CURRENCY).setText("GBP")
    qtbot.waitUntil(lambda: "GBP" in panel.message.text())
    assert totals_row(panel, 2)[0] == "—"
    panel.ctrl.undo_stack.undo()
    qtbot.waitUntil(lambda: totals_row(panel, 2)[0].startswith("¥"))


def test_add_preset_and_remove(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    design, stack = panel.ctrl.design, panel.ctrl.undo_stack
    action = next(a for a in panel.add_menu.actions()
                  if a.objectName() == "budgetPreset-first-annual")
    action.trigger()
    new = list(design.costs.values())[-1]
    assert (new.currency, new.amounts, new.recurring) == ("USD", [Decimal(2800)], True)
    assert new.category is CostCategory.MEMBERSHIPS
    panel.add_button.click()
    blank = list(design.costs.values())[-1]
    assert blank.amounts == [Decimal(0)] * 3 and blank.currency == "JPY"
    panel.refresh()
    panel.items.selectRow(row_of(panel, "k1"))
    assert panel.remove_selected()
    assert "k1" not in design.costs and len(design.costs) == 7
    stack.undo()
    assert list(design.costs)[0] == "k1"  # back in its place
    stack.undo()
    stack.undo()
    assert len(design.costs) == 6


def test_years_and_cost_model(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    design = panel.ctrl.design
    panel.years.setValue(5)
    assert design.budget.years == 5
    qtbot.waitUntil(lambda: panel.totals.columnCount() == 6)
    bonus = panel.cost_model.fields["bonus_months"]
    assert bonus.placeholderText() == "4"  # the shipped default shows when empty
    bonus.setText("5")
    bonus.editingFinished.emit()
    assert design.budget.bonus_months == Decimal(5)
    welfare = panel.cost_model.fields["welfare_rate"]
    welfare.setText("20")  # percent as typed
    welfare.editingFinished.emit()
    assert design.budget.welfare_rate == Decimal("0.2")
    bonus.setText("")
    bonus.editingFinished.emit()
    assert design.budget.bonus_months is None
    assert panel.ctrl.undo_stack.count() == 4
    welfare.setText("lots")
    welfare.editingFinished.emit()
    assert design.budget.welfare_rate == Decimal("0.2") and panel.ctrl.undo_stack.count() == 4
    before = totals_row(panel, 0)
    panel.set_overrides({"bonus_months": "1"})  # settings changed: totals follow, no undo step
    assert totals_row(panel, 0) != before and panel.ctrl.undo_stack.count() == 4


def test_ringi_cover_fields(panel: BudgetPanel) -> None:  # type: ignore[no-untyped-def]
    design = panel.ctrl.design
    f = panel.ringi.fields["account"]
    f.setText("業務委託費")
    f.editingFinished.emit()
    assert design.budget.account == "業務委託費"
    c = panel.ringi.consult
    c.setText("法務部、経理部")
    c.editingFinished.emit()
    assert design.budget.consultees == ["法務部", "経理部"]


def test_kenmu_staff_show_as_time_not_new_money(panel: BudgetPanel) -> None:
    b = compute_budget(panel.ctrl.design, overrides={})
    assert b.reallocated[0] > 0
    assert totals_row(panel, 0)[0] == f"¥{b.new_money[0]:,}"
    assert totals_row(panel, 1)[0] == f"¥{b.reallocated[0]:,}"


def test_follows_other_documents_and_none(panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_controller(None)
    assert panel.items.rowCount() == 0 and not panel.add_button.isEnabled()
    other = StandIn(Design(), lang="ja")
    panel.set_controller(other)
    assert panel.items.rowCount() == 0 and panel.add_button.isEnabled()
    assert panel.totals.horizontalHeaderItem(0).text().endswith("年度")


def test_export_writes_the_workbook(panel: BudgetPanel, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "承認用"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    out = export_budget_workbook(panel, panel.ctrl)
    assert out == tmp_path / "承認用.xlsx"
    assert openpyxl.load_workbook(out).sheetnames[0] == "Cover"


def test_export_failure_shows_a_message(panel: BudgetPanel, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: shown.append(a[2])))
    assert export_budget_workbook(panel, panel.ctrl, str(tmp_path / "no" / "b.xlsx")) is None
    assert shown and "could not be written" in shown[0]
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        staticmethod(lambda *a, **k: ("", "")))
    assert export_budget_workbook(panel, panel.ctrl) is None  # cancelled: nothing shown
    assert len(shown) == 1


def test_works_with_the_real_controller(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = pytest.importorskip("orgdesigner.gui.canvas.controller")
    ctrl = controller.DocumentController(sample_design(), lang="ja")
    w = BudgetPanel(ctrl, overrides={})
    qtbot.addWidget(w)
    w.items.item(row_of(w, "k6"), FIRST_AMOUNT + 2).setText("3000000")
    assert ctrl.design.costs["k6"].amounts[2] == Decimal(3_000_000)
    assert ctrl.is_modified()
    expected = compute_budget(ctrl.design, overrides={}).total_per_year[2]
    qtbot.waitUntil(lambda: totals_row(w, 2)[2] == f"¥{expected:,}")
    ctrl.undo_stack.undo()
    assert ctrl.design.costs["k6"].amounts[2] == Decimal(2_400_000)
    ctrl.close()


def test_tax_payer_and_group_supplier_edit_the_model(panel: BudgetPanel) -> None:
    from orgdesigner.gui.panels.budget_panel import COL_PAYER, COL_SUPPLIER, COL_TAXABLE

    design = panel.ctrl.design
    r = row_of(panel, "k1")
    panel.items.item(r, COL_TAXABLE).setCheckState(Qt.CheckState.Unchecked)
    assert design.costs["k1"].taxable is False
    for col, field in ((COL_PAYER, "company"), (COL_SUPPLIER, "supplier")):
        combo = panel.items.cellWidget(row_of(panel, "k1"), col)
        combo.setCurrentIndex(combo.findData("c1"))
        combo.activated.emit(combo.currentIndex())
        assert getattr(design.costs["k1"], field) == "c1"
    b = compute_budget(design, overrides={})
    assert next(x for x in b.items if x.item.id == "k1").internal  # never counted twice


def test_role_rates_per_design(panel: BudgetPanel) -> None:
    design = panel.ctrl.design
    table = panel.cost_model.rates
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
    assert table.item(rows["manager"], 0).text() == "CSIRT manager"  # a label, not the key
    table.item(rows["manager"], 1).setText("8,000,000")
    assert design.budget.role_rates["manager"] == 8_000_000
    assert design.budget.role_rates["edge"] == 6_000_010  # the others are kept
    table = panel.cost_model.rates
    table.item(rows["manager"], 1).setText("")
    assert "manager" not in design.budget.role_rates


def test_a_hidden_panel_catches_up_when_shown(panel: BudgetPanel, qtbot, monkeypatch) -> None:
    """Behind another dock tab the panel does not recompute after every edit (a 50,000-unit
    group's budget took 50 ms per edit); shown again, it shows the design as it is."""
    from orgdesigner.gui.panels import budget_panel
    from orgdesigner.model import ops

    calls: list[int] = []
    real = budget_panel.compute_budget
    monkeypatch.setattr(budget_panel, "compute_budget",
                        lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    item = next(iter(panel.ctrl.design.costs.values()))
    panel.ctrl.push(ops.UpdateCost(item.id, {"name": "Renamed while shown"}), "Rename")
    qtbot.waitUntil(lambda: len(calls) == 1)  # shown: the edit is recomputed (coalesced)
    panel.hide()
    panel.ctrl.push(ops.UpdateCost(item.id, {"name": "Renamed while hidden"}), "Rename")
    qtbot.wait(300)  # longer than the panel's coalescing timer
    assert len(calls) == 1
    panel.show()
    assert len(calls) == 2
    names = [panel.items.item(r, COL_NAME).text() for r in range(panel.items.rowCount())]
    assert "Renamed while hidden" in names


def test_an_edit_elsewhere_keeps_the_item_table_and_updates_what_changed(
        panel: BudgetPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An edit of the organisation (a unit renamed) recomputes the totals and the 合議先 but
    does not rebuild the cost rows and their combo boxes (13 ms per edit at 50,000 units);
    an edit of a cost item, of the years or of the language rebuilds them."""
    from orgdesigner.model import Unit, UnitKind, ops

    design = panel.ctrl.design
    combo = panel.items.cellWidget(0, 1)
    uid = next(iter(design.units))
    panel.ctrl.push(ops.UpdateUnit(uid, {"name": "改名した部署"}), "Rename")
    qtbot.wait(300)  # past the coalescing timer: the panel refreshed
    assert panel.items.cellWidget(0, 1) is combo  # the same row widgets
    panel.ctrl.push(ops.AddUnit(Unit("newco-unit", "新しい部署", UnitKind.DEPARTMENT)), "Add")
    qtbot.wait(300)
    assert panel.items.cellWidget(0, 1) is combo
    item = next(iter(design.costs.values()))
    panel.ctrl.push(ops.UpdateCost(item.id, {"name": "名前を変えた費目"}), "Rename item")
    qtbot.waitUntil(lambda: panel.items.item(0, COL_NAME).text() == "名前を変えた費目")
    assert panel.items.cellWidget(0, 1) is not combo
    combo = panel.items.cellWidget(0, 1)
    panel.ctrl.push(ops.UpdateBudget({"years": design.budget.years + 1}), "Years")
    qtbot.waitUntil(lambda: panel.items.columnCount() == FIRST_AMOUNT + design.budget.years)
    assert panel.items.cellWidget(0, 1) is not combo


def test_consultees_placeholder_is_worked_out_when_the_cover_is_seen(
        panel: BudgetPanel, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The 合議先 placeholder (the units joined to the CSIRT by consensus flows) is worked
    out when the approval cover is shown, not after every edit behind another tab; shown,
    it follows the design at once."""
    from orgdesigner.budget import extras
    from orgdesigner.model import Flow, FlowKind, ops

    calls: list[int] = []
    real = extras.consensus_units
    monkeypatch.setattr(extras, "consensus_units",
                        lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    panel.tabs.setCurrentWidget(panel.items.parentWidget())
    panel.ctrl.push(ops.AddFlow(Flow("c1", "cs", "legal", FlowKind.CONSENSUS)), "Add")
    qtbot.wait(300)
    assert calls == []  # the cover is behind the cost items
    panel.tabs.setCurrentWidget(panel.ringi)
    legal, it = (panel.ctrl.design.units[u].display_name("en") for u in ("legal", "it"))
    assert panel.ringi.consult.placeholderText() == legal and len(calls) == 1
    panel.ctrl.push(ops.AddFlow(Flow("c2", "it", "cs", FlowKind.CONSENSUS)), "Add")
    qtbot.waitUntil(lambda: panel.ringi.consult.placeholderText() == f"{legal}, {it}")

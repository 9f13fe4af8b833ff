"""The Budget panel: the design's cost items to edit, and the totals per fiscal year, live.

Every edit is one model operation pushed through the controller (so Undo takes it back);
the panel never keeps budget state of its own — it redraws from the model when the
controller says the design changed. Also `export_budget_workbook`, the File › Export budget
workbook… action.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.budget import Budget, BudgetError, compute_budget, load_defaults
from orgdesigner.budget.model import resolve_amounts
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.gui.panels.budget_inputs import CostModelForm, RingiForm
from orgdesigner.gui.panels.inspector.fields import EnumCombo, IntField
from orgdesigner.messages import exc_text
from orgdesigner.model import CostCategory, CostItem, Expenditure, ops

(COL_NAME, COL_CATEGORY, COL_EXPENDITURE, COL_RECURRING, COL_CURRENCY, COL_TAXABLE,
 COL_PAYER, COL_SUPPLIER) = range(8)
FIRST_AMOUNT = 8
TOTAL_ROWS = ("new_money", "reallocated", "total", "tax")
ID_ROLE = Qt.ItemDataRole.UserRole


def _settings() -> Any:
    try:
        from orgdesigner.settings import load_settings

        return load_settings()
    except Exception:  # the settings module reports its own problems; defaults still work
        return None


def _amount_text(d: Decimal) -> str:
    return f"{d.normalize():,f}" if d == d.to_integral_value() else f"{d:,}"


class BudgetPanel(QWidget):
    def __init__(self, controller: Any = None, parent: QWidget | None = None, *,
                 overrides: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPanel")
        self.ctrl: Any = None
        self.overrides = overrides if overrides is not None else _settings()
        self.budget: Budget | None = None
        self._loading = False
        self._behind = False  # edits came while hidden: refresh when shown
        self._shown_items: Any = None  # what the item table was last filled from
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # coalesce bursts of edits (a drag, an undo macro)
        self._timer.timeout.connect(lambda: self.refresh(keep_items=True))

        self.years = IntField(1, 20)
        self.years.setObjectName("budgetYears")
        self.years.setMaximumWidth(90)
        form = QFormLayout()
        form.addRow(self.tr("Fiscal years"), self.years)
        self.cost_model = CostModelForm(self._push_budget, self.message_text)
        self.ringi = RingiForm(self._push_budget)

        self.items = QTableWidget(0, FIRST_AMOUNT)
        self.items.setObjectName("budgetItems")
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.items.setMinimumHeight(90)
        self.add_button = QToolButton()
        self.add_button.setObjectName("budgetAddItem")
        self.add_button.setText(self.tr("Add item"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.add_menu = QMenu(self)
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(self.tr("Remove item"))
        self.remove_button.setObjectName("budgetRemoveItem")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.totals = QTableWidget(len(TOTAL_ROWS), 0)
        self.totals.setObjectName("budgetTotals")
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.setVerticalHeaderLabels([
            self.tr("New money"), self.tr("Existing staff's time"), self.tr("Total cost"),
            self.tr("Consumption tax")])
        self.totals.setToolTip(self.tr(
            "New money: new hires, outsourcing, purchases and the contingency. Total cost "
            "adds existing staff's time moved to the CSIRT (工数振替). Both before tax."))
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = QLabel()
        self.message.setObjectName("budgetMessage")
        self.message.setWordWrap(True)

        items_page = QWidget()
        il = QVBoxLayout(items_page)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(self.items, 1)
        il.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("budgetTabs")
        self.tabs.addTab(items_page, self.tr("Cost items"))
        self.tabs.addTab(self.cost_model, self.tr("Cost model"))
        self.tabs.addTab(self.ringi, self.tr("Approval cover"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(QLabel(self.tr("Totals per fiscal year (JPY, before tax)")))
        layout.addWidget(self.totals)
        layout.addWidget(self.message)

        self.items.itemChanged.connect(self._item_changed)
        self.years.committed.connect(lambda n: self._push(ops.UpdateBudget({"years": n}),
                                                          self.tr("Change budget years")))
        self.set_controller(controller)

    # ---- document --------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return getattr(self.ctrl, "lang", "en") if self.ctrl is not None else "en"

    def set_controller(self, controller: Any) -> None:
        """Show another document (or none); the main window calls this on tab changes."""
        if self.ctrl is not None:
            self.ctrl.changed.disconnect(self._schedule)
        self.ctrl = controller
        if controller is not None:
            controller.changed.connect(self._schedule)
        self._fill_add_menu()
        self.refresh()

    def set_overrides(self, overrides: Any) -> None:
        """New user settings (rates, cost model): the totals follow at once."""
        self.overrides = overrides
        self.refresh()

    def set_language(self, _lang: str) -> None:
        """Labels follow the document's language (`lang`), already switched by the caller."""
        self._fill_add_menu()
        self.refresh()

    def _schedule(self) -> None:
        if not self.isVisible():  # behind another tab: recomputed when shown (a 50,000-unit
            self._behind = True   # group's budget after every edit was a 50 ms pause)
            return
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._behind:
            self._behind = False
            self.refresh(keep_items=True)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        action = self.add_menu.addAction(self.tr("Blank item"))
        action.triggered.connect(lambda: self.add_item())
        for preset in load_defaults().presets:
            action = self.add_menu.addAction(preset.label(self.lang))
            action.setObjectName(f"budgetPreset-{preset.id}")
            action.triggered.connect(lambda _=False, p=preset: self.add_item(p))

    # ---- showing ---------------------------------------------------------------------
    def refresh(self, keep_items: bool = False) -> None:
        """Show the model. `keep_items`: the design changed (an edit anywhere) — the item
        table is rebuilt only if what it shows changed. Otherwise (the panel's own edits,
        a refused value) it is rebuilt from the model in any case."""
        self._timer.stop()
        if not keep_items:
            self._shown_items = None
        enabled = self.ctrl is not None
        for w in (self.items, self.add_button, self.remove_button, self.years,
                  self.cost_model, self.ringi):
            w.setEnabled(enabled)
        if not enabled:
            self.items.setRowCount(0)
            self.totals.setColumnCount(0)
            self.message.clear()
            return
        design = self.ctrl.design
        try:
            self.budget = compute_budget(design, overrides=self.overrides)
            self.message.setText(self.tr("Rates are illustrative defaults unless set in the "
                                         "design or in the settings."))
        except BudgetError as exc:
            self.budget = None
            self.message.setText(exc_text(exc, current_language()))
        n = design.budget.years
        labels = [y.label(self.lang) for y in self.budget.years] if self.budget else \
            [f"{i + 1}" for i in range(n)]
        self._loading = True
        try:
            self.years.set_value(n)
            self.cost_model.load(design, self.lang)
            self.ringi.load(design, self.lang)
            self._fill_items(labels)
            self._fill_totals(labels)
        finally:
            self._loading = False

    def _fill_items(self, labels: list[str]) -> None:
        design, lang = self.ctrl.design, self.lang
        companies = [("", "—")] + [(cid, c.display_name(lang))
                                   for cid, c in design.companies.items()]
        # an edit elsewhere (a unit renamed) leaves the table as it is: rebuilding its rows
        # of combo boxes took 13 ms after every edit of a large group
        shown = (lang, labels, companies, [repr(c) for c in design.costs.values()])
        if shown == self._shown_items and self.items.rowCount() == len(design.costs):
            return
        self._shown_items = shown
        self.items.clearContents()
        self.items.setColumnCount(FIRST_AMOUNT + len(labels))
        self.items.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Category"), self.tr("CAPEX/OPEX"),
             self.tr("Recurring"), self.tr("Currency"), self.tr("Taxable"),
             self.tr("Paid by"), self.tr("Bought from (group)")] + labels)
        self.items.horizontalHeaderItem(COL_SUPPLIER).setToolTip(self.tr(
            "A service bought from a group company is an internal transfer: shown in the "
            "workbook, never counted twice"))
        self.items.setRowCount(len(design.costs))
        for r, item in enumerate(design.costs.values()):
            name = QTableWidgetItem(item.name)
            name.setData(ID_ROLE, item.id)
            self.items.setItem(r, COL_NAME, name)
            for col, enum, value, field in (
                    (COL_CATEGORY, CostCategory, item.category, "category"),
                    (COL_EXPENDITURE, Expenditure, item.expenditure, "expenditure")):
                combo = EnumCombo(enum, lang)
                combo.set_value(value.value)
                combo.committed.connect(
                    lambda v, cid=item.id, f=field: self._update(cid, {f: v}))
                self.items.setCellWidget(r, col, combo)
            rec = QTableWidgetItem()
            rec.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsSelectable)
            rec.setCheckState(Qt.CheckState.Checked if item.recurring else
                              Qt.CheckState.Unchecked)
            self.items.setItem(r, COL_RECURRING, rec)
            self.items.setItem(r, COL_CURRENCY, QTableWidgetItem(item.currency))
            tax = QTableWidgetItem()
            tax.setFlags(rec.flags())
            tax.setCheckState(Qt.CheckState.Checked if item.taxable else Qt.CheckState.Unchecked)
            self.items.setItem(r, COL_TAXABLE, tax)
            for col, field, value in ((COL_PAYER, "company", item.company),
                                      (COL_SUPPLIER, "supplier", item.supplier)):
                combo = EnumCombo(companies, lang)
                combo.set_value(value)
                combo.committed.connect(
                    lambda v, cid=item.id, f=field: self._update(cid, {f: v}))
                self.items.setCellWidget(r, col, combo)
            for i, amount in enumerate(resolve_amounts(item, len(labels))):
                cell = QTableWidgetItem(_amount_text(amount))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.items.setItem(r, FIRST_AMOUNT + i, cell)
        self.items.resizeColumnsToContents()

    def _fill_totals(self, labels: list[str]) -> None:
        b = self.budget
        self.totals.setColumnCount(len(labels) + 1)
        self.totals.setHorizontalHeaderLabels(labels + [self.tr("Total")])
        rows = ([b.new_money, b.reallocated, b.total_per_year, b.tax] if b else
                [(None,) * len(labels)] * len(TOTAL_ROWS))
        for r, values in enumerate(rows):
            full = list(values) + ([sum(values)] if b else [None])
            for c, v in enumerate(full):
                cell = QTableWidgetItem("—" if v is None else f"¥{v:,}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.totals.setItem(r, c, cell)
        self.totals.resizeColumnsToContents()
        # every row visible: new money against total cost is what the panel is for
        t = self.totals
        bar = t.horizontalScrollBar().sizeHint().height()
        t.setFixedHeight(t.horizontalHeader().height() + t.verticalHeader().length()
                         + 2 * t.frameWidth() + bar)

    # ---- editing ---------------------------------------------------------------------
    def _push(self, op: ops.Op, text: str) -> bool:
        if self.ctrl is None or self._loading:
            return False
        ok = self.ctrl.push(op, text)
        # show the model's value (the clean one, or the old one if refused) once the signal
        # that brought us here has returned: refreshing rebuilds the table's items
        QTimer.singleShot(0, self.refresh)
        return ok

    def _update(self, cost_id: str, changes: dict[str, Any]) -> bool:
        return self._push(ops.UpdateCost(cost_id, changes), self.tr("Edit cost item"))

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or self.ctrl is None:
            return
        name_cell = self.items.item(cell.row(), COL_NAME)
        cost_id = name_cell.data(ID_ROLE) if name_cell else None
        item = self.ctrl.design.costs.get(cost_id)
        if item is None:
            return
        col = cell.column()
        if col == COL_NAME:
            self._update(cost_id, {"name": cell.text()})
        elif col == COL_RECURRING:
            self._update(cost_id, {"recurring": cell.checkState() == Qt.CheckState.Checked})
        elif col == COL_CURRENCY:
            self._update(cost_id, {"currency": cell.text().strip()})
        elif col == COL_TAXABLE:
            self._update(cost_id, {"taxable": cell.checkState() == Qt.CheckState.Checked})
        elif col >= FIRST_AMOUNT:
            self._amount_changed(item, col - FIRST_AMOUNT, cell.text())

    def _amount_changed(self, item: CostItem, year: int, text: str) -> None:
        try:
            value = Decimal(text.replace(",", "").replace("¥", "").strip() or "0")
            if not value.is_finite() or value < 0:
                raise InvalidOperation
        except InvalidOperation:
            self.refresh()
            self.message.setText(self.tr("Not an amount: %1").replace("%1", text))
            return
        n = self.items.columnCount() - FIRST_AMOUNT
        # keep what the table shows for the other years, and any years beyond the budget
        amounts = list(resolve_amounts(item, n)) + list(item.amounts[n:])
        amounts[year] = value
        self._update(item.id, {"amounts": amounts})

    def _push_budget(self, changes: dict[str, Any], text: str) -> bool:
        return self._push(ops.UpdateBudget(changes), text)

    def message_text(self, text: str) -> None:
        self.refresh()
        self.message.setText(text)

    def add_item(self, preset: Any = None) -> bool:
        if self.ctrl is None:
            return False
        design = self.ctrl.design
        n = design.budget.years
        if preset is None:
            item = CostItem(design.new_id("k"), self.tr("New cost item"),
                            amounts=[Decimal(0)] * n, currency=load_defaults().currency)
        else:
            item = CostItem(design.new_id("k"), preset.label(self.lang), preset.category,
                            preset.expenditure, preset.recurring, [preset.amount],
                            preset.currency)
        return self._push(ops.AddCost(item), self.tr("Add cost item"))

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.items.selectedIndexes()})
        return [self.items.item(r, COL_NAME).data(ID_ROLE) for r in rows
                if self.items.item(r, COL_NAME) is not None]

    def remove_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        return self._push(ops.Batch([ops.RemoveCost(i) for i in ids]),
                          self.tr("Remove cost item"))


def export_budget_workbook(parent: QWidget | None, controller: Any,
                           path: str | None = None) -> Path | None:
    """Ask where to save (unless `path` is given), write the workbook, report errors in a
    message box. Returns the written path, or None if cancelled or failed."""
    from orgdesigner.budget.workbook import diagram_png_for, write_workbook

    lang = getattr(controller, "lang", "en")
    if path is None:
        doc = getattr(controller, "path", None)
        from orgdesigner.gui.dialogs.documents import start_folder

        start = str(Path(doc).with_name(Path(doc).stem + "-budget.xlsx")) if doc else \
            str(start_folder(controller) / "budget.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("BudgetExport", "Export budget workbook"), start,
            QCoreApplication.translate("BudgetExport", "Excel workbook (*.xlsx)"))
        if not path:
            return None
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        png = diagram_png_for(controller.design, lang)
        write_workbook(controller.design, out, lang=lang, diagram_png=png,
                       overrides=_settings())
    except (BudgetError, OSError) as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent, QCoreApplication.translate("BudgetExport", "Export budget workbook"),
            QCoreApplication.translate("BudgetExport", "The budget workbook could not be "
                                       "written:") + f"\n{exc_text(exc, current_language())}")
        return None
    QApplication.restoreOverrideCursor()
    status = getattr(controller, "statusMessage", None)
    if status is not None:
        status.emit(QCoreApplication.translate("BudgetExport", "Budget workbook written to %1")
                    .replace("%1", str(out)))
    return out

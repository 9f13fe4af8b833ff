"""The budget dock's two input pages: the cost model (bonus, welfare, office, pay rise,
contingency, tax, depreciation, 24x7 option, group allocation) and the 稟議 cover (件名,
目的・期待効果, 予算区分, 勘定科目, 起案部署, 合議先).

Each field commits one `UpdateBudget` through `push`; an empty number field means "use the
settings or the shipped default", shown as the placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.budget import load_defaults, role_key, role_options
from orgdesigner.gui.panels.inspector.fields import EnumCombo, LineField, TextField
from orgdesigner.model import AllocationKey, BudgetStatus, Design, SocOption

NUMBERS = ("bonus_months", "welfare_rate", "office_per_head", "pay_rise", "contingency",
           "tax_rate", "depreciation_years", "soc_price")
PERCENT = frozenset({"welfare_rate", "pay_rise", "contingency", "tax_rate"})
WHOLE = frozenset({"office_per_head", "depreciation_years", "soc_price"})
TEXTS = ("subject", "account", "department")


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    d = Decimal(value)
    if key in PERCENT:
        d = d * 100
    return f"{d.normalize():f}" if d == d.to_integral_value() else f"{d.normalize()}"


def parse_number(key: str, text: str) -> Decimal | int | None:
    """The model value of what was typed: '' → None (default), '16' → 0.16 for a percent;
    raises InvalidOperation for text that is not a number."""
    text = text.replace(",", "").replace("%", "").replace("¥", "").strip()
    if not text:
        return None
    d = Decimal(text)
    if not d.is_finite():
        raise InvalidOperation
    if key in WHOLE:
        if d != d.to_integral_value():
            raise InvalidOperation
        return int(d)
    return d / 100 if key in PERCENT else d


class CostModelForm(QWidget):
    """The cost model's inputs for the design."""

    def __init__(self, push: Callable[[dict[str, Any], str], bool], error: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetCostModel")
        self._push, self._error = push, error
        self.fields: dict[str, LineField] = {}
        form = QFormLayout(self)
        labels = {
            "bonus_months": self.tr("Bonus (months of base pay)"),
            "welfare_rate": self.tr("Statutory welfare (%)"),
            "office_per_head": self.tr("Office and equipment per head (¥/year)"),
            "pay_rise": self.tr("Annual pay rise (%)"),
            "contingency": self.tr("Contingency (% of new money)"),
            "tax_rate": self.tr("Consumption tax (%)"),
            "depreciation_years": self.tr("Depreciation of CAPEX (years)"),
            "soc_price": self.tr("Outsourced SOC/MSS (¥/year)"),
        }
        self.soc = EnumCombo(SocOption, "en")
        self.soc.setObjectName("budget-soc")
        self.allocation = EnumCombo(AllocationKey, "en")
        self.allocation.setObjectName("budget-allocation")
        for key in NUMBERS:
            f = LineField()
            f.setObjectName(f"budget-{key}")
            f.setMaximumWidth(140)
            f.committed.connect(lambda text, k=key: self._number(k, text))
            self.fields[key] = f
            if key == "soc_price":
                form.addRow(self.tr("24x7 cover"), self.soc)
            form.addRow(labels[key], f)
        form.addRow(self.tr("Group allocation key"), self.allocation)
        self.fx_date = LineField()
        self.fx_date.setObjectName("budget-fx_date")
        self.fx_date.setPlaceholderText(self.tr("e.g. 2026-11-30 (TTM)"))
        self.fx_date.committed.connect(
            lambda v: self._push({"fx_date": v.strip()}, self.tr("Change budget assumption")))
        form.addRow(self.tr("FX rates as of"), self.fx_date)
        # this design's base pay per role; an empty cell uses the settings or the default
        self.rates = QTableWidget(0, 2)
        self.rates.setObjectName("budgetRoleRates")
        self.rates.setHorizontalHeaderLabels([self.tr("Role"),
                                              self.tr("This design (¥/year)")])
        self.rates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.rates.setToolTip(self.tr("Annual base pay per role for this design; empty uses "
                                      "the settings or the shipped default"))
        self.rates.verticalHeader().setVisible(False)
        self.rates.setMinimumHeight(120)
        self.rates.itemChanged.connect(self._rate_changed)
        form.addRow(self.rates)
        self._loading = False
        self.soc.committed.connect(
            lambda v: self._push({"soc": v}, self.tr("Change 24x7 option")))
        self.allocation.committed.connect(
            lambda v: self._push({"allocation": v}, self.tr("Change allocation key")))

    def _number(self, key: str, text: str) -> None:
        try:
            value = parse_number(key, text)
        except (InvalidOperation, ValueError):
            self._error(self.tr("Not a number: %1").replace("%1", text))
            return
        self._push({key: value}, self.tr("Change budget assumption"))

    def _rate_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() != 1:
            return
        key = self.rates.item(cell.row(), 0).data(Qt.ItemDataRole.UserRole)
        text = cell.text().replace(",", "").replace("¥", "").strip()
        # one entry per role, however it was spelt before ("Analyst", "analyst")
        rates = {k: v for k, v in self._design_rates.items() if role_key(k) != key}
        if text:
            try:
                value = parse_number("office_per_head", text)  # whole yen
            except (InvalidOperation, ValueError):
                self._error(self.tr("Not a number: %1").replace("%1", text))
                return
            rates[key] = value
        self._push({"role_rates": rates}, self.tr("Change role rate"))

    def load(self, design: Design, lang: str) -> None:
        d = load_defaults()
        b = design.budget
        self._design_rates = dict(b.role_rates)
        self.fx_date.set_value(b.fx_date)
        self._loading = True
        try:
            own = {role_key(k): v for k, v in b.role_rates.items()}
            options = role_options(design)
            self.rates.setRowCount(len(options))
            for r, opt in enumerate(options):
                name = QTableWidgetItem(opt.label(lang))
                name.setData(Qt.ItemDataRole.UserRole, opt.key)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                mine = own.get(opt.key)
                value = QTableWidgetItem("" if mine is None else f"{mine:,}")
                value.setToolTip(self.tr("Empty: %1 from the settings or the shipped default")
                                 .replace("%1", f"¥{opt.rate:,}"))
                value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rates.setItem(r, 0, name)
                self.rates.setItem(r, 1, value)
        finally:
            self._loading = False
        for key, f in self.fields.items():
            f.set_value(_shown(key, getattr(b, key)))
            if key == "soc_price":
                default: Any = d.always_on.soc_price if d.always_on else ""
            else:
                default = d.params[key].value
            f.setPlaceholderText(_shown(key, default))
        for combo, value in ((self.soc, b.soc), (self.allocation, b.allocation)):
            combo.set_language(lang)
            combo.set_value(value.value)


class RingiForm(QWidget):
    """The 稟議 cover's fields."""

    def __init__(self, push: Callable[[dict[str, Any], str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetRingi")
        self._push = push
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.fields: dict[str, LineField] = {}
        labels = {"subject": self.tr("Subject (件名)"), "account": self.tr("Account (勘定科目)"),
                  "department": self.tr("Drafting department (起案部署)")}
        for key in TEXTS:
            f = LineField()
            f.setObjectName(f"budget-{key}")
            f.committed.connect(lambda text, k=key: self._push(
                {k: text.strip()}, self.tr("Edit approval cover")))
            self.fields[key] = f
            form.addRow(labels[key], f)
        self.purpose = TextField()
        self.purpose.setObjectName("budget-purpose")
        self.purpose.setMaximumHeight(70)
        self.purpose.committed.connect(
            lambda text: self._push({"purpose": text.strip()}, self.tr("Edit approval cover")))
        form.insertRow(1, self.tr("Purpose and expected effect"), self.purpose)
        self.status = EnumCombo(BudgetStatus, "en")
        self.status.setObjectName("budget-status")
        self.status.committed.connect(
            lambda v: self._push({"budget_status": v}, self.tr("Edit approval cover")))
        form.addRow(self.tr("Budget status (予算区分)"), self.status)
        self.consult = LineField()
        self.consult.setObjectName("budget-consultees")
        self.consult.committed.connect(self._consultees)
        form.addRow(self.tr("Departments consulted (合議先)"), self.consult)
        self._placeholder: tuple[Design, str, str] | None = None  # to show when seen

    def _consultees(self, text: str) -> None:
        names = [x.strip() for x in text.replace("、", ",").split(",") if x.strip()]
        self._push({"consultees": names}, self.tr("Edit approval cover"))

    def load(self, design: Design, lang: str) -> None:
        b = design.budget
        for key, f in self.fields.items():
            f.set_value(getattr(b, key))
        self.fields["subject"].setPlaceholderText(design.metadata.title or "")
        self.purpose.set_value(b.purpose)
        self.status.set_language(lang)
        self.status.set_value(b.budget_status.value)
        sep = "、" if lang == "ja" else ", "
        self.consult.set_value(sep.join(b.consultees))
        # empty: the consensus flows decide; show them as the placeholder — worked out
        # when the cover is seen (a CSIRT of a 50,000-unit group has 25,000 flows to look
        # through, after every edit)
        self._placeholder = (design, lang, sep)
        if self.isVisible():
            self._show_placeholder()

    def _show_placeholder(self) -> None:
        from orgdesigner.budget.extras import consensus_units

        if self._placeholder is not None:
            design, lang, sep = self._placeholder
            self._placeholder = None
            self.consult.setPlaceholderText(sep.join(consensus_units(design, lang)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._show_placeholder()

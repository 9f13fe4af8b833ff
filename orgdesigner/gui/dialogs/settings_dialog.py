"""The settings dialog: language, default currency, budget rates and cost model, autosave.

Rates start from the shipped illustrative defaults (`budget/defaults`); only values the
user actually changes are stored in the settings, so the budget workbook can keep telling
an approver which figures are still the illustrative ones.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import settings as settings_mod
from orgdesigner.formats.atomic import WriteError
from orgdesigner.gui.i18n.language import current_language
from orgdesigner.messages import exc_text, text_of
from orgdesigner.settings import Settings

_KEY = Qt.ItemDataRole.UserRole
LANGUAGES = (("en", "English"), ("ja", "日本語"))
CURRENCIES = ("JPY", "USD", "EUR")


def _defaults():  # the budget package is optional at import time
    try:
        from orgdesigner.budget.defaults import load_defaults

        return load_defaults()
    except Exception:  # noqa: BLE001 - missing or broken defaults: edit without them
        return None


class SettingsDialog(QDialog):
    """Edits a copy of `settings`; on OK validates, saves and emits `applied`."""

    applied = Signal(object)  # the saved Settings

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None,
                 path=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.original = settings if settings is not None else settings_mod.load_settings()
        self.settings = dataclasses.replace(self.original, warnings=[])
        self.path = path
        self.defaults = _defaults()
        self._build()
        self._load(self.settings)

    # ---- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        form.addRow(self.tr("Language of labels and reports:"), self.language)
        self.currency = QComboBox()
        self.currency.setObjectName("currencyCombo")
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setValidator(QRegularExpressionValidator(
            QRegularExpression("[A-Za-z]{3,8}"), self))
        form.addRow(self.tr("Default currency of new designs:"), self.currency)
        self.autosave = QSpinBox()
        self.autosave.setObjectName("autosaveSpin")
        self.autosave.setRange(0, settings_mod.AUTOSAVE_RANGE[1])
        self.autosave.setSingleStep(30)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setSpecialValueText(self.tr("Off"))
        form.addRow(self.tr("Save unsaved work for recovery every:"), self.autosave)
        layout.addWidget(general)

        budget = QGroupBox(self.tr("Budget assumptions"))
        bl = QVBoxLayout(budget)
        note = QLabel(self.tr("Annual base pay per full-time member in yen (12 months, before "
                              "bonus); the loaded cost adds the bonus, statutory welfare and "
                              "office costs below. The shipped figures are illustrative; a "
                              "design can override them too."))
        note.setWordWrap(True)
        bl.addWidget(note)
        self.rates = QTableWidget(0, 2)
        self.rates.setObjectName("roleRatesTable")
        self.rates.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Annual base pay (¥)")])
        self.rates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates.verticalHeader().hide()
        self.rates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        bl.addWidget(self.rates)
        row = QHBoxLayout()
        self.add_role = QPushButton(self.tr("Add role"))
        self.add_role.setObjectName("addRoleButton")
        self.add_role.clicked.connect(lambda: self._add_row("", 0, editable_key=True, edit=True))
        self.remove_role = QPushButton(self.tr("Remove role"))
        self.remove_role.setObjectName("removeRoleButton")
        self.remove_role.clicked.connect(self._remove_row)
        self.reset = QPushButton(self.tr("Reset to the shipped figures"))
        self.reset.setObjectName("resetRatesButton")
        self.reset.clicked.connect(self._reset_rates)
        row.addWidget(self.add_role)
        row.addWidget(self.remove_role)
        row.addStretch(1)
        row.addWidget(self.reset)
        bl.addLayout(row)
        mform = QFormLayout()
        # cost-model inputs: key → (spin box, shown = stored × factor)
        self.model_spins: dict[str, tuple[QDoubleSpinBox, int]] = {}
        for key, label, high, decimals, step, factor in (
                ("bonus_months", self.tr("Bonus (months of base pay a year):"), 12, 2, 0.5, 1),
                ("welfare_rate", self.tr("Statutory welfare (%):"), 100, 2, 0.5, 100),
                ("office_per_head", self.tr("Office and equipment per head (¥ a year):"),
                 100_000_000, 0, 100_000, 1),
                ("pay_rise", self.tr("Annual pay rise (%):"), 100, 2, 0.5, 100),
                ("contingency", self.tr("Contingency (% of new money):"), 100, 1, 1, 100)):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"{key}Spin")
            spin.setRange(0, high)
            spin.setDecimals(decimals)
            spin.setSingleStep(step)
            mform.addRow(label, spin)
            self.model_spins[key] = (spin, factor)
        bl.addLayout(mform)
        layout.addWidget(budget)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 560)

    def _add_row(self, key: str, rate: int, *, label: str = "", editable_key: bool,
                 edit: bool = False) -> None:
        r = self.rates.rowCount()
        self.rates.insertRow(r)
        name = QTableWidgetItem(label or key)
        name.setData(_KEY, key if not editable_key else None)
        if not editable_key:
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setToolTip(key)
        value = QTableWidgetItem()
        value.setData(Qt.ItemDataRole.EditRole, int(rate))
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rates.setItem(r, 0, name)
        self.rates.setItem(r, 1, value)
        if edit:
            self.rates.setCurrentCell(r, 0)
            self.rates.editItem(name)

    def _remove_row(self) -> None:
        r = self.rates.currentRow()
        if r >= 0 and self.rates.item(r, 0).data(_KEY) is None:  # shipped roles stay
            self.rates.removeRow(r)

    def _lang(self) -> str:
        return self.language.currentData() or "en"

    def _fill_rates(self, overrides: dict[str, int]) -> None:
        self.rates.setRowCount(0)
        shipped = dict(self.defaults.roles) if self.defaults else {}
        for key, role in shipped.items():
            self._add_row(key, overrides.get(key, role.rate), label=role.label(self._lang()),
                          editable_key=False)
        for key, rate in overrides.items():
            if key not in shipped:
                self._add_row(key, rate, editable_key=True)

    def _reset_rates(self) -> None:
        self._fill_rates({})
        self._fill_model({})

    def _fill_model(self, overrides: dict[str, Decimal]) -> None:
        for key, (spin, factor) in self.model_spins.items():
            value = overrides.get(key)
            if value is None and self.defaults is not None:
                value = self.defaults.params[key].value
            spin.setValue(float((value or Decimal(0)) * factor))

    def _load(self, s: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.currency.setCurrentText(s.currency)
        self.autosave.setValue(s.autosave_interval_s)
        self._fill_rates(s.role_rates)
        self._fill_model(s.cost_model)

    # ---- result ----------------------------------------------------------------------------
    def collect(self) -> Settings:
        """The settings as edited; raises ValueError naming the first bad value.

        Starts from the file as it is now, so recent files added while the dialog was open
        (by another window) are kept."""
        s = settings_mod.load_settings(self.path)
        s.warnings = []
        s.language = self._lang()
        s.currency = settings_mod._currency(self.currency.currentText())
        interval = self.autosave.value()
        if 0 < interval < settings_mod.AUTOSAVE_RANGE[0]:
            interval = settings_mod.AUTOSAVE_RANGE[0]
        s.autosave_interval_s = interval
        shipped = dict(self.defaults.roles) if self.defaults else {}
        rates: dict[str, int] = {}
        for r in range(self.rates.rowCount()):
            name_item, value_item = self.rates.item(r, 0), self.rates.item(r, 1)
            key = name_item.data(_KEY) or name_item.text().strip()
            if not key:
                raise ValueError(self.tr("Row {0}: the role needs a name.").format(r + 1))
            if key in rates:
                raise ValueError(self.tr("The role “{0}” is listed twice.").format(key))
            try:
                rate = int(str(value_item.data(Qt.ItemDataRole.EditRole)).replace(",", ""))
            except ValueError:
                raise ValueError(self.tr("The cost for “{0}” is not a whole number of yen.")
                                 .format(key)) from None
            if rate < 0:
                raise ValueError(self.tr("The cost for “{0}” is negative.").format(key))
            rates[key] = rate
        s.role_rates = {k: v for k, v in rates.items()
                        if k not in shipped or shipped[k].rate != v}
        model: dict[str, Decimal] = {}
        for key, (spin, factor) in self.model_spins.items():
            value = Decimal(str(round(spin.value(), spin.decimals()))) / factor
            default = self.defaults.params[key].value if self.defaults else None
            if default is None or value != default:  # only what differs is kept
                model[key] = value
        s.cost_model = model
        return s

    def accept(self) -> None:
        try:
            new = self.collect()
            settings_mod.save_settings(new, self.path)
        except (ValueError, WriteError) as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings not saved"),
                              exc_text(exc, current_language()), QMessageBox.StandardButton.Ok,
                              self)
            box.setObjectName("settingsErrorBox")
            box.exec()
            return
        self.settings = new
        self.applied.emit(new)
        super().accept()


def show_settings_warnings(parent: QWidget | None, settings: Settings) -> bool:
    """Tell the user what was wrong with their settings file (call once at start-up)."""
    if not settings.warnings:
        return False
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("SettingsDialog", "Settings"),
                      QCoreApplication.translate("SettingsDialog",
                                                 "Some settings could not be used."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("settingsWarningBox")
    lang = current_language()  # the warnings are worded in the UI language (messages.py)
    box.setInformativeText("\n\n".join(text_of(w, lang) for w in settings.warnings))
    box.exec()
    return True

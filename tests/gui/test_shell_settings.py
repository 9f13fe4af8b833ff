"""Settings dialog and the corrupt-settings warning, driven through real widgets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from orgdesigner import settings as settings_mod
from orgdesigner.budget.defaults import load_defaults
from orgdesigner.gui.dialogs.settings_dialog import SettingsDialog, show_settings_warnings

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch):
    shown: list[dict] = []

    def fake_exec(box):
        shown.append({"name": box.objectName(), "text": box.text(),
                      "info": box.informativeText()})
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _ok(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _row(dialog: SettingsDialog, key: str) -> int:
    for r in range(dialog.rates.rowCount()):
        item = dialog.rates.item(r, 0)
        if (item.data(Qt.ItemDataRole.UserRole) or item.text()) == key:
            return r
    raise AssertionError(key)


def test_shows_shipped_rates_and_saves_only_what_changed(qtbot):
    d = SettingsDialog(settings_mod.Settings(language="en"))
    qtbot.addWidget(d)
    defaults = load_defaults()
    assert d.rates.rowCount() == len(defaults.roles)
    r = _row(d, "analyst")
    assert d.rates.item(r, 1).data(Qt.ItemDataRole.EditRole) == defaults.roles["analyst"].rate
    bonus, _ = d.model_spins["bonus_months"]
    welfare, _ = d.model_spins["welfare_rate"]
    assert bonus.value() == pytest.approx(float(defaults.params["bonus_months"].value))
    assert welfare.value() == pytest.approx(100 * float(defaults.params["welfare_rate"].value))
    d.rates.item(r, 1).setData(Qt.ItemDataRole.EditRole, 7_200_000)
    d.language.setCurrentIndex(d.language.findData("ja"))
    d.currency.setCurrentText("usd")
    d.autosave.setValue(120)
    bonus.setValue(5)
    with qtbot.waitSignal(d.applied) as sig:
        _ok(qtbot, d)
    saved = settings_mod.load_settings()
    assert saved == sig.args[0]
    assert saved.role_rates == {"analyst": 7_200_000}
    assert saved.cost_model == {"bonus_months": Decimal(5)}  # only what differs
    assert (saved.language, saved.currency, saved.autosave_interval_s) == ("ja", "USD", 120)


def test_labels_follow_the_language_and_custom_roles_are_kept(qtbot):
    s = settings_mod.Settings(language="ja", role_rates={"法務担当": 8_000_000})
    d = SettingsDialog(s)
    qtbot.addWidget(d)
    assert d.rates.item(_row(d, "manager"), 0).text() == "CSIRT 責任者"
    r = _row(d, "法務担当")
    assert d.rates.item(r, 1).data(Qt.ItemDataRole.EditRole) == 8_000_000
    d.rates.setCurrentCell(_row(d, "manager"), 0)
    d.remove_role.click()  # shipped roles cannot be removed
    assert d.rates.rowCount() == len(load_defaults().roles) + 1
    d.rates.setCurrentCell(r, 0)
    d.remove_role.click()
    _ok(qtbot, d)
    assert settings_mod.load_settings().role_rates == {}


def test_bad_input_is_refused_with_a_message_and_nothing_saved(qtbot, boxes):
    settings_mod.save_settings(settings_mod.Settings(currency="EUR"))
    before = settings_mod.settings_path().read_bytes()
    d = SettingsDialog()
    qtbot.addWidget(d)
    d.add_role.click()
    d.rates.item(d.rates.rowCount() - 1, 1).setData(Qt.ItemDataRole.EditRole, 5)
    d.show()
    _ok(qtbot, d)
    assert boxes and boxes[0]["name"] == "settingsErrorBox" and "needs a name" in boxes[0]["text"]
    assert d.isVisible() and d.result() == 0
    d.rates.item(d.rates.rowCount() - 1, 0).setText("analyst")
    _ok(qtbot, d)
    assert "listed twice" in boxes[1]["text"]
    assert settings_mod.settings_path().read_bytes() == before


def test_reset_restores_the_shipped_figures(qtbot):
    d = SettingsDialog(settings_mod.Settings(role_rates={"analyst": 1},
                                             cost_model={"welfare_rate": Decimal("0.2")}))
    qtbot.addWidget(d)
    d.reset.click()
    _ok(qtbot, d)
    saved = settings_mod.load_settings()
    assert saved.role_rates == {} and saved.cost_model == {}


def test_short_autosave_interval_is_raised_to_the_minimum(qtbot):
    d = SettingsDialog()
    qtbot.addWidget(d)
    d.autosave.setValue(3)
    _ok(qtbot, d)
    assert settings_mod.load_settings().autosave_interval_s == settings_mod.AUTOSAVE_RANGE[0]


def test_recent_files_added_meanwhile_survive_the_dialog(qtbot, tmp_path):
    d = SettingsDialog()
    qtbot.addWidget(d)
    f = tmp_path / "途中で開いた.orgd"
    f.write_text("{}")
    settings_mod.remember_file(f)
    _ok(qtbot, d)
    assert settings_mod.load_settings().recent_files == [str(f)]


def test_corrupt_settings_file_warns_visibly(boxes):
    p = settings_mod.settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("{ this is not json", encoding="utf-8")
    s = settings_mod.load_settings()
    assert show_settings_warnings(None, s)
    [box] = boxes
    assert box["name"] == "settingsWarningBox"
    assert "backed up" in box["info"] and ".corrupt-" in box["info"]
    assert not show_settings_warnings(None, settings_mod.load_settings())
    assert len(boxes) == 1

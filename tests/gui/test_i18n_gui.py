"""The desktop app in Japanese: started in Japanese, or switched while running (and back),
with menus, docks, actions, refusals and the canvas's labels in the chosen language."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QMessageBox

from orgdesigner.gui.i18n import language as i18n
from orgdesigner.gui.i18n.retranslate import catalogue
from orgdesigner.model import Flow, FlowKind
from orgdesigner.render.style import box_size

MENUS_JA = {"menu_file": "ファイル(&F)", "menu_edit": "編集(&E)", "menu_view": "表示(&V)",
            "menu_diagram": "図(&D)", "menu_tools": "ツール(&T)", "menu_help": "ヘルプ(&H)"}
MENUS_EN = {"menu_file": "&File", "menu_edit": "&Edit", "menu_view": "&View",
            "menu_diagram": "&Diagram", "menu_tools": "&Tools", "menu_help": "&Help"}


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Translators are process-wide: every test leaves the app in English."""
    yield
    i18n.install_translators("en")


def _menus(window) -> dict[str, str]:
    return {name: getattr(window, name).title() for name in MENUS_JA}


def _english_left(window) -> list[str]:
    """Texts on screen that the catalogue translates but that are still in English."""
    english = {src for src, ja in catalogue("ja").any_forward.items() if src != ja}
    found = []
    for obj in [window, *window.findChildren(QAction), *window.findChildren(QMenu),
                *window.findChildren(QDockWidget), *window.findChildren(QLabel)]:
        if isinstance(obj, QAction):
            texts = [obj.text()]
        elif isinstance(obj, QMenu):
            texts = [obj.title()]
        elif isinstance(obj, QLabel):
            texts = [obj.text()]
        else:
            texts = [obj.windowTitle()]
        found += [t for t in texts if t in english]
    return found


def test_switching_to_japanese_and_back_at_once(window, doc):
    ctrl, _view = doc
    assert _menus(window) == MENUS_EN
    window.set_language("ja")
    assert i18n.current_language() == "ja"
    assert _menus(window) == MENUS_JA
    assert window.inspector_dock.windowTitle() == "プロパティ"
    assert window.legend_dock.windowTitle() == "凡例"
    assert window.act.save.text() == "上書き保存(&S)"
    assert window.act.open.text() == "開く(&O)…"
    assert window.action_undo.text().startswith("元に戻す(&U)")
    assert window.action_redo.text().startswith("やり直し(&R)")
    assert window.act.flow_kinds[FlowKind.DELEGATION].text().endswith("権限委譲")
    assert _english_left(window) == []
    # content labels follow: the palette, the open document's canvas and its language
    assert ctrl.lang == "ja" and ctrl.scene.lang == "ja"
    unit = ctrl.design.units["m"]
    assert ctrl.scene.unit_items["m"].w == pytest.approx(box_size(unit, "ja")[0])

    window.set_language("en")
    assert i18n.current_language() == "en"
    assert _menus(window) == MENUS_EN
    assert window.inspector_dock.windowTitle() == "Inspector"
    assert window.act.save.text() == "&Save"
    assert window.action_undo.text().startswith("&Undo")
    assert ctrl.scene.unit_items["m"].w == pytest.approx(box_size(unit, "en")[0])


def test_undo_keeps_working_after_the_switch(window, doc):
    ctrl, _view = doc
    window.set_language("ja")
    before = len(ctrl.design.units)
    window.act.select_all.trigger()
    window.act.delete.trigger()
    assert len(ctrl.design.units) == 0
    assert "削除" in window.action_undo.text()
    window.action_undo.trigger()
    assert len(ctrl.design.units) == before


def test_started_in_japanese(qtbot):
    from orgdesigner.gui.shell.main_window import MainWindow

    assert i18n.install_translators("ja")
    w = MainWindow(lang="ja")
    qtbot.addWidget(w)
    assert _menus(w) == MENUS_JA
    dock_titles = {d.windowTitle() for d in w.findChildren(QDockWidget)}
    assert {"プロパティ", "凡例", "指摘事項"} <= dock_titles
    assert _english_left(w) == []


def test_settings_dialog_language_applies_at_once(window, doc):
    from orgdesigner.settings import load_settings

    s = load_settings()
    s.language = "ja"
    window.apply_settings(s)
    assert window.menu_file.title() == "ファイル(&F)"
    assert window.analysis.findings.lang == "ja"


def test_refusals_are_shown_in_japanese(window, doc, qtbot):
    ctrl, _view = doc
    window.set_language("ja")
    with qtbot.waitSignal(ctrl.statusMessage) as sig:
        assert not ctrl.push(_flow(ctrl, "it", "m"), "x")  # IT would manage its manager
    assert "循環" in sig.args[0] and "「経営層」" in sig.args[0]
    with qtbot.waitSignal(ctrl.statusMessage) as sig:
        assert not ctrl.push(_flow(ctrl, "s", "it"), "x")  # IT already reports to m
    assert "すでに" in sig.args[0] and "配下" in sig.args[0]
    window.set_language("en")
    with qtbot.waitSignal(ctrl.statusMessage) as sig:
        ctrl.push(_flow(ctrl, "s", "it"), "x")
    assert "already reports to" in sig.args[0]


def _flow(ctrl, src: str, dst: str):
    from orgdesigner.model import ops

    return ops.AddFlow(Flow(ctrl.design.new_id("f"), src, dst, FlowKind.REPORTING))


def test_missing_japanese_font_is_said_once(qapp, monkeypatch):
    from orgdesigner.settings import load_settings

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    i18n.install_translators("ja")
    assert i18n.warn_missing_cjk_font(None, family=None)
    assert "fonts-noto-cjk" in shown[0] and "日本語" in shown[0]
    assert "cjk-font-missing" in load_settings().notices_shown
    assert not i18n.warn_missing_cjk_font(None, family=None)
    assert len(shown) == 1
    assert not i18n.warn_missing_cjk_font(None, family="Noto Sans CJK JP")


def test_catalogue_is_compiled_when_no_fresh_qm_ships(tmp_path, monkeypatch):
    """A wheel ships the .ts (and maybe a .qm with the same timestamp): the .ts is compiled
    into the cache once; a .qm that `make translations` wrote after the .ts is used as is."""
    import os
    import shutil

    ts = tmp_path / "orgdesigner_ja.ts"
    shutil.copy(i18n.ts_path("ja"), ts)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    stale = tmp_path / "orgdesigner_ja.qm"
    stale.write_bytes(b"not a catalogue")
    os.utime(stale, (ts.stat().st_mtime, ts.stat().st_mtime))
    compiled = i18n.qm_path("ja")
    assert compiled is not None and compiled.parent == i18n.cache_dir()
    assert compiled.stat().st_size > 1000
    assert i18n.qm_path("ja") == compiled  # compiled once, then reused
    later = ts.stat().st_mtime + 10
    os.utime(stale, (later, later))
    assert i18n.qm_path("ja") == stale
    assert i18n.qm_path("fr") is None

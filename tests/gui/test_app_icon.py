"""The window/taskbar icon and Qt's font database as the last way to find a Japanese font
(issue 18)."""

from __future__ import annotations

import pytest

from orgdesigner.gui.shell import app as app_mod
from orgdesigner.render import fonts

pytestmark = pytest.mark.gui


def test_the_app_has_its_icon(qapp):
    app_mod.set_app_icon(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()  # the SVG renders (the qsvg plugin ships)
    assert qapp.desktopFileName() == app_mod.APP_ID


def test_qt_font_database_is_used_when_nothing_else_finds_a_font(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    japanese = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    if not japanese:
        pytest.skip("Qt knows no Japanese font on this machine")
    try:
        family = app_mod.qt_cjk_family()
        assert family in japanese
        monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
        monkeypatch.setattr(fonts, "font_folders", lambda *a, **k: [])
        fonts.find_cjk_font.cache_clear()
        assert fonts.find_cjk_font() == fonts.FoundFont(family, "Qt")
    finally:
        fonts.set_found(None)

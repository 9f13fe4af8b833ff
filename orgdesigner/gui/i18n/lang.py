"""The UI language for content labels (unit names, enum labels): "ja" or "en"."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    """The language from the user's settings when set, else the system locale's."""
    try:
        from orgdesigner.settings import load_settings

        lang = getattr(load_settings(), "language", "")
    except Exception:  # settings not available or unreadable: the locale decides
        lang = ""
    if lang in ("ja", "en"):
        return lang
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"

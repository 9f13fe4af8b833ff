"""The UI's translations: loading the Japanese catalogue, switching language while running,
Japanese wording for the model's refusals, and the missing-CJK-font warning.

The committed source is `resources/translations/orgdesigner_ja.ts` (Qt Linguist XML).
`make translations` compiles it to a `.qm` beside it; a wheel ships only the `.ts`, so when
no up-to-date `.qm` is found the `.ts` is compiled once with the `lrelease` that comes with
PySide6-Essentials into the user's cache folder. Qt's own catalogue (`qtbase_ja.qm`, the
standard dialog buttons) is installed from PySide6 when present.

Switching language at once is `switch.apply_language` (kept apart so this module and
`retranslate.py`, which reads the catalogue found here, do not import each other).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from orgdesigner import paths

LANGUAGES = ("en", "ja")
CATALOGUE = "orgdesigner"
_installed: list[QTranslator] = []
_current = "en"


# ---- finding and compiling the catalogue ----------------------------------------------------

def translations_dir() -> Path:
    """The shipped `resources/translations` folder (a real folder in every install we make)."""
    return Path(str(paths.resource("translations")))


def ts_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.ts"


def cache_dir() -> Path:
    """Where a `.qm` compiled at run time goes: the user cache (or ORGDESIGNER_HOME)."""
    if os.environ.get("ORGDESIGNER_HOME"):
        return paths.data_dir() / "translations"
    import platformdirs

    return Path(platformdirs.user_cache_dir(paths.APP, appauthor=False)) / "translations"


def lrelease_program() -> str | None:
    """The `lrelease` shipped inside PySide6-Essentials, else one on PATH."""
    try:
        import PySide6

        base = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease", "lrelease.exe"):
            if (base / name).is_file():
                return str(base / name)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return found
    return None


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile `ts` to `qm` with lrelease, atomically; raises RuntimeError saying why not."""
    exe = lrelease_program()
    if exe is None:
        raise RuntimeError("lrelease was not found (it ships with PySide6-Essentials)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(f".{qm.name}.{os.getpid()}.tmp")
    try:
        done = subprocess.run([exe, "-silent", str(ts), "-qm", str(tmp)], capture_output=True,
                              text=True, timeout=60, check=False)
        if done.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            raise RuntimeError(f"lrelease failed: {(done.stderr or done.stdout).strip()}")
        os.replace(tmp, qm)
    finally:
        tmp.unlink(missing_ok=True)


def qm_path(lang: str) -> Path | None:
    """An up-to-date compiled catalogue for `lang`, compiling one into the cache if needed.
    None when there is no catalogue for the language or it cannot be compiled."""
    ts = ts_path(lang)
    if not ts.is_file():
        return None
    shipped = ts.with_suffix(".qm")
    # `make translations` writes the .qm after the .ts; equal times (a wheel, whose files
    # all carry one timestamp) prove nothing, so the .ts is compiled afresh then
    if shipped.is_file() and shipped.stat().st_mtime > ts.stat().st_mtime:
        return shipped
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cached = cache_dir() / f"{CATALOGUE}_{lang}-{digest}.qm"
    if cached.is_file():
        return cached
    try:
        compile_ts(ts, cached)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        print(f"orgdesigner: translations for {lang!r} unavailable: {exc}", file=sys.stderr)
        return None
    return cached


def qt_catalogue(lang: str) -> Path | None:
    """Qt's own translations (qtbase_LANG.qm) from PySide6, for standard buttons/dialogs."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidate = folder / f"qtbase_{lang}.qm"
    return candidate if candidate.is_file() else None


# ---- installing -----------------------------------------------------------------------------

class AcceleratorGaps(QTranslator):
    """Qt's own texts that its Japanese catalogue has only without the keyboard accelerator.

    The file dialog asks for "&Look in:" and "Files of &type:", and qtbase_ja.qm holds
    "Look in:" and "Files of type:" only, so those two labels stayed English in an
    otherwise Japanese dialog. Asked last (installed first), this finds the text without
    the "&" and puts the accelerator back the Japanese way: "ファイルの種類(&T):".
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base: QTranslator | None = None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if self.base is None or "&" not in (source or "") or "&&" in source:
            return ""
        i = source.index("&")
        if i + 1 >= len(source):
            return ""
        key = source[i + 1].upper()
        plain = source.replace("&", "")
        found = self.base.translate(context, plain, disambiguation, n)
        if not found or found == plain:
            return ""
        colon = next((c for c in (":", "：") if found.endswith(c)), "")
        stem = found[: len(found) - len(colon)] if colon else found
        return f"{stem}(&{key}){colon}"


def current_language() -> str:
    return _current


def install_translators(lang: str) -> bool:
    """Make `lang` the UI language for every later tr(); True if a catalogue was loaded
    (English needs none). Safe to call again: earlier translators are removed first."""
    global _current
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(t)
    _installed.clear()
    _current = lang if lang in LANGUAGES else "en"
    if _current == "en" or app is None:
        return _current == "en"
    loaded = False
    gaps = AcceleratorGaps(app)  # installed first: asked only when the others have nothing
    QCoreApplication.installTranslator(gaps)
    _installed.append(gaps)
    for path in (qt_catalogue(_current), qm_path(_current)):
        if path is None:
            continue
        t = QTranslator(app)
        if t.load(str(path)):
            QCoreApplication.installTranslator(t)
            _installed.append(t)
            if path.name.startswith("qtbase"):
                gaps.base = t
            loaded = loaded or path.name.startswith(CATALOGUE)
    return loaded


# ---- the model's refusals in the UI language -------------------------------------------------

def error_text(exc: BaseException) -> str:
    """What to show in the status bar for a refused edit, in the UI language.

    Model errors carry bilingual messages (orgdesigner.messages), so the model stays Qt-free
    and every refusal reads naturally in either language."""
    from orgdesigner.messages import exc_text

    return exc_text(exc, _current)


# ---- fonts -----------------------------------------------------------------------------------

NOTICE_CJK_FONT = "cjk-font-missing"


def cjk_font_advice() -> str:
    return QCoreApplication.translate(
        "FontWarning",
        "No font that can draw Japanese is installed, so Japanese names would show as empty "
        "boxes on the canvas and in exports.\n\nInstall one and restart OrgDesigner:\n"
        "• Debian/Ubuntu: sudo apt install fonts-noto-cjk\n"
        "• Fedora: sudo dnf install google-noto-sans-cjk-fonts\n"
        "• macOS and Windows include Japanese fonts.")


def warn_missing_cjk_font(parent: Any = None, *, family: str | None | bool = False) -> bool:
    """Once per user (the settings remember it): say which font package to install when no
    CJK font is found. True when the warning was shown now. `family` overrides the lookup
    (tests)."""
    from PySide6.QtWidgets import QMessageBox

    from orgdesigner import settings as settings_mod
    from orgdesigner.formats.atomic import WriteError
    from orgdesigner.render.style import cjk_font_family

    found = cjk_font_family() if family is False else family
    if found:
        return False
    s = settings_mod.load_settings()
    shown = getattr(s, "notices_shown", None)
    if shown is not None and NOTICE_CJK_FONT in shown:
        return False
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("FontWarning", "Japanese font missing"),
                      cjk_font_advice(), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("cjkFontWarning")
    box.exec()
    if shown is not None:
        s.notices_shown = [*shown, NOTICE_CJK_FONT]
        try:
            settings_mod.save_settings(s)
        except WriteError:
            pass
    return True

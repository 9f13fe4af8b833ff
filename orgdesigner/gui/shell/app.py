"""The desktop app's entry point: `orgdesigner [FILE …]`.

Start-up order matters for the user: the window appears first, then what needs an answer
comes over it — a warning if the settings file was damaged, the offer to recover work
after a crash, and (only when no file was given and nothing was recovered) the start
gallery. Autosave starts last, so a recovered document is snapshotted like any other.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from orgdesigner import __version__
from orgdesigner.gui.shell.clipboard import release_clipboard
from orgdesigner.gui.shell.main_window import MainWindow
from orgdesigner.paths import resource
from orgdesigner.render.fonts import FoundFont, best_family, set_found
from orgdesigner.render.style import cjk_font_family
from orgdesigner.settings import Settings, load_settings


def make_app(argv: list[str]) -> QApplication:
    # argv[0] "orgdesigner": the X11 WM_CLASS the .desktop file's StartupWMClass names
    app = QApplication.instance() or QApplication(["orgdesigner",
                                                   *argv])
    app.setApplicationName("OrgDesigner")
    app.setApplicationDisplayName("OrgDesigner")
    app.setOrganizationName("OrgDesigner")
    app.setApplicationVersion(__version__)
    app.aboutToQuit.connect(release_clipboard)
    set_app_icon(app)
    family = cjk_font_family() or qt_cjk_family()
    if family:  # widgets, not only the canvas, must draw Japanese names
        font = QFont(app.font())
        font.setFamilies([font.family(), family])
        app.setFont(font)
    return app  # type: ignore[return-value]


def qt_cjk_family() -> str | None:
    """A Japanese family from Qt's font database, for when neither fontconfig nor the font
    folders found one; exports made from the app then use it too."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    family = best_family(families)
    if family:
        set_found(FoundFont(family, "Qt"))
    return family


APP_ID = "io.github.orgdesigner.OrgDesigner"


def set_app_icon(app: QApplication) -> None:
    """The window and taskbar icon. Windows groups taskbar buttons by an explicit app id
    (otherwise it shows Python's icon); macOS and Linux take the window icon (Linux menus
    use the installed .desktop file, see `orgdesigner install-desktop`)."""
    icon = QIcon(str(resource("desktop", f"{APP_ID}.svg")))
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.setDesktopFileName(APP_ID)  # Wayland matches windows to their .desktop file by it
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
        except (AttributeError, OSError):
            pass


def fit_to_screen(window: MainWindow) -> None:
    """Most of the screen, centred: the canvas and three docks need the room."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    w = min(1680, int(area.width() * 0.94))
    h = min(1050, int(area.height() * 0.94))
    window.resize(w, h)
    w, h = window.width(), window.height()  # no smaller than the docks allow
    window.move(area.x() + max(0, (area.width() - w) // 2),
                area.y() + max(0, (area.height() - h) // 2))


def start_autosave(window: MainWindow, settings: Settings) -> None:
    from orgdesigner.gui.shell.autosave import AutosaveManager

    window.autosave = AutosaveManager(window, settings.autosave_interval_s)
    window.autosave.failed.connect(lambda m: window.statusBar().showMessage(m, 10000))
    from orgdesigner.gui.shell.heap import HeapSteward

    window.heap = HeapSteward(window.documents, window)


def start(window: MainWindow, settings: Settings, files: list[str], *,
          gallery: bool = True) -> None:
    """Everything after the window is shown: settings warnings, crash recovery, the files
    given (or the start gallery), then autosave."""
    from orgdesigner.gui.dialogs.recovery import offer_recovery
    from orgdesigner.gui.dialogs.settings_dialog import show_settings_warnings

    show_settings_warnings(window, settings)
    recovered = offer_recovery(window)
    opened = window.shell.open_paths(Path(p) for p in files)
    if gallery and not files and not recovered:
        window.shell.new_from_template()
    elif files and not opened and not recovered:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Nothing could be opened."), 10000)
    start_autosave(window, settings)


def run(argv: list[str]) -> int:
    """Start the app with the files in `argv` (paths; Qt options start with "-"); the exit
    status."""
    files = [a for a in argv if not a.startswith("-")]
    app = make_app([a for a in argv if a.startswith("-")])
    settings = load_settings()
    from orgdesigner.gui.i18n.language import install_translators, warn_missing_cjk_font

    install_translators(settings.language)  # before any widget is built with tr()
    window = MainWindow(settings.language)
    fit_to_screen(window)
    window.show()
    warn_missing_cjk_font(window)  # once per user, when Japanese would draw as boxes
    start(window, settings, files)
    return int(app.exec())

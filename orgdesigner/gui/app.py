"""The desktop app's entry point: `orgdesigner [FILE …]` opens the files given, or a blank
design when none is (the start gallery is offered by the shell once it exists)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..render.style import cjk_font_family
from .clipboard import release_clipboard
from .main_window import MainWindow


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "orgdesigner",
                                                   *argv])
    app.setApplicationName("OrgDesigner")
    app.setApplicationDisplayName("OrgDesigner")
    app.setOrganizationName("OrgDesigner")
    app.setApplicationVersion(__version__)
    app.aboutToQuit.connect(release_clipboard)
    family = cjk_font_family()
    if family:  # widgets, not only the canvas, must draw Japanese names
        font = QFont(app.font())
        font.setFamilies([font.family(), family])
        app.setFont(font)
    return app  # type: ignore[return-value]


def create_window(paths: list[str]) -> MainWindow:
    window = MainWindow()
    opened = [window.files.open_path(Path(p)) for p in paths]
    if not any(opened):
        window.files.new()
    return window


def run(argv: list[str]) -> int:
    """Start the app with the files in `argv` (paths, no program name); the exit status."""
    files = [a for a in argv if not a.startswith("-")]
    app = make_app([a for a in argv if a.startswith("-")])
    window = create_window(files)
    window.show()
    return int(app.exec())

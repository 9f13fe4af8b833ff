"""What the central area shows when no design is open: the ways to start, not a blank grey.

The buttons trigger the window's own actions (New, New from Template…, Open…, Import…),
so they do exactly what the menus do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


class WelcomePage(QWidget):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        title = QLabel(_tr("<h2>No design is open</h2>"
                           "<p>Start from one of the models in the source material, open a "
                           "design, or import your organisation from Excel or CSV.</p>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        # a wrapped label in a centring layout is sized by its one-line hint: fix the box
        title.setFixedWidth(520)
        title.setMinimumHeight(title.heightForWidth(520))
        outer.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addSpacing(12)
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setMinimumSize(QSize(280, 36))
            shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            button.setToolTip(f"{action.text().replace('&', '')}  {shortcut}".strip())
            self.buttons.append(button)
            outer.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

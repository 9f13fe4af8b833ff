"""After a crash: list the autosaves left behind and let the user recover or discard them.

Recovered documents open as *modified* (their undo stack has no clean state), so the user
sees they still need saving, and they keep their original file path so Save writes back to
where they came from (the previous file is kept as `.bak` by the atomic save).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import autosave
from orgdesigner.formats import orgd
from orgdesigner.gui.dialogs.documents import show_load_error

RECOVER, DISCARD, LATER = "recover", "discard", "later"


class RecoveryDialog(QDialog):
    """Checkable list of autosaves; `action` is RECOVER, DISCARD or LATER after it closes."""

    def __init__(self, entries: list[autosave.AutosaveEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.entries = list(entries)
        self.action = LATER
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "OrgDesigner did not close normally last time. These documents had unsaved "
            "changes that were saved automatically. Recover the ones you want to keep."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("recoveryList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Saved automatically at"),
                                   self.tr("Original file")])
        for entry in self.entries:
            item = QTreeWidgetItem([entry.title or entry.display_name(), entry.saved_at_text(),
                                    str(entry.original) if entry.original
                                    else self.tr("(never saved)")])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(2, str(entry.snapshot))
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox()
        self.recover_button = QPushButton(self.tr("&Recover"))
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setObjectName("discardButton")
        self.later_button = QPushButton(self.tr("Decide &later"))
        self.later_button.setObjectName("laterButton")
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(lambda: self._finish(RECOVER))
        self.discard_button.clicked.connect(lambda: self._finish(DISCARD))
        self.later_button.clicked.connect(lambda: self._finish(LATER))
        self.tree.itemChanged.connect(self._update_buttons)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def checked_entries(self) -> list[autosave.AutosaveEntry]:
        return [e for i, e in enumerate(self.entries)
                if self.tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def _update_buttons(self) -> None:
        any_checked = bool(self.checked_entries())
        self.recover_button.setEnabled(any_checked)
        self.discard_button.setEnabled(any_checked)

    def _finish(self, action: str) -> None:
        self.action = action
        if action == LATER:
            self.reject()
        else:
            self.accept()


def recover(window: Any, entries: list[autosave.AutosaveEntry]) -> list[Any]:
    """Open each entry in `window` as a modified document; drop its autosave once open.

    An entry that cannot be read is reported and left on disk (nothing is lost).
    """
    opened = []
    for entry in entries:
        try:
            design = entry.load()
        except orgd.LoadError as exc:
            show_load_error(window if isinstance(window, QWidget) else None, entry.snapshot, exc)
            continue
        controller = window.open_design(design, entry.original)
        controller.undo_stack.resetClean()  # differs from any file on disk: needs saving
        if hasattr(controller, "changed"):
            controller.changed.emit()
        entry.discard()
        opened.append(controller)
    return opened


def offer_recovery(window: Any, entries: list[autosave.AutosaveEntry] | None = None
                   ) -> list[Any]:
    """At start-up: if a crashed session left autosaves, ask what to do with them.

    Returns the controllers of the recovered documents (empty if none or declined).
    """
    if entries is None:
        entries = autosave.orphans()
    if not entries:
        return []
    dialog = RecoveryDialog(entries, window if isinstance(window, QWidget) else None)
    dialog.exec()
    chosen = dialog.checked_entries()
    if dialog.action == RECOVER:
        return recover(window, chosen)
    if dialog.action == DISCARD:
        for entry in chosen:
            entry.discard()
    return []


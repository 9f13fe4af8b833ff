"""A CSIRT member's role, chosen from the roles the budget knows.

The stored value is the role's key ("analyst"): stable in the file, the key the budget's
rates use, whatever the UI language. The table shows and offers the role's label in the
UI language ("インシデント分析担当"). The list is the budget's default roles, the roles
given rates in Settings and in the design, and any role already in use (a key typed in an
older file stays selectable, shown as typed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from orgdesigner.model import Design

if TYPE_CHECKING:
    from orgdesigner.gui.panels.inspector.plan_page import PlanPage

KEY_ROLE = Qt.ItemDataRole.UserRole


def role_labels(design: Design | None, lang: str) -> dict[str, str]:
    """Role key → label in `lang`, in the budget's order (defaults first)."""
    from orgdesigner import settings as settings_mod
    from orgdesigner.budget import BudgetError, load_defaults
    from orgdesigner.budget.assumptions import resolve

    try:
        roles = resolve(design if design is not None else Design(),
                        overrides=settings_mod.load_settings()).roles
        return {k: r.label(lang) for k, r in roles.items()}
    except (BudgetError, OSError, ValueError):  # bad rates: still offer the defaults
        try:
            return {k: (r.ja if lang == "ja" else r.en)
                    for k, r in load_defaults().roles.items()}
        except BudgetError:
            return {}


def role_label(key: str, labels: dict[str, str]) -> str:
    from orgdesigner.budget import role_key

    return labels.get(role_key(key), key)


class RoleDelegate(QStyledItemDelegate):
    """A combo box of the known roles (built when a cell is edited)."""

    def __init__(self, page: PlanPage) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("planRoleEditor")
        ctrl = self.page.ctrl
        labels = role_labels(ctrl.design if ctrl else None, ctrl.lang if ctrl else "en")
        for key, label in labels.items():
            combo.addItem(label, key)
        current = index.data(KEY_ROLE) or ""
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        from orgdesigner.budget import role_key

        key = index.data(KEY_ROLE) or ""
        i = editor.findData(key)  # type: ignore[attr-defined]
        if i < 0:
            i = editor.findData(role_key(key))  # type: ignore[attr-defined]
        editor.setCurrentIndex(max(0, i))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), KEY_ROLE)  # type: ignore[attr-defined]
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)  # type: ignore

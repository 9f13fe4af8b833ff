"""The findings panel's tree, updated in place after each re-check.

Rebuilding the tree after every edit would drop the selection and the scroll position and,
with thousands of findings, cost more than the re-check itself. `sync_tree` keeps the item
of every finding that stays (found by its identity: rule and units), moves it only when its
place changed, rewrites only texts that changed, and adds or removes just the rows that
came or went.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from orgdesigner.analysis import Finding, Severity

ROLE = Qt.ItemDataRole.UserRole  # group rows: the severity; finding rows: the index
KEY = Qt.ItemDataRole.UserRole + 1  # a finding's identity: rule id and units
ICONS = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
         Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
         Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}


def identity(f: Finding) -> str:
    """Which finding an item shows, stable across re-checks (the row is not)."""
    return f.id + "\x1f" + "\x1f".join(f.units)


def sync_tree(tree: QTreeWidget, findings: list[Finding], lang: str,
              titles: dict[Severity, str]) -> None:
    """Make `tree` show `findings` grouped by severity (group titles from `titles`, with
    "{0}" for the count), keeping the current finding selected."""
    current = tree.currentItem()
    keep = current.data(0, KEY) if current is not None else None
    groups: dict[Severity, list[tuple[int, Finding]]] = {s: [] for s in Severity}
    for index, f in enumerate(findings):
        groups[f.severity].append((index, f))
    tops = {tree.topLevelItem(i).data(0, ROLE): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())}
    style = tree.style()
    position = 0
    with QSignalBlocker(tree):
        for severity, rows in groups.items():
            top = tops.pop(severity.value, None)
            if not rows:
                if top is not None:
                    tree.takeTopLevelItem(tree.indexOfTopLevelItem(top))
                continue
            icon = style.standardIcon(ICONS[severity])
            if top is None:
                top = QTreeWidgetItem([""])
                top.setIcon(0, icon)
                top.setData(0, ROLE, severity.value)
                font = QFont(top.font(0))
                font.setBold(True)
                top.setFont(0, font)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                tree.insertTopLevelItem(position, top)
                top.setExpanded(True)
            position += 1
            title = titles[severity].format(len(rows))
            if top.text(0) != title:
                top.setText(0, title)
            _sync_rows(top, rows, icon, lang)
    now = tree.currentItem()
    if keep is not None and (now is None or now.data(0, KEY) != keep):
        again = _item_for(tree, keep)  # a moved row: select it again
        if again is not None:
            tree.setCurrentItem(again)


def _sync_rows(top: QTreeWidgetItem, rows: list[tuple[int, Finding]], icon: QIcon,
               lang: str) -> None:
    """Make `top`'s children show `rows`, reusing the item of each finding that stays and
    moving it only when its place changed."""
    old: dict[str, QTreeWidgetItem] = {}
    for j in range(top.childCount()):
        item = top.child(j)
        old.setdefault(item.data(0, KEY), item)
    seen: dict[str, int] = {}
    for row, (index, f) in enumerate(rows):
        key = identity(f)
        n = seen[key] = seen.get(key, 0) + 1
        if n > 1:  # the same rule on the same units twice: keep the rows apart
            key += f"\x1e{n}"
        text = f.message(lang)
        item = old.pop(key, None)
        if item is None:
            item = QTreeWidgetItem([text])
            item.setIcon(0, icon)
            item.setData(0, KEY, key)
            top.insertChild(row, item)
        else:
            at = top.indexOfChild(item)
            if at != row:
                top.insertChild(row, top.takeChild(at))
            if item.text(0) != text:
                item.setText(0, text)
        if item.data(0, ROLE) != index:
            item.setData(0, ROLE, index)
        tip = f.suggestion(lang)
        if item.toolTip(0) != tip:
            item.setToolTip(0, tip)
    for item in old.values():
        top.removeChild(item)


def _item_for(tree: QTreeWidget, key: str) -> QTreeWidgetItem | None:
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, KEY) == key:
                return top.child(j)
    return None

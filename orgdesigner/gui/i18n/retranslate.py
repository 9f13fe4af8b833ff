"""Re-translate texts already on screen when the language changes while the app runs.

Widgets set their static texts once, with tr(), when they are built. Rather than every
panel keeping a `retranslate_ui` in step with its constructor, this walks a widget tree and
swaps each text it finds in the translation catalogue (`orgdesigner_LANG.ts`) for the same
message in the new language: action and menu texts, dock and window titles, labels,
buttons, group boxes, tab titles, table and tree headers, placeholders, tooltips, combo
items and spin box suffixes. Texts built with values in them ("Findings (3)") are not in
the catalogue; the panels that show them redraw through `set_language`.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from orgdesigner.gui.i18n.language import ts_path

MAX_ITEMS = 2000  # list and tree items looked at per widget (placeholders, not content)


@dataclass
class Catalogue:
    """Messages of one language: per context and overall, both directions."""

    forward: dict[str, dict[str, str]] = field(default_factory=dict)  # ctx → source → tr
    back: dict[str, dict[str, str]] = field(default_factory=dict)  # ctx → tr → source
    any_forward: dict[str, str] = field(default_factory=dict)
    any_back: dict[str, str] = field(default_factory=dict)


@functools.lru_cache(maxsize=4)
def catalogue(lang: str) -> Catalogue:
    """The finished, non-plural messages of `orgdesigner_LANG.ts` (empty if there is none)."""
    cat = Catalogue()
    path = ts_path(lang)
    if lang == "en" or not path.is_file():
        return cat
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            source = msg.findtext("source") or ""
            if (msg.get("numerus") == "yes" or tr is None or tr.get("type") in
                    ("unfinished", "obsolete", "vanished") or not (tr.text or "")):
                continue
            text = tr.text or ""
            cat.forward.setdefault(name, {})[source] = text
            cat.back.setdefault(name, {}).setdefault(text, source)
            cat.any_forward.setdefault(source, text)
            cat.any_back.setdefault(text, source)
    return cat


def _contexts(obj: QObject) -> list[str]:
    """Class names of the object and its ancestors: the likeliest tr() contexts first."""
    names: list[str] = []
    node: QObject | None = obj
    while node is not None:
        for cls in type(node).__mro__:
            if cls.__module__.startswith("orgdesigner") and cls.__name__ not in names:
                names.append(cls.__name__)
        node = node.parent()
    return names


class _Converter:
    def __init__(self, target: str, source_lang: str) -> None:
        self.target = target
        # texts now on screen are in `source_lang`; English is the catalogue's source side
        self.ja = catalogue("ja")
        self.to_target = target != "en"

    def __call__(self, text: str, contexts: list[str]) -> str | None:
        if not text:
            return None
        cat = self.ja
        if self.to_target:
            for ctx in contexts:
                hit = cat.forward.get(ctx, {}).get(text)
                if hit is not None:
                    return hit
            return cat.any_forward.get(text)
        for ctx in contexts:
            hit = cat.back.get(ctx, {}).get(text)
            if hit is not None:
                return hit
        return cat.any_back.get(text)


def _swap(get, set_, convert: _Converter, contexts: list[str]) -> None:  # noqa: ANN001
    old = get()
    new = convert(old, contexts)
    if new is not None and new != old:
        set_(new)


def _widget(w: QWidget, convert: _Converter, ctx: list[str]) -> None:
    _swap(w.windowTitle, w.setWindowTitle, convert, ctx)
    _swap(w.toolTip, w.setToolTip, convert, ctx)
    _swap(w.statusTip, w.setStatusTip, convert, ctx)
    _swap(w.whatsThis, w.setWhatsThis, convert, ctx)
    if isinstance(w, QMenu):
        _swap(w.title, w.setTitle, convert, ctx)
    elif isinstance(w, QLabel):
        _swap(w.text, w.setText, convert, ctx)
    elif isinstance(w, QAbstractButton):
        _swap(w.text, w.setText, convert, ctx)
    elif isinstance(w, QGroupBox):
        _swap(w.title, w.setTitle, convert, ctx)
    elif isinstance(w, QLineEdit):
        _swap(w.placeholderText, w.setPlaceholderText, convert, ctx)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            _swap(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t), convert, ctx)
        if w.lineEdit() is not None:
            _swap(w.lineEdit().placeholderText, w.lineEdit().setPlaceholderText, convert, ctx)
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            _swap(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t), convert, ctx)
            _swap(lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t),
                  convert, ctx)
    elif isinstance(w, QTableWidget):
        for get_item, n in ((w.horizontalHeaderItem, w.columnCount()),
                            (w.verticalHeaderItem, w.rowCount())):
            for i in range(min(n, MAX_ITEMS)):
                item = get_item(i)
                if item is not None:
                    _swap(item.text, item.setText, convert, ctx)
    elif isinstance(w, QTreeWidget):
        header = w.headerItem()
        for c in range(w.columnCount()):
            _swap(lambda c=c: header.text(c), lambda t, c=c: header.setText(c, t), convert, ctx)
        _tree_items(w, convert, ctx)
    elif isinstance(w, QListWidget):
        for i in range(min(w.count(), MAX_ITEMS)):
            item = w.item(i)
            _swap(item.text, item.setText, convert, ctx)
            _swap(item.toolTip, item.setToolTip, convert, ctx)
    if isinstance(w, (QSpinBox, QDoubleSpinBox)):
        _swap(w.suffix, w.setSuffix, convert, ctx)
        _swap(w.prefix, w.setPrefix, convert, ctx)
    if isinstance(w, QAbstractSpinBox):
        _swap(w.specialValueText, w.setSpecialValueText, convert, ctx)


def _tree_items(tree: QTreeWidget, convert: _Converter, ctx: list[str]) -> None:
    stack: list[QTreeWidgetItem] = [tree.topLevelItem(i)
                                    for i in range(tree.topLevelItemCount())]
    seen = 0
    while stack and seen < MAX_ITEMS:
        item = stack.pop()
        seen += 1
        for c in range(tree.columnCount()):
            _swap(functools.partial(item.text, c), functools.partial(item.setText, c),
                  convert, ctx)
            _swap(functools.partial(item.toolTip, c), functools.partial(item.setToolTip, c),
                  convert, ctx)
        stack.extend(item.child(i) for i in range(item.childCount()))


def _action(a: QAction, convert: _Converter, ctx: list[str]) -> None:
    if a.menu() is not None:  # a submenu's action follows the menu's title
        return
    tip_is_auto = a.toolTip() == a.text().replace("&", "")
    _swap(a.text, a.setText, convert, ctx)
    if not tip_is_auto:
        _swap(a.toolTip, a.setToolTip, convert, ctx)
    _swap(a.statusTip, a.setStatusTip, convert, ctx)
    _swap(a.whatsThis, a.setWhatsThis, convert, ctx)


def retranslate_tree(root: QObject, target: str, current: str) -> None:
    """Swap every catalogued text under `root` (inclusive) from `current` to `target`."""
    if target == current:
        return
    convert = _Converter(target, current)
    for obj in [root, *root.findChildren(QObject)]:
        ctx = _contexts(obj)
        if isinstance(obj, QAction):
            _action(obj, convert, ctx)
        elif isinstance(obj, QWidget):
            _widget(obj, convert, ctx)

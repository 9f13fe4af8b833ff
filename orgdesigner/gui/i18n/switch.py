"""Switching the running app's language at once.

The translators are swapped (`language.install_translators`), every static text already on
screen is re-translated from the catalogue (`retranslate.py`), undo steps are renamed
(`undo_text.py`), and every object in the window that has a `set_language(lang)` method is
asked to redraw its content labels (palette, legend, inspector, findings, budget, canvas
labels).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from orgdesigner.gui.i18n import language, retranslate
from orgdesigner.gui.i18n.undo_text import retranslate_stack


def apply_language(window: Any, lang: str) -> None:
    """Switch the running app to `lang` at once (see the module docstring)."""
    before = language.current_language()
    language.install_translators(lang)
    now = language.current_language()
    roots = [window, *(w for w in QApplication.topLevelWidgets() if w is not window)]
    for root in roots:
        retranslate.retranslate_tree(root, now, before)
    if hasattr(window, "lang"):
        window.lang = now
    seen: set[int] = {id(window)}  # the window calls this from its own set_language
    documents = getattr(window, "documents", None)
    for ctrl in (documents() if callable(documents) else []):
        set_document_language(ctrl, now)
        stack = getattr(ctrl, "undo_stack", None)
        if stack is not None:  # undo steps named in the new language too
            retranslate_stack(stack, before, now, getattr(ctrl, "design", None))
        seen.add(id(getattr(ctrl, "scene", None)))  # relabelled once is enough
    _renew_undo_actions(window)
    for root in roots:
        for obj in [root, *root.findChildren(QObject)]:
            fn = getattr(obj, "set_language", None)
            if callable(fn) and id(obj) not in seen:
                seen.add(id(obj))
                fn(now)


def _renew_undo_actions(window: Any) -> None:
    """Undo/Redo actions keep the prefix they were made with ("&Undo" + the command's
    text), so they are made again in the new language and put where the old ones were."""
    group = getattr(window, "undo_group", None)
    if group is None:
        return
    for attr, make, text in (
            ("action_undo", group.createUndoAction,
             QCoreApplication.translate("MainWindow", "&Undo")),
            ("action_redo", group.createRedoAction,
             QCoreApplication.translate("MainWindow", "&Redo"))):
        old = getattr(window, attr, None)
        if old is None:
            continue
        new = make(window, text)
        new.setObjectName(old.objectName())
        new.setShortcuts(old.shortcuts())
        new.setIcon(old.icon())
        for widget in old.associatedObjects():
            if hasattr(widget, "insertAction"):
                widget.insertAction(old, new)
                widget.removeAction(old)
        setattr(window, attr, new)
        old.deleteLater()


def set_document_language(ctrl: Any, lang: str) -> None:
    """Content labels of one open document (the canvas's names and kinds) in `lang`."""
    if getattr(ctrl, "lang", lang) == lang:
        return
    ctrl.lang = lang
    scene = getattr(ctrl, "scene", None)
    if scene is None:
        return
    fn = getattr(scene, "set_language", None)
    if callable(fn):
        fn(lang)
        return
    scene.lang = lang
    design = ctrl.design
    for uid, item in getattr(scene, "unit_items", {}).items():
        if uid in design.units:
            item.sync(design.units[uid], lang)
    for fid, item in getattr(scene, "flow_items", {}).items():
        if fid in design.flows:
            item.sync(design.flows[fid], lang)
    for cid, item in getattr(scene, "company_items", {}).items():
        if cid in design.companies:
            item.sync(design.companies[cid], lang, scene.fitted_rect(cid))
    scene.update()

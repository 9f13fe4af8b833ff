"""The palette: unit presets grouped by kind, with icons in the diagram's own visual
language and a filter box. A drag carries the vendor MIME type and the preset's id only
(STYLE.md practice 6); the scene builds the unit from `orgdesigner.presets` on drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import presets
from orgdesigner.gui.canvas.interactions import PRESET_MIME
from orgdesigner.gui.canvas.items.shapes import shape_path, unit_pen
from orgdesigner.model import Company, CompanyKind, Unit
from orgdesigner.render.style import company_style, unit_style

ICON = QSize(28, 20)
ROLE_ID = Qt.ItemDataRole.UserRole


def preset_icon(preset: presets.Preset) -> QIcon:
    """A small drawing of the unit exactly as the canvas draws it (shape, fill, border)."""
    pm = QPixmap(ICON.width() * 2, ICON.height() * 2)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(2, 2)
    w, h = ICON.width() - 3, ICON.height() - 3
    if preset.is_company:
        st = company_style(Company("c", "", kind=CompanyKind.PARENT))
        p.setPen(QPen(QColor(st.border), 1.2))
        p.setBrush(QColor(st.fill))
        p.drawRoundedRect(QRectF(1.5, 3.5, w, h - 2), 2, 2)
        p.fillRect(QRectF(1.5, 1.5, w * 0.55, 4), QColor(st.border))
    else:
        st = unit_style(Unit("u", preset.name, preset.kind, functions=preset.functions))
        p.translate(ICON.width() / 2, ICON.height() / 2)
        p.setPen(unit_pen(st, 0.7))
        p.setBrush(QColor(st.fill))
        p.drawPath(shape_path(st.shape if st.shape != "house" else "house", w, h))
    p.end()
    return QIcon(pm)


class PresetTree(QTreeWidget):
    """The tree that starts drags with the preset MIME type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIconSize(ICON)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setRootIsDecorated(True)

    def mimeTypes(self) -> list[str]:
        return [PRESET_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        ids = [i.data(0, ROLE_ID) for i in items if i.data(0, ROLE_ID)]
        if ids:
            mime.setData(PRESET_MIME, ids[0].encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class Palette(QWidget):
    #: A preset was activated (double-click or Enter): add it without dragging.
    presetActivated = Signal(str)

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.lang = lang
        self.filter = QLineEdit(self)
        self.filter.setObjectName("paletteFilter")
        self.filter.setPlaceholderText(self.tr("Filter units…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = PresetTree(self)
        self.tree.setObjectName("paletteTree")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._build()
        self.filter.textChanged.connect(self.apply_filter)
        self.tree.itemActivated.connect(self._activated)

    def _build(self) -> None:
        self.tree.clear()
        for gid, en, ja in presets.GROUPS:
            group = QTreeWidgetItem([ja if self.lang == "ja" else en])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for p in presets.in_group(gid):
                item = QTreeWidgetItem([p.label(self.lang)])
                item.setData(0, ROLE_ID, p.id)
                item.setIcon(0, preset_icon(p))
                other = p.name_en if self.lang == "ja" else p.name
                item.setToolTip(0, f"{p.label(self.lang)}\n{other}" if other != p.label(
                    self.lang) else p.label(self.lang))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                group.addChild(item)
            group.setExpanded(True)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._build()
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        """Show presets whose Japanese or English name (or id) contains `text`."""
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                p = presets.preset(item.data(0, ROLE_ID))
                hay = f"{p.name} {p.name_en} {p.id}".lower()
                hide = bool(needle) and needle not in hay
                item.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)

    def visible_preset_ids(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if not item.isHidden() and not group.isHidden():
                    out.append(item.data(0, ROLE_ID))
        return out

    def _activated(self, item: QTreeWidgetItem, _col: int) -> None:
        pid = item.data(0, ROLE_ID)
        if pid:
            self.presetActivated.emit(pid)


def preset_mime(preset_id: str) -> QMimeData:
    """The MIME data a palette drag carries (used by tests and by keyboard insertion)."""
    mime = QMimeData()
    mime.setData(PRESET_MIME, preset_id.encode("utf-8"))
    return mime

"""The start gallery: every shipped template (with a thumbnail drawn from the template
itself), a blank design, Open…, Import…, and the recent files.

The gallery only reports what the user picked (`chosen` / `choice`); the main window does
the opening, so the same code path serves the gallery, the File menu and the command line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import settings as settings_mod
from orgdesigner import templates
from orgdesigner.gui.canvas.items.shapes import flow_pen, shape_path, unit_pen
from orgdesigner.model import Design
from orgdesigner.render.style import company_style, flow_style, unit_style

THUMB = QSize(220, 150)
_ROLE = Qt.ItemDataRole.UserRole
BLANK, TEMPLATE, OPEN, IMPORT, RECENT = "blank", "template", "open", "import", "recent"


@dataclass(frozen=True)
class GalleryChoice:
    kind: str  # BLANK | TEMPLATE | OPEN | IMPORT | RECENT
    template_id: str | None = None
    path: Path | None = None


def _geometry(design: Design, lang: str):
    """Centres and sizes of the units from the tidy layout (the same one "Auto layout" and
    the exports use, so companies sit side by side), and the company frames."""
    from orgdesigner.render.layout import compute_layout

    layout = compute_layout(design, lang=lang)
    centres, sizes = dict(layout.positions), dict(layout.sizes)
    frames = {cid: QRectF(*rect) for cid, rect in layout.company_rects.items()
              if cid in design.companies}
    return centres, sizes, frames


def paint_thumbnail(design: Design, size: QSize = THUMB, lang: str = "en") -> QPixmap:
    """The design drawn small in the canvas's visual language (shapes, fills, flow styles)."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor("#FFFFFF"))
    if not design.units:
        return pixmap
    centres, sizes, frames = _geometry(design, lang)
    bounds = QRectF()
    for uid, (x, y) in centres.items():
        w, h = sizes[uid]
        bounds = bounds.united(QRectF(x - w / 2, y - h / 2, w, h))
    for rect in frames.values():
        bounds = bounds.united(rect)
    margin = 8.0
    scale = min((size.width() - 2 * margin) / max(bounds.width(), 1.0),
                (size.height() - 2 * margin) / max(bounds.height(), 1.0), 0.6)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(size.width() / 2, size.height() / 2)
    p.scale(scale, scale)
    p.translate(-bounds.center())
    for cid, rect in frames.items():
        cs = company_style(design.companies[cid])
        pen = QPen(QColor(cs.border), 1.5 / scale)
        if cs.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QBrush(QColor(cs.fill)))
        p.drawRoundedRect(rect, 8, 8)
    for f in design.flows.values():
        if f.source in centres and f.target in centres:
            fs = flow_style(f.kind)
            p.setPen(flow_pen(fs, width=max(fs.width, 1.2) / scale * 0.8))
            a, b = centres[f.source], centres[f.target]
            p.drawLine(*(round(v, 1) for v in (*a, *b)))
    for uid, u in design.units.items():
        if uid not in centres:
            continue
        us = unit_style(u)
        (x, y), (w, h) = centres[uid], sizes[uid]
        p.save()
        p.translate(x, y)
        p.setBrush(QBrush(QColor(us.fill)))
        p.setPen(unit_pen(us, scale=1.0 / max(scale * 2.5, 0.4)))
        p.drawPath(shape_path(us.shape, w, h))
        p.restore()
    p.end()
    return pixmap


@functools.lru_cache(maxsize=64)
def template_thumbnail(template_id: str, lang: str = "en") -> QPixmap:
    return paint_thumbnail(templates.load(template_id), THUMB, lang)


def _import_available() -> bool:
    try:
        from orgdesigner.formats import table_import  # noqa: F401
    except ImportError:
        return False
    return True


class StartGallery(QDialog):
    """Pick how to start. After `exec()`, `choice` holds a GalleryChoice (or None)."""

    chosen = Signal(object)  # GalleryChoice

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startGallery")
        self.setWindowTitle(self.tr("Start — OrgDesigner"))
        self.lang = lang
        self.choice: GalleryChoice | None = None
        self.problems: list[str] = []
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>Start a design</h2>Pick a model from the source "
                                 "material or a reference model, or start blank."))
        heading.setWordWrap(True)
        layout.addWidget(heading)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 56))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(lambda *_: self._show_detail())
        self.list.itemActivated.connect(lambda _item: self.create())
        split.addWidget(self.list)

        side = QWidget()
        sl = QVBoxLayout(side)
        self.detail = QLabel()
        self.detail.setObjectName("templateDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        sl.addWidget(self.detail, 1)
        sl.addWidget(QLabel(self.tr("<b>Recent files</b>")))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.itemActivated.connect(self._recent_activated)
        sl.addWidget(self.recent, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([3 * (THUMB.width() + 24) + 30, 320])
        layout.addWidget(split, 1)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setObjectName("galleryOpenButton")
        self.open_button.clicked.connect(lambda: self._finish(GalleryChoice(OPEN)))
        self.import_button = QPushButton(self.tr("&Import from Excel/CSV…"))
        self.import_button.setObjectName("galleryImportButton")
        self.import_button.clicked.connect(lambda: self._finish(GalleryChoice(IMPORT)))
        self.import_button.setEnabled(_import_available())
        self.create_button = QPushButton(self.tr("&Create"))
        self.create_button.setObjectName("galleryCreateButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(self.open_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        row.addWidget(close)
        layout.addLayout(row)
        self._fill()
        self.resize(1160, 720)

    # ---- content -------------------------------------------------------------------------
    def _fill(self) -> None:
        blank = QListWidgetItem(self._blank_icon(), self.tr("Blank design"))
        blank.setData(_ROLE, None)
        self.list.addItem(blank)
        for tid in templates.ids():
            try:
                info = templates.info(tid)
                icon = QIcon(template_thumbnail(tid, self.lang))
            except Exception as exc:  # noqa: BLE001 - a broken template must not stop start-up
                self.problems.append(f"{tid}: {exc}")
                continue
            item = QListWidgetItem(icon, info.display_name(self.lang))
            item.setData(_ROLE, tid)
            item.setToolTip(info.display_description(self.lang))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        for path in settings_mod.load_settings().existing_recent():
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(_ROLE, str(path))
            self.recent.addItem(item)
        if not self.recent.count():
            empty = QListWidgetItem(self.tr("No recent files"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)

    @staticmethod
    def _blank_icon() -> QIcon:
        pixmap = QPixmap(THUMB)
        pixmap.fill(QColor("#FFFFFF"))
        p = QPainter(pixmap)
        p.setPen(QPen(QColor("#BBBBBB"), 2, Qt.PenStyle.DashLine))
        p.drawRect(10, 10, THUMB.width() - 20, THUMB.height() - 20)
        p.drawText(QRectF(0, 0, THUMB.width(), THUMB.height()), Qt.AlignmentFlag.AlignCenter, "+")
        p.end()
        return QIcon(pixmap)

    def template_ids(self) -> list[str | None]:
        return [self.list.item(i).data(_ROLE) for i in range(self.list.count())]

    def select(self, template_id: str | None) -> None:
        self.list.setCurrentRow(self.template_ids().index(template_id))

    def _show_detail(self) -> None:
        item = self.list.currentItem()
        tid = item.data(_ROLE) if item else None
        if tid is None:
            self.detail.setText(self.tr("<h3>Blank design</h3>An empty canvas: draw the "
                                        "organisation from the palette."))
            return
        info = templates.info(tid)
        esc = _esc
        source = self.tr("Source:")
        self.detail.setText(
            f"<h3>{esc(info.display_name(self.lang))}</h3>"
            f"<p>{esc(info.display_description(self.lang))}</p>"
            f"<p><i>{esc(source)}</i> {esc(info.source)}</p>")

    # ---- choosing --------------------------------------------------------------------------
    def create(self) -> None:
        item = self.list.currentItem()
        tid = item.data(_ROLE) if item else None
        self._finish(GalleryChoice(TEMPLATE, tid) if tid else GalleryChoice(BLANK))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        path = item.data(_ROLE)
        if path:
            self._finish(GalleryChoice(RECENT, path=Path(path)))

    def _finish(self, choice: GalleryChoice) -> None:
        self.choice = choice
        self.chosen.emit(choice)
        self.accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

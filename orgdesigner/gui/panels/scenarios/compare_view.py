"""The Compare view: two scenarios side by side, changes coloured (Okabe–Ito, colour-blind
safe, with a legend), zoom and selection kept in step, and the comparison's numbers in a
panel whose every item selects its units in both diagrams.

Each side shows a snapshot of its scenario on its own scene, so nothing done here can
change the document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.analysis.comparison import compare
from orgdesigner.analysis.comparison_json import fy_label
from orgdesigner.analysis.comparison_text import REASONS
from orgdesigner.analysis.roadmap import roadmap
from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.canvas.view import DiagramView
from orgdesigner.model import scenarios as sc

#: Okabe–Ito colours for the change kinds (also told apart by the line style).
COLOURS = {"added": ("#009E73", Qt.PenStyle.SolidLine),
           "removed": ("#D55E00", Qt.PenStyle.DashLine),
           "moved": ("#0072B2", Qt.PenStyle.SolidLine),
           "changed": ("#E69F00", Qt.PenStyle.DotLine)}


class CompareDialog(QDialog):
    def __init__(self, ctrl: Any, left: str, right: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare Scenarios"))
        self.resize(1400, 820)
        self.ctrl = ctrl
        self.lang = ctrl.lang
        self._syncing = False
        sset = sc.scenarios_of(ctrl.design)
        self.combos = []
        top = QHBoxLayout()
        for sid, name in ((left, "compareLeft"), (right, "compareRight")):
            combo = QComboBox()
            combo.setObjectName(name)
            for s in sset.items:
                combo.addItem(s.display_name(self.lang), s.id)
            combo.setCurrentIndex(max(0, combo.findData(sid)))
            combo.currentIndexChanged.connect(lambda _i: self.rebuild())
            self.combos.append(combo)
        top.addWidget(QLabel(self.tr("Before:")))
        top.addWidget(self.combos[0], 1)
        top.addWidget(QLabel(self.tr("After:")))
        top.addWidget(self.combos[1], 1)
        top.addWidget(self._legend())
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.panel = QTreeWidget()
        self.panel.setObjectName("comparisonPanel")
        self.panel.setHeaderHidden(True)
        self.panel.itemClicked.connect(self._select_item)
        self.sides: list[tuple[DocumentController, DiagramView]] = []
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.split, 1)
        self.rebuild()

    def _legend(self) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        labels = {"added": self.tr("added"), "removed": self.tr("removed"),
                  "moved": self.tr("moved"), "changed": self.tr("changed")}
        for key, (colour, _style) in COLOURS.items():
            swatch = QLabel("■")
            swatch.setStyleSheet(f"color: {colour}; font-size: 16px;")
            row.addWidget(swatch)
            row.addWidget(QLabel(labels[key]))
        w.setObjectName("compareLegend")
        return w

    # ---- building ------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Both sides and the panel for the scenarios chosen (a wait cursor: at 5,000 units
        this builds two canvases)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._rebuild()
        finally:
            QApplication.restoreOverrideCursor()

    def _rebuild(self) -> None:
        for ctrl, view in self.sides:
            view.setParent(None)
            ctrl.close()
            view.deleteLater()
            ctrl.deleteLater()
        self.sides = []
        ids = [c.currentData() for c in self.combos]
        designs = [sc.snapshot(sc.design_of(self.ctrl.design, sid)) for sid in ids]
        names = [c.currentText() for c in self.combos]
        self.result = compare(designs[0], designs[1], names[0], names[1])
        for i, design in enumerate(designs):
            ctrl = DocumentController(design, None, self.lang, parent=self)
            view = DiagramView(ctrl.scene)
            view.setObjectName(f"compareView{i}")
            self.split.insertWidget(i, view)
            self.sides.append((ctrl, view))
        if self.split.indexOf(self.panel) < 0:
            self.split.addWidget(self.panel)
        self.split.setSizes([500, 500, 420])
        self._colour()
        for i, (ctrl, view) in enumerate(self.sides):
            view.zoomChanged.connect(lambda z, i=i: self._sync_zoom(i, z))
            ctrl.scene.selectionChanged.connect(lambda i=i: self._sync_selection(i))
        self._fill_panel()
        QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        """Both diagrams fit, at the same zoom (the smaller of the two fits)."""
        zooms = []
        for ctrl, view in self.sides:
            ctrl.scene.flush()
            view.fit_to_window()
            zooms.append(view.zoom())
        self._syncing = True
        try:
            for ctrl, view in self.sides:
                view.set_zoom(min(zooms))
                view.centerOn(ctrl.scene.content_rect().center())
        finally:
            self._syncing = False

    def _mark(self, side: int, uid: str, kind: str) -> None:
        scene = self.sides[side][0].scene
        rect = scene.items_rect([uid])
        if rect.isNull():
            return
        colour, style = COLOURS[kind]
        pen = QPen(QColor(colour), 5, style)
        item = QGraphicsRectItem(rect.adjusted(-7, -7, 7, 7))
        item.setPen(pen)
        item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        item.setZValue(-1)
        item.setToolTip(kind)
        scene.addItem(item)

    def _colour(self) -> None:
        d = self.result.diff
        for uid in d.units_removed:
            self._mark(0, uid, "removed")
        for uid in d.units_added:
            self._mark(1, uid, "added")
        for x in d.moved:
            self._mark(0, x.before_id, "moved")
            self._mark(1, x.after_id, "moved")
        for x in d.renamed + d.rekinded + d.changed:
            self._mark(1, x.after_id, "changed")

    def _fill_panel(self) -> None:
        self.panel.clear()
        c, lang = self.result, self.lang
        fp = c.footprint

        def group(title: str, units: list[str], rows: list[tuple[str, list[str]]]) -> None:
            top = QTreeWidgetItem([title])
            top.setData(0, 256, units)
            top.setToolTip(0, title)
            for text, ids in rows:
                child = QTreeWidgetItem([text])
                child.setData(0, 256, ids)
                child.setToolTip(0, text)
                top.addChild(child)
            self.panel.addTopLevelItem(top)

        def name(uid: str) -> str:
            return c.name(uid, lang)

        def why(reasons: tuple[str, ...]) -> str:
            return ("、" if lang == "ja" else ", ").join(REASONS[r](lang) for r in reasons)

        a0, a1 = c.report_before.authority, c.report_after.authority
        flows = c.after.flows
        group(self.tr("Authority: %1 → %2").replace("%1", a0.label(lang)).replace(
            "%2", a1.label(lang)), [u for f in a1.evidence if f in flows
                                    for u in (flows[f].source, flows[f].target)],
              [(a1.explanation(lang), [])]
              + [(f"{name(flows[f].source)} → {name(flows[f].target)} "
                  f"({flows[f].kind.label(lang)})", [flows[f].source, flows[f].target])
                 for f in a1.evidence if f in flows])
        for _key, title, items, n in (
                ("moved", self.tr("Units moved: %1"), fp.moved, len(fp.moved)),
                ("people", self.tr("People affected: %1"), fp.people, fp.people_count),
                ("authority", self.tr("Authority changes: %1"), fp.authority, len(fp.authority)),
                ("agree", self.tr("Must agree (合議先): %1"), fp.must_agree, len(fp.must_agree))):
            group(title.replace("%1", str(n)), [i.unit for i in items],
                  [(f"{name(i.unit)} — {why(i.reasons)}", [i.unit]) for i in items])
        group(self.tr("Findings resolved: %1").replace("%1", str(len(c.resolved))),
              [u for f in c.resolved for u in f.units],
              [(f.message(lang), list(f.units)) for f in c.resolved])
        group(self.tr("Findings new: %1").replace("%1", str(len(c.new))),
              [u for f in c.new for u in f.units],
              [(f.message(lang), list(f.units)) for f in c.new])
        total0, total1 = sum(c.cost.before), sum(c.cost.after)
        group(self.tr("Cost: %1 → %2").replace("%1", f"{total0:,}").replace("%2", f"{total1:,}"),
              [], [(f"{fy_label(y, lang)}: {b0:,} → {b1:,}", []) for y, b0, b1 in
                   zip(c.cost.years, c.cost.before, c.cost.after, strict=False)])
        for i, p in enumerate(roadmap(c), start=1):
            group(self.tr("Roadmap %1: %2").replace("%1", str(i)).replace("%2", p.title(lang)),
                  p.units, [(x(lang), []) for x in p.changes])
        self.panel.expandToDepth(0)

    # ---- in step -------------------------------------------------------------------------
    def _sync_zoom(self, side: int, zoom: float) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            other = self.sides[1 - side][1]
            other.set_zoom(zoom)
        finally:
            self._syncing = False

    def _sync_selection(self, side: int) -> None:
        if self._syncing:
            return
        try:
            ids = self.sides[side][0].selected_units()
        except RuntimeError:  # the dialog is closing and its scenes are gone
            return
        umap = self.result.diff.unit_map
        mapped = [umap.get(u, u) for u in ids] if side == 0 else [
            k for k, v in umap.items() if v in set(ids)]
        self._syncing = True
        try:
            other = self.sides[1 - side][0]
            with QSignalBlocker(other.scene):
                other.scene.select_ids(units=mapped)
        finally:
            self._syncing = False

    def _select_item(self, item: QTreeWidgetItem) -> None:
        ids = item.data(0, 256) or []
        back = {v: k for k, v in self.result.diff.unit_map.items()}
        self._syncing = True
        try:
            self.sides[1][0].select_units(list(ids))
            self.sides[0][0].select_units([back.get(u, u) for u in ids])
        finally:
            self._syncing = False

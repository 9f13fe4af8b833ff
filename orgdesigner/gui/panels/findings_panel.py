"""The findings panel (a dock): what the checker says about the design, kept current.

Edits arrive in bursts (a drag, a paste of many units), so the panel re-checks at the next
turn of the event loop after a change — one re-check for a burst, with no fixed delay — and
only while it is visible. The re-check is the live checker's (analysis/live.py: only what
the edit touched is redone) run in slices of at most SLICE_S, so even at 50,000 units no
slice holds the UI long; an edit between two slices simply starts the next run. The lists
are updated in place (only the rows that changed), so selection and scroll stay.

It reads the model only; the quick fixes and the process ticks it offers go back through
the controller as one undo step each, so the panel itself never mutates the design.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QMetaObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.analysis import CheckReport, Finding, Severity, check
from orgdesigner.analysis.live import LIVE, LiveCheck
from orgdesigner.gui.panels.findings_tree import ROLE as _ROLE
from orgdesigner.gui.panels.findings_tree import sync_tree
from orgdesigner.gui.panels.process_tab import ProcessTab
from orgdesigner.model import ops
from orgdesigner.render.placement import place_new_units

#: Longest stretch of re-checking before the panel hands the event loop back (seconds).
SLICE_S = 0.03
#: A design of this many units is first checked after its canvas has painted, in slices.
AFTER_PAINT_ABOVE = 2000

class FindingsPanel(QWidget):
    """Authority style, nearest models, findings by severity, and the 8-step checklist."""

    refreshed = Signal()  # after every re-check (tests and the status bar listen)

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.lang = lang
        self.controller: Any | None = None
        self.report: CheckReport | None = None
        self._dirty = False
        self._signature: tuple = ()
        self._live: LiveCheck | None = None
        self._run: Iterator[CheckReport | None] | None = None  # a sliced re-check under way
        self._shown: tuple = ()  # what the authority and nearest sections show
        # The next turn of the event loop: every change of a burst restarts it, so the
        # burst gets one re-check, and no edit waits on a fixed delay.
        self._posted = False  # a re-check is posted to the next pass of the event loop
        self._timer = QTimer(self)  # the next slice of a long re-check
        self._timer.setObjectName("findingsRecheck")
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._continue)
        self._build()

    # ---- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.authority_label = QLabel()
        self.authority_label.setObjectName("authorityLabel")
        self.authority_label.setWordWrap(True)
        self.authority_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.authority_label)

        top = QSplitter(Qt.Orientation.Vertical)
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("evidenceList")
        self.evidence_list.itemClicked.connect(self._evidence_clicked)
        top.addWidget(self.evidence_list)
        self.nearest_tree = QTreeWidget()
        self.nearest_tree.setObjectName("nearestList")
        self.nearest_tree.setRootIsDecorated(False)
        self.nearest_tree.setColumnCount(2)
        self.nearest_tree.header().setStretchLastSection(False)
        self.nearest_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Room for the header and four models: the ranking is what users compare.
        self.nearest_tree.setMinimumHeight(self.fontMetrics().height() * 7)
        top.addWidget(self.nearest_tree)

        self.tabs = QTabWidget()
        findings_page = QWidget()
        fl = QVBoxLayout(findings_page)
        fl.setContentsMargins(0, 0, 0, 0)
        self.findings_tree = QTreeWidget()
        self.findings_tree.setObjectName("findingsTree")
        self.findings_tree.setHeaderHidden(True)
        self.findings_tree.setWordWrap(True)
        self.findings_tree.itemClicked.connect(self._finding_clicked)
        self.findings_tree.currentItemChanged.connect(lambda *_: self._show_detail())
        fl.addWidget(self.findings_tree, 3)
        self.detail = QLabel()
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fl.addWidget(self.detail, 1)
        row = QHBoxLayout()
        self.fix_button = QPushButton()
        self.fix_button.setObjectName("quickFixButton")
        self.fix_button.clicked.connect(self.apply_fix)
        row.addWidget(self.fix_button)
        row.addStretch(1)
        fl.addLayout(row)
        self.tabs.addTab(findings_page, "")

        self.process = ProcessTab(lambda: self.controller, self.lang)
        self.process_tree, self.next_label = self.process.tree, self.process.next_label
        self._step_items, self._track_items = self.process.step_items, self.process.track_items
        self.tabs.addTab(self.process, "")

        top.addWidget(self.tabs)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setStretchFactor(2, 4)
        layout.addWidget(top, 1)
        self._retranslate()
        self._clear()

    def _retranslate(self) -> None:
        self.nearest_tree.setHeaderLabels([self.tr("Nearest reference model"), self.tr("Match")])
        self.tabs.setTabText(1, self.tr("Process"))
        self.process.retranslate(self.lang)

    # ---- binding ----------------------------------------------------------------------------
    def set_controller(self, controller: Any | None) -> None:
        """Follow another document (None: no document open)."""
        if controller is self.controller:
            return
        old = self.controller
        if old is not None:
            # a closed document that was shown earlier must not blank the panel later
            for signal, slot in ((getattr(old, "changed", None), self._schedule),
                                 (getattr(old, "destroyed", None), self._controller_gone)):
                try:
                    if signal is not None:
                        signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self.controller = controller
        self._signature = ()
        self._drop_live()
        if controller is not None:
            controller.changed.connect(self._schedule)
            if hasattr(controller, "destroyed"):
                controller.destroyed.connect(self._controller_gone)
        self._timer.stop()
        if controller is not None and len(controller.design.units) >= AFTER_PAINT_ABOVE:
            self._after_first_paint(controller)
        else:
            self.refresh()

    def _after_first_paint(self, controller: Any) -> None:
        """A large design's first check runs in slices once its canvas has been painted:
        the user sees the design first, and the dock says it is being checked."""
        self._clear()
        self.authority_label.setText(self.tr("Checking the design…"))
        scene = getattr(controller, "scene", None)
        if scene is not None and not getattr(scene, "shown", True):
            scene.firstPainted.connect(self._schedule, Qt.ConnectionType.SingleShotConnection)
        else:
            self._schedule()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._signature = ()
        self._shown = ()
        self._retranslate()
        self.refresh()

    def _controller_gone(self, *_args: object) -> None:
        self.controller = None
        self._timer.stop()
        self._drop_live()
        self._clear()

    def _drop_live(self) -> None:
        self._run = None
        self._posted = False
        if self._live is not None:
            self._live.close()
            self._live = None

    def _schedule(self) -> None:
        live = self._live
        if (LIVE and live is not None and not live.stale and self._run is None
                and self.report is not None and not self._dirty
                and live.design is getattr(self.controller, "design", None)):
            # Only what no rule reads changed (a unit moved, a note): the findings shown
            # are the design's already.
            self.refreshed.emit()
            return
        if not self._posted:
            # A posted call, not a timer: it runs first in the next pass of the event
            # loop, before the scene's deferred work (its own zero timer re-routes the
            # flows of a moved or resized box), so the findings do not wait behind it.
            self._posted = True
            QMetaObject.invokeMethod(self, "_posted_check", Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> bool:
        """A re-check is due (posted, or a slice to come)."""
        return self._posted or self._timer.isActive()

    @Slot()
    def _posted_check(self) -> None:
        if self._posted:
            self._posted = False
            self._continue()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # ---- the re-check -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-check the design now, in one go, and update every section (skipped while
        hidden)."""
        self._timer.stop()
        self._posted = False
        self._run = None
        if not self._ready():
            return
        self._show(self._checker().report() if LIVE else check(self.controller.design))

    def _continue(self) -> None:
        """One slice of the re-check; the next slice at the next turn of the event loop."""
        if not self._ready():
            return
        if not LIVE:
            self._show(check(self.controller.design))
            return
        if self._run is None:
            self._run = self._checker().steps()
        until = time.perf_counter() + SLICE_S
        for result in self._run:
            if result is not None:
                self._run = None
                self._show(result)
                return
            if time.perf_counter() > until:
                self._timer.start()
                return
        self._run = None  # an edit ended that run: the changed signal has restarted us
        self._timer.start()

    def _ready(self) -> bool:
        if self.controller is None:
            self._clear()
            return False
        if not self.isVisible():
            self._dirty = True
            return False
        self._dirty = False
        return True

    def _checker(self) -> LiveCheck:
        design = self.controller.design  # type: ignore[union-attr]
        if self._live is None or self._live.design is not design:
            self._drop_live()
            self._live = LiveCheck(design)
        return self._live

    def _show(self, report: CheckReport) -> None:
        self.report = report
        shown = (self.lang, report.authority.style, report.authority.explanation(self.lang),
                 tuple(self._flow_text(f) for f in report.authority.evidence),
                 tuple((m.template_id, m.score, tuple(m.differed_text(self.lang)))
                       for m in report.nearest[:5]))
        if shown != self._shown:
            self._shown = shown
            self._show_authority(report)
            self._show_nearest(report)
        self._show_findings(report)
        self.process.show_report(report)
        self.refreshed.emit()

    def _clear(self) -> None:
        self.report = None
        self._signature = ()
        self._shown = ()
        self.authority_label.setText(self.tr("No document is open."))
        self.evidence_list.clear()
        self.nearest_tree.clear()
        self.findings_tree.clear()
        self.detail.clear()
        self.fix_button.hide()
        self.tabs.setTabText(0, self.tr("Findings"))
        self.process.clear()

    def _flow_text(self, fid: str) -> str:
        design = self.controller.design
        f = design.flows.get(fid)
        if f is None:
            return fid
        src, dst = design.units.get(f.source), design.units.get(f.target)
        a = src.display_name(self.lang) if src else f.source
        b = dst.display_name(self.lang) if dst else f.target
        kind = f.kind.label(self.lang)
        return f"{a} → {b}" + (f"（{kind}）" if self.lang == "ja" else f" ({kind})")

    def _show_authority(self, report: CheckReport) -> None:
        a = report.authority
        heading = self.tr("Authority style:")  # not inside the f-string: lupdate skips those
        self.authority_label.setText(
            f"<b>{heading}</b> {_esc(a.label(self.lang))}<br>"
            f"{_esc(a.explanation(self.lang))}")
        self.evidence_list.clear()
        for fid in a.evidence:
            item = QListWidgetItem(self._flow_text(fid))
            item.setData(_ROLE, fid)
            self.evidence_list.addItem(item)
        self.evidence_list.setVisible(bool(a.evidence))

    def _show_nearest(self, report: CheckReport) -> None:
        self.nearest_tree.clear()
        for m in report.nearest[:5]:
            item = QTreeWidgetItem([m.name(self.lang), f"{m.score:.0%}"])
            item.setData(0, _ROLE, m.template_id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            lines = [f"✓ {t}" for t in m.matched_text(self.lang)]
            lines += [f"✗ {t}" for t in m.differed_text(self.lang)]
            item.setToolTip(0, "\n".join(lines))
            self.nearest_tree.addTopLevelItem(item)
        self.nearest_tree.resizeColumnToContents(1)

    def _show_findings(self, report: CheckReport) -> None:
        texts = [(f.id, f.severity, f.units, f.flows, f.message(self.lang), f.has_fix)
                 for f in report.findings]
        signature = tuple(texts)
        self.tabs.setTabText(0, self.tr("Findings ({0})").format(len(report.findings)))
        if signature != self._signature:
            # Same findings in the same order leave the items (whose data are indices into
            # report.findings) valid, with the selection and the scroll position.
            self._signature = signature
            titles = {Severity.ERROR: self.tr("Errors ({0})"),
                      Severity.WARNING: self.tr("Warnings ({0})"),
                      Severity.INFO: self.tr("Information ({0})")}
            sync_tree(self.findings_tree, report.findings, self.lang, titles)
        self._show_detail()

    # ---- interaction ------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        item = self.findings_tree.currentItem()
        if item is None or self.report is None or item.parent() is None:
            return None
        index = item.data(0, _ROLE)
        if not isinstance(index, int) or index >= len(self.report.findings):
            return None
        return self.report.findings[index]

    def _show_detail(self) -> None:
        f = self.current_finding()
        if f is None:
            self.detail.setText(self.tr("Select a finding to see what to do about it.")
                                if self.report and self.report.findings else
                                (self.tr("No findings.") if self.report else ""))
            self.fix_button.hide()
            return
        source = self.tr("Source:")
        self.detail.setText(f"{_esc(f.suggestion(self.lang))}<br><i>{source}</i> "
                            f"{_esc(f.source_text(self.lang))}")
        if f.has_fix:
            self.fix_button.setText(self.tr("Quick fix: {0}").format(f.fix_label(self.lang)))
            self.fix_button.show()
        else:
            self.fix_button.hide()

    def _finding_clicked(self, item: QTreeWidgetItem) -> None:
        self.findings_tree.setCurrentItem(item)
        f = self.current_finding()
        if f is None or self.controller is None:
            return
        units = list(f.units)
        if not units:
            design = self.controller.design
            for fid in f.flows:
                flow = design.flows.get(fid)
                if flow is not None:
                    units += [u for u in (flow.source, flow.target) if u not in units]
        if units:
            self.controller.select_units(units, center=True)

    def _evidence_clicked(self, item: QListWidgetItem) -> None:
        if self.controller is None:
            return
        flow = self.controller.design.flows.get(item.data(_ROLE))
        if flow is not None:
            self.controller.select_units([flow.source, flow.target], center=True)

    def apply_fix(self) -> bool:
        """Apply the current finding's quick fix as one undoable step."""
        f = self.current_finding()
        if f is None or self.controller is None or not f.has_fix:
            return False
        batch = f.fix
        if batch is None:
            return False
        # a unit the fix adds goes to free space near the unit it joins, not onto a box
        batch = place_new_units(self.controller.design, batch, self.controller.lang)
        done = self.controller.push(batch, f.fix_label(self.lang),
                                    texts={lg: f.fix_label(lg) for lg in ("en", "ja")})
        added = [o.unit.id for o in batch.ops if isinstance(o, ops.AddUnit)]
        if done and added:  # show what the fix added (it may be off screen)
            self.controller.select_units(added, center=True)
        self.refresh()
        return bool(done)

def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

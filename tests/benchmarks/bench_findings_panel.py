"""Benchmark: the findings panel's work per edit on a 1,000-unit design (target ≤ 20 ms,
DESIGN.md §9), and the autosave snapshot time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_findings_panel \
        [--units 1000] [--edits 30]

Each edit is a real undoable rename pushed through the document controller; the panel's
re-check (what its debounce timer runs once per burst of edits) is timed, split into the
checker (`analysis.check`) and the panel's own update. Prints medians. Not collected by
pytest (the file name does not start with test_).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=30)
    ns = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from orgdesigner import autosave, synthetic
    from orgdesigner.analysis import check
    from orgdesigner.formats import orgd
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.panels.findings_panel import FindingsPanel
    from orgdesigner.model import ops

    design = synthetic.generate(ns.units)
    controller = DocumentController(design, None, "en")
    panel = FindingsPanel("en")
    panel.resize(420, 900)
    panel.show()
    panel.set_controller(controller)
    app.processEvents()
    units = list(design.units)
    total, checker, view, dumps = [], [], [], []
    for i in range(ns.edits):
        uid = units[(i * 37) % len(units)]
        controller.push(ops.UpdateUnit(uid, {"name": f"部署 {i}"}), "Rename")
        gc.collect()
        start = time.perf_counter()
        panel.refresh()
        total.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        report = check(design)
        checker.append((time.perf_counter() - start) * 1000)
        panel._signature = ()  # force the findings list to be rebuilt: the worst case
        start = time.perf_counter()
        panel._show_authority(report)
        panel._show_nearest(report)
        panel._show_findings(report)
        panel._show_process(report)
        view.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        orgd.dumps(design)
        dumps.append((time.perf_counter() - start) * 1000)
    t = statistics.median(total)
    print(f"{len(design.units)} units, {len(panel.report.findings)} findings, {ns.edits} edits")
    print(f"  re-check per edit (check + panel update): median {t:.1f} ms "
          f"(target ≤ {TARGET_MS:.0f} ms) {'OK' if t <= TARGET_MS else 'OVER'}")
    print(f"    analysis.check alone: median {statistics.median(checker):.1f} ms; panel update "
          f"alone (list rebuilt): median {statistics.median(view):.1f} ms")
    print(f"  autosave snapshot (orgd.dumps): median {statistics.median(dumps):.1f} ms")
    start = time.perf_counter()
    autosave.write(design, "bench", session="sbench", directory=None)
    print(f"  autosave write incl. fsync: {(time.perf_counter() - start) * 1000:.1f} ms")
    autosave.remove("bench", session="sbench")
    controller.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

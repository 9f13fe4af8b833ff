"""Canvas benchmark (DESIGN.md §9: a 5,000-unit group populates the canvas in ≤ 1.5 s and
pans smoothly). Run: `.venv/bin/python -m tests.benchmarks.bench_canvas [N_UNITS] [REPEATS]`.

Prints medians of: building the scene for the laid-out design (all unit, flow and frame
items), the first full paint of a 1600×1000 view fitted to the whole design, and a pan step
at a readable zoom (full repaint, and incremental as a drag repaints). The view starts at the
top-left of the design, where the head-office CSIRT's ~2,500 incident-report flows cross it:
the worst place to pan. Offscreen; not collected by pytest.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from orgdesigner import synthetic
    from orgdesigner.gui.controller import DocumentController
    from orgdesigner.gui.view import DiagramView
    from orgdesigner.render.layout import layout_ops

    n = int(argv[0]) if argv else 5000
    repeats = int(argv[1]) if len(argv) > 1 else 5
    app = QApplication.instance() or QApplication([])
    design = synthetic.generate(n)
    layout_ops(design, compact=True).apply(design)
    populate, first_paint, pan, pan_inc = [], [], [], []
    for _ in range(repeats):
        d = design.copy()
        t0 = time.perf_counter()
        ctrl = DocumentController(d, None, lang="en")
        ctrl.scene.flush()
        populate.append(time.perf_counter() - t0)
        view = DiagramView(ctrl.scene)
        view.resize(1600, 1000)
        view.show()
        app.processEvents()
        t0 = time.perf_counter()
        view.fit_to_window()
        view.viewport().repaint()
        first_paint.append(time.perf_counter() - t0)
        view.set_zoom(0.8)
        bar = view.horizontalScrollBar()
        steps = []
        for _i in range(20):
            t0 = time.perf_counter()
            bar.setValue(bar.value() + 40)
            view.viewport().repaint()
            steps.append(time.perf_counter() - t0)
        pan.append(statistics.median(steps))
        steps = []
        for _i in range(20):  # what a user's drag does: scroll, repaint only the exposed strip
            t0 = time.perf_counter()
            bar.setValue(bar.value() + 40)
            app.processEvents()
            steps.append(time.perf_counter() - t0)
        pan_inc.append(statistics.median(steps))
        view.close()
        ctrl.close()
        view.deleteLater()
        ctrl.deleteLater()
        app.processEvents()
    items = len(d.units), len(d.flows), len(d.companies)
    print(f"canvas benchmark: {items[0]} units, {items[1]} flows, {items[2]} companies, "
          f"{repeats} runs")
    print(f"  populate scene      median {statistics.median(populate) * 1000:8.1f} ms "
          f"(target ≤ 1500 ms)")
    print(f"  first paint (fit)   median {statistics.median(first_paint) * 1000:8.1f} ms")
    for name, data in (("pan, full repaint", pan), ("pan, incremental", pan_inc)):
        m = statistics.median(data)
        print(f"  {name:<19} median {m * 1000:8.1f} ms per 40 px step at 80 % zoom "
              f"({1 / max(m, 1e-6):.0f} frames/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

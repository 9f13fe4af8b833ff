"""Canvas benchmark (DESIGN.md §9: a 5,000-unit group populates the canvas in ≤ 1.5 s and
pans smoothly). Run: `.venv/bin/python -m tests.benchmarks.bench_canvas [N_UNITS] [REPEATS]`.

Prints medians of: building the scene for the laid-out design (every unit, flow and frame),
the first full paint of a 1600×1000 view fitted to the whole design, a repaint of that
fitted view, and pan steps of 40 px — fitted, and at 30 % and 80 % zoom centred on the
head-office CSIRT, where its ~2,500 incident-report flows from every department cross the
view (the worst place to pan). A pan step is timed two ways: as a drag repaints it (scroll,
repaint only the exposed strip: what the user feels) and as a full repaint (what a zoom
step or a window resize costs). Also the process's peak resident memory. Offscreen; not
collected by pytest.

`--app-memory [N]` instead measures the whole app's resident memory with an N-unit design
(default 10,000) open in the main window (issue 9: under 500 MB at 10,000 units).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STEP = 40  # pixels per pan step
STEPS = 12


def _pan(app, view, full: bool) -> list[float]:
    """Time STEPS pan steps right (or down, when the design fits the view's width)."""
    bar = view.horizontalScrollBar()
    if bar.maximum() - bar.minimum() < STEP * STEPS:
        bar = view.verticalScrollBar()
    if bar.maximum() - bar.minimum() < STEP:
        return []
    sign = 1 if bar.value() + STEP * STEPS <= bar.maximum() else -1
    out = []
    for _ in range(STEPS):
        t0 = time.perf_counter()
        bar.setValue(bar.value() + sign * STEP)
        if full:
            view.viewport().repaint()
        else:
            app.processEvents()  # what a drag does: scroll, repaint the exposed strip
        out.append(time.perf_counter() - t0)
    return out


def _repaint(view) -> list[float]:
    out = []
    for _ in range(STEPS // 2):
        t0 = time.perf_counter()
        view.viewport().repaint()
        out.append(time.perf_counter() - t0)
    return out


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc."""
    fields = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    kb = lambda key: float(fields.get(key, "0 kB").split()[0])  # noqa: E731
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def app_memory(n: int) -> int:
    """Open an N-unit design in the real main window, show it, look around; print memory."""
    from PySide6.QtWidgets import QApplication

    from orgdesigner import synthetic
    from orgdesigner.gui.shell.main_window import MainWindow
    from orgdesigner.render.layout import layout_ops

    app = QApplication.instance() or QApplication([])
    base = _rss_mb()[0]
    window = MainWindow(lang="en")
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    shell = _rss_mb()[0]
    design = synthetic.generate(n)
    layout_ops(design, compact=True).apply(design)
    t0 = time.perf_counter()
    ctrl = window.open_design(design, None)
    app.processEvents()
    opened = time.perf_counter() - t0
    _wait(2000)  # the panels' debounced work (findings, budget, overview) runs too
    view = window.current_view()
    for zoom in (None, 0.3, 0.8, 1.5):  # fitted, then closer: item caches fill up
        if zoom is None:
            view.fit_to_window()
        else:
            view.set_zoom(zoom)
        for _ in range(10):
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 200)
            app.processEvents()
    ctrl.scene.branches.collapse([u for u in list(design.units)[:50]])
    ctrl.scene.branches.expand_all()
    _wait(1000)
    now, peak = _rss_mb()
    print(f"app memory: {len(design.units)} units, {len(design.flows)} flows open in the main "
          f"window (1600×1000, offscreen), opened in {opened:.1f} s")
    print(f"  Python + Qt loaded          {base:7.0f} MB")
    print(f"  main window shown           {shell:7.0f} MB")
    print(f"  design open, viewed         {now:7.0f} MB resident (target < 500 MB)")
    print(f"  peak                        {peak:7.0f} MB")
    for c in window.documents():
        c.undo_stack.setClean()
    window.close()
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--app-memory":
        return app_memory(int(argv[1]) if len(argv) > 1 else 10000)
    from PySide6.QtWidgets import QApplication

    from orgdesigner import synthetic
    from orgdesigner.gui.canvas.controller import DocumentController
    from orgdesigner.gui.canvas.view import DiagramView
    from orgdesigner.model import FlowKind
    from orgdesigner.render.layout import layout_ops

    n = int(argv[0]) if argv else 5000
    repeats = int(argv[1]) if len(argv) > 1 else 5
    app = QApplication.instance() or QApplication([])
    design = synthetic.generate(n)
    layout_ops(design, compact=True).apply(design)
    incoming: dict[str, int] = {}
    for f in design.flows.values():
        if f.kind is FlowKind.REPORT:
            incoming[f.target] = incoming.get(f.target, 0) + 1
    hub = max(incoming, key=incoming.__getitem__)
    rows: dict[str, list[float]] = {}

    def add(key: str, values: list[float]) -> None:
        rows.setdefault(key, []).extend(values)

    for _ in range(repeats):
        d = design.copy()
        t0 = time.perf_counter()
        ctrl = DocumentController(d, None, lang="en")
        ctrl.scene.flush()
        add("populate", [time.perf_counter() - t0])
        view = DiagramView(ctrl.scene)
        view.resize(1600, 1000)
        view.show()
        app.processEvents()
        t0 = time.perf_counter()
        view.fit_to_window()
        view.viewport().repaint()
        add("first paint", [time.perf_counter() - t0])
        add("fitted, repaint", _repaint(view))
        add("fitted, drag", _pan(app, view, full=False))
        unit = d.units[hub]
        for zoom, key in ((0.3, "30 % zoom"), (0.8, "worst spot")):
            view.set_zoom(zoom)
            view.centerOn(unit.x + 700 / zoom * 0.8, unit.y + 300)  # the CSIRT at the left
            app.processEvents()
            add(f"{key}, drag", _pan(app, view, full=False))
            add(f"{key}, full", _pan(app, view, full=True))
        view.close()
        ctrl.close()
        view.deleteLater()
        ctrl.deleteLater()
        app.processEvents()
    items = len(design.units), len(design.flows), len(design.companies)
    print(f"canvas benchmark: {items[0]} units, {items[1]} flows, {items[2]} companies, "
          f"{repeats} runs, 1600×1000 view; {incoming[hub]} incident-report flows into {hub}")

    def line(label: str, text: str) -> None:
        print(f"  {label:<30} {text}")

    line("populate scene", f"median {statistics.median(rows['populate']) * 1000:7.1f} ms "
                           "(target ≤ 1500 ms)")
    line("first paint, fitted", f"median {statistics.median(rows['first paint']) * 1000:7.1f} ms")
    m = statistics.median(rows["fitted, repaint"])
    line("repaint, fitted", f"median {m * 1000:7.1f} ms ({1 / max(m, 1e-6):.0f} frames/s)")
    for key in ("fitted, drag", "30 % zoom, drag", "30 % zoom, full", "worst spot, drag",
                "worst spot, full"):
        data = rows.get(key, [])
        if not data:
            line(f"pan step, {key}", "n/a (the whole design is in view: nothing to scroll)")
            continue
        m = statistics.median(data)
        line(f"pan step, {key}", f"median {m * 1000:7.1f} ms per {STEP} px "
                                 f"({1 / max(m, 1e-6):.0f} frames/s; target ≥ 30)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line("peak resident memory", f"{peak:7.0f} MB (whole benchmark process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What a user of the desktop app waits for, measured on the real main window (offscreen).

    python -m tests.benchmarks.bench_app FILE.orgd

- open → first paint: from before the process starts (the parent's clock) to the first paint
  of the canvas with the document open and its docks — Python start-up, imports, reading the
  file and building the scene included; a design under 2,000 units is checked before that
  paint, a larger one after it, in slices (the findings dock says it is checking);
- open → findings shown: from the same start until the findings dock shows the first check;
- edit → findings shown: a rename pushed through the controller (undo stack, scene update),
  until the findings dock has re-checked and the event loop has drawn it; also how long the
  push itself blocks the UI;
- peak memory of the app process.
The edit is made once the first findings are shown (an edit during the first check of a
large design restarts it; that wait is the "findings" figure).
Prints one JSON line: {"paint": s, "findings": s, "edit_block": s, "edit_findings": s,
"rss": MB, "host": s} — "host" is `timing.host_speed()` right after the run (a fixed
pure-Python loop, about 0.17 s at this machine's usual speed: its speed drifts).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

from tests.benchmarks.timing import fresh_app_env, host_speed, main_window


def measure(path: str, timeout: float = 600) -> dict[str, float]:
    """Start the app on `path` in a fresh process (own settings folder, offscreen)."""
    env = fresh_app_env()
    start = time.time()
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_app", "--child", path],
                          capture_output=True, text=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["paint"] = out.pop("painted_at") - start
    out["findings"] = out.pop("findings_at") - start
    out["host"] = host_speed()  # the same loop each run: how fast the host was just now
    return out


def _child(path: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from orgdesigner.gui.shell.app import start
    from orgdesigner.model import ops

    app, window, settings = main_window()
    start(window, settings, [path], gallery=False)
    result: dict[str, float] = {}
    view = window.current_view()
    assert view is not None, "the file did not open"

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if (event.type() == QEvent.Type.Paint and obj is view.viewport()
                    and "painted_at" not in result):
                result["painted_at"] = time.time()
                QTimer.singleShot(0, first_findings)
            return False

    def first_findings() -> None:
        panel = window.analysis.findings
        deadline = time.perf_counter() + 120
        while (panel.report is None or panel.pending) and time.perf_counter() < deadline:
            app.processEvents()
        app.processEvents()  # the dock's repaint
        result["findings_at"] = time.time()
        edit()

    def edit() -> None:
        c = window.current_controller()
        panel = window.analysis.findings
        uid = next(iter(c.design.units))
        done: list[float] = []
        panel.refreshed.connect(lambda: done.append(time.perf_counter()))
        t = time.perf_counter()
        c.push(ops.UpdateUnit(uid, {"name": c.design.units[uid].name + "（改）"}), "Rename")
        result["edit_block"] = time.perf_counter() - t
        deadline = time.perf_counter() + 60
        while not done and time.perf_counter() < deadline:
            app.processEvents()
        app.processEvents()  # the dock's repaint
        result["edit_findings"] = (done[0] if done else time.perf_counter()) - t
        result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result), flush=True)
        os._exit(0)  # no "save changes?" and no teardown: not what the user waits for

    watcher = FirstPaint()
    view.viewport().installEventFilter(watcher)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
    else:
        print(json.dumps(measure(sys.argv[1])))

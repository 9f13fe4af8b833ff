"""How long the app stops answering after an edit of a large, fully routed design.

    python -m tests.benchmarks.bench_pause FILE.orgd [--edits N]

The app opens FILE in a fresh process (offscreen, own settings folder) with its docks as
a user has them (findings and budget shown), and waits until every flow is routed. Then it
renames N units one after another — the first units of the file, which in a generated group
are its management, CIO and CSIRT (the CSIRT's rename widens its box and re-routes every
incident report running into it) — and for 1.5 s after each watches a 5 ms heartbeat timer:
the longest gap between two beats is the longest the event loop was busy, i.e. how long a
key press or click would have waited. Also the push itself (the edit's synchronous part).

Prints one row per edit and, last, one JSON line: {"pause": median of the longest gaps (s),
"pause_max": s, "push": median (s), "routed": s after open, "host": s}.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

from tests.benchmarks.timing import fresh_app_env, host_speed, main_window

HEARTBEAT_MS = 5
WATCH_S = 1.5


def measure(path: str, edits: int = 8, timeout: float = 900) -> dict[str, float]:
    env = fresh_app_env()
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_pause", "--child",
                           path, str(edits)], capture_output=True, text=True, env=env,
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    lines = proc.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    out = json.loads(lines[-1])
    out["host"] = host_speed()
    return out


def _child(path: str, edits: int) -> None:
    import time

    from PySide6.QtCore import QTimer

    from orgdesigner.gui.shell.app import start
    from orgdesigner.model import ops

    app, window, settings = main_window()
    opened = time.perf_counter()
    start(window, settings, [path], gallery=False)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    rows: list[tuple[float, float]] = []
    result: dict[str, float] = {}

    def edit(k: int) -> None:
        c = window.current_controller()
        if k >= min(edits, len(c.design.units)):
            gaps = [g for _p, g in rows]
            result.update(pause=statistics.median(gaps), pause_max=max(gaps),
                          push=statistics.median(p for p, _g in rows))
            print(json.dumps(result), flush=True)
            os._exit(0)  # no "save changes?": not what is measured
        uid = list(c.design.units)[k]
        unit = c.design.units[uid]
        beats.clear()
        t = time.perf_counter()
        c.push(ops.UpdateUnit(uid, {"name": unit.name + "（改）"}), "Rename")
        push = time.perf_counter() - t
        beats.append(time.perf_counter())

        def report() -> None:
            marks = [*beats, time.perf_counter()]
            gap = max(b - a for a, b in zip(marks, marks[1:], strict=False))
            rows.append((push, gap))
            print(f"rename {uid:>10} {unit.kind.value:>10} {len(c.design.flow_ids_at(uid)):>6} "
                  f"flows  push {push * 1000:6.1f} ms  longest pause {gap * 1000:6.1f} ms",
                  flush=True)
            QTimer.singleShot(200, lambda: edit(k + 1))

        QTimer.singleShot(round(WATCH_S * 1000), report)

    def wait_routed() -> None:
        c = window.current_controller()
        if c is None or c.scene.flows.routing():
            QTimer.singleShot(200, wait_routed)
            return
        result["routed"] = time.perf_counter() - opened
        heartbeat.start()
        QTimer.singleShot(1000, lambda: edit(0))

    QTimer.singleShot(100, wait_routed)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        args = sys.argv[1:]
        n = int(args[args.index("--edits") + 1]) if "--edits" in args else 8
        print(json.dumps(measure(args[0], n)))

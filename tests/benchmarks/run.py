"""The scale benchmark (DESIGN.md §9): one command, one table.

    make bench                      # 1k, 5k, 10k units
    python -m tests.benchmarks.run --sizes 1000 5000 --repeat 5

Each size runs in its own process (so its peak memory is its own) on a seeded synthetic
business group (`orgdesigner.synthetic.generate`). Times are medians over `--repeat` runs;
Graphviz `dot` runs once per size (it is slow) on the same reporting tree as the tidy layout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import dot_seconds, median_time

# (row key, label, target in seconds at the size the target applies to, that size)
ROWS = [
    ("open", "open .orgd", 0.5, 5000),
    ("save", "save .orgd", None, None),
    ("check", "full check", 0.2, 5000),
    ("recheck", "single-edit recheck", 0.020, 1000),
    ("layout", "tidy layout", 0.3, 5000),
    ("dot", "Graphviz dot (same tree)", None, None),
    ("ratio", "dot ÷ tidy (×)", 30, 5000),
    ("route500", "route 500 overlay flows", 0.5, 5000),
    ("reroute", "re-route after a move", 0.016, 1000),
    ("canvas", "canvas populated", 1.5, 5000),
    ("workbook", "budget workbook", 2.0, 5000),
    ("svg", "SVG export", None, None),
    ("pptx", "PowerPoint export (.pptx)", 3.0, 1000),
    ("drawio", "draw.io export", 2.0, 5000),
    ("import", "import sheet (row per unit)", 1.0, 5000),
    ("compare", "compare two scenarios", 0.2, 5000),
    ("options", "generate the three options", 2.0, 5000),
    ("rss", "peak memory (MB)", None, None),
]


def child(n: int, repeat: int, with_dot: bool) -> dict[str, float | None]:
    from orgdesigner.formats import orgd
    from orgdesigner.synthetic import generate

    out: dict[str, float | None] = {}
    design = generate(n)
    tmp = Path(tempfile.mkdtemp(prefix="orgd-bench-"))
    path = tmp / "big.orgd"
    out["save"] = median_time(lambda: orgd.save(design, path), repeat)
    out["open"] = median_time(lambda: orgd.load(path), repeat)

    try:
        from orgdesigner.analysis import check
    except ImportError:
        check = None
    if check is not None:
        out["check"] = median_time(lambda: check(design), repeat)
        uid = next(iter(design.units))

        def one_edit() -> None:
            design.update_unit(uid, headcount=design.units[uid].headcount + 1)
            check(design)

        out["recheck"] = median_time(one_edit, repeat * 3)

    try:
        from orgdesigner.render.layout import compute_layout, layout_ops
    except ImportError:
        compute_layout = None
    if compute_layout is not None:
        out["layout"] = median_time(lambda: compute_layout(design), repeat)
        layout_ops(design).apply(design)
        if with_dot:
            out["dot"] = dot_seconds(design)
            out["ratio"] = out["dot"] / out["layout"] if out["layout"] else None

    from tests.benchmarks.bench_routing import move_time, route, setup
    _d, rects, shapes, bars, flows = setup(n)
    out["route500"] = median_time(lambda: route(rects, shapes, bars, flows[:500]), repeat)
    out["reroute"] = move_time(rects, shapes, bars, flows)
    try:
        from orgdesigner.render.export import export_diagram
        out["svg"] = median_time(lambda: export_diagram(design, tmp / "d.svg"), max(1, repeat // 2))
        out["pptx"] = median_time(lambda: export_diagram(design, tmp / "d.pptx"),
                                  max(1, repeat // 2))
        out["drawio"] = median_time(lambda: export_diagram(design, tmp / "d.drawio"),
                                    max(1, repeat // 2))
    except ImportError:
        pass
    try:
        from orgdesigner.budget.workbook import write_workbook
        out["workbook"] = median_time(lambda: write_workbook(design, tmp / "b.xlsx"),
                                      max(1, repeat // 2))
    except ImportError:
        pass
    try:
        from orgdesigner.formats.table_export import write_table
        from orgdesigner.formats.table_import import read_table
        sheet = tmp / "units.csv"
        write_table(design, sheet)
        out["import"] = median_time(lambda: read_table(sheet), repeat)
    except ImportError:
        pass
    out.update(_proposal_times(design, repeat))
    out["canvas"] = _canvas_time(design, repeat)
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _proposal_times(design, repeat: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Generating the least-change options, and comparing the baseline with the textbook one
    (the one that moves a unit and adds the most flows)."""
    try:
        from orgdesigner.analysis.comparison import compare
        from orgdesigner.analysis.options import generate as options
    except ImportError:
        return {}
    out = {"options": median_time(lambda: options(design), max(1, repeat // 2))}
    other = options(design)[-1].design
    out["compare"] = median_time(lambda: compare(design, other), repeat)
    return out


def _canvas_time(design, repeat: int) -> float | None:  # type: ignore[no-untyped-def]
    """Building the scene (every unit, flow and frame item) for the laid-out design."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from orgdesigner.gui.canvas.controller import DocumentController
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(max(1, repeat // 2)):
        copy = design.copy()
        t = time.perf_counter()
        controller = DocumentController(copy, None, lang="en")
        controller.scene.flush()
        times.append(time.perf_counter() - t)
        controller.close()
        controller.deleteLater()
        app.processEvents()
    return statistics.median(times)


def fmt(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key == "rss":
        return f"{value:.0f}"
    if key == "ratio":
        return f"{value:.0f}×"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-dot", action="store_true", help="skip Graphviz dot (slow)")
    ap.add_argument("--no-hostile", action="store_true",
                    help="skip the pathological shapes (bench_hostile: 50,000-deep chain, …)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child:
        print(json.dumps(child(ns.child, ns.repeat, not ns.no_dot)))
        return 0
    results: dict[int, dict[str, float | None]] = {}
    for n in ns.sizes:
        print(f"measuring {n} units …", file=sys.stderr, flush=True)
        cmd = [sys.executable, "-m", "tests.benchmarks.run", "--child", str(n),
               "--repeat", str(ns.repeat)] + (["--no-dot"] if ns.no_dot else [])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        results[n] = json.loads(proc.stdout.strip().splitlines()[-1])
    head = f"{'operation':<26}" + "".join(f"{f'{n:,} units':>14}" for n in ns.sizes) + \
        "   target"
    print(head)
    print("-" * len(head))
    for key, label, target, at in ROWS:
        cells = "".join(f"{fmt(key, results[n].get(key)):>14}" for n in ns.sizes)
        verdict = ""
        if target is not None and at in results and results[at].get(key) is not None:
            value = results[at][key]
            ok = value >= target if key == "ratio" else value <= target
            shown = f"≥ {target}×" if key == "ratio" else f"≤ {fmt(key, target)}"
            verdict = f"{shown} at {at:,}: {'met' if ok else 'MISSED'}"
        print(f"{label:<26}{cells}   {verdict}")
    print(f"\n(medians of {ns.repeat} runs; dot once per size; machine: {os.cpu_count()} cores)")
    if not ns.no_hostile:
        print("\npathological shapes, per command:", flush=True)
        subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_hostile"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The scale benchmark (DESIGN.md §9): one command, one table of what users wait for.

    make bench                                  # 1k, 5k, 20k and 50k units (long)
    python -m tests.benchmarks.run --sizes 1k 5k --repeat 3
    python -m tests.benchmarks.run --sizes 50k --rows workbook pdf paint edit

Each size runs in its own process (so its peak memory is its own) on a seeded synthetic
business group (`orgdesigner.synthetic.generate`). Times are medians over `--repeat` runs —
Graphviz `dot` too, as many runs as the tidy layout it is compared with. The last column is
the growth exponent k of each row (time ∝ n^k between the smallest and largest size: 1 is
linear). Rows measure what the user waits for: `budget -o` and `export -o x.pdf` run the
command's default path in-process (file read included); "open → first paint" starts the real
main window offscreen in a fresh process on the saved file and stops at the canvas's first
paint with its docks ("open → findings shown": until the findings dock shows the first
check, which a design over 2,000 units gets after that paint); "edit → findings shown"
then pushes a rename through the controller and waits until the findings dock has
re-checked and drawn (tests/benchmarks/bench_app.py).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import dot_seconds, installed_bytecode, median_time

# (row key, label, target in seconds at the size the target applies to, that size)
ROWS = [
    ("open", "open .orgd (read only)", 0.5, 5000),
    ("save", "save .orgd", None, None),
    ("check", "full check", 3.0, 50000),
    ("recheck", "edit + recheck (model only)", 0.020, 1000),
    ("layout", "tidy layout", 0.3, 5000),
    ("dot", "Graphviz dot (same tree)", None, None),
    ("ratio", "dot ÷ tidy (× of medians)", 30, 5000),
    ("route500", "route 500 overlay flows", 0.5, 5000),
    ("reroute", "re-route after a move", 0.016, 1000),
    ("canvas", "scene built (no file/paint)", 1.5, 5000),
    ("paint", "open → first paint (app)", 3.0, 50000),
    ("findings", "open → findings shown (app)", None, None),
    ("edit_block", "edit: UI blocked (app)", 0.100, 50000),
    ("edit", "edit → findings shown (app)", 0.100, 1000),
    ("app_rss", "app peak memory (MB)", 500, 50000),
    ("workbook", "budget -o (default path)", 10.0, 50000),
    ("pdf", "export -o x.pdf (default)", 10.0, 50000),
    ("svg", "SVG export (whole design)", None, None),
    ("pptx", "PowerPoint export (.pptx)", 3.0, 1000),
    ("drawio", "draw.io export", 2.0, 5000),
    ("import", "import sheet (row per unit)", 1.0, 5000),
    ("compare", "compare two scenarios", 0.2, 5000),
    ("options", "generate the three options", 2.0, 5000),
    ("rss", "peak memory (MB)", None, None),
]


def size(text: str) -> int:
    """"5k" or "5000" → 5000."""
    text = text.lower().replace(",", "").replace("_", "")
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def child(n: int, repeat: int, with_dot: bool,
          rows: set[str] | None = None) -> dict[str, float | None]:
    from orgdesigner.formats import orgd
    from orgdesigner.synthetic import generate

    def want(*keys: str) -> bool:
        return rows is None or any(k in rows for k in keys)

    out: dict[str, float | None] = {}
    design = generate(n)
    tmp = Path(tempfile.mkdtemp(prefix="orgd-bench-"))
    path = tmp / "big.orgd"
    out["save"] = median_time(lambda: orgd.save(design, path), repeat)
    if want("open"):
        out["open"] = median_time(lambda: orgd.load(path), repeat)
    from orgdesigner.analysis import check

    if want("check", "recheck"):
        out["check"] = median_time(lambda: check(design), repeat)
        uid = next(iter(design.units))

        def one_edit() -> None:
            design.update_unit(uid, headcount=design.units[uid].headcount + 1)
            check(design)

        out["recheck"] = median_time(one_edit, repeat * 3)

    from orgdesigner.render.layout import compute_layout, layout_ops

    if want("layout", "ratio", "dot"):
        out["layout"] = median_time(lambda: compute_layout(design), repeat)
    layout_ops(design).apply(design)  # as a saved, laid-out design arrives in the app
    orgd.save(design, path)
    if with_dot and want("dot", "ratio"):
        out["dot"] = statistics.median(dot_seconds(design) for _ in range(max(1, repeat)))
        out["ratio"] = out["dot"] / out["layout"] if out.get("layout") else None
    if want("route500", "reroute"):
        from tests.benchmarks.bench_routing import move_time, route, setup
        _d, rects, shapes, bars, flows = setup(n)
        out["route500"] = median_time(lambda: route(rects, shapes, bars, flows[:500]), repeat)
        out["reroute"] = move_time(rects, shapes, bars, flows)
    from orgdesigner.cli import main as cli
    from orgdesigner.render.export import export_diagram

    few = max(1, repeat // 2)
    if want("pdf"):
        out["pdf"] = median_time(lambda: cli(["export", str(path), "-o",
                                              str(tmp / "d.pdf"), "-q"]), few)
    if want("workbook"):
        out["workbook"] = median_time(lambda: cli(["budget", str(path), "-o",
                                                   str(tmp / "b.xlsx"), "-q"]), few)
    for key, suffix in (("svg", "svg"), ("pptx", "pptx"), ("drawio", "drawio")):
        if want(key):
            out[key] = median_time(lambda s=suffix: export_diagram(design, tmp / f"d.{s}"), few)
    if want("import"):
        from orgdesigner.formats.table_export import write_table
        from orgdesigner.formats.table_import import read_table
        sheet = tmp / "units.csv"
        write_table(design, sheet)
        out["import"] = median_time(lambda: read_table(sheet), repeat)
    if want("options", "compare"):
        out.update(_proposal_times(design, repeat))
    if want("canvas"):
        out["canvas"] = _canvas_time(design, repeat)
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if want("paint", "findings", "edit", "edit_block", "app_rss"):
        from tests.benchmarks.bench_app import measure

        runs = [measure(str(path)) for _ in range(few)]
        for key, src in (("paint", "paint"), ("findings", "findings"), ("edit", "edit_findings"),
                         ("edit_block", "edit_block"), ("app_rss", "rss")):
            out[key] = statistics.median(r[src] for r in runs)
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
    if key in ("rss", "app_rss"):
        return f"{value:.0f}"
    if key == "ratio":
        return f"{value:.0f}×"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def exponent(results: dict[int, dict[str, float | None]], key: str) -> str:
    """k in time ∝ n^k between the smallest and the largest size measured."""
    got = [(n, r.get(key)) for n, r in sorted(results.items()) if r.get(key)]
    if len(got) < 2 or key == "ratio":
        return ""
    (n0, v0), (n1, v1) = got[0], got[-1]
    return f"n^{math.log(v1 / v0) / math.log(n1 / n0):.2f}"  # type: ignore[operator]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=size, nargs="+", default=[1000, 5000, 20000, 50000],
                    help="unit counts, e.g. 1k 5k 20k 50k (the default)")
    ap.add_argument("--rows", nargs="+", choices=[k for k, *_ in ROWS], metavar="ROW",
                    help="measure only these rows: " + ", ".join(k for k, *_ in ROWS))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-dot", action="store_true", help="skip Graphviz dot (slow)")
    ap.add_argument("--no-hostile", action="store_true",
                    help="skip the pathological shapes (bench_hostile: 50,000-deep chain, …)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ns = ap.parse_args()
    rows = set(ns.rows) if ns.rows else None
    if ns.child:
        print(json.dumps(child(ns.child, ns.repeat, not ns.no_dot, rows)))
        return 0
    results: dict[int, dict[str, float | None]] = {}
    installed_bytecode()
    for n in ns.sizes:
        print(f"measuring {n} units …", file=sys.stderr, flush=True)
        cmd = [sys.executable, "-m", "tests.benchmarks.run", "--child", str(n),
               "--repeat", str(ns.repeat)] + (["--no-dot"] if ns.no_dot else [])
        cmd += ["--rows", *ns.rows] if ns.rows else []
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        results[n] = json.loads(proc.stdout.strip().splitlines()[-1])
    head = f"{'operation':<30}" + "".join(f"{f'{n:,} units':>14}" for n in ns.sizes) + \
        f"{'growth':>9}   target"
    print(head)
    print("-" * len(head))
    for key, label, target, at in ROWS:
        if rows is not None and key not in rows and key not in ("rss",):
            continue
        cells = "".join(f"{fmt(key, results[n].get(key)):>14}" for n in ns.sizes)
        verdict = ""
        if target is not None:
            shown = f"≥ {target}×" if key == "ratio" else f"≤ {fmt(key, target)}"
            verdict = f"{shown} at {at:,}"
            if at in results and results[at].get(key) is not None:
                value = results[at][key]
                ok = value >= target if key == "ratio" else value <= target
                verdict += f": {'met' if ok else 'MISSED'}"
        print(f"{label:<30}{cells}{exponent(results, key):>9}   {verdict}")
    print(f"\n(medians of {ns.repeat} runs, dot included; app rows and exports "
          f"{max(1, ns.repeat // 2)}; machine: {os.cpu_count()} cores, possibly shared)")
    if not ns.no_hostile and rows is None:
        print("\npathological shapes, per command:", flush=True)
        subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_hostile"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every CLI command at several sizes: is each one linear from 5k to 50k units (issue #22)?

    .venv/bin/python -m tests.benchmarks.bench_cli [--sizes 5k 50k] [--repeat 3] [--only KEY …]

Each command runs as a user runs it — a fresh `python -m orgdesigner …` process — on a
seeded, laid-out synthetic group (`/tmp/layN.orgd` when present, else generated with
`synthetic.generate` + `layout_ops` and saved). For every size the table shows the median
CPU time (user + sys of the child process: what to compare on a shared machine) and the
median wall time, the command's own CPU time ("own": without reading and writing .orgd
files, formats/orgd.py, timed inside the same process by tests/benchmarks/cli_child.py —
that part is benchmarked on its own, and subtracting a separately measured load would
mix two moments of a shared machine), then the growth exponent k (time ∝ n^k between the
smallest and largest size, 1 is linear) of the CPU time and of the own CPU time less the
start-up (the `load` row's own time: interpreter and imports). Targets
of issue #22 are quoted at 50,000 units (wall). Not collected by pytest: no timed
assertions.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.run import size
from tests.benchmarks.timing import installed_bytecode

#: (key, arguments after `python -m orgdesigner`, target in seconds at 50,000 units).
#: {d} is the design, {o} the output directory, {co} a company id, {br} a branch unit id,
#: {cmp} the design with proposals (written by `propose`), {sheet} the exported tables.
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("load", [], None),  # the baseline: start, import the CLI, read the design
    ("info", ["info", "{d}", "-q"], None),
    ("info json", ["info", "{d}", "--format", "json", "-q"], None),
    ("check", ["check", "{d}", "--fail-on", "never", "-q"], 3.0),
    ("check json", ["check", "{d}", "--format", "json", "--fail-on", "never", "-q"], 3.0),
    ("check sarif", ["check", "{d}", "--format", "sarif", "--fail-on", "never", "-q"], 3.0),
    ("check ja", ["check", "{d}", "--lang", "ja", "--fail-on", "never", "-q"], 3.0),
    ("budget", ["budget", "{d}", "-q"], None),
    ("budget json", ["budget", "{d}", "--format", "json", "-q"], None),
    ("budget -o", ["budget", "{d}", "-o", "{o}/b.xlsx", "-q"], 10.0),
    ("budget -o ja", ["budget", "{d}", "-o", "{o}/bj.xlsx", "--lang", "ja", "-q"], 10.0),
    ("budget -o nodiag", ["budget", "{d}", "-o", "{o}/bn.xlsx", "--no-diagram", "-q"], 10.0),
    ("export svg", ["export", "{d}", "-o", "{o}/d.svg", "-q"], None),
    ("export svg overview", ["export", "{d}", "-o", "{o}/do.svg", "--scope", "overview",
                             "-q"], 10.0),
    ("export pdf", ["export", "{d}", "-o", "{o}/d.pdf", "-q"], 10.0),
    ("export pdf all", ["export", "{d}", "-o", "{o}/da.pdf", "--scope", "all", "-q"], None),
    ("export pdf company", ["export", "{d}", "-o", "{o}/dc.pdf", "--scope", "company:{co}",
                            "-q"], None),
    ("export png", ["export", "{d}", "-o", "{o}/d.png", "-q"], 10.0),
    ("export png overview", ["export", "{d}", "-o", "{o}/do.png", "--scope", "overview",
                             "-q"], 10.0),
    ("export png branch", ["export", "{d}", "-o", "{o}/db.png", "--scope", "branch:{br}",
                           "-q"], None),
    ("export png compact", ["export", "{d}", "-o", "{o}/dk.png", "--compact", "-q"], None),
    ("export dot", ["export", "{d}", "-o", "{o}/d.dot", "-q"], None),
    ("export graphml", ["export", "{d}", "-o", "{o}/d.graphml", "-q"], None),
    ("export drawio", ["export", "{d}", "-o", "{o}/d.drawio", "-q"], None),
    ("export pptx", ["export", "{d}", "-o", "{o}/d.pptx", "-q"], None),
    ("export csv", ["export", "{d}", "-o", "{o}/t.csv", "-q"], None),
    ("export xlsx", ["export", "{d}", "-o", "{o}/t.xlsx", "-q"], None),
    ("import csv", ["import", "{sheet}.csv", "-o", "{o}/ic.orgd", "-q"], 5.0),
    ("import xlsx", ["import", "{sheet}.xlsx", "-o", "{o}/ix.orgd", "-q"], 5.0),
    ("propose", ["propose", "{d}", "-o", "{cmp}", "-q"], None),
    ("compare", ["compare", "{cmp}", "-q"], None),
    ("compare json", ["compare", "{cmp}", "--format", "json", "-q"], None),
    ("compare 2 files", ["compare", "{d}", "{o}/ic.orgd", "-q"], None),
    ("deck", ["deck", "{d}", "-o", "{o}/deck.pptx", "-q"], None),
    ("templates", ["templates", "-q"], None),
    ("new", ["new", "-o", "{o}/new.orgd", "-q"], None),
]
LOAD_SCRIPT = ("import sys, time; from orgdesigner.cli import main; "
               "from orgdesigner.cli.common import load_design; t = time.process_time(); "
               "load_design(sys.argv[1], 'en'); import os; "
               "open(os.environ['ORGD_BENCH_FILE_CPU'], 'w').write(str(time.process_time() - t))")


def design_file(n: int, workdir: Path) -> Path:
    """The laid-out synthetic group of n units: the shared /tmp/layN.orgd, or made now."""
    ready = Path(f"/tmp/lay{n}.orgd")
    if ready.exists():
        copy = workdir / ready.name
        shutil.copyfile(ready, copy)
        return copy
    from orgdesigner.formats import orgd
    from orgdesigner.render.layout import layout_ops
    from orgdesigner.synthetic import generate

    design = generate(n)
    layout_ops(design).apply(design)
    path = workdir / f"lay{n}.orgd"
    orgd.save(design, path)
    return path


def run_once(argv: list[str]) -> tuple[float, float, float]:
    """(wall, CPU of the child, CPU the child spent on .orgd files) of one command in a
    fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".cpu") as spent:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                   "ORGD_BENCH_FILE_CPU": spent.name})
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        text = Path(spent.name).read_text().strip()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        print(f"  ! exit {proc.returncode}: {' '.join(argv[2:])}\n"
              f"    {proc.stderr.decode(errors='replace').strip()[-400:]}", file=sys.stderr)
    return wall, cpu, float(text) if text else 0.0


def measure_size(n: int, repeat: int, only: set[str] | None,
                 keep: Path | None) -> dict[str, tuple[float, float, float]]:
    """Median (wall, CPU, CPU on .orgd files) per command key at n units."""
    from orgdesigner.formats import orgd

    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"orgd-cli-{n}-", dir=keep))
    design_path = design_file(n, work)
    design = orgd.load(design_path)
    company = next(iter(design.companies))
    kids = design.children()
    first = kids.get(design.roots()[0], []) or design.roots()
    branch = max(first, key=lambda u: len(kids.get(u, [])))  # a division-sized branch
    del design
    py = [sys.executable, "-m", "tests.benchmarks.cli_child"]
    subs = {"d": str(design_path), "o": str(work), "co": company, "br": branch,
            "cmp": str(work / "proposals.orgd"), "sheet": str(work / "units")}
    # what the import and compare rows read (only when those rows are measured)
    def wanted(*keys: str) -> bool:
        return only is None or any(k in only for k in keys)

    if wanted("import csv", "import xlsx", "compare 2 files"):
        run_once(py + ["export", str(design_path), "-o", subs["sheet"] + ".csv", "-q"])
        run_once(py + ["export", str(design_path), "-o", subs["sheet"] + ".xlsx", "-q"])
    if wanted("compare", "compare json"):
        run_once(py + ["propose", str(design_path), "-o", subs["cmp"], "-q"])
    if wanted("compare 2 files"):
        run_once(py + ["import", subs["sheet"] + ".csv", "-o", str(work / "ic.orgd"), "-q"])
    out: dict[str, tuple[float, float, float]] = {}
    for key, args, _target in COMMANDS:
        if only and key not in only and key != "load":
            continue
        argv = ([sys.executable, "-c", LOAD_SCRIPT, str(design_path)] if key == "load"
                else py + [a.format(**subs) for a in args])
        runs = [run_once(argv) for _ in range(repeat)]
        out[key] = tuple(statistics.median(r[i] for r in runs) for i in range(3))  # type: ignore[assignment]
        print(f"  {n:>6} {key:<22} cpu {out[key][1]:7.2f} s  wall {out[key][0]:7.2f} s  "
              f"orgd files {out[key][2]:6.2f} s", file=sys.stderr, flush=True)
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return out


def growth(a: tuple[int, float], b: tuple[int, float]) -> str:
    (n0, v0), (n1, v1) = a, b
    if v0 <= 0 or v1 <= 0:
        return "—"
    return f"{math.log(v1 / v0) / math.log(n1 / n0):.2f}"


def table(results: dict[int, dict[str, tuple[float, float, float]]]) -> str:
    sizes = sorted(results)
    lo, hi = sizes[0], sizes[-1]
    head = f"{'command':<22}" + "".join(f"{f'{n:,} cpu':>11}{'own':>7}{'wall':>8}"
                                        for n in sizes) + \
        f"{'k cpu':>7}{'k own':>7}   target at 50,000 (wall)"
    lines = [head, "-" * len(head)]

    def own(n: int, key: str) -> float:
        return results[n][key][1] - results[n][key][2]

    for key, _args, target in COMMANDS:
        if not all(key in results[n] for n in sizes):
            continue
        cells = "".join(f"{results[n][key][1]:11.2f}{own(n, key):7.2f}{results[n][key][0]:8.2f}"
                        for n in sizes)
        k = growth((lo, results[lo][key][1]), (hi, results[hi][key][1])) if hi != lo else ""
        net = ""
        if hi != lo and key != "load" and "load" in results[lo] and "load" in results[hi]:
            # minus the start-up (interpreter, imports: the load row without its file time),
            # a constant that would make any command look sublinear
            net = growth((lo, own(lo, key) - own(lo, "load")), (hi, own(hi, key) - own(hi, "load")))
        verdict = ""
        if target is not None and 50000 in results:
            ok = results[50000][key][0] <= target
            verdict = f"≤ {target:g} s: {'met' if ok else 'MISSED'}"
        lines.append(f"{key:<22}{cells}{k:>7}{net:>7}   {verdict}")
    lines.append("\n(seconds; medians; cpu = user+sys of the command's process, own = cpu "
                 "without reading/writing .orgd files, wall = elapsed; k = growth exponent; "
                 f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=size, nargs="*", default=[5000, 50000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="+", metavar="KEY",
                    help="only these commands: " + ", ".join(k for k, *_ in COMMANDS))
    ap.add_argument("--keep", type=Path, help="keep the outputs under this directory")
    ap.add_argument("--save", type=Path, help="also write the medians to this JSON file")
    ap.add_argument("--merge", type=Path, nargs="+", default=[],
                    help="add sizes measured earlier (JSON files written by --save)")
    ns = ap.parse_args(argv)
    installed_bytecode()
    only = set(ns.only) if ns.only else None
    if only and (unknown := only - {k for k, *_ in COMMANDS}):
        ap.error(f"unknown command keys: {', '.join(sorted(unknown))}")
    results: dict[int, dict[str, tuple[float, float, float]]] = {}
    for path in ns.merge:  # files of before the own-CPU column count no file time
        for n, rows in json.loads(path.read_text()).items():
            results[int(n)] = {k: (v[0], v[1], v[2] if len(v) > 2 else 0.0)
                               for k, v in rows.items()}
    for n in ns.sizes:
        results[n] = measure_size(n, ns.repeat, only, ns.keep)
        if ns.save:
            ns.save.write_text(json.dumps(results, indent=1))
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: import a 5,000-row sheet (target ≤ 1 s including layout, DESIGN.md §9).

    .venv/bin/python -m tests.benchmarks.bench_import [--units 5000] [--repeat 5]

The sheet is the seeded synthetic business group (`synthetic.generate`) exported with
`write_table`, as CSV (with its flows file) and as .xlsx, so it carries every column, several
companies and overlay flows. Prints the median of `--repeat` runs of `read_table`, and how
long it takes without the layout. Not collected by pytest (the file name does not start with test_).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from orgdesigner.formats.table_export import write_table
from orgdesigner.formats.table_import import read_table
from orgdesigner.synthetic import generate
from tests.benchmarks.timing import median_wall_cpu

TARGET_S = 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    ns = parser.parse_args(argv)
    design = generate(ns.units)
    n_rows = len(design.units)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".csv", ".xlsx"):
            sheet = Path(tmp) / f"units{suffix}"
            write_table(design, sheet)
            result = read_table(sheet)
            assert len(result.design.units) == n_rows, "the benchmark sheet must import whole"
            total, total_cpu = median_wall_cpu(lambda s=sheet: read_table(s), ns.repeat)
            bare, _ = median_wall_cpu(lambda s=sheet: read_table(s, layout=False), ns.repeat)
            worst = max(worst, total)
            print(f"import {n_rows:,} rows {suffix:5}  median {total:.3f} s wall, "
                  f"{total_cpu:.3f} s CPU; without the layout {bare:.3f} s wall  "
                  f"[{len(result.design.flows):,} flows, "
                  f"{len(result.design.companies)} companies]")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    verdict = "within" if worst <= TARGET_S else "OVER"
    print(f"worst median {worst:.3f} s — {verdict} the {TARGET_S:g} s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Budget workbook benchmark (DESIGN.md §9: ≤ 2 s for a 5,000-unit group, 200 members).

    .venv/bin/python -m tests.benchmarks.bench_budget [--units 5000] [--repeat 5]

Prints the median time of `compute_budget` and of `write_workbook` (all nine sheets, no
diagram: the diagram is rendered by the diagram export and timed by its own benchmark),
plus the Japanese workbook and the file size. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.benchmarks.timing import median_time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    ns = parser.parse_args(argv)

    from orgdesigner.budget import compute_budget
    from orgdesigner.budget.workbook import write_workbook
    from orgdesigner.synthetic import generate

    design = generate(ns.units, csirt_members=ns.members)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "budget.xlsx"
        write_workbook(design, out)  # warm-up: imports openpyxl, loads the defaults
        rows = [
            ("compute_budget", median_time(lambda: compute_budget(design), ns.repeat)),
            ("workbook (en)", median_time(lambda: write_workbook(design, out), ns.repeat)),
            ("workbook (ja)", median_time(lambda: write_workbook(design, out, lang="ja"),
                                     ns.repeat)),
        ]
        size = out.stat().st_size
    print(f"budget benchmark: {ns.units} units, {ns.members} CSIRT members, "
          f"median of {ns.repeat}")
    for label, seconds in rows:
        print(f"  {label:<16} {seconds * 1000:8.1f} ms")
    print(f"  workbook size    {size / 1024:8.1f} KiB")
    target = 2.0
    worst = max(s for label, s in rows if label.startswith("workbook"))
    print(f"  target ≤ {target:.1f} s: {'met' if worst <= target else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

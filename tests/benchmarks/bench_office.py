"""PowerPoint and draw.io export times (targets: 1,000-unit .pptx ≤ 3 s, 5,000-unit .drawio
≤ 2 s). `python -m tests.benchmarks.bench_office [--repeat N]`; `make bench` runs them too."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.benchmarks.timing import median_wall_cpu


def main() -> None:
    from orgdesigner.render.export import export_diagram
    from orgdesigner.synthetic import generate

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="orgd-bench-office-"))
    for fmt, n, target in (("pptx", 1000, 3.0), ("drawio", 5000, 2.0), ("pptx", 5000, None)):
        design = generate(n)
        wall, cpu = median_wall_cpu(
            lambda d=design, f=fmt: export_diagram(d, tmp / f"d.{f}", lang="ja"), args.repeat)
        goal = f"(target ≤ {target:g} s)" if target else ""
        print(f".{fmt:<7} {n:>6} units  {wall:6.2f} s wall  {cpu:6.2f} s CPU  {goal}")


if __name__ == "__main__":
    main()

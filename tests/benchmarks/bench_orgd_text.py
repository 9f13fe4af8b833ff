"""Benchmark: the .orgd text — json's indented encoder against formats/json_text (issue #22).

    .venv/bin/python -m tests.benchmarks.bench_orgd_text [--sizes 5k 50k] [--repeat 5]

On the laid-out synthetic group of each size (`/tmp/layN.orgd` when present, else generated
and laid out, as tests/benchmarks/bench_cli.py does) prints the median CPU time of:
`json.dumps(data, ensure_ascii=False, indent=1)` (what `orgd.dumps` encoded with before),
`json_text.dumps(data, 1)` (what it encodes with now: the same text, checked here), the
compact C encoder (`indent=None`: the floor), `orgd.to_data`, and `orgd.dumps` whole, the
old way and the new. The runs of the rows alternate, so a busy moment of a shared machine
lands on all of them. Not collected by pytest: no timed assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from orgdesigner.formats import json_text, orgd
from tests.benchmarks.bench_cli import design_file
from tests.benchmarks.run import size


def _old_dumps(design) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(orgd.to_data(design), ensure_ascii=False, indent=1) + "\n"


def measure(n: int, repeat: int) -> dict[str, float]:
    """Median CPU seconds per row at n units."""
    with tempfile.TemporaryDirectory() as tmp:
        design = orgd.load(design_file(n, Path(tmp)))
    data = orgd.to_data(design)
    assert json_text.dumps(data, 1) == json.dumps(data, ensure_ascii=False, indent=1)
    assert orgd.dumps(design) == _old_dumps(design)
    rows: dict[str, Callable[[], object]] = {
        "json.dumps indent=1": lambda: json.dumps(data, ensure_ascii=False, indent=1),
        "json_text.dumps": lambda: json_text.dumps(data, 1),
        "json.dumps compact (C)": lambda: json.dumps(data, ensure_ascii=False),
        "orgd.to_data": lambda: orgd.to_data(design),
        "orgd.dumps before": lambda: _old_dumps(design),
        "orgd.dumps now": lambda: orgd.dumps(design),
    }
    times: dict[str, list[float]] = {k: [] for k in rows}
    for _ in range(max(1, repeat)):
        for key, fn in rows.items():
            start = time.process_time()
            fn()
            times[key].append(time.process_time() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=size, default=[5000, 50000])
    parser.add_argument("--repeat", type=int, default=5)
    ns = parser.parse_args(argv)
    results = {n: measure(n, ns.repeat) for n in ns.sizes}
    keys = list(next(iter(results.values())))
    print(f"{'median CPU s':24}" + "".join(f"{n:>10,}" for n in ns.sizes))
    for key in keys:
        print(f"{key:24}" + "".join(f"{results[n][key]:10.3f}" for n in ns.sizes))
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The pathological shapes of issue 17, timed per CLI command (wall clock, one run each, in
a fresh process like a user's): a 50,000-deep reporting chain, 50,000 companies, one unit
with 50,000 children, 200,000 flows, 100,000 CSIRT members and 50,000 cost items.

    python -m tests.benchmarks.bench_hostile [--scale 1.0] [--timeout 120]
        [--commands info check budget xlsx svg png pdf]

Every command should be linear and end under 10 s on the 2-core development machine; a
command still running at `--timeout` is shown as "> N s".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile.corpus import _json_cases

SHAPES = ("chain", "companies", "wide", "flows", "members", "costs")
COMMANDS = {
    "info": ["info"], "check": ["check"], "budget": ["budget"],
    "xlsx": ["budget", "-o", "{out}.xlsx"], "svg": ["export", "-o", "{out}.svg"],
    "png": ["export", "-o", "{out}.png"], "pdf": ["export", "-o", "{out}.pdf"],
}


def time_command(args: list[str], timeout: float) -> tuple[float | None, int]:
    start = time.perf_counter()
    try:
        r = subprocess.run([sys.executable, "-m", "orgdesigner", *args], capture_output=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, -1
    return time.perf_counter() - start, r.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    ap.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    ns = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="orgd-hostile-"))
    cases = _json_cases(ns.scale)
    head = f"{'shape':<34}" + "".join(f"{c:>10}" for c in ns.commands)
    print(head)
    print("-" * len(head))
    import json

    for shape in ns.shapes:
        data = cases[shape]()
        path = folder / f"{shape}.orgd"
        path.write_text(json.dumps(data), encoding="utf-8")
        label = (f"{shape} ({len(data['units']):,} units, {len(data['flows']):,} flows, "
                 f"{len(data['companies']):,} co.)")
        cells = []
        for c in ns.commands:
            a = COMMANDS[c]
            args = [a[0], str(path), *(x.replace("{out}", str(folder / shape)) for x in a[1:])]
            seconds, code = time_command(args, ns.timeout)
            cells.append(f"> {ns.timeout:.0f} s" if seconds is None else
                         f"{seconds:.1f} s" + ("" if code in (0, 1) else f" ({code})"))
            print(f"  {shape} {c}: {cells[-1]}", file=sys.stderr, flush=True)
        print(f"{label[:34]:<34}" + "".join(f"{x:>10}" for x in cells), flush=True)
    print(f"\n(wall clock of one run in a fresh process, timeout {ns.timeout:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

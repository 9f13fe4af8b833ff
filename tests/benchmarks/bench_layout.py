"""Benchmark: tidy layout vs Graphviz dot (DESIGN.md §9: tidy ≤ 0.3 s at 5,000 units and at
least 30× faster than dot on the same tree), and SVG export time.

    .venv/bin/python -m tests.benchmarks.bench_layout [--repeat 5] [--dot-units 5000 10000]

Designs are the seeded synthetic groups (`synthetic.generate`). The tidy figures are medians of
`--repeat` runs of `compute_layout` (box sizing included). dot is given the same reporting
forest with the same box sizes and no clusters or overlay edges (its easiest case) and runs
once per size, since one run takes seconds. Not collected by pytest.
"""

from __future__ import annotations

import argparse

from orgdesigner.render.export import diagram_bytes
from orgdesigner.render.layout import compute_layout
from orgdesigner.synthetic import generate
from tests.benchmarks.timing import dot_seconds, median_time

TARGET_S = 0.3
TARGET_RATIO = 30.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--dot-units", type=int, nargs="*", default=[5000],
                        help="sizes at which to run dot once (default 5000)")
    parser.add_argument("--svg-units", type=int, default=5000)
    ns = parser.parse_args(argv)
    designs = {n: generate(n) for n in sorted(set(ns.sizes) | set(ns.dot_units)
                                               | {ns.svg_units})}
    tidy: dict[int, float] = {}
    print(f"{'units':>7} {'tidy median':>12} {'compact':>9}")
    for n in ns.sizes:
        d = designs[n]
        tidy[n] = median_time(lambda d=d: compute_layout(d), ns.repeat)
        compact = median_time(lambda d=d: compute_layout(d, compact=True), ns.repeat)
        print(f"{len(d.units):>7} {tidy[n]:>11.3f}s {compact:>8.3f}s")
    ok = True
    for n in ns.dot_units:
        d = designs[n]
        t_tidy = tidy.get(n) or median_time(lambda d=d: compute_layout(d), ns.repeat)
        t_dot = dot_seconds(d)
        ratio = t_dot / t_tidy
        print(f"dot at {n} units (one run): {t_dot:.2f}s; tidy median {t_tidy:.3f}s; "
              f"tidy is {ratio:.0f}x faster (target >= {TARGET_RATIO:.0f}x)")
        ok &= ratio >= TARGET_RATIO
    d = designs[ns.svg_units]
    t_svg = median_time(lambda: diagram_bytes(d, "svg"), max(1, min(ns.repeat, 3)))
    print(f"SVG export at {ns.svg_units} units (layout, routes, legend, Graphviz render): "
          f"median {t_svg:.2f}s")
    t5 = tidy.get(5000)
    if t5 is not None:
        print(f"tidy at 5000 units: {t5:.3f}s (target <= {TARGET_S}s): "
              f"{'OK' if t5 <= TARGET_S else 'MISSED'}")
        ok &= t5 <= TARGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

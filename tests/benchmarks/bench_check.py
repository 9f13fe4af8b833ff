"""Benchmark: the design checker (DESIGN.md §9 targets: full check of a 5,000-unit group
≤ 0.2 s; a single edit re-checked on a 1,000-unit design ≤ 20 ms).

    .venv/bin/python -m tests.benchmarks.bench_check [--sizes 1000 5000 10000] [--repeat 9]

Designs come from the seeded generator (`orgdesigner.synthetic.generate`). Prints medians:
the full check per size, the single-edit re-check on 1,000 units (an undoable edit applied,
then the whole check run, as the GUI's findings panel does), and the one-off cost of
reading the templates' features on the first check of a session. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import gc
import time

from tests.benchmarks.timing import median_time

TARGETS = {"check@5000": 0.200, "recheck@1000": 0.020}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=9)
    ns = parser.parse_args(argv)

    from orgdesigner.analysis import check, clear_cache
    from orgdesigner.model import Flow, FlowKind, ops
    from orgdesigner.synthetic import generate

    clear_cache()
    small = generate(50)
    t = time.perf_counter()
    check(small)
    cold = time.perf_counter() - t
    warm = median_time(lambda: check(small), ns.repeat)
    print(f"first check of a session (reads template features): {1000 * cold:7.1f} ms "
          f"(then {1000 * warm:.1f} ms on 50 units)")

    ok = True
    gc.collect()
    for n in ns.sizes:
        design = generate(n)
        report = check(design)
        secs = median_time(lambda design=design: check(design), ns.repeat)
        target = TARGETS.get(f"check@{n}")
        verdict = "" if target is None else (" ok" if secs <= target else " OVER TARGET")
        ok &= not verdict.endswith("TARGET")
        print(f"full check, {n:>6} units, {len(design.flows):>6} flows: {1000 * secs:7.1f} ms"
              f"{f'  (target {1000 * target:.0f} ms)' + verdict if target else ''}"
              f"  [{report.counts()}]")

    design = generate(1000)
    csirt = design.csirts()[0].id
    dept = next(u.id for u in design.units.values() if u.kind.value == "department")
    edits = [ops.UpdateUnit(dept, {"name": "改名した部"}),
             ops.AddFlow(Flow("bench-f", csirt, dept, FlowKind.COMMAND)),
             ops.UpdateUnit(csirt, {"name": "グループ CSIRT"})]
    state = {"i": 0, "undo": None}

    def one_edit() -> None:
        if state["undo"] is not None:  # undo the previous edit, so the design stays put
            state["undo"].apply(design)
        state["undo"] = edits[state["i"] % len(edits)].apply(design)
        state["i"] += 1
        check(design)

    secs = median_time(one_edit, ns.repeat * 3)
    target = TARGETS["recheck@1000"]
    verdict = "ok" if secs <= target else "OVER TARGET"
    ok &= secs <= target
    print(f"single edit + re-check, 1000 units:            {1000 * secs:7.1f} ms  "
          f"(target {1000 * target:.0f} ms) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

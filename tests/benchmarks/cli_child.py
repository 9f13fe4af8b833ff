"""`python -m orgdesigner ARGS` for bench_cli, which also needs to know how much of the
command's CPU time went into reading and writing .orgd files (formats/orgd.py, measured on
its own): that time is written to the file named by $ORGD_BENCH_FILE_CPU at exit.

    python -m tests.benchmarks.cli_child check design.orgd -q
"""

from __future__ import annotations

import atexit
import functools
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from orgdesigner.formats import orgd

_spent = [0.0]
_depth = [0]


def _timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _depth[0] += 1
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _depth[0] -= 1
            if not _depth[0]:  # load() calls loads(): count the outer call only
                _spent[0] += time.process_time() - start
    return wrapper


def _report() -> None:
    target = os.environ.get("ORGD_BENCH_FILE_CPU")
    if target:
        with open(target, "w") as fh:
            fh.write(f"{_spent[0]:.6f}")


def main() -> int:
    for name in ("load", "loads", "save", "dumps"):
        setattr(orgd, name, _timed(getattr(orgd, name)))
    atexit.register(_report)
    from orgdesigner.cli import main as cli

    return int(cli(sys.argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())

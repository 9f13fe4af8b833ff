"""Every CLI command on every file of the hostile corpus (tests/hostile/corpus.py), each in
its own process under an address-space limit of 2 GB and a CPU-time limit of 10 s: each
must end with exit 0, 1 (check's findings) or 2, print at most a few short lines, and never
an internal error or a traceback.

The big shapes (a 10,000-deep chain, 10,000 companies, 40,000 flows, …) are sized so a
quadratic algorithm blows the CPU limit; the diagram and workbook exports get smaller ones
(Graphviz takes seconds per ten thousand boxes), the benchmark the full 50,000.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hostile.corpus import orgd_cases, table_cases

CPU_SECONDS = 10
MEMORY = 2 << 30
WALL_SECONDS = 90  # a hang (a FIFO read) ends here; CPU_SECONDS is the real limit

COMMANDS = {
    "info": (["info"], "big"),
    "check": (["check", "--lang", "ja"], "big"),
    "budget": (["budget"], "big"),
    "svg": (["export", "-o", "{out}.svg"], "small"),
    "png": (["export", "-o", "{out}.png"], "small"),
    "pdf": (["export", "-o", "{out}.pdf"], "small"),
    "xlsx": (["budget", "-o", "{out}.xlsx", "--lang", "ja"], "small"),
}


def _limits() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_limited(args: list[str], cwd: Path) -> tuple[int, str]:
    """(exit status, stderr) of `orgdesigner ARGS` under the limits; -9/-24 when killed."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env.pop("ORGDESIGNER_DEBUG", None)
    try:
        r = subprocess.run([sys.executable, "-m", "orgdesigner", *args], cwd=cwd, env=env,
                           capture_output=True, timeout=WALL_SECONDS, preexec_fn=_limits,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return -999, "(hung)"
    return r.returncode, r.stderr.decode("utf-8", "replace")


def _verdict(name: str, code: int, err: str, allowed: tuple[int, ...]) -> str | None:
    if code not in allowed:
        return f"{name}: exit {code} {err[-300:]!r}"
    for bad in ("internal error", "内部エラー", "Traceback", "Exception ignored"):
        if bad in err:
            return f"{name}: {bad}: {err[-300:]!r}"
    if len(err) > 4000 or any(len(line) > 600 for line in err.splitlines()):
        return f"{name}: stderr of {len(err)} characters: {err[:200]!r}"
    return None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    big = tmp_path_factory.mktemp("hostile-big")
    small = tmp_path_factory.mktemp("hostile-small")
    return {"big": orgd_cases(big, 0.2), "small": orgd_cases(small, 0.03),
            "tables": table_cases(tmp_path_factory.mktemp("hostile-tables"), 0.2)}


def _run_all(jobs: list[tuple[str, list[str], tuple[int, ...]]], cwd: Path) -> list[str]:
    def one(job: tuple[str, list[str], tuple[int, ...]]) -> str | None:
        name, args, allowed = job
        code, err = run_limited(args, cwd)
        return _verdict(name, code, err, allowed)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [v for v in pool.map(one, jobs) if v]


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_ends_cleanly_on_the_hostile_corpus(command, corpus, tmp_path):
    args, size = COMMANDS[command]
    allowed = (0, 1, 2) if args[0] == "check" else (0, 2)
    jobs = []
    for name, path in corpus[size].items():
        out = str(tmp_path / f"out-{name}")
        jobs.append((name, [args[0], str(path), *(a.replace("{out}", out) for a in args[1:])],
                     allowed))
    failures = _run_all(jobs, tmp_path)
    assert not failures, "\n".join(failures)


@pytest.mark.slow
def test_import_ends_cleanly_on_the_hostile_sheets(corpus, tmp_path):
    jobs = [(name, ["import", str(path), "-o", str(tmp_path / f"{name}.orgd")], (0, 2))
            for name, path in corpus["tables"].items()]
    failures = _run_all(jobs, tmp_path)
    assert not failures, "\n".join(failures)
    # every hostile sheet is refused, and so writes nothing, but the two valid ones: the
    # deep chain and the repeated merges (cut to the rows that hold data)
    written = sorted(p.stem for p in tmp_path.glob("*.orgd"))
    assert written == ["deep_parents.csv", "merge_many.xlsx"]


def test_refusals_name_the_problem_in_one_short_line(corpus, tmp_path):
    """The files refused at load say why in one line of at most a few hundred characters
    (the value quoted at most 80), in English and Japanese."""
    expect = {
        "dev_zero": ("not a regular file", "通常のファイルではありません"),
        "fifo": ("not a regular file", "通常のファイルではありません"),
        "surrogate": ("cannot be saved", "保存できない文字"),
        "duplicate_keys": ("appears twice", "2 回あります"),
        "fx_zero": ("FX rate", "為替レート"),
        "first_year_9999": ("first fiscal year", "初年度"),
        "bonus_huge": ("bonus months", "賞与"),
        "rate_huge": ("digits", "桁"),
        "amount_exp": ("amount", "金額"),
        "amount_digits": ("amount", "金額"),
        "long_kind": ("characters", "文字"),
    }
    for name, (en, ja) in expect.items():
        for lang, word in (("en", en), ("ja", ja)):
            code, err = run_limited(["info", str(corpus["small"][name]), "--lang", lang],
                                    tmp_path)
            lines = err.strip().splitlines()
            assert code == 2 and len(lines) == 1, (name, err[:300])
            assert word in lines[0] and len(lines[0]) < 400, (name, lines[0][:400])

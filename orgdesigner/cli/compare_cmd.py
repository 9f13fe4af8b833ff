"""`orgdesigner compare A.orgd [B.orgd]`: what a proposal changes, fixes, costs and disturbs.

With one file, its scenarios are compared (the baseline with each proposal, or the two named
with `--scenarios X,Y`); with two files, the first file's open design with the second's.
`--format json` prints the stable schema `orgdesigner-compare` (README.md).
"""

from __future__ import annotations

import argparse

from ..analysis.comparison import compare
from ..analysis.comparison_text import format_comparison
from ..messages import exc_text, msg
from ..model import ModelError
from ..model.scenarios import BASELINE, find, list_scenarios
from .common import CliError, guard, load_design
from .output import write_json, write_stdout


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare", help="compare the current organisation with a proposal (or two files)",
        description="Compare two designs: units added, removed, renamed, moved; flows; "
                    "authority style; findings resolved and new; cost per fiscal year; the "
                    "change footprint and who must agree (合議先).")
    p.add_argument("file", help="a .orgd design (its scenarios are compared)")
    p.add_argument("other", nargs="?", help="a second .orgd design to compare with")
    p.add_argument("--scenarios", metavar="X,Y",
                   help="the two scenarios of FILE to compare (id, name or number; "
                        "default: the baseline with each proposal)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=run)


def _pairs(ns: argparse.Namespace) -> list[tuple[str, str, object, str, str, object]]:
    """(name, scenario id, design) of each side of each comparison to make."""
    a = load_design(ns.file, ns.lang)
    if ns.other:
        b = load_design(ns.other, ns.lang)
        return [(ns.file, "", a, ns.other, "", b)]
    designs = {s.id: (s.display_name(ns.lang), d) for s, d in list_scenarios(a)}
    try:
        if ns.scenarios:
            keys = [k.strip() for k in ns.scenarios.split(",")]
            if len(keys) != 2:
                raise CliError(msg("scenario.need_two").text(ns.lang))
            ids = [find(a, k).id for k in keys]
            pairs = [(ids[0], ids[1])]
        else:
            pairs = [(BASELINE, s) for s in designs if s != BASELINE]
    except ModelError as exc:
        raise CliError(exc_text(exc, ns.lang)) from None
    if not pairs:
        raise CliError(msg("scenario.need_two").text(ns.lang))
    return [(designs[x][0], x, designs[x][1], designs[y][0], y, designs[y][1]) for x, y in pairs]


@guard
def run(ns: argparse.Namespace) -> int:
    results = []
    for an, aid, a, bn, bid, b in _pairs(ns):
        c = compare(a, b, an, bn)  # type: ignore[arg-type]
        c.before_scenario, c.after_scenario = aid, bid
        results.append(c)
    if ns.format == "json":
        body = {"schema": "orgdesigner-compare-set", "schema_version": 1,
                "comparisons": [c.to_json(ns.lang) for c in results]}
        write_json(body)
    else:
        write_stdout("\n".join(format_comparison(c, ns.lang) for c in results))
    return 0

"""`orgdesigner check FILE`: the checker from the command line, for reviews and CI.

Exit status: 0 when no finding reaches `--fail-on` (default: error), 1 when one does, 2 when
the file cannot be used (the error is one line on stderr). `--format json` prints the stable
schema documented in `orgdesigner/analysis/report.py`.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..analysis import Severity, check, format_text
from .common import guard, load_design

FAIL_ON = ("error", "warning", "never")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check a design: authority style, nearest model, findings, process",
        description="Check a design against the analysed Japanese CSIRT models and the "
                    "CERT/CC, ENISA, FIRST and SIM3 guidance. Exit status 1 when findings at "
                    "or above --fail-on exist, 2 when the file cannot be read.")
    p.add_argument("file", help="a .orgd design")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people (default), json for tools")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", dest="fail_on",
                   help="exit 1 when a finding this severe or worse exists (default: error)")
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of messages (ids and severities stay English)")
    p.add_argument("--top", type=int, default=3, metavar="N",
                   help="nearest reference models to show in text output (default: 3)")
    p.set_defaults(handler=run)


def _emit(text: str) -> None:
    """Write text even to a console whose encoding cannot show Japanese (UTF-8 bytes)."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


@guard
def run(ns: argparse.Namespace) -> int:
    design = load_design(ns.file, ns.lang)
    report = check(design)
    if ns.format == "json":
        _emit(json.dumps(report.to_json(ns.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        _emit(format_text(report, ns.lang, top=max(1, ns.top)))
    if ns.fail_on == "never":
        return 0
    return 1 if report.at_or_above(Severity(ns.fail_on)) else 0

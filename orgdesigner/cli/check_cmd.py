"""`orgdesigner check FILE`: the checker from the command line, for reviews and CI.

Exit status: 0 when no finding reaches `--fail-on` (default: error), 1 when one does, 2 when
the file cannot be used (the error is one line on stderr). `--format json` prints the stable
schema documented in `orgdesigner/analysis/report.py` and published as a JSON Schema
(`resources/schemas/check-report.schema.json`); `--format sarif` prints SARIF 2.1.0 for
code-scanning tools. `--quiet` prints no text report: the exit status is the answer.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..analysis import Severity, check, format_text
from .common import STDIN, guard, load_design
from .output import write_json, write_stdout

FAIL_ON = ("error", "warning", "never")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check a design: authority style, nearest model, findings, process",
        description="Check a design against the analysed Japanese CSIRT models and the "
                    "CERT/CC, ENISA, FIRST and SIM3 guidance. Exit status 1 when findings at "
                    "or above --fail-on exist, 2 when the file cannot be read.")
    p.add_argument("file", help="a .orgd design ('-': read from stdin)")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                   help="text for people (default), json for tools, sarif (SARIF 2.1.0) for "
                        "code-scanning UIs")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", dest="fail_on",
                   help="exit 1 when a finding this severe or worse exists (default: error)")
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of messages (ids and severities stay English)")
    p.add_argument("--top", type=int, default=3, metavar="N",
                   help="nearest reference models to show in text output (default: 3)")
    p.set_defaults(handler=run)


def artifact_uri(path: str) -> str:
    """The design's path as a SARIF URI: relative paths stay relative (code scanning
    resolves them against the repository), absolute ones become file: URIs."""
    p = Path(path)
    return p.resolve().as_uri() if p.is_absolute() else quote(p.as_posix())


@guard
def run(ns: argparse.Namespace) -> int:
    design = load_design(ns.file, ns.lang)
    report = check(design)
    if ns.format == "json":
        write_json(report.to_json(ns.lang))
    elif ns.format == "sarif":
        from ..analysis.sarif import to_sarif

        from_file = ns.file != STDIN
        text = Path(ns.file).read_text(encoding="utf-8", errors="replace") if from_file \
            else None
        log = to_sarif(report.to_json(ns.lang), uri=artifact_uri(ns.file) if from_file
                       else None, text=text, version=__version__, lang=ns.lang)
        write_json(log)
    elif not ns.quiet:
        write_stdout(format_text(report, ns.lang, top=max(1, ns.top)))
    if ns.fail_on == "never":
        return 0
    return 1 if report.at_or_above(Severity(ns.fail_on)) else 0

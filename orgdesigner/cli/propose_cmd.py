"""`orgdesigner propose FILE.orgd -o OUT.orgd`: write the least-change options into a copy
of the design as proposals (案A/B/C), the recommended one marked, and list what each fixes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis.comparison import compare
from ..analysis.options import generate, recommended
from ..formats import orgd
from ..model import scenarios as sc
from .common import guard, load_design, pick, say
from .output import write_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "propose", help="generate least-change options (flows only, sponsor, textbook)",
        description="Generate up to three proposals from the design's current organisation: "
                    "(a) flows only, no unit moves; (b) an executive sponsor; (c) the CSIRT "
                    "directly under management. Each resolves the baseline's errors and as "
                    "many warnings as it can. They are written as scenarios of OUT.")
    p.add_argument("file", help="a .orgd design (its baseline is used)")
    p.add_argument("-o", "--output", required=True,
                   help="the .orgd file to write (an existing file is replaced and kept as "
                        "NAME.bak, like every command that writes)")
    # accepted for scripts written before the one overwrite policy; it changes nothing
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of the proposal names and the summary")
    p.set_defaults(handler=run)


@guard
def run(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    design = load_design(ns.file, ns.lang)
    base = sc.design_of(design, sc.BASELINE)
    options = generate(base)
    best = recommended(options, base)
    lines = []
    for o in options:
        sc.create(design, o.name(ns.lang), source=sc.BASELINE, proposal=o.design).apply(design)
        sid = sc.scenarios_of(design).items[-1].id
        if o is best:
            sc.recommend(design, sid).apply(design)
        c = compare(base, o.design)
        mark = " *" if o is best else ""
        lines.append(pick(ns.lang,
                          f"{o.name('en')}{mark}: resolves {len(c.resolved)}, new {len(c.new)}, "
                          f"moves {len(c.footprint.moved)}, must agree "
                          f"{len(c.footprint.must_agree)}",
                          f"{o.name('ja')}{mark}：解消 {len(c.resolved)} 件、新規 {len(c.new)} 件、"
                          f"移管 {len(c.footprint.moved)}、合議先 {len(c.footprint.must_agree)}"))
    written = write_files(out, lambda path: orgd.save(design, path))
    say(ns, "\n".join(lines) + ("\n" if lines else "") + pick(
        ns.lang, f"{len(options)} proposal(s) (* recommended)",
        f"案 {len(options)} 件（* は推奨案）"))
    say(ns, written.report(ns.lang))
    return 0

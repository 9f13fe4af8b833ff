"""`orgdesigner propose FILE.orgd -o OUT.orgd`: write the least-change options into a copy
of the design as proposals (案A/B/C), the recommended one marked, and list what each fixes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis.comparison import compare
from ..analysis.options import generate, recommended
from ..model import scenarios as sc
from .check_cmd import _emit
from .common import CliError, guard, load_design, pick, save_design


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "propose", help="generate least-change options (flows only, sponsor, textbook)",
        description="Generate up to three proposals from the design's current organisation: "
                    "(a) flows only, no unit moves; (b) an executive sponsor; (c) the CSIRT "
                    "directly under management. Each resolves the baseline's errors and as "
                    "many warnings as it can. They are written as scenarios of OUT.")
    p.add_argument("file", help="a .orgd design (its baseline is used)")
    p.add_argument("-o", "--output", required=True, help="the .orgd file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of the proposal names and the summary")
    p.set_defaults(handler=run)


@guard
def run(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    if out.exists() and not ns.force:
        raise CliError(pick(ns.lang, f"{out} already exists (use --force to overwrite)",
                            f"{out} はすでにあります（上書きするには --force）"))
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
    save_design(design, str(out), ns.lang)
    _emit("\n".join(lines) + ("\n" if lines else "") + pick(
        ns.lang, f"wrote {len(options)} proposal(s) to {out} (* recommended)\n",
        f"{out} に案を {len(options)} 件書き出しました（* は推奨案）\n"))
    return 0

"""`orgdesigner deck FILE -o deck.pptx [--lang ja] [--template their.pptx] [--aspect 16:9|4:3]`:
the approval deck — editable PowerPoint slides for the approval meeting."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import CliError, guard, load_design, pick, say
from .output import write_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deck", help="write the approval deck (.pptx): organisation, findings, "
                                    "process, costs, decision")
    p.add_argument("file", help="the .orgd design")
    p.add_argument("-o", "--output", required=True,
                   help="the .pptx file to write (an existing one is kept as NAME.bak)")
    p.add_argument("--template", metavar="PPTX",
                   help="use the slide master and layouts of this .pptx or .potx")
    p.add_argument("--aspect", choices=("16:9", "4:3"),
                   help="slide shape (default 16:9, or the template's own)")
    p.add_argument("--years", type=int, help="fiscal years in the cost summary")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the slides")
    p.set_defaults(handler=deck)


@guard
def deck(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    if out.suffix.lower() != ".pptx":
        raise CliError(pick(ns.lang, f"{out}: the approval deck must be a .pptx file",
                            f"{out}: 承認資料は .pptx ファイルにしてください"))
    if ns.years is not None and not 1 <= ns.years <= 20:
        raise CliError(pick(ns.lang, f"--years must be between 1 and 20, not {ns.years}",
                            f"--years は 1～20 で指定してください（{ns.years} は範囲外）"))
    if ns.template is not None and not Path(ns.template).is_file():
        raise CliError(pick(ns.lang, f"--template: {ns.template} does not exist",
                            f"--template: {ns.template} がありません"))
    design = load_design(ns.file, ns.lang)
    from ..render.deck import DeckOptions, deck_bytes
    from ..render.export import ExportError
    from .budget_cmd import _settings

    try:
        data = deck_bytes(design, DeckOptions(lang=ns.lang, template=ns.template,
                                              aspect=ns.aspect, years=ns.years,
                                              overrides=_settings()))
    except ExportError as exc:
        raise CliError(exc.text(ns.lang)) from None
    written = write_files(out, lambda path: path.write_bytes(data))
    say(ns, written.report(ns.lang))
    return 0

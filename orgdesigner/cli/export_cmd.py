"""`orgdesigner export FILE -o OUT.{svg,png,pdf,dot,graphml,pptx,drawio,csv,xlsx}`: the diagram
(or the organisation table) of a design, for slides and approval documents.

Diagram options: `--layout tidy|dot|canvas` (tidy tree by default; Graphviz dot on request;
canvas = as arranged in the app), `--dpi N` for PNG, `--no-legend`, `--root UNIT_ID` for one
sub-tree (diagrams and tables), `--orientation tb|lr`, `--compact`, `--aspect 16:9|4:3`
(slides), `--lang en|ja`,
`--paper a4|a3[-landscape]` for PDF (fitted and centred; A4 landscape by default),
`--scope all|overview|company:ID|branch:ID` for large groups (render/scope.py).
`-o -` writes to stdout in the `--format` given (like `dot -T`); FILE `-` reads stdin. An
existing output is replaced and kept as NAME.bak (cli/output.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import exc_text, text_of
from ..model import Design, ModelError
from ..render.paper import DEFAULT as PAPER_DEFAULT
from ..render.paper import NAMES as PAPER_NAMES
from .common import CliError, guard, load_design, pick, say
from .output import to_stdout, write_files, write_stdout

DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".graphml", ".pptx", ".drawio")
TABLE_SUFFIXES = (".csv", ".xlsx")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export the diagram (SVG, PNG, PDF, DOT, GraphML, "
                                      "PowerPoint, draw.io) or the organisation table (CSV, "
                                      "XLSX)")
    p.add_argument("file", help="the .orgd design ('-': read from stdin)")
    p.add_argument("-o", "--output", required=True,
                   help="output file; the format comes from its suffix: "
                        + ", ".join(DIAGRAM_SUFFIXES + TABLE_SUFFIXES)
                        + ". '-' writes to stdout (with --format). An existing file is "
                          "replaced and kept as NAME.bak")
    p.add_argument("-T", "--format", dest="fmt", metavar="FORMAT",
                   choices=[s.lstrip(".") for s in DIAGRAM_SUFFIXES],
                   help="diagram format when it is not the suffix (needed with -o -): "
                        + ", ".join(s.lstrip(".") for s in DIAGRAM_SUFFIXES))
    p.add_argument("--layout", choices=("tidy", "dot", "canvas"), default="tidy",
                   help="positions: tidy tree (default), Graphviz dot, or as on the canvas")
    p.add_argument("--orientation", choices=("tb", "lr"), default="tb",
                   help="top-down (default) or left-to-right")
    p.add_argument("--compact", action="store_true",
                   help="stack leaf units under their superior (narrower charts)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument("--root", metavar="UNIT_ID",
                   help="export only this unit and those below it (diagram or table)")
    p.add_argument("--aspect", choices=("16:9", "4:3"), default="16:9",
                   help="slide shape of a .pptx (default 16:9)")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="label language")
    p.add_argument("--paper", choices=PAPER_NAMES, default=PAPER_DEFAULT,
                   help="PDF page, the diagram fitted and centred on it "
                        f"(default {PAPER_DEFAULT})")
    p.add_argument("--scope", metavar="SCOPE",
                   help="diagram of: all (the whole design), overview (companies and their "
                        "top levels, with counts of what is folded), company:ID or "
                        "branch:ID. Default: all, or the overview (with a warning) when a "
                        "PNG or PDF of everything would be an unreadable sliver")
    p.add_argument("--scenario", metavar="NAME",
                   help="export this scenario of the file (id, name or number; default: the "
                        "current organisation)")
    p.add_argument("--highlight-changes", action="store_true", dest="highlight",
                   help="mark units added, moved or changed against the current organisation")
    p.set_defaults(handler=export)


def sub_design(design: Design, root: str) -> Design:
    """The units under `root` (on reporting lines) with the flows among them and their
    companies: what a table export of one branch holds."""
    from ..formats import orgd
    from ..render.layout import subtree

    keep = set(subtree(design, root))
    data = orgd.to_data(design)
    data["units"] = [u for u in data["units"] if u["id"] in keep]
    for u in data["units"]:
        for member in (u.get("plan") or {}).get("members", []):
            if member.get("home_unit") not in keep:
                member["home_unit"] = ""
    data["flows"] = [f for f in data["flows"] if f["source"] in keep and f["target"] in keep]
    used = {u["company"] for u in data["units"]}
    data["companies"] = [c for c in data["companies"] if c["id"] in used]
    data["costs"] = []
    return orgd.build(data, "")


@guard
def export(ns: argparse.Namespace) -> int:
    stdout = to_stdout(ns.output)
    out = Path(ns.output)
    suffix = f".{ns.fmt}" if ns.fmt else ("" if stdout else out.suffix.lower())
    if stdout and not ns.fmt:
        raise CliError(pick(ns.lang, "-o - writes to stdout: say which format with --format "
                            "(svg, png, pdf, dot or graphml)",
                            "-o - は標準出力に書き出します。--format で形式（svg、png、pdf、"
                            "dot、graphml）を指定してください"))
    if suffix not in DIAGRAM_SUFFIXES + TABLE_SUFFIXES:
        known = ", ".join(DIAGRAM_SUFFIXES + TABLE_SUFFIXES)
        raise CliError(pick(ns.lang,
                            f"{out}: unknown output format {suffix or '(no suffix)'!r}; "
                            f"use one of {known}",
                            f"{out}: 出力形式「{suffix or '（拡張子なし）'}」は不明です。"
                            f"使える形式：{known}"))
    if not 10 <= ns.dpi <= 1200:
        raise CliError(pick(ns.lang, f"--dpi must be between 10 and 1200, not {ns.dpi}",
                            f"--dpi は 10～1200 で指定してください（{ns.dpi} は範囲外）"))
    design, highlight = _scenario(load_design(ns.file, ns.lang), ns)
    if ns.root is not None and ns.root not in design.units:
        raise CliError(pick(ns.lang, f"--root: no unit with id {ns.root!r} in {ns.file}",
                            f"--root: {ns.file} に ID「{ns.root}」の部署はありません"))
    if suffix in TABLE_SUFFIXES:
        from ..formats.table_export import side_path, write_table

        table_design = sub_design(design, ns.root) if ns.root else design
        sides = [side_path(out, role) for role in ("flows", "companies")]
        try:
            written = write_files(out, lambda path: write_table(table_design, path,
                                                                lang=ns.lang),
                                  seed=sides if suffix == ".csv" else ())
        except ValueError as exc:
            raise CliError(exc_text(exc, ns.lang)) from None
        say(ns, written.report(ns.lang))
        return 0
    from ..render.export import ExportError, diagram_bytes, export_diagram

    options = dict(layout=ns.layout, dpi=ns.dpi, legend=not ns.no_legend, root=ns.root,
                   lang=ns.lang, orientation=ns.orientation, compact=ns.compact,
                   paper=ns.paper, highlight=highlight, aspect=ns.aspect,
                   scope=ns.scope)
    notes: list[str] = []
    try:
        if stdout:
            write_stdout(diagram_bytes(design, suffix.lstrip("."), **options, notes=notes))
            return 0
        written = write_files(out, lambda path: export_diagram(design, path,
                                                               fmt=suffix.lstrip("."),
                                                               **options, notes=notes))
    except ExportError as exc:
        raise CliError(exc.text(ns.lang)) from None
    say(ns, written.report(ns.lang))
    for note in notes:
        print(f"orgdesigner: warning: {text_of(note, ns.lang)}", file=sys.stderr)
    return 0


def _scenario(doc: Design, ns: argparse.Namespace) -> tuple[Design, dict[str, str] | None]:
    """The scenario to export and, with --highlight-changes, its changed units."""
    from ..analysis.compare import changed_units, structural_diff
    from ..model import scenarios as sc

    try:
        sid = sc.find(doc, ns.scenario).id if ns.scenario else sc.BASELINE
    except ModelError as exc:
        raise CliError(exc_text(exc, ns.lang)) from None
    design = sc.design_of(doc, sid)
    if not ns.highlight:
        return design, None
    return design, changed_units(structural_diff(sc.design_of(doc, sc.BASELINE), design))

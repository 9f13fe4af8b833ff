"""`orgdesigner export FILE -o OUT.{svg,png,pdf,dot,graphml,pptx,drawio,csv,xlsx}`: the diagram
(or the organisation table) of a design, for slides and approval documents.

Diagram options: `--layout tidy|dot|canvas` (tidy tree by default; Graphviz dot on request;
canvas = as arranged in the app), `--dpi N` for PNG, `--no-legend`, `--root UNIT_ID` for one
sub-tree, `--orientation tb|lr`, `--compact`, `--aspect 16:9|4:3` (slides), `--lang en|ja`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import exc_text
from .common import CliError, guard, load_design, pick

DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".graphml", ".pptx", ".drawio")
TABLE_SUFFIXES = (".csv", ".xlsx")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export the diagram (SVG, PNG, PDF, DOT, GraphML, "
                                      "PowerPoint, draw.io) or the organisation table (CSV, "
                                      "XLSX)")
    p.add_argument("file", help="the .orgd design")
    p.add_argument("-o", "--output", required=True,
                   help="output file; the format comes from its suffix: "
                        + ", ".join(DIAGRAM_SUFFIXES + TABLE_SUFFIXES))
    p.add_argument("--layout", choices=("tidy", "dot", "canvas"), default="tidy",
                   help="positions: tidy tree (default), Graphviz dot, or as on the canvas")
    p.add_argument("--orientation", choices=("tb", "lr"), default="tb",
                   help="top-down (default) or left-to-right")
    p.add_argument("--compact", action="store_true",
                   help="stack leaf units under their superior (narrower charts)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument("--root", metavar="UNIT_ID", help="export only this unit and those below it")
    p.add_argument("--aspect", choices=("16:9", "4:3"), default="16:9",
                   help="slide shape of a .pptx (default 16:9)")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="label language")
    p.set_defaults(handler=export)


@guard
def export(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    suffix = out.suffix.lower()
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
    design = load_design(ns.file, ns.lang)
    if ns.root is not None and ns.root not in design.units:
        raise CliError(pick(ns.lang, f"--root: no unit with id {ns.root!r} in {ns.file}",
                            f"--root: {ns.file} に ID「{ns.root}」の部署はありません"))
    if suffix in TABLE_SUFFIXES:
        if ns.root is not None:
            raise CliError(pick(ns.lang, "--root applies to diagrams; the table export holds "
                                "the whole design",
                                "--root は図の書き出し用です。組織表には設計全体を書き出します"))
        from ..formats.table_export import write_table

        try:
            write_table(design, out, lang=ns.lang)
        except ValueError as exc:
            raise CliError(exc_text(exc, ns.lang)) from None
        print(pick(ns.lang, f"wrote {out}", f"{out} に書き出しました"))
        return 0
    from ..render.export import ExportError, export_diagram

    try:
        export_diagram(design, out, layout=ns.layout, dpi=ns.dpi, legend=not ns.no_legend,
                       root=ns.root, lang=ns.lang, orientation=ns.orientation,
                       compact=ns.compact, aspect=ns.aspect)
    except ExportError as exc:
        raise CliError(exc.text(ns.lang)) from None
    print(pick(ns.lang, f"wrote {out}", f"{out} に書き出しました"))
    return 0

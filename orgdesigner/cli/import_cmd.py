"""`orgdesigner import SHEET -o FILE.orgd`: an HR spreadsheet (.xlsx or .csv) to a design.

Problems are printed one per line as `SHEET:ROW:COL: message` on stderr so an editor or a CI
log can jump to the cell; when any is an error the command exits 2 and writes nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from ..formats import orgd
from ..formats.table_import import TableImportError, name_after_sheet, read_table
from .common import GC_FREEZE_UNITS, CliError, guard, pick, say
from .output import to_stdout, write_files, write_stdout

MAX_WARNINGS_SHOWN = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import an organisation from an Excel (.xlsx) or CSV sheet",
        description="Read one unit per row (id, name, parent, kind, functions, headcount, "
                    "company — or 部署ID, 部署名, 上位部署, 種別, 機能, 人数, 会社) and write a "
                    "laid-out design. Every problem is listed as SHEET:ROW:COL: message; "
                    "if any is an error, nothing is written.")
    p.add_argument("sheet", metavar="SHEET", help="the units sheet: .xlsx or .csv")
    p.add_argument("--flows", metavar="FLOWS", help="flows sheet or CSV: from, to, kind, label "
                                                    "(default: the workbook's 'flows' sheet, "
                                                    "or NAME.flows.csv beside a CSV)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.orgd",
                   help="the design to write ('-': stdout); an existing file is replaced "
                        "and kept as NAME.bak")
    p.add_argument("--sheet", dest="sheet_name", metavar="NAME",
                   help="the units sheet's name in a workbook (default: 'units'/'部署', or "
                        "the first sheet)")
    p.add_argument("--encoding", metavar="ENC",
                   help="CSV encoding (default: detect UTF-8, UTF-8 with BOM or Shift_JIS)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print only errors: no warnings, no summary")
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of the summary (problems name sheet, row and column)")
    p.set_defaults(handler=import_cmd)


@guard
def import_cmd(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    if not to_stdout(ns.output) and out.suffix.lower() != ".orgd":
        raise CliError(pick(ns.lang, f"{out.name}: the output must be a .orgd design file",
                            f"{out.name}: 出力先は .orgd の設計ファイルにしてください"))
    try:
        result = read_table(ns.sheet, flows_path=ns.flows, sheet=ns.sheet_name,
                            encoding=ns.encoding)
    except TableImportError as exc:
        errors = exc.errors
        for problem in exc.problems:
            if problem.fatal or not ns.quiet:
                print(problem.text(ns.lang), file=sys.stderr)
        raise CliError(pick(ns.lang, f"{Path(ns.sheet).name}: {len(errors)} error(s); nothing "
                                     f"imported, {out.name} not written",
                            f"{Path(ns.sheet).name}: エラー {len(errors)} 件のため取り込みを"
                            f"中止しました ({out.name} は作成していません)")) from None
    if not ns.quiet:
        for problem in result.warnings[:MAX_WARNINGS_SHOWN]:
            print(problem.text(ns.lang), file=sys.stderr)
        if len(result.warnings) > MAX_WARNINGS_SHOWN:
            more = len(result.warnings) - MAX_WARNINGS_SHOWN
            print(pick(ns.lang, f"… and {more} more warnings", f"…ほか警告 {more} 件"),
                  file=sys.stderr)
    name_after_sheet(result.design, Path(ns.sheet))
    d = result.design
    if len(d.units) >= GC_FREEZE_UNITS:
        gc.freeze()  # as a loaded design: writing it must not walk it at every collection
    if to_stdout(ns.output):
        write_stdout(orgd.dumps(d).encode("utf-8"))
        return 0
    written = write_files(out, lambda path: orgd.save(d, path))
    say(ns, pick(ns.lang, f"imported {len(d.units)} units, {len(d.flows)} flows, "
                          f"{len(d.companies)} companies from {', '.join(result.sources)}",
                 f"{', '.join(result.sources)} から組織 {len(d.units)} 件、線 {len(d.flows)} 本、"
                 f"会社 {len(d.companies)} 社を取り込みました"))
    say(ns, written.report(ns.lang))
    return 0

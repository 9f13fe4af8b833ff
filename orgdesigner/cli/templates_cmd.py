"""`orgdesigner templates [--format json]` and `orgdesigner new [--template ID] -o FILE`."""

from __future__ import annotations

import argparse
import datetime as dt

from .. import templates
from ..formats import orgd
from .common import CliError, guard, pick, say
from .output import to_stdout, write_files, write_json, write_stdout

DEFAULT_TEMPLATE = "model-1"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("templates", help="list the shipped templates")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people (default), json for tools")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=list_templates)

    p = sub.add_parser("new", help="create a design from a template")
    p.add_argument("--template", "-t", help=f"template id (default: {DEFAULT_TEMPLATE}; see "
                                             "'templates')")
    p.add_argument("-o", "--output", required=True,
                   help="the .orgd file to write ('-': stdout); an existing file is replaced "
                        "and kept as NAME.bak")
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)  # the old policy
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=new_design)


def list_templates(ns: argparse.Namespace) -> int:
    rows = templates.all_info()
    if not rows:
        raise CliError(pick(ns.lang, "no templates are installed (the package's resources are "
                            "missing)", "テンプレートがありません（パッケージのリソースが欠けて"
                            "います）"))
    if ns.format == "json":
        data = [{"id": r.id, "name": r.display_name(ns.lang),
                 "description": r.display_description(ns.lang), "source": r.source}
                for r in rows]
        write_json(data)
        return 0
    width = max(len(r.id) for r in rows)
    for r in rows:
        print(f"{r.id:<{width}}  {r.display_name(ns.lang)}")
        print(f"{'':<{width}}  {pick(ns.lang, 'source', '出典')}: {r.source}")
    return 0


@guard
def new_design(ns: argparse.Namespace) -> int:
    template = ns.template or DEFAULT_TEMPLATE
    try:
        design = templates.load(template)
    except templates.UnknownTemplateError:
        known = ", ".join(templates.ids())
        raise CliError(pick(ns.lang, f"no template {template!r}; known templates: {known}",
                            f"テンプレート「{template}」はありません。"
                            f"使えるテンプレート：{known}")) from None
    design.update_metadata(template=template, created=dt.date.today().isoformat())
    name = templates.info(template).display_name(ns.lang)
    if to_stdout(ns.output):
        write_stdout(orgd.dumps(design).encode("utf-8"))
        return 0
    written = write_files(ns.output, lambda path: orgd.save(design, path))
    say(ns, written.report(ns.lang))
    if ns.template is None:
        say(ns, pick(ns.lang, f"from template {template} ({name}), the default; "
                              "'orgdesigner templates' lists the others",
                     f"テンプレート {template}（{name}）を使いました（既定）。"
                     "ほかのテンプレートは orgdesigner templates で確認できます"))
    else:
        say(ns, pick(ns.lang, f"from template {template} ({name})",
                     f"テンプレート {template}（{name}）から作成しました"))
    return 0

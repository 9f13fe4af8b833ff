"""`orgdesigner templates` and `orgdesigner new --template ID -o FILE`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .. import templates
from .common import CliError, guard, pick, save_design


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("templates", help="list the shipped templates")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=list_templates)

    p = sub.add_parser("new", help="create a design from a template")
    p.add_argument("--template", "-t", default="model-1", help="template id (see 'templates')")
    p.add_argument("-o", "--output", required=True, help="the .orgd file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=new_design)


def list_templates(ns: argparse.Namespace) -> int:
    rows = templates.all_info()
    if not rows:
        raise CliError(pick(ns.lang, "no templates are installed (the package's resources are "
                            "missing)", "テンプレートがありません（パッケージのリソースが欠けて"
                            "います）"))
    width = max(len(r.id) for r in rows)
    for r in rows:
        print(f"{r.id:<{width}}  {r.display_name(ns.lang)}")
        print(f"{'':<{width}}  {pick(ns.lang, 'source', '出典')}: {r.source}")
    return 0


@guard
def new_design(ns: argparse.Namespace) -> int:
    out = Path(ns.output)
    if out.exists() and not ns.force:
        raise CliError(pick(ns.lang, f"{out} already exists (use --force to overwrite)",
                            f"{out} はすでにあります（上書きするには --force）"))
    try:
        design = templates.load(ns.template)
    except templates.UnknownTemplateError:
        known = ", ".join(templates.ids())
        raise CliError(pick(ns.lang, f"no template {ns.template!r}; known templates: {known}",
                            f"テンプレート「{ns.template}」はありません。"
                            f"使えるテンプレート：{known}")) from None
    design.update_metadata(template=ns.template, created=dt.date.today().isoformat())
    save_design(design, str(out), ns.lang)
    print(pick(ns.lang, f"wrote {out} from template {ns.template}",
               f"テンプレート {ns.template} から {out} を作成しました"))
    return 0

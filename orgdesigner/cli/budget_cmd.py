"""`orgdesigner budget FILE [-o OUT.xlsx] [--years N] [--lang ja|en]`: the CSIRT budget.

Without `-o` it prints totals per fiscal year and category (`--format json`: the same
figures for tools); with `-o` it writes the approval workbook (every total a live formula).
Rates come from the design, then the user settings, then the shipped illustrative defaults.
"""

from __future__ import annotations

import argparse
import calendar
import sys
from pathlib import Path
from typing import Any

from ..budget.textwidth import display_width
from ..messages import text_of
from ..model import CostCategory, Expenditure
from .common import CliError, guard, load_design, pick, say
from .output import write_files, write_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("budget", help="print the CSIRT budget per fiscal year, or write the "
                                      "approval workbook (.xlsx)")
    p.add_argument("file", help="the .orgd design ('-': read from stdin)")
    p.add_argument("-o", "--output", help="write the budget workbook to this .xlsx file (an "
                                          "existing one is replaced and kept as NAME.bak)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="the summary as text (default) or json")
    p.add_argument("--years", type=int, help="number of fiscal years (default: the design's)")
    p.add_argument("--lang", choices=("en", "ja"), default="en",
                   help="language of the headers and labels")
    p.add_argument("--no-diagram", action="store_true",
                   help="leave the diagram out of the workbook (faster for big designs)")
    p.set_defaults(handler=budget)


def _settings() -> object | None:
    """The user's rate overrides, when the settings module exists; a broken settings file
    never stops a budget (the settings module reports it)."""
    try:
        from ..settings import load_settings
    except ImportError:
        return None
    try:
        return load_settings()
    except Exception:  # noqa: BLE001 - settings are optional input here
        return None


def budget(ns: argparse.Namespace) -> int:
    # printing stays outside `guard`, which would turn a closed pipe (`| head`) into an error
    result, message = _run(ns)
    if message:
        say(ns, message)
    elif ns.format == "json":
        write_json(budget_json(result))
    else:
        print_summary(result, ns.lang, quiet=ns.quiet)
    return 0


def budget_json(b: Any) -> dict[str, Any]:
    """The summary's figures (whole yen): per fiscal year, category and expenditure type,
    the FTE, and which role rates are still the illustrative defaults."""
    a = b.assumptions
    return {
        "schema": "orgdesigner-budget", "schema_version": 1, "currency": "JPY",
        "fy_start_month": a.fy_start_month,
        "cost_model": {k: str(v.value) for k, v in a.params.items()},
        "years": [{"index": y.index, "fiscal_year": y.number, "start": y.start.isoformat(),
                   "end": y.end.isoformat(),
                   "total": b.total_per_year[i], "new_money": b.new_money[i],
                   "reallocated": b.reallocated[i], "contingency": b.contingency[i],
                   "tax": b.tax[i],
                   "total_incl_tax": b.total_incl_tax[i], "fte": float(b.total_fte(y.index)),
                   "by_category": {c.value: b.by_category[c][i] for c in CostCategory},
                   "by_expenditure": {e.value: b.by_expenditure[e][i] for e in Expenditure}}
                  for i, y in enumerate(b.years)],
        "by_category": {c.value: sum(b.by_category[c]) for c in CostCategory},
        "by_expenditure": {e.value: sum(b.by_expenditure[e]) for e in Expenditure},
        "total": b.grand_total, "new_money": sum(b.new_money),
        "reallocated": sum(b.reallocated), "contingency": sum(b.contingency),
        "illustrative_rates": sorted(r.key for r in a.roles.values()
                                     if r.source in ("default", "fallback")),
    }


@guard
def _run(ns: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The budget, and the one-line report when a workbook was written."""
    from ..budget import BudgetError, compute_budget

    if ns.years is not None and not 1 <= ns.years <= 20:
        raise CliError(pick(ns.lang, f"--years must be between 1 and 20, not {ns.years}",
                            f"--years は 1～20 で指定してください（{ns.years} は範囲外）"))
    design = load_design(ns.file, ns.lang)
    overrides = _settings()
    try:
        if ns.output:
            from ..budget.workbook import cut_texts, diagram_png_for, write_workbook

            out = Path(ns.output)
            if out.suffix.lower() != ".xlsx":
                raise CliError(pick(ns.lang, f"{out}: the budget workbook must be an .xlsx file",
                                    f"{out}: 予算ブックは .xlsx ファイルにしてください"))
            problems: list[str] = []
            png = None if ns.no_diagram else diagram_png_for(design, ns.lang, problems)
            for problem in problems if not ns.quiet else ():
                print(pick(ns.lang, f"orgdesigner: warning: {problem}; the workbook has no "
                                    "diagram", f"orgdesigner: warning: {text_of(problem, 'ja')}。"
                                    "予算ブックに図は入りません"), file=sys.stderr)
            for note in cut_texts(design):
                print(f"orgdesigner: warning: {text_of(note, ns.lang)}", file=sys.stderr)
            results = []
            written = write_files(out, lambda path: results.append(write_workbook(
                design, path, lang=ns.lang, years=ns.years, diagram_png=png,
                overrides=overrides)))
            result = results[0]
            return result, written.report(
                ns.lang, f": {len(result.years)} fiscal years, total ¥{result.grand_total:,}",
                f"（{len(result.years)} 年度分、総額 ¥{result.grand_total:,}）")
        return compute_budget(design, years=ns.years, overrides=overrides), ""
    except BudgetError as exc:
        raise CliError(exc.text(ns.lang)) from None


def print_summary(b, lang: str, quiet: bool = False) -> None:  # type: ignore[no-untyped-def]
    """A plain table: one column per fiscal year plus the total, whole yen."""
    ja = lang == "ja"
    a = b.assumptions
    head = [y.label(lang) for y in b.years] + ["合計" if ja else "Total"]
    rows: list[tuple[str, list[int]]] = []
    for cat in CostCategory:
        values = list(b.by_category[cat])
        rows.append((cat.label(lang), values + [sum(values)]))
    rows.append(("予備費" if ja else "Contingency", list(b.contingency) + [sum(b.contingency)]))
    rows.append(("総コスト（税抜）" if ja else "Total cost, before tax",
                 list(b.total_per_year) + [b.grand_total]))
    extra = [(e.label(lang), list(b.by_expenditure[e]) + [sum(b.by_expenditure[e])])
             for e in Expenditure]
    for label_en, label_ja, values in (
            ("New money, before tax", "新規支出（税抜）", b.new_money),
            ("Existing staff's time (工数振替)", "既存社員の工数振替", b.reallocated),
            ("Consumption tax", "消費税", b.tax),
            ("New money, tax included", "新規支出（税込）", b.new_money_incl_tax),
            ("Total cost, tax included", "総コスト（税込）", b.total_incl_tax)):
        extra.append((label_ja if ja else label_en, list(values) + [sum(values)]))
    label_w = max(display_width(r[0]) for r in rows + extra) + 2
    cells = [f"{v:,}" for _, vals in rows + extra for v in vals] + head
    col_w = max(display_width(c) for c in cells) + 2

    def line(label: str, values: list[str]) -> str:
        return _pad(label, label_w) + "".join(_rpad(v, col_w) for v in values)

    unit = "単位: 円" if ja else "JPY"
    if ja:
        print(f"予算（{unit}）: 年度開始 {a.fy_start_month}月、賞与 {a['bonus_months']:g} か月、"
              f"法定福利費率 {a['welfare_rate']:.1%}")
    else:
        month = calendar.month_name[a.fy_start_month]
        print(f"Budget ({unit}): fiscal year starts in {month}, bonus "
              f"{a['bonus_months']:g} months, statutory welfare {a['welfare_rate']:.1%}")
    print(line("", head))
    for i, (label, values) in enumerate(rows):
        if i == len(rows) - 1:
            print("-" * (label_w + col_w * len(head)))
        print(line(label, [f"{v:,}" for v in values]))
    for label, values in extra:
        print(line(label, [f"{v:,}" for v in values]))
    fte = [f"{b.total_fte(y.index):g}" for y in b.years]
    print(line("FTE", fte + [""]))
    illustrative = [r.key for r in a.roles.values() if r.source in ("default", "fallback")]
    if illustrative and b.personnel and not quiet:
        note = ("注: 参考値の単価を使用しています。設計または設定で置き換えてください。" if ja else
                "note: some role rates are the illustrative defaults; set your own in the "
                "design or the settings")
        print(note)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - display_width(s))


def _rpad(s: str, width: int) -> str:
    return " " * max(0, width - display_width(s)) + s

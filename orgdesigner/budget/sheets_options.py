"""The proposal sheets of the workbook: 案の比較 (one column per scenario) and ロードマップ
(each proposal's phases), plus the recommended option's line on the cover.

Written only for a document with proposals. Cost figures per scenario are values from
`compute_budget` (each scenario's own workbook has the formulas); each column's total is a
SUM formula over its years, so it is never a pasted value.
"""

from __future__ import annotations

from typing import Any

from ..model import Design
from ..model import scenarios as sc
from .textwidth import wrapped_lines
from .xlsx import NUMBER, YEN, Sheet
from .xlsx import col_name as L

_L = {
    "sheet.options": ("Options", "案の比較"),
    "sheet.roadmap": ("Roadmap", "ロードマップ"),
    "op.heading": ("Comparison of the options", "案の比較"),
    "op.item": ("Item", "項目"),
    "op.recommended": ("Recommended", "推奨"),
    "op.yes": ("★ recommended", "★ 推奨案"),
    "op.errors": ("Findings: errors", "指摘：エラー"),
    "op.warnings": ("Findings: warnings", "指摘：警告"),
    "op.info": ("Findings: info", "指摘：情報"),
    "op.resolved": ("Findings resolved (vs current)", "解消される指摘（現状比）"),
    "op.authority": ("Authority style", "権限の型"),
    "op.total": ("Total cost", "費用合計"),
    "op.new_money": ("New money", "新規予算"),
    "op.new_money_na": ("not yet distinguished", "未区分"),
    "op.moved": ("Units moved", "移管される部署"),
    "op.people": ("People affected", "影響を受ける人数"),
    "op.authority_changes": ("Departments whose authority changes", "権限が変わる部署"),
    "op.must_agree": ("Must agree (合議先)", "合議先"),
    "rm.heading": ("Roadmap per proposal", "案ごとのロードマップ"),
    "rm.phase": ("Phase", "段階"),
    "rm.year": ("Fiscal year", "年度"),
    "rm.steps": ("Process steps", "プロセスの段階"),
    "rm.changes": ("Changes", "変更内容"),
    "cover.recommended": ("Recommended option", "推奨案"),
}


def label(key: str, lang: str) -> str:
    en, ja = _L[key]
    return ja if lang == "ja" else en


def has_proposals(design: Design) -> bool:
    return design.scenarios is not None and bool(design.scenarios.proposals)


def _comparisons(design: Design, lang: str, overrides: Any) -> list[tuple[Any, Any]]:
    from ..analysis.comparison import compare

    base = sc.design_of(design, sc.BASELINE)
    out = []
    for s, d in sc.list_scenarios(design):
        out.append((s, compare(base, d, sc.scenarios_of(design).items[0].display_name(lang),
                               s.display_name(lang))))
    return out


def write_options(sh: Sheet, design: Design, lang: str, overrides: Any = None) -> None:
    from ..analysis.comparison_json import fy_label
    from .model import compute_budget

    sh.title(label("op.heading", lang))
    rows = _comparisons(design, lang, overrides)
    sep = "、" if lang == "ja" else ", "
    r0 = 3
    sh.headers(r0, [label("op.item", lang)] + [s.display_name(lang) for s, _ in rows])
    budgets = [compute_budget(c.after, overrides=overrides) for _, c in rows]
    years = max(len(b.years) for b in budgets)
    fys = max(budgets, key=lambda b: len(b.years)).years

    def cell(r: int, col: int, key: str, value: Any, *styles: str) -> None:
        if col == 2:
            sh.text(r, 1, label(key, lang), "bold", "box", "wrap")
        if isinstance(value, int):
            sh.number(r, col, value, NUMBER, "box")
        else:
            sh.text(r, col, value, "box", "wrap", *styles)

    for col, (s, c) in enumerate(rows, start=2):
        counts = c.report_after.counts()
        fp = c.footprint
        rr = r0 + 1
        head: list[tuple[str, Any]] = [
            ("op.errors", counts["error"]), ("op.warnings", counts["warning"]),
            ("op.info", counts["info"]), ("op.resolved", len(c.resolved)),
            ("op.authority", c.report_after.authority.label(lang)),
        ]
        cell(rr, col, "op.recommended", label("op.yes", lang) if s.recommended else "", "bold")
        rr += 1
        for key, value in head:
            cell(rr, col, key, value)
            rr += 1
        first = rr
        per_year = budgets[col - 2].total_per_year
        amounts = [per_year[i] if i < len(per_year) else 0 for i in range(years)]
        for i in range(years):
            if col == 2:
                sh.text(rr, 1, fy_label(fys[i].number, lang), "bold", "box")
            sh.number(rr, col, amounts[i], YEN, "box")
            rr += 1
        if col == 2:
            sh.text(rr, 1, label("op.total", lang), "total", "box")
        # a formula over the years above, stored with its value (what a previewer shows)
        sh.formula(rr, col, f"=SUM({L(col)}{first}:{L(col)}{rr - 1})", sum(amounts), YEN,
                   "total", "box", width=14)
        rr += 1
        tail: list[tuple[str, Any]] = [
            ("op.new_money", label("op.new_money_na", lang)),
            ("op.moved", len(fp.moved)), ("op.people", fp.people_count),
            ("op.authority_changes", len(fp.authority)),
            ("op.must_agree", sep.join(c.name(i.unit, lang) for i in fp.must_agree) or "—"),
        ]
        for key, value in tail:
            cell(rr, col, key, value)
            rr += 1
    sh.widths[1] = min(max(sh.widths.get(1, 0), 16), 30)  # labels wrap beyond that
    for col in range(2, len(rows) + 2):
        sh.widths[col] = min(max(sh.widths.get(col, 0), 14), 28)
    sh.finish(header_row=r0, freeze=(r0 + 1, 2), landscape=len(rows) > 4)


def write_roadmap(sh: Sheet, design: Design, lang: str, overrides: Any = None) -> None:
    from ..analysis.comparison_json import fy_label
    from ..analysis.roadmap import roadmap
    from ..model import STEPS

    titles = {s.key: s.title(lang) for s in STEPS}
    sep = "、" if lang == "ja" else "; "
    sh.title(label("rm.heading", lang))
    r = 3
    for s, c in _comparisons(design, lang, overrides)[1:]:
        sh.text(r, 1, s.display_name(lang) + ("  ★" if s.recommended else ""), "bold",
                fit=False)
        r += 1
        sh.headers(r, [label(k, lang) for k in ("rm.phase", "rm.year", "rm.steps",
                                                  "rm.changes")])
        r += 1
        for i, p in enumerate(roadmap(c), start=1):
            # wrapped cells: finish() fits each row's height to the fixed widths below
            sh.text(r, 1, f"{i}. {p.title(lang)}", "wrap")
            sh.text(r, 2, fy_label(p.fiscal_year, lang), "wrap")
            sh.text(r, 3, sep.join(titles[k] for k in p.steps), "wrap")
            sh.text(r, 4, "\n".join(x(lang) for x in p.changes), "wrap")
            sh.heights[r] = max(sh.heights.get(r, 0), 2 * sh.book.line_h)
            r += 1
        r += 1
    sh.fixed_widths.update({1: 30, 2: 11, 3: 48, 4: 56})
    sh.finish(landscape=True)


def write_recommended(sh: Sheet, design: Design, lang: str) -> None:
    """One line on the cover, below what is there: the recommended option. The cover is
    already finished (widths, protection), so the row height and print area are set here."""
    rec = sc.scenarios_of(design).recommended()
    r = sh.max_row + 2
    text = label("cover.recommended", lang)
    sh.text(r, 1, text, "header", fit=False)
    sh.merge(r, 2, 7, rec.display_name(lang) if rec else "—", "bold", "box", "wrap")
    h = sh.book.line_h * max(wrapped_lines(text, 14), 1)
    if h != sh.book.line_h:
        sh.ws.set_row(r - 1, h)
    sh.ws.print_area(0, 0, sh.max_row - 1, max(sh.max_col, 1) - 1)

"""The proposal sheets of the workbook: 案の比較 (one column per scenario) and ロードマップ
(each proposal's phases), plus the recommended option's line on the cover.

Written only for a document with proposals. Cost figures per scenario are values from
`compute_budget` (each scenario's own workbook has the formulas); each column's total is a
SUM formula over its years, so it is never a pasted value.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from ..model import Design
from ..model import scenarios as sc
from .textwidth import wrapped_lines
from .xlsx import BOLD, BOX, HEADER_FILL, TOTAL_FILL, WRAP, YEN, Sheet

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
    r = r0 + 1
    for col, (s, c) in enumerate(rows, start=2):
        counts = c.report_after.counts()
        fp = c.footprint
        cells: list[tuple[str, Any]] = [
            ("op.recommended", label("op.yes", lang) if s.recommended else ""),
            ("op.errors", counts["error"]), ("op.warnings", counts["warning"]),
            ("op.info", counts["info"]), ("op.resolved", len(c.resolved)),
            ("op.authority", c.report_after.authority.label(lang)),
        ]
        rr = r
        for key, value in cells:
            if col == 2:
                sh.text(rr, 1, label(key, lang), font=BOLD, border=BOX)
            if isinstance(value, int):
                sh.number(rr, col, value, border=BOX)
            else:
                sh.text(rr, col, value, border=BOX, align=WRAP,
                        font=BOLD if key == "op.recommended" else None)
            rr += 1
        first = rr
        for i in range(years):
            if col == 2:
                sh.text(rr, 1, fy_label(fys[i].number, lang), font=BOLD, border=BOX)
            per_year = budgets[col - 2].total_per_year
            sh.number(rr, col, per_year[i] if i < len(per_year) else 0, YEN, border=BOX)
            rr += 1
        letter = get_column_letter(col)
        if col == 2:
            sh.text(rr, 1, label("op.total", lang), font=BOLD, border=BOX, fill=TOTAL_FILL)
        sh.formula(rr, col, f"=SUM({letter}{first}:{letter}{rr - 1})", border=BOX,
                   fill=TOTAL_FILL, font=BOLD)
        rr += 1
        tail: list[tuple[str, Any]] = [
            ("op.new_money", label("op.new_money_na", lang)),
            ("op.moved", len(fp.moved)), ("op.people", fp.people_count),
            ("op.authority_changes", len(fp.authority)),
            ("op.must_agree", sep.join(c.name(i.unit, lang) for i in fp.must_agree) or "—"),
        ]
        for key, value in tail:
            if col == 2:
                sh.text(rr, 1, label(key, lang), font=BOLD, border=BOX)
            if isinstance(value, int):
                sh.number(rr, col, value, border=BOX)
            else:
                sh.text(rr, col, value, border=BOX, align=WRAP)
            rr += 1
    sh.finish(header_row=r0, freeze="B4")


def write_roadmap(sh: Sheet, design: Design, lang: str, overrides: Any = None) -> None:
    from ..analysis.comparison_json import fy_label
    from ..analysis.roadmap import roadmap
    from ..model import STEPS

    titles = {s.key: s.title(lang) for s in STEPS}
    sep = "、" if lang == "ja" else "; "
    sh.title(label("rm.heading", lang))
    r = 3
    for s, c in _comparisons(design, lang, overrides)[1:]:
        sh.text(r, 1, s.display_name(lang) + ("  ★" if s.recommended else ""), font=BOLD,
                fit=False)
        r += 1
        sh.headers(r, [label(k, lang) for k in ("rm.phase", "rm.year", "rm.steps",
                                                  "rm.changes")])
        r += 1
        for i, p in enumerate(roadmap(c), start=1):
            sh.text(r, 1, f"{i}. {p.title(lang)}", align=WRAP, fit=False)
            sh.text(r, 2, fy_label(p.fiscal_year, lang), align=WRAP)
            steps = sep.join(titles[k] for k in p.steps)
            changes = "\n".join(x(lang) for x in p.changes)
            sh.text(r, 3, steps, align=WRAP, fit=False)
            sh.text(r, 4, changes, align=WRAP, fit=False)
            lines = max(wrapped_lines(steps, 46), wrapped_lines(changes, 54), 2)
            sh.ws.row_dimensions[r].height = 16.5 * lines + 4
            r += 1
        r += 1
    sh.finish()
    for col, width in ((1, 30), (2, 11), (3, 48), (4, 56)):  # after finish: wrapped columns
        sh.ws.column_dimensions[get_column_letter(col)].width = width


def write_recommended(sh: Sheet, design: Design, lang: str) -> None:
    """One line on the cover, below what is there: the recommended option."""
    rec = sc.scenarios_of(design).recommended()
    r = sh.ws.max_row + 2
    sh.text(r, 1, label("cover.recommended", lang), font=BOLD, fill=HEADER_FILL, border=BOX)
    sh.text(r, 2, rec.display_name(lang) if rec else "—", font=BOLD, border=BOX, fit=False)

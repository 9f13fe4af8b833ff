"""The group allocation sheet (負担金): each company's own cost, its share by the allocation
key, and what it settles with the others — three blocks, one column per fiscal year, so the
sheet prints on A4. Written only for a design with two or more in-scope companies. The key
values are inputs; shares and amounts follow."""

from __future__ import annotations

from ..model import Design
from .groups import CompanyShare, book_company
from .labels import t
from .model import Budget
from .sheets_assumptions import Refs, absolute
from .sheets_summary import SummaryRefs
from .xlsx import NUMBER, PERCENT, RATE, YEN, Sheet
from .xlsx import col_name as L


def write_allocation(sh: Sheet, design: Design, budget: Budget, shares: list[CompanyShare],
                     lang: str, refs: Refs, s: SummaryRefs) -> dict[str, str]:
    """Returns company id → the cell of its total 負担金 (for the cover)."""
    n = len(budget.years)
    k_last = len(shares) - 1
    sh.title(t("al.heading", lang))
    sh.text(2, 1, t("al.key", lang), "bold")
    sh.text(2, 2, design.budget.allocation.label(lang))
    tcol = 2 + n  # FY columns B.., then the total

    def header(r: int, what: str) -> None:
        sh.headers(r, [t(what, lang)])
        for i, (f, v) in enumerate(refs.fy_labels):
            sh.formula(r, 2 + i, f, v, None, "header")
        sh.headers(r, [t("su.total", lang)], start=tcol)

    def total_row(r: int, first: int, values: list[int]) -> None:
        sh.text(r, 1, t("st.total", lang), "total")
        for i in range(n + 1):
            col = L(2 + i)
            sh.formula(r, 2 + i, f"=SUM({col}{first}:{col}{r - 1})",
                       values[i] if i < n else sum(values), YEN, "total")

    # block 1: the key and each company's share
    r = 4
    sh.headers(r, [t("al.company", lang), t("al.weight", lang), t("al.share", lang)])
    w_first = r + 1
    w_last = w_first + k_last
    whole = sum(x.weight for x in shares)
    for k, share in enumerate(shares):
        row = w_first + k
        sh.text(row, 1, share.name(lang))
        sh.number(row, 2, share.weight, RATE if share.weight % 1 else NUMBER, "input")
        sh.formula(row, 3, f"=IF(SUM($B${w_first}:$B${w_last})=0,1/{len(shares)},"
                           f"B{row}/SUM($B${w_first}:$B${w_last}))",
                   float(share.weight / whole) if whole else 1 / len(shares), PERCENT)
    sh.validate(w_first, 2, w_last, {"validate": "decimal", "criteria": ">=", "value": 0,
                                     "error_type": "stop"})
    home = book_company(design, "")
    counted = '"' + t("counted", lang).replace('"', '""') + '"'
    out = {}
    # block 2: own books; block 3: 負担金; block 4: settlement
    r = w_last + 2
    header(r, "al.carried")
    c_first = r + 1
    for k, share in enumerate(shares):
        row = c_first + k
        sh.text(row, 1, share.name(lang))
        for i in range(n):
            f = (f"=SUMIF({refs.staff_company},$A{row},{refs.staff_cost[i]})"
                 f"+SUMIFS({refs.cost_yen[i]},{refs.cost_company},$A{row},"
                 f"{refs.cost_counted},{counted})")
            if share.company == home:
                f += f"+{s.cell('contingency', i)}"
            sh.formula(row, 2 + i, f, share.carried[i])
        sh.formula(row, tcol, f"=SUM(B{row}:{L(tcol - 1)}{row})", sum(share.carried), YEN,
                   "bold")
    total_row(c_first + k_last + 1, c_first, [sum(x.carried[i] for x in shares)
                                              for i in range(n)])
    r = c_first + k_last + 3
    header(r, "al.burden")
    b_first = r + 1
    for k, share in enumerate(shares):
        row = b_first + k
        sh.text(row, 1, share.name(lang))
        for i in range(n):
            col = L(2 + i)
            if k < k_last:
                f = f"=ROUND({s.cell('total', i)}*$C${w_first + k},0)"
            elif k:
                f = f"={s.cell('total', i)}-SUM({col}{b_first}:{col}{row - 1})"
            else:
                f = f"={s.cell('total', i)}"
            sh.formula(row, 2 + i, f, share.burden[i])
        sh.formula(row, tcol, f"=SUM(B{row}:{L(tcol - 1)}{row})", sum(share.burden), YEN,
                   "bold")
        out[share.company] = absolute(sh.name, tcol, row)
    total_row(b_first + k_last + 1, b_first, list(budget.total_per_year))
    r = b_first + k_last + 3
    header(r, "al.settle")
    s_first = r + 1
    for k, share in enumerate(shares):
        row = s_first + k
        sh.text(row, 1, share.name(lang))
        for i in range(n):
            col = L(2 + i)
            sh.formula(row, 2 + i, f"={col}{b_first + k}-{col}{c_first + k}",
                       share.settlement[i])
        sh.formula(row, tcol, f"=SUM(B{row}:{L(tcol - 1)}{row})", sum(share.settlement),
                   YEN, "bold")
    r = s_first + k_last + 2
    sh.merge(r, 1, max(tcol, 5), t("al.note", lang), "small", lines_width=80)
    sh.widths[1] = min(max(sh.widths.get(1, 0), 16), 30)
    sh.finish(header_row=None, freeze=None, landscape=n > 4)
    return out

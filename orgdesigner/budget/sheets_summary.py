"""The Summary sheet: cost by category, then new money against total cost, consumption tax,
CAPEX/OPEX, the year's depreciation charge and the internal transfers left out.

Every figure is a formula over the Staffing and Costs sheets (SUMIF on the staffing type,
the category and the "counted" column), stored with the model's value.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CostCategory, Expenditure, Staffing
from .labels import t
from .model import Budget
from .sheets_assumptions import Refs, absolute
from .xlsx import NUMBER, YEN, Sheet
from .xlsx import col_name as L


@dataclass
class SummaryRefs:
    fy_header: list[str]  # cells holding the FY labels
    rows: dict[str, int]  # row of each figure: "new_money", "total", "new_incl", …
    sheet: str
    total_col: int

    def cell(self, key: str, year: int | None = None) -> str:
        col = self.total_col if year is None else 2 + year
        return absolute(self.sheet, col, self.rows[key])


def write_summary(sh: Sheet, budget: Budget, lang: str, refs: Refs) -> SummaryRefs:
    b = budget
    n = len(b.years)
    p = refs.params
    sh.title(t("su.heading", lang))
    sh.headers(3, [t("su.category", lang)])
    for i, (f, v) in enumerate(refs.fy_labels):
        sh.formula(3, 2 + i, f, v, None, "header")
    tcol = 2 + n
    sh.headers(3, [t("su.total", lang)], start=tcol)
    realloc, outsourced = Staffing.REALLOCATE.label(lang), Staffing.OUTSOURCE.label(lang)
    counted, internal = t("counted", lang), t("internal", lang)
    rows: dict[str, int] = {}

    def line(r: int, key: str, label: str, formulas: list[str], values: tuple[int, ...],
             *styles: str) -> None:
        sh.text(r, 1, label, *styles)
        for i in range(n):
            sh.formula(r, 2 + i, "=" + formulas[i], values[i], YEN, *styles)
        sh.formula(r, tcol, f"=SUM(B{r}:{L(tcol - 1)}{r})", sum(values), YEN, "bold",
                   *styles)
        rows[key] = r

    def sumifs(i: int, *criteria: tuple[str, str]) -> str:
        crit = "".join(f",{rng},{value}" for rng, value in criteria)
        return f"SUMIFS({refs.cost_yen[i]}{crit})"

    def q(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    # where the money section goes, so the category block can point at its contingency
    r_money = 4 + len(CostCategory) + 3
    rows_money = {k: r_money + 1 + j for j, k in enumerate(
        ("staff_new", "purchases", "contingency", "new_money", "reallocated", "total2",
         "tax", "new_incl", "total_incl"))}

    r = 4
    for cat in CostCategory:
        fs = [sumifs(i, (refs.cost_category, f"$A{r}"), (refs.cost_counted, q(counted)))
              for i in range(n)]
        if cat is CostCategory.PERSONNEL:
            fs = [f"SUM({refs.staff_cost[i]})+{fs[i]}" for i in range(n)]
        line(r, cat.value, cat.label(lang), fs, b.by_category[cat])
        r += 1
    line(r, "contingency_cat", t("su.contingency", lang),
         [f"{L(2 + i)}{rows_money['contingency']}" for i in range(n)], b.contingency)
    r += 1
    line(r, "total", t("su.total_cost", lang), [f"SUM({L(2 + i)}4:{L(2 + i)}{r - 1})"
                                                 for i in range(n)], b.total_per_year, "total")
    total_row = r
    r += 2
    assert r == r_money
    sh.text(r, 1, t("su.money", lang), "bold")
    rm = rows_money
    staff_all = [f"SUM({refs.staff_cost[i]})" for i in range(n)]
    realloc_f = [f"SUMIF({refs.staff_type},{q(realloc)},{refs.staff_cost[i]})" for i in range(n)]
    col = [L(2 + i) for i in range(n)]
    line(rm["staff_new"], "staff_new", t("su.staff_new", lang),
         [f"{staff_all[i]}-{realloc_f[i]}" for i in range(n)], b.staff_new)
    line(rm["purchases"], "purchases", t("su.purchases", lang),
         [sumifs(i, (refs.cost_counted, q(counted))) for i in range(n)], b.items_per_year)
    line(rm["contingency"], "contingency", t("su.contingency", lang),
         [f"ROUND(({c}{rm['staff_new']}+{c}{rm['purchases']})*{p['contingency']},0)"
          for c in col], b.contingency)
    line(rm["new_money"], "new_money", t("su.new_money", lang),
         [f"{c}{rm['staff_new']}+{c}{rm['purchases']}+{c}{rm['contingency']}" for c in col],
         b.new_money, "total")
    line(rm["reallocated"], "reallocated", t("su.reallocated", lang), realloc_f, b.reallocated)
    line(rm["total2"], "total2", t("su.total_cost", lang),
         [f"{c}{rm['new_money']}+{c}{rm['reallocated']}" for c in col], b.total_per_year,
         "total")
    taxable = (refs.cost_taxable, q(t("yes", lang)))
    tax_f = [f"ROUND({sumifs(i, taxable, (refs.cost_counted, q(counted)))}"
             f"*{p['tax_rate']},0)+ROUND(SUMIF({refs.staff_type},{q(outsourced)},"
             f"{refs.staff_cost[i]})*{p['tax_rate']},0)" for i in range(n)]
    line(rm["tax"], "tax", t("su.tax", lang), tax_f, b.tax)
    line(rm["new_incl"], "new_incl", t("su.new_money_incl", lang),
         [f"{c}{rm['new_money']}+{c}{rm['tax']}" for c in col], b.new_money_incl_tax, "total")
    line(rm["total_incl"], "total_incl", t("su.total_incl", lang),
         [f"{c}{rm['total2']}+{c}{rm['tax']}" for c in col], b.total_incl_tax, "total")
    r = rm["total_incl"] + 2

    sh.text(r, 1, t("su.of_which", lang), "bold")
    r += 1
    for exp in Expenditure:
        fs = [sumifs(i, (refs.cost_expenditure, f"$A{r}"), (refs.cost_counted, q(counted)))
              for i in range(n)]
        if exp is Expenditure.OPEX:
            fs = [f"{staff_all[i]}+{col[i]}{rm['contingency']}+{fs[i]}" for i in range(n)]
        line(r, exp.value, exp.label(lang), fs, b.by_expenditure[exp])
        r += 1
    capex = rows[Expenditure.CAPEX.value]
    years = p["depreciation_years"]
    dep = []
    for i in range(n):
        terms = "+".join(f"IF({i - j}<{years},{L(2 + j)}{capex},0)" for j in range(i + 1))
        dep.append(f"ROUND(({terms})/{years},0)")
    line(r, "depreciation", t("su.depreciation", lang), dep, b.depreciation)
    r += 1
    line(r, "internal", t("su.internal", lang),
         [sumifs(i, (refs.cost_counted, q(internal))) for i in range(n)], b.internal)
    r += 1
    _chart(sh, n, total_row, r + 1, lang)
    sh.widths[1] = min(max(sh.widths.get(1, 0), 20), 40)
    sh.finish(header_row=3, freeze=(4, 2), min_width=14, landscape=n > 4)
    return SummaryRefs([absolute(sh.name, 2 + i, 3) for i in range(n)], rows, sh.name, tcol)


def _chart(sh: Sheet, n: int, total_row: int, at_row: int, lang: str) -> None:
    chart = sh.book.wb.add_chart({"type": "column", "subtype": "stacked"})
    name = sh.name
    for r in range(4, total_row - 1):  # categories (the contingency row included)
        chart.add_series({"name": [name, r - 1, 0],
                          "categories": [name, 2, 1, 2, n],
                          "values": [name, r - 1, 1, r - 1, n]})
    chart.set_title({"name": t("su.chart", lang),
                     "name_font": {"name": sh.book.base["font_name"], "size": 12}})
    chart.set_y_axis({"num_format": NUMBER, "min": 0})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 640, "height": 360})
    sh.ws.insert_chart(at_row - 1, 0, chart)
    sh.ws.set_h_pagebreaks([at_row - 1])  # the chart prints whole, on its own page
    sh.max_row = max(sh.max_row, at_row + 18)

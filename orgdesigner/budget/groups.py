"""A group's CSIRT cost split into each company's share (負担金).

Each company carries the lines on its own books (its staff, its purchases); the group's total
cost is then allocated by a key — headcount, revenue, equal or manual shares — and the
difference is what each company pays to (or receives from) the others. Internal transfers
between group companies are never counted, so the allocated total is each yen once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import AllocationKey, Design
from .extras import payer_company
from .model import Budget, yen


@dataclass(frozen=True)
class CompanyShare:
    company: str  # company id
    name_en: str
    name_ja: str
    weight: Decimal  # headcount, revenue or share, as the key says
    carried: tuple[int, ...]  # cost on the company's own books, per fiscal year
    burden: tuple[int, ...]  # 負担金 per fiscal year

    def name(self, lang: str = "en") -> str:
        return self.name_ja if lang == "ja" else self.name_en

    @property
    def settlement(self) -> tuple[int, ...]:
        """What the company pays to the others (negative: receives)."""
        return tuple(b - c for b, c in zip(self.burden, self.carried, strict=True))


def weights(design: Design, ids: list[str]) -> dict[str, Decimal]:
    key = design.budget.allocation
    if key is AllocationKey.HEADCOUNT:
        w = {c: Decimal(sum(u.headcount for u in design.units_in(c))) for c in ids}
    elif key is AllocationKey.EQUAL:
        w = {c: Decimal(1) for c in ids}
    else:
        w = {c: Decimal(design.budget.shares.get(c, 0)) for c in ids}
    if not sum(w.values()):
        w = {c: Decimal(1) for c in ids}
    return w


def split(total: int, ws: list[Decimal]) -> list[int]:
    """ROUND(total × w / Σw) for every company but the last; the last takes the remainder,
    so the shares always add up to the total."""
    whole = sum(ws)
    out = [yen(Decimal(total) * w / whole) for w in ws[:-1]]
    return [*out, total - sum(out)]


def allocate(design: Design, budget: Budget) -> list[CompanyShare]:
    """Shares of the in-scope companies; empty for a single-company design."""
    ids = [cid for cid, c in design.companies.items() if c.in_scope]
    if len(ids) < 2:
        return []
    n = len(budget.years)
    home = book_company(design, "")
    carried = {c: [0] * n for c in ids}

    def add(company: str, per_year: tuple[int, ...]) -> None:
        row = carried[book_company(design, company)]
        for i, x in enumerate(per_year):
            row[i] += x

    for p in budget.personnel:
        add(p.company, p.per_year)
    for x in budget.items:
        add(x.company, x.counted)
    add(home, budget.contingency)
    w = weights(design, ids)
    per_year = [split(budget.total_per_year[i], [w[c] for c in ids]) for i in range(n)]
    out = []
    for k, cid in enumerate(ids):
        c = design.companies[cid]
        out.append(CompanyShare(cid, c.display_name("en"), c.display_name("ja"), w[cid],
                                tuple(carried[cid]), tuple(per_year[i][k] for i in range(n))))
    return out


def book_company(design: Design, company: str) -> str:
    """The in-scope company whose books carry a line; lines of an unknown or out-of-scope
    company go to the parent, as `allocate` counts them."""
    ids = [cid for cid, c in design.companies.items() if c.in_scope]
    if company in ids:
        return company
    home = payer_company(design, None, None)
    return home if home in ids or not ids else ids[0]


def company_label(design: Design, company: str, lang: str = "en") -> str:
    cid = book_company(design, company)
    c = design.companies.get(cid)
    return c.display_name(lang) if c else ""

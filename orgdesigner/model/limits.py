"""The ranges every number of a design must lie in, in one table.

They are limits a real organisation never reaches but a corrupt or hostile file does: a cost
of 10^200, a multiplier of "1e999999" or fiscal year 9999 would otherwise be accepted at
load and break the budget later (Decimal overflow, a date past year 9999). The validators in
`fields.py` take their bounds from `RANGES`, so a new field (bonus months, welfare rate, …)
gets its range by adding one entry here and naming it: `v.money(x, what, limit="...")`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Range(NamedTuple):
    low: Decimal
    high: Decimal
    places: int  # decimal places allowed (amounts in a currency need few; FX rates more)


def _r(low: str | int, high: str | int, places: int = 0) -> Range:
    return Range(Decimal(low), Decimal(high), places)


RANGES: dict[str, Range] = {
    # money, in the item's currency: a trillion is beyond any CSIRT's budget line
    "amount": _r(0, 10 ** 12, 4),
    # a role's yearly cost per FTE, in yen
    "role_rate": _r(0, 10 ** 10),
    # overhead multiplier on salaries (1.0 = none; 1.6 is typical)
    "multiplier": _r(0, 100, 6),
    # yen per unit of a foreign currency: never 0 (it would erase the cost), never absurd
    "fx_rate": _r("0.000001", 10 ** 6, 10),
}

#: Fiscal years a budget may start in (0 = "the year after the design was created").
YEAR_LOW, YEAR_HIGH = 1900, 2200

#: Sizes of a design's collections: ten times the largest real business group.
MAX_ITEMS = {
    "companies": 100_000,
    "units": 200_000,
    "flows": 1_000_000,
    "costs": 100_000,
    "members": 200_000,
}

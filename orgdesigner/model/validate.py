"""Field validation shared by the design's setters and the file reader.

Each function returns the clean value or raises `InvalidValueError` with a message that
names the field and the value, and suggests the nearest valid word for enumerations.
"""

from __future__ import annotations

import difflib
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from ..messages import Field, Message, msg
from .errors import InvalidValueError
from .limits import RANGES, YEAR_HIGH, YEAR_LOW

E = TypeVar("E")
SURROGATE = re.compile("[\ud800-\udfff]")  # the only code points UTF-8 cannot hold


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return msg("hint.did_you_mean", choice=close[0]) if close else ""


def _bad(key: str, what: str, **params: Any) -> InvalidValueError:
    """The refusal `key`, naming the field so it reads in either language (messages.py)."""
    message: Message = msg(key, what=Field(what), **params)
    return InvalidValueError(message)


def enum_value(enum_cls: type[E], value: Any, what: str) -> E:
    if type(value) is str:  # the usual case, a file's word: one lookup, no Enum call
        member = enum_cls._value2member_map_.get(value)  # type: ignore[attr-defined]
        if member is not None:
            return member  # type: ignore[no-any-return]
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)  # type: ignore[call-arg]
    except ValueError:
        choices = [m.value for m in enum_cls]  # type: ignore[attr-defined]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        raise _bad("value.not_enum", what, value=value, hint=hint) from None


def encodable(value: str, what: str) -> str:
    """Refuse text that cannot be saved: a lone surrogate ("\\ud800" is valid JSON and a
    valid Python string, but no UTF-8 file can hold it, so the design could never be saved)."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _bad("value.unencodable", what, code=ord(value[exc.start]),
                   pos=exc.start + 1) from None
    return value


def text(value: Any, what: str, *, required: bool = False, limit: int = 10_000) -> str:
    if not isinstance(value, str):
        raise _bad("value.not_text", what, type=type(value).__name__)
    if required and not value.strip():
        raise _bad("value.empty", what)
    if len(value) > limit:
        raise _bad("value.too_long", what, length=len(value), limit=limit)
    return encodable(value, what)


def boolean(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _bad("value.not_bool", what, value=value)
    return value


def integer(value: Any, what: str, *, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad("value.not_int", what, value=value)
    if low is not None and value < low or high is not None and value > high:
        raise _bad("value.int_range", what, low=low, high=high, value=value)
    return value


def number(value: Any, what: str, *, low: float | None = None, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            isinstance(value, int) and value.bit_length() > 1000 or not math.isfinite(value):
        raise _bad("value.not_number", what, value=value)
    if low is not None and value < low or high is not None and value > high:
        raise _bad("value.number_range", what, low=low, high=high, value=float(value))
    return float(value)


def money(value: Any, what: str, limit: str = "amount") -> Decimal:
    """Amounts are Decimal (stored as strings in files) so sums never drift; `limit` names
    their range in `limits.RANGES` (so "1e999999" or 10^200 never reaches the budget)."""
    if isinstance(value, bool):
        raise _bad("value.not_amount", what, value=value)
    if isinstance(value, str) and len(value) > 60:  # no amount in range is written so long
        raise _bad("value.not_amount", what, value=value)
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).replace(",", ""))
    except (InvalidOperation, ValueError):
        raise _bad("value.not_amount", what, value=value) from None
    if not d.is_finite() or d < 0:
        raise _bad("value.negative_amount", what, value=value)
    rng = RANGES[limit]
    if not rng.low <= d <= rng.high:
        raise _bad("value.amount_range", what, low=_plain(rng.low), high=_plain(rng.high),
                   value=value)
    if d != 0 and d.as_tuple().exponent < -rng.places and \
            d.normalize().as_tuple().exponent < -rng.places:
        raise _bad("value.too_precise", what, places=rng.places, value=value)
    return d


def _plain(d: Decimal) -> str:
    return f"{d:,f}" if d >= 1 else format(d.normalize(), "f")


def year(value: Any, what: str) -> int:
    """A fiscal year: 0 (the default) or one a budget can have dates in."""
    y = integer(value, what)
    if y != 0 and not YEAR_LOW <= y <= YEAR_HIGH:
        raise _bad("value.year_range", what, low=YEAR_LOW, high=YEAR_HIGH, value=value)
    return y


def ident(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad("value.bad_id", what, value=value)
    if len(value) > 200:
        raise _bad("value.id_too_long", what)
    return encodable(value, what)

"""Field validation shared by the design's setters and the file reader.

Each function returns the clean value or raises `InvalidValueError` with a message that
names the field and the value, and suggests the nearest valid word for enumerations.
"""

from __future__ import annotations

import difflib
import math
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from .errors import InvalidValueError

E = TypeVar("E")


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def enum_value(enum_cls: type[E], value: Any, what: str) -> E:
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)  # type: ignore[call-arg]
    except ValueError:
        choices = [m.value for m in enum_cls]  # type: ignore[attr-defined]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        raise InvalidValueError(f"{value!r} is not a {what}{hint}") from None


def text(value: Any, what: str, *, required: bool = False, limit: int = 10_000) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"{what} must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise InvalidValueError(f"{what} must not be empty")
    if len(value) > limit:
        raise InvalidValueError(f"{what} is {len(value)} characters long; the limit is {limit}")
    return value


def boolean(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidValueError(f"{what} must be true or false, not {value!r}")
    return value


def integer(value: Any, what: str, *, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{what} must be a whole number, not {value!r}")
    if low is not None and value < low or high is not None and value > high:
        raise InvalidValueError(f"{what} must be between {low} and {high}, not {value}")
    return value


def number(value: Any, what: str, *, low: float | None = None, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidValueError(f"{what} must be a number, not {value!r}")
    if low is not None and value < low or high is not None and value > high:
        raise InvalidValueError(f"{what} must be between {low:g} and {high:g}, not {value:g}")
    return float(value)


def money(value: Any, what: str) -> Decimal:
    """Amounts are Decimal (stored as strings in files) so sums never drift."""
    if isinstance(value, bool):
        raise InvalidValueError(f"{what} must be an amount, not {value!r}")
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).replace(",", ""))
    except (InvalidOperation, ValueError):
        raise InvalidValueError(f"{what} must be an amount, not {value!r}") from None
    if not d.is_finite() or d < 0:
        raise InvalidValueError(f"{what} must be a non-negative amount, not {value!r}")
    return d


def ident(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(f"{what} must be a non-empty text id, not {value!r}")
    if len(value) > 200:
        raise InvalidValueError(f"{what} is longer than 200 characters")
    return value

"""The catalogue: key → (English template, Japanese template), one file per family."""

from __future__ import annotations

from .cat_limits import LIMITS
from .cat_load import LOAD
from .cat_output import OUTPUT
from .cat_scenarios import SCENARIOS
from .cat_tables import TABLES

MESSAGES: dict[str, tuple[str, str]] = {**LOAD, **TABLES, **OUTPUT, **LIMITS, **SCENARIOS}

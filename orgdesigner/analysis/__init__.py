"""The design checker (no Qt): authority style, nearest reference model, findings with
sources and quick fixes, and the 8-step process status. The GUI's findings panel and
`orgdesigner check` both call `check(design)`; the JSON schema is in `report.py`."""

from .authority import STYLES, AuthorityResult
from .check import check, run_rules
from .findings import RULES, Finding, Rule, Severity
from .nearest import ModelMatch, clear_cache
from .process import ProcessReport, StepState
from .report import SCHEMA, SCHEMA_VERSION, CheckReport
from .text import format_text

__all__ = [
    "RULES", "SCHEMA", "SCHEMA_VERSION", "STYLES", "AuthorityResult", "CheckReport", "Finding",
    "ModelMatch", "ProcessReport", "Rule", "Severity", "StepState", "check", "clear_cache",
    "format_text", "run_rules",
]

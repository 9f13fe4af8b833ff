"""`compare(before, after)`: the comparison an approver reads beside a proposal.

Structural changes (`compare.structural_diff`), the authority style before → after with its
evidence, findings resolved / new / remaining, cost per fiscal year before → after, and the
change footprint with who must agree. `to_json` is the stable schema of
`orgdesigner compare --format json` (documented in README.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Design
from .check import check
from .compare import StructuralDiff, structural_diff
from .findings import Finding
from .footprint import Footprint, footprint
from .report import CheckReport

SCHEMA = "orgdesigner-compare"
SCHEMA_VERSION = 1


@dataclass
class Cost:
    years: list[int]  # fiscal years (FY2027 = 2027) of the longer budget
    before: list[int]
    after: list[int]
    new_money: list[int] | None = None  # once the budget tells new money from re-allocated

    @property
    def delta(self) -> list[int]:
        return [b - a for a, b in zip(self.before, self.after, strict=False)]


@dataclass
class Comparison:
    before: Design = field(repr=False)
    after: Design = field(repr=False)
    before_name: str
    after_name: str
    diff: StructuralDiff
    report_before: CheckReport = field(repr=False)
    report_after: CheckReport = field(repr=False)
    resolved: list[Finding]
    new: list[Finding]
    remaining: list[Finding]
    cost: Cost
    footprint: Footprint
    before_scenario: str = ""  # scenario ids, when both designs come from one document
    after_scenario: str = ""

    def name(self, uid: str, lang: str = "en", before: bool = False) -> str:
        report = self.report_before if before else self.report_after
        if uid in report.design.units:
            return report.unit_name(uid, lang)
        return uid

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        from .comparison_json import comparison_json

        return comparison_json(self, lang)


def finding_key(f: Finding, umap: dict[str, str] | None = None) -> tuple:
    units = tuple(sorted(umap.get(u, "?" + u) for u in f.units) if umap is not None
                  else sorted(f.units))
    return (f.id, units)


def split_findings(before: CheckReport, after: CheckReport,
                   umap: dict[str, str]) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(resolved: from `before`, new: from `after`, remaining: from `after`)."""
    left = Counter(finding_key(f, umap) for f in before.findings)
    right = Counter(finding_key(f) for f in after.findings)
    new, remaining = [], []
    seen: Counter = Counter()
    for f in after.findings:
        k = finding_key(f)
        seen[k] += 1
        (remaining if seen[k] <= left[k] else new).append(f)
    resolved = []
    seen = Counter()
    for f in before.findings:
        k = finding_key(f, umap)
        seen[k] += 1
        if seen[k] > right[k]:
            resolved.append(f)
    return resolved, new, remaining


def cost_of(before: Design, after: Design) -> Cost:
    from ..budget import compute_budget

    b0, b1 = compute_budget(before), compute_budget(after)
    n = max(len(b0.total_per_year), len(b1.total_per_year))

    def pad(xs: tuple[int, ...]) -> list[int]:
        return list(xs) + [0] * (n - len(xs))

    years = [fy.number for fy in (b1.years if len(b1.years) >= len(b0.years) else b0.years)]
    return Cost(years, pad(b0.total_per_year), pad(b1.total_per_year))


def compare(before: Design, after: Design, before_name: str = "", after_name: str = "",
            reports: tuple[CheckReport, CheckReport] | None = None) -> Comparison:
    """Compare `before` (usually 現状) with `after` (a proposal)."""
    diff = structural_diff(before, after)
    r0, r1 = reports if reports is not None else (check(before), check(after))
    resolved, new, remaining = split_findings(r0, r1, diff.unit_map)
    return Comparison(before, after, before_name, after_name, diff, r0, r1, resolved, new,
                      remaining, cost_of(before, after), footprint(before, after, diff))

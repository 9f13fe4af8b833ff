"""One call for what an approval deck or report shows of a proposal document: each scenario
with its name and design, which one is recommended, and its comparison with 現状.

    for p in summaries(design, "ja"):
        p.name, p.design, p.recommended, p.comparison  # None for the baseline itself
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Design
from ..model import scenarios as sc
from .comparison import Comparison, compare


@dataclass
class ProposalSummary:
    id: str
    name: str
    design: Design
    recommended: bool
    is_baseline: bool
    comparison: Comparison | None  # against the baseline; None for the baseline


def summaries(design: Design, lang: str = "en") -> list[ProposalSummary]:
    """Every scenario of the document, baseline first."""
    rows = sc.list_scenarios(design)
    base_name = rows[0][0].display_name(lang)
    base = rows[0][1]
    return [ProposalSummary(s.id, s.display_name(lang), d, s.recommended, s.id == sc.BASELINE,
                            None if s.id == sc.BASELINE
                            else compare(base, d, base_name, s.display_name(lang)))
            for s, d in rows]


def recommended(design: Design) -> sc.Scenario | None:
    return sc.scenarios_of(design).recommended()

"""Nearest reference model: the design's features against every shipped template's.

Template features are computed once per process and cached (templates do not change while
the app runs), so a re-check after an edit only extracts the design's own features.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from .. import templates
from ..formats.orgd import LoadError
from ..model import ModelError
from .authority import authority_style
from .context import Context
from .features import FEATURES, TOTAL_WEIGHT, Feature, extract
from .findings import Text

#: A feature whose similarity reaches this counts as matched, below it as differed.
MATCH_AT = 0.75


@dataclass(frozen=True)
class Comparison:
    feature: Feature
    similarity: float
    design: Any
    template: Any

    @property
    def key(self) -> str:
        return self.feature.key

    @property
    def label(self) -> Text:
        return self.feature.label

    @property
    def matched(self) -> bool:
        return self.similarity >= MATCH_AT

    def describe(self, lang: str = "en") -> str:
        label = self.feature.label(lang)
        mine = self.feature.show(self.design, lang)
        if self.matched:
            return f"{label}: {mine}"
        theirs = self.feature.show(self.template, lang)
        if lang == "ja":
            return f"{label}：本設計は{mine}、モデルは{theirs}"
        return f"{label}: {mine} here, {theirs} in the model"


@dataclass
class ModelMatch:
    """One template's similarity to the design, with the features behind the score."""

    template_id: str
    score: float
    comparisons: list[Comparison] = field(default_factory=list)
    title: Text = Text("", "")

    @property
    def matched(self) -> list[str]:
        """Features that matched, in English (see `matched_text(lang)`)."""
        return self.matched_text("en")

    @property
    def differed(self) -> list[str]:
        return self.differed_text("en")

    def name(self, lang: str = "en") -> str:
        return self.title(lang) or self.template_id

    def matched_text(self, lang: str = "en") -> list[str]:
        return [c.describe(lang) for c in self.comparisons if c.matched]

    def differed_text(self, lang: str = "en") -> list[str]:
        return [c.describe(lang) for c in self.comparisons if not c.matched]


@dataclass(frozen=True)
class TemplateFeatures:
    template_id: str
    title: Text
    values: dict[str, Any]


_lock = threading.Lock()
_cache: list[TemplateFeatures] | None = None


def template_features() -> list[TemplateFeatures]:
    """Features of every template that loads (a broken template file is skipped)."""
    global _cache
    with _lock:
        if _cache is None:
            out = []
            try:
                ids = templates.ids()
            except OSError:
                ids = []
            for tid in ids:
                try:
                    design = templates.load(tid)
                except (LoadError, ModelError, OSError):
                    continue
                ctx = Context(design)
                m = design.metadata
                out.append(TemplateFeatures(tid, Text(m.title_en or m.title or tid,
                                                      m.title or m.title_en or tid),
                                            extract(ctx, authority_style(ctx))))
            _cache = out
        return _cache


def clear_cache() -> None:
    """Forget the template features (tests, or after the user edits template files)."""
    global _cache
    with _lock:
        _cache = None


def _compare(f: Feature, mine: Any, theirs: Any) -> Comparison:
    return Comparison(f, f.similarity(mine, theirs), mine, theirs)


def rank(values: dict[str, Any], refs: list[TemplateFeatures] | None = None) -> list[ModelMatch]:
    """Every template, best first (ties keep the templates' own order)."""
    refs = template_features() if refs is None else refs
    out = []
    for ref in refs:
        comps = [_compare(f, values[f.key], ref.values[f.key]) for f in FEATURES]
        score = sum(f.weight * c.similarity
                    for f, c in zip(FEATURES, comps, strict=True)) / TOTAL_WEIGHT
        out.append(ModelMatch(ref.template_id, round(score, 3), comps, ref.title))
    order = {r.template_id: i for i, r in enumerate(refs)}
    out.sort(key=lambda m: (-m.score, order[m.template_id]))
    return out


def nearest(ctx: Context, values: dict[str, Any] | None = None) -> list[ModelMatch]:
    return rank(values if values is not None else extract(ctx, authority_style(ctx)))

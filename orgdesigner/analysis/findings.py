"""Findings: what the checker reports, and the registry of rules that produce them.

A rule is a small function `rule(ctx) -> Iterable[Finding]` registered with `@rule(...)`;
its docstring states the exact condition. Messages and suggestions are built in English
and Japanese at check time (they name units, so they depend on the design); the quick fix
is built only when asked for (`Finding.fix`), because most findings are never fixed and a
fix allocates fresh ids with `Design.new_id`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ..model.ops import Batch

if TYPE_CHECKING:  # pragma: no cover
    from .context import Context


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe, so sorting by rank puts errors first."""
        return _RANK[self]

    def label(self, lang: str = "en") -> str:
        return _SEVERITY_LABELS[self][1 if lang == "ja" else 0]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SEVERITY_LABELS = {
    Severity.ERROR: ("Error", "エラー"),
    Severity.WARNING: ("Warning", "警告"),
    Severity.INFO: ("Info", "情報"),
}


@dataclass(frozen=True)
class Text:
    """One sentence in both languages."""

    en: str
    ja: str

    def __call__(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


class Lazy:
    """A sentence built on first use for each language (`build(lang) -> str`).

    Findings name units, so their texts depend on the design; most texts are never shown
    (the GUI shows one language, and a re-check replaces them), so they are built only when
    asked for, and kept."""

    __slots__ = ("_build", "_done")

    def __init__(self, build: Callable[[str], str]) -> None:
        self._build = build
        self._done: dict[str, str] = {}

    def __call__(self, lang: str = "en") -> str:
        key = "ja" if lang == "ja" else "en"
        text = self._done.get(key)
        if text is None:
            text = self._done[key] = self._build(key)
        return text

    @property
    def en(self) -> str:
        return self("en")

    @property
    def ja(self) -> str:
        return self("ja")


Words = Text | Lazy


@dataclass
class Finding:
    id: str
    severity: Severity
    units: tuple[str, ...]
    flows: tuple[str, ...]
    source: str
    text: Words
    advice: Words
    fix_text: Words | None = None
    fix_builder: Callable[[], Batch] | None = field(default=None, repr=False, compare=False)
    _fix: Batch | None = field(default=None, init=False, repr=False, compare=False)

    def message(self, lang: str = "en") -> str:
        return self.text(lang)

    def suggestion(self, lang: str = "en") -> str:
        return self.advice(lang)

    def source_text(self, lang: str = "en") -> str:
        """Where the finding comes from, for a reader of `lang` (`source` stays the English
        citation, the stable one in the JSON schema's English output)."""
        from .sources import source_text

        return source_text(self.source, lang)

    def fix_label(self, lang: str = "en") -> str:
        return self.fix_text(lang) if self.fix_text else ""

    @property
    def has_fix(self) -> bool:
        return self.fix_builder is not None

    @property
    def fix(self) -> Batch | None:
        """The quick fix as one undoable batch of model operations (built once, on demand).

        It is built against the design as it was checked; the GUI re-checks after every
        edit, so a fix is never applied to a design it was not made for (and if it were,
        `Batch.apply` refuses it atomically with a `ModelError`).
        """
        if self._fix is None and self.fix_builder is not None:
            self._fix = self.fix_builder()
        return self._fix

    def sort_key(self) -> tuple[int, str, str]:
        return (self.severity.rank, self.id, self.units[0] if self.units else "")


RuleFn = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    source: str
    fn: RuleFn

    @property
    def condition(self) -> str:
        """The rule's documented condition (its docstring)."""
        return (self.fn.__doc__ or "").strip()


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, source: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule; `ctx.finding(...)` inside it fills in id, severity and source."""

    def register(fn: RuleFn) -> RuleFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, source, fn)
        fn.rule_id = rule_id  # type: ignore[attr-defined]
        return fn

    return register

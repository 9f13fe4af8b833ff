"""Authority style of the design's main CSIRT, after the talk's "Organizational model for
CSIRT" slide: *strong* (outside Japan: authority transferred from the CIO, the CSIRT
instructs IT operations and departments) or *consensual* (Japan: no transferred authority,
the CSIRT works by consensus and support), or *none* of the two."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import FlowKind, UnitKind
from .context import TOP, Context
from .findings import Text

K = FlowKind
STYLES = ("strong", "consensual", "none")
_LABELS = {
    "strong": Text("Strong authority (outside-Japan model)", "強い権限型（海外型）"),
    "consensual": Text("Consensual decision making (Japanese model)", "合意形成型（日本型）"),
    "none": Text("No defined authority", "権限・合意の経路なし"),
}


@dataclass
class AuthorityResult:
    style: str
    evidence: list[str] = field(default_factory=list)
    #: Authority-like flows that do not make the style strong on their own (commands with no
    #: transferred authority, delegation from below the top, delegation with no commands).
    partial: list[str] = field(default_factory=list)
    csirt: str | None = None
    _text: Text = field(default_factory=lambda: Text("", ""))

    def label(self, lang: str = "en") -> str:
        return _LABELS[self.style](lang)

    def explanation(self, lang: str = "en") -> str:
        return self._text(lang)


def authority_style(ctx: Context) -> AuthorityResult:
    """Classify the main CSIRT.

    - strong: a `delegation` flow into the CSIRT from a management or executive unit, and
      at least one `command` flow from the CSIRT to an internal unit that is not a CSIRT.
      Evidence: those delegation and command flows.
    - consensual: not strong, and at least one `consensus` or `support` flow between the
      CSIRT and an internal non-CSIRT unit. Evidence: those flows.
    - none: otherwise.
    """
    c = ctx.primary
    if c is None:
        return AuthorityResult("none", _text=Text(
            "There is no CSIRT, so there is no authority style to judge.",
            "CSIRT がないため、権限の型は判定できません。"))

    def internal(uid: str) -> bool:
        return uid not in ctx.csirt_set and ctx.units[uid].kind is not UnitKind.EXTERNAL

    delegations = list(ctx.incoming(c, K.DELEGATION))
    top_deleg = [f for f in delegations if ctx.units[f.source].kind in TOP]
    low_deleg = [f for f in delegations if ctx.units[f.source].kind not in TOP]
    commands = [f for f in ctx.outgoing(c, K.COMMAND) if internal(f.target)]
    soft = [f for f in ctx.touching(c, K.CONSENSUS, K.SUPPORT)
            if internal(f.target if f.source == c else f.source)]
    name = ctx.name(c, "en"), ctx.name(c, "ja")

    def names(flows, side: str, lang: str) -> str:  # type: ignore[no-untyped-def]
        return ctx.names([getattr(f, side) for f in flows], lang)

    if top_deleg and commands:
        return AuthorityResult(
            "strong", [f.id for f in top_deleg + commands], [f.id for f in low_deleg], c,
            ctx.text(lambda lang: (
                f"'{name[0]}' holds authority transferred from {names(top_deleg, 'source', lang)}"
                f" and instructs {names(commands, 'target', lang)}: the field follows the "
                "CSIRT because it carries the executive's authority." if lang == "en" else
                f"「{name[1]}」は{names(top_deleg, 'source', lang)}から権限を委譲され、"
                f"{names(commands, 'target', lang)}に指示します。現場は CIO 等から委譲された"
                "権限に従います。")))
    partial = [f.id for f in top_deleg + low_deleg + commands]
    note_en = note_ja = ""
    if commands and not top_deleg:
        note_en = (f" It issues commands to {names(commands, 'target', 'en')}, but with no "
                   "authority transferred from management or an executive they are hard to "
                   "enforce.")
        note_ja = (f"{names(commands, 'target', 'ja')}への指示はありますが、経営層・役員からの"
                   "権限委譲がないため、現場が従いにくい状態です。")
    elif top_deleg:
        note_en = (f" Authority is delegated from {names(top_deleg, 'source', 'en')}, but the "
                   "CSIRT commands no unit with it.")
        note_ja = (f"{names(top_deleg, 'source', 'ja')}から権限は委譲されていますが、"
                   "指示先の部署がありません。")
    if soft:
        partners = list(dict.fromkeys(f.target if f.source == c else f.source for f in soft))
        return AuthorityResult(
            "consensual", [f.id for f in soft], partial, c,
            ctx.text(lambda lang: (
                f"'{name[0]}' works by consensus and support with {ctx.names(partners, lang)}; "
                "each department keeps authority over its own field." + note_en
                if lang == "en" else
                f"「{name[1]}」は、{ctx.names(partners, lang)}との合意形成と支援を通じて"
                "活動します。"
                "各部門が自らの領域の権限を持ち続けます。" + note_ja)))
    return AuthorityResult(
        "none", [], partial, c,
        ctx.text(lambda lang: (
            f"'{name[0]}' has neither transferred authority with commands nor consensus or "
            "support relations with the departments." + note_en if lang == "en" else
            f"「{name[1]}」には、権限委譲に基づく指示も、各部門との合意・支援の関係もありません。"
            + note_ja)))

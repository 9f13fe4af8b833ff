"""The one visual language of OrgDesigner (DESIGN.md §6), shared by the canvas and every export.

Keeping shapes, colours, line styles and box sizes here (and only here, with no Qt) is what
makes the screen and a PDF handed to an approver look the same. Colours come from the
Okabe–Ito palette, which stays distinguishable for colour-blind readers; flows differ by line
style as well as colour so a black-and-white print still tells them apart. Unit fills are light
tints of those hues so dark text on them stays readable.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..model import Company, CompanyKind, FlowKind, Function, Unit, UnitKind
from .fonts import find_cjk_font

# ---- palette -----------------------------------------------------------------------------
#: Okabe & Ito (2008), "Color Universal Design"; grey added for neutral lines.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#6E6E6E"
TEXT = "#1A1A1A"
#: The CSIRT's accent: it must stand out on every diagram.
CSIRT_ACCENT = OKABE_ITO["vermillion"]


def tint(hex_colour: str, amount: float) -> str:
    """`hex_colour` mixed with white; `amount` 0 keeps the colour, 1 gives white."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def shade(hex_colour: str, amount: float) -> str:
    """`hex_colour` mixed with black; used for borders that must stand out on a light tint."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c * (1 - amount)) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two colours (≥ 4.5 is readable body text)."""

    def lum(c: str) -> float:
        chans = []
        for i in (1, 3, 5):
            v = int(c[i:i + 2], 16) / 255
            chans.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * chans[0] + 0.7152 * chans[1] + 0.0722 * chans[2]

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# ---- function colours ----------------------------------------------------------------------
#: Functions grouped into colour families (a unit is coloured by its first function).
FUNCTION_GROUPS: list[tuple[str, str, str, tuple[Function, ...]]] = [
    # (key, English label, Japanese label, functions) — hue from OKABE_ITO[key-hue] below
    ("it", "IT and systems", "IT・システム",
     (Function.IT_OPERATIONS, Function.SYSTEM_DEVELOPMENT, Function.INFORMATION_PLANNING)),
    ("security", "Security, risk and audit", "セキュリティ・リスク・監査",
     (Function.SECURITY_CENTER, Function.RISK_MANAGEMENT, Function.INTERNAL_AUDIT)),
    ("corporate", "Corporate and legal", "管理・総務・法務",
     (Function.ADMINISTRATION, Function.GENERAL_AFFAIRS, Function.LEGAL)),
    ("communication", "Customers and media", "顧客・広報",
     (Function.CUSTOMER_SERVICE, Function.MEDIA_RELATIONS)),
    ("business", "Business and sales", "事業・営業",
     (Function.SALES, Function.MARKETING, Function.PROFIT_CENTER)),
    ("disaster", "Disaster response", "災害対応", (Function.DISASTER_RESPONSE,)),
]
_GROUP_HUE = {
    "it": OKABE_ITO["blue"],
    "security": OKABE_ITO["bluish_green"],
    "corporate": OKABE_ITO["reddish_purple"],
    "communication": OKABE_ITO["sky_blue"],
    "business": OKABE_ITO["orange"],
    "disaster": OKABE_ITO["yellow"],
}
_FUNCTION_HUE = {fn: _GROUP_HUE[key] for key, _, _, fns in FUNCTION_GROUPS for fn in fns}
_FILL_TINT = 0.78  # light enough for TEXT to keep a contrast ratio above 10

# ---- styles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitStyle:
    shape: str  # "box" | "rounded" | "hexagon" | "octagon" | "ellipse" | "house"
    fill: str
    border: str
    text: str
    border_width: float
    dashed: bool
    bold: bool


@dataclass(frozen=True)
class FlowStyle:
    color: str
    width: float
    dash: str  # "solid" | "dashed" | "dotted" | "dashdot"
    double: bool
    head: str  # "normal" | "none"
    tail: str  # "normal" | "none"
    label_by_default: bool


@dataclass(frozen=True)
class CompanyStyle:
    fill: str
    border: str
    dashed: bool


#: Shape per unit kind: hierarchy reads top-down (house, hexagon, boxes, rounded teams);
#: the CSIRT is the only octagon and externals the only ellipses, so both survive greyscale.
KIND_SHAPE: dict[UnitKind, str] = {
    UnitKind.MANAGEMENT: "house",
    UnitKind.EXECUTIVE: "hexagon",
    UnitKind.DIVISION: "box",
    UnitKind.DEPARTMENT: "box",
    UnitKind.SECTION: "rounded",
    UnitKind.CSIRT: "octagon",
    UnitKind.TEAM: "rounded",
    UnitKind.EXTERNAL: "ellipse",
}
_KIND_BORDER_WIDTH = {
    UnitKind.MANAGEMENT: 2.0,
    UnitKind.EXECUTIVE: 1.6,
    UnitKind.DIVISION: 1.6,
    UnitKind.DEPARTMENT: 1.0,
    UnitKind.SECTION: 1.0,
    UnitKind.CSIRT: 3.0,
    UnitKind.TEAM: 1.0,
    UnitKind.EXTERNAL: 1.2,
}
_NEUTRAL_FILL = "#F2F2F2"
_NEUTRAL_BORDER = "#595959"


def function_colour(fn: Function | None) -> str:
    """The Okabe–Ito hue of a function's family (grey when the unit has none)."""
    return _FUNCTION_HUE.get(fn, GREY) if fn is not None else GREY


def unit_style(unit: Unit) -> UnitStyle:
    return _unit_style(unit.kind, unit.functions[0] if unit.functions else None)


@functools.lru_cache(maxsize=256)
def _unit_style(kind: UnitKind, main: Function | None) -> UnitStyle:
    """Styles depend only on the kind and the main function: computed once per pair."""
    if kind is UnitKind.CSIRT:
        return UnitStyle("octagon", tint(CSIRT_ACCENT, 0.85), CSIRT_ACCENT, TEXT,
                         _KIND_BORDER_WIDTH[kind], False, True)
    if main is None:
        fill, border = _NEUTRAL_FILL, _NEUTRAL_BORDER
        if kind is UnitKind.EXTERNAL:
            fill = "#FFFFFF"
    else:
        hue = function_colour(main)
        fill = tint(hue, _FILL_TINT)
        # Yellow and sky blue are too light as a border on white: darken them.
        border = shade(hue, 0.35) if hue in (OKABE_ITO["yellow"], OKABE_ITO["sky_blue"],
                                              OKABE_ITO["orange"]) else hue
    return UnitStyle(KIND_SHAPE[kind], fill, border, TEXT, _KIND_BORDER_WIDTH[kind],
                     kind is UnitKind.EXTERNAL, kind is UnitKind.MANAGEMENT)


_FLOW_STYLES: dict[FlowKind, FlowStyle] = {
    FlowKind.REPORTING: FlowStyle(GREY, 1.4, "solid", False, "none", "none", False),
    FlowKind.COMMAND: FlowStyle(OKABE_ITO["blue"], 2.6, "solid", False, "normal", "none", False),
    FlowKind.DELEGATION: FlowStyle(OKABE_ITO["bluish_green"], 2.2, "solid", True, "normal",
                                   "none", True),
    FlowKind.CONSENSUS: FlowStyle(OKABE_ITO["orange"], 1.8, "dashed", False, "normal", "normal",
                                  False),
    FlowKind.SUPPORT: FlowStyle(OKABE_ITO["sky_blue"], 2.0, "dotted", False, "normal", "none",
                                False),
    FlowKind.REPORT: FlowStyle(OKABE_ITO["reddish_purple"], 1.0, "solid", False, "normal", "none",
                               False),
    FlowKind.COORDINATION: FlowStyle(OKABE_ITO["black"], 1.4, "dashdot", False, "normal", "normal",
                                     False),
}


def flow_style(kind: FlowKind) -> FlowStyle:
    return _FLOW_STYLES[FlowKind(kind)]


def company_style(company: Company) -> CompanyStyle:
    """Companies are frames: the parent darker, the IT subsidiary tinted, out-of-scope dashed."""
    if company.kind is CompanyKind.PARENT:
        fill, border = "#FAFAFA", "#404040"
    elif company.kind is CompanyKind.IT_SUBSIDIARY:
        fill, border = tint(OKABE_ITO["blue"], 0.95), shade(OKABE_ITO["blue"], 0.2)
    else:
        fill, border = "#FCFCFC", "#707070"
    return CompanyStyle(fill, border, not company.in_scope)


def flow_label(kind: FlowKind, label: str, lang: str = "en") -> str:
    """The text drawn on a flow: the user's label, or the kind's name where it is shown by
    default (delegation must say that authority is transferred)."""
    if label:
        return label
    return FlowKind(kind).label(lang) if flow_style(kind).label_by_default else ""


# ---- text metrics and box sizes -------------------------------------------------------------
FONT_SIZE = 10.0  # points, for unit labels everywhere
LINE_HEIGHT = FONT_SIZE * 1.3
PAD_X = 10.0
PAD_Y = 7.0
MIN_WIDTH = 80.0
MIN_HEIGHT = 36.0
WRAP_WIDTH = 150.0  # text wider than this wraps onto two lines
_BOLD_FACTOR = 1.08
_NO_BREAK_BEFORE = set("、。，．・：；？！ー）」』】〉》〕!),.:;?」")


@functools.lru_cache(maxsize=8192)  # a 50,000-unit import measures over a million
def char_width(ch: str) -> float:
    """Estimated advance of one character, in ems: CJK and full-width ~1, Latin ~0.55."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in "il.,:;'|!`" or ch == " ":
        return 0.3
    if ch in "MWmw@%":
        return 0.85
    if ch.isupper() or ch.isdigit():
        return 0.65
    return 0.55


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Estimated width in points, without a font engine (so it works headless and in tests)."""
    w = sum(map(char_width, text)) * size
    return w * _BOLD_FACTOR if bold else w


@functools.lru_cache(maxsize=1)
def _phrase_parser():  # type: ignore[no-untyped-def]
    try:
        import budoux
    except ImportError:  # pragma: no cover - a dependency; without it, break anywhere
        return None
    return budoux.load_default_japanese_parser()


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """Break opportunities. Japanese breaks between phrases (BudouX: 情報システム / 子会社,
    not 情 / 報システム); a phrase wider than a box breaks between characters after all.
    Latin words keep their trailing space."""
    parser = _phrase_parser()
    if parser is None or not any(unicodedata.east_asian_width(ch) in ("W", "F")
                                 for ch in text):
        return tuple(_char_tokens(text))
    out: list[str] = []
    for phrase in parser.parse(text):
        if text_width(phrase) > WRAP_WIDTH:
            out.extend(_char_tokens(phrase))
        else:
            out.extend(_latin_words(phrase))
    return tuple(out)


def _latin_words(phrase: str) -> list[str]:
    """A phrase kept whole, except that spaces inside it still allow a break."""
    parts = phrase.split(" ")
    return [p + " " for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _char_tokens(text: str) -> list[str]:
    """Latin words keep their trailing space; CJK characters stand alone."""
    out: list[str] = []
    cur = ""
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if wide and ch not in _NO_BREAK_BEFORE:
            if cur:
                out.append(cur)
            cur = ch
            continue
        cur += ch
        if ch == " " or (wide and ch in _NO_BREAK_BEFORE):
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def _wrap(text: str, target: float, bold: bool) -> list[str]:
    lines: list[str] = []
    cur = ""
    for tok in _tokens(text):
        if cur and text_width((cur + tok).rstrip(), bold=bold) > target:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip() or not lines:
        lines.append(cur.rstrip())
    return lines


def wrap_label(text: str, bold: bool = False) -> list[str]:
    """The lines a unit's label is drawn on: one line, or balanced lines once it is too wide.

    Every character the user typed is kept (nothing is truncated); typed newlines are kept.
    """
    out: list[str] = []
    for para in text.split("\n") or [""]:
        width = text_width(para, bold=bold)
        if width <= WRAP_WIDTH:
            out.append(para)
            continue
        n = 2 if width <= 2.2 * WRAP_WIDTH else math.ceil(width / WRAP_WIDTH)
        target = max(width / n, WRAP_WIDTH * 0.6)
        lines = _wrap(para, target * 1.05, bold)
        if len(lines) > n:  # balancing failed on a long word: fill up to the wrap width
            lines = _wrap(para, max(WRAP_WIDTH, target * 1.05), bold)
        out.extend(lines)
    return out


def unit_label(unit: Unit, lang: str = "en") -> str:
    return unit.display_name(lang)


# Extra room the non-rectangular shapes need around the same text.
_SHAPE_GROW = {"box": (1.0, 0.0), "rounded": (1.0, 0.0), "hexagon": (1.18, 0.0),
               "octagon": (1.16, 4.0), "ellipse": (1.3, 8.0), "house": (1.1, 12.0)}


@functools.lru_cache(maxsize=65536)
def _size(label: str, shape: str, bold: bool) -> tuple[float, float]:
    one = text_width(label, bold=bold) if "\n" not in label else WRAP_WIDTH + 1
    if one <= WRAP_WIDTH:  # one line (most labels): measured once, not again after wrapping
        n, w = 1, one + 2 * PAD_X
    else:
        lines = wrap_label(label, bold)
        n, w = len(lines), max(text_width(line, bold=bold) for line in lines) + 2 * PAD_X
    h = n * LINE_HEIGHT + 2 * PAD_Y
    gw, gh = _SHAPE_GROW.get(shape, (1.0, 0.0))
    return (round(max(MIN_WIDTH, w * gw), 1), round(max(MIN_HEIGHT, h + gh), 1))


def box_size(unit: Unit, lang: str = "en") -> tuple[float, float]:
    """(width, height) in points of the unit's box, fitting its wrapped label."""
    st = unit_style(unit)
    return _size(unit_label(unit, lang), st.shape, st.bold)


# ---- fonts ------------------------------------------------------------------------------------


def cjk_font_family() -> str | None:
    """An installed font family able to draw Japanese, preferring a Japanese sans-serif:
    fontconfig where it exists, the platform's font folders elsewhere (render.fonts)."""
    found = find_cjk_font()
    return found.family if found else None


def font_family() -> str:
    """The family for every label: the CJK one when installed (it also covers Latin)."""
    return cjk_font_family() or "Helvetica"


# ---- legend -------------------------------------------------------------------------------------


def _sample_unit(kind: UnitKind) -> Unit:
    return Unit(id=f"legend-{kind.value}", name=kind.label("ja"), name_en=kind.label("en"),
                kind=kind)


def legend_entries(lang: str = "en") -> list[tuple[Any, str, Any]]:
    """What the legend shows: every unit kind with its UnitStyle (neutral colour), then every
    flow kind with its FlowStyle. Entries are (UnitKind | FlowKind, label, style)."""
    units = [(k, k.label(lang), unit_style(_sample_unit(k))) for k in UnitKind]
    flows = [(k, k.label(lang), flow_style(k)) for k in FlowKind]
    return units + flows


def colour_legend(lang: str = "en") -> list[tuple[str, str, str]]:
    """The function colour families: (label, fill, border) for the legend's swatches."""
    out = []
    for key, en, ja, _ in FUNCTION_GROUPS:
        hue = _GROUP_HUE[key]
        out.append((ja if lang == "ja" else en, tint(hue, _FILL_TINT), hue))
    return out

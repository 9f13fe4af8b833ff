"""Console output in the console's own encoding, never a crash on a character it lacks.

A Japanese Windows console or pipe is cp932 (Shift_JIS): it has no '—', '¥' or '•'. Writing
UTF-8 bytes instead shows mojibake, and the default strict error handler exits the program
halfway. So every character the encoding lacks is replaced by its nearest equivalent in that
encoding (the full-width yen sign, the horizontal bar, the katakana middle dot), and by '?'
only when there is none.
"""

from __future__ import annotations

import codecs
import contextlib
import sys
import unicodedata

HANDLER = "orgdesigner-replace"

# Nearest equivalents, tried in order; the first the encoding has wins.
_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "\u2014": ("\u2015", "--"),  # em dash → horizontal bar (cp932 has it), or two hyphens
    "\u2013": ("-",),  # en dash
    "\u2015": ("--",),
    "\u00a5": ("\uffe5", "JPY "),  # yen sign → full-width yen sign
    "\uffe5": ("\u00a5", "JPY "),
    "\u2022": ("\u30fb", "*"),  # bullet → katakana middle dot
    "\u30fb": ("*",),
    "\u2212": ("\uff0d", "-"),  # minus sign
    "\u301c": ("\uff5e", "~"),  # wave dash
    "\uff5e": ("\u301c", "~"),
    "\u2016": ("\u2225", "||"),
    "\u00d7": ("x",),
    "\u2026": ("...",),
    "\u2192": ("->",),
    "\u2190": ("<-",),
    "\u2018": ("'",), "\u2019": ("'",), "\u201c": ('"',), "\u201d": ('"',),
    "\u00a0": (" ",),
}


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def substitute(char: str, encoding: str) -> str:
    """What to write for `char` in `encoding`, which lacks it."""
    for candidate in _SUBSTITUTES.get(char, ()):
        if _encodable(candidate, encoding):
            return candidate
    plain = unicodedata.normalize("NFKD", char)  # é → e + accent, then drop what is left
    kept = "".join(c for c in plain if _encodable(c, encoding) and not unicodedata.combining(c))
    return kept or "?"


def _handler(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(substitute(c, exc.encoding) for c in bad), exc.end


codecs.register_error(HANDLER, _handler)


def is_utf(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def setup() -> None:
    """Make stdout and stderr replace what their encoding lacks instead of failing.

    Called once at start; streams that cannot be reconfigured (test captures) are left as
    they are, and UTF-8 streams need nothing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or is_utf(getattr(stream, "encoding", None)):
            continue
        with contextlib.suppress(Exception):  # a stream that refuses keeps its settings
            reconfigure(errors=HANDLER)

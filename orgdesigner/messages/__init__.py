"""Bilingual error and warning messages for the Qt-free packages (model, formats, render,
budget, settings).

The GUI translates its own strings with Qt, but the problems these packages find (a typo in
an .orgd file, an unknown parent in an HR sheet, a folder where a file should be) are worded
here, once per language, so the GUI and the CLI (`--lang ja`) can show them in Japanese.

A `Message` *is* its English text (a `str`), so every caller that printed, compared or
concatenated the English keeps working unchanged; it also carries the catalogue key and its
parameters, so `text("ja")` renders the Japanese template. Parameters may themselves be
messages (rendered in the same language), field names (`Field`, translated through
`fields.py`), or plain values (ids, paths and user text, shown as typed).
"""

from __future__ import annotations

import reprlib
import string
from decimal import Decimal
from typing import Any

from .catalogue import MESSAGES
from .fields import Field, field_name

__all__ = ["MESSAGES", "QUOTE_LIMIT", "BilingualError", "Field", "Label", "Message", "Name",
           "Seq", "Shown", "exc_text", "field_name", "message_of", "msg", "placeholders",
           "shorten", "text_of"]

LANGS = ("en", "ja")
#: At most this many characters of a value typed by the user (or by an attacker: a 10 MB
#: "unit kind") are quoted in a message; a message is one line a person reads.
QUOTE_LIMIT = 80


class Shown(str):
    """A shortened stand-in for a value too long to quote: its `repr` is itself, so
    `{value!r}` shows `'xxxx…' (10000000 characters)` rather than 10 MB."""

    ja: str

    def __new__(cls, en: str, ja: str | None = None) -> Shown:
        obj = super().__new__(cls, en)
        obj.ja = en if ja is None else ja
        return obj

    def __repr__(self) -> str:
        return str.__str__(self)

    def text(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else str.__str__(self)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Shown, (str.__str__(self), self.ja))


def _short_text(text: str) -> str:
    return f"{text[:QUOTE_LIMIT - 1]}…"


def shorten(value: Any) -> Any:
    """`value` as a message may quote it: long text cut to `QUOTE_LIMIT` characters, numbers
    with hundreds of digits described, big containers abbreviated. Messages, field names and
    short values pass unchanged."""
    if isinstance(value, Shown) or callable(getattr(value, "text", None)):
        return value  # a Message, Field, Seq or Label: already bounded by its own parts
    if isinstance(value, str):
        if len(value) <= QUOTE_LIMIT:
            return value
        return Shown(f"{_short_text(value)!r} ({len(value):,} characters)",
                     f"{_short_text(value)}（{len(value):,} 文字）")
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        if value.bit_length() <= 200:
            return value
        digits = int(value.bit_length() * 0.30103)
        return Shown(f"a number with about {digits:,} digits", f"約 {digits:,} 桁の数値")
    if isinstance(value, Decimal):
        shown = str(value)
        return value if len(shown) <= QUOTE_LIMIT else Shown(_short_text(shown))
    if isinstance(value, (list, tuple, dict, set, frozenset, bytes, bytearray)):
        r = reprlib.Repr()
        r.maxstring = r.maxother = r.maxlong = QUOTE_LIMIT
        r.maxlevel = 2
        shown = r.repr(value)
        return Shown(shown if len(shown) <= QUOTE_LIMIT else _short_text(shown))
    return value


def _render(template: str, params: dict[str, Any], lang: str) -> str:
    if lang != "en":  # numbers keep their type, so "{size:.1f}" works in both languages
        params = {k: (text_of(v, lang) if callable(getattr(v, "text", None)) else v)
                  for k, v in params.items()}
    return template.format(**params)


class Message(str):
    """English text that can also render itself in Japanese (see the module docstring)."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        en, _ja = MESSAGES[key]
        params = {k: shorten(v) for k, v in params.items()}
        obj = super().__new__(cls, _render(en, params, "en"))
        obj.key = key
        obj.params = params
        return obj

    def text(self, lang: str = "en") -> str:
        """The message in `lang` ("en" or "ja"; anything else is English)."""
        if lang != "ja":
            return str.__str__(self)
        return _render(MESSAGES[self.key][1], self.params, "ja")

    def __str__(self) -> str:
        return str.__str__(self)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def msg(key: str, /, **params: Any) -> Message:
    """The message `key` of the catalogue with `params` filled in."""
    return Message(key, **params)


def text_of(value: Any, lang: str = "en") -> str:
    """`value` in `lang` when it knows how to render itself (a Message, a Field, a problem),
    else as it is (ids, numbers, paths and user text are shown as typed)."""
    render = getattr(value, "text", None)
    if callable(render):
        return str(render(lang))
    return str(value)


class Seq(str):
    """A list shown joined: each item in the reader's language, with a separator per
    language (", " / "、", " → " in both). Its `str` is the English join."""

    items: tuple[Any, ...]
    seps: tuple[str, str]

    def __new__(cls, items: Any, sep: str = ", ", sep_ja: str | None = None) -> Seq:
        items = tuple(items)
        obj = super().__new__(cls, sep.join(str(i) for i in items))
        obj.items = items
        obj.seps = (sep, sep if sep_ja is None else sep_ja)
        return obj

    def text(self, lang: str = "en") -> str:
        sep = self.seps[1] if lang == "ja" else self.seps[0]
        return sep.join(text_of(i, lang) for i in self.items)

    def __str__(self) -> str:
        return str.__str__(self)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Seq, (self.items, *self.seps))


class Name(str):
    """A unit's or company's name in the reader's language: the English name (else the
    Japanese one) in English text, the Japanese name (else the English one) in Japanese."""

    ja: str

    def __new__(cls, name: str, name_en: str = "") -> Name:
        obj = super().__new__(cls, name_en or name)
        obj.ja = name or name_en
        return obj

    def text(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Name, (self.ja, str.__str__(self)))


class Label(str):
    """An enumeration member shown by its label: English as given (`en`), Japanese from the
    enum's own `label("ja")`."""

    member: Any

    def __new__(cls, member: Any, en: str | None = None) -> Label:
        obj = super().__new__(cls, member.label("en") if en is None else en)
        obj.member = member
        return obj

    def text(self, lang: str = "en") -> str:
        return self.member.label("ja") if lang == "ja" else str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Label, (self.member, str.__str__(self)))


def message_of(exc: BaseException) -> str:
    """The Message an exception was raised with (so it can be shown in Japanese later), else
    its plain English text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


class BilingualError(Exception):
    """Mixin for an exception raised with a Message: `text(lang)` shows it in `lang`."""

    def text(self, lang: str = "en") -> str:
        return text_of(message_of(self), lang)


def exc_text(exc: BaseException, lang: str = "en") -> str:
    """An exception's message in `lang`: its own `text(lang)` (LoadError, TableImportError,
    …), the Message it was raised with, or its English text."""
    render = getattr(exc, "text", None)
    if callable(render):
        return str(render(lang))
    return text_of(message_of(exc), lang)


def placeholders(template: str) -> set[str]:
    """The `{name}` fields a template uses (conversions and formats ignored)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}

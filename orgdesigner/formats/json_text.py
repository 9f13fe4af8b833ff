"""`json.dumps(obj, ensure_ascii=…, indent=n)`, the same text, at the C encoder's speed.

With `indent`, Python's json module encodes with its pure-Python generators (4 million
generator steps for a 50,000-unit design, 1.2 s); without it the C encoder does the same
work in a third of the time. The C encoder takes any separators, and an indented container
holding only scalars (or empty containers) is exactly its compact text with
`",\\n" + indent * level` between the items and a line break after the opening and before
the closing bracket. So:

- a list of dicts (the units, the flows) is encoded a slice of rows at a time, all rows of
  a slice in one C call; a column holding non-empty containers (a unit's `functions`) is
  first replaced by a placeholder in copies of the rows, its cells are written the same
  way one level deeper, and the texts are spliced in for the placeholders;
- a list of scalar lists is likewise one C call;
- any other container is written item by item around its non-empty containers.

Every step is checked (how many placeholders and row boundaries the text holds); what the
fast path cannot vouch for (a subclass of dict/list/tuple/float, a key that is not text,
an object json cannot encode, a user string that happens to be a placeholder, an indent
that is not spaces or tabs, nesting deep enough to exhaust the stack) goes to json itself,
so the text is always json's own.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from itertools import chain, compress, repeat
from json.encoder import c_encode_basestring, c_encode_basestring_ascii, c_make_encoder
from typing import Any

from ..gc_pause import paused

#: Rows (or lists) written in one C call; `text_steps` yields between two such slices.
ROWS = 1000
#: Pieces of json's own encoder between two yields when the fast path is not taken.
PIECES = 20000

#: Up to this many containers inside one other are written one by one (a large one is
#: then never joined before the end); more are written together.
_FEW = 16

_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = frozenset({dict, list, tuple})
_LISTS = frozenset({list, tuple})
_DICT = {dict}
_STR = frozenset({str})
# Placeholders. Encoded they read `"\u0000…"`, and raw NUL never occurs in json's text
# (control characters are escaped), so they can only be confused with a user string equal
# to one: then the counts disagree and json writes the text.
_HOLE = "\x00orgd-json-hole\x00"
_SPLIT = "\x00"


def _quoted(s: str) -> str:
    return c_encode_basestring(s) if c_encode_basestring else json.dumps(s)


_HOLE_TEXT = _quoted(_HOLE)
_COLUMNS = [f"\x00orgd-json-column-{j}\x00" for j in range(64)]
_COLUMN_TEXTS = [_quoted(m) for m in _COLUMNS]


class _Unsure(Exception):
    """The fast path cannot promise json's exact text: let json write it."""


def dumps(obj: Any, indent: int | str = 1, end: str = "", ensure_ascii: bool = False) -> str:
    """Exactly `json.dumps(obj, ensure_ascii=ensure_ascii, indent=indent) + end` (`end` is
    written in the same join: a large text is not copied once more to add a newline)."""
    if _unit(obj, indent) is None:
        return json.dumps(obj, ensure_ascii=ensure_ascii, indent=indent) + end
    *_, text = text_steps(obj, indent, end=end, ensure_ascii=ensure_ascii)
    assert text is not None
    return text


def text_steps(obj: Any, indent: int | str = 1, rows: int = ROWS, end: str = "",
               ensure_ascii: bool = False) -> Iterator[str | None]:
    """`dumps` a slice at a time: yields None after each slice of about `rows` rows, and,
    last, the text. The garbage collector is off while a slice runs (the copies made would
    set off full collections over a large design) and as it was between slices."""
    unit = _unit(obj, indent)
    if unit is None:
        yield from _json_steps(obj, indent, end, ensure_ascii)
        return
    work = _Writer(unit, max(1, rows), ensure_ascii).text(obj, 1)
    while True:
        try:
            with paused():
                next(work)
        except StopIteration as done:
            pieces = done.value
            break
        except (_Unsure, RecursionError):
            work.close()
            yield from _json_steps(obj, indent, end, ensure_ascii)
            return
        yield None
    pieces.append(end)
    yield "".join(pieces)


def _unit(obj: Any, indent: Any) -> str | None:
    """The indent string when the fast path may try `obj`, else None."""
    if c_make_encoder is None or c_encode_basestring is None \
            or c_encode_basestring_ascii is None:
        return None
    if type(obj) not in _CONTAINERS or not obj:
        return None
    if isinstance(indent, str):
        return indent if not indent.strip(" \t") else None
    if isinstance(indent, int):
        return " " * indent
    return None


def _json_steps(obj: Any, indent: Any, end: str, ensure_ascii: bool
                ) -> Iterator[str | None]:
    """json's own pure-Python encoder, a slice of `PIECES` pieces at a time."""
    pieces: list[str] = []
    done: list[str] = []
    encoder = json.JSONEncoder(ensure_ascii=ensure_ascii, indent=indent)
    for i, piece in enumerate(encoder.iterencode(obj), 1):
        pieces.append(piece)
        if i % PIECES == 0:
            done.append("".join(pieces))
            pieces.clear()
            yield None
    done.append("".join(pieces))
    done.append(end)
    yield "".join(done)


Work = Generator[None, None, Any]


class _Writer:
    """One text: the indent unit, the slice size, a C encoder per nesting level."""

    def __init__(self, unit: str, rows: int, ensure_ascii: bool):
        self.unit = unit
        self.rows = rows
        self.strings = c_encode_basestring_ascii if ensure_ascii else c_encode_basestring
        self._encoders: dict[int, Any] = {}

    def nl(self, level: int) -> str:
        return "\n" + self.unit * level

    def encoder(self, level: int) -> Any:
        """The C encoder whose item separator starts an item at `level`."""
        enc = self._encoders.get(level)
        if enc is None:
            enc = c_make_encoder(None, _refuse, self.strings, None, ": ",
                                 "," + self.nl(level), False, False, True)
            self._encoders[level] = enc
        return enc

    def text(self, o: Any, level: int) -> Work:
        """The text of the non-empty container `o` whose items stand at `level`, as
        pieces to join (a large text is joined once, at the end)."""
        if type(o) is not dict and set(map(type, o)) == _DICT and all(o):
            texts = yield from self.rows_text(o, level + 1)
            between = "," + self.nl(level)
            pieces = [between] * (2 * len(texts) - 1)
            pieces[::2] = texts
            return ["[" + self.nl(level), *pieces, self.nl(level - 1) + "]"]
        flat, holes = _flatten(o)
        s = "".join(self.encoder(level)(flat, 0))
        s = s[0] + self.nl(level) + s[1:-1] + self.nl(level - 1) + s[-1]
        if not holes:
            return [s]
        parts = s.split(_HOLE_TEXT)
        if len(parts) != len(holes) + 1:
            raise _Unsure
        if len(holes) > _FEW:  # many: written together, as cells
            texts = yield from self.cells(holes, level + 1)
            pieces = [""] * (2 * len(texts) + 1)
            pieces[::2] = parts
            pieces[1::2] = texts
            return pieces
        pieces = [parts[0]]
        for hole, part in zip(holes, parts[1:], strict=True):
            pieces += yield from self.text(hole, level + 1)
            pieces.append(part)
        return pieces

    def cells(self, cs: list, level: int) -> Work:
        """The texts of the non-empty containers `cs`, whose items stand at `level`."""
        kinds = set(map(type, cs))
        if kinds == _DICT:
            texts = yield from self.rows_text(cs, level, _SPLIT)
            return _SPLIT.join(texts).split(_SPLIT)
        if kinds <= _LISTS and _all_scalars(set(map(type, chain.from_iterable(cs)))):
            return (yield from self.scalar_lists(cs, level))
        texts = []
        for i, c in enumerate(cs, 1):
            texts.append("".join((yield from self.text(c, level))))
            if i % self.rows == 0 and i < len(cs):
                yield None
        return texts

    def rows_text(self, rows: list[dict], level: int, between: str = "") -> Work:
        """The texts of slices of the non-empty dicts `rows` (items at `level`); within a
        slice the rows are joined by `between`."""
        texts = []
        for start in range(0, len(rows), self.rows):
            if start:
                yield None
            texts.append((yield from self._slice(rows[start:start + self.rows], level,
                                                 between or "," + self.nl(level - 1))))
        return texts

    def _slice(self, rows: list[dict], level: int, between: str) -> Work:
        keys = set().union(*rows)
        key_kinds = set(map(type, keys))
        if not (key_kinds <= _STR or all(issubclass(k, str) for k in key_kinds)):
            raise _Unsure
        columns = _columns(rows, keys)
        flat = rows
        if columns:
            flat = _with_placeholders(rows, columns)
        sep = "," + self.nl(level)
        parts = "".join(self.encoder(level)(flat, 0)).split("}" + sep + "{")
        if len(parts) != len(rows):
            raise _Unsure
        close = self.nl(level - 1) + "}"
        parts[0] = "{" + self.nl(level) + parts[0][2:]  # "[{" of the list of rows
        parts[-1] = parts[-1][:-2] + close  # "}]"
        body = (close + between + "{" + self.nl(level)).join(parts)
        for j, (_key, _idx, cells) in enumerate(columns):
            body = _splice(body, _COLUMN_TEXTS[j], (yield from self.cells(cells, level + 1)))
        return body

    def scalar_lists(self, lists: list, level: int) -> Work:
        """The texts of non-empty lists of scalars, a slice at a time."""
        texts: list[str] = []
        sep = "," + self.nl(level)
        close = self.nl(level - 1) + "]"
        joint = close + _SPLIT + "[" + self.nl(level)
        for start in range(0, len(lists), self.rows):
            if start:
                yield None
            part = lists[start:start + self.rows]
            parts = "".join(self.encoder(level)(part, 0)).split("]" + sep + "[")
            if len(parts) != len(part):
                raise _Unsure
            parts[0] = "[" + self.nl(level) + parts[0][2:]
            parts[-1] = parts[-1][:-2] + close
            texts.extend(joint.join(parts).split(_SPLIT))
        return texts


def _refuse(o: object) -> object:
    """The C encoder's `default`: anything json cannot encode goes to json for its error."""
    raise _Unsure


def _is_scalar(kind: type) -> bool:
    """Written identically by both encoders: str (its characters) and int (`int.__repr__`)
    and their subclasses. Float subclasses are left to json: it compares them with `!=`,
    which a subclass may redefine."""
    return kind in _SCALARS or (issubclass(kind, (str, int))
                                and not issubclass(kind, (float, dict, list, tuple)))


def _all_scalars(kinds: set[type]) -> bool:
    return kinds <= _SCALARS or all(map(_is_scalar, kinds))


def _flatten(o: Any) -> tuple[Any, list]:
    """`o` with each non-empty container in it replaced by the placeholder, and those
    containers in order; `o` itself when it holds none."""
    if type(o) is dict:
        keys = set(map(type, o))
        if not (keys <= _STR or all(issubclass(k, str) for k in keys)):
            raise _Unsure
        values = o.values()
    else:
        values = o
    kinds = set(map(type, values))
    if _all_scalars(kinds):
        return o, []
    if not _all_scalars(kinds - _CONTAINERS):
        raise _Unsure
    holes: list = []
    if type(o) is dict:
        flat: Any = {}
        for k, v in o.items():
            if type(v) in _CONTAINERS and v:
                holes.append(v)
                v = _HOLE
            flat[k] = v
        return flat, holes
    flat = []
    for v in o:
        if type(v) in _CONTAINERS and v:
            holes.append(v)
            v = _HOLE
        flat.append(v)
    return flat, holes


def _columns(rows: list[dict], keys: set) -> list[tuple[str, list[int], list]]:
    """(key, row numbers, containers) of each column of `rows` that holds non-empty
    containers; checks every value is something both encoders write alike."""
    first = set(map(type, rows[0].values()))
    if _all_scalars(first):
        kinds = set(map(type, chain.from_iterable(map(dict.values, rows))))
        if _all_scalars(kinds):
            return []
        if not _all_scalars(kinds - _CONTAINERS):
            raise _Unsure
    columns = []
    for key in keys:
        column = list(map(dict.get, rows, repeat(key)))
        kinds = set(map(type, column))
        if _all_scalars(kinds):
            continue
        if not _all_scalars(kinds - _CONTAINERS):
            raise _Unsure
        if kinds <= _CONTAINERS:  # containers only: the non-empty ones are the true ones
            idx = list(compress(range(len(column)), column))
            cells = list(compress(column, column))
        else:
            idx = [i for i, v in enumerate(column) if type(v) in _CONTAINERS and v]
            cells = [column[i] for i in idx]
        if idx:
            columns.append((key, idx, cells))
    if len(columns) > len(_COLUMNS):
        raise _Unsure
    return columns


def _with_placeholders(rows: list[dict], columns: list[tuple[str, list[int], list]]
                       ) -> list[dict]:
    """Copies of the rows that hold containers, each container replaced by its column's
    placeholder."""
    held = columns[0][1] if len(columns) == 1 else set().union(*(c[1] for c in columns))
    if 2 * len(held) > len(rows):
        flat = list(map(dict, rows))
    else:
        flat = list(rows)
        for i in held:
            flat[i] = dict(flat[i])
    for j, (key, idx, _cells) in enumerate(columns):
        marker = _COLUMNS[j]
        for i in idx:
            flat[i][key] = marker
    return flat


def _splice(text: str, marker: str, texts: list[str]) -> str:
    """`text` with its placeholders `marker` replaced, in order, by `texts`."""
    parts = text.split(marker)
    if len(parts) != len(texts) + 1:
        raise _Unsure
    woven = [""] * (2 * len(texts) + 1)
    woven[::2] = parts
    woven[1::2] = texts
    return "".join(woven)

"""formats/json_text: exactly json.dumps(ensure_ascii=False, indent=n), for any JSON value."""

from __future__ import annotations

import enum
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.formats import json_text, orgd
from orgdesigner.formats.json_text import text_steps
from orgdesigner.synthetic import generate


def _json(x, indent, ensure_ascii: bool = False) -> str:
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent)


_floats = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e300, -1e300, 5e-324, 1e16, 1e-7, 123456789.125,
                     math.inf, -math.inf, math.nan]))
_ints = st.one_of(st.integers(), st.integers(-(10 ** 300), 10 ** 300))
_text = st.text()  # any unicode: quotes, backslashes, control characters, surrogates
_scalars = st.one_of(st.none(), st.booleans(), _ints, _floats, _text)
_keys = st.one_of(_text, st.sampled_from(["id", "name", "x", "\x00orgd-json-hole\x00",
                                          "\x00orgd-json-column-0\x00"]))


def _containers(children):
    return st.one_of(st.lists(children, max_size=6),
                     st.dictionaries(_keys, children, max_size=6),
                     st.lists(children, max_size=4).map(tuple))


_values = st.recursive(_scalars, _containers, max_leaves=40)


def _row(children):
    """A dict of fixed keys, like a unit: scalars, and sometimes a container."""
    return st.fixed_dictionaries(
        {"id": _text, "n": _ints, "x": _floats},
        optional={"functions": st.lists(st.one_of(_text, _ints), max_size=3),
                  "plan": children, "empty": st.just({})})


#: Lists of rows: the tables the fast path writes a slice at a time.
_tables = st.recursive(_scalars, lambda c: st.lists(_row(c), min_size=1, max_size=12),
                       max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(x=_values, indent=st.integers(0, 4), ascii_only=st.booleans())
def test_any_json_value_is_written_as_json_writes_it(x, indent, ascii_only):
    assert json_text.dumps(x, indent, ensure_ascii=ascii_only) == _json(x, indent, ascii_only)


@settings(max_examples=200, deadline=None)
@given(x=_tables, indent=st.integers(0, 4), rows=st.integers(1, 5))
def test_tables_in_slices_are_written_as_json_writes_them(x, indent, rows):
    *steps, text = text_steps(x, indent, rows=rows)
    assert text == _json(x, indent)
    assert all(s is None for s in steps)


@settings(max_examples=100, deadline=None)
@given(x=_values, indent=st.sampled_from(["", " ", "\t", "  \t", "--", "\n"]))
def test_text_indents_too(x, indent):
    assert json_text.dumps(x, indent) == _json(x, indent)


class _Kind(str, enum.Enum):
    A = "a"


class _Level(enum.IntEnum):
    LOW = 1


class _Float(float):
    def __ne__(self, other):  # a subclass may redefine != : json's text is what counts
        return True


def test_subclasses_and_odd_values_give_json_s_text_or_json_s_error():
    rows = [{"kind": _Kind.A, "level": _Level.LOW, "f": _Float(1.5), "list": [1]}] * 3
    for x in ([_Kind.A, _Level.LOW], {"k": _Kind.A}, rows, [{1: "a"}, {2: "b"}],
              {"a": [_Float(2.0)]}, [[1, 2], [3]], [[], [[]], {}], {"a": {"b": {"c": [1]}}}):
        assert json_text.dumps(x, 1) == _json(x, 1), x
    for bad in ([{"a": object()}] * 3, {"a": [1, {2, 3}]}, [object()]):
        try:
            _json(bad, 1)
        except TypeError as exc:
            expected = str(exc)
        try:
            json_text.dumps(bad, 1)
        except TypeError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError("no error")


def test_deep_nesting_falls_back_to_json():
    deep: list = []
    for _ in range(600):
        deep = [deep, 1]
    assert json_text.dumps(deep, 1) == _json(deep, 1)


def test_a_user_string_equal_to_a_placeholder_changes_nothing():
    hole = "\x00orgd-json-hole\x00"
    column = "\x00orgd-json-column-0\x00"
    for x in ({"a": [1], "b": hole}, [{"a": [1], "b": column}] * 3, [[hole], [column]]):
        assert json_text.dumps(x, 1) == _json(x, 1)


def test_orgd_dumps_is_json_s_text_for_templates_and_a_generated_group():
    designs = [templates.load(key) for key in templates.ids()] + [generate(1500)]
    for d in designs:
        assert orgd.dumps(d) == _json(orgd.to_data(d), 1) + "\n"


def test_a_design_is_written_by_the_fast_path_in_slices(monkeypatch):
    """json's own encoder is the fallback only: a real design never needs it, and its text
    comes a slice of rows at a time."""
    def refuse(*_args):
        raise AssertionError("fell back to json's encoder")

    monkeypatch.setattr(json_text, "_json_steps", refuse)
    d = generate(700)
    data = orgd.to_data(d)
    *steps, text = text_steps(data, 1, rows=50)
    assert text == _json(data, 1)
    assert len(steps) >= (len(data["units"]) + len(data["flows"])) // 50 - 2
    d = templates.load("model-2")
    assert orgd.dumps(d) == _json(orgd.to_data(d), 1) + "\n"

"""formats/orgd_steps: the sliced .orgd text is exactly orgd.dumps, whatever the slice sizes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner import templates
from orgdesigner.formats import orgd
from orgdesigner.formats.orgd_steps import text_steps
from orgdesigner.model import scenarios
from orgdesigner.synthetic import generate

_GROUP = generate(300)


def _run(steps) -> tuple[str, list[bool]]:
    marks: list[bool] = []
    for step in steps:
        if isinstance(step, str):
            return step, marks
        marks.append(step)
    raise AssertionError("no text at the end")


@settings(max_examples=40, deadline=None)
@given(chunk=st.integers(1, 400), rows=st.integers(1, 500))
def test_sliced_text_equals_dumps_and_reads_the_model_only_first(chunk, rows):
    text, marks = _run(text_steps(_GROUP, chunk, rows))
    assert text == orgd.dumps(_GROUP)
    # False (model being read) only before the first True (plain data being encoded)
    assert marks == sorted(marks)
    assert marks.count(False) == len(_GROUP.units) // chunk + len(_GROUP.flows) // chunk


def test_every_template_and_a_design_with_proposals():
    for key in templates.ids():
        d = templates.load(key)
        assert _run(text_steps(d, 3, 7))[0] == orgd.dumps(d)
    d = templates.load("model-2")
    scenarios.create(d, "Option A").apply(d)
    assert d.scenarios is not None
    assert _run(text_steps(d, 3, 7))[0] == orgd.dumps(d)

"""Every diagram format accepts every `--scope` (the export dialog offers them all): the
overview as GraphML used to reach Graphviz, which has no GraphML writer (an internal error)."""

from __future__ import annotations

import pytest

from orgdesigner.render.export import FORMATS, diagram_bytes
from orgdesigner.render.scope import top_units
from orgdesigner.synthetic import generate


@pytest.fixture(scope="module")
def group():
    return generate(90, companies=3)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["overview", "company", "branch"])
def test_every_format_takes_every_scope(group, fmt, kind):
    branch = next(u for u, depth in top_units(group, 1) if depth == 1)
    scope = {"overview": "overview", "company": "company:c2", "branch": f"branch:{branch}"}[kind]
    data = diagram_bytes(group, fmt, scope=scope, date="2026-04-01")
    assert len(data) > 200
    if fmt == "graphml":
        assert b"<graphml" in data[:500]
        ids = [u for u in group.units if f'"unit-{u}"'.encode() in data or
               f'"{u}"'.encode() in data]
        assert ids and len(ids) < len(group.units)  # a part, not the whole design

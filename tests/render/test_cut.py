"""Cutting parts out of a large design (render/cut.py): the part is exactly the units asked
for, their companies and the flows among them, in the design's order — with or without the
index — and a split export builds its index once, however many parts it cuts (cutting by
scanning the whole design per part made the PowerPoint export and the deck quadratic)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.render import cut as cut_mod
from orgdesigner.render.cut import Index, cut
from orgdesigner.synthetic import generate

DESIGN = generate(300, companies=3)
UNITS = list(DESIGN.units)


def _expected(design, keep: set[str]):  # type: ignore[no-untyped-def]
    units = [u for u in design.units if u in keep]
    flows = [f for f, fl in design.flows.items() if fl.source in keep and fl.target in keep]
    companies = [c for c in design.companies if c in {design.units[u].company for u in keep}]
    return units, flows, companies


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(picked=st.sets(st.sampled_from(UNITS), min_size=1, max_size=120),
       indexed=st.booleans())
def test_cut_holds_exactly_the_part_in_design_order(picked: set[str], indexed: bool) -> None:
    part = cut(DESIGN, picked, Index(DESIGN) if indexed else None)
    units, flows, companies = _expected(DESIGN, picked)
    assert list(part.units) == units
    assert list(part.flows) == flows
    assert list(part.companies) == companies
    for u in units:
        assert part.units[u].name == DESIGN.units[u].name
        assert part.units[u] is not DESIGN.units[u]  # a copy: editing the part leaves the design
    assert part.metadata.title == DESIGN.metadata.title


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(root=st.sampled_from(UNITS))
def test_index_tree_matches_the_designs_reporting_lines(root: str) -> None:
    from orgdesigner.render.layout import subtree

    index = Index(DESIGN)
    ids = subtree(DESIGN, root)
    kids, roots = index.tree(ids)
    assert roots == [root]
    assert index.below(kids, root) == ids
    whole = DESIGN.children()
    for u, below in kids.items():
        assert below == [c for c in whole.get(u, []) if c in set(ids)]


def test_split_pptx_builds_one_index_for_all_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgdesigner.render import pptx_out

    built: list[int] = []
    real = cut_mod.Index

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, design) -> None:  # type: ignore[no-untyped-def]
            built.append(len(design.units))
            super().__init__(design)

    monkeypatch.setattr(pptx_out, "Index", Counting)
    design = generate(900)
    parts = pptx_out.plan_parts(design, pptx_out.Options(), (0, 0, 9_000_000, 5_000_000))
    assert len(parts) > 3
    assert built == [len(design.units)]
    assert sum(p.units for p in parts) >= len(design.units)

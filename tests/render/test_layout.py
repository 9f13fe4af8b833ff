"""The org-chart layout over designs: no overlaps, frames, order, compact mode, sub-trees."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import synthetic, templates
from orgdesigner.model import Company, Design, Flow, FlowKind, Unit, UnitKind, ops
from orgdesigner.render.layout import (
    STACK_INDENT,
    compute_layout,
    layout_ops,
    reporting_route,
)
from orgdesigner.render.style import box_size

from .conftest import inside, intersects, overlapping_boxes

NAMES = ["総務部", "IT", "情報システム運用部セキュリティ対策推進室", "Legal", "R&D",
         "Customer Service Department of the Eastern Region", "営業第一課", "X"]


def build(parents: list[int | None], kinds: list[UnitKind], companies: list[int],
          names: list[int], n_companies: int) -> Design:
    d = Design()
    for c in range(n_companies):
        d.add_company(Company(id=f"c{c}", name=f"会社{c}"))
    for i, (k, c, nm) in enumerate(zip(kinds, companies, names, strict=False)):
        d.add_unit(Unit(id=f"u{i}", name=NAMES[nm], kind=k,
                        company=f"c{c}" if c < n_companies else ""))
    for i, p in enumerate(parents):
        if p is not None:
            d.add_flow(Flow(id=f"r{i}", source=f"u{p}", target=f"u{i}", kind=FlowKind.REPORTING))
    return d


@st.composite
def forests(draw: st.DrawFn) -> Design:
    n = draw(st.integers(1, 60))
    n_companies = draw(st.integers(0, 3))
    parents: list[int | None] = [None]
    for i in range(1, n):
        parents.append(draw(st.one_of(st.none(), st.integers(0, i - 1))))
    kinds = draw(st.lists(st.sampled_from(list(UnitKind)), min_size=n, max_size=n))
    companies = draw(st.lists(st.integers(0, n_companies), min_size=n, max_size=n))
    names = draw(st.lists(st.integers(0, len(NAMES) - 1), min_size=n, max_size=n))
    return build(parents, kinds, companies, names, n_companies)


def check_layout(d: Design, **kw) -> None:
    lay = compute_layout(d, **kw)
    assert set(lay.positions) == set(d.units) if not kw.get("root") else True
    assert overlapping_boxes(lay) == []
    rects = list(lay.company_rects.items())
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            assert not intersects(ra, rb), (a, b)
    for uid in lay.positions:
        u = d.units[uid]
        assert lay.sizes[uid] == box_size(u)
        if u.company:
            assert inside(lay.rect(uid), lay.company_rects[u.company]), uid
        for cid, r in lay.company_rects.items():
            if cid != u.company:
                assert not intersects(lay.rect(uid), r), (uid, cid)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.sampled_from(["tb", "lr"]), st.booleans())
def test_no_two_boxes_ever_overlap(d: Design, orientation: str, compact: bool) -> None:
    check_layout(d, orientation=orientation, compact=compact)


@pytest.mark.parametrize("template", templates.ids())
@pytest.mark.parametrize("orientation", ["tb", "lr"])
@pytest.mark.parametrize("compact", [False, True])
def test_no_overlaps_in_any_template(template: str, orientation: str, compact: bool) -> None:
    assert templates.ids(), "no templates shipped"
    check_layout(templates.load(template), orientation=orientation, compact=compact)


def test_no_overlaps_in_a_large_group() -> None:
    d = synthetic.generate(3000)
    check_layout(d)
    check_layout(d, compact=True)


def chain_design(children: int = 3) -> Design:
    d = Design()
    d.add_unit(Unit(id="top", name="社長", kind=UnitKind.MANAGEMENT))
    for i in range(children):
        d.add_unit(Unit(id=f"k{i}", name=f"部{i}"))
        d.add_flow(Flow(id=f"f{i}", source="top", target=f"k{i}", kind=FlowKind.REPORTING))
    return d


def test_top_down_puts_superiors_above_and_centred() -> None:
    lay = compute_layout(chain_design())
    top = lay.positions["top"]
    kids = [lay.positions[f"k{i}"] for i in range(3)]
    assert all(k[1] > top[1] for k in kids)
    assert len({k[1] for k in kids}) == 1  # one level, one row
    assert top[0] == pytest.approx((kids[0][0] + kids[2][0]) / 2)


def test_left_to_right_puts_superiors_left() -> None:
    lay = compute_layout(chain_design(), orientation="lr")
    top = lay.positions["top"]
    kids = [lay.positions[f"k{i}"] for i in range(3)]
    assert all(k[0] > top[0] for k in kids)
    assert kids[0][1] < kids[1][1] < kids[2][1]
    with pytest.raises(ValueError):
        compute_layout(chain_design(), orientation="diagonal")


def test_sibling_order_follows_the_users_arrangement() -> None:
    d = chain_design()
    # The user dragged k2 to the far left and k0 to the right.
    ops.move_units(d, {"top": (0, 0), "k0": (300, 100), "k1": (100, 100),
                       "k2": (-200, 100)}).apply(d)
    lay = compute_layout(d)
    xs = [lay.positions[k][0] for k in ("k2", "k1", "k0")]
    assert xs == sorted(xs)
    # Vertical arrangement is honoured in the left-to-right orientation.
    ops.move_units(d, {"k0": (100, 0), "k1": (100, 200), "k2": (100, 100)}).apply(d)
    lay = compute_layout(d, orientation="lr")
    ys = [lay.positions[k][1] for k in ("k0", "k2", "k1")]
    assert ys == sorted(ys)


def test_unplaced_units_keep_reporting_line_order() -> None:
    lay = compute_layout(chain_design())  # every unit at (0, 0)
    xs = [lay.positions[f"k{i}"][0] for i in range(3)]
    assert xs == sorted(xs)


def test_compact_mode_stacks_leaf_children() -> None:
    d = chain_design(5)
    wide = compute_layout(d)
    lay = compute_layout(d, compact=True)
    assert lay.stacked == frozenset(f"k{i}" for i in range(5))
    rects = [lay.rect(f"k{i}") for i in range(5)]
    top = lay.rect("top")
    assert all(r[0] == pytest.approx(top[0] + STACK_INDENT) for r in rects)  # one column
    # in order, top to bottom
    assert all(a[1] < b[1] for a, b in zip(rects, rects[1:], strict=False))
    assert lay.bounds()[2] < wide.bounds()[2] / 3
    # Compact layouts keep their order when laid out again (stacks share a left edge).
    ops.Batch(layout_ops(d, compact=True).ops).apply(d)
    again = compute_layout(d, compact=True)
    assert [again.positions[f"k{i}"][1] for i in range(5)] == sorted(
        again.positions[f"k{i}"][1] for i in range(5))
    for i in range(5):
        assert again.positions[f"k{i}"] == pytest.approx(lay.positions[f"k{i}"])


def test_compact_mode_keeps_units_with_grandchildren_in_rows() -> None:
    d = chain_design(2)
    d.add_unit(Unit(id="g", name="課"))
    d.add_flow(Flow(id="fg", source="k0", target="g", kind=FlowKind.REPORTING))
    lay = compute_layout(d, compact=True)
    assert "k0" not in lay.stacked and "k1" not in lay.stacked
    assert lay.positions["k0"][1] == lay.positions["k1"][1]


def test_companies_side_by_side_and_loose_units_and_externals_at_the_side() -> None:
    d = Design()
    for c in ("c1", "c2"):
        d.add_company(Company(id=c, name=c))
    d.add_unit(Unit(id="a", name="A社 経営", kind=UnitKind.MANAGEMENT, company="c1"))
    d.add_unit(Unit(id="b", name="B社 経営", kind=UnitKind.MANAGEMENT, company="c2"))
    d.add_unit(Unit(id="b1", name="B社 部", company="c2"))
    d.add_unit(Unit(id="loose", name="委員会"))
    d.add_unit(Unit(id="nca", name="JPCERT/CC", kind=UnitKind.EXTERNAL))
    d.add_unit(Unit(id="mssp", name="MSSP", kind=UnitKind.EXTERNAL))
    d.add_flow(Flow(id="f1", source="b", target="b1", kind=FlowKind.REPORTING))
    # A cross-company reporting line does not pull frames into each other.
    d.add_flow(Flow(id="f2", source="a", target="b", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="f3", source="a", target="nca", kind=FlowKind.COORDINATION))
    lay = compute_layout(d)
    r1, r2 = lay.company_rects["c1"], lay.company_rects["c2"]
    assert r1[0] + r1[2] <= r2[0] and r1[1] == r2[1] == 0
    assert lay.positions["loose"][0] > r2[0] + r2[2]
    ext = [lay.rect("nca"), lay.rect("mssp")]
    assert all(e[0] > lay.rect("loose")[0] + lay.rect("loose")[2] for e in ext)
    assert lay.positions["nca"][0] == lay.positions["mssp"][0]  # one column ...
    assert ext[0][1] < ext[1][1]  # ... in order
    check_layout(d)


def test_overlay_flows_do_not_move_anything() -> None:
    d = chain_design()
    before = compute_layout(d).positions
    d.add_flow(Flow(id="c", source="k0", target="k2", kind=FlowKind.COMMAND))
    d.add_flow(Flow(id="s", source="k2", target="top", kind=FlowKind.SUPPORT))
    assert compute_layout(d).positions == before


def test_root_lays_out_only_the_sub_tree() -> None:
    d = chain_design(2)
    d.add_unit(Unit(id="g1", name="課1"))
    d.add_unit(Unit(id="g2", name="課2"))
    d.add_flow(Flow(id="x1", source="k0", target="g1", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="x2", source="k0", target="g2", kind=FlowKind.REPORTING))
    lay = compute_layout(d, root="k0")
    assert set(lay.positions) == {"k0", "g1", "g2"}
    d.update_unit("k0", x=500.0, y=700.0)
    batch = layout_ops(d, root="k0")
    batch.apply(d)
    assert (d.units["k0"].x, d.units["k0"].y) == (500.0, 700.0)  # the root stays put
    assert d.units["g1"].y > 700 and d.units["top"].x == 0.0
    with pytest.raises(Exception, match="no unit"):
        compute_layout(d, root="nope")


def test_layout_ops_is_one_undoable_batch() -> None:
    d = synthetic.generate(300)
    before = {u.id: (u.x, u.y) for u in d.units.values()}
    frames = {c.id: (c.x, c.y, c.width, c.height) for c in d.companies.values()}
    batch = layout_ops(d, compact=True)
    assert batch.text == "Auto layout"
    inverse = batch.apply(d)
    lay = compute_layout(d, compact=True)
    for uid, (x, y) in lay.positions.items():
        assert (d.units[uid].x, d.units[uid].y) == pytest.approx((x, y), abs=0.01)
    for cid, r in lay.company_rects.items():
        c = d.companies[cid]
        assert (c.x, c.y, c.width, c.height) == pytest.approx(r, abs=0.01)
    assert layout_ops(d, compact=True).ops == []  # already laid out: nothing to do
    inverse.apply(d)
    assert {u.id: (u.x, u.y) for u in d.units.values()} == before
    assert {c.id: (c.x, c.y, c.width, c.height) for c in d.companies.values()} == frames


def test_reporting_routes_are_elbows_and_reach_stacked_children_from_the_side() -> None:
    parent = (0.0, 0.0, 100.0, 40.0)
    child = (150.0, 100.0, 80.0, 40.0)
    route = reporting_route(parent, child)
    assert route[0] == (50.0, 40.0) and route[-1] == (190.0, 100.0)
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(route, route[1:], strict=False))
    stacked = (STACK_INDENT, 120.0, 80.0, 40.0)
    route = reporting_route(parent, stacked)
    assert route[-1] == (STACK_INDENT, 140.0)
    assert route[0][0] < STACK_INDENT
    lr = reporting_route(parent, (200.0, 100.0, 80.0, 40.0), "lr")
    assert lr[0] == (100.0, 20.0) and lr[-1] == (200.0, 120.0)

"""Loading units and flows in bulk (model/bulk.py) changes nothing but the time: any file,
good or bad, gives the same design — or the same problems, with the same paths and words —
as adding each unit and flow on its own."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.formats import orgd
from orgdesigner.model import bulk

GOOD_TEXT = st.sampled_from(["総務部", "Sales", "", "R&D centre", "情報システム部 CSIRT"])
ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9),
                      st.floats(-1e8, 1e8, allow_nan=False), GOOD_TEXT,
                      st.just("\ud800"), st.just("x" * 600), st.just([]), st.just({}))
UNIT_KINDS = st.sampled_from(["department", "section", "csirt", "team", "departmnet"])


def maybe(good, clean: int):  # type: ignore[no-untyped-def]
    """A good value, or (about once in `clean` draws) anything at all."""
    return st.integers(0, clean).flatmap(lambda k: ANY_VALUE if k == 0 else good)


@st.composite
def files(draw) -> dict:
    n = draw(st.integers(0, 12))
    clean = draw(st.sampled_from([4, 40, 10_000]))  # some files have one flaw, or none
    ids = [f"u{i}" for i in range(n)]
    if n and draw(st.integers(0, 9)) == 0:
        ids[-1] = ids[0]  # a duplicate id
    units = []
    for uid in ids:
        u = {"id": draw(maybe(st.just(uid), 4 * clean)), "name": draw(maybe(GOOD_TEXT, clean)),
             "kind": draw(maybe(UNIT_KINDS, clean))}
        for key, good in (("name_en", GOOD_TEXT), ("headcount", st.integers(0, 50)),
                          ("x", st.floats(-1e6, 1e6)), ("y", st.integers(-1000, 1000)),
                          ("company", st.sampled_from(["", "c1", "c9"])),
                          ("notes", GOOD_TEXT),
                          ("functions", st.lists(st.sampled_from(
                              ["customer_service", "it_ops", "legal", "nope"]), max_size=3))):
            if draw(st.booleans()):
                u[key] = draw(maybe(good, clean))
        if draw(st.integers(0, 15)) == 0:
            u["plan"] = draw(st.sampled_from([{"hours": "business"}, {"hours": "never"},
                                              {"members": [{"name": "佐藤"}]}, "plan"]))
        if draw(st.integers(0, 30)) == 0:
            u["colour"] = "red"  # an unknown field
        units.append(u if draw(st.integers(0, 40)) else "not an object")
    flows = []
    for i in range(draw(st.integers(0, 14))):
        ends = st.sampled_from(ids + ["ghost"]) if ids else st.just("ghost")
        f = {"id": draw(maybe(st.just(f"f{i}"), 4 * clean)),
             "source": draw(maybe(ends, 2 * clean)), "target": draw(maybe(ends, 2 * clean)),
             "kind": draw(maybe(st.sampled_from(["reporting", "support", "command"]), clean))}
        if draw(st.booleans()):
            f["label"] = draw(maybe(GOOD_TEXT, clean))
        if draw(st.integers(0, 30)) == 0:
            del f["kind"]
        flows.append(f)
    return {"format": "orgdesigner", "version": orgd.FORMAT_VERSION,
            "metadata": {"title": "t"}, "companies": [{"id": "c1", "name": "C1"}],
            "units": units, "flows": flows}


def outcome(data: dict):  # type: ignore[no-untyped-def]
    try:
        d = orgd.build(copy.deepcopy(data), "f.orgd")
    except orgd.LoadError as exc:
        return ("error", [(p.path, p.text("en"), p.text("ja")) for p in exc.problems])
    return ("design", orgd.dumps(d), d._superior, d._by_unit)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files())
def test_bulk_and_one_by_one_give_the_same_design_or_the_same_problems(data):
    fast = outcome(data)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bulk, "add_units", lambda *a, **k: False)
        mp.setattr(bulk, "add_flows", lambda *a, **k: False)
        slow = outcome(data)
    assert fast == slow


def test_a_plain_file_takes_the_bulk_road():
    """The fast road is taken for a normal file (else this whole module tests nothing)."""
    from orgdesigner import templates
    from orgdesigner.model import Design

    data = orgd.parse(orgd.dumps(templates.load("model-3")))
    d = Design()
    for c in data["companies"]:
        d.add_company(orgd._company(c))
    assert orgd._bulk_units(d, data["units"])
    assert bulk.add_flows(d, data["flows"])
    built = orgd.build(data)
    assert list(d.units.values()) == list(built.units.values())
    assert list(d.flows.values()) == list(built.flows.values())


POINT = st.one_of(st.floats(-2e7, 2e7), st.integers(-10**8, 10**8), st.just(float("nan")),
                  st.just(float("inf")))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["pm", "pip", "csirt", "nope", "iops"]),
                       st.tuples(POINT, POINT), max_size=5),
       st.booleans())
def test_placing_units_in_bulk_moves_them_as_the_operations_do(positions, listen):
    """`bulk.place_units` (an import's layout) = an `UpdateUnit` per moved unit: the same
    coordinates and the same change events, or, for a point the model would refuse (or an
    unknown unit), nothing moved at all."""
    from orgdesigner import templates
    from orgdesigner.model import ModelError, ops

    fast, slow = templates.load("model-3"), templates.load("model-3")
    seen: dict[str, list] = {"fast": [], "slow": []}
    if listen:
        fast.events.subscribe(seen["fast"].append)
        slow.events.subscribe(seen["slow"].append)
    before = orgd.dumps(fast)
    placed = bulk.place_units(fast, positions)
    try:
        ops.Batch([ops.UpdateUnit(u, {"x": round(x, 2), "y": round(y, 2)})
                   for u, (x, y) in positions.items()], "Auto layout").apply(slow)
        refused = False
    except (ModelError, KeyError, TypeError, ValueError, OverflowError):
        refused = True
    if not placed:
        assert refused and orgd.dumps(fast) == before and not seen["fast"]
    else:
        assert not refused
        assert orgd.dumps(fast) == orgd.dumps(slow)
        assert [(e, e.old) for e in seen["fast"]] == [(e, e.old) for e in seen["slow"]]

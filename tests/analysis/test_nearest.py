"""Nearest reference model: every template is its own nearest model, and a small edit moves
scores only a little."""

from __future__ import annotations

import copy

import pytest

from orgdesigner import templates
from orgdesigner.analysis import check
from orgdesigner.analysis.features import FEATURES, TOTAL_WEIGHT
from orgdesigner.model import Flow, FlowKind, Function, Member, Unit, UnitKind

K = FlowKind
TEMPLATES = templates.ids()
#: Largest score change one small edit may cause (a feature weighs at most 1.5/12.25).
SMALL = 0.15


def scores(design) -> dict[str, float]:
    return {m.template_id: m.score for m in check(design).nearest}


def test_all_templates_are_ranked():
    assert set(TEMPLATES) >= {"model-1", "model-2", "model-3", "model-4", "strong-authority",
                              "consensual", "cert-centralized", "cert-distributed",
                              "cert-combined", "cert-coordinating"}


@pytest.mark.parametrize("tid", TEMPLATES)
def test_template_is_its_own_nearest_model(tid):
    ranking = check(templates.load(tid)).nearest
    assert [m.template_id for m in ranking].count(tid) == 1
    assert ranking[0].template_id == tid and ranking[0].score == 1.0
    assert ranking[1].score < 1.0, f"{tid} is indistinguishable from {ranking[1].template_id}"
    assert ranking[0].differed == [] and len(ranking[0].matched) == len(FEATURES)


def test_features_weights_are_bounded():
    assert max(f.weight for f in FEATURES) / TOTAL_WEIGHT <= 0.125


def _add_department(d):
    root = next(u for u in d.units.values() if u.kind is UnitKind.MANAGEMENT)
    d.add_unit(Unit("new-dept", "新設部", UnitKind.DEPARTMENT, functions=(Function.SALES,),
                    company=root.company))
    d.add_flow(Flow("new-r", root.id, "new-dept", FlowKind.REPORTING))


def _add_report(d):
    csirt = next(u for u in d.units.values() if u.kind is UnitKind.CSIRT)
    depts = [u for u in d.units.values() if u.kind in (UnitKind.DEPARTMENT, UnitKind.DIVISION)]
    quiet = [u for u in depts if not any(f.source == u.id and f.target == csirt.id
                                         for f in d.flows.values())]
    if quiet:
        d.add_flow(Flow("new-f", quiet[0].id, csirt.id, FlowKind.REPORT))
    else:  # every department already reports: the CSIRT starts supporting one instead
        d.add_flow(Flow("new-f", csirt.id, depts[0].id, FlowKind.SUPPORT))


def _drop_one_overlay(d):
    overlay = [f for f in d.flows.values()
               if f.kind in (FlowKind.REPORT, FlowKind.SUPPORT, FlowKind.CONSENSUS)]
    d.remove_flow(overlay[-1].id)


def _add_member(d):
    csirt = next(u for u in d.units.values() if u.kind is UnitKind.CSIRT and u.plan)
    plan = copy.deepcopy(csirt.plan)
    plan.members.append(Member("New", "analyst", csirt.id, 0.5, False))
    d.set_plan(csirt.id, plan)


def _rename(d):
    uid = next(iter(d.units))
    d.update_unit(uid, name="改名")


EDITS = [_add_department, _add_report, _drop_one_overlay, _add_member, _rename]


@pytest.mark.parametrize("tid", TEMPLATES)
@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_small_edit_moves_scores_a_little(tid, edit):
    design = templates.load(tid)
    before = scores(design)
    edit(design)
    after = scores(design)
    worst = max(abs(after[t] - before[t]) for t in before)
    assert worst <= SMALL, f"{edit.__name__} on {tid} moved a score by {worst:.3f}"
    ranking = sorted(after, key=lambda t: -after[t])
    assert tid in ranking[:2], f"{tid} fell to {ranking.index(tid) + 1} after {edit.__name__}"


def test_explanations_name_the_differences():
    m = next(x for x in check(templates.load("consensual")).nearest
             if x.template_id == "strong-authority")
    assert any(t.startswith("Authority style: consensual here, strong") for t in m.differed)
    assert any("権限の型：本設計は合意形成型" in t for t in m.differed_text("ja"))
    assert m.name("en").startswith("Outside Japan") and m.name("ja")

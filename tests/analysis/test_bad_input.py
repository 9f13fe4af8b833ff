"""Odd designs get sensible findings, never an exception."""

from __future__ import annotations

import pytest

from orgdesigner.analysis import check, format_text
from orgdesigner.model import CsirtPlan, FlowKind

K = FlowKind


def _ids(design) -> set[str]:
    report = check(design)
    format_text(report, "en")
    format_text(report, "ja")
    report.to_json("ja")
    assert not report.by_id("internal-error")
    return {f.id for f in report.findings}


def test_empty(make):
    report = check(make.Builder().d)
    assert {f.id for f in report.findings} == {"no-csirt", "empty-design"}
    assert report.authority.style == "none" and report.main_csirt is None
    assert report.nearest and all(0 <= m.score <= 1 for m in report.nearest)


def test_only_external_units(make):
    b = make.Builder()
    b.unit("a", "external", name="JPCERT/CC")
    b.unit("b", "external", name="警察")
    b.flow("a", "b", K.COORDINATION)  # flows only between outside parties
    found = _ids(b.d)
    assert "no-csirt" in found and "empty-design" not in found
    assert "no-external" not in found  # there is no CSIRT to coordinate


def test_two_csirts(make):
    b = make.clean()
    b.unit("csirt2", "csirt", under="mgmt")
    found = _ids(b.d)
    assert {"csirts-unlinked", "no-members"} <= found


def test_csirt_with_no_members(make):
    b = make.clean(CsirtPlan())
    found = _ids(b.d)
    assert {"no-members", "no-budget"} <= found
    assert "understaffed" not in found and "staff-doubling" not in found


def test_csirt_without_plan(make):
    b = make.Builder()
    b.unit("c", "csirt")
    found = _ids(b.d)
    assert {"no-members", "no-sponsor", "no-escalation", "no-exercises"} <= found


def test_csirt_alone_with_externals(make):
    b = make.Builder()
    b.unit("c", "csirt")
    b.unit("x", "external")
    b.unit("y", "external")
    b.flow("x", "y", K.COORDINATION)
    found = _ids(b.d)
    assert "no-external" in found and "no-sponsor" in found
    assert "reports-bypass" not in found and "lacks-authority" not in found


def test_management_reporting_to_the_csirt(make):
    """A CSIRT at the top of the tree: the sponsor fix must not close a reporting cycle."""
    b = make.Builder()
    b.unit("c", "csirt")
    b.unit("m", "management", under="c")
    found = check(b.d).by_id("no-sponsor")
    assert found
    found[0].fix.apply(b.d)
    assert not check(b.d).by_id("no-sponsor")


@pytest.mark.parametrize("n", [1, 2, 3])
def test_member_home_text_that_names_nothing(make, n):
    from orgdesigner.model import Member
    plan = make.plan(members=[Member(f"M{i}", "", "どこか", 1.0, False) for i in range(n)])
    _ids(make.clean(plan).d)

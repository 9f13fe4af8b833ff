"""Authority style: strong needs transferred authority *and* commands; consensual works by
consensus and support; anything else is none. Evidence names the flows."""

from __future__ import annotations

from orgdesigner import templates
from orgdesigner.analysis import check
from orgdesigner.model import FlowKind, Function

K = FlowKind
F = Function


def _base(make):
    b = make.Builder()
    b.unit("m", "management")
    b.unit("cio", "executive", F.INFORMATION_PLANNING, under="m")
    b.unit("c", "csirt", under="cio", plan=make.plan())
    b.unit("it", "department", F.IT_OPERATIONS, under="m")
    b.unit("cs", "department", F.CUSTOMER_SERVICE, under="m")
    return b


def test_strong(make):
    b = _base(make)
    d1 = b.flow("cio", "c", K.DELEGATION)
    c1 = b.flow("c", "it", K.COMMAND)
    c2 = b.flow("c", "cs", K.COMMAND)
    b.flow("c", "cs", K.CONSENSUS)
    a = check(b.d).authority
    assert a.style == "strong" and a.csirt == "c"
    assert a.evidence == [d1, c1, c2]
    assert "from 'cio'" in a.explanation("en") and "権限" in a.explanation("ja")


def test_consensual(make):
    b = _base(make)
    s1 = b.flow("c", "it", K.CONSENSUS)
    s2 = b.flow("it", "c", K.SUPPORT)
    a = check(b.d).authority
    assert a.style == "consensual" and sorted(a.evidence) == sorted([s1, s2])
    assert a.partial == []


def test_commands_without_transferred_authority_are_not_strong(make):
    b = _base(make)
    cmd = b.flow("c", "it", K.COMMAND)
    soft = b.flow("c", "cs", K.SUPPORT)
    a = check(b.d).authority
    assert a.style == "consensual" and a.evidence == [soft] and a.partial == [cmd]
    assert "hard to enforce" in a.explanation("en")
    b.d.remove_flow(soft)
    a = check(b.d).authority
    assert a.style == "none" and a.partial == [cmd]


def test_delegation_from_a_department_is_not_transferred_authority(make):
    b = _base(make)
    b.unit("plan", "department", F.INFORMATION_PLANNING, under="m")
    low = b.flow("plan", "c", K.DELEGATION)
    b.flow("c", "it", K.COMMAND)
    a = check(b.d).authority
    assert a.style == "none" and low in a.partial


def test_delegation_without_commands(make):
    b = _base(make)
    d1 = b.flow("m", "c", K.DELEGATION)
    a = check(b.d).authority
    assert a.style == "none" and a.partial == [d1]
    assert "commands no unit" in a.explanation("en")


def test_flows_with_externals_and_other_csirts_do_not_count(make):
    b = _base(make)
    b.unit("x", "external")
    b.unit("c2", "csirt", under="m")
    b.flow("cio", "c", K.DELEGATION)
    b.flow("c", "c2", K.COMMAND)
    b.flow("x", "c", K.SUPPORT)
    assert check(b.d).authority.style == "none"


def test_no_csirt(make):
    a = check(make.Builder().d).authority
    assert a.style == "none" and a.evidence == [] and a.csirt is None
    assert a.explanation("ja")


def test_contrast_templates():
    """The talk's two contrast models come out as what they illustrate."""
    assert check(templates.load("strong-authority")).authority.style == "strong"
    assert check(templates.load("consensual")).authority.style == "consensual"
    assert check(templates.load("model-1")).authority.style == "consensual"

"""The checker against a corpus of realistic designs (tests/analysis/cases/*.json), each with
expectations written before the checker was run on it (see cases/README.md): authority
style, acceptable nearest models, findings that must and must not appear — in English and
Japanese — and quick fixes that apply cleanly and never create authority across a legal
entity without a group regulation or contract."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from orgdesigner.analysis import Severity, check
from orgdesigner.formats import orgd
from orgdesigner.model import (
    Authority,
    Company,
    CompanyKind,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    Metadata,
    ServiceHours,
    Unit,
    UnitKind,
)
from orgdesigner.model.ops import AddFlow, Batch

CASES = sorted((Path(__file__).with_name("cases")).glob("*.json"))
KANA = re.compile(r"[\u3040-\u30ff]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
TOP = (UnitKind.MANAGEMENT, UnitKind.EXECUTIVE)


def build(spec: dict) -> Design:
    d = Design(Metadata(title=spec["title"], title_en=spec["title_en"],
                        sector=spec.get("sector", "")))
    for row in spec.get("companies", []):
        cid, kind, ja, en = row[:4]
        d.add_company(Company(cid, ja, en, CompanyKind(kind), row[4] if len(row) > 4 else True))
    plans = spec.get("plans", {})
    for i, (uid, kind, ja, en, funcs, _parent, company) in enumerate(spec["units"]):
        plan = None
        if uid in plans:
            p = plans[uid]
            plan = CsirtPlan(
                members=[Member(n, r, h, f, dd) for n, r, h, f, dd in p["members"]],
                services=list(p["services"]), hours=ServiceHours(p["hours"]),
                mandate=p["mandate"], authority=Authority(p["authority"]))
        d.add_unit(Unit(uid, ja, UnitKind(kind), name_en=en,
                        functions=tuple(Function(f) for f in funcs.split(";") if f),
                        company=company, plan=plan, x=float(i * 120), y=0.0))
    n = 0
    for uid, *_rest in spec["units"]:
        parent = _rest[4]
        if parent:
            n += 1
            d.add_flow(Flow(f"r{n}", parent, uid, FlowKind.REPORTING))
    for row in spec["flows"]:
        n += 1
        d.add_flow(Flow(f"f{n}", row[0], row[2], FlowKind(row[1]),
                        row[3] if len(row) > 3 else ""))
    for i, (name, category, amount) in enumerate(spec.get("costs", [])):
        d.add_cost(CostItem(f"c{i}", name, CostCategory(category),
                            amounts=[Decimal(amount)] * 3))
    return d


def _load(path: Path) -> tuple[dict, Design]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    return spec, build(spec)


def _matches(f, want: dict) -> bool:  # type: ignore[no-untyped-def]
    if f.id != want["id"]:
        return False
    if "units" in want and list(f.units) != want["units"]:
        return False
    if "includes" in want and not set(want["includes"]) <= set(f.units):
        return False
    return "severity" not in want or f.severity.value == want["severity"]


def _norm(item: str | dict) -> dict:
    return {"id": item} if isinstance(item, str) else item


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_expectations(path: Path) -> None:
    spec, design = _load(path)
    exp = spec["expect"]
    report = check(design)
    found = report.findings
    summary = [(f.id, f.severity.value, list(f.units)) for f in found]
    if "authority" in exp:
        assert report.authority.style == exp["authority"], (report.authority.style, summary)
    if "main" in exp:
        assert report.main_csirt == exp["main"]
    first = report.nearest[0].template_id
    if "nearest" in exp:
        assert first in exp["nearest"], [(m.template_id, m.score) for m in report.nearest[:4]]
    assert first not in exp.get("nearest_not", [])
    for item in exp["must"]:
        want = _norm(item)
        hits = [f for f in found if _matches(f, want)]
        assert hits, f"missing {want} in {summary}"
        if "text" in want:
            en, ja = want["text"]
            assert any(en in f.message("en") + f.suggestion("en") for f in hits), want
            assert any(ja in f.message("ja") + f.suggestion("ja") for f in hits), want
    for item in exp["must_not"]:
        want = _norm(item)
        assert not [f for f in found if _matches(f, want)], f"unexpected {want}: {summary}"
    if "max_severity" in exp:
        limit = Severity(exp["max_severity"]).rank
        assert all(f.severity.rank >= limit for f in found), summary
    assert not report.by_id("internal-error")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_speaks_both_languages(path: Path) -> None:
    _, design = _load(path)
    report = check(design)
    texts = [report.authority.explanation("en"), report.authority.explanation("ja")]
    assert not KANA.search(texts[0]) and JAPANESE.search(texts[1])
    for f in report.findings:
        for lang in ("en", "ja"):
            parts = [f.message(lang), f.suggestion(lang), f.source_text(lang)]
            if f.has_fix:
                parts.append(f.fix_label(lang))
            assert all(parts), (f.id, lang)
            if lang == "ja":
                assert all(JAPANESE.search(p) for p in parts), (f.id, parts)
                assert "ほか1件" not in parts[0]
            else:  # the English text names units by their English names
                assert not KANA.search(f.message("en")), (f.id, f.message("en"))
    for m in report.nearest[:3]:
        assert m.name("en") != m.name("ja") and JAPANESE.search(m.name("ja"))


def _crosses_without_mandate(design: Design, new: list[Flow]) -> list[str]:
    """Commands or delegations a fix added that put authority across legal entities with no
    group regulation or contract: a command into a company that does not delegate to the
    commanding CSIRT, or a delegation between companies other than a company's own
    management or executive granting authority to another company's CSIRT."""
    units = design.units
    bad = []
    for fl in new:
        a, b = units[fl.source], units[fl.target]
        if a.company == b.company:
            continue
        if fl.kind is FlowKind.DELEGATION:
            if not (a.kind in TOP and b.kind is UnitKind.CSIRT and "グループ規程" in fl.label):
                bad.append(f"delegation {fl.source}→{fl.target}")
        elif fl.kind is FlowKind.COMMAND:
            mandate = any(f.kind is FlowKind.DELEGATION and f.target == fl.source
                          and units[f.source].company == b.company
                          for f in design.flows.values())
            if not mandate:
                bad.append(f"command {fl.source}→{fl.target}")
    return bad


def _ancestors(design: Design, uid: str) -> set[str]:
    return set(design.reporting_path(uid)[1:])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_quick_fixes(path: Path) -> None:
    """Every quick fix applies, removes its finding, stays within legal entities unless a
    group regulation or contract is part of it, never links the CSIRT by consensus to its
    own superiors, and undoes to the same bytes."""
    _, design = _load(path)
    for f in check(design).findings:
        if not f.has_fix:
            continue
        before = orgd.dumps(design)
        batch = f.fix
        assert isinstance(batch, Batch) and batch.ops
        inverse = batch.apply(design)
        added = [op.flow for op in batch.ops if isinstance(op, AddFlow)]
        assert _crosses_without_mandate(design, added) == [], f.id
        for fl in added:
            if fl.kind is FlowKind.CONSENSUS:
                assert fl.target not in _ancestors(design, fl.source), (f.id, fl)
        after = check(design)
        # the finding goes, or (a mitigation, e.g. an escalation that bypasses a CIO who is
        # also the CISO) drops in severity
        left = [g for g in after.findings if (g.id, g.units[:1]) == (f.id, f.units[:1])]
        assert all(g.severity.rank > f.severity.rank for g in left), f.id
        inverse.apply(design)
        assert orgd.dumps(design) == before

"""The check report's published JSON Schema (resources/schemas/) and the SARIF output (the
official SARIF 2.1.0 schema, vendored in tests/data) hold for every report: every template in
both languages, and random designs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import synthetic, templates
from orgdesigner.analysis import check
from orgdesigner.analysis.sarif import to_sarif
from orgdesigner.model import (
    Company,
    CompanyKind,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    Unit,
    UnitKind,
)
from orgdesigner.paths import resource

SARIF_SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource("schemas", "check-report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(validator: jsonschema.protocols.Validator, doc: dict) -> None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [(list(e.path), e.message) for e in errors[:5]]


def assert_sarif_matches(log: dict, report: dict) -> None:
    """One rule per finding id, with the source as help; every unit a logical location."""
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(dict.fromkeys(f["id"] for f in report["findings"]))
    sources = {f["id"]: f["source"] for f in report["findings"]}
    assert all(r["help"]["text"] == sources[r["id"]] for r in rules)
    assert len(run["results"]) == len(report["findings"])
    for result, finding in zip(run["results"], report["findings"], strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["id"]
        logical = [loc["name"] for location in result.get("locations", [])
                   for loc in location.get("logicalLocations", [])]
        assert logical == [u["id"] for u in finding["units"]]


@pytest.mark.parametrize("template_id", templates.ids())
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_template_report_validates(template_id, lang, report_validator,
                                         sarif_validator, tmp_path):
    design = templates.load(template_id)
    report = check(design).to_json(lang)
    assert_valid(report_validator, report)
    text = resource("templates", f"{template_id}.orgd").read_text("utf-8")
    log = to_sarif(report, uri=f"designs/{template_id}.orgd", text=text, version="0.1.0",
                   lang=lang)
    assert_valid(sarif_validator, log)
    assert_sarif_matches(log, report)
    other = to_sarif(check(design).to_json("ja" if lang == "en" else "en"), version="0.1.0")
    prints = [r["partialFingerprints"] for r in log["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in other["runs"][0]["results"]]
    for result in log["runs"][0]["results"]:  # each points at the line defining its unit
        units = [loc["name"] for loc in result["locations"][0].get("logicalLocations", [])]
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        if units:
            assert f'"id": "{units[0]}"' in text.splitlines()[line - 1]


NAME = st.text(st.sampled_from(list("ab AZ09'\"\\部署情報システム課（）—¥\n")), min_size=1,
               max_size=10).filter(str.strip)


@st.composite
def designs(draw) -> Design:
    """Random organisations: companies, units of every kind (CSIRTs with members), a
    reporting forest and any other flows."""
    d = Design()
    for i in range(draw(st.integers(0, 3))):
        d.add_company(Company(f"c{i}", draw(NAME), "", draw(st.sampled_from(list(CompanyKind))),
                              True))
    ids = [f"u{i}" for i in range(draw(st.integers(1, 12)))]
    for uid in ids:
        d.add_unit(Unit(uid, draw(NAME), draw(st.sampled_from(list(UnitKind))),
                        functions=tuple(draw(st.lists(st.sampled_from(list(Function)),
                                                      max_size=2, unique=True))),
                        company=draw(st.sampled_from([""] + list(d.companies)))))
    for csirt in [u for u in d.units.values() if u.kind is UnitKind.CSIRT]:
        members = [Member(draw(NAME), "analyst", draw(st.sampled_from(ids)),
                          draw(st.sampled_from([0.1, 0.5, 1.0])), draw(st.booleans()))
                   for _ in range(draw(st.integers(0, 3)))]
        d.set_plan(csirt.id, CsirtPlan(members=members))
    for i, uid in enumerate(ids[1:], start=1):
        if draw(st.booleans()):
            d.add_flow(Flow(d.new_id("f"), ids[draw(st.integers(0, i - 1))], uid,
                            FlowKind.REPORTING))
    for _ in range(draw(st.integers(0, 6))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        kind = draw(st.sampled_from([k for k in FlowKind if k is not FlowKind.REPORTING]))
        if a != b and not any((f.source, f.target, f.kind) == (a, b, kind)
                              for f in d.flows.values()):
            d.add_flow(Flow(d.new_id("f"), a, b, kind))
    return d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(design=designs(), lang=st.sampled_from(["en", "ja"]))
def test_random_design_reports_validate(design, lang, report_validator, sarif_validator):
    report = check(design).to_json(lang)
    assert_valid(report_validator, report)
    log = to_sarif(report, uri="a design.orgd", version="0.1.0", lang=lang)
    assert_valid(sarif_validator, log)
    assert_sarif_matches(log, report)


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(1, 10_000), size=st.sampled_from([30, 120]))
def test_synthetic_group_reports_validate(seed, size, report_validator, sarif_validator):
    report = check(synthetic.generate(size, seed=seed, csirt_members=8)).to_json("en")
    assert_valid(report_validator, report)
    assert_valid(sarif_validator, to_sarif(report, version="0.1.0"))


def test_the_schema_rejects_what_breaks_the_contract(report_validator):
    """The schema is not vacuous: a renamed key or an unknown severity fails it, while an
    added optional key (how the report grows) passes."""
    report = check(templates.load("model-2")).to_json("en")
    report["findings"][0]["extra_detail"] = {"anything": 1}
    report["added_section"] = []
    assert_valid(report_validator, report)
    broken = json.loads(json.dumps(report))
    broken["findings"][0]["severity"] = "fatal"
    assert list(report_validator.iter_errors(broken))
    broken = json.loads(json.dumps(report))
    broken["counts"]["errors"] = broken["counts"].pop("error")
    assert list(report_validator.iter_errors(broken))

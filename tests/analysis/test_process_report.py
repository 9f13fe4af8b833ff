"""Process status and the report's JSON form."""

from __future__ import annotations

import json

from orgdesigner import templates
from orgdesigner.analysis import SCHEMA, SCHEMA_VERSION, check, format_text
from orgdesigner.model import STEPS, FlowKind, ProcessStatus

K = FlowKind


def test_process_reads_the_design_and_names_the_next_step(make):
    b = make.clean()
    b.d.set_process("japan.1", ProcessStatus.DONE)
    b.d.set_process("japan.2", ProcessStatus.DONE)
    b.d.set_process("japan.3", ProcessStatus.IN_PROGRESS)
    p = check(b.d).process
    assert [s.status for s in p.tracks["japan"][:4]] == [
        ProcessStatus.DONE, ProcessStatus.DONE, ProcessStatus.IN_PROGRESS,
        ProcessStatus.NOT_STARTED]
    assert p.next_step("japan").key == "japan.3"
    assert p.next_step("certcc").key == "certcc.1"
    assert p.current_track() == "japan" and p.done("japan") == 2
    assert len(p.tracks["japan"]) == len(p.tracks["certcc"]) == 8


def test_process_all_done_and_track_choice(make):
    b = make.clean()
    for s in STEPS:
        if s.track == "certcc":
            b.d.set_process(s.key, ProcessStatus.DONE)
    p = check(b.d).process
    assert p.next_step("certcc") is None and p.current_track() == "certcc"
    j = p.to_json("ja")
    assert j["next"]["certcc"] is None and j["next"]["japan"]["title"] == "同僚の支持と協力を得る"


def test_json_schema_keys_and_values(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    data = check(b.d).to_json("en")
    json.dumps(data)  # plain JSON
    assert {"authority", "nearest_models", "findings", "process"} <= set(data)
    assert data["schema"] == SCHEMA and data["schema_version"] == SCHEMA_VERSION
    assert data["design"]["main_csirt"] == {"id": "csirt", "name": "CSIRT"}
    assert data["counts"] == {"error": 0, "warning": 1, "info": 0}
    a = data["authority"]
    assert a["style"] == "strong" and {e["kind"] for e in a["evidence"]} == {"delegation",
                                                                            "command"}
    assert set(a["evidence"][0]) == {"id", "kind", "source", "target", "source_name",
                                     "target_name"}
    n = data["nearest_models"][0]
    assert set(n) == {"template_id", "name", "score", "matched", "differed"}
    assert set(n["matched"][0]) == {"feature", "label", "similarity", "design", "template",
                                    "text"}
    f = data["findings"][0]
    assert f["id"] == "no-external" and f["severity"] == "warning"
    assert f["units"] == [{"id": "csirt", "name": "CSIRT"}]
    assert f["fix"]["label"].startswith("Add coordination with")
    assert "SIM3" in f["source"] or "Nawa" in f["source"]
    assert data["process"]["next"]["japan"]["key"] == "japan.1"


def test_json_in_japanese(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    data = check(b.d).to_json("ja")
    assert data["findings"][0]["message"].startswith("「CSIRT」は外部組織")
    assert data["authority"]["label"] == "強い権限型（海外型）"
    assert data["findings"][0]["severity"] == "warning"  # ids and severities stay English


def test_text_output_sections(make):
    b = make.clean()
    b.drop("csirt", "nca", K.COORDINATION)
    text = format_text(check(b.d), "en")
    for part in ("Authority style: Strong authority", "evidence: CIO → CSIRT",
                 "Nearest reference models:", "Findings (Error 0, Warning 1, Info 0):",
                 "[no-external]", "quick fix:", "Next step (Japan): Step 1"):
        assert part in text, part
    ja = format_text(check(b.d), "ja")
    assert "権限の型" in ja and "次のステップ" in ja


def test_counts_and_threshold():
    report = check(templates.load("model-1"))
    counts = report.counts()
    assert counts == {"error": 0, "warning": 8, "info": 1}
    assert len(report.at_or_above("error")) == 0
    assert len(report.at_or_above("warning")) == 8
    assert len(report.at_or_above("info")) == 9

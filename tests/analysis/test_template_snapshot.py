"""Pin what the checker says about every shipped template.

Each template's findings were read for sense when this snapshot was taken. If a template or
a rule changes on purpose, re-read the new output and refresh the snapshot with
`UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/analysis/test_template_snapshot.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orgdesigner import templates
from orgdesigner.analysis import check
from orgdesigner.formats.atomic import atomic_write

SNAPSHOT = Path(__file__).with_name("snapshots") / "templates.json"


def summary(tid: str) -> dict:
    report = check(templates.load(tid))
    return {
        "authority": {"style": report.authority.style, "evidence": report.authority.evidence,
                      "partial": report.authority.partial},
        "nearest": [[m.template_id, m.score] for m in report.nearest[:3]],
        "findings": [{"id": f.id, "severity": f.severity.value, "units": list(f.units),
                      "flows": list(f.flows), "en": f.message("en"), "ja": f.message("ja"),
                      "fix": f.fix_label("en") or None} for f in report.findings],
    }


def current() -> dict:
    return {tid: summary(tid) for tid in templates.ids()}


def test_templates_match_snapshot():
    now = current()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        atomic_write(SNAPSHOT, (json.dumps(now, ensure_ascii=False, indent=1) + "\n")
                     .encode("utf-8"))
        pytest.skip("snapshot written")
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(pinned), "the set of templates changed"
    for tid in pinned:
        assert now[tid] == pinned[tid], f"checker output for {tid} changed"

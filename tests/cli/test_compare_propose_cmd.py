"""CLI: `orgdesigner propose`, `orgdesigner compare` and `export --scenario --highlight-changes`."""

from __future__ import annotations

import json

from orgdesigner import templates
from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.model import scenarios as sc


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _proposals(tmp_path, capsys):  # type: ignore[no-untyped-def]
    base = tmp_path / "base.orgd"
    orgd.save(templates.load("model-1"), base)
    out = tmp_path / "p.orgd"
    code, text, _ = run(capsys, "propose", base, "-o", out, "--lang", "ja")
    assert code == 0 and "案C" in text and "*" in text
    return base, out


def test_propose_writes_three_scenarios_one_recommended(tmp_path, capsys):
    base, out = _proposals(tmp_path, capsys)
    doc = orgd.load(out)
    items = sc.scenarios_of(doc).items
    assert [s.id for s in items] == ["baseline", "p1", "p2", "p3"]
    assert sum(s.recommended for s in items) == 1
    written, original = orgd.to_data(doc), orgd.to_data(orgd.load(base))
    assert written["units"] == original["units"] and written["flows"] == original["flows"]
    code, text, _ = run(capsys, "propose", base, "-o", out)  # one overwrite policy: .bak
    assert code == 0 and out.with_name(out.name + ".bak").exists() and ".bak" in text


def test_compare_json_schema_and_scenario_choice(tmp_path, capsys):
    _base, out = _proposals(tmp_path, capsys)
    code, text, _ = run(capsys, "compare", out, "--format", "json")
    body = json.loads(text)
    assert code == 0 and body["schema"] == "orgdesigner-compare-set"
    assert len(body["comparisons"]) == 3
    textbook = body["comparisons"][2]
    assert (textbook["before"]["scenario"], textbook["after"]["scenario"]) == ("baseline", "p3")
    assert textbook["schema"] == "orgdesigner-compare" and textbook["schema_version"] == 1
    assert [m["id"] for m in textbook["units"]["moved"]] == ["csirt"]
    assert textbook["authority"]["after"]["style"] == "strong"
    assert textbook["footprint"]["numbers"]["moved"] == 1
    assert set(textbook["cost"]["total"]) == {"before", "after", "delta", "new_money"}
    code, text, _ = run(capsys, "compare", out, "--scenarios", "2,1", "--lang", "ja")
    assert code == 0 and text.startswith("比較：案A") and "合議先" in text
    code, _, err = run(capsys, "compare", out, "--scenarios", "1,9")
    assert code == 2 and "no scenario" in err


def test_compare_two_files_and_identical(tmp_path, capsys):
    a = tmp_path / "a.orgd"
    orgd.save(templates.load("model-1"), a)
    code, text, _ = run(capsys, "compare", a, a)
    assert code == 0 and "No differences." in text
    code, _, err = run(capsys, "compare", a)
    assert code == 2 and "two designs" in err


def test_export_scenario_with_highlighted_changes(tmp_path, capsys):
    _base, out = _proposals(tmp_path, capsys)
    svg = tmp_path / "c.svg"
    code, _, _ = run(capsys, "export", out, "--scenario", "p3", "--highlight-changes",
                     "-o", svg)
    text = svg.read_text(encoding="utf-8")
    assert code == 0 and 'id="changes"' in text
    csirt = text[text.index('id="unit&#45;csirt"'):]
    assert "#0072b2" in csirt[:600].lower()  # the moved CSIRT in Okabe–Ito blue
    plain = tmp_path / "b.svg"
    run(capsys, "export", out, "-o", plain)
    assert 'id="changes"' not in plain.read_text(encoding="utf-8")


def test_info_lists_the_scenarios(tmp_path, capsys):
    _base, out = _proposals(tmp_path, capsys)
    code, text, _ = run(capsys, "info", out)
    assert code == 0 and "scenarios: 4" in text
    assert "1. Current organisation [baseline]" in text and text.count("(recommended)") == 1

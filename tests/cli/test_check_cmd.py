"""CLI: `orgdesigner check FILE [--format text|json] [--fail-on …] [--lang en|ja]`."""

from __future__ import annotations

import json

import pytest

from orgdesigner import templates
from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.model import Design


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def save(tmp_path):  # type: ignore[no-untyped-def]
    def write(design: Design, name: str = "plan.orgd"):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        orgd.save(design, path)
        return str(path)
    return write


def test_text_report(capsys, save) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "check", save(templates.load("model-1")))
    assert code == 0 and err == ""  # warnings only, default --fail-on error
    assert "Authority style: Consensual decision making" in out
    assert "1. Model 1: Large Company [talk; details illustrative] (model-1)  1.00" in out
    assert "Findings (Error 0, Warning 8, Info 1):" in out
    assert "[far-from-management]" in out
    assert "Next step (Japan): Step 3 — Gather negative information" in out


def test_top_limits_models(capsys, save) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "check", save(templates.load("model-1")), "--top", "1")
    assert "  1. Model 1" in out and "(consensual)  0." not in out


def test_japanese_text(capsys, save) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "check", save(templates.load("consensual")), "--lang", "ja")
    assert code == 0
    assert "権限の型: 合意形成型（日本型）" in out and "指摘事項" in out and "警告" in out


def test_json_report(capsys, save) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "check", save(templates.load("model-2")), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {"authority", "nearest_models", "findings", "process"} <= set(data)
    assert data["nearest_models"][0]["template_id"] == "model-2"
    assert data["authority"]["style"] == "consensual"
    assert [f["severity"] for f in data["findings"]] == sorted(
        (f["severity"] for f in data["findings"]), key=["error", "warning", "info"].index)


def test_json_japanese(capsys, save) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "check", save(templates.load("model-2")), "--format", "json",
                    "--lang", "ja")
    data = json.loads(out)
    assert "経営層" in out and data["findings"][0]["id"] == "far-from-management"


@pytest.mark.parametrize("fail_on, expected", [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on_warnings(capsys, save, fail_on, expected) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(capsys, "check", save(templates.load("model-1")), "--fail-on", fail_on)
    assert code == expected


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_errors(capsys, save, fail_on, expected) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "check", save(Design()), "--fail-on", fail_on)
    assert code == expected and "[no-csirt]" in out


def test_clean_template_passes_strictest_gate(capsys, save) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "check", save(templates.load("strong-authority")),
                       "--fail-on", "warning")
    assert code == 0 and "Findings (Error 0, Warning 0, Info 0)" in out


def test_unreadable_file_exit_2(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.orgd"
    bad.write_text('{"format": "orgdesigner", "version": 1', encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == ""
    assert err.startswith("orgdesigner: error:") and len(err.strip().splitlines()) == 1


def test_missing_file_exit_2(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "check", str(tmp_path / "nope.orgd"))
    assert code == 2 and out == "" and "nope.orgd" in err


def test_bad_option_exit_2(capsys, save) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        main(["check", save(Design()), "--fail-on", "sometimes"])
    assert exc.value.code == 2

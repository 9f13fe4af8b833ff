"""Japanese Windows consoles and pipes are cp932: output arrives in that encoding, with
characters it lacks replaced by their nearest equivalent, and never a crash (issue 18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgdesigner.cli import streams
from orgdesigner.paths import resource

MODEL2 = str(resource("templates", "model-2.orgd"))


def run_cp932(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="cp932")  # what a redirected cp932 console gets
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "orgdesigner", *args], env=env, cwd=cwd,
                          capture_output=True, timeout=120)


def decode_cp932(data: bytes) -> str:
    return data.decode("cp932")  # strict: a UTF-8 byte sequence would fail or be mojibake


@pytest.mark.parametrize("args,expected", [
    (["templates"], "Model 1: Large Company"),
    (["templates", "--lang", "ja"], "モデル1：大企業"),
    (["info", MODEL2, "--lang", "ja"], "グループ CSIRT"),
    (["info", MODEL2], "Group CSIRT"),
    (["check", MODEL2, "--lang", "ja", "--fail-on", "never"], "権限"),
    (["budget", MODEL2, "--lang", "ja"], "人件費"),
])
def test_cp932_output_is_readable_and_complete(args, expected):
    out = run_cp932(*args)
    assert out.returncode == 0, out.stderr.decode("cp932", "replace")
    text = decode_cp932(out.stdout)
    assert expected in text
    assert "Traceback" not in decode_cp932(out.stderr)
    assert "\u2014" not in text  # the em dash has no cp932 code …
    assert expected.encode("cp932") in out.stdout  # … the Japanese went out as cp932 bytes


def test_em_dash_and_yen_become_their_cp932_equivalents(tmp_path):
    out = run_cp932("info", MODEL2, "--lang", "ja")
    assert "\u2015".encode("cp932") in out.stdout  # "名前 ― 役割": the horizontal bar
    out = run_cp932("budget", MODEL2, "-o", "b.xlsx", "--lang", "ja", "--no-diagram",
                    cwd=tmp_path)
    assert out.returncode == 0 and (tmp_path / "b.xlsx").is_file()
    assert "総額 ￥" in decode_cp932(out.stdout)  # the full-width yen sign cp932 has


def test_json_for_tools_is_exact_on_a_cp932_pipe():
    """Reports for tools are ASCII with \\u escapes there: valid cp932, nothing replaced."""
    for args in (["check", MODEL2, "--format", "json", "--lang", "ja", "--fail-on", "never"],
                 ["check", MODEL2, "--format", "sarif", "--lang", "ja", "--fail-on", "never"],
                 ["info", MODEL2, "--format", "json", "--lang", "ja"],
                 ["templates", "--format", "json", "--lang", "ja"]):
        out = run_cp932(*args)
        assert out.returncode == 0 and out.stdout.isascii()
        doc = json.loads(out.stdout)
        assert "グループ" in json.dumps(doc, ensure_ascii=False) or "モデル" in str(doc)


def test_design_files_to_stdout_stay_utf8():
    """`new -o -` writes a .orgd file, whose format is UTF-8, whatever the console."""
    out = run_cp932("new", "-t", "model-2", "-o", "-")
    assert out.returncode == 0
    title = json.loads(out.stdout.decode("utf-8"))["metadata"]["title"]
    assert title.startswith("モデル2：企業グループA")


def test_errors_in_cp932_too(tmp_path):
    out = run_cp932("info", str(tmp_path / "なし.orgd"), "--lang", "ja")
    assert out.returncode == 2 and "なし.orgd" in decode_cp932(out.stderr)


@given(st.text(max_size=40), st.sampled_from(["cp932", "ascii", "latin-1", "euc_jp"]))
def test_any_text_encodes_in_any_console_encoding(text, encoding):
    """The handler never fails: what the encoding has passes unchanged, the rest becomes
    its substitute, which the encoding has."""
    back = text.encode(encoding, errors=streams.HANDLER).decode(encoding)
    expected = "".join(c.encode(encoding).decode(encoding) if streams._encodable(c, encoding)
                       else streams.substitute(c, encoding) for c in text)  # ¢ → ￠ in cp932
    assert back == expected


def test_encodable_text_passes_unchanged():
    sample = "部署 CSIRT 人件費 ① → ×"
    assert sample.encode("cp932", errors=streams.HANDLER).decode("cp932") == sample


def test_a_cp932_pipe_in_process(monkeypatch):
    """What Windows gives a redirected program: a strict cp932 text stream on stdout."""
    import io

    from orgdesigner.cli import main

    raw = io.BytesIO()
    pipe = io.TextIOWrapper(raw, encoding="cp932", errors="strict", write_through=True)
    monkeypatch.setattr(sys, "stdout", pipe)
    assert main(["info", MODEL2, "--lang", "ja"]) == 0
    assert main(["budget", MODEL2, "--lang", "ja", "--years", "1"]) == 0
    text = raw.getvalue().decode("cp932")
    assert "グループ CSIRT" in text and "―" in text and "人件費" in text

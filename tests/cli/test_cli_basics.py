"""CLI: templates, new, info, and one-line errors with exit status 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from orgdesigner.cli import main
from orgdesigner.formats import orgd


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_templates_lists_the_ten(capsys):
    code, out, _ = run(capsys, "templates")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert len(ids) == 10 and ids[0] == "model-1"
    code, out, _ = run(capsys, "templates", "--lang", "ja")
    assert "モデル1：大企業" in out


def test_new_and_info(tmp_path, capsys):
    target = tmp_path / "ours.orgd"
    code, out, _ = run(capsys, "new", "--template", "model-2", "-o", str(target))
    assert code == 0 and target.exists()
    assert orgd.load(target).metadata.template == "model-2"
    first = target.read_bytes()
    code, out, err = run(capsys, "new", "--template", "model-1", "-o", str(target))
    assert code == 0 and "previous version kept as ours.orgd.bak" in out  # the one policy
    assert (tmp_path / "ours.orgd.bak").read_bytes() == first
    code, out, _ = run(capsys, "new", "--template", "model-2", "-o", str(target))
    code, out, _ = run(capsys, "info", str(target))
    assert code == 0
    assert "companies: 2" in out and "CSIRT Group CSIRT: 5 members, 2.8 FTE (1.0 dedicated)" in out
    code, out, _ = run(capsys, "info", str(target), "--lang", "ja")
    assert "親会社" in out and "部: 6" in out


@pytest.mark.parametrize("content, message", [
    (b"{", "not valid JSON"),
    (b'{"format": "orgdesigner", "version": 7}', "newer OrgDesigner"),
])
def test_bad_files_one_line_exit_2(tmp_path, capsys, content, message):
    p = tmp_path / "bad.orgd"
    p.write_bytes(content)
    code, _, err = run(capsys, "info", str(p))
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.startswith("orgdesigner: error: ")


def test_errors_for_unknown_template_and_unwritable_target(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "x.orgd"))
    assert code == 2 and "no template 'nope'" in err
    code, _, err = run(capsys, "new", "-o", str(tmp_path / "missing" / "x.orgd"))
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "x.orgd").exists()


def test_python_dash_m_entry_point(tmp_path):
    out = subprocess.run([sys.executable, "-m", "orgdesigner", "templates"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "cert-coordinating" in out.stdout
    out = subprocess.run([sys.executable, "-m", "orgdesigner", "info", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "is a folder" in out.stderr


def test_command_errors_follow_lang(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "x.orgd"),
                       "--lang", "ja")
    assert code == 2 and "テンプレート「nope」はありません" in err
    code, out, _ = run(capsys, "new", "-o", str(tmp_path / "x.orgd"), "--lang", "ja")
    assert code == 0 and "model-1" in out and "既定" in out


def test_internal_errors_are_one_line(monkeypatch, capsys):
    from orgdesigner.cli import templates_cmd

    def broken(ns):
        raise RuntimeError("boom")

    monkeypatch.setattr(templates_cmd, "list_templates", broken)
    code, _, err = run(capsys, "templates", "--lang", "ja")
    assert code == 2 and "内部エラー" in err and "boom" in err and "Traceback" not in err
    code, _, err = run(capsys, "templates")
    assert "internal error: RuntimeError: boom" in err

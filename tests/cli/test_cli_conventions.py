"""CLI conventions (issue 18): unknown commands, no display, stdout/stdin, one overwrite
policy, --quiet on every command, --format json, and what each writing command reports."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import cli
from orgdesigner.cli import build_parser, main
from orgdesigner.cli.display import display_problem
from orgdesigner.formats import orgd
from orgdesigner.paths import resource

ROOT = Path(__file__).resolve().parents[2]
MODEL2 = str(resource("templates", "model-2.orgd"))


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def no_gui(monkeypatch):
    """Fail the test if the desktop app would start; record what it was given."""
    started: list[list[str]] = []
    monkeypatch.setattr(cli, "start_gui", lambda args: started.append(args) or 0)
    return started


def command_names() -> list[str]:
    return cli._commands(build_parser())


# ---- 1. unknown commands, and when the app starts ------------------------------------------

@pytest.mark.parametrize("typo,meant", [("chek", "check"), ("exprot", "export"),
                                        ("templtes", "templates"), ("Budget", "budget")])
def test_a_mistyped_command_is_an_error_with_did_you_mean(capsys, no_gui, typo, meant):
    code, out, err = run(capsys, typo, "design.orgd")
    assert code == 2 and not no_gui and out == ""
    assert err.count("\n") == 1 and f"did you mean {meant!r}" in err


def test_an_unknown_word_lists_the_commands(capsys, no_gui):
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and not no_gui
    assert all(name in err for name in command_names())
    code, _, err = run(capsys, "chek", "--lang", "ja")
    assert code == 2 and "check のことですか" in err


def test_only_bare_or_orgd_files_start_the_app(capsys, no_gui):
    assert run(capsys)[0] == 0
    assert run(capsys, "ours.orgd")[0] == 0
    assert run(capsys, "a.ORGD", "b.orgd")[0] == 0
    assert no_gui == [[], ["ours.orgd"], ["a.ORGD", "b.orgd"]]
    for args in (["ours.json"], ["ours.orgd", "extra"], ["check.orgd.txt"]):
        assert run(capsys, *args)[0] == 2
    assert len(no_gui) == 3


def test_no_display_is_one_line_and_exit_2():
    """The real program, without a display: one line and status 2, never Qt's abort
    (134) or a hang."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    for args in ([], [MODEL2]):
        out = subprocess.run([sys.executable, "-m", "orgdesigner", *args], env=env,
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 2, out.stderr
        assert out.stderr.startswith("orgdesigner: error: no display")
        assert out.stderr.count("\n") == 1 and out.stdout == ""


def test_display_problem_rules(tmp_path):
    linux = "linux"
    assert display_problem({}, linux)
    assert display_problem({"DISPLAY": ""}, linux)
    assert not display_problem({"QT_QPA_PLATFORM": "offscreen"}, linux)
    assert not display_problem({"WAYLAND_DISPLAY": "wayland-0"}, linux)
    assert display_problem({"QT_QPA_PLATFORM": "wayland"}, linux)
    assert display_problem({"DISPLAY": ":9876"}, linux)  # nobody listens there
    assert not display_problem({"DISPLAY": "somehost:0"}, linux)  # remote: Qt's to try
    assert not display_problem({}, "win32") and not display_problem({}, "darwin")


# ---- 5. stdout and stdin ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt,start", [("svg", b"<?xml"), ("dot", b"//"),
                                       ("graphml", b"<?xml"), ("png", b"\x89PNG")])
def test_export_to_stdout(capfdbinary, fmt, start, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["export", MODEL2, "-o", "-", "--format", fmt])
    out = capfdbinary.readouterr()
    assert code == 0 and out.out.startswith(start) and out.err == b""
    assert list(tmp_path.iterdir()) == []


def test_stdout_needs_a_format_and_tables_cannot_go_there(capsys):
    code, _, err = run(capsys, "export", MODEL2, "-o", "-")
    assert code == 2 and "--format" in err


def test_new_and_import_to_stdout_and_commands_read_stdin(capsys, monkeypatch, tmp_path):
    code, design_json, _ = run(capsys, "new", "-t", "model-3", "-o", "-")
    assert code == 0 and json.loads(design_json)["format"] == "orgdesigner"
    for argv, check in (
        (["info", "-", "--format", "json"], lambda o: json.loads(o)["units"]["total"] > 0),
        (["check", "-", "--format", "json"], lambda o: json.loads(o)["schema"]),
        (["budget", "-", "--format", "json"], lambda o: json.loads(o)["total"] > 0),
        (["export", "-", "-o", "-", "-T", "dot"], lambda o: o.startswith("//")),
    ):
        monkeypatch.setattr(sys, "stdin", io.StringIO(design_json))
        code, out, err = run(capsys, *argv)
        assert code in (0, 1) and check(out), (argv, err)
    sheet = tmp_path / "units.csv"
    sheet.write_text("id,name,parent\nceo,社長,\nsec,情報セキュリティ部,ceo\n", "utf-8")
    code, out, _ = run(capsys, "import", str(sheet), "-o", "-")
    assert code == 0 and orgd.loads(out).units["sec"].name == "情報セキュリティ部"


def test_a_broken_stdin_is_one_line(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("{"))
    code, _, err = run(capsys, "info", "-")
    assert code == 2 and "<stdin>" in err and "Traceback" not in err


# ---- 5. one overwrite policy -----------------------------------------------------------------

def writing_commands(tmp_path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Each command that writes: (argv, the files it writes)."""
    sheet = tmp_path / "units.csv"
    sheet.write_text("id,name,parent\nceo,社長,\nsec,情報セキュリティ部,ceo\n", "utf-8")
    return {
        "new": (["new", "-o", "d.orgd"], ["d.orgd"]),
        "import": (["import", str(sheet), "-o", "i.orgd"], ["i.orgd"]),
        "export-svg": (["export", MODEL2, "-o", "c.svg"], ["c.svg"]),
        "export-csv": (["export", MODEL2, "-o", "t.csv"],
                       ["t.csv", "t.companies.csv", "t.flows.csv"]),
        "export-xlsx": (["export", MODEL2, "-o", "t.xlsx"], ["t.xlsx"]),
        "budget": (["budget", MODEL2, "-o", "b.xlsx", "--no-diagram"], ["b.xlsx"]),
    }


@pytest.mark.parametrize("name", ["new", "import", "export-svg", "export-csv", "export-xlsx",
                                  "budget"])
def test_every_writing_command_replaces_and_keeps_a_bak(capsys, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    argv, files = writing_commands(tmp_path)[name]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert all(f in out for f in files)  # every file written is reported
    for f in files:
        (tmp_path / f).write_bytes(b"OLD " + f.encode())
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "previous version kept as" in out
    for f in files:
        assert (tmp_path / f"{f}.bak").read_bytes() == b"OLD " + f.encode()
        assert (tmp_path / f).read_bytes() != b"OLD " + f.encode()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left
    code, out, err = run(capsys, *argv, "--quiet")
    assert code == 0 and out == "" and err == ""


def test_a_failed_write_leaves_the_old_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "c.svg"
    target.write_text("old")
    from orgdesigner.render import export

    def broken(*args, **kwargs):
        raise export.ExportError("boom")

    monkeypatch.setattr(export, "export_diagram", broken)
    code, _, err = run(capsys, "export", MODEL2, "-o", "c.svg")
    assert code == 2 and target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.svg"]


# ---- 5. --quiet, --format json, new's template, citations --------------------------------------

def test_every_command_takes_quiet():
    parser = build_parser()
    for name in command_names():
        sub = next(a for a in parser._actions if hasattr(a, "choices") and a.choices
                   and name in a.choices).choices[name]
        assert any("--quiet" in a.option_strings for a in sub._actions), name


def test_each_command_is_found_in_the_module_the_lazy_table_names():
    """`COMMAND_OF` lets a command import only its module; a command added to a module but
    not to the table (or moved) would make `orgdesigner NAME` an unknown command."""
    assert sorted(cli.COMMAND_OF) == sorted(command_names())
    assert set(cli.COMMAND_OF.values()) == set(cli.COMMAND_MODULES)
    full = {name: sub.format_help() for name, sub in next(
        a for a in build_parser()._actions if hasattr(a, "choices") and a.choices).choices.items()}
    for name in cli.COMMAND_OF:
        alone = next(a for a in build_parser(name)._actions
                     if hasattr(a, "choices") and a.choices).choices
        assert alone[name].format_help() == full[name], name


def test_check_quiet_answers_with_the_status_only(capsys):
    code, out, err = run(capsys, "check", MODEL2, "--quiet", "--fail-on", "warning")
    assert code == 1 and out == "" and err == ""


def test_format_json_for_info_templates_budget(capsys):
    code, out, _ = run(capsys, "templates", "--format", "json", "--lang", "ja")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 10 and rows[0]["name"].startswith("モデル1：大企業")
    assert all(r["source"] and "shared/reference" not in r["source"] for r in rows)
    code, out, _ = run(capsys, "info", MODEL2, "--format", "json")
    info = json.loads(out)
    assert info["units"]["total"] == sum(info["units"]["by_kind"].values())
    assert [c["name"] for c in info["csirts"]] == ["Group CSIRT"]
    assert info["csirts"][0]["fte"] == pytest.approx(2.8)
    code, out, _ = run(capsys, "budget", MODEL2, "--format", "json")
    b = json.loads(out)
    assert b["total"] == sum(y["total"] for y in b["years"]) == sum(
        b["by_category"].values()) + b["contingency"]
    for y in b["years"]:
        assert y["total"] == sum(y["by_category"].values()) + y["contingency"] == sum(
            y["by_expenditure"].values())


def test_templates_cite_the_talk_not_a_repository_path(capsys):
    for lang in ("en", "ja"):
        code, out, _ = run(capsys, "templates", "--lang", lang)
        assert code == 0 and "shared/reference" not in out and "CSIRT models in Japan" in out


def test_new_says_which_template_it_used(capsys, tmp_path):
    code, out, _ = run(capsys, "new", "-o", str(tmp_path / "a.orgd"))
    assert code == 0 and "model-1" in out and "default" in out
    code, out, _ = run(capsys, "new", "-t", "model-4", "-o", str(tmp_path / "b.orgd"))
    assert "model-4" in out and "default" not in out


def test_version_names_the_japanese_font(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and out.startswith("orgdesigner ")
    assert "Japanese font: " in out


def test_no_display_in_japanese_under_a_japanese_locale():
    text = display_problem({"LANG": "ja_JP.UTF-8"}, "linux")
    assert text.startswith("ディスプレイがありません") and "DISPLAY" in text


def test_a_symlink_at_the_backup_name_is_replaced_never_followed(tmp_path, capsys):
    """The command line keeps NAME.bak the way the app's saves do: a link at NAME.bak is
    replaced by the backup, and the file it pointed to is left alone."""
    import os

    from orgdesigner.cli import main

    out = tmp_path / "ours.orgd"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    assert main(["new", "-o", str(out)]) == 0
    os.symlink(victim, tmp_path / "ours.orgd.bak")
    assert main(["new", "--template", "model-2", "-o", str(out)]) == 0
    capsys.readouterr()
    assert victim.read_text(encoding="utf-8") == "keep me"
    bak = tmp_path / "ours.orgd.bak"
    assert not bak.is_symlink() and "model-1" in bak.read_text(encoding="utf-8")

"""Packaging (issue 18): the sdist holds what `make test` needs, the wheel ships resources but
never an untracked .qm, and the wheel installed in a fresh virtual environment outside the
tree runs every command.

Built offline with hatchling (a test extra) and installed without downloads: the fresh
environment gets the wheel itself (`pip install --no-deps --no-index`) and sees the already
installed dependencies through a path file, so the test behaves the same on a machine with
no network and on a fresh CI machine."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    qm = ROOT / "resources" / "translations" / "orgdesigner_ja.qm"
    made_qm = not qm.exists()
    if made_qm:  # an untracked .qm in the tree, as after `make translations`
        qm.write_bytes(b"not shipped")
    try:
        code = ("import sys; from hatchling.build import build_sdist, build_wheel; "
                f"print(build_wheel({str(out)!r})); print(build_sdist({str(out)!r}))")
        built = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                               text=True, timeout=600)
    finally:
        if made_qm:
            qm.unlink()
    assert built.returncode == 0, built.stderr
    wheel_name, sdist_name = built.stdout.split()
    return {"wheel": out / wheel_name, "sdist": out / sdist_name}


def test_sdist_holds_what_make_test_needs(dist):
    names = tarfile.open(dist["sdist"]).getnames()
    top = names[0].split("/")[0]
    for needed in (".ci/system-deps", ".ci/run", "Makefile", "pyproject.toml", "README.md",
                   "LICENSE", "tests/conftest.py", "tests/data/sarif-schema-2.1.0.json",
                   "resources/templates/model-1.orgd", "resources/budget/defaults.json",
                   "resources/translations/orgdesigner_ja.ts",
                   "resources/schemas/check-report.schema.json"):
        assert f"{top}/{needed}" in names, needed
    assert not [n for n in names if n.endswith(".qm") or "__pycache__" in n]


def test_make_test_runs_from_the_unpacked_sdist(dist, tmp_path):
    """`make test` in the unpacked sdist: its recipe resolves (system deps, venv, install,
    translations, pytest) and the system-deps script runs."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    with tarfile.open(dist["sdist"]) as tar:
        if hasattr(tarfile, "data_filter"):  # Python ≥ 3.10.12 / 3.11.4
            tar.extractall(tmp_path, filter="data")
        else:  # our own archive, just built
            tar.extractall(tmp_path)  # noqa: S202
    top = next(tmp_path.iterdir())
    plan = subprocess.run(["make", "-n", "test"], cwd=top, capture_output=True, text=True,
                          timeout=60)
    assert plan.returncode == 0, plan.stderr
    assert "system-deps" in plan.stdout and "pytest" in plan.stdout
    assert "pip install --quiet -e '.[test]'" in plan.stdout
    run = subprocess.run(["make", "-n", "run"], cwd=top, capture_output=True, text=True,
                         timeout=60)
    assert "-e ." in run.stdout and "[test]" not in run.stdout  # the user's command
    deps = subprocess.run(["bash", ".ci/system-deps"], cwd=top, capture_output=True,
                          text=True, timeout=900)
    assert deps.returncode == 0, deps.stderr


def test_wheel_ships_resources_but_no_qm(dist):
    names = zipfile.ZipFile(dist["wheel"]).namelist()
    for needed in ("templates/model-1.orgd", "budget/defaults.json",
                   "translations/orgdesigner_ja.ts", "schemas/check-report.schema.json",
                   "desktop/io.github.orgdesigner.OrgDesigner.desktop",
                   "desktop/io.github.orgdesigner.OrgDesigner.svg"):
        assert f"orgdesigner/resources/{needed}" in names, needed
    assert not [n for n in names if n.endswith(".qm") or "__pycache__" in n]
    meta = zipfile.ZipFile(dist["wheel"]).read("orgdesigner-0.1.0.dist-info/METADATA").decode()
    reqs = [Requirement(line.split(":", 1)[1]) for line in meta.splitlines()
            if line.startswith("Requires-Dist:")]

    def pyside_for(python: str) -> list[str]:
        """The PySide6 requirement pip applies on `python`."""
        return [str(r.specifier) for r in reqs
                if r.name.lower() == "pyside6-essentials"
                and (r.marker is None or r.marker.evaluate({"python_version": python}))]

    assert len(pyside_for("3.11")) == 1 and "<6.12" in pyside_for("3.11")[0]
    assert len(pyside_for("3.12")) == 1 and "<6.12" not in pyside_for("3.12")[0]
    assert len(pyside_for("3.13")) == 1 and "<6.12" not in pyside_for("3.13")[0]


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> dict[str, Path]:
    """A fresh venv outside the tree with only the wheel installed in it."""
    base = tmp_path_factory.mktemp("fresh")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(py), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies already installed here; not their .pth files (the editable install)
    deps = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    Path(purelib, "orgdesigner_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install",
                          "--no-deps", "--no-index", "--quiet", str(dist["wheel"])],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stderr
    work = base / "work"
    work.mkdir()
    return {"python": py, "bin": py.parent, "work": work, "home": base / "home"}


def cli(installed, *args: str, stdin: bytes | None = None, env: dict | None = None):
    """Run the installed console script (`orgdesigner-cli`) from a folder outside the tree."""
    exe = installed["bin"] / ("orgdesigner-cli.exe" if os.name == "nt" else "orgdesigner-cli")
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(installed["home"]),
                   "ORGDESIGNER_HOME": str(installed["home"]), "LANG": "C.UTF-8",
                   "XDG_DATA_HOME": str(installed["home"] / "share"), **(env or {})}
    return subprocess.run([str(exe), *args], cwd=installed["work"], input=stdin,
                          capture_output=True, env=environment, timeout=300)


def test_installed_wheel_runs_every_command(installed):
    where = subprocess.run([str(installed["python"]), "-c",
                            "import orgdesigner; print(orgdesigner.__file__)"],
                           cwd=installed["work"], capture_output=True, text=True)
    assert where.stdout.startswith(str(installed["python"].parent.parent)), where
    ok = [
        ["--version"], ["templates"], ["templates", "--format", "json", "--lang", "ja"],
        ["new", "-t", "model-2", "-o", "d.orgd"], ["info", "d.orgd", "--lang", "ja"],
        ["info", "d.orgd", "--format", "json"],
        ["check", "d.orgd", "--fail-on", "never"], ["check", "d.orgd", "--format", "sarif"],
        ["budget", "d.orgd"], ["budget", "d.orgd", "--format", "json"],
        ["budget", "d.orgd", "-o", "b.xlsx"], ["export", "d.orgd", "-o", "c.svg"],
        ["export", "d.orgd", "-o", "c.png"], ["export", "d.orgd", "-o", "u.csv"],
        ["import", "u.csv", "-o", "back.orgd"], ["install-desktop"],
        ["install-desktop", "--uninstall"],
    ]
    for args in ok:
        out = cli(installed, *args)
        assert out.returncode == 0, (args, out.stderr.decode(errors="replace"))
    work = installed["work"]
    assert {"d.orgd", "b.xlsx", "c.svg", "c.png", "u.csv", "u.flows.csv",
            "back.orgd"} <= {p.name for p in work.iterdir()}
    version = cli(installed, "--version").stdout.decode()
    assert "Japanese font:" in version
    rows = json.loads(cli(installed, "templates", "--format", "json").stdout)
    assert len(rows) == 10  # the templates ship
    checked = cli(installed, "check", "d.orgd", "--format", "json", "--fail-on", "never")
    assert json.loads(checked.stdout)["schema"] == "orgdesigner-check"
    svg = cli(installed, "export", "-", "-o", "-", "-T", "svg",
              stdin=(work / "d.orgd").read_bytes())
    assert svg.returncode == 0 and svg.stdout.lstrip().startswith(b"<?xml")
    typo = cli(installed, "chek", "d.orgd")
    assert typo.returncode == 2 and b"did you mean 'check'" in typo.stderr
    headless = cli(installed, "d.orgd", env={"DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert headless.returncode == 2 and b"no display" in headless.stderr


def test_installed_app_compiles_its_translation(installed):
    """The wheel ships the .ts only; the app compiles it into the user cache at first use."""
    code = ("from orgdesigner.gui.i18n import language; p = language.qm_path('ja'); "
            "print(p); print(p.stat().st_size)")
    out = subprocess.run([str(installed["python"]), "-c", code], cwd=installed["work"],
                         capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                              "ORGDESIGNER_HOME": str(installed["home"])}, timeout=120)
    assert out.returncode == 0, out.stderr
    path, size = out.stdout.split()
    assert path.startswith(str(installed["home"])) and int(size) > 1000

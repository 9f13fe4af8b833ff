"""The package's layers (pyproject.toml, [tool.importlinter]) hold, and the check bites.

The contracts: the Qt-free core (model, formats, render, analysis, budget) never imports
PySide6 or the GUI; gui.canvas imports no panel, dialog or shell; panels and dialogs do not
import the shell. The negative cases copy the package, add one forbidden import and show
that `lint-imports` then names the broken contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd), "NO_COLOR": "1"}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(cwd / "pyproject.toml")],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_layers_hold() -> None:
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "orgdesigner", where / "orgdesigner",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("model/_bad.py", "import PySide6.QtCore\n", "The Qt-free core never imports Qt"),
    ("budget/_bad.py", "from orgdesigner.gui.canvas import scene\n",
     "The Qt-free core never imports Qt"),
    ("gui/canvas/_bad.py", "from orgdesigner.gui.panels import palette\n",
     "The canvas imports no panel"),
    ("gui/canvas/_bad.py", "from orgdesigner.gui.shell import main_window\n",
     "The canvas imports no panel"),
    ("gui/dialogs/_bad.py",
     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from orgdesigner.gui.shell.main_window import MainWindow\n",
     "Panels and dialogs do not import the shell"),
])
def test_a_forbidden_import_breaks_its_contract(package_copy: Path, module: str, line: str,
                                                contract: str) -> None:
    bad = package_copy / "orgdesigner" / module
    bad.write_text(line)
    try:
        out = _lint(package_copy)
    finally:
        bad.unlink()
    assert out.returncode != 0, out.stdout
    broken = [ln for ln in out.stdout.splitlines() if ln.endswith("BROKEN")]
    assert len(broken) == 1 and broken[0].startswith(contract), out.stdout
    assert "_bad" in out.stdout  # the report names the offending module

"""The built wheel carries resources/: an installed package finds its templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_wheel_finds_templates(tmp_path):
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(wheel_dir), str(ROOT)], capture_output=True, text=True,
                           timeout=600)
    assert build.returncode == 0, build.stderr
    wheel = next(wheel_dir.glob("orgdesigner-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "orgdesigner/resources/templates/model-1.orgd" in names
    assert "orgdesigner/resources/translations/orgdesigner_ja.ts" in names  # compiled at run
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import orgdesigner, orgdesigner.templates as t; "
            "print(orgdesigner.__file__); print(len(t.ids())); "
            "print(t.load('model-3').metadata.title)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                         timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(str(target))
    assert lines[1] == "10"
    assert lines[2] == "モデル3：企業グループB【再構成】"

"""The Linux desktop integration (issue 18): the launcher validates, `install-desktop` puts
launcher, icon, AppStream metadata and the .orgd MIME type under the user's XDG folders (and
`--uninstall` takes them away), and the MIME type recognises .orgd files."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgdesigner.cli import main
from orgdesigner.cli.desktop_cmd import APP_ID, FILES, MIME_TYPE, desktop_entry
from orgdesigner.paths import resource

SHIPPED = Path(str(resource("desktop")))


def validate_desktop(path: Path) -> None:
    exe = shutil.which("desktop-file-validate")
    if exe is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_shipped_desktop_file_validates():
    validate_desktop(SHIPPED / f"{APP_ID}.desktop")


def test_install_and_uninstall_for_the_user(tmp_path, monkeypatch, capsys):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    for name, folder in FILES.items():
        installed = home / folder / name
        assert installed.is_file() and str(installed) in out
    launcher = home / "applications" / f"{APP_ID}.desktop"
    validate_desktop(launcher)
    entry = launcher.read_text("utf-8")
    assert f"MimeType={MIME_TYPE};" in entry and f"Icon={APP_ID}" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %F") and "orgdesigner" in exec_line
    assert main(["install-desktop", "--quiet"]) == 0 and capsys.readouterr().out == ""
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not [p for p in home.rglob("*") if p.is_file() and APP_ID in p.name]


def test_exec_line_quotes_paths_with_spaces():
    entry = desktop_entry('"/opt/my apps/bin/orgdesigner"')
    assert 'Exec="/opt/my apps/bin/orgdesigner" %F' in entry
    assert "TryExec=/opt/my apps/bin/orgdesigner" in entry


def test_mime_type_and_metainfo_agree():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(SHIPPED / f"{APP_ID}.mime.xml").getroot()
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == MIME_TYPE
    assert kind.find("m:glob", ns).get("pattern") == "*.orgd"
    meta = ET.parse(SHIPPED / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("provides/mediatype").text == MIME_TYPE
    assert meta.find("launchable").text == f"{APP_ID}.desktop"
    svg = ET.parse(SHIPPED / f"{APP_ID}.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 128 128"


def test_metainfo_validates_when_appstreamcli_exists():
    exe = shutil.which("appstreamcli")
    if exe is None:
        pytest.skip("appstreamcli is not installed")
    out = subprocess.run([exe, "validate", "--no-net", str(SHIPPED / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_installed_mime_database_knows_orgd(tmp_path, monkeypatch, capsys):
    """After install-desktop, shared-mime-info maps *.orgd to our type."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (shared-mime-info)")
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert main(["install-desktop", "-q"]) == 0
    globs = (home / "mime" / "globs2").read_text("utf-8")
    assert f"{MIME_TYPE}:*.orgd" in globs

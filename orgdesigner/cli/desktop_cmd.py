"""`orgdesigner install-desktop [--uninstall]`: put OrgDesigner in the Linux desktop's menu.

Installs, for the current user and under the XDG data folder (`$XDG_DATA_HOME`, default
`~/.local/share`): the .desktop launcher (its Exec line names this installation's
`orgdesigner`), the SVG icon, the AppStream metadata and the `.orgd` MIME type
(application/vnd.orgdesigner+json), then refreshes the MIME and desktop databases when their
tools exist. Nothing needs root; `--uninstall` removes exactly these files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..formats.atomic import atomic_write
from ..paths import resource
from .common import guard, pick, say

APP_ID = "io.github.orgdesigner.OrgDesigner"
MIME_TYPE = "application/vnd.orgdesigner+json"

# resource file → folder under the XDG data home
FILES = {
    f"{APP_ID}.desktop": "applications",
    f"{APP_ID}.svg": "icons/hicolor/scalable/apps",
    f"{APP_ID}.metainfo.xml": "metainfo",
    f"{APP_ID}.mime.xml": "mime/packages",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("install-desktop",
                       help="add OrgDesigner to this user's desktop menu, with its icon and "
                            "the .orgd file type (Linux, XDG)")
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="language of messages")
    p.set_defaults(handler=install_desktop)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value and Path(value).is_absolute() else \
        Path.home() / ".local" / "share"


def launcher() -> str:
    """The Exec line's program: the installed `orgdesigner` script beside this Python (a
    venv's bin/ is not on the menu's PATH), else `python -m orgdesigner`."""
    folder = Path(sys.executable).parent
    for name in ("orgdesigner", "orgdesigner.exe"):
        script = folder / name
        if script.is_file():
            return _quote(str(script))
    found = shutil.which("orgdesigner")
    if found:
        return _quote(found)
    return f"{_quote(sys.executable)} -m orgdesigner"


def _quote(arg: str) -> str:
    """Quoting per the Desktop Entry spec: only when needed, with its escapes."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace(
        "$", "\\$")
    return f'"{escaped}"'


def desktop_entry(program: str) -> str:
    """The shipped .desktop file with this installation's program in Exec and TryExec."""
    text = resource("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={program} %F"
        elif line.startswith("TryExec="):
            first = program.split(" -m ")[0] if " -m " in program else program
            line = f"TryExec={first.strip(chr(34))}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _refresh(home: Path) -> None:
    """Let the desktop see the change; quietly skipped where the tools are missing."""
    for tool, folder in (("update-mime-database", home / "mime"),
                         ("update-desktop-database", home / "applications")):
        exe = shutil.which(tool)
        if exe and folder.is_dir():
            subprocess.run([exe, str(folder)], capture_output=True, timeout=60, check=False)


@guard
def install_desktop(ns: argparse.Namespace) -> int:
    home = data_home()
    targets = {name: home / folder / name for name, folder in FILES.items()}
    if ns.uninstall:
        removed = [p for p in targets.values() if p.exists()]
        for p in removed:
            p.unlink()
        _refresh(home)
        say(ns, pick(ns.lang, f"removed {len(removed)} files from {home}",
                     f"{home} から {len(removed)} 個のファイルを削除しました"))
        return 0
    program = launcher()
    for name, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".desktop"):
            data = desktop_entry(program).encode("utf-8")
        else:
            data = resource("desktop", name).read_bytes()
        atomic_write(target, data)  # copies of shipped files: replaced without a .bak
    _refresh(home)
    say(ns, pick(ns.lang, f"installed the menu entry, icon, AppStream metadata and the .orgd "
                          f"file type ({MIME_TYPE}) under {home}; Exec: {program}",
                 f"メニュー項目・アイコン・AppStream メタデータ・.orgd のファイル形式"
                 f"（{MIME_TYPE}）を {home} に登録しました。起動コマンド: {program}"))
    for target in targets.values():
        say(ns, f"  {target}")
    return 0

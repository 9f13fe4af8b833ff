"""Can the desktop app open a window here? Asked before Qt starts, because without a display
Qt aborts the process (status 134, a core dump) instead of returning an error."""

from __future__ import annotations

import os
import re
import socket
import sys

# Qt platforms that draw without a display server (tests, VNC, kiosk framebuffers).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")
ADVICE = ("the desktop app needs a graphical session; use a command instead "
          "(orgdesigner --help), or set QT_QPA_PLATFORM=offscreen")
ADVICE_JA = ("デスクトップアプリにはグラフィカル環境が必要です。コマンドを使うか"
             "（orgdesigner --help）、QT_QPA_PLATFORM=offscreen を設定してください")


def _x_server_answers(display: str) -> bool:
    """True unless DISPLAY names a local X server whose socket nobody listens on (a remote
    or unusual DISPLAY is left for Qt to try)."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if not match:
        return True
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in (path, "\0" + path):  # the file, then Linux's abstract socket
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(2)
        try:
            sock.connect(address)
            return True
        except OSError:
            continue
        finally:
            sock.close()
    return False


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str:
    """Why no window can open (one line, in Japanese under a Japanese locale), or "" when
    one can (as far as can be told)."""
    env = dict(os.environ) if env is None else env
    reason = _reason(env, platform or sys.platform)
    if reason is None:
        return ""
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    en, ja = reason
    if locale.startswith("ja"):
        return f"ディスプレイがありません（{ja}）。{ADVICE_JA}"
    return f"no display: {en}; {ADVICE}"


def _reason(env: dict[str, str], platform: str) -> tuple[str, str] | None:
    """(English, Japanese) reason no window can open, or None."""
    if platform in ("win32", "darwin", "cygwin"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if qpa in HEADLESS_PLATFORMS:
        return None
    x11, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if qpa.startswith("wayland"):
        return None if wayland else ("WAYLAND_DISPLAY is not set",
                                     "WAYLAND_DISPLAY が設定されていません")
    if qpa == "xcb" or not wayland:
        if not x11:
            return ("neither DISPLAY nor WAYLAND_DISPLAY is set",
                    "DISPLAY も WAYLAND_DISPLAY も設定されていません")
        if not _x_server_answers(x11):
            return (f"no X server answers at DISPLAY={x11}",
                    f"DISPLAY={x11} の X サーバーに接続できません")
    return None

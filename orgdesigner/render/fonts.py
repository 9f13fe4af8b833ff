"""Which installed font draws Japanese, on any platform, without Qt.

Exports (SVG, PNG, PDF via Graphviz) and the canvas must name a font that has Japanese
glyphs, or Japanese names come out as empty boxes. Where fontconfig exists (Linux, and
anywhere `fc-list` is installed) it is asked; otherwise — Windows and macOS have no
fontconfig — the platform's font folders are searched for the font files of the Japanese
families each platform ships or users commonly install. The desktop app may add what Qt's
font database knows (`set_found`), so the app and its exports agree.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PREFERRED = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic",
             "Source Han Sans JP", "TakaoPGothic", "VL PGothic", "Hiragino Sans",
             "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", "MS Gothic",
             "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR", "WenQuanYi Zen Hei",
             "Droid Sans Fallback")

# Font file name (lower case, without suffix) → family name, for platforms without
# fontconfig. Prefixes match whole families of files (weights, .ttc/.otf/.ttf).
FILE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("notosanscjkjp", "Noto Sans CJK JP"), ("notosanscjk", "Noto Sans CJK JP"),
    ("notosansjp", "Noto Sans JP"), ("sourcehansansjp", "Source Han Sans JP"),
    ("sourcehansans", "Source Han Sans JP"), ("ipaexg", "IPAexGothic"), ("ipag", "IPAGothic"),
    ("takaopgothic", "TakaoPGothic"), ("vl-pgothic", "VL PGothic"),
    ("hiraginosans", "Hiragino Sans"), ("ヒラギノ角ゴシック", "Hiragino Sans"),
    ("hiraginokakugothic", "Hiragino Kaku Gothic ProN"),
    ("ヒラギノ角ゴ", "Hiragino Kaku Gothic ProN"),
    ("yugoth", "Yu Gothic"), ("meiryo", "Meiryo"), ("msgothic", "MS Gothic"),
    ("wqy-zenhei", "WenQuanYi Zen Hei"), ("droidsansfallback", "Droid Sans Fallback"),
)
FONT_SUFFIXES = (".ttc", ".otf", ".ttf")


@dataclass(frozen=True)
class FoundFont:
    """A family and how it was found ("fontconfig", "font folders", "Qt")."""

    family: str
    via: str


_override: FoundFont | None = None


def set_found(font: FoundFont | None) -> None:
    """What the desktop app's font database found, when the Qt-free lookup found nothing."""
    global _override
    _override = font
    find_cjk_font.cache_clear()


def font_folders(platform: str | None = None, env: dict[str, str] | None = None) -> list[Path]:
    """The folders where `platform` (default: this one) keeps installed fonts."""
    platform = platform or sys.platform
    env = dict(os.environ) if env is None else env
    home = Path(env.get("HOME") or env.get("USERPROFILE") or "~").expanduser()
    if platform == "win32":
        windir = env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows"
        local = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return [Path(windir) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts",
                Path("/System/Library/AssetsV2")]
    data_home = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    dirs = [data_home / "fonts", home / ".fonts"]
    data_dirs = env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    dirs += [Path(d) / "fonts" for d in data_dirs.split(":") if d]
    return dirs


def family_of_file(name: str) -> str | None:
    """The family a font file belongs to, from its name (`meiryo.ttc` → "Meiryo")."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in FONT_SUFFIXES:
        return None
    key = stem.lower().replace(" ", "").replace("_", "")
    for prefix, family in FILE_FAMILIES:
        if key.startswith(prefix):
            return family
    return None


def families_in_folders(folders: list[Path], limit: int = 20000) -> set[str]:
    """The known Japanese families whose files lie in `folders` (searched recursively; at
    most `limit` files, so a huge font collection cannot stall the start)."""
    found: set[str] = set()
    seen = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for _dirpath, _dirs, files in os.walk(folder):
            for name in files:
                seen += 1
                family = family_of_file(name)
                if family:
                    found.add(family)
                if seen >= limit:
                    return found
    return found


def fontconfig_families() -> set[str] | None:
    """Families fontconfig says draw Japanese; None without fontconfig."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, ":lang=ja", "family"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {n.strip() for line in out.splitlines() for n in line.split(",") if n.strip()}


def best_family(families: set[str]) -> str | None:
    """The preferred Japanese sans-serif among `families`, else any sans, else any."""
    for name in PREFERRED:
        if name in families:
            return name
    sans = sorted(f for f in families if "sans" in f.lower() and "mono" not in f.lower())
    return (sans or sorted(families) or [None])[0]


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> FoundFont | None:
    """The font for Japanese labels and how it was found; None when there is none."""
    families = fontconfig_families()
    if families:
        family = best_family(families)
        if family:
            return FoundFont(family, "fontconfig")
    family = best_family(families_in_folders(font_folders()))
    if family:
        return FoundFont(family, "font folders")
    return _override


def describe(lang: str = "en") -> str:
    """One line for `--version`: the Japanese font and how it was found."""
    found = find_cjk_font()
    if found is None:
        return ("Japanese font: none found (install fonts-noto-cjk)" if lang == "en" else
                "日本語フォント: 見つかりません（fonts-noto-cjk をインストールしてください）")
    via = {"fontconfig": "fontconfig", "font folders": "フォントフォルダー", "Qt": "Qt"}
    if lang == "en":
        return f"Japanese font: {found.family} (via {found.via})"
    return f"日本語フォント: {found.family}（{via.get(found.via, found.via)} で検出）"

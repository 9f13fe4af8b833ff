"""Japanese font discovery without fontconfig (issue 18): Windows and macOS have no
`fc-list`; their font folders are searched instead, and --version names the font."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner.render import fonts


@pytest.fixture(autouse=True)
def fresh_cache():
    fonts.find_cjk_font.cache_clear()
    yield
    fonts.set_found(None)
    fonts.find_cjk_font.cache_clear()


@pytest.mark.parametrize("name,family", [
    ("meiryo.ttc", "Meiryo"), ("YuGothM.ttc", "Yu Gothic"), ("msgothic.ttc", "MS Gothic"),
    ("ヒラギノ角ゴシック W3.ttc", "Hiragino Sans"), ("NotoSansCJK-Regular.ttc", "Noto Sans CJK JP"),
    ("NotoSansCJKjp-Bold.otf", "Noto Sans CJK JP"), ("ipaexg.ttf", "IPAexGothic"),
    ("arial.ttf", None), ("meiryo.txt", None),
])
def test_family_of_file(name, family):
    assert fonts.family_of_file(name) == family


def test_platform_font_folders():
    win = fonts.font_folders("win32", {"WINDIR": r"C:\Windows",
                                       "LOCALAPPDATA": r"C:\U\AppData\Local"})
    assert str(win[0]).endswith("Fonts") and "Microsoft" in str(win[1])
    mac = fonts.font_folders("darwin", {"HOME": "/Users/a"})
    assert Path("/System/Library/Fonts") in mac and Path("/Users/a/Library/Fonts") in mac
    linux = fonts.font_folders("linux", {"HOME": "/home/a", "XDG_DATA_DIRS": "/usr/share"})
    assert Path("/home/a/.local/share/fonts") in linux and Path("/usr/share/fonts") in linux


def test_without_fc_list_the_font_folders_are_searched(tmp_path, monkeypatch):
    """What Windows sees: no fc-list, a Fonts folder with Meiryo and MS Gothic."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("arial.ttf", "msgothic.ttc", "meiryo.ttc"):
        (folder / name).write_bytes(b"")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "font_folders", lambda *a, **k: [folder])
    found = fonts.find_cjk_font()
    assert found == fonts.FoundFont("Meiryo", "font folders")  # preferred over MS Gothic
    from orgdesigner.render import style

    assert style.font_family() == "Meiryo"
    assert "Meiryo" in fonts.describe("en") and "Meiryo" in fonts.describe("ja")


def test_nothing_found_falls_back_to_what_qt_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "font_folders", lambda *a, **k: [tmp_path])
    assert fonts.find_cjk_font() is None
    assert "none found" in fonts.describe("en")
    fonts.set_found(fonts.FoundFont("Yu Gothic", "Qt"))
    assert fonts.find_cjk_font() == fonts.FoundFont("Yu Gothic", "Qt")


def test_best_family_prefers_japanese_sans():
    assert fonts.best_family({"WenQuanYi Zen Hei", "IPAGothic", "Foo Serif"}) == "IPAGothic"
    assert fonts.best_family({"B Serif", "A Sans"}) == "A Sans"
    assert fonts.best_family(set()) is None

"""Settings: defaults, round trip, recent files, and surviving a bad settings file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from orgdesigner import paths
from orgdesigner.formats.atomic import WriteError
from orgdesigner.settings import (
    MAX_RECENT,
    SCHEMA,
    Settings,
    load_settings,
    save_settings,
    settings_path,
    system_language,
)


def test_settings_live_in_the_config_dir():
    assert settings_path() == paths.config_dir() / "settings.json"


def test_missing_file_gives_defaults_without_warnings():
    s = load_settings()
    assert s.currency == "JPY" and s.autosave_interval_s == 60
    assert s.recent_files == [] and s.role_rates == {} and s.cost_model == {}
    assert s.warnings == []
    assert not settings_path().exists()


def test_round_trip_keeps_every_field(tmp_path: Path):
    f = tmp_path / "設計.orgd"
    f.write_text("{}", encoding="utf-8")
    s = Settings(language="ja", currency="usd", role_rates={"アナリスト": 9_000_000},
                 cost_model={"bonus_months": Decimal("4.5")}, autosave_interval_s=120)
    s.currency = "USD"
    s.add_recent(f)
    save_settings(s)
    data = json.loads(settings_path().read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    back = load_settings()
    assert back == s
    assert back.cost_model == {"bonus_months": Decimal("4.5")}
    assert back.recent_files == [str(f)]
    assert back.warnings == []


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]",
                                     b'{"language": "en"}', b'{"schema": "one"}'])
def test_corrupt_file_is_backed_up_and_defaults_used(content: bytes):
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content)
    s = load_settings()
    assert s == Settings(language=s.language)
    assert len(s.warnings) == 1 and "backed up" in s.warnings[0]
    backups = list(p.parent.glob("settings.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert str(backups[0]) in s.warnings[0]
    # the corrupt file is replaced by readable defaults, so the next start is quiet
    again = load_settings()
    assert again.warnings == []


def test_newer_schema_is_backed_up_not_misread():
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps({"schema": SCHEMA + 1, "currency": "EUR"}), encoding="utf-8")
    s = load_settings()
    assert s.currency == "JPY"
    assert "newer OrgDesigner" in s.warnings[0]
    assert len(list(p.parent.glob("settings.json.corrupt-*"))) == 1


def test_two_corrupt_files_in_the_same_second_keep_both_backups():
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    for content in (b"{bad one", b"{bad two"):
        p.write_bytes(content)
        load_settings()
    backups = sorted(b.read_bytes() for b in p.parent.glob("settings.json.corrupt-*"))
    assert backups == [b"{bad one", b"{bad two"]


def test_one_bad_value_falls_back_alone(tmp_path: Path):
    f = tmp_path / "a.orgd"
    f.write_text("{}")
    p = settings_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps({"schema": 1, "autosave_interval_s": -5, "currency": "EUR",
                             "cost_model": {"bonus_months": "abc"},
                             "recent_files": [str(f)]}))
    s = load_settings()
    assert s.currency == "EUR" and s.recent_files == [str(f)]
    assert s.autosave_interval_s == 60 and s.cost_model == {}
    assert len(s.warnings) == 2
    assert any("autosave_interval_s" in w for w in s.warnings)
    assert not list(p.parent.glob("settings.json.corrupt-*"))


def test_recent_files_most_recent_first_unique_capped_and_existing(tmp_path: Path):
    files = []
    for i in range(MAX_RECENT + 3):
        f = tmp_path / f"d{i}.orgd"
        f.write_text("{}")
        files.append(f)
    s = Settings()
    for f in files:
        s.add_recent(f)
    s.add_recent(files[5])
    assert s.recent_files[0] == str(files[5])
    assert len(s.recent_files) == MAX_RECENT
    assert len(set(s.recent_files)) == MAX_RECENT
    assert s.recent_files[1] == str(files[-1])
    save_settings(s)
    files[-1].unlink()
    back = load_settings()
    assert str(files[-1]) not in back.recent_files
    assert back.recent_files[0] == str(files[5])
    assert back.existing_recent() == [Path(r) for r in back.recent_files]


def test_save_refuses_invalid_values_and_leaves_file_alone():
    save_settings(Settings(currency="EUR"))
    before = settings_path().read_bytes()
    with pytest.raises(WriteError, match="autosave_interval_s"):
        save_settings(Settings(autosave_interval_s=3))
    with pytest.raises(WriteError, match="cost_model"):
        save_settings(Settings(cost_model={"welfare_rate": Decimal("-1")}))
    assert settings_path().read_bytes() == before
    assert not [p for p in settings_path().parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("env,expected", [
    ({"LC_ALL": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja_JP.eucJP"}, "ja"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
])
def test_language_follows_the_system_locale(monkeypatch, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert system_language() == expected
    assert load_settings().language == expected

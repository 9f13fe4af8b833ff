"""Shared test setup: no test touches the user's real folders, and Qt runs offscreen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Settings, recent files and autosaves go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("orgdesigner-home")
    monkeypatch.setenv("ORGDESIGNER_HOME", str(home))
    yield home

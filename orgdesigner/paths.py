"""Where things live: shipped resources (inside the wheel) and the user's folders.

User folders come from platformdirs, the maintained successor of appdirs. The environment
variable ORGDESIGNER_HOME moves all of them under one folder (tests and portable installs).
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP = "OrgDesigner"


def resource_root() -> Traversable:
    """The shipped `resources/` folder.

    In a wheel it is `orgdesigner/resources`; in a source checkout or editable install it
    is the top-level `resources/` beside the package.
    """
    packaged = resources.files("orgdesigner").joinpath("resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Traversable:
    node = resource_root()
    for part in parts:
        node = node.joinpath(part)
    return node


def _home() -> Path | None:
    value = os.environ.get("ORGDESIGNER_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def autosave_dir() -> Path:
    return data_dir() / "autosave"

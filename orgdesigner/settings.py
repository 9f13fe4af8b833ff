"""User settings (no Qt): language, default currency, budget rates, autosave, recent files.

Stored as JSON in `paths.config_dir()/settings.json` with a schema version. A settings file
must never stop the app from starting: a file that cannot be parsed, is not an object, or was
written by a newer schema is moved aside to `settings.json.corrupt-<timestamp>` and defaults
are used, with a warning the GUI shows. A single bad value only falls back to its default
(with a warning), so one typo does not cost the user their recent files.
"""

from __future__ import annotations

import json
import locale
import os
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import paths
from .formats.atomic import WriteError, atomic_write
from .formats.safe_read import ReadRefused, read_capped
from .messages import message_of, msg
from .model.limits import RANGES

SCHEMA = 1
FILE_NAME = "settings.json"
MAX_RECENT = 10
MAX_BYTES = 1024 * 1024
LANGUAGES = ("en", "ja")
DEFAULT_AUTOSAVE_S = 60
#: 0 turns autosave off; otherwise between 10 s and a day.
AUTOSAVE_RANGE = (10, 24 * 3600)


def system_language() -> str:
    """"ja" when the user's locale is Japanese, otherwise "en"."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX"):
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "ja" if name.lower().startswith("ja") else "en"


@dataclass
class Settings:
    language: str = field(default_factory=system_language)
    currency: str = "JPY"
    #: Annual base pay per role in yen (12 months, before bonus); only roles that differ
    #: from the shipped budget defaults need to be here (empty = use the defaults).
    role_rates: dict[str, int] = field(default_factory=dict)
    #: Cost-model inputs that differ from the shipped defaults (bonus_months, welfare_rate,
    #: office_per_head, pay_rise, contingency, tax_rate, depreciation_years).
    cost_model: dict[str, Decimal] = field(default_factory=dict)
    autosave_interval_s: int = DEFAULT_AUTOSAVE_S
    recent_files: list[str] = field(default_factory=list)
    #: One-time notices the user has already seen (e.g. "cjk-font-missing").
    notices_shown: list[str] = field(default_factory=list)
    #: Problems met while loading, for the GUI to show; never saved.
    warnings: list[str] = field(default_factory=list, compare=False)

    def add_recent(self, path: str | os.PathLike) -> None:
        """Put `path` first in the recent list (absolute, no duplicates, at most MAX_RECENT)."""
        p = str(Path(path).expanduser().absolute())
        rest = [r for r in self.recent_files if r != p]
        self.recent_files = [p, *rest][:MAX_RECENT]

    def remove_recent(self, path: str | os.PathLike) -> None:
        p = str(Path(path).expanduser().absolute())
        self.recent_files = [r for r in self.recent_files if r != p]

    def existing_recent(self) -> list[Path]:
        """Recent files that still exist, most recent first."""
        return [Path(r) for r in self.recent_files if Path(r).is_file()]

    def to_data(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "language": self.language,
            "currency": self.currency,
            "role_rates": dict(self.role_rates),
            "cost_model": {k: str(v) for k, v in self.cost_model.items()},
            "autosave_interval_s": self.autosave_interval_s,
            "recent_files": list(self.recent_files),
            "notices_shown": list(self.notices_shown),
        }


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


# ---- per-field validation: each returns the clean value or raises ValueError ------------

def _language(v: Any) -> str:
    if v not in LANGUAGES:
        raise ValueError(msg("settings.bad_language", value=v, langs=", ".join(LANGUAGES)))
    return v


def _currency(v: Any) -> str:
    if not isinstance(v, str) or not (3 <= len(v.strip()) <= 8) or not v.strip().isalpha():
        raise ValueError(msg("settings.bad_currency", value=v))
    return v.strip().upper()


def _role_rates(v: Any) -> dict[str, int]:
    if not isinstance(v, dict):
        raise ValueError(msg("settings.rates_not_object"))
    out: dict[str, int] = {}
    for role, rate in v.items():
        if not role.strip():
            raise ValueError(msg("settings.empty_role"))
        if isinstance(rate, bool) or not isinstance(rate, int) or rate < 0 or \
                rate > RANGES["role_rate"].high:  # the range a design's own rates have
            raise ValueError(msg("settings.bad_rate", role=role, rate=rate))
        out[role.strip()] = rate
    return out


def parse_cost_model(v: Any) -> dict[str, Decimal]:
    """Cost-model inputs, each within the range the design's own fields accept."""
    from .model.fields import BUDGET_LIMITS

    if not isinstance(v, dict):
        raise ValueError(msg("settings.not_object"))
    out: dict[str, Decimal] = {}
    for key, value in v.items():
        if key not in BUDGET_LIMITS or key == "soc_price":
            continue  # a name this version does not know: ignored, as unknown settings are
        if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
            raise ValueError(msg("settings.not_number", value=value))
        try:
            d = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(msg("settings.not_number", value=value)) from None
        if not d.is_finite() or not (0 <= d <= BUDGET_LIMITS[key]):
            raise ValueError(msg("settings.value_range", value=value, high=BUDGET_LIMITS[key]))
        out[key] = d
    return out


def _interval(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(msg("settings.not_seconds", value=v))
    if v != 0 and not (AUTOSAVE_RANGE[0] <= v <= AUTOSAVE_RANGE[1]):
        raise ValueError(msg("settings.interval_range", value=v, low=AUTOSAVE_RANGE[0],
                               high=AUTOSAVE_RANGE[1]))
    return v


def _recent(v: Any) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError(msg("settings.not_paths"))
    out: list[str] = []
    for x in v:
        if x and x not in out and Path(x).is_file():
            out.append(x)
    return out[:MAX_RECENT]


def _notices(v: Any) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError(msg("settings.not_notices"))
    return list(dict.fromkeys(x for x in v if x.strip()))


_FIELDS = {
    "language": _language,
    "currency": _currency,
    "role_rates": _role_rates,
    "cost_model": parse_cost_model,
    "autosave_interval_s": _interval,
    "recent_files": _recent,
    "notices_shown": _notices,
}


# ---- load / save --------------------------------------------------------------------------

class _Corrupt(Exception):
    pass


def _read(path: Path) -> dict[str, Any]:
    try:
        try:  # a device or FIFO in its place is refused, and the read capped
            raw = read_capped(path, MAX_BYTES)
        except ReadRefused as exc:
            raise _Corrupt(msg("settings.too_large", size=MAX_BYTES // 1024) if exc.size
                           else exc.message) from None
        text = raw.decode("utf-8")
        data = json.loads(text)
    except UnicodeDecodeError:
        raise _Corrupt(msg("settings.not_utf8")) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise _Corrupt(msg("settings.not_json", detail=getattr(exc, "msg", "nested too deeply"))) \
            from None
    if not isinstance(data, dict):
        raise _Corrupt(msg("settings.not_object"))
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise _Corrupt(msg("settings.bad_schema", schema=schema))
    if schema > SCHEMA:
        raise _Corrupt(msg("settings.newer", schema=schema, supported=SCHEMA))
    return data


def _backup(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Read the settings; never raises for a bad file (see the module docstring)."""
    p = Path(path) if path is not None else settings_path()
    settings = Settings()
    try:
        data = _read(p)
    except FileNotFoundError:
        return settings
    except _Corrupt as exc:
        try:
            moved = _backup(p)
            where = msg("settings.backed_up", path=moved)
        except OSError as err:
            where = msg("settings.not_backed_up", reason=err.strerror or str(err))
        settings.warnings.append(msg("settings.corrupt", path=p, reason=message_of(exc),
                                     where=where))
        try:
            save_settings(settings, p)
        except WriteError as err:
            settings.warnings.append(msg("settings.defaults_not_written", detail=message_of(err)))
        return settings
    except OSError as exc:
        settings.warnings.append(msg("settings.unreadable", path=p,
                                     reason=exc.strerror or str(exc)))
        return settings
    for name, clean in _FIELDS.items():
        if name not in data:
            continue
        try:
            setattr(settings, name, clean(data[name]))
        except (ValueError, AttributeError) as exc:
            settings.warnings.append(msg("settings.bad_value", name=name, path=p,
                                         detail=message_of(exc),
                                         default=getattr(Settings(), name)))
    return settings


def save_settings(settings: Settings, path: str | os.PathLike | None = None) -> None:
    """Write atomically; raises `WriteError` with a one-line reason if it cannot."""
    p = Path(path) if path is not None else settings_path()
    for name, clean in _FIELDS.items():
        if name != "recent_files":
            try:
                clean(getattr(settings, name))
            except (ValueError, AttributeError) as exc:
                raise WriteError(msg("settings.cannot_save", name=name,
                                     detail=message_of(exc))) from None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(msg("settings.folder_error", path=p.parent,
                             reason=exc.strerror or str(exc))) from None
    text = json.dumps(settings.to_data(), ensure_ascii=False, indent=2) + "\n"
    atomic_write(p, text)


def remember_file(path: str | os.PathLike) -> Settings:
    """Load, add `path` to the recent files, save; a failed save is not an error for the
    caller (recent files are a convenience), so it becomes a warning."""
    settings = load_settings()
    settings.add_recent(path)
    try:
        save_settings(settings)
    except WriteError as exc:
        settings.warnings.append(msg("settings.recent_not_saved", detail=message_of(exc)))
    return settings

"""Shared helpers for commands: loading designs with one-line errors, writing outputs."""

from __future__ import annotations

import sys

from ..formats import orgd
from ..formats.atomic import WriteError
from ..model import Design, ModelError


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def pick(lang: str, en: str, ja: str) -> str:
    """The `--lang` version of a sentence a command prints."""
    return ja if lang == "ja" else en


def fail(message: str, status: int = 2) -> int:
    print(f"orgdesigner: error: {message}", file=sys.stderr)
    return status


def load_design(path: str) -> Design:
    try:
        return orgd.load(path)
    except orgd.LoadError as exc:
        lines = exc.lines()
        for extra in lines[1:20]:
            print(f"  {extra}", file=sys.stderr)
        if len(lines) > 20:
            print(f"  … {len(lines) - 20} more", file=sys.stderr)
        raise CliError(str(exc)) from None


def save_design(design: Design, path: str) -> None:
    try:
        orgd.save(design, path)
    except WriteError as exc:
        raise CliError(f"cannot write {exc}") from None


def guard(fn):  # type: ignore[no-untyped-def]
    """Turn model and OS errors inside a handler into one-line CLI errors."""

    def wrapper(ns):  # type: ignore[no-untyped-def]
        try:
            return fn(ns)
        except BrokenPipeError:
            raise
        except WriteError as exc:
            raise CliError(f"cannot write {exc}") from None
        except ModelError as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:
            name = getattr(exc, "filename", "") or ""
            raise CliError(f"{name}: {exc.strerror or exc}" if name else str(exc)) from None

    return wrapper

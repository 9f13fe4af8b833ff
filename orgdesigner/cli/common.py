"""Shared helpers for commands: loading designs with one-line errors, writing outputs."""

from __future__ import annotations

import gc
import sys

from ..formats import orgd
from ..formats.atomic import WriteError
from ..messages import exc_text
from ..model import Design, ModelError


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def pick(lang: str, en: str, ja: str) -> str:
    """The `--lang` version of a sentence a command prints."""
    return ja if lang == "ja" else en


def fail(message: str, status: int = 2) -> int:
    print(f"orgdesigner: error: {message}", file=sys.stderr)
    return status


def say(ns: object, text: str, *, err: bool = False) -> None:
    """A confirmation, warning or note: printed unless `--quiet`."""
    if not getattr(ns, "quiet", False):
        print(text, file=sys.stderr if err else sys.stdout)


STDIN = "-"
#: From this many units on, a loaded design is moved out of the garbage collector's sight.
GC_FREEZE_UNITS = 2_000


def load_design(path: str, lang: str = "en") -> Design:
    """The design at `path` (`-`: read from stdin); its problems (in `lang`) on stderr and a
    CliError if it cannot be read."""
    try:
        if path == STDIN:
            design = orgd.loads(getattr(sys.stdin, "buffer", sys.stdin).read(), "<stdin>")
        else:
            design = orgd.load(path)
        # a large design lives as long as the command: keep the cyclic garbage collector
        # from walking its hundreds of thousands of objects again at every collection (a
        # 5,000-unit group's options and comparisons spent ~15 % of their time there)
        if len(design.units) >= GC_FREEZE_UNITS:
            gc.freeze()
        return design
    except orgd.LoadError as exc:
        lines = exc.lines(lang)
        for extra in lines[1:20]:
            print(f"  {extra}", file=sys.stderr)
        if len(lines) > 20:
            print(pick(lang, f"  … {len(lines) - 20} more", f"  …ほか {len(lines) - 20} 件"),
                  file=sys.stderr)
        raise CliError(exc.text(lang)) from None


def cannot_write(exc: WriteError, lang: str = "en") -> CliError:
    return CliError(pick(lang, f"cannot write {exc}", f"書き込めません: {exc.text(lang)}"))


def guard(fn):  # type: ignore[no-untyped-def]
    """Turn model and OS errors inside a handler into one-line CLI errors."""

    def wrapper(ns):  # type: ignore[no-untyped-def]
        lang = getattr(ns, "lang", "en")  # commands with --lang word their errors in it
        try:
            return fn(ns)
        except BrokenPipeError:
            raise
        except WriteError as exc:
            raise cannot_write(exc, lang) from None
        except ModelError as exc:
            raise CliError(exc_text(exc, lang)) from None
        except OSError as exc:
            name = getattr(exc, "filename", "") or ""
            raise CliError(f"{name}: {exc.strerror or exc}" if name else str(exc)) from None

    return wrapper

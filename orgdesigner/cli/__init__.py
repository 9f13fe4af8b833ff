"""The command line: `orgdesigner COMMAND …`, or `orgdesigner [FILE]` to start the GUI.

Each command lives in its own module with `register(subparsers)`; the module's handler
returns an exit status. Errors print one clear line on stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .. import __version__
from .common import CliError, fail

# Modules that register subcommands, in the order `--help` lists them.
COMMAND_MODULES = [
    "orgdesigner.cli.templates_cmd",
    "orgdesigner.cli.info_cmd",
    "orgdesigner.cli.check_cmd",
    "orgdesigner.cli.budget_cmd",
    "orgdesigner.cli.import_cmd",
    "orgdesigner.cli.export_cmd",
    "orgdesigner.cli.deck_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description="Design where the CSIRT sits, with what authority, and what it costs. "
                    "Run without a command (or with a .orgd file) to start the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"orgdesigner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args or (args[0] not in _commands(parser) and not args[0].startswith("-")):
        return start_gui(args)
    try:
        ns = parser.parse_args(args)
        if ns.command is None:
            parser.print_help()
            return 0
        return int(ns.handler(ns) or 0)
    except CliError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail(_pick(args, "interrupted", "中断しました"), status=130)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, with a way to get the details
        if os.environ.get("ORGDESIGNER_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {exc}"
        return fail(_pick(args, f"internal error: {detail} (set ORGDESIGNER_DEBUG=1 for "
                                "details, and please report it)",
                          f"内部エラー：{detail}（詳細は ORGDESIGNER_DEBUG=1 を設定して再実行し、"
                          "ご報告ください）"))


def _pick(args: list[str], en: str, ja: str) -> str:
    """`--lang ja` read from the raw arguments, for errors raised before or outside a command."""
    pairs = zip(args, args[1:], strict=False)
    wants_ja = "--lang=ja" in args or any(a == "--lang" and b == "ja" for a, b in pairs)
    return ja if wants_ja else en


def start_gui(args: list[str]) -> int:
    try:
        from ..gui.app import run
    except ImportError as exc:
        return fail(f"the desktop app cannot start: {exc}. Install the Qt dependencies "
                    "(pip install PySide6-Essentials) and the system libraries in README.md.")
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

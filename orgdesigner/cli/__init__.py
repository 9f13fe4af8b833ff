"""The command line: `orgdesigner COMMAND …`, or `orgdesigner [FILE.orgd]` to start the GUI.

Each command lives in its own module with `register(subparsers)`; the module's handler
returns an exit status. To add a command, add its module to COMMAND_MODULES. Every command
gets `-q/--quiet` (added here when its module does not). Errors print one clear line on
stderr and exit 2, never a traceback. Only a bare `orgdesigner` or `orgdesigner FILE.orgd`
starts the desktop app; any other word is an unknown command (with a "did you mean").
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from collections.abc import Sequence

from .. import __version__
from . import streams
from .common import CliError, fail
from .display import display_problem

# Modules that register subcommands, in the order `--help` lists them.
COMMAND_MODULES = [
    "orgdesigner.cli.templates_cmd",
    "orgdesigner.cli.info_cmd",
    "orgdesigner.cli.check_cmd",
    "orgdesigner.cli.budget_cmd",
    "orgdesigner.cli.import_cmd",
    "orgdesigner.cli.export_cmd",
    "orgdesigner.cli.desktop_cmd",
    "orgdesigner.cli.compare_cmd",
    "orgdesigner.cli.propose_cmd",
    "orgdesigner.cli.deck_cmd",
]
#: Which module registers each command, so a command's run imports only its own module
#: (all of them took half a second before any work began); `--help`, a typo and the
#: app's start still build the whole parser. tests/cli check it against the modules.
COMMAND_OF = {
    "templates": "orgdesigner.cli.templates_cmd",
    "new": "orgdesigner.cli.templates_cmd",
    "info": "orgdesigner.cli.info_cmd",
    "check": "orgdesigner.cli.check_cmd",
    "budget": "orgdesigner.cli.budget_cmd",
    "import": "orgdesigner.cli.import_cmd",
    "export": "orgdesigner.cli.export_cmd",
    "install-desktop": "orgdesigner.cli.desktop_cmd",
    "compare": "orgdesigner.cli.compare_cmd",
    "propose": "orgdesigner.cli.propose_cmd",
    "deck": "orgdesigner.cli.deck_cmd",
}


class VersionAction(argparse.Action):
    """`--version`: the version, Python and Qt, and the font Japanese labels use (looked up
    only when asked: a font search does not belong in every command's start)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, namespace: object, values: object,
                 option_string: str | None = None) -> None:
        import platform
        from importlib import metadata

        from ..render.fonts import describe

        try:
            qt = metadata.version("PySide6-Essentials")
        except metadata.PackageNotFoundError:
            qt = "not installed"
        print(f"orgdesigner {__version__}")
        print(f"Python {platform.python_version()}, PySide6 {qt}")
        print(describe("en"))
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (`only`: a command's name) one with just that command."""
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description="Design where the CSIRT sits, with what authority, and what it costs. "
                    "Run without a command (or with a .orgd file) to start the desktop app.",
        epilog="Every command: a design argument '-' reads stdin, '-o -' writes stdout; a "
               "file that is written replaces an existing one and keeps it as NAME.bak; "
               "-q/--quiet prints only what was asked for; errors are one line, exit 2.",
    )
    parser.add_argument("--version", action=VersionAction,
                        help="show the version and the font used for Japanese, and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [COMMAND_OF[only]] if only else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():
        _add_quiet(command)
    return parser


def _add_quiet(command: argparse.ArgumentParser) -> None:
    if any("--quiet" in a.option_strings for a in command._actions):
        return
    command.add_argument("-q", "--quiet", action="store_true",
                         help="print only what was asked for: no confirmations, notes or "
                              "warnings")


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    """The command names, in the order `--help` lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    streams.setup()
    parser = build_parser(args[0] if args and args[0] in COMMAND_OF else None)
    commands = _commands(parser)
    if not args or (args[0] not in commands and not args[0].startswith("-")):
        if all(a.lower().endswith(".orgd") for a in args if not a.startswith("-")):
            return start_gui(args)
        return fail(unknown_command(args, commands))
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


def unknown_command(args: list[str], commands: list[str]) -> str:
    """The one line for `orgdesigner chek …`: the closest command, or what does exist."""
    word = args[0]
    close = difflib.get_close_matches(word.lower(), commands, n=1, cutoff=0.6)
    listed = ", ".join(commands)
    if close:
        return _pick(args, f"unknown command {word!r}; did you mean {close[0]!r}? "
                           f"(commands: {listed})",
                     f"「{word}」というコマンドはありません。{close[0]} のことですか？"
                     f"（コマンド: {listed}）")
    return _pick(args, f"unknown command {word!r} (commands: {listed}; a design opens in the "
                       "app with: orgdesigner FILE.orgd)",
                 f"「{word}」というコマンドはありません（コマンド: {listed}。"
                 "設計ファイルをアプリで開くには orgdesigner FILE.orgd）")


def start_gui(args: list[str]) -> int:
    problem = display_problem()
    if problem:
        return fail(problem)
    try:
        from ..gui.shell.app import run
    except ImportError as exc:
        return fail(f"the desktop app cannot start: {exc}. Install the Qt dependencies "
                    "(pip install PySide6-Essentials) and the system libraries in README.md.")
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

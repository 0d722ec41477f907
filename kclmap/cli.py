"""``kclmap`` command line: parse arguments, call the packages, turn errors into one line.

Only this module turns errors into one stderr line and chooses exit codes: 0 success, 1 some
input could not be resolved or processed (the rest was; with ``--strict``, nothing written),
2 bad input or usage (argparse's errors too, on one line), 3 an unexpected internal error,
130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from gazetteer.errors import KclmapError
from kclmap import __version__
from kclmap.commands import COMMANDS

__all__ = ["build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one stderr line (exit 2), like kclmap's own."""

    def error(self, message: str) -> NoReturn:
        """Print ``prog: error: message (see prog --help)`` on one line and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per entry of :data:`COMMANDS`."""
    parser = _Parser(
        prog="kclmap",
        description="Map security incidents in northern Iraq from news articles, offline.",
    )
    parser.add_argument("--version", action="version", version=f"kclmap {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (configure, _run, help_text) in COMMANDS.items():
        configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already printed
        return done.code if isinstance(done.code, int) else 0 if done.code is None else 2
    _configure, run, _help = COMMANDS[args.command]
    try:
        return run(args)
    except KclmapError as err:
        print(f"kclmap {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kclmap {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except UnicodeDecodeError as err:  # a safety net: readers should name the file themselves
        print(
            f"kclmap {args.command}: error: an input file is not {err.encoding} text "
            f"({err.reason} at byte {err.start}); save it as UTF-8",
            file=sys.stderr,
        )
        return 2
    except OSError as err:  # a disk full, a folder that became read-only, a path too long...
        where = f" {str(err.filename)!r}" if err.filename else ""
        print(
            f"kclmap {args.command}: error: cannot read or write{where}: "
            f"{err.strerror or type(err).__name__}",
            file=sys.stderr,
        )
        return 2
    except Exception as err:  # one line, never a traceback, unless debugging
        if os.environ.get("KCLMAP_DEBUG"):
            raise
        print(
            f"kclmap {args.command}: internal error: {type(err).__name__}: {err} "
            "(set KCLMAP_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return 3

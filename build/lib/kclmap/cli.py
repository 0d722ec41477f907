"""``kclmap`` command line: parse arguments, call the packages, turn errors into one line.

Only this module prints to stderr and chooses exit codes: 0 success, 1 some input could not be
resolved or processed (the rest was), 2 bad input or usage, 3 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from gazetteer.errors import KclmapError
from kclmap import __version__
from kclmap.commands import COMMANDS

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
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
    args = build_parser().parse_args(argv)
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
    except Exception as err:  # one line, never a traceback, unless debugging
        if os.environ.get("KCLMAP_DEBUG"):
            raise
        print(
            f"kclmap {args.command}: internal error: {type(err).__name__}: {err} "
            "(set KCLMAP_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return 3

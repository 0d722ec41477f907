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

from kclmap import __version__
from kclmap.commands import COMMANDS

__all__ = ["build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one stderr line (exit 2), like kclmap's own."""

    def error(self, message: str) -> NoReturn:
        """Print ``prog: error: message (see prog --help)`` on one line and exit 2."""
        _say(f"{self.prog}: error: {message} (see {self.prog} --help)")
        raise SystemExit(2)


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
    except KeyboardInterrupt:
        # outputs are swapped in whole (temp file or folder, then rename): whichever side of
        # the swap the interrupt fell on, each file is a complete run's, never half-written
        _say(
            f"kclmap {args.command}: interrupted (files already in place are complete: "
            "the last run's, or this one's if it had finished writing them)"
        )
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # one line, never a traceback, unless debugging
        code, line = _error_line(args.command, err)
        if code == 3 and os.environ.get("KCLMAP_DEBUG"):
            raise
        _say(line)
        return code


def _error_line(command: str, err: Exception) -> tuple[int, str]:
    """The exit code and the one stderr line for an error that ended a command."""
    # Imported here, not at the top: `kclmap --help` must not load the packages.
    from gazetteer.errors import KclmapError

    if isinstance(err, KclmapError):
        return 2, f"kclmap {command}: error: {err}"
    if isinstance(err, UnicodeDecodeError):  # a safety net: readers name the file themselves
        return 2, (
            f"kclmap {command}: error: an input file is not {err.encoding} text "
            f"({err.reason} at byte {err.start}); save it as UTF-8"
        )
    if isinstance(err, OSError):  # a disk full, a folder that became read-only...
        where = f" {str(err.filename)!r}" if err.filename else ""
        reason = err.strerror or type(err).__name__
        return 2, f"kclmap {command}: error: cannot read or write{where}: {reason}"
    return 3, (
        f"kclmap {command}: internal error: {type(err).__name__}: {err} "
        "(set KCLMAP_DEBUG=1 for a traceback)"
    )


_CONTROLS = frozenset([*range(32), *range(127, 160)])


def _say(line: str) -> None:
    r"""Print ``line`` on stderr as one line of plain text.

    Messages echo file names and article text, which may hold line breaks or terminal escape
    sequences: control characters are shown escaped (``\x1b``), never sent to the terminal.
    """
    safe = "".join(
        ch if ord(ch) not in _CONTROLS else ch.encode("unicode_escape").decode("ascii")
        for ch in line
    )
    print(safe, file=sys.stderr)

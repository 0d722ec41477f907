"""Options and glue shared by the commands that extract articles (``extract``, ``build``).

``--jobs``, ``--engine``, ``--scheduler``, ``--no-cache``, ``--cache-dir`` and ``--quiet``;
the heavy modules (the engines, Dask) are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kclmap.options import count

if TYPE_CHECKING:
    from geo.engine import Engine, ExtractionCache, RunReport
    from geo.engine.stamp import RunStamp
    from geo.events import Event
    from kclmap.problems import ProblemLog

__all__ = [
    "add_engine_options",
    "add_quiet_option",
    "check_engine_options",
    "cli_version",
    "find_stamp",
    "open_cache",
    "save_stamp",
    "stream_events",
]


def add_quiet_option(p: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress bars (they are off anyway when stderr is not a terminal)."""
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bars, only the closing summary"
    )


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """Options choosing where and how articles are extracted."""
    g = p.add_argument_group("scaling")
    g.add_argument(
        "-j",
        "--jobs",
        type=count,
        metavar="N",
        help="worker processes (default: every core; with --engine dask: LocalCluster workers)",
    )
    g.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster (pip install 'kclmap[dask]')",
    )
    g.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler, e.g. tcp://10.0.0.5:8786 "
        "(default: a LocalCluster on this machine)",
    )
    g.add_argument(
        "--no-cache", action="store_true", help="extract every article again, ignoring the cache"
    )
    g.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="extraction cache (default $KCLMAP_CACHE_DIR or ~/.cache/kclmap)",
    )
    add_quiet_option(p)


def check_engine_options(args: argparse.Namespace) -> None:
    """Refuse contradictory options before any work (raises :class:`geo.errors.InputError`)."""
    from geo.errors import InputError

    if args.scheduler and args.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if args.engine == "dask":
        from geo.engine.cluster import require_dask

        require_dask()


@contextmanager
def open_engine(args: argparse.Namespace) -> Iterator[Engine]:
    """The engine the options ask for, closed (workers stopped) on exit."""
    from geo.engine import LocalEngine, default_jobs

    if args.engine == "dask":
        from geo.engine.cluster import DaskEngine

        with DaskEngine(scheduler=args.scheduler, jobs=args.jobs) as engine:
            yield engine
        return
    with LocalEngine(args.jobs or default_jobs()) as local:
        yield local


def open_cache(args: argparse.Namespace) -> ExtractionCache | None:
    """The extraction cache, or ``None`` with ``--no-cache`` or when it cannot be opened."""
    from geo.engine import ExtractionCache, default_cache_dir

    if args.no_cache:
        return None
    directory = args.cache_dir or default_cache_dir()
    try:
        return ExtractionCache(directory)
    except OSError as err:
        print(f"warning: running without the cache: {err}", file=sys.stderr)
        return None


@cache
def cli_version() -> str:
    """A hash (16 hex) of kclmap's own ``.py`` files: part of every stamped run's settings."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


_OPEN: Literal["open"] = "open"  # stream_events opens (and closes) the cache itself


def stream_events(
    args: argparse.Namespace,
    consume: Callable[[list[Event]], None],
    problems: ProblemLog,
    *,
    cache: ExtractionCache | Literal["open"] | None = _OPEN,
    keys: Mapping[str, str | None] | None = None,
) -> RunReport:
    """Extract the articles of ``args.paths`` batch by batch, giving each batch to ``consume``.

    Problems, warnings and unresolved names go to ``problems``; a progress bar shows on a
    terminal unless ``--quiet``. ``cache``: an open cache (left open), ``None`` for none, or
    by default the one the options name (opened and closed here). ``keys``: cache keys
    already computed (see :func:`find_stamp`).
    """
    from geo.engine import ExtractOptions, RunReport, iter_event_batches
    from kclmap.progress import progress_bar

    report = RunReport()
    options = ExtractOptions(published=args.published, max_bytes=args.max_bytes)
    owned = open_cache(args) if isinstance(cache, str) else None
    store = owned if isinstance(cache, str) else cache
    try:
        with (
            open_engine(args) as engine,
            progress_bar("extracting", quiet=args.quiet, unit="articles") as update,
        ):
            for batch in iter_event_batches(
                args.paths,
                report,
                engine=engine,
                options=options,
                cache=store,
                progress=update,
                keys=keys,
            ):
                consume(batch)
    finally:
        if owned is not None:
            owned.close()
    problems.extend("skipped", ((p.source, p.message) for p in report.problems))
    problems.extend("warning", report.warnings)
    problems.extend("unresolved", report.unresolved)
    return report


def find_stamp(
    args: argparse.Namespace, cache: ExtractionCache, target: Path, settings: str
) -> tuple[RunStamp | None, dict[str, str | None] | None]:
    """The stamp of the last run that wrote ``target`` when nothing has changed since.

    Nothing has changed when the files that run wrote are still there as it left them, and
    the article files under ``args.paths`` (listed, read and hashed again) and ``settings``
    are the same. Returns ``(stamp or None, the cache keys computed)``; the keys are ``None``
    when no file had to be hashed (no stamp, other settings, outputs changed), and are
    handed to :func:`stream_events` so a changed folder is not hashed twice.
    """
    from geo.articles import iter_article_paths
    from geo.engine import ExtractOptions
    from geo.engine.run import fingerprints
    from geo.engine.stamp import InputsDigest, RunStamp

    try:
        stamp = RunStamp.from_json(cache.get_stamp(target))
    except sqlite3.Error:
        return None, None
    if stamp is None or stamp.settings != settings or not stamp.outputs_hold():
        return None, None
    options = ExtractOptions(published=args.published, max_bytes=args.max_bytes)
    keys = fingerprints((str(p) for p in iter_article_paths(args.paths)), options)
    digest = InputsDigest().update(keys.items()).hexdigest
    return (stamp if stamp.holds(digest, settings) else None), keys


def save_stamp(
    cache: ExtractionCache,
    target: Path,
    report: RunReport,
    settings: str,
    outputs: Mapping[Path, str | None],
    *,
    lines: list[str],
    code: int,
) -> None:
    """Record what this completed run read and wrote (``outputs``: path -> signature).

    No stamp (and the old one forgotten) when an input had no cache key, a problem may not
    recur on the same bytes, or an output's signature is unknown (``None`` for a file that
    should exist: another run replaced it meanwhile).
    """
    from geo.engine.stamp import RunStamp

    digest = report.inputs.hexdigest
    stamp = None
    if digest is not None and report.inputs.count == report.files and not report.transient:
        written = {str(p.absolute()): sig for p, sig in outputs.items()}
        stamp = RunStamp(digest, settings, written, lines=lines, code=code)
    try:
        cache.put_stamp(target, stamp.to_json() if stamp is not None else None)
    except sqlite3.Error as err:  # the output is written: the run still succeeded
        print(f"warning: could not record the run in the cache: {err}", file=sys.stderr)

"""Options and glue shared by the commands that extract articles (``extract``, ``build``).

``--jobs``, ``--engine``, ``--scheduler``, ``--no-cache``, ``--cache-dir`` and ``--quiet``;
the heavy modules (the engines, Dask) are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kclmap.options import count

if TYPE_CHECKING:
    from geo.engine import Engine, ExtractionCache, RunReport
    from geo.events import Event
    from kclmap.problems import ProblemLog

__all__ = ["add_engine_options", "add_quiet_option", "check_engine_options", "stream_events"]


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


def stream_events(
    args: argparse.Namespace, consume: Callable[[list[Event]], None], problems: ProblemLog
) -> RunReport:
    """Extract the articles of ``args.paths`` batch by batch, giving each batch to ``consume``.

    Problems, warnings and unresolved names go to ``problems``; a progress bar shows on a
    terminal unless ``--quiet``.
    """
    from geo.engine import ExtractOptions, RunReport, iter_event_batches
    from kclmap.progress import progress_bar

    report = RunReport()
    options = ExtractOptions(published=args.published, max_bytes=args.max_bytes)
    cache = open_cache(args)
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
                cache=cache,
                progress=update,
            ):
                consume(batch)
    finally:
        if cache is not None:
            cache.close()
    problems.extend("skipped", ((p.source, p.message) for p in report.problems))
    problems.extend("warning", report.warnings)
    problems.extend("unresolved", report.unresolved)
    return report

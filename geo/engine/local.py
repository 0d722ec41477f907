"""The single-machine engine: articles extracted in this process or in a pool of processes.

The gazetteer and spotter are loaded once: in this process, before the workers are forked
(they share its memory, copy-on-write), or once per worker where ``fork`` is not available.
Workers take articles in small ordered chunks; results come back in the order the articles were given, so a run with
``jobs=8`` writes the same rows, ids and order as a run with ``jobs=1``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from geo.engine.work import ArticleResult, ExtractOptions, extract_file, worker_spotter

__all__ = ["LocalEngine", "default_jobs"]

# Below this many articles to extract, a pool's start-up (~1 s per worker: imports and the
# gazetteer) costs more than it saves: extract in this process.
MIN_PARALLEL = 16


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _warm() -> None:
    """Worker initialiser: load the spotter, then take its records out of the GC's scans.

    The worker owns its process, so freezing (:func:`gc.freeze`) everything alive now, the
    gazetteer's ~200,000 records, spares every later full collection rescanning them.
    """
    worker_spotter()
    gc.freeze()


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` after loading the spotter here (its ~4 s load is paid once), else ``spawn``."""
    if "fork" in multiprocessing.get_all_start_methods():
        worker_spotter()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class LocalEngine:
    """Extract article files on ``jobs`` processes of this machine.

    Parameters
    ----------
    jobs
        Worker processes (1: everything in this process). Must be positive.
    chunk_size
        Articles handed to a worker at a time: small keeps the cores balanced when article
        lengths vary, large saves inter-process traffic.
    batch_size
        Articles the orchestrator hands over at a time (default ``64 * jobs``): bounds memory.
    min_parallel
        Fewer articles than this to extract are done in this process, without starting the
        pool (whose start-up would cost more than it saves).

    Raises
    ------
    ValueError
        When ``jobs`` is not positive.
    """

    name = "local"

    def __init__(
        self,
        jobs: int = 1,
        *,
        chunk_size: int = 16,
        batch_size: int | None = None,
        min_parallel: int = MIN_PARALLEL,
    ) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be a positive number of processes, got {jobs!r}")
        self.jobs = jobs
        self.chunk_size = chunk_size
        self.batch_size = batch_size or 64 * jobs
        self.min_parallel = min_parallel
        self._pool: ProcessPoolExecutor | None = None

    def map(self, sources: Sequence[str], options: ExtractOptions) -> Iterator[ArticleResult]:
        """Results for ``sources``, in their order.

        With a pool, the work is handed to the workers when this is called, not when the
        iterator is first read: the orchestrator hands over the next batch before it writes
        this one, so the workers never wait for the writer.
        """
        if self.jobs == 1 or (self._pool is None and len(sources) < self.min_parallel):
            return (extract_file(source, options) for source in sources)
        if self._pool is None:
            # A worker that dies (killed, out of memory) fails the run with BrokenProcessPool
            # instead of hanging it.
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_warm)
        return self._pool.map(
            partial(extract_file, options=options), sources, chunksize=self.chunk_size
        )

    def close(self) -> None:
        """Stop the worker processes (if any were started)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

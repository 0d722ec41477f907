"""Articles on disk -> batches of events, streamed: list, look up the cache, extract, dedupe.

Memory stays flat however large the folder: articles are fingerprinted, extracted and handed
on in batches, and only counts and one-line problems are kept for the whole run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Protocol

from geo.articles import ReadProblem, iter_article_paths
from geo.engine.cache import ExtractionCache, cache_key
from geo.engine.stamp import InputsDigest
from geo.engine.work import ArticleResult, ExtractOptions
from geo.events import Event
from geo.pipeline import Retellings
from geo.reading.metadata import sidecar_path

__all__ = ["Engine", "RunReport", "fingerprint", "fingerprints", "iter_event_batches"]

Progress = Callable[[int, int, str], None]

# Articles between two writes: a fixed number, not the engine's batch, so that which retellings
# can still be folded into their first telling (before it is written) never depends on --jobs.
FLUSH_ARTICLES = 256


class Engine(Protocol):
    """What the orchestrator needs of an engine (local processes or a Dask cluster)."""

    name: str
    jobs: int
    batch_size: int

    def map(self, sources: Sequence[str], options: ExtractOptions) -> Iterator[ArticleResult]:
        """Results for ``sources`` in their order."""
        ...


@dataclass
class RunReport:
    """What a streamed run did: counts, and one line per problem, warning or unresolved name."""

    files: int = 0
    articles: int = 0
    from_cache: int = 0
    events: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    inputs: InputsDigest = field(default_factory=InputsDigest)
    transient: int = 0  # problems that may not recur on the same bytes (read errors, crashes)

    @property
    def extracted(self) -> int:
        """Articles extracted in this run (not found in the cache)."""
        return self.articles - self.from_cache


def fingerprint(source: str, options: ExtractOptions) -> str | None:
    """The cache key of one file, or ``None`` when it cannot be cached (unreadable, too big)."""
    path = Path(source)
    try:
        if path.stat().st_size > options.max_bytes:
            return None
        data = path.read_bytes()
        beside = sidecar_path(path)
        sidecar = beside.read_bytes() if beside.exists() else None
    except OSError:
        return None
    return cache_key(source, data, sidecar, options.published)


def fingerprints(sources: Iterable[str], options: ExtractOptions) -> dict[str, str | None]:
    """Each article file's cache key (see :func:`fingerprint`), in the order given."""
    return {source: fingerprint(source, options) for source in sources}


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _start(
    sources: Sequence[str],
    engine: Engine,
    options: ExtractOptions,
    cache: ExtractionCache | None,
    inputs: InputsDigest,
    known: Mapping[str, str | None],
) -> Iterator[ArticleResult]:
    """Hand one batch to ``engine`` now; the returned iterator gives its results in order.

    Cached articles are looked up here, the rest are submitted to the engine at once, so the
    engine works on this batch while the caller is still writing the previous one.
    """
    keys = [
        (known[s] if s in known else fingerprint(s, options)) if cache is not None else None
        for s in sources
    ]
    inputs.update(zip(sources, keys, strict=True))
    found: dict[int, ArticleResult] = {}
    if cache is not None:
        for i, (source, key) in enumerate(zip(sources, keys, strict=True)):
            hit = cache.get(key, source) if key is not None else None
            if hit is not None:
                found[i] = hit
    missing = [i for i in range(len(sources)) if i not in found]
    fresh = engine.map([sources[i] for i in missing], options)
    return _in_order(len(sources), found, fresh, keys, cache)


def _in_order(
    n: int,
    found: dict[int, ArticleResult],
    fresh: Iterator[ArticleResult],
    keys: list[str | None],
    cache: ExtractionCache | None,
) -> Iterator[ArticleResult]:
    for i in range(n):
        if i in found:
            yield found[i]
            continue
        result = next(fresh)
        key = keys[i]
        if cache is not None and key is not None:
            cache.put(key, result)
        yield result


def _pipelined(
    sources: Sequence[str],
    batch_size: int,
    start: Callable[[Sequence[str]], Iterator[ArticleResult]],
) -> Iterator[Iterator[ArticleResult]]:
    """The batches' result iterators, each batch started before the one before is read."""
    batches = _batches(sources, max(1, batch_size))
    pending = [start(batch) for batch in islice(batches, 1)]
    for batch in batches:
        following = start(batch)
        yield pending.pop()
        pending.append(following)
    yield from pending


def iter_event_batches(
    paths: Iterable[Path],
    report: RunReport,
    *,
    engine: Engine,
    options: ExtractOptions | None = None,
    cache: ExtractionCache | None = None,
    progress: Progress | None = None,
    flush_every: int = FLUSH_ARTICLES,
    keys: Mapping[str, str | None] | None = None,
) -> Iterator[list[Event]]:
    """Yield the events of the articles under ``paths``, one list per ``flush_every`` articles.

    Articles are taken in sorted path order (as :func:`geo.articles.read_articles` does); an
    article whose clean text equals an earlier one's is skipped as a duplicate, and an event
    another article already told is folded into the first telling (as
    :func:`geo.pipeline.extract_with_report` does). When the first telling was already
    written (an earlier list yielded), its ``notes``/``extra_quotes`` can no longer be updated:
    the retelling is left out with a warning in ``report`` naming both files. Lists are cut
    every ``flush_every`` articles whatever the engine and its workers, so every engine and
    ``--jobs`` gives the same rows, notes and confidences. ``report`` is
    filled in as the batches go. ``keys`` are cache keys already computed (by
    :func:`fingerprints`), not computed again. Raises :class:`geo.errors.InputError` before any work when a
    path does not exist.
    """
    options = options or ExtractOptions()
    sources = [str(p) for p in iter_article_paths(paths)]
    report.files = len(sources)
    if progress is not None:
        progress(0, len(sources), "")  # the total is known before the first article is done
    seen: dict[str, str] = {}
    told = Retellings()  # syndicated retellings folded into the first telling, in path order
    done = 0
    events: list[Event] = []
    start = partial(
        _start, engine=engine, options=options, cache=cache, inputs=report.inputs, known=keys or {}
    )
    for results in _pipelined(sources, engine.batch_size, start):
        for result in results:
            done += 1
            if progress is not None:
                progress(done, len(sources), result.source)
            _take(result, report, seen, told, events)
            if done % flush_every == 0:
                if cache is not None:
                    cache.flush()
                yield events
                events = []
                _retire(told, report)
    if cache is not None:
        cache.flush()
    if done % flush_every:  # the last, shorter list
        yield events
    report.warnings += told.take_late()


def _take(
    result: ArticleResult,
    report: RunReport,
    seen: dict[str, str],
    told: Retellings,
    events: list[Event],
) -> None:
    """Count one article's result into ``report`` and add its new events to ``events``."""
    if result.problem is not None or result.content_hash is None:
        report.problems.append(ReadProblem(result.source, result.problem or "unreadable"))
        report.transient += result.transient
        return
    if result.content_hash in seen:
        report.problems.append(
            ReadProblem(result.source, f"duplicate of {seen[result.content_hash]}: skipped")
        )
        return
    seen[result.content_hash] = result.source
    report.articles += 1
    report.from_cache += result.cached
    kept = [e for e in result.events if not told.fold(e)]
    report.events += len(kept)
    report.by_type.update(e.type for e in kept)
    report.warnings += [(result.source, w) for w in result.warnings]
    report.unresolved += [(result.source, n) for n in result.unresolved]
    events += kept


def _retire(told: Retellings, report: RunReport) -> None:
    """The written events can no longer change: keep only what matching later tellings needs."""
    told.retire()
    report.warnings += told.take_late()

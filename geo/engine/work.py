"""One unit of extraction work: an article file in, an :class:`ArticleResult` out.

Pure functions of the file and the options, picklable, so any engine (in-process, a process
pool, a Dask cluster) can run them and the results are the same wherever they ran.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.articles import DEFAULT_MAX_BYTES, read_article
from geo.errors import InputError
from geo.events import Event
from geo.extract import extract_events

if TYPE_CHECKING:
    from gazetteer import Spotter

__all__ = ["ArticleResult", "ExtractOptions", "extract_file", "extract_files", "worker_spotter"]


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """The options every worker needs: the ``--published`` fallback and the size limit."""

    published: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True)
class ArticleResult:
    """What one article file gave: its events, or the one-line reason it was skipped.

    ``content_hash`` is the article's clean-text hash (duplicates are found by it); ``None``
    when the file could not be read (``problem`` says why). ``cached`` marks a result that came
    from the cache rather than from extraction. ``transient`` marks a problem that may not
    happen again on the same bytes (a read error, an extraction that raised): such a run is
    never taken as up to date (see :mod:`geo.engine.stamp`).
    """

    source: str
    content_hash: str | None
    events: list[Event] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    problem: str | None = None
    cached: bool = False
    transient: bool = False


@cache
def worker_spotter() -> Spotter:
    """The shipped spotter, loaded once per process (each pool or Dask worker has its own)."""
    from gazetteer import default_spotter

    return default_spotter()


def extract_file(
    source: str, options: ExtractOptions, *, spotter: Spotter | None = None
) -> ArticleResult:
    """Read and extract one article file; a file that cannot be read becomes a ``problem``.

    So does an article whose extraction raises (a bug on one article never costs the others),
    as in :func:`geo.pipeline.extract_with_report`.
    """
    try:
        article = read_article(
            Path(source), published=options.published, max_bytes=options.max_bytes
        )
    except InputError as err:
        transient = isinstance(err.__cause__, OSError)  # cannot read: maybe not next time
        return ArticleResult(source, None, problem=str(err), transient=transient)
    try:
        result = extract_events(article, spotter=spotter or worker_spotter())
    except Exception as err:  # reported, never fatal to the run
        reason = f"{type(err).__name__}: {err}".splitlines()[0][:200]
        return ArticleResult(
            source,
            None,
            problem=f"extraction failed ({reason}); please report it",
            transient=True,
        )
    return ArticleResult(
        source,
        article.content_hash,
        result.events,
        list(result.unresolved),
        tuple(result.warnings),
    )


def extract_files(sources: list[str], options: ExtractOptions) -> list[ArticleResult]:
    """:func:`extract_file` over a list (one Dask partition, one pool chunk), in order."""
    return [extract_file(s, options) for s in sources]

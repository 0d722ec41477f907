"""Articles on disk -> events table: the one function most users need, ``geo.extract``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer import Spotter, default_spotter
from geo.articles import DEFAULT_MAX_BYTES, Article, ReadProblem, read_articles
from geo.events import Event
from geo.extract import extract_events
from geo.table import events_to_frame

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["ExtractionReport", "extract", "extract_with_report"]

Progress = Callable[[int, int, str], None]


@dataclass
class ExtractionReport:
    """What a run did: articles read, problems, warnings and unresolved place names."""

    articles: list[Article] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def extract_with_report(
    paths: Iterable[Path | str],
    *,
    spotter: Spotter | None = None,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> tuple[gpd.GeoDataFrame, ExtractionReport]:
    """Extract every event from the articles under ``paths`` and report what happened."""
    spotter = spotter or default_spotter()
    articles, problems = read_articles(
        [Path(p) for p in paths], published=published, max_bytes=max_bytes
    )
    report = ExtractionReport(articles=articles, problems=problems)
    for i, article in enumerate(articles, start=1):
        result = extract_events(article, spotter=spotter)
        report.events += result.events
        report.warnings += [(article.source, w) for w in result.warnings]
        report.unresolved += [(article.source, n) for n in result.unresolved]
        if progress is not None:
            progress(i, len(articles), article.source)
    return events_to_frame(report.events), report


def extract(
    paths: Sequence[Path | str] | Path | str,
    *,
    spotter: Spotter | None = None,
    published: date | None = None,
) -> gpd.GeoDataFrame:
    """Events of the articles at ``paths`` (files or directories) as a GeoDataFrame.

    Columns are :data:`geo.events.COLUMNS`; CRS EPSG:4326; an unplaced event has no geometry.
    """
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    frame, _ = extract_with_report(items, spotter=spotter, published=published)
    return frame

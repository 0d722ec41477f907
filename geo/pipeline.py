"""Articles on disk -> events table: the one function most users need, ``geo.extract``."""

from __future__ import annotations

import re
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

__all__ = ["ExtractionReport", "Retellings", "extract", "extract_with_report"]

Progress = Callable[[int, int, str], None]


@dataclass
class ExtractionReport:
    """What a run did: articles read, problems, warnings and unresolved place names."""

    articles: list[Article] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _words(quote: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", quote.lower()))


class Retellings:
    """Events already told by another article of the run (syndicated copies, rewrites).

    One incident carried by two outlets is one event: the same type, the same day given by the
    text (not the publication date) and the same place, told in nearly the same words (at
    least 80 % of the words shared). The later telling is folded
    into the first: its quote joins ``extra_quotes`` and its source is named in ``notes``.
    """

    def __init__(self) -> None:
        self.seen: dict[tuple[str, object, str | None], list[tuple[Event, frozenset[str]]]] = {}

    def fold(self, event: Event) -> bool:
        """True when ``event`` retells one already kept (and was folded into it)."""
        if (
            event.aggregate
            or event.background
            or event.event_date is None
            or event.date_precision == "unknown"
            or event.place_id is None
        ):
            # only the publication date, or no place: nothing says two reports tell one event
            return False
        key = (event.type, event.event_date, event.place_id)
        words = _words(event.quote)
        for first, first_words in self.seen.get(key, []):
            if first.source == event.source:
                continue
            shared = len(words & first_words) / max(1, min(len(words), len(first_words)))
            if shared >= 0.8:
                if event.quote != first.quote:
                    first.extra_quotes.append(event.quote)
                also = f"also reported by {event.url or event.source}"
                first.notes = "; ".join(filter(None, [first.notes, also]))
                first.confidence = round(min(0.99, first.confidence + 0.05), 2)
                return True
        self.seen.setdefault(key, []).append((event, words))
        return False


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
    told = Retellings()
    for i, article in enumerate(articles, start=1):
        try:
            result = extract_events(article, spotter=spotter)
        except Exception as err:  # a bug on one article never costs the others: reported
            reason = f"{type(err).__name__}: {err}".splitlines()[0][:200]
            report.problems.append(
                ReadProblem(article.source, f"extraction failed ({reason}); please report it")
            )
            continue
        report.events += [e for e in result.events if not told.fold(e)]
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

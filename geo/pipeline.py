"""Articles on disk -> events table: the one function most users need, ``geo.extract``."""

from __future__ import annotations

import re
from array import array
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


_WORD = re.compile(r"[a-z0-9]+")


def _words(quote: str) -> bytes:
    """The distinct words of ``quote`` as sorted 32-bit hashes: ~4 bytes a word, not ~60."""
    return array(
        "i", sorted({hash(w) & 0x7FFFFFFF for w in _WORD.findall(quote.lower())})
    ).tobytes()


def _word_set(words: bytes) -> set[int]:
    return set(memoryview(words).cast("i"))


@dataclass(slots=True)
class _Telling:
    """The first telling of an event: its source, its words, and the event while it may change."""

    source: str
    words: bytes
    event: Event | None  # None once retired (written out): it can no longer be updated


class Retellings:
    """Events already told by another article of the run (syndicated copies, rewrites).

    One incident carried by two outlets is one event: the same type, the same day given by the
    text (not the publication date) and the same place, told in nearly the same words (at
    least 80 % of the words shared). The later telling is folded
    into the first: its quote joins ``extra_quotes`` and its source is named in ``notes``.

    Memory: a streamed run calls :meth:`retire` once a batch is written, after which each
    first telling is kept as its source and its words' hashes only (a few hundred bytes an
    event, instead of the event), so a 100,000-article run holds tens of megabytes here.
    """

    def __init__(self) -> None:
        self.seen: dict[tuple[str, object, str | None], list[_Telling]] = {}
        self._live: list[_Telling] = []
        self._late: list[tuple[str, str]] = []  # (source, warning): folds into written events

    def fold(self, event: Event) -> bool:
        """True when ``event`` retells one already kept (and was folded into it, if still live)."""
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
        mine: set[int] | None = None
        for first in self.seen.get(key, []):
            if first.source == event.source:
                continue
            mine = _word_set(words) if mine is None else mine
            theirs = _word_set(first.words)
            shared = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
            if shared >= 0.8:
                if first.event is not None:
                    _fold_into(first.event, event)
                else:
                    self._late.append(
                        (
                            event.source,
                            f"retells an event of {first.source} already written: left out",
                        )
                    )
                return True
        telling = _Telling(event.source, words, event)
        self.seen.setdefault(key, []).append(telling)
        self._live.append(telling)
        return False

    def take_late(self) -> list[tuple[str, str]]:
        """The retellings left out since the last call whose first telling was already written."""
        late, self._late = self._late, []
        return late

    def retire(self) -> None:
        """Forget the events kept so far (they were written): keep only what matching needs."""
        for telling in self._live:
            telling.event = None
        self._live = []


def _fold_into(first: Event, event: Event) -> None:
    if event.quote != first.quote:
        first.extra_quotes.append(event.quote)
    also = f"also reported by {event.url or event.source}"
    first.notes = "; ".join(filter(None, [first.notes, also]))
    first.confidence = round(min(0.99, first.confidence + 0.05), 2)


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

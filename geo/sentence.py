"""One sentence, parsed once: the record every extraction stage reads.

The classify, date, place and role stages used to re-scan a sentence for what they needed
(actors up to four times). :func:`analyse` reads a sentence once into a
:class:`SentenceAnalysis`: its date expressions, actors, casualty counts and place phrases;
the stages read the record and add to the event, none re-scans the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.actors import ActorMention, find_actors
from geo.casualties import count_casualties
from geo.dates import DateRef, find_dates
from geo.place_phrases import PlacePhrase

__all__ = ["SentenceAnalysis", "analyse"]


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """What one sentence says, offsets relative to ``body`` (``article.text[start:end]``).

    ``dates`` are the resolved date expressions (:func:`geo.dates.find_dates`), ``actors``
    the actor mentions, ``killed``/``injured`` the stated casualties (``None`` when none is
    stated), ``places`` the place phrases with their relation words.
    """

    index: int
    start: int
    end: int
    body: str
    dates: tuple[DateRef, ...]
    actors: tuple[ActorMention, ...]
    killed: int | None
    injured: int | None
    places: tuple[PlacePhrase, ...]

    @property
    def past_dates(self) -> list[DateRef]:
        """Dates that resolve and are not in the future: the sentence reports, not plans."""
        return [r for r in self.dates if r.value is not None and not r.future]

    @property
    def periods(self) -> list[DateRef]:
        """Quarter and month expressions (statistics' periods)."""
        return [r for r in self.dates if r.precision in ("quarter", "month") and r.value]

    @property
    def quotation(self) -> bool:
        """Whether the sentence is a direct quotation ("Our heroes landed...")."""
        return self.body[:1] in '"“'


def analyse(
    body: str,
    *,
    index: int,
    start: int,
    published: date | None,
    anchor: date | None,
    places: tuple[PlacePhrase, ...],
) -> SentenceAnalysis:
    """Parse ``body`` (the sentence without its dateline) once.

    ``anchor`` is the date of the event told before ("three days earlier" counts from it);
    ``places`` come from the article's place mentions, spotted once for the whole text.
    """
    killed, injured = count_casualties(body)
    return SentenceAnalysis(
        index=index,
        start=start,
        end=start + len(body),
        body=body,
        dates=tuple(find_dates(body, published, anchor=anchor)),
        actors=find_actors(body),
        killed=killed,
        injured=injured,
        places=places,
    )

"""The event model: one dated, typed, placed event with the sentence that proves it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = ["ACLED_TYPES", "COLUMNS", "EVENT_TYPES", "Event", "EventType", "make_event_id"]

EventType = Literal["attack", "operation", "airstrike", "arrest", "meeting", "agreement", "other"]
EVENT_TYPES: tuple[EventType, ...] = (
    "attack",
    "operation",
    "airstrike",
    "arrest",
    "meeting",
    "agreement",
    "other",
)

# kclmap type (and attack sub-kind) -> closest ACLED event type and sub-event type.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "attack": ("Battles", "Armed clash"),
    "attack:explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "attack:shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "attack:civilians": ("Violence against civilians", "Attack"),
    "attack:abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "attack:suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "operation": ("Strategic developments", "Other"),
    "operation:clash": ("Battles", "Armed clash"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "arrest": ("Strategic developments", "Arrests"),
    "meeting": ("Strategic developments", "Other"),
    "agreement": ("Strategic developments", "Agreement"),
    "other": ("Strategic developments", "Other"),
    "other:protest": ("Protests", "Peaceful protest"),
}

# Column order of every events table kclmap writes (geometry added by the GIS writers).
COLUMNS: tuple[str, ...] = (
    "event_id",
    "type",
    "subtype",
    "joint",
    "event_date",
    "date_precision",
    "period",
    "background",
    "aggregate",
    "count",
    "place",
    "place_query",
    "place_id",
    "lat",
    "lon",
    "admin1",
    "admin2",
    "geo_precision",
    "precision_km",
    "actor1",
    "actor2",
    "assoc_actors",
    "fatalities",
    "injuries",
    "acled_event_type",
    "acled_sub_event_type",
    "source",
    "url",
    "title",
    "published",
    "quote",
    "quote_start",
    "quote_end",
    "confidence",
    "notes",
    "dataset",
)


def make_event_id(source_key: str, start: int, end: int) -> str:
    """A stable id: SHA-1 of the article's identity and the quote's offsets (16 hex chars)."""
    return hashlib.sha1(f"{source_key}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class Event:
    """One event. ``lat``/``lon`` are ``None`` when the place could not be resolved.

    ``event_date`` is the start of the period ``date_precision`` names ("quarter" -> its first
    day); ``background`` marks history more than a year before publication, ``aggregate`` a
    statistic ("6 clearance operations in Q2 2022") kept as one record with its ``count``.
    """

    event_id: str
    type: EventType
    quote: str
    quote_start: int
    quote_end: int
    source: str
    subtype: str | None = None
    joint: bool | None = None
    event_date: date | None = None
    date_precision: str = "unknown"
    period: str | None = None
    background: bool = False
    aggregate: bool = False
    count: int | None = None
    place: str | None = None
    place_query: str | None = None
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None
    precision_km: float | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    confidence: float = 0.5
    notes: str | None = None
    dataset: str = "kclmap"  # "acled" or "ucdp" for rows read from those tables
    extra_quotes: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The event as a flat dict in :data:`COLUMNS` order (dates stay ``date``)."""
        # Every column holds an immutable scalar: no deep copy (asdict) needed.
        return {c: getattr(self, c) for c in COLUMNS}

    def to_json(self) -> dict[str, Any]:
        """The event as JSON-ready values (ISO dates)."""
        rec = self.to_record()
        for key in ("event_date", "published"):
            if isinstance(rec[key], date):
                rec[key] = rec[key].isoformat()
        return rec

"""One event told twice is one event: fold retellings and undated summaries in an article.

Pure functions over :class:`geo.events.Event` lists, in the order the article tells them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

from gazetteer.geometry import distance_km
from geo.cues import SEPARATE
from geo.events import COLUMNS, Event

__all__ = ["FILLABLE", "STATEMENT_NOTE", "absorb", "merge_retellings", "same_place"]

# Place, actor and casualty fields a later telling of the same event may fill in.
FILLABLE = COLUMNS[COLUMNS.index("place") : COLUMNS.index("injuries") + 1]


def _fold_undated_leads(events: list[Event]) -> list[Event]:
    """An undated summary ("forces have arrested three suspects") folds into the dated telling.

    A violent event the text gives no date for, followed in the same article by one of the
    same type that it does date, at the same or a nested place (:func:`same_place`) and with
    no other casualty count, is the story's summary of it: one event, both quotes.
    """
    out: list[Event] = []
    for i, ev in enumerate(events):
        if (
            ev.type in ("attack", "operation", "airstrike", "arrest")
            and ev.date_precision == "unknown"
            and not ev.aggregate
            and not ev.background
        ):
            later = next(
                (
                    e
                    for e in events[i + 1 :]
                    if e.type == ev.type
                    and e.date_precision == "day"
                    and not e.aggregate
                    and not e.background
                    and same_place(ev, e)
                    and (None in (ev.fatalities, e.fatalities) or ev.fatalities == e.fatalities)
                ),
                None,
            )
            if later is not None:
                later.extra_quotes.insert(0, ev.quote)
                for attr in FILLABLE:  # "announced the killing of five": the count stays
                    if getattr(later, attr) is None and getattr(ev, attr) is not None:
                        setattr(later, attr, getattr(ev, attr))
                continue
        out.append(ev)
    return out


def same_place(a: Event, b: Event) -> bool:
    """Same or nested place: the same place, one an area holding the other, or one unplaced.

    Two villages of one district are two places: two attacks there are two events. An
    unplaced event is compatible only when its text named no other place (a name the
    gazetteer does not know, ``place_query``, is another place).
    """
    if a.place_id is not None and b.place_id is not None:
        return a.place_id == b.place_id or _nested(a, b)
    unplaced, other = (a, b) if a.place_id is None else (b, a)
    return unplaced.place_query is None or unplaced.place_query == other.place_query


def _date_lead_events(events: list[Event]) -> list[Event]:
    """An undated meeting or agreement (a lead summary) takes the date the story gives later."""
    dated = next(
        (
            e
            for e in events
            if e.type in ("meeting", "agreement") and e.date_precision == "day" and not e.background
        ),
        None,
    )
    if dated is None:
        return events
    for ev in events:
        if ev.type in ("meeting", "agreement") and ev.date_precision == "unknown":
            ev.event_date, ev.date_precision = dated.event_date, "day"
            ev.notes = "; ".join(filter(None, [ev.notes, "date of the meeting told later"]))
    return events


def _same_event(o: Event, ev: Event) -> bool:
    """Whether ``ev`` tells again the event ``o`` (same type, day and place; no "separate")."""
    if o.type != ev.type or o.aggregate or ev.aggregate or o.background or ev.background:
        return False
    if o.event_date != ev.event_date or (o.joint is not None and ev.joint not in (None, o.joint)):
        return False
    if ev.quote == o.quote or ev.quote in o.extra_quotes:
        return True  # a repeated paragraph
    if ev.type not in ("meeting", "agreement") and SEPARATE.search(ev.quote):
        return False
    if None not in (o.fatalities, ev.fatalities) and o.fatalities != ev.fatalities:
        return False
    if None not in (o.injuries, ev.injuries) and o.injuries != ev.injuries:
        return False
    if ev.type not in ("meeting", "agreement") and ev.date_precision != "day":
        return False
    if ev.type in ("meeting", "agreement"):
        # one meeting is told at the city and at its venue; parties and day make it one
        return same_place(o, ev) or (o.admin2 is not None and o.admin2 == ev.admin2)
    return same_place(o, ev)


def _nested(a: Event, b: Event) -> bool:
    """Whether one event's place is an area that holds the other's ("Kirkuk province", "Garmiyan").

    The wider place (larger ``geo_precision``, 2 or 3) holds the narrower when the narrower's
    point lies within the wider's radius (``precision_km`` plus a quarter, great-circle
    distance), or, without
    coordinates, when a governorate names the narrower's ``admin1``.
    """

    def width(e: Event) -> tuple[int, float]:
        return e.geo_precision or 0, e.precision_km or 0.0

    wide, narrow = (a, b) if width(a) >= width(b) else (b, a)
    if (wide.geo_precision or 0) < 2 or (narrow.geo_precision or 3) > (wide.geo_precision or 0):
        return False
    if narrow.geo_precision == wide.geo_precision and 2 * width(narrow)[1] > width(wide)[1]:
        return False  # two districts are two places; a region holds "the villages around X"
    if None not in (wide.lat, wide.lon, narrow.lat, narrow.lon, wide.precision_km):
        # the radius approximates an irregular area: a quarter more keeps its far corners
        return _km(wide, narrow) <= 1.25 * float(wide.precision_km or 0)
    return wide.geo_precision == 3 and wide.admin1 is not None and wide.admin1 == narrow.admin1


class _Point(NamedTuple):
    """A point for :func:`gazetteer.geometry.distance_km`."""

    lat: float
    lon: float


def _km(a: Event, b: Event) -> float:
    """Great-circle distance between two events' points in km (WGS84 mean radius)."""
    return distance_km(*(_Point(float(e.lat or 0), float(e.lon or 0)) for e in (a, b)))


_BORROWED_PLACE = ("place from the dateline", "place from the previous sentence")


def absorb(first: Event, later: Event) -> None:
    """Fold ``later``, a retelling or follow-up of ``first``, into it (quotes, place, fields).

    ``later``'s place replaces ``first``'s when ``first`` has none, when it is finer
    (``geo_precision``), or when ``first`` only borrowed its place (from the dateline or the
    sentence before) and ``later`` names its own; empty place, actor and casualty fields of
    ``first`` are filled from ``later``.
    """
    if later.quote != first.quote and later.quote not in first.extra_quotes:
        first.extra_quotes.append(later.quote)
    borrowed = any(b in (first.notes or "") for b in _BORROWED_PLACE)
    own = later.place_id is not None and not any(b in (later.notes or "") for b in _BORROWED_PLACE)
    if first.place_id is None or (
        later.place_id is not None
        # a place the later telling only borrowed (the dateline, the sentence before) never
        # replaces one the first telling named: "Baghdad –" is where the story was filed
        and (
            ((later.geo_precision or 9) < (first.geo_precision or 9) and own) or (borrowed and own)
        )
    ):
        for attr in FILLABLE[: FILLABLE.index("precision_km") + 1]:
            setattr(first, attr, getattr(later, attr))
        if borrowed and own:
            notes = [n for n in (first.notes or "").split("; ") if n and n not in _BORROWED_PLACE]
            first.notes = "; ".join([*notes, "place from a later telling"])
    for attr in FILLABLE:
        if getattr(first, attr) is None and getattr(later, attr) is not None:
            setattr(first, attr, getattr(later, attr))


_LOOK_BACK = 40


def _merge(events: list[Event]) -> list[Event]:
    """Fold repeated tellings of one event (same type, day and place) into the first."""
    out: list[Event] = []
    by_key: dict[tuple[str, date | None], list[Event]] = {}  # same type and day only
    by_quote: dict[str, Event] = {}
    for ev in events:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.type == ev.type
            and "date taken from the preceding event" in (ev.notes or "")
            and ev.fatalities is None
            and not ev.aggregate
            and not ev.background
            and not SEPARATE.search(ev.quote)
            and (ev.place_id in (None, previous.place_id) or _nested(ev, previous))
        ):
            # an undated sentence right after an event of its type tells more of it
            previous.extra_quotes.append(ev.quote)
            continue
        bucket = by_key.setdefault((ev.type, ev.event_date), [])
        twin = by_quote.get(ev.quote)
        if twin is None or not _same_event(twin, ev):
            # a retelling comes within a few events of the first telling: a bounded look-back
            # keeps the merge linear in the article's length
            twin = next((o for o in reversed(bucket[-_LOOK_BACK:]) if _same_event(o, ev)), None)
        if twin is None:
            out.append(ev)
            bucket.append(ev)
            by_quote.setdefault(ev.quote, ev)
            continue
        absorb(twin, ev)
        twin.confidence = round(min(0.99, twin.confidence + 0.05), 2)
    return out


STATEMENT_NOTE = "dated by the day of the statement"
_STATEMENT_LAG = timedelta(days=3)
_STATEMENT_REACH = 3  # events told before or after


def _tells_day_of(other: Event, ev: Event, said: date) -> bool:
    """Whether ``other`` tells, with its own day, the event ``ev`` told on the day ``said``."""
    if (
        other.type != ev.type
        or other.date_precision != "day"
        or other.event_date is None
        or STATEMENT_NOTE in (other.notes or "")
        or other.aggregate
        or other.background
    ):
        return False
    return (
        said - _STATEMENT_LAG <= other.event_date <= said
        and same_place(ev, other)
        and (None in (ev.fatalities, other.fatalities) or ev.fatalities == other.fatalities)
    )


def _fold_statement_days(events: list[Event], statement_days: Mapping[str, date]) -> list[Event]:
    """An event dated only by its statement's day folds into the telling that gives its own day.

    "The Security Media Cell announced on Tuesday the killing of five terrorists in two
    airstrikes" and, next, "... F-16 aircraft struck the hideout on Monday": one airstrike,
    on Monday. The other telling is of the same type, within three events, dated up to three
    days before the statement, at the same or a nested place, with no other casualty count.
    ``statement_days`` gives the statement's day of events whose date was left empty.
    """
    drop: set[int] = set()
    for i, ev in enumerate(events):
        said = statement_days.get(ev.event_id, ev.event_date)
        if STATEMENT_NOTE not in (ev.notes or "") or said is None or ev.aggregate:
            continue
        near = [
            j
            for j in range(max(0, i - _STATEMENT_REACH), min(len(events), i + _STATEMENT_REACH + 1))
            if j != i and j not in drop
        ]
        other = next(
            (
                events[j]
                for j in sorted(near, key=lambda j: abs(j - i))
                if _tells_day_of(events[j], ev, said)
            ),
            None,
        )
        if other is None:
            continue
        date_of, precision = other.event_date, other.date_precision
        absorb(other, ev)
        other.event_date, other.date_precision = date_of, precision
        drop.add(i)
    return [e for i, e in enumerate(events) if i not in drop]


def merge_retellings(
    events: list[Event], *, statement_days: Mapping[str, date] | None = None
) -> list[Event]:
    """Date lead summaries, fold undated summaries and repeated tellings into one event each.

    ``statement_days``: event_id -> the day of the statement that told an event whose own day
    the text does not give (its date left empty).
    """
    told = _fold_statement_days(_date_lead_events(events), statement_days or {})
    return _merge(_fold_undated_leads(told))

"""One event told twice is one event: fold retellings and undated summaries in an article.

Pure functions over :class:`geo.events.Event` lists, in the order the article tells them.
"""

from __future__ import annotations

import re
from datetime import date

from geo.events import COLUMNS, Event

__all__ = ["FILLABLE", "merge_retellings"]

# Place, actor and casualty fields a later telling of the same event may fill in.
FILLABLE = COLUMNS[COLUMNS.index("place") : COLUMNS.index("injuries") + 1]


def _fold_undated_leads(events: list[Event]) -> list[Event]:
    """An undated summary ("forces have arrested three suspects") folds into the dated telling.

    A violent event the text gives no date for, followed in the same article by one of the
    same type that it does date, is the story's summary of it: one event, both quotes.
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
                    and (ev.admin1 is None or e.admin1 in (None, ev.admin1))
                ),
                None,
            )
            if later is not None:
                later.extra_quotes.insert(0, ev.quote)
                continue
        out.append(ev)
    return out


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


_SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|another|second|third|also|meanwhile|elsewhere|earlier|later|"
    r"in addition|other)\b",
    re.I,
)


def _same_event(o: Event, ev: Event) -> bool:
    """Whether ``ev`` tells again the event ``o`` (same type, day and place; no "separate")."""
    if o.type != ev.type or o.aggregate or ev.aggregate or o.background or ev.background:
        return False
    if o.event_date != ev.event_date or (o.joint is not None and ev.joint not in (None, o.joint)):
        return False
    if ev.quote == o.quote or ev.quote in o.extra_quotes:
        return True  # a repeated paragraph
    if ev.type not in ("meeting", "agreement") and _SEPARATE.search(ev.quote):
        return False
    if None not in (o.fatalities, ev.fatalities) and o.fatalities != ev.fatalities:
        return False
    if ev.type not in ("meeting", "agreement") and ev.date_precision != "day":
        return False
    return (
        o.place_id == ev.place_id
        or None in (o.place_id, ev.place_id)
        or (o.admin2 is not None and o.admin2 == ev.admin2)
    )


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
            and not _SEPARATE.search(ev.quote)
            and (
                ev.place_id in (None, previous.place_id)
                or (ev.admin2 is not None and ev.admin2 == previous.admin2)
            )
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
        if ev.quote != twin.quote and ev.quote not in twin.extra_quotes:
            twin.extra_quotes.append(ev.quote)
        if twin.place_id is None or (
            ev.place_id is not None and (ev.geo_precision or 9) < (twin.geo_precision or 9)
        ):
            for attr in FILLABLE[: FILLABLE.index("precision_km") + 1]:
                setattr(twin, attr, getattr(ev, attr))
        for attr in FILLABLE:
            if getattr(twin, attr) is None and getattr(ev, attr) is not None:
                setattr(twin, attr, getattr(ev, attr))
        twin.confidence = round(min(0.99, twin.confidence + 0.05), 2)
    return out


def merge_retellings(events: list[Event]) -> list[Event]:
    """Date lead summaries, fold undated summaries and repeated tellings into one event each."""
    return _merge(_fold_undated_leads(_date_lead_events(events)))

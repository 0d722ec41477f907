"""From one article to its events: classify sentences, date them, place them, merge repeats.

Pure with respect to disk: the spotter (and through it the gazetteer) is injected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from gazetteer import Mention, Place, Spotter, UnknownPlaceError
from geo.actors import SECURITY_FORCES, find_actors
from geo.articles import Article
from geo.casualties import count_casualties
from geo.classify import Classification, classify
from geo.dates import DateRef, find_dates
from geo.events import ACLED_TYPES, COLUMNS, Event, make_event_id
from geo.segment import Segment, segment

__all__ = ["ExtractionResult", "extract_events", "geo_precision"]

_DATELINE_PREFIX = re.compile(
    r"^\s*(?:date\s+\S+\s+)?(?:[A-Z][A-Z' -]{2,30}\s*(?:,\s*[A-Za-z ]+)?\s*\([^)]{2,40}\)\s*[–—-]\s*)"
)
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|around|outside|into|to|toward|towards|from|on the outskirts of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"between|across|along)\s+(?:the\s+)?$",
    re.I,
)
_NOT_A_LOCATION = re.compile(
    r"(?:governments?|authorit(?:y|ies)|officials?|leaders?|claimed by(?: both)?|"
    r"disputed between|between|relations between|talks between|federal|capital|"
    r"ministry|minister|governor|people of)\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)
_UNRESOLVED = re.compile(
    r"\b(?:in|near|at|outside|around)\s+(?:the\s+)?(?:village of\s+|town of\s+|area of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ez|ad|as|ash|az|ar|at|an|Al|El)-)?[A-Z][\w'’-]+|"
    r"\s+(?:al|el|ez|ad|as|ash|az|ar|at|an)-[A-Za-z][\w'’-]+){0,2})"
)
_NOT_NAMES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That Iraq Iraqi Kurdish "
    "Syria Iran Turkey Baghdad Erbil Peshmerga ISIS Coalition March".split()
)
_FOREIGN = re.compile(
    r"^[\w'’ -]{0,20}?(?:,\s*|\s+in\s+)(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:Syria|Turkey|Türkiye|Iran|Jordan|Saudi Arabia|Kuwait|Lebanon|Israel|Egypt)\b"
)
_SAME_PERIOD = re.compile(
    r"\b(?:the same|this|that) (?:quarter|period|month|year)\b|"
    r"\bin this period\b",
    re.I,
)
AREA_GEO_PRECISION = {
    "district": 2,
    "subdistrict": 2,
    "region": 2,
    "range": 2,
    "valley": 2,
    "lake": 2,
    "governorate": 3,
}


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Events of one article and the place names it could not resolve."""

    events: list[Event]
    unresolved: list[str]
    warnings: tuple[str, ...]


def geo_precision(place: Place) -> int:
    """ACLED-style precision: 1 town or village, 2 district or region, 3 governorate or wider."""
    if place.kind in AREA_GEO_PRECISION:
        level = AREA_GEO_PRECISION[place.kind]
        return 3 if place.precision_km > 100 else level
    return 1 if place.precision_km <= 15 else 2


_REFERENCE_POINT = re.compile(
    r"\b(?:after|before|following|since|prior to|ahead of|"
    r"one (?:day|week|month|year) after)\s+(?:the\s+)?$",
    re.I,
)


def _choose_date(
    refs: Sequence[DateRef], trigger: int, cls: Classification, body: str
) -> DateRef | None:
    usable = [r for r in refs if r.value is not None and not r.future]
    # "one month after the Sept. 25, 2017, referendum": a reference point, not the event's date
    anchored = [
        r for r in usable if not _REFERENCE_POINT.search(body[max(0, r.start - 30) : r.start])
    ]
    usable = anchored or usable
    if cls.aggregate:
        periods = [r for r in usable if r.precision in ("quarter", "month", "year", "week")]
        if periods:
            usable = periods
    if not usable:
        return None
    return min(usable, key=lambda r: (abs(r.start - trigger), r.precision != "day"))


def _place_score(seg: Segment, text: str, m: Mention, trigger: int) -> float | None:
    place = m.place
    if place is None:
        return None
    rel_start = m.start - seg.start
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 3]
    if _NOT_A_LOCATION.search(before) or after.startswith(("'s", "’s")):
        return None
    if _FOREIGN.match(text[m.end : m.end + 60]):
        return None  # "Deir ez-Zor, Syria": a namesake of an Iraqi village, abroad
    score = 0.0
    if _LOCATIVE.search(before):
        score += 2.0
    score -= abs(rel_start - trigger) / 200
    score += 0.5 / (1 + place.precision_km / 10)
    return score


class _Extractor:
    def __init__(self, article: Article, spotter: Spotter) -> None:
        self.article = article
        self.spotter = spotter
        self.text = article.text
        self.segments = [s for s in segment(self.text) if not s.headline]
        self.mentions = spotter.spot(self.text)
        self.unresolved: list[str] = []
        self.dateline: Place | None = None
        if article.dateline:
            match = spotter.gazetteer.lookup(article.dateline)
            self.dateline = match.place if match else None

    def mentions_in(self, seg: Segment) -> list[Mention]:
        return [m for m in self.mentions if seg.start <= m.start < seg.end]

    def place_for(
        self, index: int, seg: Segment, trigger: int
    ) -> tuple[Place | None, str | None, str]:
        scored = []
        for m in self.mentions_in(seg):
            score = _place_score(seg, self.text, m, trigger)
            if score is not None and m.place is not None:
                scored.append((score, m))
        unresolved = self._unresolved_name(seg, trigger)
        if scored:
            best_score, best = max(scored, key=lambda t: t[0])
            if unresolved is None or unresolved[0] <= best_score:
                return best.place, best.text, "sentence"
        if unresolved is not None:
            return unresolved[1]
        for back in range(index - 1, max(-1, index - 2), -1):  # the nearest sentence only
            prev = self.segments[back]
            for m in self.mentions_in(prev):
                score = _place_score(prev, self.text, m, 0)
                if (
                    score is not None
                    and m.place is not None
                    and _LOCATIVE.search(self.text[max(0, m.start - 40) : m.start])
                ):
                    return m.place, m.text, "previous sentence"
        if self.dateline is not None:
            return self.dateline, self.article.dateline, "dateline"
        return None, None, "none"

    def _unresolved_name(
        self, seg: Segment, trigger: int
    ) -> tuple[float, tuple[Place | None, str | None, str]] | None:
        """A capitalised name after "in/near/at" that the spotter did not take as a place."""
        gaz = self.spotter.gazetteer
        spans = [
            (m.start - seg.start, m.end - seg.start)
            for m in self.mentions_in(seg)
            if m.place is not None and m.place.importance >= 0.6
        ]
        best: tuple[float, tuple[Place | None, str | None, str]] | None = None
        actors = find_actors(seg.text)
        for m in _UNRESOLVED.finditer(seg.text):
            name = m.group("name")
            a, b = m.span("name")
            if name.split()[0] in _NOT_NAMES or any(x.start <= a < x.end for x in actors):
                continue
            if any(s <= a and b <= e for s, e in spans):
                continue  # a known place the spotter already scored
            score = 2.0 - abs(a - trigger) / 200
            try:
                match = gaz.resolve(name)
            except UnknownPlaceError:
                found: tuple[Place | None, str | None, str] = (None, name, "unresolved")
            else:
                weak = match.score < 0.95 and match.place.importance < 0.6
                if match.score < 0.85 or weak or _FOREIGN.match(seg.text[b : b + 60]):
                    found = (None, name, "unresolved")
                else:
                    found = (match.place, name, "sentence (fuzzy)")
            if best is None or score > best[0]:
                best = (score, found)
        if best is not None and best[1][0] is None and best[1][1]:
            self.unresolved.append(best[1][1])
        return best

    def run(self) -> list[Event]:
        events: list[Event] = []
        last_period: DateRef | None = None
        last_event_date: tuple[date, str] | None = None
        pub = self.article.published
        for index, seg in enumerate(self.segments):
            strip = _DATELINE_PREFIX.match(seg.text)
            offset = strip.end() if strip else 0
            body = seg.text[offset:]
            # "three days earlier" counts from the date of the event told before
            refs = find_dates(body, pub, anchor=last_event_date[0] if last_event_date else None)
            periods = [r for r in refs if r.precision in ("quarter", "month") and r.value]
            past = [r for r in refs if r.value is not None and not r.future]
            cls = classify(body, dated=bool(past))
            if cls is None:
                if periods:
                    last_period = periods[0]
                self._add_casualties(events, seg, body)
                continue
            if (
                cls.trigger.lower() == "killed"
                and not past
                and self._add_casualties(events, seg, body)
            ):
                continue  # "2 ISIS militants were killed." tells the toll of the event before
            ref = _choose_date(refs, cls.trigger_start, cls, body)
            start = seg.start + offset
            event = Event(
                event_id=make_event_id(self.article.content_hash, start, seg.end),
                type=cls.type,
                quote=body,
                quote_start=start,
                quote_end=seg.end,
                source=self.article.source,
                subtype=cls.subtype,
                joint=cls.joint,
                aggregate=cls.aggregate,
                count=cls.count,
                fatalities=cls.fatalities,
                injuries=cls.injuries,
                url=self.article.url,
                title=self.article.title,
                published=pub,
                confidence=cls.confidence,
            )
            notes = []
            if ref is None and cls.aggregate and _SAME_PERIOD.search(body) and last_period:
                ref = last_period
            if ref is not None and ref.value is not None:
                event.event_date, event.date_precision = ref.value, ref.precision
                if ref.precision in ("quarter", "month", "year", "week"):
                    event.period = ref.period
                    last_period = ref if ref.precision in ("quarter", "month") else last_period
                last_event_date = (ref.value, ref.precision)
            elif unread := next((r for r in refs if r.value is None and not r.future), None):
                # a date the text gives but that cannot be read is not replaced by another
                event.confidence -= 0.2
                notes.append(f"date {unread.text!r} could not be resolved: event date left empty")
            elif last_event_date is not None and (cls.anaphoric or index > 0):
                event.event_date, event.date_precision = last_event_date
                event.confidence -= 0.1
                notes.append("date taken from the preceding event")
            elif pub is not None:
                event.event_date, event.date_precision = pub, "unknown"
                event.confidence -= 0.2
                notes.append("no date in the text: publication date used")
            period_end = ref.end_value if ref is not None and ref.end_value else event.event_date
            if period_end and pub and period_end < pub - timedelta(days=365):
                event.background = True
            self._place(event, index, seg, offset + cls.trigger_start, notes)
            self._actors(event, body, cls.trigger_start)
            key = (
                f"{cls.type}:{cls.subtype}"
                if f"{cls.type}:{cls.subtype}" in ACLED_TYPES
                else cls.type
            )
            if event.type == "attack" and event.actor2 == "Civilians" and key == "attack":
                key = "attack:civilians"
            event.acled_event_type, event.acled_sub_event_type = ACLED_TYPES[key]
            event.notes = "; ".join(notes) or None
            event.confidence = round(max(0.05, min(event.confidence, 0.99)), 2)
            events.append(event)
        return _merge(_date_lead_events(events))

    def _add_casualties(self, events: list[Event], seg: Segment, body: str) -> bool:
        """A follow-up sentence ("2 militants were killed.") adds to the event just told."""
        if not events or events[-1].type not in ("attack", "operation", "airstrike"):
            return False
        last = events[-1]
        told_in = next((s for s in self.segments if s.start <= last.quote_start < s.end), None)
        if told_in is None or told_in.paragraph != seg.paragraph:
            return False
        killed, injured = count_casualties(body)
        if killed is not None:  # "No casualties were reported." states zero
            last.fatalities = (last.fatalities or 0) + killed
        if injured is not None:
            last.injuries = (last.injuries or 0) + injured
        if killed is not None or injured is not None:
            last.extra_quotes.append(body)
            return True
        return False

    def _place(
        self, event: Event, index: int, seg: Segment, trigger: int, notes: list[str]
    ) -> None:
        place, surface, how = self.place_for(index, seg, trigger)
        event.place_query = surface
        if place is None:
            if surface:
                notes.append(f"place {surface!r} not in the gazetteer")
            event.confidence -= 0.1
            return
        event.place, event.place_id = place.name, place.id
        event.lat, event.lon = place.lat, place.lon
        event.admin1, event.admin2 = place.admin1 or None, place.admin2 or None
        event.precision_km = place.precision_km
        event.geo_precision = geo_precision(place)
        event.confidence += 0.1 if how == "sentence" else 0.0
        if how != "sentence":
            notes.append(f"place from the {how}")

    @staticmethod
    def _actors(event: Event, body: str, trigger: int) -> None:
        names: list[str] = []
        subjects: list[str] = []  # actors named before the trigger word
        for mention in find_actors(body):
            if mention.actor not in names:
                names.append(mention.actor)
            if mention.end <= trigger and mention.actor not in subjects:
                subjects.append(mention.actor)
        forces = [a for a in names if a in SECURITY_FORCES]
        first: str | None
        second: str | None
        if event.type == "attack":
            first = next((a for a in names if a in ("ISIS", "Unidentified armed group")), None)
            if first is None:  # "Turkish forces shelled villages": the subject attacked
                first = next((a for a in subjects if a != "Civilians"), None)
            targets = [a for a in names if a != first]
            second = targets[0] if targets else None
        elif event.type in ("operation", "airstrike", "arrest"):
            first = forces[0] if forces else None
            if "ISIS" in names:
                second = "ISIS"
            else:
                second = next(
                    (a for a in names if a != first and not (event.joint and a in SECURITY_FORCES)),
                    None,
                )
        else:  # meeting or agreement: the parties, not the enemy they discuss
            parties = [a for a in names if a not in ("ISIS", "Civilians")]
            first = parties[0] if parties else None
            second = parties[1] if len(parties) > 1 else None
            names = parties
        rest = [a for a in names if a not in (first, second)]
        event.actor1, event.actor2 = first, second
        event.assoc_actors = "; ".join(rest) or None
        if (
            event.type == "operation"
            and event.joint is False
            and {"Peshmerga", "Iraqi Security Forces"} <= set(forces)
            and re.search(r"\band\b", body)
            and first != "Iraqi Security Forces"
        ):
            event.joint = bool(re.search(r"\bjoint(?:ly)?\b", body, re.I))
        if first is not None:
            event.confidence += 0.05


# Place, actor and casualty fields a later telling of the same event may fill in.
FILLABLE = COLUMNS[COLUMNS.index("place") : COLUMNS.index("injuries") + 1]


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


def _merge(events: list[Event]) -> list[Event]:
    """Fold repeated tellings of one meeting or agreement (same type and day) into the first."""
    out: list[Event] = []
    for ev in events:
        twin = next(
            (
                o
                for o in out
                if o.type == ev.type
                and ev.type in ("meeting", "agreement")
                and not o.aggregate
                and not ev.aggregate
                and o.event_date == ev.event_date
                and (o.place_id == ev.place_id or None in (o.place_id, ev.place_id))
            ),
            None,
        )
        if twin is None:
            out.append(ev)
            continue
        twin.extra_quotes.append(ev.quote)
        for attr in FILLABLE:
            if getattr(twin, attr) is None and getattr(ev, attr) is not None:
                setattr(twin, attr, getattr(ev, attr))
        twin.confidence = round(min(0.99, twin.confidence + 0.05), 2)
    return out


def extract_events(article: Article, *, spotter: Spotter) -> ExtractionResult:
    """Events told in ``article``; non-English text yields none (with its warning)."""
    if any("does not look like English" in w for w in article.warnings):
        return ExtractionResult([], [], article.warnings)
    extractor = _Extractor(article, spotter)
    events = extractor.run()
    return ExtractionResult(events, extractor.unresolved, article.warnings)

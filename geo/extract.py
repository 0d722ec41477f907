"""From one article to its events: classify sentences, date them, place them, merge repeats.

Pure with respect to disk: the spotter (and through it the gazetteer) is injected.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from gazetteer import Mention, Place, Spotter
from geo.actors import SECURITY_FORCES, find_actors
from geo.articles import Article
from geo.casualties import count_casualties
from geo.classify import Classification, classify, is_summary
from geo.dates import DateRef, find_dates
from geo.events import ACLED_TYPES, COLUMNS, Event, make_event_id
from geo.place_phrases import (
    FOREIGN_COUNTRIES,
    PlacePhrase,
    abroad,
    choose_place,
    foreign_names,
    offset_before,
    read_place_phrases,
    strip_dateline,
)
from geo.segment import Segment, segment

__all__ = ["ExtractionResult", "extract_events", "geo_precision"]

_OFFSET_AFTER = re.compile(
    r",?\s*(?:(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers)\s+|some\s+|about\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?P<ref>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_UNRESOLVED = re.compile(
    r"\b(?:in|near|at|outside|around|village of|town of|outskirts of|edge of|entrance of|"
    r"(?:farmland|farms|orchards|desert|countryside|vicinity|hills|area|areas) of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of)\s+(?:the\s+)?"
    r"(?:village of\s+|town of\s+|area of\s+)?"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
    r"(?:(?P<owner>[A-Z][\w-]+)['’]s\s+)?"
    r"(?P<name>(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ez|ad|as|ash|az|ar|at|an|Al|El)-)?[A-Z][\w'’-]+|"
    r"\s+(?:al|el|ez|ad|as|ash|az|ar|at|an)-[A-Za-z][\w'’-]+){0,2})"
)
_KIND_AFTER = re.compile(r"\s+(district|subdistrict|sub-district|village|town|province)\b", re.I)
_NOT_NAMES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That Iraq Iraqi Kurdish "
    "Syria Iran Turkey Baghdad Erbil Peshmerga ISIS Coalition March".split()
)
_HISTORY = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+)?(?:19|20)\d\d\b|\bsince then\b|"
    r"\b(?:years|decades) ago\b|\bwas declared defeated\b|\bdeclared (?:its )?(?:victory|defeat)\b|"
    r"\b(?:fell|fallen) to\b|\buntil\s+(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+)?(?:19|20)\d\d\b|\bat the (?:end|height) of (?:19|20)\d\d\b|"
    r"(?<!\bthat )(?<!\bthey )(?<!\bit )(?<!\bhe )(?<!\bshe )\bhad (?:long |previously |once |already )?"
    r"(?:been |\w+ed\b)",
    re.I,
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


_RETOLD_MEETING = re.compile(r"\s*(?:The|This|That|During the) (?:meeting|talks|visit)\b")
_SPEECH = (
    r"(?:said|says|announced|reported|stated|added|told|declared|confirmed|revealed|"
    r"claimed|noted|explained|published|issued)"
)
_SPEECH_BEFORE = re.compile(_SPEECH + r"(?:\s+\w+)?\s+$", re.I)
_SPEECH_AFTER = re.compile(r"[\s,]*" + _SPEECH + r"\b", re.I)


def _choose_date(
    refs: Sequence[DateRef], trigger: int, cls: Classification | None, body: str
) -> DateRef | None:
    usable = [r for r in refs if r.value is not None and not r.future]
    # "one month after the Sept. 25, 2017, referendum": a reference point, not the event's date
    anchored = [
        r for r in usable if not _REFERENCE_POINT.search(body[max(0, r.start - 30) : r.start])
    ]
    usable = anchored or usable
    # "said on Tuesday that officers met ... on Monday": the day of the statement, not the event
    told_on = [
        r
        for r in usable
        if _SPEECH_BEFORE.search(body[max(0, r.start - 25) : r.start])
        or _SPEECH_AFTER.match(body, r.end)
    ]
    usable = [r for r in usable if r not in told_on] or usable
    if cls is not None and cls.aggregate:
        periods = [r for r in usable if r.precision in ("quarter", "month", "year", "week")]
        if periods:
            usable = periods
    if not usable:
        return None
    return min(usable, key=lambda r: (abs(r.start - trigger), r.precision != "day"))


@dataclass(frozen=True, slots=True)
class _PlaceChoice:
    place: Place | None
    surface: str | None
    how: str
    offset_km: float | None = None


_NONE = _PlaceChoice(None, None, "none")
_CONTEXT_KINDS = frozenset({"governorate", "district", "subdistrict"})


def _is_history(body: str, ref: DateRef | None, pub: date | None) -> bool:
    """Whether the sentence tells history rather than news, from its own words.

    A year alone never dates a point event; "since 2014", "years ago", "fell to ISIS",
    "was declared defeated in 2017" and the past perfect tell the story's background. A
    month before the publication month (or any month when the publication date is unknown)
    is background too.
    """
    if ref is not None and ref.precision == "day":
        return False
    if ref is not None and ref.precision == "year":
        return True
    if ref is not None and ref.precision == "month" and ref.value is not None:
        if pub is None or (ref.value.year, ref.value.month) < (pub.year, pub.month):
            return True
    return bool(_HISTORY.search(body))


_CHUNK = 20_000


def _spot(spotter: Spotter, text: str) -> list[Mention]:
    """Place mentions of ``text``, spotted in paragraph-aligned chunks of ~20,000 characters.

    The spotter compares each hit with the others (overlaps, context anchors), which grows
    with the square of the text: a 3 MB file spotted whole took minutes. Chunks keep it linear;
    an article under 20,000 characters is spotted whole, as before.
    """
    if len(text) <= _CHUNK:
        return spotter.spot(text)
    out: list[Mention] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        out += [
            Mention(m.text, m.start + start, m.end + start, m.match)
            for m in spotter.spot(text[start:end])
        ]
        start = end
    return out


_SECTION_ABROAD = re.compile(r"\b(?:in|In)\s+(?:neighbou?ring\s+)?(?:" + FOREIGN_COUNTRIES + r")\b")


def _abroad_sections(every: Sequence[Segment]) -> list[bool]:
    """For each sentence (headlines left out), whether it sits under a section about abroad.

    Press releases list strikes under headers ("Strikes in Syria", "In Iraq, three strikes
    ...:"): a header or a colon-ended lead naming another country opens a section abroad, one
    naming Iraq closes it.
    """
    out: list[bool] = []
    state = False
    for seg in every:
        if seg.headline or seg.text.rstrip().endswith(":"):
            if re.search(r"\bIraq\b", seg.text):
                state = False
            elif _SECTION_ABROAD.search(seg.text):
                state = True
        if not seg.headline:
            out.append(state)
    return out


class _Extractor:
    def __init__(self, article: Article, spotter: Spotter) -> None:
        self.article = article
        self.spotter = spotter
        self.text = article.text
        # the article's hash, once: recomputing it per event was the quadratic step
        self.key = article.content_hash
        every = segment(self.text)
        self.segments = [s for s in every if not s.headline]
        self.abroad_section = _abroad_sections(every)
        self.mentions = _spot(spotter, self.text)
        self.seg_starts = [s.start for s in self.segments]
        # mentions of each segment, found once by bisection (linear in the article's length)
        starts = [m.start for m in self.mentions]
        self.seg_mentions = [
            self.mentions[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
            for s in self.segments
        ]
        self.abroad_names = foreign_names(self.text, [m.text for m in self.mentions])
        areas = {
            m.place.id: m.place
            for m in self.mentions
            if m.place is not None and m.place.kind in _CONTEXT_KINDS
        }
        self.context: tuple[Place, ...] = tuple(areas.values())[:8]
        # the districts and governorates the article names, directly or through its places
        named = [m.place for m in self.mentions if m.place is not None]
        self.admin2s = frozenset(p.admin2 for p in named if p.admin2)
        self.admin1s = frozenset(p.admin1 for p in named if p.admin1)
        self.unresolved: list[str] = []
        self.warnings: list[str] = []
        self.dateline: Place | None = None
        self.dateline_name = article.dateline
        if article.dateline:
            match = spotter.gazetteer.lookup(article.dateline)
            self.dateline = match.place if match else None

    def note_dateline(self, prefix: str) -> None:
        """Remember the town of a dateline ("KIRKUK, Iraq (AP) -") as where the story was filed."""
        if self.dateline is not None:
            return
        head = re.match(
            r"\s*(?:date\s+\S+\s+)?([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?)", prefix
        )
        if head is None or head.group(1).lower() in ("shafaq", "date"):
            return
        match = self.spotter.gazetteer.lookup(head.group(1))
        if match is not None and match.score >= 0.95 and not match.place.is_area:
            self.dateline, self.dateline_name = match.place, head.group(1)

    def phrases(self, index: int, offset: int) -> list[PlacePhrase]:
        """Place phrases of segment ``index`` after its first ``offset`` characters."""
        seg = self.segments[index]
        base = seg.start + offset
        spans = [
            (m.start - base, m.end - base, m.text, m.place)
            for m in self.seg_mentions[index]
            if m.place is not None and m.start >= base
        ]
        return read_place_phrases(seg.text[offset:], spans, abroad_names=self.abroad_names)

    def place_for(self, index: int, offset: int, trigger: int) -> _PlaceChoice:
        seg = self.segments[index]
        body = seg.text[offset:]
        if abroad(body, trigger):
            return _PlaceChoice(None, None, "abroad")  # "In neighbouring Syria, the SDF said..."
        phrases = self.phrases(index, offset)
        best = choose_place(phrases, trigger)
        unresolved = self._unresolved_name(index, offset, trigger)
        if best is not None:
            score, phrase = best
            if unresolved is None or unresolved[0] <= score:
                km = phrase.offset_km if phrase.offset_km is not None else None
                if phrase.between and km is None:
                    km = 15.0
                return _PlaceChoice(phrase.place, phrase.name, "sentence", km)
        if unresolved is not None:
            return unresolved[1]
        if any(p.foreign for p in phrases):
            return _PlaceChoice(None, None, "abroad")
        for back in range(index - 1, max(-1, index - 2), -1):  # the nearest sentence only
            prev = self.segments[back]
            if prev.paragraph != seg.paragraph and index - back > 1:
                break
            for p in self.phrases(back, 0):
                if p.locative and not p.foreign and not p.container:
                    return _PlaceChoice(p.place, p.name, "previous sentence", p.offset_km)
        if self.dateline is not None:
            return _PlaceChoice(self.dateline, self.dateline_name, "dateline")
        return _NONE

    def _resolve_name(
        self, name: str, offset_km: float | None, owner: Place | None = None
    ) -> _PlaceChoice | None:
        """Resolve a name the spotter missed; accept a weak match only within the article's areas."""
        gaz = self.spotter.gazetteer
        accepted = []
        for match in (gaz.lookup(name), gaz.lookup(name, context=self.context)):
            if match is None or match.score < 0.85:
                continue
            place = match.place
            admin1s = self.admin1s | ({owner.admin1} if owner is not None else set())
            in_context = place.admin2 in self.admin2s or (
                match.score >= 0.9 and place.admin1 in admin1s
            )
            if match.score >= 0.95 or place.importance >= 0.6 or in_context:
                accepted.append((in_context, match.score, place))
        if not accepted:
            return None
        place = max(accepted, key=lambda t: (t[0], t[1]))[2]
        return _PlaceChoice(place, name, "sentence (fuzzy)", offset_km)

    def _unresolved_name(
        self, index: int, offset: int, trigger: int
    ) -> tuple[float, _PlaceChoice] | None:
        """A capitalised name in a place phrase that the spotter did not take as a place.

        It goes through the resolver's transliteration and fuzzy stages with the article's
        governorates and districts as context before it is called unresolved.
        """
        seg = self.segments[index]
        body = seg.text[offset:]
        base = seg.start + offset
        gaz = self.spotter.gazetteer
        spans = [
            (m.start - base, m.end - base)
            for m in self.seg_mentions[index]
            if m.place is not None and m.place.importance >= 0.6
        ]
        best: tuple[float, _PlaceChoice] | None = None
        actors = find_actors(body)
        for m in _UNRESOLVED.finditer(body):
            name = m.group("name")
            a, b = m.span("name")
            if name.split()[0] in _NOT_NAMES or any(x.start <= a < x.end for x in actors):
                continue
            if any(s <= a and b <= e for s, e in spans):
                continue  # a known place the spotter already scored
            if name in self.abroad_names or abroad(body[max(0, a - 40) : b + 40]):
                continue
            score = 2.0 + 0.6 - abs(a - trigger) / 200
            offset_match = _OFFSET_AFTER.match(body, b)
            found = _PlaceChoice(None, name, "unresolved")
            kind = _KIND_AFTER.match(body, b)  # "Multaqa subdistrict": the kind helps the resolver
            query = f"{name} {kind.group(1)}" if kind else name
            owner = gaz.lookup(m.group("owner")) if m.group("owner") else None
            found = (
                self._resolve_name(
                    query, offset_before(body[:a]), owner.place if owner is not None else None
                )
                or found
            )
            if found.place is None and offset_match is not None:
                # "the village of Zarqawiya, 60 km southwest of Erbil": near the reference town
                ref = gaz.lookup(offset_match.group("ref"), context=self.context)
                if ref is not None and ref.score >= 0.95:
                    km = float(offset_match.group("km") or 15)
                    found = _PlaceChoice(ref.place, name, "reference town", km)
                    self.unresolved.append(name)
            if best is None or score > best[0]:
                best = (score, found)
        if best is not None and best[1].place is None and best[1].surface:
            self.unresolved.append(best[1].surface)
        return best

    def run(self) -> list[Event]:
        events: list[Event] = []
        last_period: DateRef | None = None
        last_event_date: tuple[date, str] | None = None
        pub = self.article.published
        for index, seg in enumerate(self.segments):
            first_in_paragraph = index == 0 or self.segments[index - 1].paragraph != seg.paragraph
            offset = strip_dateline(seg.text) if first_in_paragraph else 0
            if offset:
                self.note_dateline(seg.text[:offset])
            body = seg.text[offset:]
            # "three days earlier" counts from the date of the event told before
            refs = find_dates(body, pub, anchor=last_event_date[0] if last_event_date else None)
            periods = [r for r in refs if r.precision in ("quarter", "month") and r.value]
            past = [r for r in refs if r.value is not None and not r.future]
            cls = classify(body, dated=bool(past), told=bool(events))
            if cls is not None and self.abroad_section[index]:
                self.warnings.append(f"left out an event abroad: {body[:70]!r}")
                continue  # an item under "Strikes in Syria"
            if cls is None and is_summary(body):
                # "announced the results of operations carried out on Sunday": the items
                # that follow take its day
                day = _choose_date(refs, 0, None, body)
                if day is not None and day.precision == "day" and day.value is not None:
                    last_event_date = (day.value, day.precision)
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
            if cls.type == "meeting" and _RETOLD_MEETING.match(body):
                told = next((e for e in reversed(events) if e.type == "meeting"), None)
                if told is not None:  # "The meeting, held at the coordination centre, ..."
                    told.extra_quotes.append(body)
                    continue
            ref = _choose_date(refs, cls.trigger_start, cls, body)
            if cls.aggregate and ref is not None and ref.precision == "day":
                # "carried out two airstrikes on Tuesday": one dated event with a count
                cls = replace(cls, aggregate=False)
            start = seg.start + offset
            event = Event(
                event_id=make_event_id(self.key, start, seg.end),
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
            if not cls.aggregate and _is_history(body, ref, pub):
                event.background = True
                notes.append("history, not an event of this report")
            if not self._place(event, index, offset, cls.trigger_start, notes):
                self.warnings.append(f"left out an event abroad: {body[:70]!r}")
                continue  # told of another country: not an Iraqi event
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
        return _merge(_fold_undated_leads(_date_lead_events(events)))

    def _add_casualties(self, events: list[Event], seg: Segment, body: str) -> bool:
        """A follow-up sentence ("2 militants were killed.") adds to the event just told."""
        if not events or events[-1].type not in ("attack", "operation", "airstrike"):
            return False
        last = events[-1]
        starts = self.seg_starts
        at = bisect_right(starts, last.quote_start) - 1
        told_in = self.segments[at] if at >= 0 else None
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

    def _place(self, event: Event, index: int, offset: int, trigger: int, notes: list[str]) -> bool:
        """Place ``event``; False when the sentence tells of another country."""
        choice = self.place_for(index, offset, trigger)
        if choice.how == "abroad":
            return False
        event.place_query = choice.surface
        place = choice.place
        if place is None:
            if choice.surface:
                notes.append(f"place {choice.surface!r} not in the gazetteer")
            event.confidence -= 0.1
            return True
        event.place, event.place_id = place.name, place.id
        event.lat, event.lon = place.lat, place.lon
        event.admin1, event.admin2 = place.admin1 or None, place.admin2 or None
        event.precision_km = place.precision_km
        event.geo_precision = geo_precision(place)
        if choice.offset_km is not None:
            # "20 km east of X": the event is near X, as far off as the text says
            event.precision_km = round(place.precision_km + choice.offset_km, 1)
            event.geo_precision = max(event.geo_precision, 2)
            notes.append(f"about {choice.offset_km:g} km from {place.name}")
        event.confidence += 0.1 if choice.how == "sentence" else 0.0
        if choice.how != "sentence":
            notes.append(f"place from the {choice.how}")
        return True

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
            # the attacker did it (subject of the active verb, agent of the passive): ISIS when
            # named ("gunmen believed to be ISIS"), else unidentified gunmen, else the subject
            armed = ("ISIS", "Unidentified armed group")
            first = next((a for a in armed if a in names), None)
            if first is None:  # "Turkish forces shelled villages": the subject attacked
                first = next((a for a in subjects if a != "Civilians"), None)
            targets = [a for a in names if a != first and a not in armed]
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
        sides = {a for a in forces if a in _JOINT_SIDES}
        if (
            event.type == "operation"
            and not event.joint
            and len(sides) >= 2
            and not re.search(r"\bunilateral", body, re.I)
        ):
            # Peshmerga and Iraqi forces together, or Iraqi forces backed by the coalition
            event.joint = True
        if first is not None:
            event.confidence += 0.05


_JOINT_SIDES = frozenset({"Peshmerga", "Iraqi Security Forces", "US-led Coalition"})

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


def extract_events(article: Article, *, spotter: Spotter) -> ExtractionResult:
    """Events told in ``article``; non-English text yields none (with its warning)."""
    if any("does not look like English" in w for w in article.warnings):
        return ExtractionResult([], [], article.warnings)
    extractor = _Extractor(article, spotter)
    events = extractor.run()
    return ExtractionResult(events, extractor.unresolved, (*article.warnings, *extractor.warnings))

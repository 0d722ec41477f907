"""From one article to its events: classify sentences, date them, place them, merge repeats.

Pure with respect to disk: the spotter (and through it the gazetteer) is injected.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, replace
from datetime import date, timedelta

from gazetteer import Spotter
from gazetteer.geometry import distance_km
from gazetteer.shapes import PART_KM, nearest_part
from geo.articles import Article
from geo.casualties import parse_number
from geo.classify import classify, is_summary
from geo.cues import AFTERMATH, CONTINUES, NEW_EVENT, STATEMENT_DAY, TOLL_UPDATE
from geo.dates import DateRef
from geo.event_dates import choose_date, is_history, told_only
from geo.events import ACLED_TYPES, Event, make_event_id
from geo.merge import FILLABLE, STATEMENT_NOTE, absorb, merge_retellings, same_place
from geo.place_phrases import (
    FOREIGN_COUNTRIES,
    strip_dateline,
)
from geo.placing import Placer, geo_precision
from geo.prescan import screened
from geo.roles import assign_roles
from geo.segment import Segment, segment
from geo.sentence import SentenceAnalysis, analyse

__all__ = ["ExtractionResult", "extract_events", "geo_precision"]

_RETOLD_MEETING = re.compile(r"\s*(?:The|This|That|During the) (?:meeting|talks|visit)\b")
# the meeting word itself named as known: "a tribal leader who attended the meeting told"
_THE_MEETING = re.compile(r"\b(?:the|that|this)\s+$", re.I)
# "The two sides discussed ...", "The participants stressed ...": the meeting's people, on no
# day of their own, go on telling the meeting
_MEETING_PEOPLE = re.compile(
    r"\s*(?:The|Both) (?:two )?(?:sides|parties|participants|delegations?|officials|commanders|"
    r"officers)\b"
)
_SAME_PERIOD = re.compile(
    r"\b(?:the same|this|that) (?:quarter|period|month|year)\b|"
    r"\bin this period\b",
    re.I,
)


def _updated_toll(body: str) -> int | None:
    """The new count of "the death toll later rose to four" (``None`` when none is given)."""
    match = TOLL_UPDATE.search(body)
    if match is None or match.group("count") is None:
        return None
    head = body[max(0, match.start() - 12) : match.start()].lower()
    if "injur" in head or "wound" in head:
        return None  # "the injury toll rose to nine": not the dead
    return parse_number(match.group("count"))


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Events of one article and the place names it could not resolve."""

    events: list[Event]
    unresolved: list[str]
    warnings: tuple[str, ...]


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


# What a violent event's follow-up sentences may be typed: an attack's aftermath is often
# told as an operation ("troops returned fire, killing both gunmen") and an airstrike's as an
# attack word ("reached the bombed cave"); an arrest is followed up by arrests only.
_FOLDS: dict[str, frozenset[str]] = {
    "attack": frozenset({"attack", "operation", "airstrike"}),
    "operation": frozenset({"attack", "operation", "airstrike"}),
    "airstrike": frozenset({"attack", "operation", "airstrike"}),
    "arrest": frozenset({"arrest"}),
}
# "The incident took place on Wednesday evening": the day of the event just told
_TOOK_PLACE = re.compile(
    r"\b(?:the|this|that)\s+(?:incident|attack|ambush|raid|operation|strike|airstrike|"
    r"bombing|assault|clash(?:es)?|arrests?|explosion|blast|shooting|kidnapping)\s+"
    r"(?:took place|happened|occurred|was carried out|was conducted|was launched|unfolded)\b",
    re.I,
)
_BORROWED_DATE = frozenset(
    {
        "no date in the text: publication date used",
        "date taken from the preceding event",
        STATEMENT_NOTE,
    }
)
_TOLD_ONLY = "only the day it was told"
# "Earlier, the Cell announced ...": before the event told, on a day the text does not give
_EARLIER = re.compile(r"\b(?:earlier|previously|before that|prior to that)\b", re.I)
# Reported speech shifts the tense back: "announced that jets had destroyed a hideout" is
# news, not the past perfect of history (read as "has" when the history is judged)
_BACKSHIFT = re.compile(
    r"(\b(?:said|says|announced|reported|stated|added|confirmed|revealed|declared|"
    r"explained|noted)\b[^.;]{0,80}?\bthat\b[^.;]{0,80}?\b)had(?= \w+ed\b)",
    re.I,
)
# "Near Hawijah, two strikes engaged ...": an item of a list of events, each at its place
_LIST_ITEM = re.compile(
    r"[*•·\-–\s]*(?:On [^,]{3,30}, )?(?:Near|In|Around|Outside|(?:North|South|East|West)\w* of) [A-Z]"
)
# a sentence that opens with the attackers of the event just told: "The gunmen, riding in ..."
_ACTORS_AGAIN = re.compile(
    r"\s*(?:The|These|Those)\s+(?:[\w-]+\s+)?(?:gunmen|attackers|assailants|militants|"
    r"jihadists|insurgents|kidnappers|bombers|raiders)\b"
)
# a death told without the attack's verb: the toll of the event told when the sentence has
# no day or place of its own ("2 ISIS militants were killed.", "Two of the wounded later
# succumbed to their wounds.")
_TOLL_TRIGGER = re.compile(
    r"(?i:killed|(?:were|was|been|being) martyred|perished|lost (?:their|his|her) li(?:ves|fe)|"
    r"succumbed to (?:his|her|their) (?:wounds|injuries))"
)
# a follow-up that tells more dead than the first telling counted
_MORE_DEAD = re.compile(
    r"\b(?:also|another|more|other)\b(?:\s+\w+){0,3}?\s+(?:killed|died|dead)\b|"
    r"\blater (?:died|succumbed)\b",
    re.I,
)
_FOLLOW_UP_SENTENCES = 3  # a follow-up comes within three sentences of the event it continues
# "The officer, a first lieutenant, was killed", "The militants also burned a tractor": a
# sentence that points back to the event told may come further down, after quotes
_BACK_REFERENCE_SENTENCES = 8


# the note of a place taken from the context, not from the sentence's own words
_CONTEXT_PLACE = re.compile(r"\bplace from the (?:previous sentence|dateline)\b")
_ARMED = ("ISIS", "Unidentified armed group")
_NAMED_PLACE = re.compile(r"\b(?:on|in|at|near|of|to)\s+(?:the\s+)?([A-Z][\w'’-]{2,})")
_NOT_A_SPOT = frozenset(
    {
        "Iraq",
        "Kurdistan",
        "Syria",
        "Iran",
        "Turkey",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "The",
    }
)


def _place_told(last: Event, event: Event) -> bool:
    """Same or nested place, or a place the telling of ``last`` named too.

    "... caves in the Hamrin Mountains, about 20 kilometers west of Tuz Khurmatu" then "...
    villages along the Tuz Khurmatu–Kirkuk road": the follow-up's place was named by the
    event's own telling; "Monday's assault on Namisa" names the village its telling named.
    """
    if same_place(last, event):
        return True
    told = " ".join([last.quote, *last.extra_quotes])
    names = {m.group(1) for m in _NAMED_PLACE.finditer(event.quote)} - _NOT_A_SPOT
    if event.place_query:
        names.add(event.place_query)
    return any(re.search(r"\b" + re.escape(n) + r"\b", told) for n in names)


# History told without a date: "massacred", a year, "fled"
_HISTORY_CUE = re.compile(r"\b(?:massacr\w*|genocide|(?:19|20)\d\d|fled|fleeing)\b", re.I)


def _history_cue(body: str) -> bool:
    """A history cue outside the aftermath told ("the assailants fled toward the valley")."""
    after = [m.span() for m in AFTERMATH.finditer(body)]
    return any(not any(a <= m.start() < b for a, b in after) for m in _HISTORY_CUE.finditer(body))


# "in the nearby Hamrin foothills": near the place of the event just told
_NEARBY = re.compile(r"\b(?i:nearby)\s+[A-Z]")
# "combing the area", "in the same village": the place of the event just told
_THE_AREA = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+)?(?:area|village|town|region|site|spot|orchards?|"
    r"farmland|surroundings)\b(?!\s+(?:of|near|around|between)\b)",
    re.I,
)


def _same_area(event: Event, last: Event, body: str, notes: list[str]) -> None:
    """Place ``event``, which names no place but "the area", where ``last`` was placed."""
    if last.place is None or last.background or not _THE_AREA.search(body):
        return
    # the place of the event told, not the page's dateline nor the previous sentence's
    notes[:] = [n for n in notes if not _CONTEXT_PLACE.search(n)]
    event.place, event.place_id, event.place_query = last.place, last.place_id, last.place_query
    event.lat, event.lon = last.lat, last.lon
    event.admin1, event.admin2 = last.admin1, last.admin2
    event.precision_km, event.geo_precision = last.precision_km, last.geo_precision
    event.confidence += 0.1  # placed from the context: a part of the unplaced penalty back
    notes.append("place from the event told before ('the area')")


def _joins(last: Event, event: Event, sentence: SentenceAnalysis, own_place: bool) -> bool:
    """Whether a follow-up sentence's ``event`` (placed, dated, its roles read) is ``last``.

    ``own_place``: the sentence names its place (not taken from the context). Only with the
    same day (or none of its own), no place of its own or the same or a nested place
    (:func:`geo.merge.same_place`), no other perpetrator and no other casualty count: "On
    Monday, militants ambushed reinforcements near Tuz Khurmatu, killing four policemen" and
    "Gunmen killed a shepherd near Khanaqin" are events of their own.
    """
    # the event told placed by its own words too ("a village in northern Iraq" placed by the
    # dateline is no place to compare)
    own_place = (
        own_place
        and not _CONTEXT_PLACE.search(last.notes or "")
        and not _placeless(event, sentence)
    )
    if own_place and _origin_apposition(sentence.body, event.place_query):
        own_place = False  # "The victims, brothers from Qara Tapa, were killed": who they were
    if own_place and not _place_told(last, event):
        return False
    if (
        own_place
        and last.place_id is None
        and event.place_id is None
        and event.place_query not in (None, last.place_query)
    ):
        return False  # two places the gazetteer does not know, by two names
    if TOLL_UPDATE.search(sentence.body) and not _opens_new(sentence.body):
        return True  # "a toll that later rose to two": the toll of the event told, updated
    if AFTERMATH.search(sentence.body):
        # "ISIS claimed responsibility (on Monday)", "were taken to hospital": aftermath, its
        # day the claim's; unless it tells its own casualties
        return all(
            n is None or n == told
            for n, told in ((sentence.killed, last.fatalities), (sentence.injured, last.injuries))
        )
    if event.event_date != last.event_date:
        return False
    if CONTINUES.match(sentence.body):
        return True  # "One of the assailants was also killed ... by the Peshmerga": the same fight
    # a perpetrator of the other side, for the same kind of event: "Coalition jets struck"
    # after "Militants attacked" ("gunmen" may be ISIS; Iraqi and Coalition forces act
    # together); an operation's follow-up may tell the attack on its troops
    return (
        event.type != last.type
        or None in (last.actor1, event.actor1)
        or (last.actor1 in _ARMED) == (event.actor1 in _ARMED)
    )


def _opens_new(body: str) -> bool:
    """Whether the sentence says it tells another event ("separately", "a second bomb").

    "Also" opens a new event only when the sentence does not go on telling the one before:
    "Militants also attacked a checkpoint" may be another attack, "The militants also burned a
    harvester before withdrawing" is more of the same raid (:data:`geo.cues.CONTINUES`).
    """
    words = {m.group(0).lower() for m in NEW_EVENT.finditer(body)}
    if words - {"also"}:
        return True
    return bool(words) and not CONTINUES.search(body)


# "The victims, two brothers from the village of X, were ...": a back-reference to the
# people of the event told, then an apposition that says who they were
_APPOSITION = re.compile(
    r"\s*(?:The|Both|These|Those)\s+(?:[\w-]+\s+){0,2}?[\w-]+,\s+([^,]{3,90}),"
)


def _origin_apposition(body: str, place_query: str | None) -> bool:
    """Whether ``place_query`` is named only in an apposition to a back-referring subject."""
    if not place_query or not CONTINUES.match(body):
        return False
    m = _APPOSITION.match(body)
    return m is not None and place_query in m.group(1) and place_query not in body[m.end() :]


# "forces have detained", "a leader has been killed": the present perfect of fresh news
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:also\s+|now\s+|just\s+)?(?:been\s+)?(?:[a-z]+(?:ed|en)|shot|hit|"
    r"struck|caught|seized)\b",
    re.I,
)


def _told_as_news(body: str, said: DateRef) -> bool:
    """Whether the event is told in the present perfect before the day it was told.

    "Iraqi forces have detained four suspects in Kirkuk, the ministry said on Tuesday": news
    of that day (the corpus convention dates it so); "said on Monday that two soldiers were
    killed" or "had been killed" tells an earlier day the text does not give.
    """
    return bool(_PRESENT_PERFECT.search(body, 0, said.start))


# "reached the site", "at the scene", "in the same area": the place of the event told
_SAME_SITE = re.compile(
    r"\b(?:at|to|in|near|around|reached|searched|combed|stormed)\s+the\s+(?:same\s+)?"
    r"(?:site|scene|spot|location|same area)\b",
    re.I,
)
_SITE_FIELDS = FILLABLE[: FILLABLE.index("precision_km") + 1]


def _at_the_site(event: Event, told: Event, notes: list[str]) -> list[str]:
    """Place ``event`` where ``told`` is when its own place was only borrowed or unknown.

    "A ground force reached the site at dawn and arrested a sixth militant": the site is the
    place of the event told before, not the range or town the sentence before also named.
    Returns the event's notes, updated.
    """
    borrowed = [n for n in notes if _CONTEXT_PLACE.search(n)]
    if told.place_id is None or (event.place_id is not None and not borrowed):
        return notes
    event.confidence += 0.1 if borrowed else 0.3  # what _place took off, in part
    for attr in _SITE_FIELDS:
        setattr(event, attr, getattr(told, attr))
    return [n for n in notes if n not in borrowed] + ["place of the event told before (the site)"]


def _placeless(event: Event, sentence: SentenceAnalysis) -> bool:
    """Whether the follow-up names no place at all (nothing of its own to compare)."""
    return event.place_id is None and event.place_query is None and not sentence.places


# "agreed during a meeting held in Makhmur", "met in Sinjar and agreed": the meeting is
# told in the agreement's sentence ("at the meeting", "the two sides met" point back to one)
_MEETING_IN_AGREEMENT = re.compile(
    r"\b(?:during|at|in)\s+an?\s+(?:[\w-]+\s+){0,2}?meeting\b|"
    r"\b(?:held|convened)\s+an?\s+(?:[\w-]+\s+){0,2}?meeting\b|"
    r"\ban?\s+(?:[\w-]+\s+){0,2}?meeting\s+(?:was\s+)?held\b|"
    r"(?<!the two sides )(?<!both sides )\bmet\b(?:\s+\w+){0,6}?\s+and\s+(?:\w+\s+)?agreed\b",
    re.I,
)


def _meeting_of_agreement(event: Event, events: list[Event], body: str) -> Event | None:
    """The meeting an agreement's own sentence says it was reached at, if none was told yet.

    Commanders who "agreed during a meeting held in X on Tuesday" met there that day: the
    corpus conventions count the meeting and the agreement, two events of one sentence.
    """
    if event.type != "agreement" or event.background or not _MEETING_IN_AGREEMENT.search(body):
        return None
    # a bounded look-back (the story's last events) keeps extraction linear in its length
    if any(e.type == "meeting" and e.event_date == event.event_date for e in events[-20:]):
        return None  # "the two sides agreed at the meeting": the meeting told before
    event_type, sub_event_type = ACLED_TYPES["meeting"]
    return replace(
        event,
        type="meeting",
        subtype=None,
        acled_event_type=event_type,
        acled_sub_event_type=sub_event_type,
        extra_quotes=[],
    )


class _Extractor(Placer):
    def __init__(self, article: Article, spotter: Spotter) -> None:
        self.article = article
        # the article's hash, once: recomputing it per event was the quadratic step
        self.key = article.content_hash
        every = segment(article.text)
        segments = [s for s in every if not s.headline]
        super().__init__(article.text, spotter, segments, article.dateline)
        self.abroad_section = _abroad_sections(every)
        self.seg_starts = [s.start for s in self.segments]
        self.warnings: list[str] = []
        self.told_at = -1  # index of the sentence of the last event told
        self.statement_days: dict[str, date] = {}  # event_id -> the day its statement was made

    def run(self) -> list[Event]:
        events: list[Event] = []
        last_period: DateRef | None = None
        last_event_date: tuple[date, str] | None = None
        pub = self.article.published
        summarised = False
        for index, seg in enumerate(self.segments):
            first_in_paragraph = index == 0 or self.segments[index - 1].paragraph != seg.paragraph
            offset = strip_dateline(seg.text) if first_in_paragraph else 0
            if offset:
                self.note_dateline(seg.text[:offset])
            body = seg.text[offset:]
            # the sentence parsed once; "three days earlier" counts from the event told before
            sentence = analyse(
                body,
                index=index,
                start=seg.start + offset,
                published=pub,
                anchor=last_event_date[0] if last_event_date else None,
                places=tuple(self.phrases(index, offset)),
            )
            refs, periods, past = list(sentence.dates), sentence.periods, sentence.past_dates
            if events and sentence.quotation:
                continue  # a direct quotation retells the story in someone's words
            cls = classify(
                body,
                dated=bool(past),
                told=bool(events) or summarised,
                actors=sentence.actors,
                casualties=(sentence.killed, sentence.injured),
            )
            if cls is not None and self.abroad_section[index]:
                self.warnings.append(f"left out an event abroad: {body[:70]!r}")
                continue  # an item under "Strikes in Syria"
            if cls is None and is_summary(body):
                summarised = True  # "the results of the operation": "the operation" is told
                # "announced the results of operations carried out on Sunday": the items
                # that follow take its day
                day = choose_date(refs, 0, None, body)
                if day is not None and day.precision == "day" and day.value is not None:
                    last_event_date = (day.value, day.precision)
            if events and _TOOK_PLACE.search(body):
                # "The incident took place on Wednesday evening": the event told, its day
                if not self._redate(events[-1], refs, body):
                    events[-1].extra_quotes.append(body)
                elif events[-1].event_date is not None:
                    last_event_date = (events[-1].event_date, "day")  # for what follows
                self._replace_wide(events[-1], sentence, offset)  # "... south of X"
                continue
            if cls is None and events and self._told_by_its_actors(index, body, refs, events[-1]):
                continue  # "The gunmen ... descended on the tents on Monday evening": its day
            if cls is None:
                if periods:
                    last_period = periods[0]
                self._add_casualties(events, seg, sentence)
                continue
            if (
                _TOLL_TRIGGER.fullmatch(cls.trigger)
                and not past
                # "Gunmen killed a shepherd near Khanaqin": a place of its own, maybe another
                # event (placed first, then folded only at the same place: _joins)
                and not sentence.places
                and self._add_casualties(events, seg, sentence)
            ):
                continue  # "2 ISIS militants were killed." tells the toll of the event before
            if (
                cls.definite
                and not past
                and not (sentence.killed or sentence.injured)
                and not sentence.places
            ):
                continue  # "The raid was carried out on intelligence": the story's raid, told
            # "The assailants opened fire from an orchard", "ISIS claimed responsibility"
            follow_up = self._follows_up(
                events, index, sentence, cls.type, bool(past), cls.aggregate
            )
            if cls.type == "meeting" and (
                _RETOLD_MEETING.match(body)
                or _THE_MEETING.search(body[: cls.trigger_start])
                or (_MEETING_PEOPLE.match(body) and all(r.precision != "day" for r in past))
            ):
                told = next((e for e in reversed(events) if e.type == "meeting"), None)
                if told is not None:  # "The meeting, held at the coordination centre, ..."
                    told.extra_quotes.append(body)
                    continue
            ref = choose_date(refs, cls.trigger_start, cls, body)
            said = told_only(refs, cls.trigger_start, body) if ref is None else None
            if cls.aggregate and (
                (ref is not None and ref.precision == "day")
                or (said is not None and said.precision == "day")
            ):
                # "carried out two airstrikes on Tuesday", "announced on Tuesday the killing of
                # five in two airstrikes": one event of a day (told) with a count
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
                if ref.precision == "day" and STATEMENT_DAY.search(
                    body[max(0, ref.start - 60) : ref.start]
                ):
                    # "announced on Tuesday the killing of five": the event may be earlier
                    notes.append(STATEMENT_NOTE)
                    event.confidence -= 0.1
                if ref.precision in ("quarter", "month", "year", "week"):
                    event.period = ref.period
                    last_period = ref if ref.precision in ("quarter", "month") else last_period
                last_event_date = (ref.value, ref.precision)
            elif unread := next((r for r in refs if r.value is None and not r.future), None):
                # a date the text gives but that cannot be read is not replaced by another
                event.confidence -= 0.2
                notes.append(f"date {unread.text!r} could not be resolved: event date left empty")
            elif said is not None and said.value is not None and _told_as_news(body, said):
                # "forces have detained four suspects, the ministry said on Tuesday": the
                # present perfect of news, the day it was told
                event.event_date, event.date_precision = said.value, "day"
                event.confidence -= 0.1
                notes.append(f"present perfect told {said.text!r}: that day")
                # a lead that sums up events told next with their own days folds into them
                notes.append(STATEMENT_NOTE)
                self.statement_days[event.event_id] = said.value
                last_event_date = (said.value, "day")
            elif statement_day := said:
                # "said on Monday that two soldiers had been killed": not the event's day; a
                # telling nearby that gives its own day may date it (geo.merge)
                event.confidence -= 0.2
                notes.append(
                    f"only the day it was told ({statement_day.text!r}): event date left empty"
                )
                notes.append(STATEMENT_NOTE)
                if statement_day.value is not None:
                    self.statement_days[event.event_id] = statement_day.value
            elif (
                last_event_date is not None
                and (cls.anaphoric or index > 0)
                and not _EARLIER.search(body)
            ):
                event.event_date, event.date_precision = last_event_date
                event.confidence -= 0.25  # calibrated: right 38 % of the time on the corpus
                notes.append("date taken from the preceding event")
                if events and events[-1].background and events[-1].event_date == event.event_date:
                    event.background = True  # "... as they fled", after a history sentence
            elif pub is not None and _history_cue(body):
                # "ISIS fighters attacked Sinjar and massacred hundreds": history, no news
                event.background = True
                event.confidence -= 0.3
                notes.append("no date in the text and history cues: event date left empty")
            elif pub is not None:
                event.event_date, event.date_precision = pub, "unknown"
                # a guess: low confidence, whatever the rest of the sentence says
                event.confidence -= 0.2  # and at most 0.45, once placed (below)
                notes.append("no date in the text: publication date used")
            period_end = ref.end_value if ref is not None and ref.end_value else event.event_date
            if period_end and pub and period_end < pub - timedelta(days=365):
                event.background = True
            if not cls.aggregate and is_history(_BACKSHIFT.sub(r"\1has", body), ref, pub):
                event.background = True
                notes.append("history, not an event of this report")
            if not self._place(event, sentence, offset, cls.trigger_start, notes):
                self.warnings.append(f"left out an event abroad: {body[:70]!r}")
                continue  # told of another country: not an Iraqi event
            told = next((e for e in reversed(events) if not e.background and not e.aggregate), None)
            if events and _SAME_SITE.search(body):
                notes = _at_the_site(event, events[-1], notes)
            elif told is not None and (
                (event.place is None and event.place_query is None)
                or any(_CONTEXT_PLACE.search(n) for n in notes)
            ):
                _same_area(event, told, body, notes)  # "began combing the area"
            elif events and event.place_id and _NEARBY.search(body):
                self._part_near_told(event, events[-1], notes)  # "in the nearby Hamrin hills"
            assign_roles(event, body, cls.trigger_start, actors=sentence.actors)
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
            if event.date_precision == "unknown" and event.event_date == pub:
                event.confidence = min(event.confidence, 0.45)  # the publication day: a guess
            if not follow_up and cls.definite and event.event_date is not None:
                # "Monday's assault on Namisa was the deadliest ...": the event told, again
                twin = next(
                    (
                        e
                        for e in reversed(events)
                        if e.type == event.type
                        and e.event_date == event.event_date
                        and not e.aggregate
                        and not e.background
                        and _place_told(e, event)
                        and (
                            None in (e.fatalities, event.fatalities)
                            or e.fatalities == event.fatalities
                        )
                    ),
                    None,
                )
                if twin is not None:
                    absorb(twin, event)
                    continue
            # a place of its own, not the context's nor where the attackers fled ("towards the
            # Hamrin hills")
            own_place = not any(_CONTEXT_PLACE.match(n) for n in notes) and not (
                event.place_query
                and re.search(
                    r"\b(?:towards?|into)\s+(?:the\s+)?" + re.escape(event.place_query), body
                )
            )
            if follow_up and _joins(events[-1], event, sentence, own_place):
                self._fold(events[-1], event, sentence)
                continue
            updated = _updated_toll(body)
            if updated is not None and event.type in ("attack", "operation", "airstrike"):
                # "killing one policeman, a toll that later rose to three": the latest count
                event.fatalities = max(updated, event.fatalities or 0)
            meeting = _meeting_of_agreement(event, events, body)
            if meeting is not None:
                meeting.event_id = make_event_id(f"{self.key}:meeting", start, seg.end)
                events.append(meeting)
            events.append(event)
            self.told_at = index
        return merge_retellings(events, statement_days=self.statement_days)

    def _follows_up(
        self,
        events: list[Event],
        index: int,
        sentence: SentenceAnalysis,
        kind: str,
        dated: bool,
        aggregate: bool,
    ) -> bool:
        """A sentence that continues the violent event just told joins it (quote, casualties).

        The aftermath ("ISIS claimed responsibility", "the wounded were taken to hospital",
        "security forces cordoned off the area") never makes a new event; an undated violent
        sentence right after one ("The assailants opened fire from an orchard", "the unit came
        under fire while sweeping the valley") tells more of it unless it says it is another
        ("separately", "in another attack").
        """
        if not events:
            return False
        last = events[-1]
        if last.type not in _FOLDS or last.aggregate or last.background:
            return False
        body = sentence.body
        if index - self.told_at > (
            _BACK_REFERENCE_SENTENCES
            if CONTINUES.search(body) or AFTERMATH.search(body) or TOLL_UPDATE.search(body)
            else _FOLLOW_UP_SENTENCES
        ):
            return False
        if AFTERMATH.search(body) or TOLL_UPDATE.search(body):
            return True  # "ISIS claimed responsibility for the attack" (if it joins: _joins)
        if (
            dated
            or aggregate
            or _opens_new(body)
            or _LIST_ITEM.match(body)
            or kind not in _FOLDS[last.type]
        ):
            return False
        return True

    @staticmethod
    def _redate(last: Event, refs: list[DateRef], body: str) -> bool:
        """Give ``last`` the day a back-reference tells ("The attack took place on Wednesday").

        Only when ``last`` had no day of its own: the publication date, the preceding event's
        or the day of a statement.
        """
        notes = (last.notes or "").split("; ")
        borrowed = [n for n in notes if n in _BORROWED_DATE or n.startswith(_TOLD_ONLY)]
        if not borrowed and last.date_precision != "unknown":
            return False
        ref = choose_date(refs, 0, None, body)
        if ref is None or ref.value is None or ref.precision != "day":
            return False
        last.event_date, last.date_precision = ref.value, "day"
        last.notes = (
            "; ".join(
                n for n in notes if n and n not in _BORROWED_DATE and not n.startswith(_TOLD_ONLY)
            )
            or None
        )
        last.confidence = round(min(0.99, last.confidence + 0.1), 2)
        last.extra_quotes.append(body)
        return True

    def _replace_wide(self, last: Event, sentence: SentenceAnalysis, offset: int) -> None:
        """Give ``last`` the place a back-reference names when it had none or a province.

        "Five terrorists were neutralized in Kirkuk province" then "The operation was launched
        on Wednesday ... against a hideout south of the Riyadh subdistrict": the town.
        """
        if last.place is not None and last.geo_precision != 3:
            return
        scratch = copy(last)
        notes: list[str] = []
        if not self._place(scratch, sentence, offset, 0, notes) or scratch.place is None:
            return
        if any(_CONTEXT_PLACE.search(n) for n in notes) or scratch.geo_precision == 3:
            return  # only a place the sentence itself names, narrower than a province
        for field in (
            "place", "place_id", "place_query", "lat", "lon", "admin1", "admin2",
            "precision_km", "geo_precision",
        ):  # fmt: skip
            setattr(last, field, getattr(scratch, field))
        last.confidence = round(min(0.99, last.confidence + 0.2), 2)

    def _part_near_told(self, event: Event, last: Event, notes: list[str]) -> None:
        """A long feature "nearby" at its part nearest the place of the event told before.

        "An IED went off near the village of Shirween ... Later on Sunday, helicopters
        targeted militants in the nearby Hamrin foothills": the range's point nearest
        Shirween (the range's own point may lie 150 km away), with a part's radius.
        """
        gaz = self.spotter.gazetteer
        if event.place_id is None or last.place_id is None or last.background:
            return
        shape = gaz.shape(event.place_id)
        if shape is None or shape.get("type") != "LineString":
            return
        coords: list[list[float]] = shape["coordinates"]  # type: ignore[assignment]
        line = tuple((float(x), float(y)) for x, y in coords)
        anchor = gaz.get(last.place_id)
        part = nearest_part(gaz.get(event.place_id), line, [anchor])
        if distance_km(part, anchor) > PART_KM + 15.0:
            return  # the feature does not pass by the place told: "nearby" is not it
        event.lat, event.lon, event.precision_km = part.lat, part.lon, part.precision_km
        event.admin1, event.admin2 = anchor.admin1 or None, anchor.admin2 or None
        event.geo_precision = 2  # near a town (ACLED), as the part of a range is
        notes.append(f"the part of {event.place} nearest {last.place}, told before ('nearby')")

    def _told_by_its_actors(self, index: int, body: str, refs: list[DateRef], last: Event) -> bool:
        """The next sentence retells ``last`` by its actors and gives the day it lacked.

        "Suspected jihadists shot dead two shepherds ..., officials told AFP on Wednesday." then
        "The gunmen, riding in two pickups, descended on the tents on Monday evening": the
        attackers named again ("The gunmen", "The assailants") tell when it happened.
        """
        if index != self.told_at + 1 or not _ACTORS_AGAIN.match(body):
            return False
        return self._redate(last, refs, body)

    @staticmethod
    def _fold(last: Event, event: Event, sentence: SentenceAnalysis) -> None:
        """Fold the follow-up ``event`` into ``last`` (its quote, place, stated casualties)."""
        fatalities, injuries = last.fatalities, last.injuries
        absorb(last, event)
        # a follow-up's own count fills an empty one; it never replaces the first telling's
        last.fatalities = fatalities if fatalities is not None else sentence.killed
        last.injuries = injuries if injuries is not None else sentence.injured
        if fatalities is not None and sentence.killed and _MORE_DEAD.search(sentence.body):
            # "One of the assailants was also killed": the toll counts every death
            last.fatalities = fatalities + sentence.killed
        updated = _updated_toll(sentence.body)
        if updated is not None and updated > (last.fatalities or 0):
            last.fatalities = updated  # "the death toll later rose to four": the latest count

    def _add_casualties(
        self, events: list[Event], seg: Segment, sentence: SentenceAnalysis
    ) -> bool:
        """A follow-up sentence ("2 militants were killed.") adds to the event just told.

        Told in the same paragraph, or in the next sentence (outlets that give every sentence
        a paragraph of its own).
        """
        if not events or events[-1].type not in ("attack", "operation", "airstrike"):
            return False
        last = events[-1]
        starts = self.seg_starts
        at = bisect_right(starts, last.quote_start) - 1
        told_in = self.segments[at] if at >= 0 else None
        if told_in is None or (
            told_in.paragraph != seg.paragraph and sentence.index != self.told_at + 1
        ):
            return False
        killed, injured = sentence.killed, sentence.injured
        body = sentence.body
        updated = _updated_toll(body)
        if updated is not None and killed is None:
            # "The death toll later rose to four": the latest count of the event told
            last.fatalities = max(updated, last.fatalities or 0)
            last.extra_quotes.append(body)
            return True
        if killed is not None:  # "No casualties were reported." states zero
            last.fatalities = (last.fatalities or 0) + killed
        if injured is not None:
            last.injuries = (last.injuries or 0) + injured
        if killed is not None or injured is not None:
            last.extra_quotes.append(body)
            return True
        return False

    def _place(
        self,
        event: Event,
        sentence: SentenceAnalysis,
        offset: int,
        trigger: int,
        notes: list[str],
    ) -> bool:
        """Place ``event``; False when the sentence tells of another country."""
        choice = self.place_for(sentence.index, offset, trigger)
        if choice.how == "abroad":
            return False
        event.place_query = choice.surface
        place = choice.place
        if place is None:
            if choice.surface:
                notes.append(f"place {choice.surface!r} not in the gazetteer")
            event.confidence -= 0.3  # an unplaced event is never on the map
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
        if choice.how in ("previous sentence", "dateline"):
            event.confidence -= 0.2  # calibrated: right 23 % of the time on the corpus
        if choice.how != "sentence":
            notes.append(f"place from the {choice.how}")
        return True


def extract_events(article: Article, *, spotter: Spotter) -> ExtractionResult:
    """Events told in ``article``; non-English text yields none (with its warning)."""
    if any("does not look like English" in w for w in article.warnings):
        return ExtractionResult([], [], article.warnings)
    extractor = _Extractor(article, spotter)
    events = extractor.run()
    return ExtractionResult(events, extractor.unresolved, (*article.warnings, *extractor.warnings))


# geo.prescan: these patterns search through a case-folded twin, skip texts without their words
_BACKSHIFT = screened(_BACKSHIFT)
_TOOK_PLACE = screened(_TOOK_PLACE)

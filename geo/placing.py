"""Where an event happened: the article's place mentions and the choice among a sentence's.

The spotter runs once per article (in paragraph-aligned chunks, so a long text stays linear);
each sentence's place phrases (:mod:`geo.place_phrases`) compete, names the spotter missed go
through the resolver with the article's districts as context, and the dateline is the last
resort. Pure: the spotter and its gazetteer are injected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from gazetteer import Gazetteer, Mention, Place, Spotter
from gazetteer.geometry import distance_km
from gazetteer.shapes import PART_KM, nearest_part
from geo.actors import find_actors
from geo.place_names import (
    ArticleAreas,
    MissedName,
    feature_queries,
    missed_names,
    resolve_missed,
)
from geo.place_phrases import (
    PlacePhrase,
    abroad,
    choose_place,
    contains_gap,
    foreign_names,
    offset_before,
    read_place_phrases,
    relative_gap,
)
from geo.segment import Segment

__all__ = ["AREA_GEO_PRECISION", "PlaceChoice", "Placer", "geo_precision", "spot_mentions"]

_OFFSET_AFTER = re.compile(
    r",?\s*(?:(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers)\s+|some\s+|about\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?P<ref>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_COMMAND_NAME = re.compile(r"\b(?:Command|Headquarters|Directorate)\b")
AREA_GEO_PRECISION = {
    "district": 2,
    "subdistrict": 2,
    "region": 2,
    "range": 2,
    "valley": 2,
    "lake": 2,
    "governorate": 3,
}


def geo_precision(place: Place) -> int:
    """ACLED-style precision: 1 town or village, 2 district or region, 3 governorate or wider."""
    if place.kind in AREA_GEO_PRECISION:
        level = AREA_GEO_PRECISION[place.kind]
        return 3 if place.precision_km > 100 else level
    return 1 if place.precision_km <= 15 else 2


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """The place chosen for an event, the name that led to it, how, and any offset in km."""

    place: Place | None
    surface: str | None
    how: str
    offset_km: float | None = None


@dataclass(frozen=True, slots=True)
class _SentencePlaces:
    """The place phrases of one sentence, names the spotter missed included.

    ``fuzzy`` holds the starts of the phrases the resolver found for a missed name;
    ``missing`` the names in place phrases that nothing resolves.
    """

    phrases: list[PlacePhrase]
    fuzzy: frozenset[int]
    missing: list[MissedName]


_NONE = PlaceChoice(None, None, "none")
# the seat of whoever speaks or commands: "the Joint Operations Command in Baghdad", "the
# ministry in Erbil said", "officials in Baghdad": no place of the events it tells
_SPEAKER_SEAT = re.compile(
    r"\b(?:Command|Cell|[Mm]inistry|[Gg]overnment|[Cc]ouncil|[Hh]eadquarters|officials?|"
    r"spokes(?:man|woman|person)|sources?|[Ss]ervice|[Aa]gency|[Cc]oalition)\s+(?:based\s+)?in\s+$"
)
_MOVEMENT = re.compile(
    r"\b(?:towards?|fled (?:to|into)|(?:withdr[ae]w|withdrawing|retreat(?:ed|ing)?|escap(?:ed|ing)|"
    r"fle(?:d|eing)|moved|moving|heading|headed|returned|returning|transferred|taken) "
    r"(?:to|into|towards?|back to)?)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_DISTRICT_AFTER = re.compile(r"\s+(district|subdistrict|sub-district|qadha|nahiya)\b", re.I)
_FEATURE_KINDS = frozenset({"range", "valley", "lake", "region"})
_PROVINCE_AFTER = re.compile(
    r"\s+(?:province|governorate)\b(?!\s+(?:building|headquarters|council|offices?|compound|hall|"
    r"police|command|house|palace|administration)\b)",
    re.I,
)


def _governorate(gaz: Gazetteer, surface: str, place: Place) -> Place:
    """The governorate named "X province" when the spotter read X as its namesake city."""
    match = gaz.lookup(f"{surface} governorate")
    if (
        match is not None
        and match.score >= 0.95
        and match.place.kind == "governorate"
        and match.place.admin1 == place.admin1
    ):
        return match.place
    return place


_CONTEXT_KINDS = frozenset({"governorate", "district", "subdistrict"})


_CHUNK = 20_000
# names the spotter missed sent to the resolver per sentence (a real sentence has a few)
_MAX_NAMES = 16


def spot_mentions(spotter: Spotter, text: str) -> list[Mention]:
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


class Placer:
    """The place stage of one article: its mentions, spotted once, and each event's place.

    The event's place is chosen from a sentence's place phrases, else a name the spotter
    missed (resolved with the article's context), else the previous sentence, else the dateline.
    """

    def __init__(
        self, text: str, spotter: Spotter, segments: list[Segment], dateline: str | None
    ) -> None:
        self.spotter = spotter
        self.text = text
        self.segments = segments
        self.mentions = spot_mentions(spotter, text)
        # mentions of each segment, found once by bisection (linear in the article's length)
        starts = [m.start for m in self.mentions]
        self.seg_mentions = [
            self.mentions[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
            for s in segments
        ]
        self.abroad_names = foreign_names(text, [m.text for m in self.mentions])
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
        self.areas = ArticleAreas(self.context, self.admin2s, self.admin1s)
        self.unresolved: list[str] = []
        self._unresolved_seen: set[str] = set()
        self._sentences: dict[tuple[int, int], _SentencePlaces] = {}
        self.dateline: Place | None = None
        self.dateline_name = dateline
        if dateline:
            match = spotter.gazetteer.lookup(dateline)
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
        body = self.segments[index].text[offset:]
        spans = self._spans(index, offset)
        return read_place_phrases(body, spans, abroad_names=self.abroad_names)

    def _spans(self, index: int, offset: int) -> list[tuple[int, int, str, Place]]:
        seg = self.segments[index]
        base = seg.start + offset
        return [
            (m.start - base, m.end - base, m.text, m.place)
            for m in self.seg_mentions[index]
            if m.place is not None
            and m.start >= base
            and not _COMMAND_NAME.search(m.text)  # "Anbar Operations Command" is no place
        ]

    def sentence_places(self, index: int, offset: int) -> _SentencePlaces:
        """Place phrases of segment ``index`` (after ``offset``), missed names resolved.

        A spotted name followed by a landform noun ("the Makhoul range") is asked for as the
        landform; a name in a place phrase that the spotter did not take, or took only for a
        minor place, goes through the resolver (:func:`resolve_missed`). Computed once per
        sentence, only for the sentences that tell an event (and the one before).
        """
        key = (index, offset)
        if key in self._sentences:
            return self._sentences[key]
        body = self.segments[index].text[offset:]
        gaz = self.spotter.gazetteer
        spans = []
        unknown_feature: set[int] = set()
        for start, end, surface, spotted in self._spans(index, offset):
            place = spotted
            area = _DISTRICT_AFTER.match(body, end)
            if area is not None and place.kind not in ("district", "subdistrict"):
                # "the Hamrin subdistrict" is no range, "Daquq district" no town
                match = gaz.lookup(f"{surface} {area.group(1)}")
                if (
                    match is not None
                    and match.place.kind in ("district", "subdistrict")
                    and (match.place.admin2 == place.admin2 or place.kind in _FEATURE_KINDS)
                ):
                    place = match.place
            if place.kind != "governorate" and _PROVINCE_AFTER.match(body, end):
                place = _governorate(gaz, surface, place)  # "Kirkuk province" is no city
            if place.kind not in _FEATURE_KINDS and feature_queries(body, start, end):
                unknown_feature.add(start)  # until the gazetteer knows the landform
                for query in feature_queries(body, start, end):
                    match = gaz.lookup(query)
                    if (
                        match is not None
                        and match.score >= 0.95
                        and match.place.kind in _FEATURE_KINDS
                    ):
                        place = match.place  # "the Makhoul range" is no town called Makhoul
                        unknown_feature.discard(start)
                        break
            spans.append((start, end, surface, place))
        actors = [(a.start, a.end) for a in find_actors(body)]
        taken = [(s, e) for s, e, _, p in spans if p.importance >= 0.6 or p.is_area]
        fuzzy: set[int] = set()
        missing: list[MissedName] = []
        near = [p for _, _, _, p in spans]
        districts = frozenset(
            p.admin2
            for s, e, _, p in spans
            if p.admin2
            and (p.kind in ("district", "subdistrict") or _DISTRICT_AFTER.match(body, e))
        )
        names = missed_names(body, taken, actors)
        # the districts the sentence names first: they tell which namesake a village is
        names.sort(key=lambda n: _DISTRICT_AFTER.match(body, n.end) is None)
        del names[_MAX_NAMES:]  # resolver calls per sentence bounded: linear in the text
        for name in names:
            if name.name in self.abroad_names or abroad(
                body[max(0, name.start - 40) : name.end + 40]
            ):
                continue
            owner = gaz.lookup(name.owner) if name.owner else None
            overlapping = [p for s, e, _, p in spans if s < name.end and name.start < e]
            resolved = resolve_missed(
                gaz,
                name.queries,
                near,
                self.areas,
                owner.place if owner else None,
                overlapping,
                districts,
            )
            if resolved is None:
                if not any(s <= name.start < e for s, e, _, _ in spans):
                    missing.append(name)
                continue
            spans = [sp for sp in spans if not (sp[0] < name.end and name.start < sp[1])]
            spans.append((name.start, name.end, name.name, resolved))
            fuzzy.add(name.start)
            if resolved.admin2 and _DISTRICT_AFTER.match(body, name.end):
                districts |= {resolved.admin2}
        if districts:  # "As Saidiyah, in Kirkuk's Daquq district": the homonym in Daquq
            kept = [(s, e, t, self._in_districts(t, p, districts)) for s, e, t, p in spans]
            spans = [(s, e, t, p) for s, e, t, p in kept if p is not None]
        spans.sort(key=lambda sp: sp[0])
        phrases = read_place_phrases(body, spans, abroad_names=self.abroad_names)
        # "the Makhmour mountains", a landform the gazetteer lacks: near the town, not in it
        phrases = [
            replace(p, offset_km=p.offset_km or 15.0) if p.start in unknown_feature else p
            for p in phrases
        ]
        found = _SentencePlaces(phrases, frozenset(fuzzy), missing)
        self._sentences[key] = found
        return found

    def place_for(self, index: int, offset: int, trigger: int) -> PlaceChoice:
        """The place of the event whose trigger is at ``trigger`` in segment ``index``.

        ``how`` is "abroad" when the sentence tells of another country (no Iraqi place).
        A name nothing resolves is noted in :attr:`unresolved` once, however many events
        of the article it is the place of.
        """
        seg = self.segments[index]
        body = seg.text[offset:]
        if abroad(body, trigger):
            return PlaceChoice(None, None, "abroad")  # "In neighbouring Syria, the SDF said..."
        found = self.sentence_places(index, offset)
        # "the Qara Chogh mountains near Makhmour": a reference for a place nothing resolves
        described: set[int] = set()
        for name in found.missing:
            after = next((p for p in found.phrases if p.start >= name.end), None)
            gap = body[name.end : after.start] if after is not None else ""
            if after is not None and (relative_gap(gap) or contains_gap(gap)):
                described.add(after.start)
        best = choose_place([p for p in found.phrases if p.start not in described], trigger)
        missing = max(
            ((2.6 - abs(n.start - trigger) / 200, n) for n in found.missing),
            key=lambda t: t[0],
            default=None,
        )
        if best is not None and (missing is None or missing[0] <= best[0]):
            phrase = best[1]
            km = phrase.offset_km
            if phrase.between and km is None:
                km = 15.0
            how = "sentence (fuzzy)" if phrase.start in found.fuzzy else "sentence"
            return self._part_near(PlaceChoice(phrase.place, phrase.name, how, km), phrase, found)
        if missing is not None:
            if missing[1].name not in self._unresolved_seen:
                self._unresolved_seen.add(missing[1].name)
                self.unresolved.append(missing[1].name)
            return self._near_missing(body, missing[1], found.phrases)
        if any(p.foreign for p in found.phrases):
            return PlaceChoice(None, None, "abroad")
        for back in range(index - 1, max(-1, index - 2), -1):  # the nearest sentence only
            prev = self.segments[back]
            if prev.paragraph != seg.paragraph and index - back > 1:
                break
            for p in self.sentence_places(back, 0).phrases:
                if _MOVEMENT.search(prev.text[max(0, p.start - 40) : p.start]):
                    continue  # "withdrew towards the Hamrin mountains": not where it happened
                if _SPEAKER_SEAT.search(prev.text[max(0, p.start - 60) : p.start]):
                    continue  # "the Security Media Cell in Baghdad said": where it speaks from
                if p.locative and not p.foreign and not p.container:
                    return PlaceChoice(p.place, p.name, "previous sentence", p.offset_km)
        if self.dateline is not None:
            return PlaceChoice(self.dateline, self.dateline_name, "dateline")
        return _NONE

    def _part_near(
        self, choice: PlaceChoice, phrase: PlacePhrase, found: _SentencePlaces
    ) -> PlaceChoice:
        """A long feature at its part nearest the town the sentence names with it.

        "the Hamrin mountains east of Tikrit": the range's line point nearest Tikrit, with the
        part's radius (:data:`gazetteer.shapes.PART_KM`); ``choice`` itself when the gazetteer
        has no line for it or the sentence names no town. When the line passes farther from
        the town than the text allows, the line is too coarse there: the text says the place
        is by the town, so the town it is, with the reach of "near" in its precision.
        """
        shape = self.spotter.gazetteer.shape(phrase.place.id)
        towns = [
            p for p in found.phrases if p is not phrase and not p.place.is_area and not p.foreign
        ]
        if shape is None or not towns:
            return choice
        coords: list[list[float]] = shape["coordinates"]  # type: ignore[assignment]
        line = tuple((float(x), float(y)) for x, y in coords)
        town = min(towns, key=lambda p: abs(p.start - phrase.start))
        part = nearest_part(phrase.place, line, [town.place])
        # how far the text lets the feature lie from the town: "near", a part's radius; "east
        # of" (15 km when no distance is given), that and twice the distance
        reach = PART_KM + (2 * town.offset_km if town.offset_km is not None else 0.0)
        if distance_km(part, town.place) > reach:
            km = town.offset_km or 15.0
            return PlaceChoice(town.place, choice.surface, "reference town", km)
        return PlaceChoice(part, choice.surface, choice.how, choice.offset_km)

    def _near_missing(self, body: str, name: MissedName, phrases: list[PlacePhrase]) -> PlaceChoice:
        """Where an event at a place nothing resolves goes: near what the text relates it to.

        "the village of Zarqawiya, 60 km southwest of Erbil": Erbil, as far off as the text
        says; "Tal al-Dhahab in Hawija district": the district; else unplaced.
        """
        offset_match = _OFFSET_AFTER.match(body, name.end)
        if offset_match is not None:
            ref = self.spotter.gazetteer.lookup(offset_match.group("ref"), context=self.context)
            if ref is not None and ref.score >= 0.95:
                km = float(offset_match.group("km") or 15)
                return PlaceChoice(ref.place, name.name, "reference town", km)
        after = next((p for p in phrases if p.start >= name.end), None)
        gap = body[name.end : after.start] if after is not None else ""
        if after is not None and not after.foreign and relative_gap(gap):
            # "the Qara Chogh mountains near Makhmour": near the town, as far as a village is
            km = offset_before(body[: after.start]) or 15.0
            return PlaceChoice(after.place, name.name, "reference town", km)
        if after is not None and not after.foreign and contains_gap(gap):
            # a village in a district: the district; a village in or near a town: near it
            reach = None if after.place.is_area else 15.0
            return PlaceChoice(after.place, name.name, "place that contains it", reach)
        framing = next((p for p in phrases if p.framing and not p.foreign), None)
        if framing is not None and framing.start < name.start:
            # "In Kirkuk, police arrested two men in the al-Wasiti neighbourhood"
            reach = None if framing.place.is_area else 10.0
            return PlaceChoice(framing.place, name.name, "place that contains it", reach)
        if name.owner:
            # "Kirkuk's Wasiti neighbourhood": a part of the owner, as near as a town's part
            owner = self.spotter.gazetteer.lookup(name.owner, context=self.context)
            if owner is not None and owner.score >= 0.95:
                reach = None if owner.place.is_area else 10.0
                return PlaceChoice(owner.place, name.name, "place that contains it", reach)
        return PlaceChoice(None, name.name, "unresolved")

    def _in_districts(self, surface: str, place: Place, districts: frozenset[str]) -> Place | None:
        """``place``, its namesake in one of the ``districts`` the sentence names, or ``None``.

        A village or small town outside every district the sentence names, with no namesake
        inside them, is not the place meant ("Tal Ali village (Daquq district)" is no Tal Ali
        of Hatra): ``None``, so the sentence's district or subdistrict places the event.
        """
        if place.is_area or place.admin2 in districts or place.importance >= 0.9:
            return place
        for district in districts:
            match = self.spotter.gazetteer.lookup(surface, hint_district=district)
            if match is not None and match.score >= 0.9 and match.place.admin2 == district:
                return match.place
        return place if place.importance >= 0.6 else None

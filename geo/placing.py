"""Where an event happened: the article's place mentions and the choice among a sentence's.

The spotter runs once per article (in paragraph-aligned chunks, so a long text stays linear);
each sentence's place phrases (:mod:`geo.place_phrases`) compete, names the spotter missed go
through the resolver with the article's districts as context, and the dateline is the last
resort. Pure: the spotter and its gazetteer are injected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from gazetteer import Mention, Place, Spotter
from geo.actors import find_actors
from geo.place_phrases import (
    PlacePhrase,
    abroad,
    choose_place,
    foreign_names,
    offset_before,
    read_place_phrases,
)
from geo.segment import Segment

__all__ = ["AREA_GEO_PRECISION", "PlaceChoice", "Placer", "geo_precision", "spot_mentions"]

_OFFSET_AFTER = re.compile(
    r",?\s*(?:(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers)\s+|some\s+|about\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?P<ref>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_UNRESOLVED = re.compile(
    r"\b(?:in|near|at|outside|around|village of|town of|outskirts of|edge of|entrance of|"
    r"(?:farmland|farms|orchards|desert|countryside|vicinity|hills|area|areas|villages|"
    r"islands|outskirts) of|"
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


_NONE = PlaceChoice(None, None, "none")
_CONTEXT_KINDS = frozenset({"governorate", "district", "subdistrict"})


_CHUNK = 20_000


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
        self.unresolved: list[str] = []
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
        seg = self.segments[index]
        base = seg.start + offset
        spans = [
            (m.start - base, m.end - base, m.text, m.place)
            for m in self.seg_mentions[index]
            if m.place is not None
            and m.start >= base
            and not _COMMAND_NAME.search(m.text)  # "Anbar Operations Command" is no place
        ]
        return read_place_phrases(seg.text[offset:], spans, abroad_names=self.abroad_names)

    def place_for(
        self,
        index: int,
        offset: int,
        trigger: int,
        phrases: list[PlacePhrase] | None = None,
    ) -> PlaceChoice:
        """The place of the event whose trigger is at ``trigger`` in segment ``index``.

        ``how`` is "abroad" when the sentence tells of another country (no Iraqi place).
        """
        seg = self.segments[index]
        body = seg.text[offset:]
        if abroad(body, trigger):
            return PlaceChoice(None, None, "abroad")  # "In neighbouring Syria, the SDF said..."
        if phrases is None:
            phrases = self.phrases(index, offset)
        best = choose_place(phrases, trigger)
        unresolved = self._unresolved_name(index, offset, trigger)
        if best is not None:
            score, phrase = best
            if unresolved is None or unresolved[0] <= score:
                km = phrase.offset_km if phrase.offset_km is not None else None
                if phrase.between and km is None:
                    km = 15.0
                return PlaceChoice(phrase.place, phrase.name, "sentence", km)
        if unresolved is not None:
            return unresolved[1]
        if any(p.foreign for p in phrases):
            return PlaceChoice(None, None, "abroad")
        for back in range(index - 1, max(-1, index - 2), -1):  # the nearest sentence only
            prev = self.segments[back]
            if prev.paragraph != seg.paragraph and index - back > 1:
                break
            for p in self.phrases(back, 0):
                if p.locative and not p.foreign and not p.container:
                    return PlaceChoice(p.place, p.name, "previous sentence", p.offset_km)
        if self.dateline is not None:
            return PlaceChoice(self.dateline, self.dateline_name, "dateline")
        return _NONE

    def _resolve_name(
        self, name: str, offset_km: float | None, owner: Place | None = None
    ) -> PlaceChoice | None:
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
        return PlaceChoice(place, name, "sentence (fuzzy)", offset_km)

    def _unresolved_name(
        self, index: int, offset: int, trigger: int
    ) -> tuple[float, PlaceChoice] | None:
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
        best: tuple[float, PlaceChoice] | None = None
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
            found = PlaceChoice(None, name, "unresolved")
            kind = _KIND_AFTER.match(body, b)  # "Multaqa subdistrict": the kind helps the resolver
            owner = gaz.lookup(m.group("owner")) if m.group("owner") else None
            owner_place = owner.place if owner is not None else None
            queries = [f"{name} {kind.group(1)}", name] if kind else [name]
            for query in queries:
                choice = self._resolve_name(query, offset_before(body[:a]), owner_place)
                if choice is not None:
                    found = PlaceChoice(choice.place, name, choice.how, choice.offset_km)
                    break
            if found.place is None and offset_match is not None:
                # "the village of Zarqawiya, 60 km southwest of Erbil": near the reference town
                ref = gaz.lookup(offset_match.group("ref"), context=self.context)
                if ref is not None and ref.score >= 0.95:
                    km = float(offset_match.group("km") or 15)
                    found = PlaceChoice(ref.place, name, "reference town", km)
                    self.unresolved.append(name)
            if best is None or score > best[0]:
                best = (score, found)
        if best is not None and best[1].place is None and best[1].surface:
            self.unresolved.append(best[1].surface)
        return best

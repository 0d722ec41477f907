"""Place phrases of one sentence: which named place is the event's, and how precisely.

The reporting ties an event to a place with a small grammar of relation words: a locative
preposition ("in", "near", "on the outskirts of"), a settlement noun ("the village of X",
"X village"), a container that only narrows a place already named ("Zangar village in Daquq
district of Kirkuk province", "Kirkuk's Multaqa subdistrict"), an offset from a reference town
("20 km east of X", "a village south of X": the event is near X, not in it, so precision
widens by the distance) and a span ("between X and Y"). Each place mention of a sentence is
read into a :class:`PlacePhrase`; :func:`choose_place` picks the event's.

Also: the newswire dateline ("ERBIL, Kurdistan Region -", "BAGHDAD, June 13 (Reuters) -",
"Shafaq News/") that opens a story is where it was filed, not where anything happened:
:func:`strip_dateline` measures it so the caller can leave it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gazetteer import Place
from geo.prescan import screened

__all__ = [
    "FOREIGN_COUNTRIES",
    "PlacePhrase",
    "abroad",
    "choose_place",
    "contains_gap",
    "describes",
    "foreign_names",
    "offset_before",
    "read_place_phrases",
    "relative_gap",
    "strip_dateline",
]

FOREIGN_COUNTRIES = (
    r"Syria|Turkey|Türkiye|Iran|Jordan|Saudi Arabia|Kuwait|Lebanon|Israel|Egypt|Afghanistan|"
    r"Pakistan|Libya|Yemen|Europe|Germany|France|Belgium|Russia"
)
_DIR = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
_SETTLEMENT = r"(?:village|town|city|area|district|subdistrict|sub-district|region|outskirts|vicinity|countryside|hills|desert|orchards|farmland|villages)"
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|around|outside|inside|into|on|to|toward|towards|from|within|across|"
    r"along|of|nearby|close to|on the outskirts of|on the edge of|at the edge of|"
    r"adjoining|adjacent to|bordering|overlooking|"
    r"on the road (?:between|from|to)|" + _DIR + r"(?:ern)? of|between|and)\s+"
    r"(?:(?:the|a|an)\s+)?(?:" + _DIR + r"(?:ern)?\s+)?"
    r"(?:(?:(?:village|town|city|area|district|subdistrict|sub-district|region|outskirts|"
    r"vicinity|edge|countryside|hills|desert|orchards|farmland|villages|mountains?|plains?)"
    r"\s+(?:of\s+)?(?:the\s+)?)?)$",
    re.I,
)
_NOT_A_LOCATION = re.compile(
    r"(?:governments?|authorit(?:y|ies)|officials?|leaders?|claimed by(?: both)?|"
    r"disputed between|relations between|talks between|federal|capital|"
    r"ministry|minister|governor|mayor of|council of|"
    r"police chief of|commander of|head of|sons of|natives? of|originally from|from the)\s+"
    r"(?:of\s+)?(?:the\s+)?$",
    re.I,
)
_CONTAINER_GAP = re.compile(
    r"\s*(?:(?:village|town|city|area|district|subdistrict|sub-district|province|governorate|"
    r"region|nahiya|qadha|valley|hills|mountains|desert|plain|orchards|farmland)\s*)?"
    r"(?:,|\(|\bin\b|\bof\b|\bwithin\b)\s*(?:the\s+)?"
    # "Hamal, a village of the al-Rashad subdistrict": an apposition naming the container
    r"(?:(?:a|an)\s+(?:small\s+|remote\s+)?(?:village|town|hamlet|area)\s+(?:of|in|within)\s+"
    r"(?:the\s+)?)?"
    r"(?:" + _DIR + r"(?:ern)?\s+)?"
    # "Imam Waees in Diyala's Mandali subdistrict": the owner narrows the container
    r"(?:[A-Z][\w-]+['’]s\s+)?",
    re.I,
)
_OFFSET = re.compile(
    r"(?:(?P<num>\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers|miles|mi)\b\s*(?:\([^)]*\)\s*)?"
    r"(?:to the\s+)?|(?P<vague>a (?:village|town|area|spot|point|road|position)|villages?|"
    r"hills?|areas?|desert|orchards|farms?)\s+(?:\w+\s+){0,2}?)?"
    + _DIR
    + r"(?:ern)? of\s+(?:the\s+)?$",
    re.I,
)
_AROUND = re.compile(
    r"\b(?:villages?|areas?|outskirts|countryside|hills|farms?|farmland|orchards|desert|"
    r"fields|groves)\s+(?:around|surrounding|outside|near|above|overlooking|"
    r"beyond|behind)\s+(?:the\s+)?(?:(?:town|village|city) of\s+)?$",
    re.I,
)
_REFERENCE_AFTER_NAME = re.compile(
    r"[A-Z][\w'’-]+\)?\s*,\s*(?:a (?:village|town|area)\s+|about\s+|some\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    + _DIR
    + r"(?:ern)? of\s+(?:the\s+)?$"
)
# between a place and the reference town that describes it: "al-Abbasi village, west of",
# "the Hamrin mountains east of", "Kubaisa, 20 km west of"
_GAP_HEAD = (
    r"\)?\s*(?:(?:village|town|area|subdistrict|sub-district|district|mountains?|range|hills|"
    r"foothills|valley|desert|lake)\s*)?\)?,?\s*"
)
_OFFSET_GAP = re.compile(
    _GAP_HEAD + r"(?:(?:a|the) (?:village|town|area)\s+|about\s+|some\s+|roughly\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+(?:\([^)]*\)\s*)?)?"
    + _DIR
    + r"(?:ern)? of\s+(?:the\s+)?(?:town of\s+|city of\s+)?",
    re.I,
)
_NEAR_GAP = re.compile(
    _GAP_HEAD + r"(?:near|close to|outside|on the outskirts of)\s+(?:the\s+)?"
    r"(?:town of\s+|city of\s+)?",
    re.I,
)
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:[A-Z]\w+\s+){0,2}(?:Operations?\s+Command|Command|Police\s+Command|Council|"
    r"University|Directorate|Brigade|Division|Regiment|Asayish|Police|Governorate Council)\b"
)
# "at the headquarters of the Kirkuk Operations Command": the command's seat is the place
_SEAT_BEFORE = re.compile(
    r"\b(?:headquarters|HQ|premises|offices?|building|compound|base)\s+of\s+(?:the\s+)?$|"
    # "met at the Kirkuk Operations Command", "gathered inside the Diyala Police Directorate":
    # a locative before the institution's name puts the event at its seat
    r"\b(?:at|inside)\s+the\s+$",
    re.I,
)
_AREA_WORD_AFTER = re.compile(
    r"\s+(?:district|subdistrict|sub-district|governorate|province|region|nahiya|qadha)\b", re.I
)
_ROAD_AFTER = re.compile(
    r"\s*[-–]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:road|highway|motorway)\b"
)
_ROAD_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*[-–]\s*$")
_ROAD_WORD = re.compile(r"\s+(?:road|highway|motorway)\b")
_SETTLEMENT_OF = re.compile(r"\b(?:village|town|hamlet|city) of\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,2}?$", re.I)
_FOREIGN_AFTER = re.compile(
    r"^[\w'’ -]{0,20}?(?:,\s*|\s+in\s+)(?:(?:north|south|east|west)\w*\s+)?(?:"
    + FOREIGN_COUNTRIES
    + r")\b"
)
_FOREIGN_BEFORE = re.compile(
    r"(?:(?:" + FOREIGN_COUNTRIES + r")(?:['’]s|n)\s+(?:\w+\s+){0,2}$)", re.I
)
_ABROAD = re.compile(
    r"\b(?i:in|across the border in|inside|over the border in)\s+(?i:neighbou?ring\s+)?"
    r"(?i:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
    r"(?:" + FOREIGN_COUNTRIES + r")\b|\b(?i:in|near|across)\s+(?:northeast(?:ern)?\s+|"
    r"northern\s+|eastern\s+)?(?:" + FOREIGN_COUNTRIES + r")['’]s\b|"
    r"\b(?:Syrian Democratic Forces|SDF|Revolutionary Guards|"
    r"Turkish police|in Istanbul)\b",
)
_PAST_ABROAD = re.compile(
    r"\b(?:who|whom|whose|suspected|accused|having|had|from|fled|returned|crossed|linked|links|"
    r"held|detained|families|relatives|smuggl\w+|travel\w*)\b",
    re.I,
)
_PLACE_ABROAD = re.compile(
    r"\b(?:in|near|at|outside)\s+(?:the\s+)?[A-Z][\w'’-]+(?:[\s-]+[\w'’-]+){0,2},\s*"
    r"(?:(?:north|south|east|west)\w*\s+)?(?:" + FOREIGN_COUNTRIES + r")\b|"
    r"\b(?:in|near|at)\s+(?:" + FOREIGN_COUNTRIES + r")['’]s\s+(?:\w+\s+)?[A-Z]|"
    r"\b(?:" + FOREIGN_COUNTRIES + r"),\s+where\b"
)
_DATELINE = re.compile(
    r"^\s*(?:date\s+\S+\s+)?(?:\((?:[^()]{0,60})\)\s*[-–—]\s*)?"
    r"(?:(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?\s*News(?:\s+Agency)?\s*/\s*|"
    r"[A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+){0,2}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*(?:\([^()]{1,40}\))?\s*(?:/\s*[A-Z]+\s*/\s*)?"
    r"\s[-–—]{1,2}\s*|\d{1,2}\s*[-.)]\s+)"
)


def strip_dateline(sentence: str) -> int:
    """Length of the dateline or agency tag that opens ``sentence`` (0 when none).

    Examples
    --------
    >>> strip_dateline("ERBIL, Kurdistan Region - A bomb went off.")
    26
    """
    end = 0
    for _ in range(3):
        m = _DATELINE.match(sentence, end)
        if m is None or m.end() == end:
            break
        end = m.end()
    return end


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    """A place named in a sentence and what the sentence says about it.

    ``start``/``end`` are offsets in the sentence; ``offset_km`` is the distance of an
    offset phrase ("20 km east of X" -> 20.0; "a village south of X" -> 15.0, a typical
    reach), ``None`` when the event is at the place itself.
    """

    name: str
    place: Place
    start: int
    end: int
    locative: bool
    container: bool
    offset_km: float | None
    between: bool
    foreign: bool
    framing: bool = False  # "In Sinjar, officers arrested...": the area the sentence is set in
    settlement: bool = False  # "the town of Sinuni", "Zangar village": named as a settlement


def offset_before(before: str) -> float | None:
    """Distance in km of an offset phrase ending ``before`` ("20 km east of " -> 20.0).

    A direction without a number ("a village south of ") gives 15 km, a typical reach;
    ``None`` when ``before`` does not end with an offset phrase.
    """
    m = _OFFSET.search(before[-80:])
    if m is None:
        # "the villages around Kifri", "the orchards surrounding Sheikh Baba": near it
        return 15.0 if _AROUND.search(before[-60:]) else None
    return float(m.group("num")) if m.group("num") else 15.0


def abroad(sentence: str, before: int | None = None) -> bool:
    """True when the sentence tells of something in another country ("In neighbouring Syria").

    With ``before`` (the trigger's offset), only a mention ahead of the event word counts:
    "arrested a man suspected of having fought with IS in Syria" happened in Iraq.
    """
    for m in _ABROAD.finditer(sentence):
        if before is None or m.start() < before:
            return True
        # after the event word it is the event's place, unless it tells someone's past
        # ("arrested a man who had fought with IS in Syria")
        if not _PAST_ABROAD.search(sentence[max(0, m.start() - 50) : m.start()]):
            return True
    # "attacked an SDF checkpoint in Deir ez-Zor, Syria": the event's place is abroad
    return bool(_PLACE_ABROAD.search(sentence))


_OWNED_ABROAD = re.compile(
    r"(?:" + FOREIGN_COUNTRIES + r")(?:['’]s|n)\s+(?:\w+\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_NAME_COMMA_ABROAD = re.compile(
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+\w+)?,\s*(?:" + FOREIGN_COUNTRIES + r")\b"
)


def foreign_names(text: str, names: Iterable[str]) -> frozenset[str]:
    """The ``names`` the article itself places abroad ("Syria's Hasakah", "Qamishli, Syria").

    One pass over the text for each of the two phrasings, whatever the number of names.
    """
    found: set[str] = set()
    for pattern in (_OWNED_ABROAD, _NAME_COMMA_ABROAD):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            found.update({words[0], " ".join(words)})
    return frozenset(n for n in set(names) if n in found)


def read_place_phrases(
    sentence: str,
    spans: Sequence[tuple[int, int, str, Place]],
    *,
    abroad_names: frozenset[str] = frozenset(),
) -> list[PlacePhrase]:
    """Read each resolved place mention ``(start, end, surface, place)`` of ``sentence``."""
    out: list[PlacePhrase] = []
    prev_end: int | None = None
    prev_place: Place | None = None
    for start, end, surface, place in spans:
        before = sentence[max(0, start - 60) : start]
        after = sentence[end : end + 60]
        if _NOT_A_LOCATION.search(before) or (
            _INSTITUTION_AFTER.match(after) and not _SEAT_BEFORE.search(before)
        ):
            prev_end = end  # "the Anbar Operations Command": a headquarters' name, no place
            continue
        if after.startswith(("'s", "’s")):
            # "Kirkuk's Multaqa subdistrict": the owner narrows the place that follows
            prev_end = end
            continue
        # "in southern Kirkuk's Multaqa": the locative before the owner counts for the owned
        tail = before.rstrip()  # the pattern's end checked first: a search tries every start
        owner = (
            re.search(r"(\b\w+\s+)?[\w-]+['’]s\s+$", before)
            if tail != before and tail.endswith(("'s", "’s"))
            else None
        )
        lead = before[: owner.start()] if owner else before
        locative = bool(_LOCATIVE.search(lead))
        gap = sentence[prev_end:start] if prev_end is not None else None
        named_area = bool(_AREA_WORD_AFTER.match(after))
        container = bool(
            gap is not None
            and len(gap) <= 40
            and _CONTAINER_GAP.fullmatch(gap) is not None
            and (
                place.is_area
                or named_area
                # "(Makhmour district, Erbil)": after a district, the governorate's name
                or (prev_place is not None and prev_place.kind in ("district", "subdistrict"))
            )
        )
        offset_km = offset_before(before)
        if offset_km is not None:
            locative = True
            # "Tarmiyah, north of Baghdad": the reference town describes the place before it
            if _REFERENCE_AFTER_NAME.search(before):
                container = True
        if describes(gap, prev_place):
            container = True  # "the Makhoul range near Baiji": Baiji says where the range is
        framing = start <= 4 and bool(re.match(r"\s*,", after))
        settlement = bool(_SETTLEMENT_OF.search(before[-20:])) or bool(
            re.match(r"\s+(?:village|town)\b", after)
        )
        locative = locative or settlement  # "attacked Likcha village": where it happened
        between = bool(_BETWEEN.search(before[-30:])) or bool(
            _ROAD_AFTER.match(after) or (_ROAD_BEFORE.search(before) and _ROAD_WORD.match(after))
        )  # "the Baiji-Haditha road": somewhere between the two
        foreign = (
            surface in abroad_names
            or bool(_FOREIGN_AFTER.match(after))
            or bool(_FOREIGN_BEFORE.search(before))
        )
        out.append(
            PlacePhrase(
                surface,
                place,
                start,
                end,
                locative,
                container,
                offset_km,
                between,
                foreign,
                framing,
                settlement,
            )
        )
        prev_end, prev_place = end, place
    return out


_WIDE_KINDS = frozenset({"governorate", "district", "subdistrict", "country"})


def describes(gap: str | None, place: Place | None) -> bool:
    """Whether the place after ``gap`` is a reference that describes ``place``, before it.

    "al-Abbasi village, west of Kirkuk", "the Hamrin mountains east of Tikrit", "the Makhoul
    range near Baiji": the second place says where the first is. A governorate or district
    before it is wider, not described ("in Diyala, near Buhriz").
    """
    if gap is None or place is None or place.kind == "governorate":
        return False
    if _OFFSET_GAP.fullmatch(gap):
        return True  # "al-Zab subdistrict, west of al-Hawija"
    return place.kind not in _WIDE_KINDS and _NEAR_GAP.fullmatch(gap) is not None


def relative_gap(gap: str) -> bool:
    """Whether ``gap`` relates a place to the reference after it (", 20 km south of ")."""
    return _OFFSET_GAP.fullmatch(gap) is not None or _NEAR_GAP.fullmatch(gap) is not None


def contains_gap(gap: str) -> bool:
    """Whether ``gap``, between two place names, makes the second contain the first.

    ``" village in "``, ``" ("``, ``", "``, ``" district of "``: "Zangar village in Daquq
    district", "Jamila village (Shirqat district, Salah al-Din)".
    """
    return len(gap) <= 40 and _CONTAINER_GAP.fullmatch(gap) is not None


def _score(p: PlacePhrase, trigger: int) -> float:
    score = 2.0 if p.locative else 0.0
    if p.container:
        score -= 2.5  # "in Daquq district" after "Zangar village": narrows, is not the place
    if not p.place.is_area:
        score += 0.6  # the most specific place the text ties to the event
    if p.settlement:
        score += 0.5
    if p.framing:
        score -= 1.0  # a later, more specific locative names the event's place
    if p.between:
        score -= 0.5  # "on the Kirkuk-Erbil road, south of Altun Kupri": the town names the spot
    score -= abs(p.start - trigger) / 200
    score += 0.5 / (1 + p.place.precision_km / 10)
    return score


def choose_place(phrases: Sequence[PlacePhrase], trigger: int) -> tuple[float, PlacePhrase] | None:
    """The event's place among ``phrases`` (the trigger word at offset ``trigger``)."""
    usable = [p for p in phrases if not p.foreign]
    if not usable:
        return None
    scored = [(_score(p, trigger), p) for p in usable]
    return max(scored, key=lambda t: t[0])


# geo.prescan: these patterns skip the texts that hold none of their words (same answers)
_OFFSET = screened(_OFFSET)
_NOT_A_LOCATION = screened(_NOT_A_LOCATION)
_FOREIGN_BEFORE = screened(_FOREIGN_BEFORE)
_OWNED_ABROAD = screened(_OWNED_ABROAD)
_NAME_COMMA_ABROAD = screened(_NAME_COMMA_ABROAD)
_LOCATIVE = screened(_LOCATIVE)

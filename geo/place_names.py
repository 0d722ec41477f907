"""Names a sentence gives as places that the spotter did not take, and feature names.

The spotter knows the gazetteer's names as written; the reporting writes villages in
spellings it does not hold ("Buhruz", "Mutaibija"), names them by a settlement noun
("Dogshman village", "the village of Zarqawiya") or by a landform ("the Makhoul range", "the
Hamrin mountains"). :func:`missed_names` finds such names in a sentence's place phrases so the
placer can send them through the resolver's transliteration and fuzzy stages;
:func:`feature_queries` says how to ask the gazetteer for a landform named with its noun;
:func:`resolve_missed` sends a missed name to the resolver with the article's areas as context.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import Gazetteer, Place

__all__ = ["ArticleAreas", "MissedName", "feature_queries", "missed_names", "resolve_missed"]

_DIRS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
_NAME = (
    r"(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ez|ad|as|ash|az|ar|at|an|Al|El)-)?"
    r"[A-Z][\w'’-]+|\s+(?:al|el|ez|ad|as|ash|az|ar|at|an)-[A-Za-z][\w'’-]+){0,2}"
)
# a locative or settlement phrase before the name: "in X", "near the village of X"
_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|around|village of|town of|outskirts of|edge of|entrance of|"
    r"(?:farmland|farms|orchards|desert|countryside|vicinity|hills|area|areas|villages|"
    r"islands|outskirts) of|" + _DIRS + r" of)\s+(?:the\s+)?"
    r"(?:village of\s+|town of\s+|area of\s+)?"
    r"(?:" + _DIRS + r"\s+)?"
    r"(?:(?P<owner>[A-Z][\w-]+)['’]s\s+)?"
    r"(?P<name>" + _NAME + r")"
)
_SETTLEMENT_NOUN = r"village|town|hamlet|area|subdistrict|sub-district|district|region"
_FEATURE_NOUN = r"mountains?|range|hills|foothills|heights|valley|lake|desert"
# a name followed by the noun of what it names: "Dogshman village", "the Makhoul range"
_BEFORE_NOUN = re.compile(
    r"(?<![\w'’-])(?P<name>"
    + _NAME
    + r")\s+(?P<noun>"
    + _SETTLEMENT_NOUN
    + "|"
    + _FEATURE_NOUN
    + r")\b"
)
_KIND_AFTER = re.compile(r"\s+(district|subdistrict|sub-district|village|town|province)\b", re.I)
_FEATURE_AFTER = re.compile(r"\s+(" + _FEATURE_NOUN + r")\b", re.I)
# "the Al-Zuhur neighbourhood of eastern Mosul", "the Hay al-Askari area of Kirkuk city"
_QUARTER_OF = re.compile(
    r"\s+(?:neighbou?rhood|quarter|area|district)\s+(?:of|in)\s+(?:the\s+)?(?:city of\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?(?P<city>[A-Z][\w'’-]+)"
)
_POSSESSIVE = re.compile(r"([A-Z][\w-]+)['’]s\s+(\S.*)$")
_FEATURE_BEFORE = re.compile(r"\b(?:Wadi|Jabal|Jebel|Mount|Mt\.?|Lake)\s+$")
NOT_NAMES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those A An "
    "Iraq Iraqi Kurdish Kurdistan Syria Iran Turkey Baghdad Erbil Peshmerga ISIS Coalition "
    "Arab Sunni Shia Shiite Yazidi Christian Turkmen Western Eastern Northern Southern Central "
    "Upper Lower Old New Security Federal Army Police Operations Command Province Governorate "
    "District Village Town In On At Near".split()
)


# words that begin village names as well as phrases ("Upper Jawwala", "Arab Ahmad Ibrahim")
_QUALIFIERS = frozenset(
    {"Upper", "Lower", "Old", "New", "Great", "Big", "Little", "Small", "Arab", "Turkmen"}
)


@dataclass(frozen=True, slots=True)
class MissedName:
    """A name in a place phrase: ``sentence[start:end] == name``.

    ``queries`` are what to ask the resolver, most specific first ("Multaqa subdistrict",
    "Multaqa"); ``owner`` is the place named as its owner ("Kirkuk's Multaqa"), if any.
    """

    name: str
    start: int
    end: int
    queries: tuple[str, ...]
    owner: str | None = None


_ARABIC_QUALIFIER = {
    "Upper": ("Ulya", "al Ulya"),
    "Lower": ("Sufla", "as Sufla"),
    "Old": ("Qadima", "al Qadima"),
    "New": ("Jadida", "al Jadida"),
    "Great": ("Kabir", "al Kubra"),
    "Big": ("Kabir", "al Kubra"),
    "Little": ("Saghir", "as Sughra"),
    "Small": ("Saghir", "as Sughra"),
}


def _arabic_qualifier(name: str) -> tuple[str, ...]:
    """The Arabic forms of a name given with an English qualifier ("Upper Jawwala")."""
    first, _, rest = name.partition(" ")
    forms = _ARABIC_QUALIFIER.get(first)
    if not forms or not rest:
        return ()
    return tuple(f"{rest} {form}" for form in forms)


def feature_queries(sentence: str, start: int, end: int) -> tuple[str, ...]:
    """How to ask for the landform named at ``sentence[start:end]``, or ``()`` if none.

    "the Hamrin mountains", "the Makhoul range", "the Hamrin foothills" -> "Hamrin
    mountains", ...; "Wadi al-Shay" and "Jabal Makhoul" are names of their own.
    """
    name = sentence[start:end]
    m = _FEATURE_AFTER.match(sentence, end)
    if m is None:
        return ()
    noun = m.group(1).lower()
    if noun == "desert":
        return ()  # "the western Anbar desert" is the governorate's
    if noun in ("hills", "foothills", "heights", "range", "mountain"):
        return (f"{name} {noun}", f"{name} mountains")
    return (f"{name} {noun}",)


class _Spans:
    """Spans sorted by start, with the farthest end among those starting up to each one.

    Asking whether a span starting at or before a point reaches past it is a bisection, so
    checking every name of a long sentence against its spans stays linear (not names x spans).
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reaches: list[int] = []
        for _, end in ordered:
            self.reaches.append(max(end, self.reaches[-1]) if self.reaches else end)

    def reach(self, point: int, *, inclusive: bool) -> int:
        """The farthest end of the spans starting before ``point`` (at it too if inclusive)."""
        i = (bisect_right if inclusive else bisect_left)(self.starts, point)
        return self.reaches[i - 1] if i else -1


def missed_names(
    sentence: str,
    taken: Sequence[tuple[int, int]],
    actors: Sequence[tuple[int, int]] = (),
) -> list[MissedName]:
    """Capitalised names in the place phrases of ``sentence`` outside the spans ``taken``.

    ``taken`` are the spans the spotter resolved, ``actors`` those of actor names ("Kirkuk
    Operations Command" is no place). A name is in a place phrase after a locative ("in X",
    "the village of X", "south of X") or before a settlement or landform noun ("Dogshman
    village", "the Makhoul range").
    """
    found: dict[int, MissedName] = {}
    taken_at = _Spans(taken)
    actors_at = _Spans(actors)
    hits: list[tuple[re.Match[str], str | None]] = [
        (m, m.group("owner")) for m in _AFTER_LOCATIVE.finditer(sentence)
    ]
    hits += [(m, None) for m in _BEFORE_NOUN.finditer(sentence)]
    for m, named_owner in hits:
        owner = named_owner
        name = m.group("name")
        a, b = m.span("name")
        if possessive := _POSSESSIVE.match(name):  # "Kirkuk's Multaqa subdistrict"
            owner, name = possessive.group(1), possessive.group(2)
            a = b - len(name)
        first = name.split()[0]
        if first[-2:] in ("'s", "’s"):
            first = first[:-2]  # "in Iraq's northern Kirkuk province": the country owns it
        if first in NOT_NAMES and not (first in _QUALIFIERS and " " in name):
            continue  # "in Iraq", "the Arab village"; "Upper Jawwala", "Arab Koy" are names
        if actors_at.reach(a, inclusive=True) > a or actors_at.reach(b, inclusive=False) >= b:
            continue  # a span with s <= a < e or s < b <= e: an actor's name
        if taken_at.reach(a, inclusive=True) >= b:
            continue  # a place the spotter already resolved (a span with s <= a, b <= e)
        kind = _KIND_AFTER.match(sentence, b)
        queries = feature_queries(sentence, a, b)
        if kind is not None:
            queries += (f"{name} {kind.group(1)}",)
        if before := _FEATURE_BEFORE.search(sentence[max(0, a - 8) : a]):
            queries = (f"{before.group(0)}{name}", *queries)  # "Wadi" + "al-Shay"
        if quarter := _QUARTER_OF.match(sentence, b):
            city = quarter.group("city")
            bare = name[4:] if name.startswith("Hay ") else name
            queries = (f"{city} - {name}", f"{city} - {bare}", *queries)
        queries += (name, *_arabic_qualifier(name))
        if a not in found or len(found[a].name) < len(name):
            found[a] = MissedName(name, a, b, tuple(dict.fromkeys(queries)), owner)
    return sorted(found.values(), key=lambda n: n.start)


@dataclass(frozen=True, slots=True)
class ArticleAreas:
    """The areas an article names: its districts and governorates, as places and as names."""

    context: tuple[Place, ...]
    admin2s: frozenset[str]
    admin1s: frozenset[str]


def _owned_by(place: Place, owner: Place) -> bool:
    """Whether ``place`` can lie within ``owner`` ("Kirkuk's Multaqa": in Kirkuk's governorate).

    A governorate is owned by nothing smaller; else the owner's governorate must hold it.
    """
    if place.kind == "governorate" and owner.kind != "country":
        return False
    return not (place.admin1 and owner.admin1) or place.admin1 == owner.admin1


def resolve_missed(
    gaz: Gazetteer,
    queries: tuple[str, ...],
    near: list[Place],
    areas: ArticleAreas,
    owner: Place | None = None,
    spotted: Sequence[Place] = (),
    districts: frozenset[str] = frozenset(),
) -> Place | None:
    """Resolve a name the spotter missed; accept a weak match only within the article's areas.

    ``queries`` are tried in order ("Multaqa subdistrict", then "Multaqa"); ``near`` are
    the places the same sentence names, which join the article's ``areas`` as context;
    ``spotted`` what the spotter made of the name, a candidate among the resolver's; a
    place in one of the ``districts`` the sentence names beats one in another.
    """
    # the spotter's own reading of this name is no context for it (it would vote for itself)
    own = {p.id for p in spotted}
    context = tuple(dict.fromkeys(p for p in (*near, *areas.context) if p.id not in own))[:10]
    admin1s = areas.admin1s | ({owner.admin1} if owner is not None else set())
    # the spotter's reading competes as the last of the queries
    accepted = [
        (2 if p.admin2 in districts else 1, -len(queries), 0.9, p)
        for p in spotted
        if not (districts and p.importance < 0.6 and p.admin2 not in districts)
    ]
    local1 = {p.admin1 for p in near if p.admin2 in districts}
    for rank, query in enumerate(queries):
        plain = gaz.lookup(query)
        if plain is not None and plain.score >= 0.95 and plain.place.importance >= 0.6:
            return plain.place  # a major place named as such ("Anbar" is the governorate)
        hinted = [gaz.lookup(query, hint_district=d) for d in sorted(districts)[:2]]
        hinted += [gaz.lookup(query, hint=a) for a in sorted(local1)[:2]]
        # the reading with the sentence's and article's places first: on a tie it wins
        for match in (gaz.lookup(query, context=context), plain, *hinted):
            if match is None or match.score < 0.85:
                continue
            place = match.place
            in_context = place.admin2 in areas.admin2s or (
                match.score >= 0.9 and place.admin1 in admin1s
            )
            # the district the sentence itself names beats one named elsewhere
            level = 2 if place.admin2 and place.admin2 in districts else int(in_context)
            if districts and place.importance < 0.6 and place.admin2 not in districts:
                continue  # "Tal Ali (Daquq district, Kirkuk)" is no Tal Ali of Hawija
            if place.kind == "governorate" and match.score < 0.95:
                continue  # "the al-Wasiti neighbourhood" is no near-spelling of Wasit
            if owner is not None and not _owned_by(place, owner):
                continue  # "Kirkuk's Wasiti neighbourhood" is no governorate of Wasit
            # a village outside every area the text names is a namesake far away ("Wahid
            # Huzairan" near Kirkuk is no Qaryat Wahid Huzayran of Kerbala): only a major
            # place there, else the place the text names with it places the event
            if in_context or place.importance >= 0.6 or (match.score >= 0.95 and not admin1s):
                accepted.append((level, -rank, match.score, place))
    if accepted:
        return max(accepted, key=lambda t: t[:3])[3]
    return None

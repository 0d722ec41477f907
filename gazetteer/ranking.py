"""Rank a name's candidate places: name match, kind, seat of a unit, hint and nearby places.

``rank`` orders the candidates the resolver's cascade found (see ``candidates.py``) by
``2 x name quality + importance`` plus bonuses: the kind the query's own words ask for
("district", "camp"), a curated alias, the seat of a same-named unit, the verbatim spelling,
and the context (hint governorate/district, places named nearby).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from gazetteer.context import Context
from gazetteer.geometry import distance_km
from gazetteer.model import ADMIN_KINDS, SETTLEMENT_KINDS, MatchMethod, Place
from gazetteer.normalize import (
    KIND_WORDS,
    QueryKey,
    consonant_key,
    fuzzy_key,
    spot_key,
    vowel_key,
)

__all__ = ["KIND_FIT", "MINOR_KINDS", "Candidate", "rank", "similarity", "weak", "within"]

SEAT_BONUS = 0.5  # a town inside a same-named district, region or feature
SEAT_KINDS = frozenset({"town", "city"})  # the build makes each unit's seat a town
WORD_BONUS = 0.2  # the candidate's name has the query's generic word ("field", "refinery")
ALIAS_BONUS = 0.5  # a curated alias states which homonym the reporting means
MINOR_KINDS = frozenset({"village", "neighbourhood"})  # places too small to guess at
SHORT_SKELETON = 4  # consonants below which a look-alike needs a closer spelling
SHORT_QUALITY = 0.95  # ...that close (0.8 + 0.15 x similarity: similarity >= 0.93)
WEAK_FUZZY = 0.9  # a fuzzy hit of any kind below this (rapidfuzz ratio ~95) is a guess
WEAK_QUALITY = 0.93  # a look-alike village or feature's match quality (similarity >= 0.87)


def within(place: Place, area: Place) -> bool:
    """True when ``place`` lies in the admin unit ``area`` names, or within its radius."""
    if area.kind == "district":
        return place.admin2 == area.name
    if area.kind == "subdistrict":
        return place.admin3 == area.name
    if area.kind == "governorate":
        return place.admin1 == area.name
    # A feature (mountain, camp, region) named after a town lies close to it; a large range or
    # region does not make every namesake village inside it its eponym.
    return distance_km(place, area) <= min(area.precision_km, 10.0) + 10.0


# Kinds a query's generic word accepts, and the bonus for each.
KIND_FIT: dict[str, dict[str, float]] = {
    "governorate": {"governorate": 1.0},
    # Reporters call a sub-district (nahiya) a district too: "Bashiqa district".
    "district": {"district": 1.0, "subdistrict": 0.8, "region": 0.6},
    "subdistrict": {"subdistrict": 1.0, "town": 0.7, "village": 0.6},
    "mountain": {"range": 1.0, "mountain": 1.0},
    "camp": {"camp": 1.0},
    "region": {"region": 1.0, "district": 0.5, "governorate": 0.5, "range": 0.4, "valley": 0.4},
    "village": {"village": 1.0, "town": 0.6},
    "town": {"town": 1.0, "city": 0.8, "village": 0.6},
    "city": {"city": 1.0, "town": 0.8},
    "dam": {"dam": 1.0, "lake": 0.5},
    "lake": {"lake": 1.0, "dam": 0.5},
    "base": {"base": 1.0, "airfield": 0.8},
    "airfield": {"airfield": 1.0, "base": 0.8},
    "crossing": {"crossing": 1.0, "town": 0.3, "village": 0.3},
    "valley": {"valley": 1.0},
    "oilfield": {"oilfield": 1.0, "site": 0.6},
    "bridge": {"bridge": 1.0},
}
KIND_FIT["mountain"] = {"range": 1.0, "mountain": 1.0, "pass": 0.5}


def weak(c: Candidate, query: QueryKey) -> bool:
    """A look-alike that nothing supports: a loose fuzzy hit, or a loose skeleton match.

    Short skeletons collide across languages (Kobani ~ Gopan, Ankara ~ An Nakarah, Syria ~
    Sharya camp), so a village or a feature found only by skeleton or fuzzily needs a close
    spelling, closer still under four consonants (Mukhaisa = Al Mukhaysah, Mutaibija =
    Mutabijah pass); a fuzzy hit of any kind needs a close spelling (Kermanshah is no Iraqi
    air base). Towns and units carry more evidence (Dubz = Dibis, Hawîce = Hawija), and so does
    the query's own kind word ("Udhaim Dam" = Adhaim Dam).
    """
    if c.method == "fuzzy" and c.quality < WEAK_FUZZY:
        return True
    if c.method not in ("transliteration", "fuzzy"):
        return False
    if query.kind_hint and KIND_FIT.get(query.kind_hint, {}).get(c.place.kind, 0.0) >= 1.0:
        return False
    short = len(fuzzy_key(" ".join(query.tokens))) < SHORT_SKELETON
    if c.place.kind not in MINOR_KINDS and c.place.kind in SETTLEMENT_KINDS | ADMIN_KINDS:
        return False
    return c.quality < (SHORT_QUALITY if short else WEAK_QUALITY)


def similarity(key: str, other: str) -> float:
    """Spelling similarity (0-1) of two light keys, on three forms (the best counts).

    The keys themselves; their vowels in three classes (Kurdish e/a, o/u); and that with the
    consonant pairs of the skeleton folded too (q/k, kh/h, ch/j, doubled letters), so
    "Kocho" = "Kojo" and "Tel Esqof" ~ "Tall Usquf" differ only where a vowel does.
    """
    return (
        max(
            fuzz.ratio(key, other),
            fuzz.ratio(vowel_key(key), vowel_key(other)),
            fuzz.ratio(consonant_key(key), consonant_key(other)),
        )
        / 100
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may mean: how well the name matched (0-1), how, and under which name."""

    place: Place
    quality: float
    method: MatchMethod
    name: str


def rank(
    found: tuple[list[Candidate], list[Candidate]],
    query: QueryKey,
    ctx: Context,
    verbatim: str,
) -> list[tuple[float, Candidate]]:
    """Order ``found`` = (candidates, evidence) best first, as ``(total, candidate)`` pairs.

    ``evidence`` holds look-alike units that make a town inside them its seat; ``verbatim`` is
    the query's spotting form (a candidate named exactly so gets a small bonus). Ties go to
    the more important place, then the smaller id, so the order is deterministic.
    """
    cands, evidence = found
    if len(cands) == 1 and not evidence and ctx.empty and not query.kind_hint:
        return [(0.0, cands[0])]
    if any(c.quality >= 1.0 and c.place.kind in ADMIN_KINDS for c in cands):
        # An exactly-named unit ("Rashad": Al-Rashad sub-district) makes only its own seat
        # a seat, not a village inside a differently spelled unit (Ar Rashid, Baghdad).
        evidence = [e for e in evidence if e.quality >= 1.0]
    ranked = []
    words = {w for w in verbatim.split() if w in KIND_WORDS}  # the query's own generic words
    for c in cands:
        p = c.place
        total = 2.0 * c.quality + p.importance
        fit = KIND_FIT.get(query.kind_hint, {}).get(p.kind, 0.0) if query.kind_hint else None
        if fit == 0.0 and c.method in ("transliteration", "fuzzy"):
            continue  # "Wadi al-Shay" is no look-alike village: the query names another kind
        if c.method == "alias" and fit != 0.0:
            total += ALIAS_BONUS  # unless the query's own word names another kind
        if fit is not None:
            total += fit
        elif p.kind in SEAT_KINDS and any(
            e.place.id != p.id and within(p, e.place) for e in evidence
        ):
            total += SEAT_BONUS  # the town that gives its name to the unit around it
        spot = spot_key(c.name)
        if spot == verbatim:
            total += 0.1
        if words and not words.isdisjoint(spot.split()):
            total += WORD_BONUS  # "Kirkuk field": the oil field, not the refinery
        total += ctx.bonus(p)
        ranked.append((total, c))
    ranked.sort(key=lambda t: (-t[0], -t[1].place.importance, t[1].place.id))
    return _exact_first(ranked, ctx, query.kind_hint, words)


SAME_SPELLING = 0.95  # a look-alike's quality when one of similarity()'s forms is identical


def _loose(c: Candidate) -> bool:
    """A look-alike spelled differently even after folding vowels and consonant pairs."""
    return c.method in ("transliteration", "fuzzy") and c.quality < SAME_SPELLING


def _exact_first(
    ranked: list[tuple[float, Candidate]], ctx: Context, kind: str | None, words: set[str]
) -> list[tuple[float, Candidate]]:
    """Move loose look-alikes below the exactly named candidates unless context prefers them.

    A differently spelled variant of another place ("Bebaz" ~ Piwaz, "Bash" ~ Al Abbasi,
    "Hardi" ~ Al Harithah) never outranks a place that bears the name itself on size alone:
    only what the query says beyond the name lets it stay ahead, a hint or a context place
    (the look-alike lies in it or nearer to it: "As Saidiyah" near Diyala is As Sa'diyah), or
    the query's kind word ("Sulaimani province"), that fits the look-alike better than every
    exact candidate (an exact candidate whose own name has the word, "Camp Sarah", fits it).
    A variant identical up to Kurdish vowels and consonant pairs ("Qeretepe" = Qara Tapa) is
    the same spelling and keeps its rank.
    """
    exact = [c for _, c in ranked if c.method in ("exact", "alias")]
    if not exact or not any(_loose(c) for _, c in ranked):
        return ranked
    fit = KIND_FIT.get(kind or "", {})

    def pull(c: Candidate) -> float:
        named = bool(words) and not words.isdisjoint(spot_key(c.name).split())
        inside = ctx.near(c.place)  # in the hinted unit, a named governorate, or close by
        return inside + ctx.bonus(c.place) + (1.0 if named else fit.get(c.place.kind, 0.0))

    most = max(pull(c) for c in exact)
    late = [t for t in ranked if _loose(t[1]) and pull(t[1]) <= most]
    return [t for t in ranked if t not in late] + late

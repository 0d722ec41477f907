"""Which place a name the spotter missed stands for, given what the text says around it.

A name in a place phrase goes through the resolver's exact, transliteration and fuzzy stages
several ways (plain, with the places of the sentence and article as context, with the
district and governorate the sentence names as hints); the answers compete, the district the
sentence names first. Pure functions over a :class:`gazetteer.Gazetteer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import Gazetteer, Place

__all__ = ["NameContext", "in_districts", "resolve_missed"]


@dataclass(frozen=True, slots=True)
class NameContext:
    """What the text says around a name.

    ``near``: the sentence's places; ``article``: the article's areas; ``admin2s`` and
    ``admin1s``: the districts and governorates the article names, directly or through its
    places; ``districts``: those the sentence names ("in Daquq district", "(Shirqat
    district, Salah al-Din)").
    """

    near: tuple[Place, ...]
    article: tuple[Place, ...]
    admin2s: frozenset[str]
    admin1s: frozenset[str] | set[str]
    districts: frozenset[str]


def in_districts(
    gaz: Gazetteer, surface: str, place: Place, districts: frozenset[str]
) -> Place | None:
    """``place``, or its namesake in one of the ``districts`` the sentence names.

    "As Saidiyah, in Kirkuk's Daquq district": the spotter's As Sa'diyah of Khanaqin gives way
    to the As Sa'idiyah of Daquq (the resolver's ``hint_district``); a major place stays.
    ``None`` when a village has no namesake there ("Tal Ali (Daquq district)" is no Tal Ali
    of Hatra): the name is unresolved.
    """
    if place.is_area or place.admin2 in districts or place.importance >= 0.9:
        return place
    for district in sorted(districts):
        match = gaz.lookup(surface, hint_district=district)
        if match is not None and match.score >= 0.9 and match.place.admin2 == district:
            return match.place
    return place if place.importance >= 0.6 else None


def resolve_missed(
    gaz: Gazetteer,
    queries: tuple[str, ...],
    ctx: NameContext,
    *,
    spotted: Sequence[Place] = (),
) -> Place | None:
    """The place a name in a place phrase stands for, or ``None`` (then it is unresolved).

    ``queries`` are asked in order ("Multaqa subdistrict", then "Multaqa"); ``spotted`` is
    what the spotter made of the name, a candidate after them. A weak match is accepted only
    within the article's districts or governorates; when the sentence names a district, a
    minor place outside it is no answer ("Tal Ali (Daquq district, Kirkuk)" is no Tal Ali of
    Hawija: the caller falls back to the district). Among the accepted, a place in the
    sentence's district beats one in the article's areas, which beats the rest; then the
    earlier query, then the better score.
    """
    districts = ctx.districts
    # the spotter's own reading of this name is no context for it (it would vote for itself)
    own = {p.id for p in spotted}
    context = tuple(dict.fromkeys(p for p in (*ctx.near, *ctx.article) if p.id not in own))[:10]
    local1 = sorted({p.admin1 for p in ctx.near if p.admin2 in districts})
    # the spotter's reading competes as the last of the queries
    accepted = [
        (2 if p.admin2 in districts else 1, -len(queries), 0.9, p)
        for p in spotted
        if not (districts and p.importance < 0.6 and p.admin2 not in districts)
    ]
    for rank, query in enumerate(queries):
        plain = gaz.lookup(query)
        if plain is not None and plain.score >= 0.95 and plain.place.importance >= 0.6:
            return plain.place  # a major place named as such ("Anbar" is the governorate)
        hinted = [gaz.lookup(query, hint_district=d) for d in sorted(districts)[:2]]
        hinted += [gaz.lookup(query, hint=a) for a in local1[:2]]
        # the reading with the sentence's and article's places first: on a tie it wins
        for match in (gaz.lookup(query, context=context), plain, *hinted):
            if match is None or match.score < 0.85:
                continue
            place = match.place
            if districts and place.importance < 0.6 and place.admin2 not in districts:
                continue
            in_context = place.admin2 in ctx.admin2s or (
                match.score >= 0.9 and place.admin1 in ctx.admin1s
            )
            level = 2 if place.admin2 and place.admin2 in districts else int(in_context)
            if match.score >= 0.95 or place.importance >= 0.6 or in_context:
                accepted.append((level, -rank, match.score, place))
    if accepted:
        return max(accepted, key=lambda t: t[:3])[3]
    return None

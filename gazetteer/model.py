"""Typed records the gazetteer returns: a :class:`Place` and the :class:`Match` that chose it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["ADMIN_KINDS", "AREA_KINDS", "SETTLEMENT_KINDS", "Match", "MatchMethod", "Place"]

SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood"})
ADMIN_KINDS = frozenset({"governorate", "district", "subdistrict"})
# Kinds whose point stands for an area: a result of this kind is never exact.
AREA_KINDS = ADMIN_KINDS | {"region", "range", "valley", "lake"}

MatchMethod = Literal["alias", "exact", "partial", "transliteration", "fuzzy", "online"]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a point (``lon``/``lat``, WGS84) with its uncertainty radius.

    ``admin1``/``admin2`` are OCHA governorate and district names (empty when the place spans
    several). ``precision_km`` is the radius within which the real location lies: a few km for a
    town, the polygon's reach for a district, region or governorate. ``city`` names the city a
    ``neighbourhood`` (quarter) lies in. ``source`` names the data layer(s) the record comes
    from, ``;``-separated (``wikipedia-iraq-conflict-map`` is the CC BY-SA layer to credit).
    """

    id: str
    name: str
    kind: str
    lon: float
    lat: float
    admin1: str
    admin2: str
    admin3: str
    geonames_id: int | None
    precision_km: float
    population: int
    importance: float
    source: str
    city: str = ""

    @property
    def is_area(self) -> bool:
        """True when the point stands for an area (district, region, range...)."""
        return self.kind in AREA_KINDS


@dataclass(frozen=True, slots=True)
class Match:
    """The answer to one query: the chosen place, how it matched, and the runners-up.

    ``score`` in [0, 1] says how well the *name* matched (1.0 for an exact or alias hit);
    ``alternatives`` lists the other candidates, best first, so a far-off homonym is never
    chosen silently.
    """

    query: str
    place: Place
    score: float
    method: MatchMethod
    matched_name: str
    alternatives: tuple[tuple[Place, float], ...] = field(default=())

    @property
    def ambiguous(self) -> bool:
        """True when an equally good runner-up lies apart from the choice.

        Apart means farther than 25 km and than either place's own radius (a city inside its
        governorate is not a rival). A curated alias settles the question.
        """
        from gazetteer.geometry import distance_km

        if self.method == "alias":
            return False
        best = self.place
        return any(
            s >= self.score and distance_km(p, best) > max(25.0, best.precision_km, p.precision_km)
            for p, s in self.alternatives
        )

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready record: the place's fields plus query, score and runners-up."""
        p = self.place
        return {
            "query": self.query,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "kind": p.kind,
            "admin1": p.admin1 or None,
            "admin2": p.admin2 or None,
            "admin3": p.admin3 or None,
            "geonames_id": p.geonames_id,
            "precision_km": p.precision_km,
            "score": round(self.score, 3),
            "method": self.method,
            "matched_name": self.matched_name,
            "id": p.id,
            "source": p.source,
            "city": p.city or None,
            "ambiguous": self.ambiguous,
            "alternatives": [
                {
                    "name": a.name,
                    "id": a.id,
                    "kind": a.kind,
                    "admin1": a.admin1 or None,
                    "lat": a.lat,
                    "lon": a.lon,
                    "score": round(s, 3),
                }
                for a, s in self.alternatives
            ],
        }

"""Where a query lies: a governorate or district hint and the places named near it in a text.

The resolver asks two questions of a :class:`Context`: is a candidate *near* it (a candidate
found only by a transliteration skeleton or fuzzily must be, or it loses to "not found"), and
how much does it pull a candidate (the ranking bonus).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gazetteer.geometry import distance_km
from gazetteer.model import Place

__all__ = ["NEAR_KM", "Context"]

NEAR_KM = 40.0  # a place within this (plus the context place's own radius, capped) is near it
_RADIUS_CAP_KM = 60.0
HINT_BONUS = 1.5  # candidate inside the hinted governorate: outweighs kind, alias and seat
DISTRICT_BONUS = 0.4  # ...and inside the hinted district
NEAR_BONUS = 0.6  # scaled by exp(-km / 40) for the closest context place


@dataclass(frozen=True, slots=True)
class Context:
    """A hint governorate and district (OCHA ``ADM1_EN``/``ADM2_EN`` names) and nearby places.

    ``places`` are points named in the same text (lon/lat WGS84); a governorate or district
    among them acts like a hint for its own unit.
    """

    admin1: str | None = None
    admin2: str | None = None
    places: tuple[Place, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing is known about where the query lies."""
        return not (self.admin1 or self.admin2 or self.places)

    def near(self, place: Place) -> bool:
        """True when ``place`` lies in the hinted unit or close to a context place."""
        if self.admin2 and place.admin2 == self.admin2:
            return True
        if self.admin1 and not self.admin2 and place.admin1 == self.admin1:
            return True
        return any(_near(place, q) for q in self.places if q.id != place.id)

    def bonus(self, place: Place) -> float:
        """Ranking bonus (>= 0) for ``place``: in the hinted unit, close to context places."""
        total = 0.0
        if self.admin1 and place.admin1 == self.admin1:
            total += HINT_BONUS
        if self.admin2 and place.admin2 == self.admin2:
            total += DISTRICT_BONUS + (0.0 if self.admin1 else HINT_BONUS)
        others = [q for q in self.places if q.id != place.id]
        if others:
            near = min(_gap_km(place, q) for q in others)
            total += NEAR_BONUS * math.exp(-near / 40.0)
        return total

    def anchors(self) -> tuple[Place, ...]:
        """The context points to place a long feature's nearest part against."""
        return tuple(q for q in self.places if q.precision_km <= _RADIUS_CAP_KM)


def _gap_km(place: Place, other: Place) -> float:
    """How far (km) ``place`` lies outside ``other``.

    A governorate or district counts by membership (its radius would take in its neighbours'
    villages); any other place by distance beyond its precision radius.
    """
    if other.kind == "governorate":
        return 0.0 if place.admin1 == other.name else math.inf
    if other.kind == "district":
        return 0.0 if place.admin2 == other.name else math.inf
    return max(0.0, distance_km(place, other) - other.precision_km)


def _near(place: Place, other: Place) -> bool:
    if other.kind == "governorate":
        return place.admin1 == other.name
    if other.kind == "district" and place.admin2 == other.name:
        return True
    reach = NEAR_KM + min(other.precision_km, _RADIUS_CAP_KM)
    return distance_km(place, other) <= reach

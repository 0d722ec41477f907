"""Great-circle distance between places (the gazetteer's only geometry; no shapely needed)."""

from __future__ import annotations

import math
from typing import Protocol

__all__ = ["distance_km"]

EARTH_RADIUS_KM = 6371.0088


class _HasLonLat(Protocol):
    @property
    def lon(self) -> float: ...

    @property
    def lat(self) -> float: ...


def distance_km(a: _HasLonLat, b: _HasLonLat) -> float:
    """Haversine distance in km on the mean Earth sphere (within 0.5 % of geodesic)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

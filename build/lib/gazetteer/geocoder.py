"""geopy integration: the offline gazetteer as a ``geopy`` geocoder, and an opt-in online one.

``OfflineGazetteer().geocode("Makhmour")`` returns a ``geopy.Location`` whose ``.raw`` holds the
full match record. :class:`OnlineFallback` is used only when a user passes ``--online``: it
chains to Nominatim behind a RateLimiter and an on-disk JSON cache.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer.errors import UnknownPlaceError
from gazetteer.model import Match, Place
from gazetteer.resolver import Gazetteer

__all__ = ["OfflineGazetteer", "OnlineFallback", "match_to_location"]


def match_to_location(match: Match) -> Location:
    """Wrap a match as a ``geopy.Location`` (``raw`` is :meth:`Match.to_dict`)."""
    p = match.place
    address = ", ".join(x for x in (p.name, p.admin2, p.admin1, "Iraq") if x)
    return Location(address, (p.lat, p.lon), match.to_dict())


class OfflineGazetteer(Geocoder):
    """A geopy geocoder backed by kclmap's offline gazetteer; it never touches the network."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, min_score: float = 0.0) -> None:
        super().__init__(user_agent="kclmap")
        self._gazetteer = gazetteer
        self.min_score = min_score

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self._gazetteer is None:
            from gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        hint: str | None = None,
        context: Sequence[Place] = (),
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Resolve ``query``; ``None`` when nothing matches (geopy's convention)."""
        try:
            match = self.gazetteer.resolve(query, hint=hint, context=context)
        except UnknownPlaceError:
            return None
        if match.score < self.min_score:
            return None
        if exactly_one:
            return match_to_location(match)
        alts = [Match(query, p, s, match.method, p.name) for p, s in match.alternatives]
        return [match_to_location(m) for m in (match, *alts)]


GeocodeFn = Callable[[str], Any]


class OnlineFallback:
    """Nominatim lookups for names the gazetteer lacks, rate-limited and cached on disk.

    ``geocode_fn`` is injectable so tests use a fake; by default it is geopy's Nominatim
    limited to Iraq behind ``RateLimiter(min_delay_seconds=1)``, as Nominatim's policy asks.
    """

    def __init__(self, cache_path: Path, *, geocode_fn: GeocodeFn | None = None) -> None:
        self.cache_path = cache_path
        self._fn = geocode_fn
        self._cache: dict[str, dict[str, Any] | None] = {}
        if cache_path.exists():
            self._cache = json.loads(cache_path.read_text(encoding="utf-8"))

    def _geocode_fn(self) -> GeocodeFn:
        if self._fn is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            nominatim = Nominatim(user_agent="kclmap (offline-first geocoder)")
            self._fn = RateLimiter(
                lambda q: nominatim.geocode(q, country_codes="iq", language="en"),
                min_delay_seconds=1.0,
                max_retries=1,
                swallow_exceptions=False,
            )
        return self._fn

    def resolve(self, name: str) -> Match:
        """Return an online match for ``name`` or raise :class:`UnknownPlaceError`."""
        key = " ".join(name.split()).lower()
        if key not in self._cache:
            loc = self._geocode_fn()(name)
            self._cache[key] = (
                None
                if loc is None
                else {
                    "name": loc.address.split(",")[0],
                    "lat": loc.latitude,
                    "lon": loc.longitude,
                    "address": loc.address,
                }
            )
            self._save()
        hit = self._cache[key]
        if hit is None:
            raise UnknownPlaceError(name)
        place = Place(
            id=f"online:{key}",
            name=str(hit["name"]),
            kind="unknown",
            lon=float(hit["lon"]),
            lat=float(hit["lat"]),
            admin1="",
            admin2="",
            admin3="",
            geonames_id=None,
            precision_km=5.0,
            population=0,
            importance=0.0,
            source="nominatim",
        )
        return Match(name, place, 0.7, "online", str(hit["address"]))

    def _save(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._cache, fh, ensure_ascii=False, indent=0)
        os.replace(tmp, self.cache_path)

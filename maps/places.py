"""Place names for the map, from the shipped gazetteer: the search index and the labels.

Labels: the 18 governorate capitals (``maps/data/governorate_capitals.csv``) and one seat per
OCHA district (the settlement of the district's own name, else its most populous town). The
search index holds every gazetteer place except villages outside the northern governorates,
where the map's events are (about 14,000 names, ~0.5 MB of HTML).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gazetteer import Place

__all__ = ["NORTHERN_GOVERNORATES", "label_places", "search_places"]

# Governorates whose villages the search box knows (the disputed belt and the Kurdistan Region).
NORTHERN_GOVERNORATES = frozenset(
    {"Ninewa", "Erbil", "Duhok", "Al-Sulaymaniyah", "Kirkuk", "Salah Al-Din", "Diyala"}
)
_SETTLEMENTS = ("city", "town", "village")
# Administrative words some GeoNames names carry ("Qada' Talkif", "Nahiyat al Fuhud").
_LABEL_NOISE = re.compile(r"^(Qa\u1e11\u0101\u2019 |N\u0101\u1e29[i\u012b]yat )|\s+District$")


def _fold(name: str) -> str:
    """Lower case, no diacritics, no ``al-`` prefix, letters only: to compare names."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^(al|el)[- ]", "", text)
    return re.sub(r"[^a-z]", "", text)


def _places() -> list[Place]:
    from gazetteer import default_gazetteer

    return list(default_gazetteer().places)


@cache
def label_places() -> dict[str, list[Any]]:
    """Governorate capitals (tier 1) and district seats (tier 2), column-wise.

    Returns ``{"name": [...], "lat": [...], "lon": [...], "tier": [...]}`` in EPSG:4326.
    """
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    rows: list[tuple[str, float, float, int]] = []
    seen: set[str] = set()
    table = resources.files("maps").joinpath("data", "governorate_capitals.csv")
    with table.open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            place = gaz.resolve(rec["capital"], hint=rec["governorate"]).place
            rows.append((rec["capital"], place.lat, place.lon, 1))
            seen.add(place.id)
    places = _places()
    by_district: dict[tuple[str, str], list[Place]] = {}
    for p in places:
        if p.kind in _SETTLEMENTS and p.admin2:
            by_district.setdefault((p.admin1, p.admin2), []).append(p)
    for d in places:
        if d.kind != "district":
            continue
        candidates = by_district.get((d.admin1, d.admin2 or d.name), [])
        own = [p for p in candidates if _fold(p.name) == _fold(d.name)]
        pool = own or [p for p in candidates if p.kind != "village"]
        if not pool:
            continue
        seat = max(pool, key=lambda p: (p.population, p.kind != "village"))
        if seat.id in seen:
            continue
        seen.add(seat.id)
        rows.append((_LABEL_NOISE.sub("", seat.name).strip(), seat.lat, seat.lon, 2))
    return {
        "name": [r[0] for r in rows],
        "lat": [round(r[1], 4) for r in rows],
        "lon": [round(r[2], 4) for r in rows],
        "tier": [r[3] for r in rows],
    }


@cache
def search_places() -> dict[str, list[Any]]:
    """The gazetteer places the search box finds, column-wise, most important first.

    Returns ``{"name", "lat", "lon", "kind"}`` lists (EPSG:4326, 3 decimals: ~100 m) and the
    other names of those places that are not villages (``"alt"``, with ``"ref"``: the index of
    the place each one names), so "Qaratapa" finds Qarah Tabah and "Mexmur" Makhmur.
    """
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    keep = [
        (i, p)
        for i, p in enumerate(gaz.places)
        if p.kind != "village" or p.admin1 in NORTHERN_GOVERNORATES
    ]
    keep.sort(key=lambda item: (-item[1].importance, -item[1].population, item[1].name))
    position = {i: k for k, (i, _p) in enumerate(keep)}
    alt: list[str] = []
    ref: list[int] = []
    seen: set[tuple[str, int]] = set()
    named = [(row.place, row.name) for row in gaz.names]
    index = {p.id: i for i, p in enumerate(gaz.places)}
    named += [(index[a.place_id], a.alias) for a in gaz.aliases if a.place_id in index]
    for idx, name in named:
        k = position.get(idx)
        if k is None or keep[k][1].kind == "village" or name == keep[k][1].name:
            continue
        key = (_fold(name) or name, k)
        if key in seen:
            continue
        seen.add(key)
        alt.append(name)
        ref.append(k)
    places = [p for _i, p in keep]
    return {
        "name": [p.name for p in places],
        "lat": [round(p.lat, 3) for p in places],
        "lon": [round(p.lon, 3) for p in places],
        "kind": [p.kind for p in places],
        "alt": alt,
        "ref": ref,
    }

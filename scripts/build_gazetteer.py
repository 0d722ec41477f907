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
                "id": r["id"],
                "name": r["name"],
                "kind": kind,
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "admin1": r["cod_adm1_pcode"],
                "admin2": r["cod_adm2_pcode"],
                "admin3": r["cod_adm3_pcode"],
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


def main() -> None:
    """Build every derived gazetteer file."""
    b = Builder()
    geoms = admin_units(b)
    geonames_admin(b)
    settlements(b)
    features(b, geoms)
    region_features = regions(b, geoms)
    common = common_words()

    for row in b.places:  # admin codes -> names for the shipped table
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
    print(f"{len(b.places)} places, {len(seen)} names, {len(region_features)} regions -> {OUT}")


if __name__ == "__main__":
    main()

"""Reference geography: boundaries, disputed territories, the coordination line and its band.

Also the joint coordination centres.

Every layer is derived from the OCHA polygons in ``geo/data/reference`` by a documented rule
over a reviewable table in ``geo/data``; none of it is a typed coordinate. The line and the
disputed belt are kclmap's own approximations and say so in their properties.
"""

from __future__ import annotations

import csv
from functools import cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd
    import shapely

__all__ = [
    "DATA_DIR",
    "LINE_METHOD",
    "coordination_centres",
    "coordination_line",
    "disputed_territories",
    "districts",
    "gap_band",
    "governorates",
    "iraq_outline",
    "krg_area",
    "kurdistan_region",
    "load_line",
    "to_utm",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
REF = DATA_DIR / "reference"
UTM = "EPSG:32638"  # UTM zone 38N: metric work over northern Iraq
LINE_METHOD = (
    "Outer boundary, inside Iraq, of the area the KRG held after October 2017: the Duhok, "
    "Erbil and Sulaymaniyah governorates minus Makhmour district, plus the Aqra, Al-Shikhan and "
    "Kifri districts (geo/data/krg_area_units.csv), on OCHA COD-AB 2019 district lines."
)
LINE_VALID_FROM = "2017-10-16"
LINE_UNCERTAINTY_KM = 15.0
OCHA_SOURCE = "OCHA COD-AB Iraq 2019 (CSO/OCHA, CC BY-IGO 3.0)"


def _read(name: str) -> gpd.GeoDataFrame:
    import pyogrio

    return pyogrio.read_dataframe(REF / name)


def _table(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def to_utm(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Project to UTM 38N (metres), the CRS of every distance and buffer kclmap computes."""
    return frame.to_crs(UTM)


@cache
def _units() -> dict[str, shapely.Geometry]:
    out: dict[str, shapely.Geometry] = {}
    for name, level in (
        ("iraq_adm1.geojson", 1),
        ("iraq_adm2.geojson", 2),
        ("iraq_adm3.geojson", 3),
    ):
        frame = _read(name)
        out.update(zip(frame[f"ADM{level}_PCODE"], frame.geometry, strict=True))
    return out


def _frame(records: list[dict[str, Any]], geoms: list[Any]) -> gpd.GeoDataFrame:
    import geopandas as gpd

    return gpd.GeoDataFrame(records, geometry=geoms, crs="EPSG:4326")


@cache
def governorates() -> gpd.GeoDataFrame:
    """The 18 governorates (OCHA ADM1) with a ``kri`` flag for the Kurdistan Region's three."""
    frame = _read("iraq_adm1.geojson")
    out = frame[["ADM1_PCODE", "ADM1_EN", "ADM1_AR", "geometry"]].rename(
        columns={"ADM1_PCODE": "pcode", "ADM1_EN": "name", "ADM1_AR": "name_ar"}
    )
    out["kri"] = frame["KRI_GOVERNORATE"].astype(bool)
    out["source"] = OCHA_SOURCE
    return out


@cache
def districts() -> gpd.GeoDataFrame:
    """The 101 districts (OCHA ADM2) with their governorate."""
    frame = _read("iraq_adm2.geojson")
    out = frame[["ADM2_PCODE", "ADM2_EN", "ADM2_AR", "ADM1_EN", "geometry"]].rename(
        columns={
            "ADM2_PCODE": "pcode",
            "ADM2_EN": "name",
            "ADM2_AR": "name_ar",
            "ADM1_EN": "governorate",
        }
    )
    out["source"] = OCHA_SOURCE
    return out


@cache
def iraq_outline() -> shapely.Geometry:
    """Iraq's outline (OCHA ADM0)."""
    return _read("iraq_adm0.geojson").geometry.iloc[0]


@cache
def kurdistan_region() -> gpd.GeoDataFrame:
    """The Kurdistan Region: the Duhok, Erbil and Sulaymaniyah governorates (de jure extent)."""
    import shapely

    gov = governorates()
    geom = shapely.union_all(gov.loc[gov["kri"], "geometry"].to_numpy())
    return _frame(
        [
            {
                "name": "Kurdistan Region of Iraq",
                "definition": "Duhok + Erbil + "
                "Al-Sulaymaniyah governorates (incl. Halabja), OCHA 2019 lines",
                "source": OCHA_SOURCE,
            }
        ],
        [geom],
    )


@cache
def disputed_territories() -> gpd.GeoDataFrame:
    """The disputed territories: UNAMI's 2009 districts, one feature each, plus their union.

    Built by dissolving the OCHA polygons listed in ``geo/data/disputed_units.csv``.
    """
    units = _units()
    rows = _table("disputed_units.csv")
    records = [{**r, "approximate": True} for r in rows]
    return _frame(records, [units[r["pcode"]] for r in rows])


@cache
def disputed_belt() -> shapely.Geometry:
    """The union of the disputed-territory units, as one (multi)polygon."""
    import shapely

    return shapely.union_all(disputed_territories().geometry.to_numpy())


@cache
def krg_area() -> shapely.Geometry:
    """The area the KRG held after October 2017, by the rule in :data:`LINE_METHOD`."""
    import shapely

    units = _units()
    rows = _table("krg_area_units.csv")
    keep = [units[r["pcode"]] for r in rows if r["included"] == "yes"]
    drop = [units[r["pcode"]] for r in rows if r["included"] == "no"]
    area = shapely.union_all(keep)
    if drop:
        area = area.difference(shapely.union_all(drop))
    return shapely.make_valid(shapely.set_precision(area, 1e-6))


def _line_from_area(area: shapely.Geometry) -> shapely.Geometry:
    """The boundary of ``area`` that runs inside Iraq (the international border is no line)."""
    import shapely

    border = shapely.buffer(shapely.boundary(iraq_outline()), 0.005)  # ~500 m: shared edges
    line = shapely.line_merge(shapely.difference(shapely.boundary(area), border))
    parts = [g for g in getattr(line, "geoms", [line]) if g.length > 0.02]
    return shapely.MultiLineString(parts) if len(parts) > 1 else parts[0]


@cache
def coordination_line() -> gpd.GeoDataFrame:
    """The Kurdistan Coordination Line, approximate.

    Its properties say how: ``method``, ``valid_from``, ``uncertainty_km`` and ``source``.
    """
    return _frame(
        [
            {
                "name": "Kurdistan Coordination Line (approximate)",
                "method": LINE_METHOD,
                "valid_from": LINE_VALID_FROM,
                "uncertainty_km": LINE_UNCERTAINTY_KM,
                "source": f"kclmap derivation from {OCHA_SOURCE}",
                "approximate": True,
            }
        ],
        [_line_from_area(krg_area())],
    )


def load_line(path: str | PathLike[str]) -> gpd.GeoDataFrame:
    """A user's own coordination line (any vector file with (multi)line features)."""
    import pyogrio
    import shapely

    path = Path(path)
    try:
        frame = pyogrio.read_dataframe(path)
    except Exception as err:
        raise InputError(f"cannot read line file {str(path)!r}: {err}") from err
    if not hasattr(frame, "geom_type"):  # a table without geometry (e.g. an events CSV)
        raise InputError(
            f"{str(path)!r} has no geometry: --line wants a line layer (GeoJSON, GeoPackage, "
            "Shapefile) of LineString features"
        )
    if frame.empty or not set(frame.geom_type.dropna()) <= {"LineString", "MultiLineString"}:
        raise InputError(
            f"{str(path)!r} must hold LineString or MultiLineString features, got "
            f"{sorted(set(frame.geom_type.dropna())) or 'none'}"
        )
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")
    frame = frame.to_crs("EPSG:4326")
    line = shapely.line_merge(shapely.union_all(frame.geometry.to_numpy()))
    return _frame(
        [
            {
                "name": "Coordination line (user file)",
                "method": f"user file {path.name}",
                "valid_from": None,
                "uncertainty_km": None,
                "source": str(path),
                "approximate": True,
            }
        ],
        [line],
    )


def gap_band(km: float = 10.0, *, line: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """The security-gap band: ground within ``km`` of the line.

    Buffered in UTM 38N (metres), clipped to Iraq, returned in WGS84.
    """
    if not km > 0:
        raise InputError(f"the band width must be positive km, got {km!r}")
    line = line if line is not None else coordination_line()
    metric = to_utm(line)
    band = metric.geometry.buffer(km * 1000, quad_segs=16).union_all()
    iraq = to_utm(_frame([{}], [iraq_outline()])).geometry.iloc[0]
    clipped = band.intersection(iraq)
    frame = _frame(
        [
            {
                "name": f"Security-gap band ({km:g} km either side of the line)",
                "width_km": float(km),
                "crs_of_buffer": UTM,
                "approximate": True,
            }
        ],
        [None],
    )
    frame = frame.set_geometry([clipped], crs=UTM).to_crs("EPSG:4326")
    return frame


@cache
def coordination_centres() -> gpd.GeoDataFrame:
    """Joint coordination centres and named fronts, placed by the gazetteer, citing the article.

    A centre located only by a town or governorate carries that place's ``precision_km``.
    """
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    rows = _table("coordination_centres.csv")
    records, geoms = [], []
    import shapely

    for r in rows:
        match = gaz.resolve(r["place"])
        p = match.place
        records.append(
            {
                **r,
                "resolved_place": p.name,
                "place_kind": p.kind,
                "precision_km": p.precision_km,
                "admin1": p.admin1 or None,
            }
        )
        geoms.append(shapely.Point(p.lon, p.lat))
    return _frame(records, geoms)

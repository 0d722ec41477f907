"""GIS files: RFC 7946 GeoJSON, GeoPackage (real Date/Integer fields) and CSV.

Every write goes through a temporary file that replaces the target only when complete; events
read back keep their types.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterator, Mapping
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from geo.errors import InputError
from geo.events import COLUMNS
from geo.readers import EVENT_SUFFIXES, FormatChoice, read_table
from geo.table import FIELD_TYPES, FieldType

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "EVENT_SUFFIXES",
    "GPKG_VERSION",
    "Schema",
    "atomic_path",
    "read_events",
    "write_events",
    "write_gpkg",
    "write_layer",
]

# GeoPackage 1.2: QGIS 3.22 LTR with GDAL 3.6 opens it without "partially supported" warnings
# (GDAL >= 3.7 writes 1.4 by default, which those versions flag on every layer).
GPKG_VERSION = "1.2"
Schema = Literal["kclmap", "acled"]


@contextlib.contextmanager
def atomic_path(target: str | PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` at once."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=target.suffix)
    os.close(fd)
    os.unlink(tmp)  # drivers want to create the file themselves
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _field_arrays(
    frame: gpd.GeoDataFrame, types: Mapping[str, FieldType]
) -> tuple[list[Any], list[str], list[Any]]:
    import numpy as np

    data, names, masks = [], [], []
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        kind = types.get(column, "str")
        series = frame[column]
        mask = series.isna().to_numpy(dtype=bool)
        if kind == "date":
            values = np.array(
                [
                    np.datetime64(v, "D") if isinstance(v, date) else np.datetime64("NaT")
                    for v in series
                ],
                dtype="datetime64[D]",
            )
        elif kind == "int":
            values = np.array(
                [0 if m else int(v) for v, m in zip(series, mask, strict=True)], dtype="int64"
            )
        elif kind == "bool":
            values = np.array(
                [False if m else bool(v) for v, m in zip(series, mask, strict=True)], dtype=bool
            )
        elif kind == "float":
            values = series.to_numpy(dtype="float64", na_value=np.nan)
        else:
            values = np.array(
                ["" if m else str(v) for v, m in zip(series, mask, strict=True)], dtype=object
            )
            values[mask] = None
        data.append(values)
        names.append(column)
        masks.append(mask if kind in ("int", "bool", "date") else None)
    return data, names, masks


def _geometry_type(frame: gpd.GeoDataFrame) -> str:
    kinds = set(frame.geom_type.dropna().unique())
    if not kinds:
        return "Point"
    if kinds <= {"Polygon", "MultiPolygon"}:
        return "MultiPolygon" if "MultiPolygon" in kinds else "Polygon"
    if kinds <= {"LineString", "MultiLineString"}:
        return "MultiLineString" if "MultiLineString" in kinds else "LineString"
    return kinds.pop() if len(kinds) == 1 else "Unknown"


def write_layer(
    frame: gpd.GeoDataFrame,
    path: str | PathLike[str],
    *,
    layer: str,
    types: Mapping[str, FieldType] | None = None,
    driver: str | None = None,
    append: bool = False,
) -> None:
    """Write one layer with typed fields (no atomic step: callers use :func:`atomic_path`)."""
    import shapely
    from pyogrio.raw import write

    path = Path(path)
    types = types if types is not None else FIELD_TYPES
    driver = driver or ("GPKG" if path.suffix == ".gpkg" else "GeoJSON")
    data, names, masks = _field_arrays(frame, types)
    geoms = frame.geometry.to_numpy()
    wkb = shapely.to_wkb(geoms, output_dimension=2)
    options: dict[str, Any] = {}
    dataset_options: dict[str, Any] | None = None
    if driver == "GPKG" and not append:
        dataset_options = {"VERSION": GPKG_VERSION}
    if driver == "GeoJSON":
        # RFC 7946: WGS84 lon/lat, no crs member, right-hand rule, 6 decimals (~0.1 m).
        options = {"RFC7946": "YES", "COORDINATE_PRECISION": 6, "WRITE_NAME": "NO"}
    field_mask = masks if any(m is not None for m in masks) else None
    write(
        str(path),
        wkb,
        data,
        names,
        field_mask=field_mask,
        layer=layer,
        driver=driver,
        geometry_type=_geometry_type(frame),
        crs="EPSG:4326",
        append=append,
        layer_options=options or None,
        dataset_options=dataset_options,
    )


def write_events(
    frame: gpd.GeoDataFrame, path: str | PathLike[str], *, schema: Schema = "kclmap"
) -> Path:
    """Write an events frame as .geojson, .gpkg or .csv (chosen by suffix), atomically.

    ``schema="acled"`` writes a CSV in ACLED's current column layout
    (:func:`geo.datasets.acled.to_acled`), which ``kclmap import`` reads back. GeoJSON is
    RFC 7946 (EPSG:4326, 6 decimals); a GeoPackage is version :data:`GPKG_VERSION`.

    Raises
    ------
    InputError
        An unknown suffix or schema, or the ACLED layout asked for a file that is not a CSV.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EVENT_SUFFIXES:
        raise InputError(
            f"cannot write events to {str(path)!r}: use a .geojson, .gpkg or .csv file name"
        )
    if schema not in ("kclmap", "acled"):
        raise InputError(f"unknown schema {schema!r}: expected 'kclmap' or 'acled'")
    if schema == "acled" and suffix != ".csv":
        raise InputError(
            f"the ACLED layout is a CSV table: write {str(path.with_suffix('.csv'))!r} instead"
        )
    with atomic_path(path) as tmp:
        if schema == "acled":
            from geo.datasets.acled import to_acled

            to_acled(frame).to_csv(tmp, index=False, encoding="utf-8")
        elif suffix == ".csv":
            _write_csv(frame, tmp)
        else:
            write_layer(frame[_ordered(frame)], tmp, layer="events")
    return path


def write_gpkg(
    layers: Mapping[str, tuple[gpd.GeoDataFrame, Mapping[str, FieldType]]],
    path: str | PathLike[str],
) -> Path:
    """Write several layers into one GeoPackage (version :data:`GPKG_VERSION`), atomically."""
    path = Path(path)
    with atomic_path(path) as tmp:
        for i, (name, (frame, types)) in enumerate(layers.items()):
            write_layer(frame, tmp, layer=name, types=types, driver="GPKG", append=i > 0)
    return path


def _ordered(frame: gpd.GeoDataFrame) -> list[str]:
    """The standard columns first, then any extra ones, then the geometry."""
    geometry = frame.geometry.name
    extra = [c for c in frame.columns if c not in COLUMNS and c != geometry]
    return [*COLUMNS, *extra, geometry]


def _write_csv(frame: gpd.GeoDataFrame, path: Path) -> None:
    columns = _ordered(frame)[:-1]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in frame[columns].itertuples(index=False):
            writer.writerow(["" if _null(v) else _cell(v) for v in row])


def _null(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))  # type: ignore[call-overload]


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_events(
    path: str | PathLike[str], *, format: FormatChoice = "auto", layer: str | None = None
) -> gpd.GeoDataFrame:
    """Read an events file: kclmap's own (maybe edited by hand), an ACLED or a UCDP GED table.

    Types come back as written (dates as dates, ids as strings). An edited geometry wins over
    stale ``lat``/``lon`` columns; in a CSV, the ``lat``/``lon`` (or WKT, X/Y) columns are the
    geometry. :func:`geo.readers.read_table` also returns the notes on how it was read.
    """
    return read_table(path, format=format, layer=layer).frame

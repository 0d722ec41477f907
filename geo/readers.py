"""Read any events table a user holds: kclmap's own (edited or not), ACLED or UCDP GED.

CSV (any delimiter or encoding a spreadsheet writes, WKT or X/Y geometry columns), GeoJSON,
ACLED API JSON and GeoPackage (any single point layer). The format is recognised by columns;
every liberty taken (encoding, delimiter, date order, ids given to rows without one) comes back
as a note in :class:`EventTable`, and every failure is an :class:`~geo.errors.InputError`
naming the file, the row (the header is row 1) and the fix.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from geo.datasets import FORMATS, Format, detect_format, ensure_id, missing_columns, to_records
from geo.delimited import (
    Sheet,
    decode_bytes,
    locale_date_order,
    normalise_dates,
    normalise_decimals,
    read_delimited,
)
from geo.errors import InputError
from geo.table import FIELD_TYPES, frame_records

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["EVENT_SUFFIXES", "EventTable", "FormatChoice", "read_table"]

EVENT_SUFFIXES = (".geojson", ".json", ".gpkg", ".csv")
FormatChoice = Literal["auto", "kclmap", "acled", "acled-legacy", "ucdp"]
# Geometry columns GDAL's CSV driver and QGIS's exports use (compared in lower case).
_WKT_NAMES = ("wkt", "wkt_geom", "geometry", "the_geom", "geom", "geom_wkt")
_XY_NAMES = (("lon", "lat"), ("longitude", "latitude"), ("x", "y"))
_NUMBERS = [c for c, k in FIELD_TYPES.items() if k == "float"] + ["latitude", "longitude", "x", "y"]
_DATES = [c for c, k in FIELD_TYPES.items() if k == "date"] + ["date_start"]


@dataclass
class EventTable:
    """An events table read from a file: the frame, the format it was in, and what was done."""

    frame: gpd.GeoDataFrame
    format: Format
    notes: list[str] = field(default_factory=list)


def _json_sheet(path: Path) -> Sheet:
    raw = path.read_bytes()
    text, notes = decode_bytes(raw, name=path.name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{str(path)!r} is not valid JSON: {err}") from err
    crs = (
        ((data.get("crs") or {}).get("properties") or {}).get("name", "")
        if isinstance(data, dict)
        else ""
    )
    if crs and not str(crs).upper().endswith(("CRS84", "4326")):
        # A pre-RFC 7946 GeoJSON in another CRS (QGIS can save one): let GDAL reproject it.
        return _ogr_sheet(path, None, notes=notes)
    if isinstance(data, dict) and isinstance(data.get("features"), list):
        rows, labels = [], []
        for i, feat in enumerate(data["features"], start=1):
            props = dict((feat or {}).get("properties") or {})
            geom = (feat or {}).get("geometry")
            if geom:
                from shapely.geometry import shape

                try:
                    point = shape(geom).representative_point()
                except (ValueError, TypeError, AttributeError) as err:
                    raise InputError(f"{str(path)!r} feature {i}: bad geometry ({err})") from err
                props["lon"], props["lat"] = point.x, point.y  # an edited geometry wins
            rows.append(props)
            labels.append(i)
        return _sheet(rows, labels, notes, word="feature")
    records = data.get("data") if isinstance(data, dict) else data  # ACLED API: {"data": [...]}
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(
            f"{str(path)!r} is neither a GeoJSON FeatureCollection nor a JSON list of events "
            "(as ACLED's API returns in 'data')"
        )
    return _sheet(records, list(range(1, len(records) + 1)), notes, word="record")


def _sheet(rows: list[dict[str, Any]], numbers: list[int], notes: list[str], *, word: str) -> Sheet:
    columns: dict[str, None] = {}
    for row in rows:
        columns |= dict.fromkeys(row)
    return Sheet(list(columns), rows, numbers, notes, row_word=word)


def _ogr_sheet(path: Path, layer: str | None, *, notes: list[str] | None = None) -> Sheet:
    import pyogrio

    try:
        layers = [(str(n), str(g)) for n, g in pyogrio.list_layers(path)]
    except (OSError, pyogrio.errors.DataSourceError) as err:
        raise InputError(f"cannot read {str(path)!r}: {err}") from err
    names = [n for n, _ in layers]
    notes = list(notes or [])
    if layer is None:
        points = [n for n, g in layers if "point" in g.lower()]
        if "events" in names:
            layer = "events"
        elif len(points) == 1:
            layer = points[0]
            notes.append(f"{path.name}: read its only point layer, {layer!r}")
        elif not points:
            raise InputError(f"{str(path)!r} has no point layer (layers: {', '.join(names)})")
        else:
            raise InputError(
                f"{str(path)!r} has several point layers ({', '.join(points)}): name the one "
                "with the events 'events', or pick it: kclmap import auto FILE --layer NAME "
                "-o events.gpkg"
            )
    elif layer not in names:
        raise InputError(f"{str(path)!r} has no layer {layer!r} (layers: {', '.join(names)})")
    try:
        frame = pyogrio.read_dataframe(path, layer=layer)
    except (OSError, ValueError, pyogrio.errors.DataSourceError) as err:
        raise InputError(f"cannot read layer {layer!r} of {str(path)!r}: {err}") from err
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        notes.append(
            f"{path.name}: layer {layer!r} reprojected from {frame.crs.to_string()} to EPSG:4326"
        )
        frame = frame.to_crs("EPSG:4326")
    rows = []
    geoms = frame.geometry if frame.geometry is not None else [None] * len(frame)
    for rec, geom in zip(frame.drop(columns="geometry").to_dict("records"), geoms, strict=True):
        if geom is not None and not geom.is_empty:
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            rec["lon"], rec["lat"] = point.x, point.y
        rows.append(rec)
    return _sheet(rows, list(range(1, len(rows) + 1)), notes, word="feature")


def _text_geometry(sheet: Sheet, path: Path) -> None:
    """Take lon/lat from a WKT column or X/Y columns, as GDAL's CSV driver does."""
    lower = {c.lower(): c for c in sheet.columns}
    wkt = next((lower[n] for n in _WKT_NAMES if n in lower), None)
    if wkt is not None:
        import shapely

        moved = 0
        for row, number in zip(sheet.rows, sheet.row_numbers, strict=True):
            text = row.get(wkt)
            if not isinstance(text, str) or not text.strip():
                continue
            try:
                geom = shapely.from_wkt(text.strip())
            except shapely.errors.GEOSException as err:
                raise InputError(
                    f"{str(path)!r} row {number}: column {wkt!r} holds no WKT geometry ({err})"
                ) from err
            if geom is None or geom.is_empty:
                continue
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            moved += geom.geom_type != "Point"
            row["lon"], row["lat"] = float(shapely.get_x(point)), float(shapely.get_y(point))
        sheet.notes.append(f"{path.name}: geometry read from the WKT column {wkt!r}")
        if moved:
            sheet.notes.append(
                f"{path.name}: {moved} non-point geometrie(s) placed at a point inside"
            )
        return
    if "lon" in sheet.columns and "lat" in sheet.columns:
        return
    for x_name, y_name in _XY_NAMES[1:]:
        if x_name in lower and y_name in lower:
            for row in sheet.rows:
                row["lon"], row["lat"] = row.get(lower[x_name]), row.get(lower[y_name])
            sheet.notes.append(
                f"{path.name}: coordinates read from {lower[x_name]!r}/{lower[y_name]!r}"
            )
            return


def _label(sheet: Sheet, number: int) -> int | str:
    return number if sheet.row_word == "row" else f"{sheet.row_word} {number}"


def _give_ids(records: list[dict[str, Any]], labels: list[int | str], path: Path) -> list[str]:
    """Ids for rows without one and distinct ids for repeated ones, with a note for each kind."""
    notes = []
    blank = [lab for rec, lab in zip(records, labels, strict=True) if ensure_id(rec)]
    if blank:
        shown = ", ".join(str(b) for b in blank[:10]) + (" ..." if len(blank) > 10 else "")
        notes.append(
            f"{path.name}: {len(blank)} row(s) without an event_id were given one ({shown})"
        )
    seen: dict[str, int] = {}
    repeated = []
    for rec, lab in zip(records, labels, strict=True):
        ident = str(rec["event_id"])
        seen[ident] = seen.get(ident, 0) + 1
        if seen[ident] > 1:
            rec["event_id"] = f"{ident}-{seen[ident]}"
            repeated.append(f"{lab} -> {rec['event_id']}")
    if repeated:
        notes.append(
            f"{path.name}: repeated event_id renamed so no row is merged away: "
            + ", ".join(repeated[:10])
        )
    return notes


def read_table(
    path: str | PathLike[str], *, format: FormatChoice = "auto", layer: str | None = None
) -> EventTable:
    """Read an events table of any supported format (recognised by columns unless given).

    Parameters
    ----------
    path
        A ``.csv``, ``.geojson``/``.json`` (GeoJSON or ACLED API JSON) or ``.gpkg`` file.
    format
        ``"auto"`` (by columns), or one of :data:`geo.datasets.FORMATS` to insist on.
    layer
        The GeoPackage layer; by default ``events``, else the file's only point layer.

    Returns
    -------
    EventTable
        The frame (EPSG:4326, kclmap columns first, the source's own columns kept), the
        format, and notes on how the file was read.

    Raises
    ------
    InputError
        Missing file, unknown suffix or format, unreadable cell (naming the row).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"events file {str(path)!r} does not exist")
    if suffix not in EVENT_SUFFIXES:
        raise InputError(f"{str(path)!r} is not an events file (.csv, .geojson, .json or .gpkg)")
    if format != "auto" and format not in FORMATS:
        raise InputError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    if suffix == ".csv":
        sheet = read_delimited(path)
    elif suffix == ".gpkg":
        sheet = _ogr_sheet(path, layer)
    else:
        sheet = _json_sheet(path)
    fmt = detect_format(sheet.columns) if format == "auto" else format
    if fmt is None:
        raise InputError(
            f"{str(path)!r} lacks the column(s) {', '.join(missing_columns(sheet.columns, 'kclmap'))}: "
            "is it an events file written by 'kclmap extract', an ACLED export or a UCDP GED file?"
        )
    if format != "auto" and missing_columns(sheet.columns, fmt):
        found = detect_format(sheet.columns)
        hint = f"it looks like {found}: use FORMAT {found} or auto" if found else "check the file"
        raise InputError(
            f"{str(path)!r} is not a {fmt} table: it lacks the column(s) "
            f"{', '.join(missing_columns(sheet.columns, fmt))} ({hint})"
        )
    try:
        normalise_decimals(sheet, [c for c in sheet.columns if c.lower() in _NUMBERS])
        normalise_dates(
            sheet,
            [c for c in sheet.columns if c.lower() in _DATES],
            locale_order=locale_date_order(os.environ),
        )
    except InputError as err:
        raise InputError(f"{str(path)!r}: {err}") from err
    if fmt == "kclmap":
        if suffix == ".csv":  # in GIS files the geometry is the geometry
            _text_geometry(sheet, path)
        records = [dict(r) for r in sheet.rows]
    else:
        records = to_records(sheet.rows, fmt)
    labels = [_label(sheet, n) for n in sheet.row_numbers]
    notes = list(sheet.notes)
    if fmt != "kclmap":
        notes.append(f"{path.name}: read as {fmt} ({len(records):,} row(s))")
    notes += _give_ids(records, labels, path)
    try:
        frame = frame_records(records, labels=labels)
    except InputError as err:
        message = str(err)
        if fmt != "kclmap":  # name the column as the user's table calls it
            from geo.datasets import acled, ucdp

            sources = ucdp.SOURCE_COLUMNS if fmt == "ucdp" else acled.SOURCE_COLUMNS
            for ours, theirs in sources.items():
                message = message.replace(
                    f"column {ours!r}", f"column {theirs!r} (kclmap's {ours!r})", 1
                )
        raise InputError(f"{str(path)!r}: {message}") from err
    return EventTable(frame, fmt, notes)

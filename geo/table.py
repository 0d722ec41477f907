"""Events <-> GeoDataFrame, with one typed schema shared by every reader and writer."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from geo.errors import InputError
from geo.events import COLUMNS, Event

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["FIELD_TYPES", "FieldType", "coerce", "empty_frame", "events_to_frame", "frame_records"]

FieldType = Literal["str", "int", "float", "bool", "date"]

_STR: FieldType = "str"
FIELD_TYPES: dict[str, FieldType] = dict.fromkeys(COLUMNS, _STR) | {
    "joint": "bool",
    "background": "bool",
    "aggregate": "bool",
    "event_date": "date",
    "published": "date",
    "count": "int",
    "geo_precision": "int",
    "fatalities": "int",
    "injuries": "int",
    "quote_start": "int",
    "quote_end": "int",
    "dist_to_line_km": "float",
    "dist_uncertainty_km": "float",
    "in_gap_band": "bool",
    "in_disputed": "bool",
    "lat": "float",
    "lon": "float",
    "precision_km": "float",
    "confidence": "float",
    # Columns of tables read from other datasets and of linking (not in every frame).
    "date_end": "date",
    "fatalities_low": "int",
    "fatalities_high": "int",
    "same_as": "str",
}
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


_NULL_TEXT = frozenset(("", "NaN", "nan", "None", "null", "NaT"))


def _is_null(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):  # the common case (CSV cells): no pandas call
        return value.strip() in _NULL_TEXT
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (bool, int)):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def coerce(column: str, value: object, *, row: int | str | None = None) -> Any:
    """Convert one cell to its schema type; unparseable values raise :class:`InputError`.

    ``row`` names the cell's row in the message: a number ("row 3", counted as a spreadsheet
    does, the header being row 1) or a label ("feature 2").
    """
    kind = FIELD_TYPES.get(column, "str")
    if _is_null(value):
        return "kclmap" if column == "dataset" else None
    where = f" in row {row}" if isinstance(row, int) else f" in {row}" if row is not None else ""
    try:
        if kind == "date":
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            text = str(value).strip()
            return date.fromisoformat(text[:10])
        if kind == "int":
            number = float(value)  # type: ignore[arg-type]
            if not number.is_integer():
                raise ValueError("not a whole number")
            return int(number)
        if kind == "float":
            return float(value)  # type: ignore[arg-type]
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, (int, float)) and value in (0, 1):
                return bool(value)
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError("expected true or false")
    except (TypeError, ValueError) as err:
        expected = {
            "date": "an ISO date YYYY-MM-DD",
            "int": "a whole number",
            "float": "a number",
            "bool": "true or false",
        }[kind]
        raise InputError(f"column {column!r}{where}: {value!r} is not {expected} ({err})") from err
    return str(value)


def _frame(records: list[dict[str, Any]], extra: Iterable[str] = ()) -> gpd.GeoDataFrame:
    columns = (*COLUMNS, *extra)
    return _frame_columns({c: [r.get(c) for r in records] for c in columns})


def _frame_columns(values: dict[str, list[Any]]) -> gpd.GeoDataFrame:
    """The frame of typed column values (``None`` for missing), geometry from lon/lat."""
    import geopandas as gpd
    import pandas as pd

    data: dict[str, Any] = {}
    for column, cells in values.items():
        kind = FIELD_TYPES.get(column, "str")
        if kind == "int":
            data[column] = pd.array(cells, dtype="Int64")
        elif kind == "bool":
            data[column] = pd.array(cells, dtype="boolean")
        elif kind == "float":
            data[column] = pd.array([math.nan if v is None else v for v in cells], dtype="float64")
        else:
            data[column] = pd.Series(cells, dtype=object)
    lons, lats = values["lon"], values["lat"]
    geometry = gpd.points_from_xy(
        [math.nan if x is None else x for x in lons], [math.nan if y is None else y for y in lats]
    )
    frame = gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")
    missing = frame["lon"].isna() | frame["lat"].isna()
    frame.loc[missing, "geometry"] = None  # a missing place is no geometry, never (0, 0)
    return frame


def events_to_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326) of events: one row each, columns in :data:`COLUMNS` order."""
    events = list(events)
    # column by column straight from the events: no dict per event (to_record's values)
    return _frame_columns({c: [getattr(e, c) for e in events] for c in COLUMNS})


def empty_frame() -> gpd.GeoDataFrame:
    """An events frame with no rows but every column."""
    return _frame([])


def frame_records(
    rows: Iterable[Mapping[str, Any]], *, labels: Iterable[int | str] | None = None
) -> gpd.GeoDataFrame:
    """Build an events frame from loosely typed rows (a file read back), checking each cell.

    Extra columns (added by ``kclmap enrich``, by hand, or kept from an ACLED/UCDP table) are
    kept after the standard ones. ``labels`` name the rows in error messages (spreadsheet row
    numbers for a CSV); by default rows count from 1.
    """
    rows = list(rows)
    extra: list[str] = []
    seen: set[str] = set()
    for row in rows:
        for c in row:  # columns a user or `kclmap enrich` added are kept, typed where known
            if c not in seen and c not in COLUMNS and c not in ("geometry", "fid"):
                seen.add(c)
                extra.append(c)
    names = list(labels) if labels is not None else []
    names += range(len(names) + 1, len(rows) + 1)  # rows past the labels count on
    values: dict[str, list[Any]] = {}
    for column in (*COLUMNS, *extra):
        cells = [row.get(column) for row in rows]
        if FIELD_TYPES.get(column, "str") == "str" and column != "dataset":
            # Text cannot be malformed: the common case, converted without a call per cell.
            values[column] = [None if _is_null(v) else str(v) for v in cells]
        else:
            values[column] = [
                coerce(column, v, row=name) for v, name in zip(cells, names, strict=False)
            ]
    return _frame_columns(values)

"""The event table as compact, column-wise JSON for the browser, and grid counts for low zooms.

Every column is serialised in one vectorised pass: text columns become category codes (each
distinct value escaped once, in ``safe_json``), numbers are rounded per column, dates become
ISO strings per column. A million events make one JSON block the page parses once.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from maps.style import EVENT_GROUPS, TYPE_COLOURS

if TYPE_CHECKING:
    import geopandas as gpd
    import numpy as np
    import pandas as pd

__all__ = [
    "AREA_KM",
    "EVENT_COLUMNS",
    "LISTED_KINDS",
    "LISTED_KM",
    "event_columns",
    "event_rows",
    "grid_counts",
    "safe_json",
]

EVENT_COLUMNS = (
    "event_id",
    "type",
    "joint",
    "event_date",
    "date_precision",
    "aggregate",
    "count",
    "background",
    "place",
    "place_query",
    "precision_km",
    "lat",
    "lon",
    "actor1",
    "actor2",
    "assoc_actors",
    "fatalities",
    "source",
    "url",
    "quote",
    "confidence",
    "dataset",
    "same_as",
)
AREA_KM = 15.0  # placed more loosely than this (a district, a sub-district): an "area" marker
LISTED_KM = 100.0  # more loosely than this (a governorate, a wide region): listed, not drawn
# Gazetteer kinds that stand for a whole region or governorate: listed, never drawn.
LISTED_KINDS = frozenset({"region", "governorate", "country"})
COORD_DECIMALS = 4  # ~11 m, finer than any geocoded place
_NUMERIC = {"precision_km": 1, "fatalities": 0, "count": 0, "confidence": 2}
_BOOLS = ("joint", "aggregate", "background")
_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
# How an event is drawn: a point, an area marker (radius on hover), or only listed.
DRAWN_AS = ("point", "area", "listed")


def safe_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no HTML specials)."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    for char, code in _ESCAPES:
        text = text.replace(char, code)
    return text


def _codes(values: pd.Series) -> tuple[list[int], list[Any]]:
    """Category codes (-1 for null) and the distinct values, in one vectorised pass.

    Text is stripped per distinct value, not per event; empty text counts as null.
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    stripped = np.char.strip(np.asarray(uniques, dtype=str)) if len(uniques) else np.array([])
    blank = stripped == ""
    if not blank.any():
        return codes.tolist(), stripped.tolist()
    remap = np.where(blank, -1, np.cumsum(~blank) - 1)  # old code -> new code, blanks -> -1
    codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
    return codes.tolist(), stripped[~blank].tolist()


def _scaled(values: Any, decimals: int) -> list[int | None]:
    """Numbers as integers scaled by ``10**decimals``, ``None`` for missing.

    Integers make shorter JSON than floats and encode faster.
    """
    import numpy as np
    import pandas as pd

    arr = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype="float64")
    missing = np.isnan(arr)
    out: list[Any] = np.rint(np.where(missing, 0.0, arr) * 10**decimals).astype("int64").tolist()
    if missing.any():
        for i in np.flatnonzero(missing).tolist():
            out[i] = None
    return out


def _bools(values: pd.Series) -> list[int | None]:
    """1 / 0 / None for a nullable boolean column."""
    import numpy as np

    s = values.astype("boolean")
    missing = s.isna().to_numpy()
    out = np.where(missing, 2, s.fillna(False).to_numpy(dtype=bool).astype("int8")).tolist()
    return [None if v == 2 else v for v in out] if missing.any() else out


def _dates(values: pd.Series) -> pd.Series:
    """ISO dates as strings (None for missing), from dates, timestamps or text."""
    import pandas as pd

    parsed = pd.to_datetime(values, errors="coerce")
    return parsed.dt.strftime("%Y-%m-%d").where(parsed.notna(), None)


def _listed_kind(frame: pd.DataFrame) -> np.ndarray:
    """True where the event's gazetteer place (``place_id``) is a region or governorate."""
    import numpy as np
    import pandas as pd

    if "place_id" not in frame or not frame["place_id"].notna().any():
        return np.zeros(len(frame), dtype=bool)
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    codes, uniques = pd.factorize(frame["place_id"].astype("string"), use_na_sentinel=True)
    kinds = []
    for pid in uniques:
        try:
            kinds.append(gaz.get(str(pid)).kind in LISTED_KINDS)
        except LookupError:  # an id from another gazetteer or an edited file: judge by radius
            kinds.append(False)
    listed = np.array([*kinds, False], dtype=bool)  # code -1 (no id) -> False
    return listed[codes]


def derived_codes(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per event: its layer group, style key and how it is drawn (vectorised).

    Returns arrays of ``n`` codes into ``list(EVENT_GROUPS)``, the style keys
    (``list(TYPE_COLOURS)``) and ``DRAWN_AS``.
    """
    import numpy as np
    import pandas as pd

    n = len(frame)
    kind = (
        frame["type"].astype("string").fillna("other")
        if "type" in frame
        else pd.Series(["other"] * n)
    )
    joint = (
        frame["joint"].astype("boolean").fillna(False).to_numpy(dtype=bool)
        if "joint" in frame
        else np.zeros(n, bool)
    )
    style = np.where(kind.isin(list(TYPE_COLOURS)).to_numpy(), kind.to_numpy(dtype=object), "other")
    style = np.where((style == "operation") & joint, "operation_joint", style)
    styles = list(TYPE_COLOURS)
    style_code = pd.Categorical(style, categories=styles).codes.astype("int64")
    group_of_style = np.zeros(len(styles), dtype="int64")
    groups = list(EVENT_GROUPS)
    for g, keys in enumerate(EVENT_GROUPS.values()):
        for key in keys:
            group_of_style[styles.index(key)] = g
    lat = pd.to_numeric(frame.get("lat", pd.Series([np.nan] * n)), errors="coerce").to_numpy()
    radius = pd.to_numeric(
        frame.get("precision_km", pd.Series([np.nan] * n)), errors="coerce"
    ).to_numpy(dtype="float64")
    radius = np.nan_to_num(radius, nan=0.0)
    drawn = np.where(radius > AREA_KM, 1, 0)
    wide = (radius > LISTED_KM) | np.isnan(lat.astype("float64")) | _listed_kind(frame)
    if "geo_precision" in frame:
        level = pd.to_numeric(frame["geo_precision"], errors="coerce").to_numpy(dtype="float64")
        wide |= np.nan_to_num(level, nan=0.0) >= 3
    drawn = np.where(wide, 2, drawn)
    return {
        "group": group_of_style[style_code],
        "style": style_code,
        "drawn_as": drawn.astype("int64"),
        "_groups": np.array(groups, dtype=object),
        "_styles": np.array(styles, dtype=object),
    }


def event_columns(
    events: gpd.GeoDataFrame | pd.DataFrame, *, derived: dict[str, np.ndarray] | None = None
) -> dict[str, Any]:
    """The events column-wise: ``{"n", "num", "scale", "cat", "code"}``.

    ``num`` holds per-event values: numbers as integers scaled by ``scale[col]`` (coordinates
    to 4 decimals, ~11 m), flags as 1/0, and text columns with one value per event (ids).
    ``cat`` holds the distinct values of each other text or date column (ISO dates) and
    ``code`` the per-event index into them (-1 for missing). ``group``, ``style`` and
    ``drawn_as`` (from ``derived_codes``, passed in when already computed) are coded columns.
    """
    frame = events
    n = len(frame)
    num: dict[str, list[Any]] = {}
    scale: dict[str, int] = {}
    cat: dict[str, list[Any]] = {}
    code: dict[str, list[int]] = {}
    for col in EVENT_COLUMNS:
        if col not in frame.columns:
            continue
        values = frame[col]
        if col in ("lat", "lon") or col in _NUMERIC:
            decimals = COORD_DECIMALS if col in ("lat", "lon") else _NUMERIC[col]
            num[col] = _scaled(values, decimals)
            if decimals:
                scale[col] = 10**decimals
        elif col in _BOOLS:
            num[col] = _bools(values)
        else:
            text = _dates(values) if col == "event_date" else values
            codes, uniques = _codes(text)
            # one value per event (ids): no point in codes; the map's date filter reads
            # event_date as codes into its sorted categories, however many dates there are
            if len(uniques) == n and n > 1 and col != "event_date":
                num[col] = [uniques[c] if c >= 0 else None for c in codes]
            else:
                code[col], cat[col] = codes, uniques
    derived = derived if derived is not None else derived_codes(frame)
    for col in ("group", "style", "drawn_as"):
        code[col] = derived[col].tolist()
    cat["group"] = list(EVENT_GROUPS)
    cat["style"] = list(TYPE_COLOURS)
    cat["drawn_as"] = list(DRAWN_AS)
    return {"n": n, "num": num, "scale": scale, "cat": cat, "code": code}


def event_rows(events: gpd.GeoDataFrame | pd.DataFrame) -> dict[str, Any]:
    """The events as ``{"columns": [...], "rows": [[...]]}`` (decoded from ``event_columns``).

    ``area`` is True for an event drawn as an area marker or only listed (placed more loosely
    than ``AREA_KM``). Kept for callers that want one record per event.
    """
    data = event_columns(events)
    columns: list[str] = []
    series: list[list[Any]] = []
    for col in (*EVENT_COLUMNS, "group", "style", "drawn_as"):
        if col in data["num"]:
            columns.append(col)
            factor = data["scale"].get(col)
            values = data["num"][col]
            series.append([None if v is None else v / factor for v in values] if factor else values)
        elif col in data["code"]:
            names = data["cat"][col]
            columns.append(col)
            series.append([names[c] if c >= 0 else None for c in data["code"][col]])
    if "joint" in columns:
        i = columns.index("joint")
        series[i] = [None if v is None else bool(v) for v in series[i]]
    for flag in ("aggregate", "background"):
        if flag in columns:
            i = columns.index(flag)
            series[i] = [None if v is None else bool(v) for v in series[i]]
    drawn = series[columns.index("drawn_as")]
    columns.append("area")
    series.append([d != "point" for d in drawn])
    return {"columns": columns, "rows": [list(r) for r in zip(*series, strict=True)]}


def grid_counts(
    events: gpd.GeoDataFrame | pd.DataFrame,
    cell_deg: float,
    *,
    drawn_as: np.ndarray | None = None,
) -> dict[str, list[float] | list[int] | float]:
    """Counts of drawn events per square grid cell (EPSG:4326, ``cell_deg`` degrees a side).

    Returns ``{"cell": cell_deg, "lat": [...], "lon": [...], "count": [...]}`` with each cell's
    south-west corner; events only listed (region-wide, unplaced) are not counted.
    """
    import numpy as np

    drawn = drawn_as if drawn_as is not None else derived_codes(events)["drawn_as"]
    lat = np.asarray(events["lat"], dtype="float64")
    lon = np.asarray(events["lon"], dtype="float64")
    keep = (drawn < 2) & ~np.isnan(lat) & ~np.isnan(lon)
    iy = np.floor(lat[keep] / cell_deg).astype("int64")
    ix = np.floor(lon[keep] / cell_deg).astype("int64")
    if not len(iy):
        return {"cell": cell_deg, "lat": [], "lon": [], "count": []}
    off = 50_000  # cell indices are shifted positive so that one int64 key holds both
    key = (iy + off) * 2 * off + (ix + off)
    cells, counts = np.unique(key, return_counts=True)
    cy, cx = np.divmod(cells, 2 * off)
    cy, cx = cy - off, cx - off
    return {
        "cell": cell_deg,
        "lat": np.round(cy * cell_deg, 4).tolist(),
        "lon": np.round(cx * cell_deg, 4).tolist(),
        "count": counts.tolist(),
    }

"""ACLED tables in and out: the current schema (CSV export and API JSON) and the pre-2019 one.

Reading follows the ACLED Codebook (2023 and 2019 editions, and the 2017 codebook for the
pre-2019 ``event_type`` values). Each row keeps ACLED's own values in ``acled_*`` columns
(``acled_event_id_cnty``, ``acled_time_precision``, ``acled_inter1``...); the kclmap columns
are filled as follows.

==========================  =========================================================
kclmap column               from ACLED
==========================  =========================================================
``event_id``                ``acled:`` + ``event_id_cnty``
``type``, ``subtype``       :data:`SUB_EVENT_TYPES` (current) / :data:`LEGACY_EVENT_TYPES`
``event_date``              ``event_date``; month precision -> first day of the month
``date_precision``          ``time_precision`` 1 day, 2 week, 3 month
``lat``, ``lon``            ``latitude``, ``longitude`` (WGS 84)
``geo_precision``           ``geo_precision`` (1-3, kclmap uses the same scale)
``precision_km``            :data:`GEO_PRECISION_KM`
``actor1``, ``actor2``      ``actor1``, ``actor2``; ``assoc_actors`` joins ``assoc_actor_1/2``
``fatalities``              ``fatalities``
``place``, ``admin1/2``     ``location``, ``admin1``, ``admin2``
``quote``, ``source``       ``notes``, ``source``
==========================  =========================================================

Writing (:func:`to_acled`) puts kclmap's events in the current ACLED column order, so they
append to an ACLED table; ``event_id_cnty`` is ``KCL-`` + kclmap's id and ``tags`` carries
kclmap's type (and the dataset of a UCDP row), so :func:`from_acled` reads such rows back as
they were.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from geo.datasets.common import acled_types_for, cell, keep_originals

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "ACLED_COLUMNS",
    "GEO_PRECISION_KM",
    "LEGACY_EVENT_TYPES",
    "SOURCE_COLUMNS",
    "SUB_EVENT_TYPES",
    "from_acled",
    "to_acled",
]

# The current ACLED export, in its column order (ACLED Codebook 2023).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# geo_precision: 1 the town or village itself, 2 near a named town or part of a region
# (coded at the nearest town), 3 only a larger region (coded at its capital or centre).
GEO_PRECISION_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 75.0}
TIME_PRECISION: dict[int, str] = {1: "day", 2: "week", 3: "month"}
_TIME_CODE = {"day": 1, "week": 2}  # month, quarter, year and unknown are all 3

# Current sub-event type -> (kclmap type, kclmap subtype). "Armed clash" and territory changes
# depend on who is actor1: see from_acled.
SUB_EVENT_TYPES: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("attack", None),
    "Government regains territory": ("operation", "offensive"),
    "Non-state actor overtakes territory": ("attack", None),
    "Air/drone strike": ("airstrike", None),
    "Suicide bomb": ("attack", "suicide"),
    "Shelling/artillery/missile attack": ("attack", "shelling"),
    "Remote explosive/landmine/IED": ("attack", "explosive"),
    "Grenade": ("attack", "explosive"),
    "Chemical weapon": ("attack", None),
    "Attack": ("attack", "civilians"),
    "Sexual violence": ("attack", "civilians"),
    "Abduction/forced disappearance": ("attack", "abduction"),
    "Peaceful protest": ("other", "protest"),
    "Protest with intervention": ("other", "protest"),
    "Excessive force against protesters": ("other", "protest"),
    "Violent demonstration": ("other", "riot"),
    "Mob violence": ("other", "riot"),
    "Arrests": ("arrest", None),
    "Agreement": ("agreement", None),
    "Disrupted weapons use": ("operation", None),
    "Change to group/activity": ("other", None),
    "Headquarters or base established": ("other", None),
    "Looting/property destruction": ("other", None),
    "Non-violent transfer of territory": ("other", None),
    "Other": ("other", None),
}
# Pre-2019 event types (no sub-event type). "Remote violence" covered air strikes and bombs
# alike: the notes decide (see _remote_violence).
LEGACY_EVENT_TYPES: dict[str, tuple[str, str | None]] = {
    "Battle-No change of territory": ("attack", None),
    "Battle-Government regains territory": ("operation", "offensive"),
    "Battle-Non-state actor overtakes territory": ("attack", None),
    "Remote violence": ("attack", None),
    "Violence against civilians": ("attack", "civilians"),
    "Riots/Protests": ("other", "protest"),
    "Strategic development": ("other", None),
    "Headquarters or base established": ("other", None),
    "Non-violent transfer of territory": ("other", None),
}
_AIR = re.compile(r"\b(?:air ?strikes?|air raids?|warplanes?|drones?|aircraft|jets?)\b", re.I)
_BOMB = re.compile(r"\b(?:IEDs?|explosive|landmines?|bomb\w*|mines?)\b", re.I)
_STATE = {"1", "state forces"}  # inter1 code (numeric before 2024, text since)
_INTER = {  # kclmap actor -> ACLED inter code label
    "Iraqi Security Forces": "State forces",
    "Peshmerga": "State forces",
    "Government of Iraq": "State forces",
    "Kurdistan Regional Government": "State forces",
    "ISIS": "Rebel group",
    "PKK": "Rebel group",
    "Popular Mobilization Forces": "Political militia",
    "Unidentified armed group": "Political militia",
    "Civilians": "Civilians",
    "Turkish Armed Forces": "External/Other forces",
    "US-led Coalition": "External/Other forces",
}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Columns carried unchanged into kclmap's (the rest are kept as acled_<column>).
_CARRIED = (
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "fatalities",
    "source",
    "event_type",
    "sub_event_type",
)
# kclmap column -> the ACLED column its value came from (named in error messages).
SOURCE_COLUMNS = {
    "lat": "latitude",
    "lon": "longitude",
    "event_date": "event_date",
    "fatalities": "fatalities",
    "geo_precision": "geo_precision",
}
_KCLMAP_TAG = re.compile(r"kclmap (type|subtype|joint|date_precision|dataset)=([\w-]+)")


def _remote_violence(notes: str | None) -> tuple[str, str | None]:
    if notes and _AIR.search(notes):
        return "airstrike", None
    if notes and _BOMB.search(notes):
        return "attack", "explosive"
    return "attack", None


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None else None
    except ValueError:
        return None


def _month_start(text: str | None, precision: str) -> str | None:
    """ACLED dates a month-precise event mid-month; kclmap dates a period by its first day."""
    if text is None or precision != "month":
        return text
    try:
        return date.fromisoformat(text[:10]).replace(day=1).isoformat()
    except ValueError:
        return text  # the table's reader reports it


def from_acled(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ACLED row (column names in lower case) as a kclmap record (cells not yet typed).

    Parameters
    ----------
    row
        The cells of one row of an ACLED export (CSV or API JSON), current or pre-2019
        schema, keyed by lower-case column name; missing columns are treated as blank.

    Returns
    -------
    dict
        kclmap columns (see the module table), ``dataset`` ("acled", or "kclmap" for rows
        :func:`to_acled` wrote) and every other ACLED column as ``acled_<column>``. Cells stay
        text: :func:`geo.table.frame_records` types and checks them.
    """
    sub_type = cell(row, "sub_event_type")
    event_type = cell(row, "event_type")
    notes = cell(row, "notes")
    inter1 = (cell(row, "inter1") or "").lower()
    if sub_type is not None:
        kind, subtype = SUB_EVENT_TYPES.get(sub_type, ("other", None))
    elif event_type == "Remote violence":
        kind, subtype = _remote_violence(notes)
    else:
        kind, subtype = LEGACY_EVENT_TYPES.get(event_type or "", ("other", None))
    if kind == "attack" and subtype is None and inter1 in _STATE:
        kind, subtype = "operation", "clash"  # state forces as actor1 of a battle
    code = _int(cell(row, "time_precision"))
    precision = TIME_PRECISION.get(code or 0, "unknown")
    ident = cell(row, "event_id_cnty")
    tags = cell(row, "tags") or ""
    dataset, joint = "acled", None
    if ident and ident.startswith("KCL-"):  # written by to_acled: a row not from ACLED
        own = dict(_KCLMAP_TAG.findall(tags))
        dataset, ident = own.get("dataset", "kclmap"), ident[4:]
        kind = own.get("type", kind)
        subtype = own.get("subtype", subtype if "type" not in own else None)
        joint = own.get("joint")
        precision = own.get("date_precision", precision)
    elif ident:
        ident = f"acled:{ident}"
    geo_code = _int(cell(row, "geo_precision"))
    assoc = [  # ally_actor_* before 2019
        a
        for k in ("assoc_actor_1", "assoc_actor_2", "ally_actor_1", "ally_actor_2")
        if (a := cell(row, k))
    ]
    acled_type, acled_sub = (
        (event_type, sub_type) if dataset == "acled" else acled_types_for(kind, subtype)
    )
    return {
        "event_id": ident,
        "type": kind,
        "subtype": subtype,
        "joint": joint,
        "event_date": _month_start(cell(row, "event_date"), precision),
        "date_precision": precision,
        "place": cell(row, "location"),
        "lat": cell(row, "latitude"),
        "lon": cell(row, "longitude"),
        "admin1": cell(row, "admin1"),
        "admin2": cell(row, "admin2"),
        "geo_precision": geo_code,
        "precision_km": GEO_PRECISION_KM.get(geo_code or 0),
        "actor1": cell(row, "actor1"),
        "actor2": cell(row, "actor2"),
        "assoc_actors": "; ".join(assoc) or None,
        "fatalities": cell(row, "fatalities"),
        "acled_event_type": acled_type,
        "acled_sub_event_type": acled_sub,
        "source": cell(row, "source"),
        "quote": notes,
        "dataset": dataset,
        **keep_originals(row, "acled", _CARRIED),
    }


def _text(value: object) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_acled(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """Events in ACLED's current column layout (every cell a string, blanks "").

    Parameters
    ----------
    events
        An events frame (EPSG:4326; ``lat``/``lon`` in degrees are written as ACLED's
        ``latitude``/``longitude``).

    Returns
    -------
    pandas.DataFrame
        One row per event, columns :data:`ACLED_COLUMNS` in order. Rows that came from ACLED
        keep their ACLED values; others (kclmap's, UCDP's) get ``KCL-`` ids, the closest ACLED
        types and inter codes, and ``tags`` that let :func:`from_acled` restore their type,
        date precision and dataset. Unknown fatalities stay blank.
    """
    import pandas as pd

    out = []
    for rec in events.drop(columns=events.geometry.name).to_dict("records"):
        get = rec.get
        kind, subtype = str(get("type") or "other"), _text(get("subtype")) or None
        acled_type = _text(get("acled_event_type")) or acled_types_for(kind, subtype)[0]
        acled_sub = _text(get("acled_sub_event_type")) or acled_types_for(kind, subtype)[1]
        assoc = [a.strip() for a in _text(get("assoc_actors")).split(";") if a.strip()]
        day = get("event_date")
        tags = [f"kclmap type={kind}"]
        tags += [f"kclmap subtype={subtype}"] if subtype else []
        joint = get("joint")
        tags += [f"kclmap joint={str(joint).lower()}"] if isinstance(joint, bool) else []
        precision = str(get("date_precision") or "unknown")
        if precision not in ("day", "week", "month"):  # finer than ACLED's time_precision 3
            tags.append(f"kclmap date_precision={precision}")
        ident = _text(get("event_id"))
        dataset = _text(get("dataset")) or "kclmap"
        own = dataset != "acled"  # kclmap's rows, and UCDP's kept apart from ACLED's
        tags += [f"kclmap dataset={dataset}"] if dataset != "kclmap" else []
        row = {
            "event_id_cnty": f"KCL-{ident}" if own else ident.removeprefix("acled:"),
            "event_date": _text(day),
            "year": str(day.year) if isinstance(day, date) else "",
            "time_precision": str(_TIME_CODE.get(str(get("date_precision")), 3)),
            "disorder_type": _DISORDER.get(acled_type, ""),
            "event_type": acled_type,
            "sub_event_type": acled_sub,
            "actor1": _text(get("actor1")),
            "assoc_actor_1": "; ".join(assoc),
            "inter1": _INTER.get(_text(get("actor1")), ""),
            "actor2": _text(get("actor2")),
            "assoc_actor_2": "",
            "inter2": _INTER.get(_text(get("actor2")), ""),
            "interaction": "",
            "civilian_targeting": "Civilian targeting" if subtype == "civilians" else "",
            "iso": "368",
            "region": "Middle East",
            "country": "Iraq",
            "admin1": _text(get("admin1")),
            "admin2": _text(get("admin2")),
            "admin3": "",
            "location": _text(get("place")),
            "latitude": _text(get("lat")),
            "longitude": _text(get("lon")),
            "geo_precision": _text(get("geo_precision")),
            "source": _text(get("url")) or _text(get("source")),
            "source_scale": "",
            "notes": _text(get("quote")),
            "fatalities": _text(get("fatalities")),  # blank when unknown, never a made-up 0
            "tags": "; ".join(tags) if own else "",
            "timestamp": "",
        }
        if not own:  # an imported ACLED row: its own values win over the derived ones
            row |= {
                c: _text(get(f"acled_{c}"))
                for c in ACLED_COLUMNS
                if _text(get(f"acled_{c}")) and c != "event_date"
            }
        out.append(row)
    return pd.DataFrame(out, columns=list(ACLED_COLUMNS), dtype=object)

"""UCDP Georeferenced Event Dataset rows (GED and Candidate releases, CSV) as kclmap records.

Follows the UCDP GED Codebook (version 23.1 and the Candidate Events codebook). Each row keeps
UCDP's own values in ``ucdp_*`` columns (``ucdp_id``, ``ucdp_type_of_violence``,
``ucdp_where_prec``, ``ucdp_date_prec``, ``ucdp_where_description``...).

==========================  =========================================================
kclmap column               from UCDP GED
==========================  =========================================================
``event_id``                ``ucdp:`` + ``id``
``type``, ``subtype``       :data:`TYPES_OF_VIOLENCE`
``event_date``, ``date_end``  ``date_start``, ``date_end``
``date_precision``          :data:`DATE_PREC` (``date_prec`` 1-5)
``lat``, ``lon``            ``latitude``, ``longitude`` (WGS 84)
``precision_km``            :data:`WHERE_PREC_KM` (``where_prec`` 1-7)
``geo_precision``           ``where_prec`` 1 -> 1, 2 -> 2, 3-7 -> 3 (ACLED's scale)
``actor1``, ``actor2``      ``side_a``, ``side_b``
``fatalities``              ``best``; ``fatalities_low``/``fatalities_high`` from ``low``/``high``
``place``                   ``where_coordinates``, else ``where_description``
``admin1``, ``admin2``      ``adm_1``, ``adm_2`` without "province"/"district"
``quote``, ``title``        ``source_headline``
``source``                  ``source_article``
==========================  =========================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from geo.datasets.common import acled_types_for, cell, keep_originals

__all__ = ["DATE_PREC", "SOURCE_COLUMNS", "TYPES_OF_VIOLENCE", "WHERE_PREC_KM", "from_ucdp"]

# type_of_violence: 1 state-based conflict (a government and an organised armed group),
# 2 non-state conflict (two organised groups), 3 one-sided violence (against civilians).
TYPES_OF_VIOLENCE: dict[int, tuple[str, str]] = {
    1: ("attack", "state-based"),
    2: ("attack", "non-state"),
    3: ("attack", "civilians"),
}
# where_prec: 1 exact location, 2 within 25 km of a known point, 3 only the second-order
# administrative division (district), 4 only the first-order one (governorate), 5 a linear
# feature or a region between those, 6 only the country, 7 international waters or airspace.
WHERE_PREC_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 40.0, 4: 100.0, 5: 150.0, 6: 400.0, 7: 400.0}
# date_prec: 1 the exact day, 2 within 2-6 days, 3 only the week, 4 within 8-30 days or only the
# month, 5 within a range longer than a month (up to a calendar year).
DATE_PREC: dict[int, str] = {1: "day", 2: "week", 3: "week", 4: "month", 5: "year"}
# kclmap column -> the UCDP column its value came from (named in error messages).
SOURCE_COLUMNS = {
    "lat": "latitude",
    "lon": "longitude",
    "event_date": "date_start",
    "date_end": "date_end",
    "fatalities": "best",
    "fatalities_low": "low",
    "fatalities_high": "high",
}
_ADMIN_WORD = re.compile(r"\s+(?:province|governorate|district|region|county)$", re.I)
_CARRIED = ("side_a", "side_b", "latitude", "longitude", "best", "low", "high", "source_article")


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None else None
    except ValueError:
        return None


def _admin(text: str | None) -> str | None:
    return _ADMIN_WORD.sub("", text).strip() or None if text else None


def from_ucdp(row: Mapping[str, Any]) -> dict[str, Any]:
    """One UCDP GED row (column names in lower case) as a kclmap record (cells not yet typed).

    Parameters
    ----------
    row
        The cells of one row of a GED or Candidate Events CSV, keyed by lower-case column name.

    Returns
    -------
    dict
        kclmap columns (see the module table), ``dataset="ucdp"``, and every other UCDP column
        as ``ucdp_<column>``; cells stay text for :func:`geo.table.frame_records` to type.
    """
    violence = _int(cell(row, "type_of_violence"))
    kind, subtype = TYPES_OF_VIOLENCE.get(violence or 0, ("other", None))
    where = _int(cell(row, "where_prec"))
    date_code = _int(cell(row, "date_prec"))
    ident = cell(row, "id")
    place = cell(row, "where_coordinates") or cell(row, "where_description")
    acled_type, acled_sub = acled_types_for(kind, subtype)
    headline = cell(row, "source_headline")
    return {
        "event_id": f"ucdp:{ident}" if ident else None,
        "type": kind,
        "subtype": subtype,
        "event_date": cell(row, "date_start"),
        "date_end": cell(row, "date_end"),
        "date_precision": DATE_PREC.get(date_code or 0, "unknown"),
        "place": " ".join(place.split()) if place else None,  # descriptions can hold newlines
        "lat": cell(row, "latitude"),
        "lon": cell(row, "longitude"),
        "admin1": _admin(cell(row, "adm_1")),
        "admin2": _admin(cell(row, "adm_2")),
        "geo_precision": None if where is None else min(where, 3),
        "precision_km": WHERE_PREC_KM.get(where or 0),
        "actor1": cell(row, "side_a"),
        "actor2": cell(row, "side_b"),
        "fatalities": cell(row, "best"),
        "fatalities_low": cell(row, "low"),
        "fatalities_high": cell(row, "high"),
        "acled_event_type": acled_type,
        "acled_sub_event_type": acled_sub,
        "source": cell(row, "source_article"),
        "title": headline,
        "quote": headline,
        "dataset": "ucdp",
        **keep_originals(row, "ucdp", _CARRIED),
    }

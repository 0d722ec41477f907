"""Pieces every dataset reader shares: cells, ids, and the kclmap type families."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from geo.events import ACLED_TYPES

__all__ = [
    "FAMILIES",
    "acled_types_for",
    "cell",
    "content_id",
    "date_range",
    "ensure_id",
    "keep_originals",
]

# kclmap type -> type family: events of one family can be the same event told by two sources.
FAMILIES: dict[str, str] = {
    "attack": "violence",
    "operation": "violence",
    "airstrike": "violence",
    "arrest": "arrest",
    "meeting": "political",
    "agreement": "political",
    "other": "other",
}


def cell(row: Mapping[str, Any], key: str) -> str | None:
    """The stripped text of ``row[key]``, or ``None`` when absent or blank."""
    value = row.get(key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def content_id(values: Iterable[object], *, prefix: str = "") -> str:
    """A stable id from a row's content: SHA-1 of its values (16 hex chars)."""
    text = "\x1f".join("" if v is None else str(v) for v in values)
    return prefix + hashlib.sha1(text.encode()).hexdigest()[:16]


def keep_originals(
    row: Mapping[str, Any], dataset: str, carried: Iterable[str]
) -> dict[str, str | None]:
    """The source's columns not carried unchanged into kclmap's, as ``{dataset}_{column}``."""
    skip = set(carried)
    return {f"{dataset}_{k}": cell(row, k) for k in row if k not in skip and k}


def acled_types_for(kind: str, subtype: str | None) -> tuple[str, str]:
    """Kclmap's closest ACLED ``(event_type, sub_event_type)`` for a type and sub-type."""
    return ACLED_TYPES.get(f"{kind}:{subtype}") or ACLED_TYPES.get(kind) or ACLED_TYPES["other"]


def date_range(start: date, precision: str, end: date | None = None) -> tuple[date, date]:
    """The days an event may have happened on, from its date, precision and stated end.

    A stated ``end`` (UCDP ``date_end``) wins; otherwise a week is taken as six days either
    side (sources date a week's event on its first or middle day) and a month, quarter or year
    as the calendar period containing the date.
    """
    if end is not None and end >= start:
        return start, end
    if precision == "week":
        return start - timedelta(days=6), start + timedelta(days=6)
    if precision == "month":
        first = start.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if precision == "quarter":
        month = 3 * ((start.month - 1) // 3) + 1
        first = start.replace(month=month, day=1)
        nxt = (first + timedelta(days=95)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if precision == "year":
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    return start, start


def ensure_id(record: dict[str, Any]) -> bool:
    """Give a record without ``event_id`` a stable id from its content; return whether it had to.

    The id hashes type, date, place, coordinates and quote, so the same hand-added row gets the
    same id on every read; rows of other datasets get their dataset's prefix (``acled:``).
    """
    if record.get("event_id"):
        return False
    dataset = record.get("dataset") or "kclmap"
    record["event_id"] = content_id(
        [record.get(k) for k in ("type", "event_date", "lat", "lon", "place", "quote")],
        prefix="" if dataset == "kclmap" else f"{dataset}:",
    )
    return True

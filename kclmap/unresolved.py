"""``unresolved.csv``: the place names kclmap could not place, or placed with doubt.

One row per name: ``unresolved`` (events kept without coordinates) or ``ambiguous`` (placed,
but the name alone also fits other places far apart), with how many events use it, the
articles, and the candidates a person should check.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = ["UNRESOLVED_COLUMNS", "unresolved_csv", "unresolved_rows"]

UNRESOLVED_COLUMNS = ("place_query", "status", "count", "placed_at", "candidates", "sources")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _sources(values: Iterable[object]) -> str:
    return "; ".join(sorted({str(v) for v in values if isinstance(v, str) and v}))


def _candidate(place: object) -> str:
    name = getattr(place, "name", "")
    where = getattr(place, "admin2", "") or getattr(place, "admin1", "")
    lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
    return f"{name} ({getattr(place, 'kind', '')}, {where}, {lat:.4f} {lon:.4f})"


def unresolved_rows(
    events: gpd.GeoDataFrame,
    gazetteer: Gazetteer,
    *,
    mentions: Iterable[tuple[str, str]] = (),
) -> list[dict[str, object]]:
    """The rows of ``unresolved.csv``, sorted by status, then most events first, then name.

    Parameters
    ----------
    events
        The events table (``place_query``, ``lat``, ``place``, ``source`` columns).
    gazetteer
        Used to list candidates: the runners-up of an ambiguous name, look-alike names for an
        unresolved one.
    mentions
        ``(source, name)`` pairs of names the extractor could not resolve (e.g.
        ``ExtractionReport.unresolved``); names not already in ``events`` are added.
    """
    import pandas as pd

    from gazetteer import UnknownPlaceError

    if "place_query" not in events.columns or not len(events):
        frame_rows: list[tuple[str, bool, str, str]] = []
    else:
        frame_rows = [
            (str(q).strip(), bool(pd.notna(lat)), str(place or ""), str(src))
            for q, lat, place, src in zip(
                events["place_query"],
                events["lat"],
                events.get("place", [None] * len(events)),
                events.get("source", [""] * len(events)),
                strict=True,
            )
            if isinstance(q, str) and q.strip()
        ]
    unplaced: dict[str, list[str]] = defaultdict(list)
    placed: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for query, is_placed, place, src in frame_rows:
        if is_placed:
            placed[query].append((place, src))
        else:
            unplaced[query].append(src)
    for src, name in mentions:
        if name.strip() and name.strip() not in unplaced:
            unplaced.setdefault(name.strip(), []).append(src)
    rows: list[dict[str, object]] = []
    for query, sources in unplaced.items():
        rows.append(
            {
                "place_query": query,
                "status": "unresolved",
                "count": len(sources),
                "placed_at": "",
                "candidates": "; ".join(gazetteer.suggest(query)),
                "sources": _sources(sources),
            }
        )
    for query, uses in placed.items():
        try:
            match = gazetteer.resolve(query)
        except UnknownPlaceError:
            continue
        if not match.ambiguous:
            continue
        rows.append(
            {
                "place_query": query,
                "status": "ambiguous",
                "count": len(uses),
                "placed_at": "; ".join(sorted({p for p, _ in uses if p})),
                "candidates": "; ".join(
                    _candidate(p) for p in [match.place, *(a for a, _ in match.alternatives)]
                ),
                "sources": _sources(s for _, s in uses),
            }
        )
    rows.sort(
        key=lambda r: (str(r["status"]) != "unresolved", -int(str(r["count"])), r["place_query"])
    )
    return rows


def _safe_cell(value: object) -> str:
    """Text as a spreadsheet shows it, never as a formula (CSV injection, OWASP)."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def unresolved_csv(rows: Iterable[dict[str, object]]) -> str:
    """``rows`` as CSV text (UTF-8, header first); cells that start like a formula get a ``'``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(UNRESOLVED_COLUMNS)
    for row in rows:
        writer.writerow([_safe_cell(row.get(c, "")) for c in UNRESOLVED_COLUMNS])
    return buf.getvalue()

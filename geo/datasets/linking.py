"""The same event in two sources: what analysts do by hand to see what a dataset missed.

Two events of different datasets are linked when they are of one type family
(:data:`geo.datasets.common.FAMILIES`), their date ranges overlap or lie within a day of each
other (ranges from ``date_precision`` and ``date_end``, see
:func:`geo.datasets.common.date_range`), and their points lie within the larger of their
``precision_km`` and 10 km. Distances are planar in UTM zone 38N (EPSG:32638). Aggregates
(a statistic over a period, not one event) are never linked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from geo.datasets.common import FAMILIES, date_range

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["MIN_LINK_KM", "link_sources", "overlap_summary"]

MIN_LINK_KM = 10.0
_NAMES = {"kclmap": "kclmap", "acled": "ACLED", "ucdp": "UCDP"}


def _day_ranges(events: gpd.GeoDataFrame) -> tuple[Any, Any]:
    """First and last possible day of each event as ordinals (-1 where undated)."""
    import numpy as np

    ends = events["date_end"] if "date_end" in events.columns else [None] * len(events)
    first = np.full(len(events), -1, dtype=np.int64)
    last = np.full(len(events), -1, dtype=np.int64)
    for i, (start, precision, end) in enumerate(
        zip(events["event_date"], events["date_precision"], ends, strict=True)
    ):
        if isinstance(start, date):
            lo, hi = date_range(start, str(precision), end if isinstance(end, date) else None)
            first[i], last[i] = lo.toordinal(), hi.toordinal()
    return first, last


def _candidate_pairs(geoms: Any, reach: Any, datasets: Any, valid: Any) -> tuple[Any, Any]:
    """Pairs (i < j, maybe repeated) of valid events of different datasets within either's reach.

    One tree per dataset, queried with the other datasets' points, each with its own reach,
    so a single country-level event does not widen every query.
    """
    import numpy as np
    import shapely

    found_a, found_b = [], []
    for name in np.unique(datasets[valid]):
        own = valid[datasets[valid] == name]
        others = valid[datasets[valid] != name]
        if not own.size or not others.size:
            continue
        tree = shapely.STRtree(geoms[own])
        query, target = tree.query(geoms[others], predicate="dwithin", distance=reach[others])
        found_a.append(others[query])
        found_b.append(own[target])
    if not found_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    return np.minimum(a, b), np.maximum(a, b)  # a pair found from both sides: deduplicated later


def _month_groups(first: Any, last: Any, valid: Any) -> Iterator[Any]:
    """The valid events whose date range (give or take a day) touches each calendar month.

    Linking month by month keeps the spatial candidate pairs to events that could share a
    date: one table of 100,000 events is never compared with itself all at once.
    """
    import numpy as np

    def month(ordinals: Any) -> Any:
        days = np.array([date.fromordinal(int(o)) for o in ordinals])
        return np.array([d.year * 12 + d.month - 1 for d in days], dtype=np.int64)

    lo = month(first[valid] - 1)
    hi = month(last[valid] + 1)
    counts = hi - lo + 1
    members = np.repeat(valid, counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    months = np.repeat(lo, counts) + offsets
    order = np.argsort(months, kind="stable")
    members, months = members[order], months[order]
    bounds = np.flatnonzero(np.diff(months)) + 1
    yield from np.split(members, bounds)


def link_sources(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return a copy of ``events`` with ``same_as``: the ids of the same event in other datasets.

    Parameters
    ----------
    events
        An events frame (EPSG:4326) with ``event_id``, ``type``, ``event_date``,
        ``date_precision``, ``precision_km`` (km) and ``dataset``; ``date_end`` and
        ``aggregate`` are used when present. Rows without a ``dataset`` count as kclmap's.

    Returns
    -------
    geopandas.GeoDataFrame
        The same rows (n rows in, n out) plus ``same_as``: ``None`` or the linked ``event_id``
        values, sorted, joined by ``"; "``. Events without a point or a date, and aggregates,
        link to nothing. Distances are planar in UTM 38N (EPSG:32638).
    """
    import numpy as np
    import shapely

    out = events.copy()
    n = len(out)
    datasets = (
        out["dataset"].fillna("kclmap").astype(str).to_numpy()
        if "dataset" in out.columns
        else np.full(n, "kclmap", dtype=object)
    )
    links: list[set[str]] = [set() for _ in range(n)]
    if n and len(set(datasets)) > 1:
        geoms = out.geometry.to_crs("EPSG:32638").to_numpy()
        has = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        first, last = _day_ranges(out)
        families = np.array([FAMILIES.get(str(t), "other") for t in out["type"]], dtype=object)
        precision = out["precision_km"].astype("float64").fillna(MIN_LINK_KM).to_numpy()
        reach = np.maximum(precision, MIN_LINK_KM) * 1000.0  # metres in UTM 38N
        statistic = (
            out["aggregate"].fillna(False).astype(bool).to_numpy()
            if "aggregate" in out.columns
            else np.zeros(n, dtype=bool)
        )
        valid = np.flatnonzero(has & (first >= 0) & ~statistic)
        linked_a, linked_b = [], []
        for group in _month_groups(first, last, valid):
            a, b = _candidate_pairs(geoms, reach, datasets, group)
            same = (
                (families[a] == families[b])
                & (first[a] <= last[b] + 1)  # ranges overlap or lie within a day
                & (first[b] <= last[a] + 1)
            )
            linked_a.append(a[same])
            linked_b.append(b[same])
        keys = np.unique(
            np.concatenate([np.zeros(0, np.int64), *linked_a]) * n
            + np.concatenate([np.zeros(0, np.int64), *linked_b])
        )
        pairs = np.stack([keys // n, keys % n], axis=1)
        ids = out["event_id"].astype(str).to_numpy()
        for i, j in pairs:
            links[i].add(ids[j])
            links[j].add(ids[i])
    out["same_as"] = [("; ".join(sorted(s)) if s else None) for s in links]
    return out


def overlap_summary(events: gpd.GeoDataFrame) -> list[str]:
    """One sentence per kclmap type and other dataset: how many were also found there.

    "14 of the 23 extracted attacks are also in ACLED". Needs the ``same_as`` column of
    :func:`link_sources`; a dataset is compared only on the type families it has events of.
    """
    if "same_as" not in events.columns or "dataset" not in events.columns:
        return []
    by_id = dict(
        zip(events["event_id"].astype(str), events["dataset"].fillna("kclmap"), strict=True)
    )
    datasets = events["dataset"].fillna("kclmap")
    single = (
        ~events["aggregate"].fillna(False).astype(bool)
        if "aggregate" in events.columns
        else datasets.notna()
    )
    own = events[(datasets == "kclmap") & single]  # a statistic is no event to find elsewhere
    others = sorted(set(datasets) - {"kclmap"})
    lines = []
    for other in others:
        families = {FAMILIES.get(str(t), "other") for t in events.loc[datasets == other, "type"]}
        totals: Counter[str] = Counter()
        found: Counter[str] = Counter()
        for kind, same_as in zip(own["type"], own["same_as"], strict=True):
            if FAMILIES.get(str(kind), "other") not in families:
                continue
            totals[str(kind)] += 1
            linked: Any = same_as
            if isinstance(linked, str) and any(by_id.get(i) == other for i in linked.split("; ")):
                found[str(kind)] += 1
        for kind, total in totals.most_common():
            noun = kind if total == 1 else f"{kind}s"
            lines.append(
                f"{found[kind]} of the {total} extracted {noun} "
                f"{'is' if total == 1 else 'are'} also in {_NAMES.get(other, other)}"
            )
    return lines

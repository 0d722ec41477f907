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
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from geo.datasets.common import FAMILIES, date_range

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["MIN_LINK_KM", "link_sources", "overlap_summary"]

MIN_LINK_KM = 10.0
_DAY = timedelta(days=1)
_NAMES = {"kclmap": "kclmap", "acled": "ACLED", "ucdp": "UCDP"}


def _ranges(events: gpd.GeoDataFrame) -> list[tuple[date, date] | None]:
    ends = events["date_end"] if "date_end" in events.columns else [None] * len(events)
    out: list[tuple[date, date] | None] = []
    for start, precision, end in zip(
        events["event_date"], events["date_precision"], ends, strict=True
    ):
        if not isinstance(start, date):
            out.append(None)
            continue
        out.append(date_range(start, str(precision), end if isinstance(end, date) else None))
    return out


def link_sources(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return a copy of ``events`` with ``same_as``: the ids of the same event in other datasets.

    ``same_as`` is ``None`` or the linked ``event_id`` values joined by ``"; "`` (sorted).
    Rows without a ``dataset`` count as kclmap's; events without a point or a date link to
    nothing.
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
        ranges = _ranges(out)
        families = np.array([FAMILIES.get(str(t), "other") for t in out["type"]], dtype=object)
        precision = out["precision_km"].astype("float64").fillna(MIN_LINK_KM).to_numpy()
        ids = out["event_id"].astype(str).to_numpy()
        statistic = (
            out["aggregate"].fillna(False).astype(bool).to_numpy()
            if "aggregate" in out.columns
            else np.zeros(n, dtype=bool)
        )
        dated = np.array([r is not None for r in ranges], dtype=bool)
        valid = np.flatnonzero(has & dated & ~statistic)
        reach = np.maximum(precision, MIN_LINK_KM) * 1000.0
        if valid.size:
            tree = shapely.STRtree(geoms[valid])
            left, right = tree.query(
                geoms[valid], predicate="dwithin", distance=float(reach[valid].max())
            )
            a, b = valid[left], valid[right]
            keep = (a < b) & (datasets[a] != datasets[b]) & (families[a] == families[b])
            a, b = a[keep], b[keep]
            dist = shapely.distance(geoms[a], geoms[b])
            near = dist <= np.maximum(reach[a], reach[b])
            for i, j in zip(a[near], b[near], strict=True):
                ri, rj = ranges[i], ranges[j]
                if ri is None or rj is None:
                    continue
                if ri[0] <= rj[1] + _DAY and rj[0] <= ri[1] + _DAY:
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

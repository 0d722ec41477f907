"""Enrich synthetic events (random points over northern Iraq): seconds for N events."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def synthetic(n: int, seed: int = 7) -> Any:
    """``n`` events with random points over the disputed belt's bounding box."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    lon = rng.uniform(41.5, 46.5, n)
    lat = rng.uniform(33.5, 37.2, n)
    types = np.array(["attack", "operation", "meeting", "agreement", "airstrike", "arrest"])
    dates = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D")
    return gpd.GeoDataFrame(
        {
            "event_id": np.char.add("e", np.arange(n).astype(str)),
            "type": types[rng.integers(0, len(types), n)],
            "joint": rng.random(n) < 0.3,
            "event_date": dates.date,
            "precision_km": rng.choice([1.0, 3.0, 5.0, 30.0], n),
            "place": "synthetic",
            "lat": lat,
            "lon": lon,
            "fatalities": rng.integers(0, 5, n),
            "quote": "Synthetic event for the benchmark.",
            "source": "bench",
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )


def main(n: int = 1_000_000) -> dict[str, float]:
    """Time ``geo.analysis.enrich`` on ``n`` synthetic events (zones prepared beforehand)."""
    from geo.analysis import Zones, enrich

    events = synthetic(n)
    zones = Zones.default()
    enrich(events.head(10), zones_=zones)  # load layers, build indexes
    start = time.perf_counter()
    out = enrich(events, zones_=zones)
    elapsed = time.perf_counter() - start
    results = {
        "events": float(n),
        "enrich_s": elapsed,
        "krg_share": float((out["side"] == "krg").mean()),
    }
    for k, v in results.items():
        print(f"{k:28} {v:12,.3f}")
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

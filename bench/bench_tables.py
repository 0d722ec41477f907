"""Read a synthetic ACLED table and link synthetic sources: seconds for N rows.

``python bench/bench_tables.py [ROWS]``: the ACLED file repeats the rows of
``tests/data/datasets/acled_current.csv`` (fictional) with fresh ids; the linking test puts
50,000 ACLED-like, 2,000 kclmap-like and 10,000 UCDP-like events at random over northern Iraq
across four years, with ACLED's and UCDP's precisions.
"""

from __future__ import annotations

import csv
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _acled_file(rows: int, directory: Path) -> Path:
    import random

    source = ROOT / "tests" / "data" / "datasets" / "acled_current.csv"
    with source.open(encoding="utf-8", newline="") as fh:
        template = list(csv.DictReader(fh))
    path = directory / "acled.csv"
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(template[0]))
        writer.writeheader()
        for i in range(rows):
            writer.writerow(dict(rng.choice(template), event_id_cnty=f"IRQ{i}"))
    return path


def _events(n: int, dataset: str, precisions: list[float], rng: Any) -> list[dict[str, Any]]:
    import pandas as pd

    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), unit="D")
    kinds = rng.choice(["attack", "operation", "arrest"], n)
    return [
        {
            "event_id": f"{dataset}{i}",
            "type": kinds[i],
            "event_date": days[i].date(),
            "date_precision": "day",
            "lat": float(rng.uniform(34, 36.5)),
            "lon": float(rng.uniform(43, 46)),
            "precision_km": float(rng.choice(precisions)),
            "dataset": dataset,
        }
        for i in range(n)
    ]


def main(rows: int = 20_000) -> None:
    """Print the seconds to read ``rows`` ACLED rows and to link 62,000 events."""
    import numpy as np

    from geo.datasets import link_sources
    from geo.readers import read_table
    from geo.table import frame_records

    with tempfile.TemporaryDirectory() as tmp:
        path = _acled_file(rows, Path(tmp))
        start = time.perf_counter()
        table = read_table(path)
        print(f"read {len(table.frame):,} ACLED rows: {time.perf_counter() - start:.2f} s")
    rng = np.random.default_rng(1)
    frame = frame_records(
        _events(50_000, "acled", [5, 25, 75], rng)
        + _events(2_000, "kclmap", [3, 10], rng)
        + _events(10_000, "ucdp", [5, 25, 40, 100, 400], rng)
    )
    start = time.perf_counter()
    linked = link_sources(frame)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"linked {len(frame):,} events ({int(linked['same_as'].notna().sum()):,} with a link): "
        f"{seconds:.2f} s, peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)

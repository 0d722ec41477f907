"""Run every benchmark on one core and write bench/RESULTS.md (the README quotes it).

make bench        # or: .venv/bin/python bench/run.py [--quick]
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    """Run the gazetteer, extraction, enrichment and map benchmarks."""
    quick = "--quick" in sys.argv
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issues ask
    from bench import bench_enrich, bench_extract, bench_gazetteer, bench_maps

    started = time.strftime("%Y-%m-%d %H:%M")
    gaz = bench_gazetteer.main()
    ext = bench_extract.main()
    enr = bench_enrich.main(100_000 if quick else 1_000_000)
    maps = bench_maps.main((1_000,), ()) if quick else bench_maps.main()
    lines = [
        "# Benchmarks",
        "",
        f"Run {started} on {platform.machine()} / Python {platform.python_version()}, pinned to "
        "one core (`make bench`).",
        "",
        "| what | measured | aim |",
        "|---|---:|---:|",
        f"| gazetteer load (wall / CPU) | {gaz['load_s']:.2f} s / {gaz['load_cpu_s']:.2f} s "
        "| < 0.5 s |",
        f"| exact lookups (distinct names, cold; wall / CPU) | {gaz['exact_per_s']:,.0f} /s / "
        f"{gaz['exact_cpu_per_s']:,.0f} /s | 100,000 /s |",
        f"| exact lookups with a governorate hint (wall / CPU) | {gaz['hinted_per_s']:,.0f} /s /"
        f" {gaz['hinted_cpu_per_s']:,.0f} /s | |",
        f"| fuzzy lookups (misspelt names; wall / CPU) | {gaz['fuzzy_per_s']:,.0f} /s / "
        f"{gaz['fuzzy_cpu_per_s']:,.0f} /s | 5,000 /s |",
        f"| names that are no place (wall / CPU) | {gaz['miss_per_s']:,.0f} /s / "
        f"{gaz['miss_cpu_per_s']:,.0f} /s | |",
        f"| spotting (automaton + filters) | {gaz['spot_MB_per_s']:.2f} MB/s | |",
        f"| spotting and resolving | {gaz['spot_and_resolve_MB_per_s']:.2f} MB/s | |",
        f"| extraction, {ext['mean_article_kb']:.1f} KB articles (wall / CPU) | "
        f"{ext['articles_per_s']:,.0f} / {ext['articles_per_cpu_s']:,.0f} articles/s | 200 /s |",
        f"| enrich {enr['events']:,.0f} synthetic events | {enr['enrich_s']:.1f} s | < 10 s (1M) |",
        "",
        "## Map step and load: kclmap vs `GeoDataFrame.explore()`",
        "",
        "Map step: building and saving the HTML. First render: the first frame showing the "
        "events (kclmap: points, clusters or grid counts); loaded: load event and every event "
        "read. Headless Chromium from file://, network blocked.",
        "",
        *bench_maps.table(maps),
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

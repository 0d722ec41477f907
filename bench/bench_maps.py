"""Map step time, HTML size and browser times: kclmap vs GeoDataFrame.explore(), side by side.

One run: kclmap and ``explore(column="type")`` on the same synthetic events at 1k, 10k and
100k, then kclmap alone at 1M. The map step is ``build_map`` + ``save_map`` for kclmap and
``explore`` + render + the same asset inlining for explore (making the frame is not timed).
Each file is opened from file:// in headless Chromium with every network request aborted:
"first render" is the first frame that shows the events (kclmap: its points, clusters or
grid counts; explore: its first vector feature), "loaded" is when the page's load event has
fired and, for kclmap, every event has been read.

    .venv/bin/python bench/bench_maps.py            # writes bench/RESULTS_maps.md
    .venv/bin/python bench/bench_maps.py --quick    # 1k and 10k only
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

TIMEOUT_MS = 120_000
SIDE_BY_SIDE = (1_000, 10_000, 100_000)
KCLMAP_ALONE = (1_000_000,)
# kclmap's first frame: the events drawn, or (large tables) the grid counts painted.
KCLMAP_FIRST = (
    "window.kclmapDrawn !== undefined || (window.kclmapFirstGrid !== undefined && "
    "window.kclmapFirstGrid.gridLayer.getLayers().length > 0)"
)
KCLMAP_LOADED = "window.kclmapDrawn !== undefined"
EXPLORE_FIRST = "document.querySelector('.leaflet-interactive') !== null"


def _browser_seconds(path: Path, first: str, loaded: str) -> tuple[float, float, float] | None:
    """Seconds to the first frame showing events, to the page fully loaded, and the renderer's
    main-thread CPU time (``ThreadTime`` from Chrome's ``Performance`` metrics) up
    to the first frame: on a shared machine wall-clock varies with the load, this much less.

    ``inf`` when the page did not get there within two minutes; None without Chromium.
    """
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        start = time.perf_counter()
        first_s = loaded_s = busy_s = float("inf")
        try:
            page.goto(path.as_uri(), timeout=TIMEOUT_MS, wait_until="commit")
            page.wait_for_function(first, timeout=TIMEOUT_MS, polling="raf")
            first_s = time.perf_counter() - start
            metrics = cdp.send("Performance.getMetrics")["metrics"]
            busy_s = next(m["value"] for m in metrics if m["name"] == "ThreadTime")
            page.wait_for_load_state("load", timeout=TIMEOUT_MS)
            page.wait_for_function(loaded, timeout=TIMEOUT_MS, polling="raf")
            loaded_s = time.perf_counter() - start
        except PlaywrightTimeout:
            pass
        browser.close()
    return first_s, loaded_s, busy_s


def _timed(fn: Any) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``fn()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _kclmap(events: Any, zones: Any, path: Path) -> tuple[float, float]:
    from maps.folium_map import build_map
    from maps.offline import save_map

    return _timed(lambda: save_map(build_map(events, zones=zones), path))


def _explore(events: Any, path: Path) -> tuple[float, float]:
    from maps.offline import inline_assets

    frame = events[["type", "event_date", "place", "quote", "geometry"]].astype({"event_date": str})

    def run() -> None:
        m = frame.explore(column="type", tiles=None)
        # Same offline treatment as kclmap's map, so both load from file:// with no network.
        html, _missing = inline_assets(m.get_root().render())
        path.write_text(html, encoding="utf-8")

    return _timed(run)


def main(
    sizes: tuple[int, ...] = SIDE_BY_SIDE, alone: tuple[int, ...] = KCLMAP_ALONE
) -> list[dict[str, Any]]:
    """Measure each size; return one row per size (explore's fields None when not run)."""
    from bench.bench_enrich import synthetic
    from geo.layers import reference_layers
    from maps.places import label_places, search_places

    OUT.mkdir(parents=True, exist_ok=True)
    zones = reference_layers()
    label_places(), search_places()  # shipped data every map carries, loaded once per process
    # Warm-up, not recorded: imports, caches and a first browser start for both sides.
    warm = synthetic(100)
    _kclmap(warm, zones, OUT / "warm_kclmap.html")
    _explore(warm, OUT / "warm_explore.html")
    _browser_seconds(OUT / "warm_kclmap.html", KCLMAP_FIRST, KCLMAP_LOADED)
    rows = []
    for n in (*sizes, *alone):
        events = synthetic(n)
        path = OUT / f"kclmap_{n}.html"
        wall, cpu = _kclmap(events, zones, path)
        ours = _browser_seconds(path, KCLMAP_FIRST, KCLMAP_LOADED)
        row: dict[str, Any] = {
            "events": n,
            "kclmap_build_s": wall,
            "kclmap_cpu_s": cpu,
            "kclmap_html_mb": path.stat().st_size / 1e6,
            "kclmap_render_s": ours[0] if ours else None,
            "kclmap_load_s": ours[1] if ours else None,
            "kclmap_busy_s": ours[2] if ours else None,
        }
        path.unlink()
        if n in sizes:
            explore_path = OUT / f"explore_{n}.html"
            wall, cpu = _explore(events, explore_path)
            theirs = _browser_seconds(explore_path, EXPLORE_FIRST, "true")
            row |= {
                "explore_build_s": wall,
                "explore_cpu_s": cpu,
                "explore_html_mb": explore_path.stat().st_size / 1e6,
                "explore_render_s": theirs[0] if theirs else None,
                "explore_load_s": theirs[1] if theirs else None,
                "explore_busy_s": theirs[2] if theirs else None,
            }
            explore_path.unlink()
        rows.append(row)
        print(
            " ".join(
                f"{k}={v:,.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()
            ),
            flush=True,
        )
    return rows


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "–"
    return "did not render in 120 s" if v == float("inf") else f"{v:,.2f} {unit}"


def table(rows: list[dict[str, Any]]) -> list[str]:
    """The Markdown table of ``main``'s rows, with the speed-up and size ratios.

    Times are wall-clock, with CPU seconds in brackets: the map step's process time, and the
    browser main thread's busy time up to the first render.
    """
    lines = [
        "| events | kclmap map step | HTML | first render | loaded | explore() map step | HTML "
        "| first render | loaded | map step faster | HTML smaller |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def both(r: dict[str, Any], wall: str, cpu: str) -> str:
        text = _fmt(r.get(wall), "s")
        return f"{text} ({r[cpu]:,.2f})" if r.get(cpu) not in (None, float("inf")) else text

    for r in rows:
        ratio = size = "–"
        if r.get("explore_build_s"):
            ratio = (
                f"{r['explore_build_s'] / r['kclmap_build_s']:.1f}× "
                f"({r['explore_cpu_s'] / r['kclmap_cpu_s']:.1f}×)"
            )
            size = f"{r['explore_html_mb'] / r['kclmap_html_mb']:.1f}×"
        lines.append(
            f"| {r['events']:,} | {both(r, 'kclmap_build_s', 'kclmap_cpu_s')} | "
            f"{_fmt(r['kclmap_html_mb'], 'MB')} | {both(r, 'kclmap_render_s', 'kclmap_busy_s')} | "
            f"{_fmt(r['kclmap_load_s'], 's')} | {both(r, 'explore_build_s', 'explore_cpu_s')} | "
            f"{_fmt(r.get('explore_html_mb'), 'MB')} | "
            f"{both(r, 'explore_render_s', 'explore_busy_s')} | "
            f"{_fmt(r.get('explore_load_s'), 's')} | {ratio} | {size} |"
        )
    return lines


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    started = time.strftime("%Y-%m-%d %H:%M")
    result = main((1_000, 10_000), ()) if quick else main()
    text = "\n".join(
        [
            "# Map benchmark: kclmap vs `GeoDataFrame.explore()`",
            "",
            f"Run {started}, one run per size (`python bench/bench_maps.py`); synthetic events "
            "from `bench/bench_enrich.py`. Map step: wall-clock seconds of building and saving "
            "the HTML (the frame is made beforehand); in brackets its CPU seconds. First render: "
            "the first frame showing the events (kclmap: points, clusters or grid counts); in "
            "brackets the browser main thread's busy seconds up to it. Loaded: load event "
            "fired and, for kclmap, every event read. Chromium headless, file://, network "
            "blocked. Wall-clock times depend on the machine's load (2 cores shared by other "
            "jobs); the bracketed CPU times much less.",
            "",
            *table(result),
        ]
    )
    if not quick:
        (ROOT / "bench" / "RESULTS_maps.md").write_text(text + "\n", encoding="utf-8")
    print(text)

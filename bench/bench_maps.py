"""Map build time, HTML size and browser time to first render: kclmap vs GeoDataFrame.explore().

Browser timing loads each file from file:// in headless Chromium (network blocked; both maps
have their Leaflet assets inlined) and waits for kclmap to report its drawn events, or for
explore's first vector feature.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


TIMEOUT_MS = 120_000


def _browser_seconds(path: Path, ready: str) -> tuple[float, float] | None:
    """Seconds to first render (``ready`` true and a frame painted) and to the load event.

    ``inf`` when the page did not get there within two minutes.
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
        start = time.perf_counter()
        first = loaded = float("inf")
        try:
            page.goto(path.as_uri(), timeout=TIMEOUT_MS, wait_until="commit")
            page.wait_for_function(ready, timeout=TIMEOUT_MS, polling="raf")
            first = time.perf_counter() - start
            page.wait_for_load_state("load", timeout=TIMEOUT_MS)
            loaded = time.perf_counter() - start
        except PlaywrightTimeout:
            pass
        browser.close()
    return first, loaded


def main(sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> list[dict[str, float | None]]:
    """Build both maps for each size and print a table."""
    from bench.bench_enrich import synthetic
    from geo.layers import reference_layers
    from maps.folium_map import build_map
    from maps.offline import inline_assets, save_map

    OUT.mkdir(parents=True, exist_ok=True)
    zones = reference_layers()
    rows = []
    for n in sizes:
        events = synthetic(n)
        start = time.perf_counter()
        path = OUT / f"kclmap_{n}.html"
        save_map(build_map(events, zones=zones), path)
        build_s = time.perf_counter() - start
        start = time.perf_counter()
        explore_path = OUT / f"explore_{n}.html"
        explored = (
            events[["type", "event_date", "place", "quote", "geometry"]]
            .astype({"event_date": str})
            .explore(column="type", tiles=None)
        )
        # Same offline treatment as kclmap's map, so both load from file:// with no network.
        html, _missing = inline_assets(explored.get_root().render())
        explore_path.write_text(html, encoding="utf-8")
        explore_s = time.perf_counter() - start
        ours = _browser_seconds(path, "window.kclmapDrawn !== undefined")
        theirs = _browser_seconds(
            explore_path, "document.querySelector('.leaflet-interactive') !== null"
        )
        row = {
            "events": n,
            "kclmap_build_s": build_s,
            "kclmap_html_mb": path.stat().st_size / 1e6,
            "kclmap_render_s": ours[0] if ours else None,
            "kclmap_load_s": ours[1] if ours else None,
            "explore_build_s": explore_s,
            "explore_html_mb": explore_path.stat().st_size / 1e6,
            "explore_render_s": theirs[0] if theirs else None,
            "explore_load_s": theirs[1] if theirs else None,
        }
        rows.append(row)
        print(
            " ".join(
                f"{k}={v:,.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()
            ),
            flush=True,
        )
    return rows


if __name__ == "__main__":
    main()

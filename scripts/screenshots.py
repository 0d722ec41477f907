"""Refresh the README's pictures from ``out/`` (run ``make map`` first; needs Chromium)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
DOCS = ROOT / "docs"


def main() -> None:
    """Screenshot the map (with a popup open) and the report; copy the static map."""
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    DOCS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.goto((OUT / "map.html").as_uri())
        page.wait_for_function("window.kclmapDrawn !== undefined")
        page.screenshot(path=str(DOCS / "demo_map.png"))
        page.evaluate("""() => { const ev = window.kclmapEvents;
            const l = ev.clusters["Attacks"].getLayers()
                .find(x => ev.value("place", x.kclmapIndex) === "Makhmur")
                || ev.clusters["Attacks"].getLayers()[0];
            ev.map.setView(l.getLatLng(), 9, {animate: false});
            ev.openPopup(l); }""")
        page.wait_for_timeout(800)
        page.screenshot(path=str(DOCS / "demo_popup.png"))
        page.goto((OUT / "report.html").as_uri())
        page.set_viewport_size({"width": 1100, "height": 1400})
        page.screenshot(path=str(DOCS / "demo_report.png"))
        browser.close()
    shutil.copy(OUT / "map.png", DOCS / "demo_static_map.png")


if __name__ == "__main__":
    main()

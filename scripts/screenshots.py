"""Refresh the README's pictures from ``out/`` (run ``make map`` first; needs Chromium).

The mixed-sources picture comes from ``out_mixed/`` when it exists::

    kclmap build seeds/ -o out_mixed/ --events tests/data/datasets/acled_current.csv
        --events tests/data/datasets/ucdp_ged.csv
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
OUT_MIXED = ROOT / "out_mixed"
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
        if (OUT_MIXED / "map.html").exists():
            _mixed(page)
        page.goto((OUT / "report.html").as_uri())
        page.set_viewport_size({"width": 1100, "height": 1400})
        page.screenshot(path=str(DOCS / "demo_report.png"))
        browser.close()
    shutil.copy(OUT / "map.png", DOCS / "demo_static_map.png")


def _mixed(page: Page) -> None:
    """kclmap, ACLED and UCDP on one map: layers per dataset, a linked event's popup."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto((OUT_MIXED / "map.html").as_uri())
    page.wait_for_function("window.kclmapDrawn !== undefined")
    x, y = page.evaluate("""() => { const ev = window.kclmapEvents;
        document.querySelectorAll('.leaflet-control-layers')
            .forEach(c => c.classList.add('leaflet-control-layers-expanded'));
        document.querySelectorAll('.legend, .kclmap-legend, .info.legend')
            .forEach(c => c.style.display = 'none');  // the legend would cover the layers
        const l = ev.clusters["kclmap | Attacks"].getLayers()[0];
        ev.map.setView([35.70, 43.75], 10, {animate: false});
        const p = ev.map.latLngToContainerPoint(l.getLatLng());
        const r = ev.map.getContainer().getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""")
    page.wait_for_timeout(800)
    page.mouse.click(x, y)  # the top marker of the three sources' points at Makhmur
    page.wait_for_timeout(800)
    page.evaluate("""() => document.querySelectorAll('.leaflet-control-layers')
        .forEach(c => c.classList.add('leaflet-control-layers-expanded'))""")  # a click folds it
    page.wait_for_timeout(300)
    page.screenshot(path=str(DOCS / "mixed_map.png"))
    page.set_viewport_size({"width": 1400, "height": 860})


if __name__ == "__main__":
    main()

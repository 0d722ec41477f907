"""The map as a person sees it: headless Chromium from file://, with the network blocked."""

from pathlib import Path

import pytest

from maps.folium_map import event_rows
from tests.maps.conftest import EXPECTED_LAYERS, open_offline

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(chromium, built):
    pg, errors = open_offline(chromium, built / "map.html")
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "map.png"))
    yield pg, errors
    pg.close()


def test_leaflet_created_the_map(page):
    pg, _ = page
    assert pg.evaluate("typeof L") == "object"
    assert pg.locator(".folium-map.leaflet-container").count() == 1


@pytest.mark.parametrize("layer", EXPECTED_LAYERS)
def test_every_layer_is_in_the_layer_control(page, layer):
    pg, _ = page
    labels = pg.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert layer in [label.strip() for label in labels]


def test_drawn_features_equal_the_events_placed_closer_than_a_region(page, seed_events):
    pg, _ = page
    rows = event_rows(seed_events)
    col = rows["columns"].index("drawn_as")
    drawn = sum(1 for r in rows["rows"] if r[col] in ("point", "area"))
    assert 0 < drawn < len(rows["rows"])
    assert pg.evaluate("window.kclmapDrawn") == drawn


def test_no_console_error_offline(page):
    _, errors = page
    assert errors == []


def test_popup_shows_article_markup_as_text(page):
    pg, _ = page
    html = pg.evaluate(
        """() => {
            const ev = window.kclmapEvents;
            const layer = ev.clusters["Attacks"].getLayers()
                .find(l => JSON.stringify(ev.props(l.kclmapIndex)).includes("xss"));
            ev.openPopup(layer);
            return document.querySelector(".leaflet-popup-content").innerHTML;
        }"""
    )
    assert "&lt;script&gt;" in html
    assert pg.locator(".leaflet-popup-content img").count() == 0
    assert pg.locator(".leaflet-popup-content a[href^='javascript']").count() == 0


def test_time_slider_filters_events(page):
    pg, _ = page
    total = pg.evaluate("window.kclmapDrawn")
    pg.evaluate("window.kclmapEvents.draw('2022-01-01')")
    early = pg.evaluate("window.kclmapDrawn")
    pg.evaluate("window.kclmapEvents.draw(null)")
    assert 0 < early < total


def test_clicking_an_event_opens_its_popup(page):
    # A real mouse click, as a person would: nothing drawn above may swallow it.
    pg, _ = page
    popup = pg.locator(".leaflet-popup-content").last
    # On a loaded machine the marker may not be drawn yet when the first click lands: up to
    # three clicks, each at the marker's point once the view has settled. Anything drawn
    # above the marker would swallow all three.
    for attempt in range(3):
        x, y = pg.evaluate(
            """() => {
                const ev = window.kclmapEvents;
                ev.map.closePopup();
                const layer = ev.clusters["Attacks"].getLayers()
                    .find(l => JSON.stringify(ev.props(l.kclmapIndex)).includes("Makhmur"));
                ev.map.setView(layer.getLatLng(), 11, {animate: false});
                const p = ev.map.latLngToContainerPoint(layer.getLatLng());
                const box = ev.map.getContainer().getBoundingClientRect();
                return [p.x + box.left, p.y + box.top];
            }"""
        )
        pg.wait_for_timeout(300 * (attempt + 1))
        pg.mouse.click(x, y)
        try:
            popup.wait_for(timeout=3000)
            break
        except Exception:  # playwright's TimeoutError: try again, at most three times
            if attempt == 2:
                raise
    assert "dozen Peshmerga" in popup.inner_text()

"""The map read at a glance, in headless Chromium offline: symbols, legend, search, filters.

Built from ``tests/data/map_events.csv``: one event for each way an event is drawn or listed.
"""

from __future__ import annotations

import pytest

from geo.gisio import read_events
from maps.event_data import event_rows
from maps.folium_map import build_map
from maps.legend import LEGEND_SYMBOLS
from maps.offline import save_map
from maps.style import TYPE_COLOURS
from tests.conftest import DATA
from tests.maps.conftest import open_offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def events():
    return read_events(DATA / "map_events.csv")


@pytest.fixture(scope="module")
def rows(events):
    data = event_rows(events)
    return [dict(zip(data["columns"], r, strict=True)) for r in data["rows"]]


@pytest.fixture(scope="module")
def page(chromium, events, tmp_path_factory):
    path = tmp_path_factory.mktemp("reading") / "map.html"
    save_map(build_map(events), path)
    pg, errors = open_offline(chromium, path)
    yield pg, errors
    pg.close()


def _index(pg, event_id: str) -> int:
    return pg.evaluate(f"window.kclmapEvents.indexOf({event_id!r})")


def _screen_point(pg, event_id: str, zoom: int) -> tuple[float, float]:
    """Centre the map on an event at ``zoom``; return its position on the screen."""
    return pg.evaluate(
        """([i, zoom]) => {
            const ev = window.kclmapEvents;
            ev.map.closePopup();
            const at = L.latLng(ev.lat[i], ev.lon[i]);
            ev.map.setView(at, zoom, {animate: false});
            const p = ev.map.latLngToContainerPoint(at);
            const box = ev.map.getContainer().getBoundingClientRect();
            return [p.x + box.left, p.y + box.top];
        }""",
        [_index(pg, event_id), zoom],
    )


def _drawn(rows, keep=lambda r: True) -> int:
    return sum(1 for r in rows if r["drawn_as"] != "listed" and keep(r))


def test_no_console_error_offline(page):
    _, errors = page
    assert errors == []


@pytest.mark.parametrize("symbol", [*TYPE_COLOURS, *LEGEND_SYMBOLS])
def test_legend_lists_every_symbol(page, symbol):
    pg, _ = page
    row = pg.locator(f'#kclmap-legend [data-symbol="{symbol}"]')
    assert row.count() == 1
    assert row.inner_text().strip()


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_cluster_bubbles_use_no_event_colour(page):
    pg, _ = page
    colours = pg.evaluate(
        """() => {
            const icon = window.kclmapEvents.clusterIcon({getChildCount: () => 12});
            const el = document.createElement("div");
            el.className = icon.options.className;
            document.body.appendChild(el);
            const style = getComputedStyle(el);
            const out = [style.backgroundColor, style.borderTopColor, style.color];
            el.remove();
            return out;
        }"""
    )
    event_colours = {_rgb(c) for c in TYPE_COLOURS.values()}
    assert not event_colours & set(colours)


def test_region_and_unplaced_events_are_listed_not_drawn(page, rows):
    pg, _ = page
    listed = [r for r in rows if r["drawn_as"] == "listed"]
    assert pg.evaluate("window.kclmapDrawn") == _drawn(rows)
    assert pg.locator("#kclmap-listed li").count() == len(listed)
    assert f"{len(listed)} event(s) placed only to a region" in pg.inner_text("#kclmap-legend")


def test_a_listed_event_opens_its_popup_from_the_list(page):
    pg, _ = page
    pg.evaluate("document.getElementById('kclmap-listed').open = true")
    pg.locator("#kclmap-listed button", has_text="Garmiyan").click()
    popup = pg.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=5000)
    assert "swept the Garmiyan area" in popup.inner_text()


def test_click_on_an_event_at_a_coordination_centre_opens_the_event(page):
    # Makhmur: the attack sits on the Makhmour joint coordination centre.
    pg, _ = page
    x, y = _screen_point(pg, "m01-point-makhmur", 15)
    pg.wait_for_timeout(400)
    pg.mouse.click(x, y)
    popup = pg.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=5000)
    assert "Peshmerga post in Makhmur" in popup.inner_text()


def test_area_event_shows_its_radius_on_hover_and_opens_on_click(page):
    pg, _ = page
    x, y = _screen_point(pg, "m03-district-hamdaniya", 10)
    pg.wait_for_timeout(400)
    pg.mouse.move(x, y)
    pg.wait_for_timeout(200)
    assert pg.evaluate("window.kclmapEvents.radius.getRadius()") == pytest.approx(30_500)
    pg.mouse.click(x, y)
    popup = pg.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=5000)
    assert "Hamdaniya district" in popup.inner_text()
    pg.evaluate("() => { window.kclmapEvents.map.closePopup(); }")
    pg.mouse.move(x + 150, y + 150, steps=5)
    pg.wait_for_timeout(200)
    assert pg.evaluate("window.kclmapEvents.radius === null")


def test_undated_events_have_their_own_toggle(page, rows):
    pg, _ = page
    total = _drawn(rows)
    undated = _drawn(rows, lambda r: r["event_date"] is None)
    assert undated == 1
    pg.locator("input.kclmap-undated").uncheck()
    assert pg.evaluate("window.kclmapDrawn") == total - undated
    pg.locator("input.kclmap-undated").check()
    assert pg.evaluate("window.kclmapDrawn") == total


def test_time_slider_at_its_earliest_position_hides_undated_events(page, rows):
    pg, _ = page
    dates = sorted({r["event_date"] for r in rows if r["event_date"]})
    pg.evaluate(
        """() => { const s = document.querySelector("input.kclmap-slider");
                   s.value = 0; s.dispatchEvent(new Event("input")); }"""
    )
    earliest = _drawn(rows, lambda r: r["event_date"] is not None and r["event_date"] <= dates[0])
    assert pg.evaluate("window.kclmapDrawn") == earliest
    pg.evaluate(
        """() => { const s = document.querySelector("input.kclmap-slider");
                   s.value = s.max; s.dispatchEvent(new Event("input")); }"""
    )
    assert pg.evaluate("window.kclmapDrawn") == _drawn(rows)


def test_confidence_filter_keeps_events_of_at_least_0_7(page, rows):
    pg, _ = page
    pg.locator("input.kclmap-confidence").check()
    sure = _drawn(rows, lambda r: r["confidence"] is not None and r["confidence"] >= 0.7)
    assert 0 < sure < _drawn(rows)
    assert pg.evaluate("window.kclmapDrawn") == sure
    pg.locator("input.kclmap-confidence").uncheck()
    assert pg.evaluate("window.kclmapDrawn") == _drawn(rows)


@pytest.mark.parametrize("name", ["Mosul", "Tikrit", "Qaratapa", "Mexmûr"])
def test_search_finds_a_gazetteer_place_offline(page, gaz, name):
    pg, _ = page
    box = pg.locator(".kclmap-search input")
    box.fill(name)
    box.press("Enter")
    place = gaz.resolve(name).place
    centre = pg.evaluate(
        "(() => { const c = window.kclmapEvents.map.getCenter(); return [c.lat, c.lng]; })()"
    )
    assert centre == pytest.approx([place.lat, place.lon], abs=0.05)
    assert pg.inner_text(".kclmap-search-status") == ""


def test_search_says_when_no_place_has_that_name(page):
    pg, _ = page
    box = pg.locator(".kclmap-search input")
    box.fill("Xqzvy")
    box.press("Enter")
    assert pg.inner_text(".kclmap-search-status") == "No place of that name"


def test_labels_name_capitals_first_and_district_seats_closer_in(page):
    pg, _ = page
    pg.evaluate("() => { window.kclmapEvents.map.setView([35.8, 43.9], 7, {animate: false}); }")
    capitals = pg.locator(".kclmap-label-1").all_inner_texts()
    assert {"Mosul", "Erbil", "Kirkuk"} <= set(capitals)
    assert pg.locator(".kclmap-label-2").count() == 0
    pg.evaluate("() => { window.kclmapEvents.map.setView([35.78, 43.58], 9, {animate: false}); }")
    assert "Makhmur" in pg.locator(".kclmap-label-2").all_inner_texts()


def test_layer_control_groups_the_type_layers_by_dataset(page):
    pg, _ = page
    groups = pg.locator(".leaflet-control-layers-group-name").all_inner_texts()
    assert {"Events: acled", "Events: kclmap"} <= {g.strip() for g in groups}


def test_same_as_link_opens_the_same_event_in_the_other_dataset(page):
    pg, _ = page
    pg.evaluate(f"() => {{ window.kclmapEvents.openPopup({_index(pg, 'm01-point-makhmur')}); }}")
    pg.locator(".leaflet-popup-content a[data-kclmap-event='a-77']").click()
    popup = pg.locator(".leaflet-popup-content").last
    assert "ISIS attacked a Peshmerga post" in popup.inner_text()

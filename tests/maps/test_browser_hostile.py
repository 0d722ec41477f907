"""Markup in an events table's text columns never runs in the map (search, tooltips, popups)."""

from __future__ import annotations

import pytest

from geo.gisio import read_events
from maps.folium_map import build_map
from maps.offline import save_map
from tests.conftest import DATA
from tests.maps.conftest import open_offline

pytestmark = pytest.mark.browser

HOSTILE_PLACE = "<img src=x onerror=window.__pwned=1>"


@pytest.fixture(scope="module")
def page(chromium, tmp_path_factory):
    events = read_events(DATA / "map_events.csv")
    events.loc[events.index[0], "place"] = HOSTILE_PLACE
    path = tmp_path_factory.mktemp("hostile") / "map.html"
    save_map(build_map(events), path)
    pg, errors = open_offline(chromium, path)
    yield pg, errors
    pg.close()


def test_searching_a_hostile_place_name_shows_it_as_text(page):
    pg, _ = page
    box = pg.locator(".kclmap-search input")
    box.fill("onerror")
    box.press("Enter")
    pg.wait_for_timeout(200)
    assert pg.evaluate("window.__pwned") is None
    tooltip = pg.locator(".kclmap-found").inner_text()
    assert HOSTILE_PLACE in tooltip

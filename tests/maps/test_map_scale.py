"""Large tables and other people's maps: grid counts at low zoom, points closer in; the
notebook API offline. Opened in headless Chromium with the network blocked."""

from __future__ import annotations

import re

import folium
import pytest

from bench.bench_enrich import synthetic
from maps.event_layers import LARGE, event_layers
from maps.folium_map import build_map
from maps.offline import save_map
from tests.maps.conftest import open_offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def large(chromium, tmp_path_factory):
    events = synthetic(LARGE + 5_000)
    path = tmp_path_factory.mktemp("large") / "map.html"
    save_map(build_map(events), path)
    pg, errors = open_offline(chromium, path)
    yield pg, errors, events
    pg.close()


def _layers(pg) -> tuple[int, int]:
    """(grid cells drawn, points in the clusters)."""
    return pg.evaluate(
        """() => { const ev = window.kclmapEvents;
            const points = Object.values(ev.clusters).reduce((n, c) => n + c.getLayers().length, 0);
            return [ev.gridLayer.getLayers().length, points]; }"""
    )


def test_a_large_table_opens_on_grid_counts(large):
    pg, errors, events = large
    cells, points = _layers(pg)
    assert errors == []
    assert cells > 50
    assert points == 0
    assert pg.evaluate("window.kclmapDrawn") == len(events)
    assert pg.locator('#kclmap-legend [data-symbol="grid"]').count() == 1


def test_zooming_in_a_large_table_shows_the_events(large):
    pg, _, _ = large
    pg.evaluate("() => { window.kclmapEvents.map.setView([35.4, 44.4], 12, {animate: false}); }")
    pg.wait_for_timeout(300)
    cells, points = _layers(pg)
    assert cells == 0
    assert 0 < points < 2_000
    pg.evaluate("() => { window.kclmapEvents.map.setView([35.4, 44.4], 7, {animate: false}); }")
    assert _layers(pg)[0] > 50


def test_event_layers_on_ones_own_map_work_offline(chromium, tmp_path):
    events = synthetic(300)
    m = folium.Map(location=[35.5, 44.0], zoom_start=7, tiles=None)
    groups, feeder = event_layers(events)
    for group in groups:
        group.add_to(m)
    m.add_child(feeder)
    path = tmp_path / "own.html"
    missing = save_map(m, path)
    assert missing == []
    pg, errors = open_offline(chromium, path)
    assert errors == []
    assert pg.evaluate("window.kclmapDrawn") == len(events)
    pg.close()


def test_inline_notebook_display_needs_no_network(chromium, tmp_path):
    m = build_map(synthetic(200))
    shown = m._repr_html_()
    assert not re.search(r"""src=(&quot;|"|')https?://""", shown)
    assert not re.search(r"""href=(&quot;|"|')https?://[^"&]+\\.css""", shown)
    path = tmp_path / "notebook.html"
    path.write_text(f"<!DOCTYPE html><html><body>{shown}</body></html>", encoding="utf-8")
    page, errors = open_offline(chromium, path, ready="true")
    frame = page.frames[-1]
    frame.wait_for_function("window.kclmapDrawn !== undefined", timeout=30_000)
    assert frame.evaluate("window.kclmapDrawn") == 200
    assert errors == []
    page.close()

import re

import folium
import pytest

import maps
from geo.table import empty_frame
from maps.folium_map import build_map, event_layers, event_rows, safe_json
from maps.offline import render_html
from tests.maps.conftest import EXPECTED_LAYERS


@pytest.fixture(scope="module")
def html(seed_events):
    return render_html(build_map(seed_events))[0]


@pytest.mark.parametrize("name", maps.__all__)
def test_every_public_name_exists(name):
    assert hasattr(maps, name)


@pytest.mark.parametrize("layer", EXPECTED_LAYERS)
def test_every_named_layer_is_in_the_map(html, layer):
    assert f'"{layer}"' in html or f"{layer}" in html


def test_offline_html_has_no_external_scripts_or_styles(html):
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert not re.search(r'<link[^>]+href="https?://[^"]+\.css"', html)


def test_cdn_html_links_leaflet(seed_events):
    html, missing = render_html(build_map(seed_events), cdn=True)
    assert missing == []
    assert re.search(r'<script[^>]+src="https://[^"]*leaflet', html)


def test_article_markup_never_reaches_the_page_unescaped(html):
    assert "<script>alert(" not in html
    assert "<img src=x onerror" not in html
    assert "\\u003cscript\\u003ealert" in html  # present, but only as inert JSON


def test_safe_json_cannot_close_a_script_element():
    assert "</script>" not in safe_json({"q": "</script><script>alert(1)</script>"})


def test_event_rows_count_matches_table(seed_events):
    data = event_rows(seed_events)
    assert len(data["rows"]) == len(seed_events)
    assert {"group", "style", "area"} <= set(data["columns"])


def test_area_events_are_circles_not_pins(seed_events):
    data = event_rows(seed_events)
    col = data["columns"].index
    for row in data["rows"]:
        if row[col("precision_km")] and row[col("precision_km")] > 15:
            assert row[col("area")] is True


def test_layers_can_join_a_users_own_map(seed_events):
    m = folium.Map()
    groups, feeder = event_layers(seed_events)
    for group in groups:
        group.add_to(m)
    m.add_child(feeder)
    assert "KclmapEvents" in m.get_root().render()


def test_attribution_names_every_source(html):
    for source in ("OCHA", "GeoNames", "Who", "OurAirports", "Wikipedia", "CC BY-SA 4.0"):
        assert source in html


def _minimal_frame():
    import geopandas as gpd

    return gpd.GeoDataFrame(
        {"type": ["attack"], "lat": [35.0], "lon": [44.0]},
        geometry=gpd.points_from_xy([44.0], [35.0]),
        crs="EPSG:4326",
    )


@pytest.mark.parametrize("make", [empty_frame, _minimal_frame], ids=["empty", "minimal"])
def test_map_builds_from_an_empty_or_minimal_table(make):
    html = render_html(build_map(make()))[0]
    assert "KclmapEvents" in html
    assert 'id="kclmap-legend"' in html

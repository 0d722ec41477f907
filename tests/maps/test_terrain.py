"""Long features (ranges, wadis) that events are placed on are drawn on the Folium map."""

import folium
import pytest

from gazetteer import Gazetteer, Place
from maps.element_ids import stable_ids
from maps.folium_map import build_map
from maps.offline import render_html
from maps.terrain import TERRAIN_LAYER, terrain_layer


def _on(events, place_id: str):
    """The seed events with the first one placed on ``place_id``."""
    out = events.copy()
    out["place_id"] = out["place_id"].astype(object)
    out.loc[out.index[0], "place_id"] = place_id
    return out


@pytest.mark.parametrize(
    "place_id",
    [
        "kclmap-f001",  # the Hamrin range (gazetteer/data/shapes.csv: its four cited points)
        "kclmap-f011",  # Wadi Hauran (its two cited points)
    ],
)
def test_event_on_a_long_feature_draws_its_line(gaz, seed_events, place_id):
    html = render_html(build_map(_on(seed_events, place_id)))[0]
    assert TERRAIN_LAYER in html
    shape = gaz.shape(place_id)
    lon, lat = shape["coordinates"][0]
    # The line's vertices as folium writes them, lat/lon.
    assert f"[{lat}, {lon}]" in html
    assert gaz.get(place_id).name in html


def test_map_without_long_feature_events_has_no_terrain_layer(seed_events):
    events = seed_events[~seed_events["place_id"].isin(["kclmap-f001", "kclmap-f011"])]
    assert terrain_layer(events) is None


def test_terrain_layer_renders_identically(seed_events):
    # As `kclmap build` writes it: element ids renumbered, so the same events give the same bytes.
    events = _on(seed_events, "kclmap-f001")
    pages = []
    for _ in range(2):
        m = build_map(events)
        stable_ids(m.get_root())
        pages.append(render_html(m)[0])
    assert TERRAIN_LAYER in pages[0]
    assert pages[0] == pages[1]


def test_terrain_tooltip_escapes_the_feature_name(seed_events):
    hostile = "<script>alert(1)</script>`${document.cookie}`"
    ridge = Place("x:1", hostile, "range", 44.0, 35.0, "", "", "", None, 50.0, 0, 0.5, "src<b>")
    gaz = Gazetteer([ridge], [], shapes={"x:1": ((43.5, 35.5), (44.5, 34.5))})
    group = terrain_layer(_on(seed_events, "x:1"), gazetteer=gaz)
    assert group is not None
    m = folium.Map(tiles=None)
    group.add_to(m)
    script = m.get_root().render()
    assert "<script>alert(1)" not in script
    assert "`${" not in script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#96;&#36;{document.cookie}&#96;" in script
    assert "src&lt;b&gt;" in script

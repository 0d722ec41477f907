import json
import sqlite3
import xml.etree.ElementTree as ET

import pyogrio
import pytest
import shapely

EXPECTED = [
    "map.html",
    "events.geojson",
    "kclmap.gpkg",
    "map.png",
    "map.svg",
    "snippet.html",
    "report.html",
    "coordination_line.geojson",
    "gap_band.geojson",
    "coordination_centres.geojson",
    "disputed_territories.geojson",
    "governorates.geojson",
    "districts.geojson",
]
GEOJSONS = [n for n in EXPECTED if n.endswith(".geojson")]


@pytest.mark.parametrize("name", EXPECTED)
def test_build_writes_every_output(built, name):
    assert (built / name).stat().st_size > 0


@pytest.mark.parametrize("name", GEOJSONS)
def test_geojson_reads_back_valid_wgs84(built, name):
    frame = pyogrio.read_dataframe(built / name)
    assert frame.crs.to_epsg() == 4326
    geoms = frame.geometry.dropna().to_numpy()
    assert shapely.is_valid(geoms).all()
    raw = json.loads((built / name).read_text())
    assert "crs" not in raw
    assert len(raw["features"]) == len(frame)
    assert (built / name).with_suffix(".qml").exists()


def _coords(obj):
    if isinstance(obj, (int, float)):
        yield obj
    elif isinstance(obj, list):
        for item in obj:
            yield from _coords(item)


@pytest.mark.parametrize("name", GEOJSONS)
def test_geojson_coordinates_have_at_most_six_decimals(built, name):
    raw = json.loads((built / name).read_text())
    for feat in raw["features"][:50]:
        if feat["geometry"]:
            for value in _coords(feat["geometry"]["coordinates"]):
                assert len(repr(value).split(".")[-1]) <= 6


@pytest.mark.parametrize("name", ["gap_band.geojson", "governorates.geojson"])
def test_polygons_follow_the_right_hand_rule(built, name):
    raw = json.loads((built / name).read_text())
    for feat in raw["features"]:
        geom = feat["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for poly in polys:
            assert shapely.LinearRing(poly[0]).is_ccw


def test_events_properties_are_typed(built, seed_events):
    raw = json.loads((built / "events.geojson").read_text())
    assert len(raw["features"]) == len(seed_events)
    for feat in raw["features"]:
        p = feat["properties"]
        assert p["fatalities"] is None or isinstance(p["fatalities"], int)
        assert p["event_date"] is None or len(p["event_date"]) == 10
        assert p["side"] in {"krg", "federal", "unknown"}


def test_geopackage_holds_every_layer_with_date_fields_and_styles(built):
    path = built / "kclmap.gpkg"
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert {"events", "coordination_line", "gap_band", "disputed_territories"} <= layers
    info = pyogrio.read_info(path, layer="events")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["event_date"] == "datetime64[D]"
    assert types["fatalities"] == "int64"
    with sqlite3.connect(path) as con:
        styled = {
            r[0]
            for r in con.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1")
        }
    assert {"events", "coordination_line", "gap_band"} <= styled


def test_events_style_turns_on_the_temporal_controller(built):
    root = ET.fromstring((built / "events.qml").read_text().split(">", 1)[1])
    temporal = root.find("temporal")
    assert temporal is not None
    assert (temporal.get("enabled"), temporal.get("startField")) == ("1", "event_date")
    colours = {c.get("value") for c in root.iter("category")}
    assert {"attack", "operation", "meeting"} <= colours


def test_static_images_are_real(built):
    from PIL import Image

    with Image.open(built / "map.png") as img:
        assert img.size[0] >= 1000
    ET.parse(built / "map.svg")


def test_report_escapes_article_text_and_holds_tables(built):
    report = (built / "report.html").read_text()
    assert "<script>alert" not in report
    assert "&lt;script&gt;alert" in report
    assert "Counts by district and type" in report
    assert report.count("data:image/png;base64,") == 2


def test_snippet_embeds_the_map(built):
    snippet = (built / "snippet.html").read_text()
    assert '<iframe src="map.html"' in snippet

"""Each layer's QGIS style is made for that layer (checked without QGIS; see test_qgis.py)."""

import sqlite3
import xml.etree.ElementTree as ET

import pytest

from geo.layers import LAYER_TITLES
from maps.qgis import layer_qml, store_styles


def _root(name):
    return ET.fromstring(layer_qml(name).split(">", 1)[1])


def test_coordination_centres_style_is_not_the_events_style():
    # The centres have neither a type nor an event_date: one symbol each, no temporal control.
    root = _root("coordination_centres")
    assert root.find("renderer-v2").get("type") == "singleSymbol"
    assert root.find("temporal") is None
    assert layer_qml("coordination_centres") != layer_qml("events")


@pytest.mark.parametrize("name", ["events", *LAYER_TITLES])
def test_every_layer_style_is_qml_with_a_renderer(name):
    root = _root(name)
    assert root.tag == "qgis"
    assert root.find("renderer-v2") is not None


def test_event_style_categorises_types_and_runs_the_temporal_controller():
    root = _root("events")
    assert root.find("renderer-v2").get("attr") == "type"
    assert root.find("temporal").get("startField") == "event_date"


def test_stored_style_times_are_iso_8601(tmp_path):
    import geopandas as gpd
    import pyogrio
    import shapely

    from geo.gisio import write_gpkg

    frame = gpd.GeoDataFrame({"name": ["x"]}, geometry=[shapely.Point(44, 35)], crs="EPSG:4326")
    path = write_gpkg({"coordination_centres": (frame, {"name": "str"})}, tmp_path / "c.gpkg")
    store_styles(str(path), ["coordination_centres"])  # a str path works as well as a Path
    con = sqlite3.connect(path)
    try:
        (stamp,) = con.execute("SELECT update_time FROM layer_styles").fetchone()
    finally:
        con.close()
    assert stamp[10] == "T"
    assert stamp.endswith("Z")
    assert pyogrio.list_layers(path).shape[0] == 2

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import zones
from geo.analysis import Zones, enrich, summary_tables
from geo.layers import reference_layers, write_reference_layers
from geo.table import frame_records


def _events(points):
    rows = [
        {
            "event_id": f"e{i}",
            "type": "attack",
            "event_date": "2022-01-01",
            "lon": lon,
            "lat": lat,
            "precision_km": 3.0,
        }
        for i, (lon, lat) in enumerate(points)
    ]
    return frame_records(rows)


# Points are the gazetteer's own (GeoNames/WOF) city points.
CITIES = {
    "Kirkuk": (44.39222, 35.46806),
    "Erbil": (44.01062, 36.19257),
    "Sulaymaniyah": (45.44308, 35.55691),
    "Baghdad": (44.32921, 33.34034),
    "Basra": (47.79747, 30.53302),
}


@pytest.fixture(scope="module")
def enriched():
    return enrich(_events(CITIES.values())).assign(name=list(CITIES))


def test_kirkuk_is_disputed_and_federal(enriched):
    row = enriched.set_index("name").loc["Kirkuk"]
    assert (row["side"], bool(row["in_disputed"])) == ("federal", True)


@pytest.mark.parametrize("name", ["Erbil", "Sulaymaniyah"])
def test_kri_capitals_are_on_the_krg_side(enriched, name):
    assert enriched.set_index("name").loc[name, "side"] == "krg"


@pytest.mark.parametrize("name", ["Baghdad", "Basra"])
def test_south_is_federal_and_far_outside_the_band(enriched, name):
    row = enriched.set_index("name").loc[name]
    assert row["side"] == "federal"
    assert row["dist_to_line_km"] > 100
    assert not row["in_gap_band"]


def test_admin_units_come_from_the_spatial_join(enriched):
    row = enriched.set_index("name").loc["Kirkuk"]
    assert (row["admin1"], row["admin2"]) == ("Kirkuk", "Kirkuk")


def test_event_without_place_gets_unknown_side():
    frame = frame_records([{"event_id": "x", "type": "meeting", "event_date": "2022-01-01"}])
    row = enrich(frame).iloc[0]
    assert row["side"] == "unknown"
    assert np.isnan(row["dist_to_line_km"])


def test_region_wide_event_gets_no_district_or_side():
    frame = frame_records(
        [
            {
                "event_id": "x",
                "type": "operation",
                "event_date": "2022-01-01",
                "lon": 44.1,
                "lat": 35.3,
                "precision_km": 200.0,
            }
        ]
    )
    row = enrich(frame).iloc[0]
    assert row["admin2"] is None
    assert row["side"] == "unknown"


def test_band_area_matches_an_independent_buffer_within_one_percent():
    band = zones.gap_band(10).to_crs(32638).geometry.iloc[0]
    line = zones.coordination_line().to_crs(32638).geometry.iloc[0]
    iraq = gpd.GeoSeries([zones.iraq_outline()], crs=4326).to_crs(32638).iloc[0]
    independent = shapely.buffer(line, 10_000, quad_segs=32).intersection(iraq)
    assert band.area == pytest.approx(independent.area, rel=0.01)


def test_band_distance_agrees_with_enrich():
    # A point just inside the band's edge is in_gap_band; one just outside is not.
    line = zones.coordination_line().to_crs(32638).geometry.iloc[0]
    start = shapely.get_point(
        shapely.get_geometry(line, 0) if hasattr(line, "geoms") else line,
        len(shapely.get_coordinates(line)) // 2,
    )
    pts = gpd.GeoSeries(
        [shapely.Point(start.x + 9_000, start.y), shapely.Point(start.x + 40_000, start.y)],
        crs=32638,
    ).to_crs(4326)
    out = enrich(_events([(p.x, p.y) for p in pts]))
    assert out["dist_to_line_km"].iloc[0] <= 9.01
    assert out["dist_to_line_km"].iloc[1] > 10


@pytest.mark.parametrize(
    "name",
    [
        "coordination_line",
        "gap_band",
        "disputed_territories",
        "governorates",
        "districts",
        "coordination_centres",
        "kurdistan_region",
    ],
)
def test_every_reference_layer_is_valid_and_inside_iraq(name):
    frame = reference_layers()[name]
    assert frame.crs.to_epsg() == 4326
    assert shapely.is_valid(frame.geometry.to_numpy()).all()
    minx, miny, maxx, maxy = frame.total_bounds
    assert 38.7 <= minx
    assert maxx <= 48.7
    assert 29.0 <= miny
    assert maxy <= 37.5


def test_line_carries_its_method_and_uncertainty():
    props = zones.coordination_line().iloc[0]
    assert props["approximate"]
    assert props["uncertainty_km"] > 0
    assert "Makhmour" in props["method"]


def test_disputed_list_has_the_unami_units():
    names = set(zones.disputed_territories()["unami_name"])
    assert {"Sinjar", "Kirkuk", "Makhmour", "Khanaqin", "Mandali"} <= names
    assert len(names) == 15


def test_centres_cite_their_article():
    centres = zones.coordination_centres()
    assert set(centres["source"]) >= {"seeds/003_fa08463693ebcb2d.txt"}
    assert (centres["precision_km"] > 0).all()


def test_zones_written_as_rfc7946_and_one_geopackage(tmp_path):
    paths = write_reference_layers(reference_layers(), tmp_path)
    assert (tmp_path / "zones.gpkg") in paths
    raw = json.loads((tmp_path / "gap_band.geojson").read_text())
    assert "crs" not in raw
    ring = raw["features"][0]["geometry"]["coordinates"][0]
    # RFC 7946 right-hand rule: exterior rings counter-clockwise.
    assert shapely.Polygon(ring).exterior.is_ccw


def _feature_file(path, geometry):
    feature = {"type": "Feature", "properties": {}, "geometry": geometry}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def test_user_line_replaces_the_default(tmp_path):
    path = _feature_file(
        tmp_path / "line.geojson",
        {"type": "LineString", "coordinates": [[44.0, 35.0], [45.0, 35.0]]},
    )
    z = Zones.default(line=zones.load_line(path))
    out = enrich(_events([(44.5, 35.05)]), zones_=z)
    assert out["dist_to_line_km"].iloc[0] == pytest.approx(5.56, abs=0.2)


def test_line_file_with_polygons_is_refused(tmp_path):
    path = _feature_file(
        tmp_path / "poly.geojson",
        {"type": "Polygon", "coordinates": [[[44, 35], [45, 35], [45, 36], [44, 35]]]},
    )
    with pytest.raises(ValueError, match="LineString"):
        zones.load_line(path)


def test_summaries_count_by_district_and_band(enriched):
    tables = summary_tables(enriched)
    events = (~enriched["aggregate"].fillna(False) & ~enriched["background"].fillna(False)).sum()
    assert tables["by_district_type_month"]["events"].sum() == events
    assert set(tables["by_distance_band"]["band"]) <= {
        "0-5 km",
        "5-10 km",
        "10-25 km",
        "25+ km",
        "unplaced",
    }

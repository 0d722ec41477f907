"""Kinds and radii: seats of units are towns, quarters lie in their city, long features have lines."""

import pytest

from gazetteer.geometry import distance_km
from gazetteer.model import Place
from gazetteer.shapes import PART_KM, nearest_part


@pytest.mark.parametrize(
    "name",
    # Towns of thousands, seats of sub-districts; GeoNames codes them PPL without population.
    ["Jalawla", "Saadiya", "Amerli", "Sulaiman Beg", "Qara Tapa", "Celewla"],
)
def test_seat_of_a_unit_is_a_town_with_a_town_radius(gaz, name):
    place = gaz.resolve(name).place
    assert place.kind == "town"
    assert place.precision_km >= 3


def test_quarters_are_neighbourhoods_inside_their_city(gaz):
    quarters = [p for p in gaz.places if p.city]
    assert {"Mosul", "Kirkuk", "Baghdad"} <= {p.city for p in quarters}
    for p in quarters:
        assert p.kind == "neighbourhood"
        city = next(c for c in gaz.places_named(p.city) if c.kind == "city")
        assert distance_km(p, city) <= 12.0, p


def test_conflict_map_layer_is_credited_per_place(gaz):
    credited = [p for p in gaz.places if "wikipedia-iraq-conflict-map" in p.source]
    assert len(credited) > 1000
    assert gaz.resolve("Tal Sufouq border crossing").place.source == "wikipedia-iraq-conflict-map"


@pytest.mark.parametrize("place_id", ["kclmap-f001", "kclmap-f011"])  # Hamrin, Wadi Hauran
def test_long_feature_has_a_line_for_the_map(gaz, place_id):
    shape = gaz.shape(place_id)
    assert shape is not None
    assert shape["type"] == "LineString"
    assert len(shape["coordinates"]) >= 2


def test_range_named_near_a_town_is_placed_at_its_nearest_part(gaz):
    # "in the Hamrin mountains near Tuz": not the range's NW end near Tikrit, 120 km off.
    tuz = gaz.resolve("Tuz Khurmatu").place
    alone = gaz.resolve("Hamrin Mountains").place
    near = gaz.resolve("Hamrin Mountains", context=[tuz]).place
    assert distance_km(near, tuz) < distance_km(alone, tuz) - 50
    assert near.precision_km == PART_KM


def _point(lon: float, lat: float, km: float = 1.0) -> Place:
    return Place("p", "p", "town", lon, lat, "", "", "", None, km, 0, 0.0, "")


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [((44.0, 35.5), (44.0, 35.0)), ((46.0, 35.0), (45.0, 35.0)), ((43.0, 34.0), (44.0, 35.0))],
)
def test_nearest_part_projects_onto_the_line(anchor, expected):
    line = ((44.0, 35.0), (45.0, 35.0))
    feature = Place("f", "f", "range", 44.0, 35.0, "A", "B", "C", None, 150.0, 0, 0.7, "")
    part = nearest_part(feature, line, [_point(*anchor)])
    assert (part.lon, part.lat) == pytest.approx(expected, abs=1e-3)
    assert part.precision_km == PART_KM
    assert (part.admin1, part.admin2) == ("", "")


def test_nearest_part_without_anchors_is_the_feature_itself():
    feature = _point(44.0, 35.0, 150.0)
    assert nearest_part(feature, ((44.0, 35.0), (45.0, 35.0)), []) is feature

import json
from datetime import date

import pyogrio
import pytest

from geo.errors import InputError
from geo.gisio import read_events, write_events
from geo.pipeline import extract


@pytest.fixture(scope="module")
def events(spotter):
    from tests.conftest import SEEDS

    return extract(SEEDS, spotter=spotter)


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_events_round_trip_without_loss(tmp_path, events, suffix):
    path = write_events(events, tmp_path / f"events{suffix}")
    back = read_events(path)
    assert len(back) == len(events)
    assert list(back.event_id) == list(events.event_id)
    assert all(isinstance(d, date) for d in back.event_date.dropna())
    assert list(back.event_date) == list(events.event_date)
    assert list(back.fatalities.fillna(-1)) == list(events.fatalities.fillna(-1))
    assert back.crs.to_epsg() == 4326


def test_geopackage_has_real_date_and_integer_fields(tmp_path, events):
    path = write_events(events, tmp_path / "e.gpkg")
    info = pyogrio.read_info(path, layer="events")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["event_date"] == "datetime64[D]"
    assert types["fatalities"] == "int64"
    assert types["joint"] == "bool"


def test_geojson_follows_rfc7946(tmp_path, events):
    raw = json.loads(write_events(events, tmp_path / "e.geojson").read_text())
    assert "crs" not in raw
    for feat in raw["features"]:
        if feat["geometry"]:
            lon, lat = feat["geometry"]["coordinates"]
            assert 38 < lon < 49
            assert 29 < lat < 38
            assert len(str(lon).split(".")[-1]) <= 6


def test_hand_edited_csv_is_read_back(tmp_path, events):
    path = write_events(events, tmp_path / "e.csv")
    text = path.read_text().replace(",attack,", ",operation,", 1)
    path.write_text(text)
    back = read_events(path)
    assert "operation" in set(back["type"])


def test_bad_cell_in_edited_file_is_a_clear_error(tmp_path, events):
    path = write_events(events, tmp_path / "e.csv")
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace("2022-08-08", "8th of August", 1)
    path.write_text("\n".join(lines))
    # Rows count as in a spreadsheet: the header is row 1, the first event row 2.
    with pytest.raises(InputError, match=r"event_date.*row 2.*ISO date"):
        read_events(path)


@pytest.mark.parametrize("name", ["events.txt", "events.shp"])
def test_unknown_output_format_is_refused(tmp_path, events, name):
    with pytest.raises(InputError, match=r"geojson, \.gpkg or \.csv"):
        write_events(events, tmp_path / name)


def test_failed_write_leaves_existing_file_untouched(tmp_path, events, monkeypatch):
    target = tmp_path / "e.geojson"
    target.write_text("precious")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("geo.gisio.write_layer", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        write_events(events, target)
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["e.geojson"]

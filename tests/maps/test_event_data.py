"""The event table as the browser gets it: column-wise, coded, rounded, and drawn by kind."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from geo.gisio import read_events
from maps.event_data import (
    event_columns,
    event_rows,
    grid_counts,
    safe_json,
)
from tests.conftest import DATA


@pytest.fixture(scope="module")
def events():
    return read_events(DATA / "map_events.csv")


@pytest.fixture(scope="module")
def rows(events):
    data = event_rows(events)
    return {
        r[data["columns"].index("event_id")]: dict(zip(data["columns"], r, strict=True))
        for r in data["rows"]
    }


@pytest.mark.parametrize(
    ("event_id", "drawn_as"),
    [
        ("m01-point-makhmur", "point"),  # a town, 3 km
        ("m02-point-daquq", "point"),
        ("m03-district-hamdaniya", "area"),  # a district: the area marker, radius on hover
        ("m04-region-garmiyan", "listed"),  # a region is no point event, whatever its radius
        ("m05-governorate-kirkuk", "listed"),  # Kirkuk governorate, not Kirkuk city
        ("m06-unplaced", "listed"),
        ("m07-undated-kirkuk", "point"),  # Kirkuk city
        ("m08-aggregate", "listed"),  # "the disputed territories", 288 km
    ],
)
def test_each_event_is_drawn_by_how_precisely_it_is_placed(rows, event_id, drawn_as):
    assert rows[event_id]["drawn_as"] == drawn_as


def test_columns_decode_to_the_table_values(events, rows):
    makhmur = rows["m01-point-makhmur"]
    assert (makhmur["lat"], makhmur["lon"]) == (35.7778, 43.5814)  # rounded to 4 decimals
    assert makhmur["event_date"] == "2022-03-05"
    assert makhmur["confidence"] == 0.9
    assert makhmur["joint"] is False
    assert rows["m06-unplaced"]["lat"] is None
    assert rows["m07-undated-kirkuk"]["event_date"] is None
    assert rows["a-77"]["same_as"] == "m01-point-makhmur"
    assert len(rows) == len(events)


def test_repeated_text_travels_once_as_category_codes():
    frame = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(1000)],
            "type": ["attack", "meeting"] * 500,
            "quote": ["The same sentence."] * 1000,
            "lat": np.linspace(34, 36, 1000),
            "lon": np.linspace(43, 45, 1000),
        }
    )
    data = event_columns(frame)
    assert data["cat"]["quote"] == ["The same sentence."]
    assert set(data["code"]["quote"]) == {0}
    assert data["cat"]["type"] == ["attack", "meeting"]
    assert "event_id" in data["num"]  # one value per event: no codes
    assert data["scale"]["lat"] == 10_000
    assert all(isinstance(v, int) for v in data["num"]["lat"])


@pytest.mark.parametrize("n", [2, 4, 30])
def test_event_dates_are_codes_for_the_date_filter_even_when_all_differ(n):
    # the map's slider and its undated count read event_date from code/cat only
    dates = pd.date_range("2024-10-01", periods=n, freq="D").strftime("%Y-%m-%d")
    frame = pd.DataFrame(
        {"event_date": dates, "lat": [35.0] * n, "lon": [44.0] * n, "type": ["attack"] * n}
    )
    data = event_columns(frame)
    assert "event_date" not in data["num"]
    decoded = [data["cat"]["event_date"][c] for c in data["code"]["event_date"]]
    assert decoded == list(dates)


@pytest.mark.parametrize("text", ["", "   "])
def test_blank_text_is_missing_not_a_category(text):
    frame = pd.DataFrame({"place": ["Kirkuk", text, None], "lat": [35.0] * 3, "lon": [44.0] * 3})
    data = event_columns(frame)
    assert data["cat"]["place"] == ["Kirkuk"]
    assert data["code"]["place"] == [0, -1, -1]


def test_article_text_cannot_close_the_data_script():
    frame = pd.DataFrame(
        {"quote": ["</script><script>alert(1)</script>"], "lat": [35.0], "lon": [44.0]}
    )
    text = safe_json(event_columns(frame))
    assert "</script>" not in text
    assert json.loads(text)["cat"]["quote"] == ["</script><script>alert(1)</script>"]


@pytest.mark.parametrize("cell", [0.2, 0.05])
def test_grid_counts_every_drawn_event_once(events, rows, cell):
    grid = grid_counts(events, cell)
    drawn = sum(1 for r in rows.values() if r["drawn_as"] != "listed")
    assert sum(grid["count"]) == drawn
    for lat, lon in zip(grid["lat"], grid["lon"], strict=True):
        assert lat == pytest.approx(round(lat / cell) * cell)
        assert lon == pytest.approx(round(lon / cell) * cell)


def test_grid_cells_hold_their_events():
    frame = pd.DataFrame({"lat": [35.01, 35.03, 35.26, -0.01], "lon": [44.01, 44.02, 44.31, -0.01]})
    grid = grid_counts(frame, 0.1)
    cells = {
        (round(a, 1), round(o, 1)): c
        for a, o, c in zip(grid["lat"], grid["lon"], grid["count"], strict=True)
    }
    assert cells == {(35.0, 44.0): 2, (35.2, 44.3): 1, (-0.1, -0.1): 1}

"""The same event in two datasets is linked; near misses in type, date or place are not."""

from datetime import date

import pandas as pd
import pytest

from geo.datasets import link_sources, overlap_summary
from geo.gisio import read_events
from geo.table import frame_records
from tests.conftest import DATA

TABLES = DATA / "datasets"


@pytest.fixture(scope="module")
def linked():
    frames = [
        read_events(TABLES / n) for n in ("kclmap_events.csv", "acled_current.csv", "ucdp_ged.csv")
    ]
    return link_sources(pd.concat(frames, ignore_index=True)).set_index("event_id")


@pytest.mark.parametrize(
    ("event_id", "same_as"),
    [
        # The IS attack near Makhmur on 2 December 2021, in all three sources.
        ("d5a561dab78c0316", "acled:IRQ90001; ucdp:900001"),
        ("ucdp:900001", "acled:IRQ90001; d5a561dab78c0316"),
        # The Peshmerga clash at Gulah Jaw: ACLED places it 1.3 km away, within 25 km.
        ("0bc8fe80b1a8c39b", "acled:IRQ90002"),
        # ACLED dates the Tuz IED to a week, UCDP to 12-14 March: the ranges overlap.
        ("acled:IRQ90003", "ucdp:900003"),
        # A meeting in Erbil has nothing alike in ACLED or UCDP.
        ("af4e1e066ee1ee65", None),
        # An ACLED arrest in Kirkuk: no kclmap arrest there.
        ("acled:IRQ90004", None),
    ],
)
def test_same_event_across_sources_is_linked(linked, event_id, same_as):
    value = linked.loc[event_id, "same_as"]
    assert (None if pd.isna(value) else value) == same_as


def _pair(**changes):
    base = {
        "type": "attack",
        "event_date": "2022-03-13",
        "date_precision": "day",
        "lat": 35.0,
        "lon": 44.0,
        "precision_km": 5.0,
    }
    rows = [
        base | {"event_id": "k1", "dataset": "kclmap"},
        base | {"event_id": "a1", "dataset": "acled"} | changes,
    ]
    return link_sources(frame_records(rows))


@pytest.mark.parametrize(
    ("changes", "linked"),
    [
        ({}, True),
        ({"event_date": "2022-03-14"}, True),  # within a day
        ({"event_date": "2022-03-15"}, False),  # two days apart
        ({"event_date": "2022-03-01", "date_precision": "month"}, True),  # March contains the day
        ({"lat": 35.08}, True),  # ~8.9 km: within the 10 km floor
        ({"lat": 35.12}, False),  # ~13 km, both placed to 5 km
        ({"lat": 35.12, "precision_km": 25.0}, True),  # the larger precision counts
        ({"type": "operation"}, True),  # one family: violence
        ({"type": "arrest"}, False),
        ({"dataset": "kclmap"}, False),  # one dataset is never linked to itself
        ({"aggregate": True}, False),  # a statistic is no event
    ],
)
def test_link_needs_type_family_date_and_place(changes, linked):
    frame = _pair(**changes)
    assert (frame.loc[0, "same_as"] == "a1") is linked


def test_event_without_place_or_date_links_to_nothing():
    frame = _pair(lat=None, lon=None)
    assert frame["same_as"].isna().all()
    frame = _pair(event_date=None)
    assert frame["same_as"].isna().all()


def test_summary_counts_extracted_events_found_in_each_dataset(linked):
    lines = overlap_summary(linked.reset_index())
    assert "1 of the 1 extracted attack is also in ACLED" in lines
    assert "1 of the 1 extracted attack is also in UCDP" in lines
    # kclmap's single operations (not its aggregates) are compared with ACLED's battles.
    operations = read_events(TABLES / "kclmap_events.csv")
    single = int(((operations["type"] == "operation") & ~operations["aggregate"]).sum())
    assert f"1 of the {single} extracted operations are also in ACLED" in lines


def test_one_dataset_alone_gets_an_empty_same_as_column():
    frame = link_sources(read_events(TABLES / "kclmap_events.csv"))
    assert frame["same_as"].isna().all()
    assert overlap_summary(frame) == []


def test_date_range_of_a_ucdp_event_is_its_stated_range():
    from geo.datasets.common import date_range

    assert date_range(date(2022, 3, 12), "week", date(2022, 3, 14)) == (
        date(2022, 3, 12),
        date(2022, 3, 14),
    )
    assert date_range(date(2022, 4, 1), "quarter") == (date(2022, 4, 1), date(2022, 6, 30))


def test_a_country_level_event_does_not_link_across_months():
    # An event known only to the country (400 km) links to one on 14 March, not in April.
    frame = _pair(precision_km=400.0, lat=36.0, event_date="2022-04-20")
    assert frame["same_as"].isna().all()
    frame = _pair(precision_km=400.0, lat=36.0, event_date="2022-03-14")
    assert frame.loc[0, "same_as"] == "a1"

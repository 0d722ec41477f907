"""Counts for stats and the report: events only, statistics and history apart, honest bands."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.analysis import UNCERTAIN_BAND, enrich, event_kind, summary_tables
from geo.gisio import read_events
from tests.conftest import DATA


@pytest.fixture(scope="module")
def enriched():
    return enrich(read_events(DATA / "map_events.csv"))


@pytest.fixture(scope="module")
def tables(enriched):
    return summary_tables(enriched)


@pytest.mark.parametrize(
    ("event_id", "kind"),
    [
        ("m01-point-makhmur", "event"),
        ("m08-aggregate", "aggregate"),  # "at least 6 operations": a statistic
        ("m09-background", "background"),  # 2017, told as history
    ],
)
def test_each_record_is_an_event_a_statistic_or_history(enriched, event_id, kind):
    kinds = event_kind(enriched)
    assert kinds[enriched["event_id"] == event_id].item() == kind


@pytest.mark.parametrize("table", ["by_district_type_month", "by_distance_band"])
def test_event_counts_leave_out_statistics_and_history(tables, enriched, table):
    events = int((event_kind(enriched) == "event").sum())
    assert tables[table]["events"].sum() == events
    assert events == len(enriched) - 2


def test_statistics_and_history_are_listed_apart(tables):
    assert tables["aggregates"]["count"].tolist() == [6]
    assert tables["background"].to_dict("records") == [
        {"year": "2017", "type": "operation", "records": 1}
    ]


def test_month_axis_is_continuous_with_empty_months_as_zero(tables):
    months = tables["by_month_type"]["month"].unique().tolist()
    assert months == [str(p) for p in pd.period_range("2022-03", "2022-10", freq="M")]
    per_month = tables["by_month_type"].groupby("month")["events"].sum()
    assert per_month["2022-04"] == 0  # only the statistic falls in April
    assert per_month["2022-06"] == 0
    assert tables["undated_events"]["events"].sum() == 1


@pytest.mark.parametrize(
    ("event_id", "banded"),
    [
        ("m01-point-makhmur", True),  # a town, 3 km
        ("m03-district-hamdaniya", False),  # a district, 30 km: not in a distance band
        ("m04-region-garmiyan", False),  # a region, 73 km
    ],
)
def test_only_precisely_placed_events_go_in_distance_bands(enriched, event_id, banded):
    one = summary_tables(enriched[enriched["event_id"] == event_id])
    bands = one["by_distance_band"]["band"].astype(str).tolist()
    assert (bands != [UNCERTAIN_BAND]) is banded


@pytest.mark.parametrize(
    ("event_date", "published", "kind"),
    [
        ("2017-10-16", "2022-08-08", "background"),  # told five years later, flag or not
        ("2021-09-01", "2022-08-08", "event"),  # under a year before the article
        ("2017-10-16", None, "event"),  # no publication date: only the flag decides
    ],
)
def test_history_more_than_a_year_before_its_article_is_background(event_date, published, kind):
    frame = pd.DataFrame(
        {"event_date": [event_date], "published": [published], "background": [False]}
    )
    assert event_kind(frame).item() == kind

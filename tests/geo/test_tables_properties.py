"""Properties of the table round trips: any kclmap event survives the ACLED layout, and any
day-first column a spreadsheet writes is read back as the dates it holds."""

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.delimited import Sheet, normalise_dates
from geo.errors import InputError
from geo.events import ACLED_TYPES
from geo.gisio import write_events
from geo.readers import read_table
from geo.table import frame_records

KINDS = sorted(ACLED_TYPES)  # "attack", "attack:explosive", ...
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from([",", ";", '"', "\n", "–", "“"]),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() == t and t.strip())
events = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        "joint": st.sampled_from([True, False, None]),
        "event_date": st.dates(date(1990, 1, 1), date(2030, 12, 31)),
        "date_precision": st.sampled_from(["day", "week", "month", "quarter", "year"]),
        "lat": st.floats(29.0, 37.4, allow_nan=False).map(lambda v: round(v, 6)),
        "lon": st.floats(38.8, 48.6, allow_nan=False).map(lambda v: round(v, 6)),
        "geo_precision": st.sampled_from([1, 2, 3, None]),
        "fatalities": st.one_of(st.none(), st.integers(0, 500)),
        "actor1": st.one_of(st.none(), text),
        "quote": text,
    }
)


def _frame(items):
    rows = []
    for i, item in enumerate(items):
        kind, _, subtype = item.pop("kind").partition(":")
        if item["date_precision"] == "month":
            item["event_date"] = item["event_date"].replace(day=1)
        rows.append(item | {"event_id": f"{i:016x}", "type": kind, "subtype": subtype or None})
    return frame_records(rows)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(events, min_size=1, max_size=5))
@example(
    [
        {
            "kind": "other:protest",
            "joint": None,
            "event_date": date(2022, 5, 20),
            "date_precision": "day",
            "lat": 35.557,
            "lon": 45.435,
            "geo_precision": 1,
            "fatalities": None,
            "actor1": 'Teachers, "union"',
            "quote": 'Line one,\nline "two"',
        }
    ]
)
def test_any_kclmap_event_survives_the_acled_layout(tmp_path_factory, items):
    frame = _frame(items)
    path = write_events(frame, tmp_path_factory.mktemp("acled") / "acled.csv", schema="acled")
    back = read_table(path)
    assert back.format == "acled"
    for column in (
        "event_id",
        "type",
        "subtype",
        "joint",
        "event_date",
        "date_precision",
        "geo_precision",
        "fatalities",
        "actor1",
        "quote",
        "dataset",
    ):
        assert list(back.frame[column].astype(object).fillna("-")) == list(
            frame[column].astype(object).fillna("-")
        ), column
    assert list(back.frame["lat"]) == list(frame["lat"])
    assert list(back.frame["lon"]) == list(frame["lon"])


@given(st.lists(st.dates(date(1971, 1, 1), date(2069, 12, 31)), min_size=1, max_size=12))
@example([date(2022, 8, 8), date(2021, 12, 25)])
def test_a_day_first_column_reads_back_as_its_dates(days):
    sheet = Sheet(["event_date"], [{"event_date": d.strftime("%d/%m/%Y")} for d in days], [2])
    # Only days of 1-12 that differ from their month could be read month-first as well.
    ambiguous = all(d.day <= 12 for d in days) and any(d.day != d.month for d in days)
    if ambiguous:
        with pytest.raises(InputError, match="could be day/month or month/day"):
            normalise_dates(sheet, ["event_date"])
    else:
        normalise_dates(sheet, ["event_date"])
        assert [r["event_date"] for r in sheet.rows] == [d.isoformat() for d in days]

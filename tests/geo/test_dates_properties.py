"""Properties of date resolution over generated text (hypothesis)."""

from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.dates import find_dates

FRAGMENTS = st.sampled_from(
    [
        "on Monday",
        "last Thursday",
        "Tuesday night",
        "yesterday",
        "two days ago",
        "3 weeks ago",
        "five years ago",
        "three days earlier",
        "a day later",
        "the next day",
        "June 23",
        "23 June",
        "Sept. 25, 2017",
        "12/25/2021",
        "3/11/2021",
        "31/02/2021",
        "07-03-2023",
        "2021/12/04",
        "2022-08-09T10:00:00Z",
        "in 2014",
        "since 2014",
        "the second quarter of 2022",
        "Q3 2021",
        "last month",
        "this year",
        "as of Sunday",
        "next week",
        "will start on Friday",
        ", ",
        ". ",
        " ",
        "the attack",
        "ISIS militants attacked a post",
        "/",
        "-",
        "0",
        "19",
        "2020",
    ]
)
TEXTS = st.one_of(
    st.lists(FRAGMENTS, max_size=12).map(" ".join),
    st.text(max_size=200),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=10).map("".join),
)
DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.one_of(st.none(), DATES), st.one_of(st.none(), DATES), st.booleans())
@example("Three days earlier, police arrested a suspect.", date(2021, 12, 6), None, True)
@example("on 12/25/2021 and 2021/12/04", None, None, True)
def test_find_dates_never_crashes_and_keeps_its_promises(text, published, anchor, day_first):
    refs = find_dates(text, published, anchor=anchor, day_first=day_first)
    last_end = -1
    for ref in refs:
        # offsets are valid, ordered and never overlap
        assert 0 <= ref.start < ref.end <= len(text)
        assert text[ref.start : ref.end] == ref.text
        assert ref.start >= last_end
        last_end = ref.end
        # an unresolved date says so
        assert (ref.value is None) == (ref.precision == "unknown")
        if ref.end_value is not None and ref.value is not None:
            assert ref.end_value >= ref.value
        # nothing resolved after publication unless marked as future
        if published is not None and ref.value is not None and not ref.future:
            assert ref.value <= published
        # relative expressions never resolve without something to count from
        if published is None and ref.kind in ("on_wd", "last_wd", "rel_day", "ago", "md", "dm"):
            assert ref.value is None
        if anchor is None and ref.kind in ("shift", "shift_day"):
            assert ref.value is None


@settings(max_examples=300, deadline=None)
@given(DATES, st.booleans())
def test_numeric_dates_round_trip(day, day_first):
    for text in (day.isoformat(), f"{day.year}/{day.month}/{day.day}"):
        (ref,) = find_dates(f"on {text},", None)
        assert (ref.value, ref.precision) == (day, "day")
    (ref,) = find_dates(f"on {day.day}/{day.month}/{day.year},", None, day_first=day_first)
    if day.day > 12 or day.day == day.month or day_first:
        assert ref.value == day
    else:  # both numbers could be the month: read the other way round
        assert ref.value == date(day.year, day.day, day.month)


@settings(max_examples=300, deadline=None)
@given(DATES, st.integers(min_value=1, max_value=12))
def test_days_ago_and_weekdays_count_back_from_publication(published, n):
    (ago,) = find_dates(f"{n} days ago", published)
    assert ago.value == published - timedelta(days=n)
    for weekday in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        (ref,) = find_dates(f"on {weekday}", published)
        assert ref.value is not None
        assert 0 <= (published - ref.value).days <= 6
        assert ref.value.strftime("%A") == weekday

from datetime import date

import pytest

from geo.dates import find_dates, parse_publication_date

PUB = date(2021, 12, 4)  # a Saturday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Monday", date(2021, 11, 29), "day"),
        ("on Saturday", date(2021, 12, 4), "day"),  # the publication day itself
        ("last Thursday", date(2021, 12, 2), "day"),
        ("last Saturday", date(2021, 11, 27), "day"),  # a week back, not today
        ("June 23", date(2021, 6, 23), "day"),
        ("December 25", date(2020, 12, 25), "day"),  # no year: the latest on or before
        ("Sept. 25, 2017", date(2017, 9, 25), "day"),
        ("Dec. 4, 2021", date(2021, 12, 4), "day"),
        ("4 December 2021", date(2021, 12, 4), "day"),
        ("Saturday, 11 May 2024", date(2024, 5, 11), "day"),
        ("2022-08-09", date(2022, 8, 9), "day"),
        ("2021-12-04T10:00:00Z", date(2021, 12, 4), "day"),
        ("3/11/2021", date(2021, 11, 3), "day"),  # day/month on Middle-Eastern sites
        ("the second quarter of 2022", date(2022, 4, 1), "quarter"),
        ("Q3 2021", date(2021, 7, 1), "quarter"),
        ("in October 2017", date(2017, 10, 1), "month"),
        ("last month", date(2021, 11, 1), "month"),
        ("yesterday", date(2021, 12, 3), "day"),
        ("in 2017", date(2017, 1, 1), "year"),
    ],
)
def test_expression_resolves_against_publication_date(text, value, precision):
    refs = find_dates(text, PUB)
    assert [(r.value, r.precision) for r in refs] == [(value, precision)]


def test_as_of_sunday_is_a_future_start_not_an_event_date():
    (ref,) = find_dates("the agreement will enter into force as of Sunday", PUB)
    assert ref.future
    assert ref.value == date(2021, 12, 5)


def test_weekday_without_publication_date_stays_unresolved():
    (ref,) = find_dates("on Tuesday", None)
    assert ref.value is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (" date 2022-08-09 ERBIL (Kurdistan 24)", date(2022, 8, 9)),
        ("Kurdistan 05:49 PM - 2021-12-04", date(2021, 12, 4)),
        ("• Saturday, 11 May 2024\nlogo", date(2024, 5, 11)),
        # A header "today" beside a marked publication date: the marked one wins.
        ("• Saturday, 11 May 2024 | Home | News\nPublished: 3 May 2023", date(2023, 5, 3)),
        ("No date in these lines at all", None),
    ],
)
def test_publication_date_from_opening_lines(header, expected):
    assert parse_publication_date(header) == expected

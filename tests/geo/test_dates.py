from datetime import date

import pytest

from geo.dates import day_month, find_dates

PUB = date(2021, 12, 4)  # a Saturday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Monday", date(2021, 11, 29), "day"),
        ("on Saturday", date(2021, 12, 4), "day"),  # the publication day itself
        ("last Thursday", date(2021, 12, 2), "day"),
        ("last Saturday", date(2021, 11, 27), "day"),  # a week back, not today
        ("June 23", date(2021, 6, 23), "day"),
        ("December 25", date(2021, 12, 25), "day"),  # no year: the publication's (ahead)
        ("January 2", date(2021, 1, 2), "day"),
        ("Sept. 25, 2017", date(2017, 9, 25), "day"),
        ("Dec. 4, 2021", date(2021, 12, 4), "day"),
        ("4 December 2021", date(2021, 12, 4), "day"),
        ("Saturday, 11 May 2024", date(2024, 5, 11), "day"),
        ("2022-08-09", date(2022, 8, 9), "day"),
        ("2021-12-04T10:00:00Z", date(2021, 12, 4), "day"),
        ("3/11/2021", date(2021, 11, 3), "day"),  # day/month on Middle-Eastern sites
        ("12/25/2021", date(2021, 12, 25), "day"),  # a day over 12 comes first: month first
        ("25/12/2021", date(2021, 12, 25), "day"),
        ("07-03-2023", date(2023, 3, 7), "day"),  # day-month-year with dashes
        ("07.03.2023", date(2023, 3, 7), "day"),
        ("2021/12/04", date(2021, 12, 4), "day"),
        ("2021.12.04", date(2021, 12, 4), "day"),
        ("two days ago", date(2021, 12, 2), "day"),
        ("2 days ago", date(2021, 12, 2), "day"),
        ("a week ago", date(2021, 11, 27), "week"),
        ("three months ago", date(2021, 9, 1), "month"),
        ("five years ago", date(2016, 1, 1), "year"),  # history, at year precision
        ("the second quarter of 2022", date(2022, 4, 1), "quarter"),
        ("Q3 2021", date(2021, 7, 1), "quarter"),
        ("in October 2017", date(2017, 10, 1), "month"),
        # A month without its year: this year's, or last year's when still ahead.
        ("in November", date(2021, 11, 1), "month"),
        ("in late April", date(2021, 4, 1), "month"),
        ("at the end of December", date(2021, 12, 1), "month"),
        ("mid-December", date(2021, 12, 1), "month"),
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
    ("text", "value"),
    [
        ("Three days earlier, police arrested a suspect.", date(2021, 11, 28)),
        ("Two days later, a bomb went off.", date(2021, 12, 3)),
        ("A week earlier, jets struck a cave.", date(2021, 11, 24)),
        ("The day before, a patrol was ambushed.", date(2021, 11, 30)),
        ("The next day, troops swept the village.", date(2021, 12, 2)),
        ("Two days before, gunmen fired on a post.", date(2021, 11, 29)),
    ],
)
def test_shift_counts_from_the_date_told_before(text, value):
    anchor = date(2021, 12, 1)  # the date of the event told before this sentence
    (ref,) = find_dates(text, PUB, anchor=anchor)
    assert ref.value == value


@pytest.mark.parametrize(
    "text", ["Three days earlier, police arrested a suspect.", "The next day, troops swept it."]
)
def test_shift_without_anchor_is_unresolved_not_the_publication_date(text):
    (ref,) = find_dates(text, PUB)
    assert (ref.value, ref.precision) == (None, "unknown")


def test_before_a_noun_is_a_reference_not_a_shift():
    assert find_dates("two days before the elections", PUB, anchor=date(2021, 12, 1)) == []


@pytest.mark.parametrize("text", ["on 31/02/2021", "on 13/13/2021", "2021/02/30"])
def test_impossible_date_is_found_but_unresolved(text):
    (ref,) = find_dates(text, PUB)
    assert (ref.value, ref.precision) == (None, "unknown")
    assert text[ref.start : ref.end] == ref.text


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Since 2014, shepherds have been targeted.", True),
        ("after the Sept. 25, 2017, referendum", True),
        ("until Sunday", True),
        ("in 2014 the group seized Mosul", False),
        ("on Monday", False),
    ],
)
def test_reference_points_are_marked(text, reference):
    (ref,) = find_dates(text, PUB)
    assert ref.reference is reference


def test_bare_year_has_year_precision_never_a_day():
    (ref,) = find_dates("Since 2014, shepherds in the area have been targeted.", None)
    assert (ref.value, ref.precision, ref.end_value) == (
        date(2014, 1, 1),
        "year",
        date(2014, 12, 31),
    )


@pytest.mark.parametrize(
    ("first", "second", "day_first", "expected"),
    [
        (3, 11, True, (3, 11)),
        (3, 11, False, (11, 3)),
        (12, 25, True, (25, 12)),  # 25 can only be the day
        (25, 12, False, (25, 12)),
        (13, 14, True, None),
    ],
)
def test_day_month_order(first, second, day_first, expected):
    assert day_month(first, second, day_first=day_first) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the day before the elections",
        "two days after the attack on the post",
    ],
)
def test_day_before_or_after_a_noun_is_not_a_shift(text):
    assert [r.kind for r in find_dates(text, PUB, anchor=date(2021, 12, 1))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X came N days after Y": Y, the event this sentence tells, is N days before X
        ("The visit came three days after a shepherd was abducted", date(2021, 11, 28)),
        ("The conference was held two days after a soldier was killed", date(2021, 11, 29)),
        ("The airstrike came a day after gunmen opened fire", date(2021, 11, 30)),
        ("The raid took place a week after the bombing", date(2021, 11, 24)),
    ],
)
def test_came_days_after_counts_back_from_the_event_told_before(text, expected):
    (ref,) = find_dates(text, PUB, anchor=date(2021, 12, 1))
    assert (ref.kind, ref.value) == ("shift_back", expected)


@pytest.mark.parametrize(
    "text", ["to meet again later this month", "an offensive planned later this year"]
)
def test_later_and_coming_periods_are_future(text):
    refs = find_dates(text, PUB)
    assert refs
    assert all(r.future for r in refs)


@pytest.mark.parametrize(
    ("text", "published", "value", "future"),
    [
        ("will meet on December 25", date(2021, 12, 4), date(2021, 12, 25), True),
        ("on December 28", date(2022, 1, 2), date(2021, 12, 28), False),  # the one just gone
        ("on June 23", date(2022, 6, 26), date(2022, 6, 23), False),
    ],
)
def test_day_month_without_year_takes_the_publication_year(text, published, value, future):
    (ref,) = find_dates(text, published)
    assert (ref.value, ref.future) == (value, future)


@pytest.mark.parametrize(
    "text", ["Protesters may march in Kirkuk", "the march on the governorate building"]
)
def test_may_and_march_as_words_are_no_dates(text):
    assert find_dates(text, PUB) == []

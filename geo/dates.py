"""Date expressions in news text, resolved against the publication date.

Pure functions: :func:`find_dates` returns every date expression in a string with its
character span, resolved to a :class:`DateRef` (a date, its precision and the period it
covers). Relative expressions ("on Monday", "last Thursday", "June 23") need the publication
date; without it they are returned unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from geo.casualties import parse_number
from geo.datewords import (
    ANY_DATE,
    FUTURE_CUE,
    MONTHS,
    ORDINALS,
    PATTERNS,
    REFERENCE_CUE,
    UNIT_DAYS,
    WEEKDAYS,
)

__all__ = ["DateRef", "Precision", "day_month", "find_dates"]

Precision = Literal["day", "week", "month", "quarter", "year", "unknown"]


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression found in text: ``text == source[start:end]``.

    ``value`` is the start of the period it names (``None`` when it cannot be read: an
    impossible date such as 31/02/2021, or a relative one with nothing to count from), and
    ``precision`` its width ("unknown" when unresolved). ``future`` marks a date after the
    publication or introduced as a start ("as of Sunday", "next week"); ``reference`` marks a
    date given as a reference point or open period ("since 2014", "after the 2017
    referendum"), not the time of what the sentence tells. ``kind`` names the form read
    ("numeric", "ago", "shift", "on_wd", "year", ...).
    """

    text: str
    start: int
    end: int
    value: date | None
    precision: Precision
    end_value: date | None = None
    future: bool = False
    kind: str = ""
    reference: bool = False

    @property
    def period(self) -> str | None:
        """An ISO-like label of the period for aggregates ("2022-Q2", "2022-06", "2017")."""
        if self.value is None:
            return None
        if self.precision == "quarter":
            return f"{self.value.year}-Q{(self.value.month - 1) // 3 + 1}"
        if self.precision == "month":
            return f"{self.value.year}-{self.value.month:02d}"
        if self.precision == "year":
            return str(self.value.year)
        return self.value.isoformat()


# "Later on Sunday, helicopters targeted ...", "later that day": the same day, later in a
# story told in the past, not a time to come ("later this month")
_LATER_ON = re.compile(r"\blater\s+(?:on|that)\s", re.I)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _minus_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _weekday_on_or_before(pub: date, weekday: int, *, strictly_before: bool = False) -> date:
    delta = (pub.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def day_month(first: int, second: int, *, day_first: bool = True) -> tuple[int, int] | None:
    """Order two numbers of a numeric date as ``(day, month)``, or ``None`` if impossible.

    A number over 12 can only be the day (12/25/2021 is month first); when both could be
    either, ``day_first`` decides (Middle-Eastern and Kurdish sites write 3/11/2021 for
    3 November).
    """
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    if first > 12 or second > 12:
        return None
    return (first, second) if day_first else (second, first)


def _count(word: str) -> int:
    value = parse_number(word)  # _NUM in datewords admits only digits and words it knows
    if value is None:
        raise ValueError(f"not a count: {word!r}")
    return value


Resolved = tuple[date | None, Precision, date | None]


def _resolve_absolute(kind: str, g: dict[str, str], *, day_first: bool) -> Resolved | None:
    """Forms that carry their own year (no publication date needed); ``None`` if not one."""
    if kind in ("iso", "ymd_numeric"):
        return _safe_date(int(g["year"]), int(g["m"]), int(g["d"])), "day", None
    if kind == "numeric":
        order = day_month(int(g["a"]), int(g["b"]), day_first=day_first)
        value = _safe_date(int(g["year"]), order[1], order[0]) if order else None
        return value, "day", None
    if kind in ("dmy", "mdy"):
        return _safe_date(int(g["year"]), MONTHS[g["mon"].lower()], int(g["day"])), "day", None
    if kind == "quarter":
        q = ORDINALS[g["q"].lower()] if g.get("q") else int(g["qn"])
        year = int(g.get("year") or g.get("qyear") or 0)
        start = date(year, 3 * q - 2, 1)
        return start, "quarter", _month_end(date(year, 3 * q, 1))
    if kind == "my":
        start = date(int(g["year"]), MONTHS[g["mon"].lower()], 1)
        return start, "month", _month_end(start)
    if kind == "year":
        year = int(g["year"])
        return date(year, 1, 1), "year", date(year, 12, 31)
    return None


def _resolve_shift(kind: str, g: dict[str, str], anchor: date | None) -> Resolved:
    if anchor is None:
        return None, "unknown", None
    if kind == "shift_day":
        days = -1 if (g["dir"] or g["dir2"]).lower() in ("day before", "previous day") else 1
    else:
        days = _count(g["n"]) * UNIT_DAYS[g["unit"].lower()]
        if kind == "shift_back" or g["dir"].lower() in ("earlier", "previously", "before"):
            days = -days
    value = anchor + timedelta(days=days)
    return value, "day" if g.get("unit", "day").lower() == "day" else "week", None


def _resolve(
    kind: str, m: re.Match[str], pub: date | None, anchor: date | None, day_first: bool
) -> Resolved:
    g = m.groupdict()
    absolute = _resolve_absolute(kind, g, day_first=day_first)
    if absolute is not None:
        return absolute
    if kind in ("shift", "shift_day", "shift_back"):
        return _resolve_shift(kind, g, anchor)
    if pub is None:
        return None, "unknown", None
    if kind == "month_only":
        # The month just gone or this one: a report names a past month without its year.
        month = MONTHS[g["mon"].lower()]
        first = date(pub.year if month <= pub.month else pub.year - 1, month, 1)
        return first, "month", _month_end(first)
    if kind in ("md", "dm"):
        month, day = MONTHS[g["mon"].lower()], int(g["day"])
        # No year: the publication's year ("will meet on December 25", published 4 December,
        # is ahead and marked future), unless that is over half a year ahead: a report of
        # 2 January about "December 28" means the December just gone.
        value = _safe_date(pub.year, month, day)
        if value is not None and (value - pub).days > 183:
            value = _safe_date(pub.year - 1, month, day)
        return value, "day", None
    if kind == "ago":
        n, unit = _count(g["n"]), g["unit"].lower()
        if unit in UNIT_DAYS:
            return (
                pub - timedelta(days=n * UNIT_DAYS[unit]),
                "day" if unit == "day" else "week",
                None,
            )
        if unit == "month":
            first = _minus_months(pub, n)
            return first, "month", _month_end(first)
        if pub.year - n < 1:
            return None, "unknown", None
        return date(pub.year - n, 1, 1), "year", date(pub.year - n, 12, 31)
    if kind == "last_wd":
        weekday = WEEKDAYS[g["wd"].lower()]
        strictly = g["rel"].lower() != "this"
        return _weekday_on_or_before(pub, weekday, strictly_before=strictly), "day", None
    if kind == "on_wd":
        weekday = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel in ("next", "as of", "until"):
            delta = (weekday - pub.weekday()) % 7 or 7
            return pub + timedelta(days=delta), "day", None
        return _weekday_on_or_before(pub, weekday), "day", None
    if kind == "rel_day":
        rel = g["rel"].lower()
        if rel in ("yesterday", "last night"):
            return pub - timedelta(days=1), "day", None
        return pub, "day", None
    if kind == "rel_span":
        unit, rel = g["unit"].lower(), g["rel"].lower()
        if unit == "week":
            start = pub - timedelta(days=pub.weekday() + (7 if rel != "this" else 0))
            return start, "week", start + timedelta(days=6)
        if unit == "month":
            first = date(pub.year, pub.month, 1)
            if rel != "this":
                first = (first - timedelta(days=1)).replace(day=1)
            return first, "month", _month_end(first)
        year = pub.year - (rel != "this")
        return date(year, 1, 1), "year", date(year, 12, 31)
    return None, "unknown", None


def find_dates(
    text: str,
    published: date | None,
    *,
    anchor: date | None = None,
    day_first: bool = True,
) -> list[DateRef]:
    """Every date expression in ``text``, left to right, without overlaps (longest first).

    Parameters
    ----------
    text : str
        A sentence or any span of article text.
    published : datetime.date or None
        The publication date relative expressions ("on Monday", "two days ago", "June 23")
        count from; without it they come back with ``value=None``, precision "unknown".
    anchor : datetime.date or None
        The date of the event told just before, which "three days earlier" or "the next day"
        count from (default: none, and such expressions stay unresolved: they never fall
        back to the publication date).
    day_first : bool
        How to read a numeric date whose two numbers could both be the month (3/11/2021).

    Returns
    -------
    list of DateRef
        Offsets are into ``text``; ``text[ref.start:ref.end] == ref.text``.
    """
    if not ANY_DATE.search(text):  # most sentences hold no date: skip the patterns
        return []
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            raw = m.group(0)
            surface = raw.strip()
            if not surface or (kind == "on_wd" and not m.group("wd")):
                continue
            start = m.start() + len(raw) - len(raw.lstrip())
            end = start + len(surface)
            if any(start < b and end > a for a, b in taken):
                continue
            value, precision, end_value = _resolve(kind, m, published, anchor, day_first)
            if value is None:
                precision = "unknown"
            rel = (m.groupdict().get("rel") or "").lower()
            before = text[max(0, start - 20) : start]
            future = (
                rel in ("as of", "next", "until")
                or (bool(FUTURE_CUE.search(before)) and not _LATER_ON.search(before + surface))
                or (value is not None and published is not None and value > published)
            )
            reference = rel in ("since", "after", "before", "until", "from") or bool(
                REFERENCE_CUE.search(text[max(0, start - 30) : start])
            )
            taken.append((start, end))
            found.append(
                DateRef(surface, start, end, value, precision, end_value, future, kind, reference)
            )
    found.sort(key=lambda d: d.start)
    return found

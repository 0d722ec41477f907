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

__all__ = ["DateRef", "Precision", "find_dates", "parse_publication_date"]

Precision = Literal["day", "week", "month", "quarter", "year", "unknown"]

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d\S*)?\b"),
    ),
    ("dmy_slash", re.compile(r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/" + _YEAR + r"\b")),
    (
        "dmy",
        re.compile(
            r"\b(?:"
            + _WD
            + r",?\s+)?(?:the\s+)?"
            + _DAY
            + r"(?:\s+of)?\s+"
            + _MON
            + r",?\s+"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b(?:" + _WD + r",?\s+)?" + _MON + r"\s+" + _DAY + r"(?:,\s*|\s+)" + _YEAR + r"\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?P<q>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
            + _YEAR
            + r"\b|\bQ(?P<qn>[1-4])\s*"
            + _YEAR.replace("year", "qyear")
            + r"\b",
            re.I,
        ),
    ),
    ("md", re.compile(r"\b" + _MON + r"\s+" + _DAY + r"\b(?!\s*(?:,\s*)?(?:19|20)\d\d)", re.I)),
    (
        "dm",
        re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r"\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
    ),
    ("my", re.compile(r"\b" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", re.I)),
    ("last_wd", re.compile(r"\b(?P<rel>last|past|previous|this)\s+" + _WD + r"\b", re.I)),
    (
        "on_wd",
        re.compile(
            r"\b(?P<rel>on|since|as of|from|by|until|next|early|late)?\s*"
            + _WD
            + r"(?P<part>\s+(?:morning|afternoon|evening|night))?\b",
            re.I,
        ),
    ),
    (
        "rel_day",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|this morning|this afternoon|this evening|last night)\b",
            re.I,
        ),
    ),
    (
        "rel_span",
        re.compile(r"\b(?P<rel>last|this|past|previous)\s+(?P<unit>week|month|year)\b", re.I),
    ),
    (
        "year",
        re.compile(
            r"(?:\b(?:in|since|during|of|after|before|until|from)\s+|\b(?=(?:19|20)\d\d\s+(?:independence|referendum|events|offensive|elections?|attacks?|war|crisis)))"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
]
_FUTURE_CUE = re.compile(r"\b(?:as of|from|starting|until|next|will|from next)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class DateRef:
    """A resolved date expression: ``value`` is the start of the period it names."""

    text: str
    start: int
    end: int
    value: date | None
    precision: Precision
    end_value: date | None = None
    future: bool = False

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


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _weekday_on_or_before(pub: date, weekday: int, *, strictly_before: bool = False) -> date:
    delta = (pub.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _resolve(
    kind: str, m: re.Match[str], pub: date | None
) -> tuple[date | None, Precision, date | None]:
    g = m.groupdict()
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["m"]), int(g["d"])), "day", None
    if kind == "dmy_slash":  # Middle-Eastern sites write day/month/year
        return _safe_date(int(g["year"]), int(g["m"]), int(g["d"])), "day", None
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
    if pub is None:
        return None, "unknown", None
    if kind in ("md", "dm"):
        month, day = MONTHS[g["mon"].lower()], int(g["day"])
        value = _safe_date(pub.year, month, day)
        if value is not None and value > pub:  # no year: the latest such date on or before
            value = _safe_date(pub.year - 1, month, day)
        return value, "day", None
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


_ANY_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"yesterday|today|tonight|this|last|past|previous)",
    re.I,
)


def find_dates(text: str, published: date | None) -> list[DateRef]:
    """Every date expression in ``text``, left to right, without overlaps (longest first)."""
    if not _ANY_DATE.search(text):  # most sentences hold no date: skip the dozen patterns
        return []
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            surface = m.group(0).strip()
            if not surface or (kind == "on_wd" and not m.group("wd")):
                continue
            start += len(m.group(0)) - len(m.group(0).lstrip())
            if any(start < b and end > a for a, b in taken):
                continue
            value, precision, end_value = _resolve(kind, m, published)
            rel = (m.groupdict().get("rel") or "").lower()
            future = (
                rel in ("as of", "next", "until")
                or bool(_FUTURE_CUE.search(text[max(0, start - 20) : start]))
                or (value is not None and published is not None and value > published)
            )
            taken.append((start, end))
            found.append(DateRef(surface, start, end, value, precision, end_value, future))
    found.sort(key=lambda d: d.start)
    return found


_MARKED = re.compile(
    r"(?:\b(?:date|published|posted|updated|on)\s*[:\-]?\s*|[0-2]?\d:[0-5]\d\s*(?:[AP]M)?\s*[-–|]\s*)$",
    re.I,
)


def parse_publication_date(header: str) -> date | None:
    """The publication date in an article's opening lines, or ``None`` when it has none.

    Explicitly marked dates ("date 2022-08-09", "05:49 PM - 2021-12-04", "Published: ...")
    win over a bare date; a bare date in a header line that also holds navigation ("logo",
    bullets) counts only when nothing better is there (it may be the page's "today").
    """
    best: tuple[int, date] | None = None
    for ref in find_dates(header, None):
        if ref.value is None or ref.precision != "day":
            continue
        before = header[max(0, ref.start - 30) : ref.start]
        line_start = header.rfind("\n", 0, ref.start) + 1
        line = header[
            line_start : header.find("\n", ref.end) if "\n" in header[ref.end :] else None
        ]
        score = 3 if _MARKED.search(before) else 2
        if re.search(r"[•|»]|\blogo\b|\bmenu\b", line, re.I) and score < 3:
            score = 1
        if best is None or score > best[0]:
            best = (score, ref.value)
    return best[1] if best else None

"""The words and patterns of date expressions in English news text (used by :mod:`geo.dates`).

Each pattern in :data:`PATTERNS` is tried in order (longest, most explicit forms first);
its name is the ``kind`` of the :class:`geo.dates.DateRef` it yields.
"""

from __future__ import annotations

import re

from geo.prescan import screened

__all__ = [
    "ANY_DATE",
    "FUTURE_CUE",
    "MONTHS",
    "ORDINALS",
    "PATTERNS",
    "REFERENCE_CUE",
    "UNIT_DAYS",
    "WEEKDAYS",
]

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

_NUM = r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d\S*)?\b"),
    ),
    (  # 2021/12/04, 2021.12.04
        "ymd_numeric",
        re.compile(
            r"(?<![\w/.-])"
            + _YEAR
            + r"(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\w/-]|\.\d)"
        ),
    ),
    (  # 3/11/2021, 12/25/2021, 07-03-2023, 07.03.2023: day first unless the day is the second
        "numeric",
        re.compile(
            r"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
            + _YEAR
            + r"(?![\w/-]|\.\d)"
        ),
    ),
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
    (  # "in April", "late April", "at the end of May": a month with no year (capitalised
        # names only, so "may" the modal and "march" the verb are never dates)
        "month_only",
        re.compile(
            r"\b(?:(?:in|during)\s+(?:(?:early|mid|late)[- ])?|(?:early|mid|late)[- ]"
            r"|(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+)"
            r"(?P<mon>(?-i:January|February|March|April|May|June|July|August|September|October"
            r"|November|December))\b(?!\s*,?\s*(?:of\s+)?\d)",
            re.I,
        ),
    ),
    (  # "two days ago", "a week ago": counted back from the publication date
        "ago",
        re.compile(r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I),
    ),
    (  # "three days earlier", "a day later", "two days before.": from the date told before
        "shift",
        re.compile(
            r"\b"
            + _NUM
            + r"\s+(?P<unit>day|week)s?\s+(?P<dir>earlier|later|previously|before(?=\s*[,.;:)]|\s*$)|after(?=\s*[,.;:)]|\s*$))",
            re.I,
        ),
    ),
    (  # "The meeting came two days after a fighter was wounded": counted back from the
        # event told before (the meeting), to the event this sentence tells
        "shift_back",
        re.compile(
            r"\b(?:came|comes|took place|was held|happened|occurred)\s+"
            + _NUM
            + r"\s+(?P<unit>day|week)s?\s+(?P<dir>after)\b",
            re.I,
        ),
    ),
    (
        "shift_day",
        re.compile(
            r"\b(?:the\s+)?(?P<dir>previous day|next day|following day)\b|"
            r"\bthe\s+(?P<dir2>day before|day after)(?=\s*[,.;:)]|\s*$)",
            re.I,
        ),
    ),
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
    (  # "in recent days", "over the past few weeks", "recently": a time the text does not
        # give; read so it is never replaced by the publication date
        "vague",
        re.compile(
            r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|"
            r"couple of\s+)?(?:days|weeks|months)\b|\bin recent (?:days|weeks|months)\b|"
            r"\brecently\b|\bover the (?:past )?weekend\b|\bsome time ago\b",
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
            r"(?:\b(?P<rel>in|since|during|of|after|before|until|from)\s+|\b(?=(?:19|20)\d\d\s+(?:independence|referendum|events|offensive|elections?|attacks?|war|crisis)))"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
]
UNIT_DAYS = {"day": 1, "week": 7}
# "since 2014", "after the Sept. 25, 2017 referendum": a reference point or an open period,
# not the time of the event the sentence tells.
REFERENCE_CUE = re.compile(
    r"\b(?:since|after|before|following|prior to|ahead of|until|till|as of)\s+(?:the\s+)?$",
    re.I,
)
FUTURE_CUE = re.compile(
    r"\b(?:as of|from|starting|until|next|will|from next|later|in the coming)\s*$", re.I
)
ANY_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"yesterday|today|tonight|this|last|past|previous|ago|earlier|later|before|after|next|following|"
    r"recent|weekend)",
    re.I,
)


# geo.prescan: each pattern skips the texts that hold none of its words (same answers)
PATTERNS = [(kind, screened(pattern)) for kind, pattern in PATTERNS]
ANY_DATE = screened(ANY_DATE)

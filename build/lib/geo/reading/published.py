"""The publication date of a page: from its opening lines, else from its URL.

A page's top holds several dates and only one is the publication date. A byline date ("05:49
PM - 2021-12-04", "By Rudaw 3/11/2019", "Date: 2020-10-19", "Press Release | June 1, 2023")
or a date standing alone on its line ("24-02-2025") is; a site's "today" header (a weekday
and a date alone on a line, with no time: "Saturday, 11 May 2024"), a photo caption's date
and a copyright year are not, and a date inside a sentence is the story's, not the page's.
When nothing better is found the result says why (``warnings``) instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from geo.dates import DateRef, find_dates

__all__ = ["PublishedDate", "date_from_url", "find_publication_date", "page_date_candidates"]

_TIME = re.compile(r"(?<![\d:])[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\d:])")
_MARK = re.compile(
    r"(?:\b(?:date|dated|published|posted|released?|press release|issued)\b\s*[:|\-–—]?\s*|"
    r"\bby\s+[\w .'’-]{1,40}?\s+)$",
    re.I,
)
_UPDATED = re.compile(r"\b(?:updated|modified|last update|edited)\b", re.I)
_CAPTION = re.compile(
    r"\(\s*(?:file\s+)?photo\b|\b(?:file\s+)?photo\s*(?:credit)?\s*[:|]|\bphoto\s+by\b|"
    r"\b(?:file photo|image|picture)\s*[:,|]|\bcaption\b",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|&copy;|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b", re.I
)
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|&copy;|\(c\)|\bcopyright\b)\s*(?:\d{4}\s*[-–]\s*)?(?P<year>(?:19|20)\d\d)", re.I
)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_PROSE_END = re.compile(r"[.!?][\"”’)]*\s*$")
_MAX_TOP_LINES = 60

_URL_DATES = (
    # /2021/12/08/ (also /2021/12/8)
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|$|[?#])"),
    # 2022-03-07 anywhere in the path
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_](?P<m>[01]\d)[-_](?P<d>[0-3]\d)(?!\d)"),
    # /20240312-two-iraqi-soldiers
    re.compile(r"(?<![\dA-Za-z])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[-_/.?#]|$)"),
    # /070320232, /07032023-amp, /14092019: day, month, year, then a story number of 0-3 digits
    re.compile(
        r"/(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)\d{0,3}(?:-amp|\.html?|\.aspx?)?/?(?=[?#]|$)"
    ),
    # story-23062024 (a date closing a slug)
    re.compile(r"(?<![\dA-Za-z])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)(?=[-_/.?#]|$)"),
)


@dataclass(frozen=True, slots=True)
class PageDate:
    """One date found in a page's opening lines and what it looks like.

    ``role`` is "byline" (marked or beside a time), "date_line" (alone on its line),
    "updated", "today_header", "caption", "copyright" or "in_text"; only the first three
    can be a publication date.
    """

    value: date
    text: str
    line: int
    role: str

    @property
    def strength(self) -> int:
        """3 byline, 2 date line, 1 updated, 0 not a publication date."""
        return {"byline": 3, "date_line": 2, "updated": 1}.get(self.role, 0)


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A page's publication date, where it came from and what was set aside.

    ``source`` is "page", "url" or "updated" (only an update date was found), ``None`` when
    no date was found; ``warnings`` are one-line reasons for a user (dates set aside).
    """

    value: date | None
    source: str | None
    evidence: str | None
    warnings: tuple[str, ...] = ()


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 20 and bool(_PROSE_END.search(line))


def _role(line: str, ref: DateRef) -> str:
    before, after = line[: ref.start], line[ref.end :]
    if _COPYRIGHT.search(line):
        return "copyright"
    if _CAPTION.search(line):
        return "caption"
    if _UPDATED.search(before[-25:]):
        return "updated"
    marked = bool(_MARK.search(before))
    if _is_prose(line) or len(line.split()) >= 14:
        # A date inside a sentence belongs to the story, unless the line opens with a mark
        # (" date 2023-03-17 Shafaq News/ Two shepherds were killed ...").
        return "byline" if marked and len(before.split()) <= 3 else "in_text"
    if marked or _TIME.search(before[-20:] + " " + after[:25]):
        return "byline"
    rest = _TIME.sub(" ", before + " " + after)
    words = _WORD.findall(rest)
    if _WEEKDAY.search(ref.text) or any(_WEEKDAY.fullmatch(w) for w in words):
        return "today_header" if len(words) <= 3 else "in_text"
    return "date_line" if len(words) <= 3 else "in_text"


def page_date_candidates(text: str) -> list[PageDate]:
    """Day-precise dates in the page's top (up to its lead paragraph), with their roles."""
    out: list[PageDate] = []
    prose = 0
    for index, full_line in enumerate(text.splitlines()[:_MAX_TOP_LINES]):
        line = full_line[:2000]
        for ref in find_dates(line, None):
            if ref.value is not None and ref.precision == "day":
                out.append(PageDate(ref.value, ref.text, index, _role(line, ref)))
        prose += _is_prose(line) and index > 0
        if prose >= 2:  # a standfirst, then the lead paragraph: the top of the page is over
            break
    return out


def date_from_url(url: str | None, *, latest: date | None = None) -> date | None:
    """The date a URL's path encodes, or ``None``.

    Reads ``/2021/12/08/``, ``2022-03-07``, ``/20240312-slug`` and day-month-year digits with
    a story suffix (``/070320232``, ``/07032023-amp``); a date after ``latest`` (default:
    tomorrow) is not one.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    limit = latest or date.today() + timedelta(days=1)
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            try:
                found = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if date(1990, 1, 1) <= found <= limit:
                return found
    return None


def _set_aside(candidates: list[PageDate], text: str) -> list[str]:
    notes = []
    labels = {
        "today_header": "looks like the site's 'today' header",
        "caption": "is a photo caption's date",
    }
    for role, label in labels.items():
        shown = next((c for c in candidates if c.role == role), None)
        if shown is not None:
            notes.append(f"{shown.text!r} {label}, not a publication date")
    m = _COPYRIGHT_YEAR.search(text)
    if m:
        notes.append(f"the copyright year {m['year']} is not a publication date")
    return notes


def find_publication_date(text: str, *, url: str | None = None) -> PublishedDate:
    """The publication date of a page from its text (top lines) and URL.

    A byline or a date alone on its line wins; else the URL's date; else an "Updated" date
    (with a warning); else ``None`` with warnings that say which dates were set aside.
    """
    candidates = page_date_candidates(text)
    usable = [c for c in candidates if c.strength >= 2]
    if usable:
        best = max(usable, key=lambda c: (c.strength, -c.line))
        return PublishedDate(best.value, "page", best.text)
    from_url = date_from_url(url)
    if from_url is not None:
        return PublishedDate(from_url, "url", url)
    updated = next((c for c in candidates if c.role == "updated"), None)
    if updated is not None:
        note = f"only an update date ({updated.text!r}) was found: taken as the publication date"
        return PublishedDate(updated.value, "updated", updated.text, (note,))
    return PublishedDate(None, None, None, tuple(_set_aside(candidates, text)))

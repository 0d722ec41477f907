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
    r"(?:\b(?:date|dated|published|posted|released?|press release|issued)\b\s*(?:on|at)?"
    r"\s*[:|\-–—]?\s*|\bby\s+[\w .,'’-]{1,40}?\s*[|•,–—-]?\s+)$",
    re.I,
)
# Site chrome above a "today" header: menus and tickers ("Home | Iraq | World",
# "Iraq News - Local News - Baghdadpost"), a logo or a site name of a few words.
_CHROME = re.compile(r"\||•|\s[-–—]\s|\blogo\b|\bmenu\b|\bsearch\b|°C", re.I)
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
_MAX_TOP_LINES = 80  # non-empty lines
# Site notices that read like prose but are not the story (cookie banners, paywalls).
_NOTICE = re.compile(r"\bcookies?\b|\bsubscri(?:be|ption)\b|\bprivacy\b", re.I)

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
    can be a publication date. ``alternate`` is the month-first reading of an ambiguous
    numeric date.
    """

    value: date
    text: str
    line: int
    role: str
    alternate: date | None = None

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


def _is_chrome(line: str) -> bool:
    return len(line.split()) <= 3 or bool(_CHROME.search(line))


def _alternate(ref: DateRef) -> date | None:
    """The other reading of an ambiguous numeric date (3/11/2021: 11 March), if any."""
    if ref.kind != "numeric" or ref.value is None or ref.value.day > 12:
        return None
    if ref.value.day == ref.value.month:
        return None
    return date(ref.value.year, ref.value.day, ref.value.month)


def _role(line: str, ref: DateRef, *, chrome_above: bool) -> str:
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
    if len(words) > 3:
        return "in_text"
    weekday = _WEEKDAY.search(ref.text) or any(_WEEKDAY.fullmatch(w) for w in words)
    # A weekday and a date alone, no time, above the headline (only site chrome above it):
    # the site's "today", shown on every page; under the headline it is the byline's date.
    return "today_header" if weekday and chrome_above else "date_line"


def page_date_candidates(text: str) -> list[PageDate]:
    """Day-precise dates in the page's top (up to its lead paragraph), with their roles."""
    out: list[PageDate] = []
    prose = 0
    chrome_above = True
    lines = [line for line in text.splitlines() if line.strip()][:_MAX_TOP_LINES]
    for index, full_line in enumerate(lines):
        line = full_line[:2000]
        for ref in find_dates(line, None):
            if ref.value is not None and ref.precision == "day":
                role = _role(line, ref, chrome_above=chrome_above)
                out.append(PageDate(ref.value, ref.text, index, role, _alternate(ref)))
        dated = bool(out) and out[-1].line == index
        if line.strip() and not dated:
            chrome_above = chrome_above and _is_chrome(line)
        prose += _is_prose(line) and index > 0 and not _NOTICE.search(line)
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
    from_url = date_from_url(url)
    if usable:
        best = max(usable, key=lambda c: (c.strength, -c.line))
        if best.alternate is None:
            return PublishedDate(best.value, "page", best.text)
        if best.alternate == from_url:  # the URL settles the order of day and month
            return PublishedDate(best.alternate, "page", best.text)
        note = (
            f"day and month of {best.text!r} could be either way round: read day first "
            f"({best.value.isoformat()})"
        )
        return PublishedDate(
            best.value, "page", best.text, () if best.value == from_url else (note,)
        )
    if from_url is not None:
        return PublishedDate(from_url, "url", url)
    updated = next((c for c in candidates if c.role == "updated"), None)
    if updated is not None:
        note = f"only an update date ({updated.text!r}) was found: taken as the publication date"
        return PublishedDate(updated.value, "updated", updated.text, (note,))
    return PublishedDate(None, None, None, tuple(_set_aside(candidates, text)))

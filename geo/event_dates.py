"""Which date a sentence gives its event, and whether the sentence tells history instead.

Pure functions over the date expressions :func:`geo.dates.find_dates` found in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from geo.classify import Classification
from geo.dates import DateRef

__all__ = ["choose_date", "is_history"]

_HISTORY = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+)?(?:19|20)\d\d\b|\bsince then\b|"
    r"\b(?:years|decades) ago\b|\bwas declared defeated\b|\bdeclared (?:its )?(?:victory|defeat)\b|"
    r"\b(?:fell|fallen) to\b|\buntil\s+(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+)?(?:19|20)\d\d\b|\bat the (?:end|height) of (?:19|20)\d\d\b|"
    r"(?<!\bthat )(?<!\bthey )(?<!\bit )(?<!\bhe )(?<!\bshe )\bhad (?:long |previously |once |already )?"
    r"(?:been |\w+ed\b)",
    re.I,
)
_REFERENCE_POINT = re.compile(
    r"\b(?:after|before|following|since|prior to|ahead of|"
    r"one (?:day|week|month|year) after)\s+(?:the\s+)?$",
    re.I,
)


_DAY_OFFSET = re.compile(r"\b(?:day|days|week|weeks) (?:after|before|later|earlier)\b", re.I)
_SPEECH = (
    r"(?:said|says|announced|reported|stated|added|told|declared|confirmed|revealed|"
    r"claimed|noted|explained|published|issued)"
)
# "said on Tuesday", "said in a statement on Tuesday", "announced in a press release Tuesday"
_SPEECH_BEFORE = re.compile(
    _SPEECH + r"(?:\s+(?:in|via|to)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|release|briefing|conference|interview|post|communiqu\w+))?(?:\s+\w+)?\s+$",
    re.I,
)
_SPEECH_AFTER = re.compile(r"[\s,]*" + _SPEECH + r"\b", re.I)


def choose_date(
    refs: Sequence[DateRef], trigger: int, cls: Classification | None, body: str
) -> DateRef | None:
    """The date expression of the event whose trigger word is at offset ``trigger``.

    A reference point ("one month after the referendum"), the day a statement was made
    ("said on Tuesday") and a day offset ("a day after") yield to another date when there is
    one; an aggregate prefers a period. ``None`` when no usable date is given.
    """
    usable = [r for r in refs if r.value is not None and not r.future]
    # "one month after the Sept. 25, 2017, referendum": a reference point, not the event's date
    anchored = [
        r for r in usable if not _REFERENCE_POINT.search(body[max(0, r.start - 30) : r.start])
    ]
    usable = anchored or usable
    # "said on Tuesday that officers met ... on Monday": the day of the statement, not the event
    told_on = [
        r
        for r in usable
        if _SPEECH_BEFORE.search(body[max(0, r.start - 60) : r.start])
        or _SPEECH_AFTER.match(body, r.end)
    ]
    usable = [r for r in usable if r not in told_on] or usable
    # "came a day after gunmen opened fire late on Saturday": the named day, not the offset
    offsets = [r for r in usable if _DAY_OFFSET.search(r.text)]
    usable = [r for r in usable if r not in offsets] or usable
    if cls is not None and cls.aggregate:
        periods = [r for r in usable if r.precision in ("quarter", "month", "year", "week")]
        if periods:
            usable = periods
    if not usable:
        return None
    return min(usable, key=lambda r: (abs(r.start - trigger), r.precision != "day"))


def is_history(body: str, ref: DateRef | None, pub: date | None) -> bool:
    """Whether the sentence tells history rather than news, from its own words.

    A year alone never dates a point event; "since 2014", "years ago", "fell to ISIS",
    "was declared defeated in 2017" and the past perfect tell the story's background. A
    month before the publication month (or any month when the publication date is unknown)
    is background too.
    """
    if ref is not None and ref.precision == "day":
        return False
    if ref is not None and ref.precision == "year":
        return True
    if ref is not None and ref.precision == "month" and ref.value is not None:
        if pub is None or (ref.value.year, ref.value.month) < (pub.year, pub.month):
            return True
    return bool(_HISTORY.search(body))

"""Which date a sentence gives its event, and whether the sentence tells history instead.

Pure functions over the date expressions :func:`geo.dates.find_dates` found in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from geo.classify import Classification
from geo.cues import SPEECH_VERB
from geo.dates import DateRef
from geo.prescan import screened

__all__ = ["choose_date", "is_history", "statement_dates", "told_only"]

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
_SPEECH = re.compile(r"\b" + SPEECH_VERB + r"\b", re.I)
# The words that may stand between a verb of saying and the date of the saying: "said in a
# statement on Wednesday", "told Rudaw on Tuesday", "announced in a press conference held on
# Monday". Capitalised words (names of outlets, bodies) pass too; a verb or a noun of the
# event ("the results of operations carried out on Sunday") does not.
_STATEMENT_WORDS = frozenset(
    "in to a an the its his her their statement statements press release conference briefing "
    "news agency reporters journalists media website page account official officially issued "
    "released published posted received seen obtained by via through during at on late early "
    "televised brief written joint short online social channel channels telegram facebook "
    "twitter local state tv television interview speech remarks held later earlier also "
    "separately today condition anonymity anonymously because he she they was were not "
    "authorised authorized allowed speak publicly of for with".split()
)
# "a statement on Wednesday", "a press conference held on Monday": the saying's date
_STATEMENT_NOUN = re.compile(
    r"\b(?:statement|press release|press conference|news conference|briefing|announcement|"
    r"interview|speech|remarks|communiqu[eé]|post|tweet)\s+(?:(?:issued|released|published|"
    r"posted|made|given|held)\s+)?(?:(?:late|early)\s+)?$",
    re.I,
)
_WORD = re.compile(r"[\w’'.-]+")


def _statement_gap(gap: str) -> bool:
    """Whether ``gap`` (between a verb of saying and a date) only says how it was said."""
    words = _WORD.findall(gap)
    if len(words) > 10 or re.search(r"\bthat\b|[,;:]", gap):
        return False
    return all(w.lower() in _STATEMENT_WORDS or w[:1].isupper() for w in words)


def statement_dates(refs: Sequence[DateRef], trigger: int, body: str) -> list[DateRef]:
    """The dates of ``refs`` that tell when something was said, not when the event happened.

    A date bound to a verb of saying: right after it ("said on Wednesday", "said in a
    statement on Wednesday", "told Rudaw on Tuesday"), right before it ("on Monday said"), or
    opening a sentence whose event is told after the verb ("On Wednesday, the Cell said that
    militants attacked ..."). ``trigger`` is the offset of the event word in ``body``.
    """
    verbs = list(_SPEECH.finditer(body))
    out = []
    for ref in refs:
        if _STATEMENT_NOUN.search(body[max(0, ref.start - 40) : ref.start]):
            out.append(ref)
            continue
        for verb in verbs:
            if verb.end() <= ref.start:
                gap = body[verb.end() : ref.start]
                bound = not (verb.end() <= trigger < ref.start) and _statement_gap(gap)
            else:
                gap = body[ref.end : verb.start()]
                # "on Monday said", or "On Monday, the ministry said that militants attacked"
                opening = ref.start <= 3  # the sentence opens with the date
                subject = len(_WORD.findall(gap)) <= 8 and not re.search(
                    r"\b(?:that|which|who|where|when)\b|[;:]", gap
                )
                bound = not gap.strip() or (trigger >= verb.end() and opening and subject)
            if bound:
                out.append(ref)
                break
    return out


def choose_date(
    refs: Sequence[DateRef], trigger: int, cls: Classification | None, body: str
) -> DateRef | None:
    """The date expression of the event whose trigger word is at offset ``trigger``.

    A reference point ("one month after the referendum"), the day a statement was made
    ("said on Tuesday", see :func:`statement_dates`) and a day offset ("a day after") yield
    to another date; the statement's day is never the event's (``None`` when it is the only
    date: see :func:`told_only`). An aggregate prefers a period. ``None`` when no usable
    date is given.
    """
    usable = [r for r in refs if r.value is not None and not r.future]
    # "one month after the Sept. 25, 2017, referendum": a reference point, not the event's date
    anchored = [
        r for r in usable if not _REFERENCE_POINT.search(body[max(0, r.start - 30) : r.start])
    ]
    usable = anchored or usable
    # "said on Tuesday that officers met ... on Monday": the day of the statement, not the event
    told_on = statement_dates(usable, trigger, body)
    usable = [r for r in usable if r not in told_on]
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


def told_only(refs: Sequence[DateRef], trigger: int, body: str) -> DateRef | None:
    """The statement's date when it is the only date the sentence gives, else ``None``.

    "The ministry said on Monday that two soldiers had been killed": the event happened on or
    before Monday, on a day the text does not give. The caller leaves the event date empty
    rather than take the statement's day (or the publication's) for it.
    """
    usable = [r for r in refs if r.value is not None and not r.future]
    told_on = statement_dates(usable, trigger, body)
    if told_on and len(told_on) == len(usable):
        return told_on[0]
    return None


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
    for m in _HISTORY.finditer(body):
        if m.group(0).lower().startswith("had ") and _SPEECH.search(body, 0, m.start()):
            continue  # "said that two soldiers had been killed": reported speech, not history
        return True
    return False


# geo.prescan: these patterns skip the texts that hold none of their words (same answers)
_HISTORY = screened(_HISTORY)
_SPEECH = screened(_SPEECH)

"""Fatality and injury counts from a sentence ("a dozen Peshmerga were killed" -> 12)."""

from __future__ import annotations

import re

__all__ = ["count_casualties", "parse_number"]

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "a couple of": 2,
    "several": 3,
    "a few": 3,
    "hundreds": 200,
    "scores": 40,
}
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})*|a dozen|dozens|a couple of|a few|several|hundreds|scores|"
    r"(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|an?)"
)
_KILL = r"(?:killed|dead|died|martyred|slain|lost their lives|killing|deaths?|fatalities)"
_HURT = r"(?:wounded|injured|hurt|injuring|wounding|injuries)"
_NOUN = r"(?:\s+(?!and\b|or\b|but\b)(?:of\s+the|[A-Za-z'’-]+)){0,4}?"
# The count is the victims' only when no object follows ("an IED killed a soldier": agent).
_NO_OBJECT = r"(?!\s+(?:a|an|the|his|their|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)"
_AFTER = {
    kind: re.compile(
        r"\b(?:at least |some |about |around |nearly |more than |up to )?"
        + _NUM
        + _NOUN
        + r"\s+(?:(?:were|was|have been|had been|are|got)\s+)?(?:also\s+)?"
        + verb
        + r"\b"
        + _NO_OBJECT,
        re.I,
    )
    for kind, verb in (("killed", _KILL), ("injured", _HURT))
}
_BEFORE = {
    kind: re.compile(
        r"\b" + verb + r"\s+(?:at least |some |about |nearly |more than )?" + _NUM + r"\b", re.I
    )
    for kind, verb in (
        # "kill(s)"/"wound(s)": the present tense of headlines and flashes.
        # "announced the killing of five terrorists", "the deaths of two soldiers"
        ("killed", r"(?:killing(?: of)?|killed|(?<!to )kills?|leaving|deaths? of)"),
        ("injured", r"(?:injuring|wounding|wounded|injured|(?<!to )wounds?|(?<!to )injures?)"),
    )
}


_ANY_CASUALTY = re.compile(
    r"kill|dead|died|martyr|slain|lives|death|fatalit|wound|injur|hurt|casualt", re.I
)


def parse_number(text: str) -> int | None:
    """Digits or English number words to an int ("7,516" -> 7516, "twenty-one" -> 21)."""
    t = text.lower().strip()
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in _WORDS:
        return _WORDS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _WORDS and parts[1] in _WORDS:
        return _WORDS[parts[0]] + _WORDS[parts[1]]
    return None


def count_casualties(sentence: str) -> tuple[int | None, int | None]:
    """(killed, injured) stated in ``sentence``; ``None`` where it states none."""
    if not _ANY_CASUALTY.search(sentence):
        return None, None
    out: dict[str, int | None] = {}
    for kind in ("killed", "injured"):
        spans: list[tuple[int, int, int]] = []
        for pattern in (_AFTER[kind], _BEFORE[kind]):
            for m in pattern.finditer(sentence):
                n = parse_number(m.group("num"))
                if n is None or n > 5000:
                    continue
                s, e = m.span("num")
                if any(s < b and e > a for a, b, _ in spans):
                    continue
                spans.append((s, e, n))
        out[kind] = sum(n for _, _, n in spans) if spans else None
    if re.search(r"\b(?:no|without)\s+(?:casualties|injuries|deaths)\b", sentence, re.I):
        return 0, 0
    return out["killed"], out["injured"]

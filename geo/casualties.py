"""Fatality and injury counts from a sentence ("a dozen Peshmerga were killed" -> 12)."""

from __future__ import annotations

import re

from geo.prescan import screened

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
_KILL = (
    r"(?:killed|dead|died|martyred|slain|lost their lives|killing|deaths?|fatalities|"
    # "four policemen perished", "a soldier succumbed to his wounds", "lost his life"
    r"perished|succumbed to (?:his|her|their) (?:wounds|injuries)|lost (?:his|her) life|"
    # "three farmers were gunned down", "the mukhtar was executed"
    r"shot dead|gunned down|executed|beheaded|assassinated)"
)
_HURT = r"(?:wounded|injured|hurt|injuring|wounding|injuries|sustained (?:\w+ )?injuries)"
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
        (
            "killed",
            # "claimed the lives of three soldiers"
            r"(?:killing(?: of)?|killed|(?<!to )kills?|leaving|deaths? of|"
            r"claim(?:ed|ing)? the lives of|"
            # "shot dead two shepherds", "executed three villagers"
            r"shot dead|gunned down|executed|beheaded|assassinated)",
        ),
        ("injured", r"(?:injuring|wounding|wounded|injured|(?<!to )wounds?|(?<!to )injures?)"),
    )
}


# "a" and "an" count only before a person ("a soldier was killed"), never before a thing
# ("the bombing of a market that killed"); vague words ("several", "dozens") give no number
# (the corpus convention: null when no number is given); a range counts its low end.
_PERSON = re.compile(
    r"\s+(?:(?:[A-Z][\w'’-]*|young|local|senior|junior|police|army|federal|tribal|former|"
    r"retired|elderly|Iraqi|Kurdish|PMF|ISIS|IS|off-duty|\d+-year-old)\s+){0,2}(?:soldier|officer|policeman|"
    r"policewoman|fighter|civilian|farmer|shepherd|child|boy|girl|woman|man|member|militant|"
    r"person|resident|villager|mukhtar|commander|guard|worker|driver|journalist|teacher|"
    r"doctor|student|herder|Peshmerga|colonel|major|captain|lieutenant|brigadier|general|"
    r"sergeant|conscript|recruit|leader|emir|suspect|terrorist|jihadist|insurgent|"
    r"bodyguard|pilot|official|employee|engineer|contractor|nurse|citizen|local|elder|"
    r"sheikh|cleric|imam|trader|merchant|owner|father|mother|son|daughter|brother|"
    r"husband|wife|family member)s?\b",
    re.I,
)
# The object of "killed"/"wounded" is a person unless it is a known thing: "killed a bride",
# "wounded a Kakai" count one; "killed a number of", "wounded in an attack on a post" none.
_OBJECT_VERB = re.compile(r"(?i:killed|killing|wounded|wounding|injured|injuring)\s+$")
_THING = re.compile(
    r"\s+(?:[\w'’-]+\s+)?(?:attacks?|markets?|checkpoints?|vehicles?|cars?|trucks?|houses?|"
    r"homes?|posts?|patrols?|convoys?|bombs?|mines?|IEDs?|explosions?|blasts?|numbers?|total|"
    r"series|spate|wave|string|handful|lot|majority|quarter|half|third|dozen|couple|few|"
    r"villages?|towns?|areas?|roads?|bridges?|buildings?|mosques?|schools?|shops?|bid|"
    r"attempts?|year|month|week|day|time|way|row|raids?|operations?|strikes?|clash(?:es)?|"
    r"separate|similar|further|second|third|new)\b"
    # the thing is the head of the phrase ("a checkpoint guard" is a person)
    r"(?=\s*(?:[,.;:]|$)|\s+(?:on|in|at|of|near|and|or|that|which|with|for|to|by|from|"
    r"outside|inside|carrying|belonging)\b)",
    re.I,
)
_VAGUE = frozenset({"several", "a few", "dozens", "scores", "hundreds"})
_RANGE_TOP = re.compile(r"\b(?:between\s+)?\w+\s+(?:to|and|or)\s+$", re.I)
_ANY_CASUALTY = re.compile(
    r"kill|dead|died|martyr|slain|lives|death|fatalit|wound|injur|hurt|casualt|perish|succumb|"
    r"lost \w+ life|gunned down|executed|beheaded|assassinated",
    re.I,
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


# "Two Peshmerga fighters, including an officer, were killed": the apposition is read as
# blank space, so the count reaches its verb
_INCLUDING = re.compile(
    r",\s+(?:including|among them|among whom|one of them|one of whom|both of them|"
    r"(?:two|three|four|five) of them)\s[^,;.]{1,40},"
)


def count_casualties(sentence: str) -> tuple[int | None, int | None]:
    """(killed, injured) stated in ``sentence``; ``None`` where it states none."""
    if not _ANY_CASUALTY.search(sentence):
        return None, None
    if "," in sentence:
        sentence = _INCLUDING.sub(lambda m: " " * len(m.group(0)), sentence)
    out: dict[str, int | None] = {}
    for kind in ("killed", "injured"):
        spans: list[tuple[int, int, int]] = []
        for pattern in (_AFTER[kind], _BEFORE[kind]):
            for m in pattern.finditer(sentence):
                word = m.group("num").lower()
                n = parse_number(word)
                if n is None or n > 5000 or word in _VAGUE:
                    continue
                s, e = m.span("num")
                if word in ("a", "an") and (
                    _THING.match(sentence, e)
                    if _OBJECT_VERB.search(sentence[max(0, s - 20) : s])
                    else not _PERSON.match(sentence, e)
                ):
                    continue  # "an attack on a checkpoint": no count
                before = sentence[max(0, s - 30) : s]
                if _RANGE_TOP.search(before) and parse_number(before.split()[-2]) is not None:
                    continue  # "three to five soldiers": the low end counts
                if any(s < b and e > a for a, b, _ in spans):
                    continue
                spans.append((s, e, n))
        out[kind] = sum(n for _, _, n in spans) if spans else None
    if re.search(r"\b(?:no|without)\s+(?:casualties|injuries|deaths)\b", sentence, re.I):
        return 0, 0
    return out["killed"], out["injured"]


# geo.prescan: these patterns skip the texts that hold none of their words (same answers)
_ANY_CASUALTY = screened(_ANY_CASUALTY)

"""Sentence classification: is this sentence an event that happened, and of which type.

Rules over the language of security reporting, not over any one article: trigger words per
type, then filters for what did *not* happen (agreements "to conduct" operations, air support
that "would" come, habitual "routinely conducts airstrikes", generic "attacks increased") and
for statistics ("7,516 operations"), which become one aggregate record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.actors import ActorMention, find_actors
from geo.agency import adjectival, infinitive, planned, retype, spread_out
from geo.casualties import count_casualties, parse_number
from geo.cues import (
    CAME_AFTER,
    CIVIL_UNREST,
    DEFINITE,
    INSTITUTION,
    INSURGENT_DEVICE,
    NOUN_TRIGGER,
    PARTICIPLE,
    PASSIVE,
    PREDICATE,
    PROTEST,
    RESULTS_OF,
    VICTIMS_BEFORE,
    VIOLENT,
)
from geo.events import EventType
from geo.prescan import screened
from geo.triggers import (
    MODAL,
    PRIORITY,
    STAT,
    SUBTYPES,
    TRIGGERS,
)
from geo.validity import Vetoes, happened

__all__ = ["Classification", "classify", "is_summary"]


def is_summary(sentence: str) -> bool:
    """Whether the sentence announces results whose items follow ("the results of operations")."""
    return bool(RESULTS_OF.search(sentence))


def _first_back_reference(masked: str) -> int:
    """Offset of the first "the raid" / "the strikes" style back-reference (else the length)."""
    first = len(masked)
    for kind in VIOLENT:
        for m in TRIGGERS[kind].finditer(masked):
            if (
                m.start() < first
                and NOUN_TRIGGER.fullmatch(m.group(0))
                and DEFINITE.search(masked[max(0, m.start() - 40) : m.start()])
            ):
                first = m.start()
    return first


def mask_institutions(sentence: str) -> str:
    """``sentence`` with institution names blanked out (same length, offsets kept)."""
    return INSTITUTION.sub(lambda m: " " * len(m.group(0)), sentence)


@dataclass(frozen=True, slots=True)
class Classification:
    """The verdict on one sentence."""

    type: EventType
    trigger: str
    trigger_start: int
    subtype: str | None
    joint: bool | None
    aggregate: bool
    count: int | None
    fatalities: int | None
    injuries: int | None
    confidence: float
    anaphoric: bool  # "During the meeting, ...": refers back to an event already told
    definite: bool = False  # "the attack", "Monday's assault": names an event as known


def classify(
    sentence: str,
    *,
    dated: bool,
    told: bool = False,
    actors: tuple[ActorMention, ...] | None = None,
    casualties: tuple[int | None, int | None] | None = None,
) -> Classification | None:
    """Classify one sentence; ``dated`` says whether it holds a resolvable date expression.

    ``told``: an event was already told earlier in the article, so a trigger in a definite
    noun phrase ("The raid was carried out on intelligence...") refers back to it and makes
    no new event. ``actors`` and ``casualties`` (killed, injured) are the sentence's, when
    already parsed (:class:`geo.sentence.SentenceAnalysis`); else they are found here.
    """
    if not _ANY_CUE.search(sentence):
        return None  # most sentences name no event word at all: one scan decides
    if RESULTS_OF.search(sentence):
        return None
    killed, injured = casualties if casualties is not None else count_casualties(sentence)
    vetoes = Vetoes(sentence)
    if actors is None:
        actors = find_actors(sentence)
    names = [(a.start, a.end) for a in actors]
    parties = len({a.actor for a in actors})
    civil = CIVIL_UNREST.search(sentence)
    if (
        civil is not None
        and not any(a.actor in ("ISIS", "Unidentified armed group") for a in actors)
        and not re.search(r"\bprotest (?:activist|leader|movement|organi[sz]er)", sentence, re.I)
        and not MODAL.search(sentence)
        and not INSURGENT_DEVICE.search(sentence)
        and not _MOURNING.search(sentence)  # "crowds gathered to pay tribute": a funeral
        and (dated or killed or injured)
        and not vetoes.veto(civil.start(), hurt=bool(killed or injured))
    ):
        # protesters, rioters, feuding tribes: ACLED's protests, riots and communal clashes
        verdict = _verdict("other", sentence, civil, dated, killed, injured)
        if not PROTEST.search(sentence):
            verdict = replace(verdict, subtype=None)
        return verdict
    masked = mask_institutions(sentence)
    elaboration: int | None = None if told and not dated else len(masked)  # found when needed
    leftover = _LEFTOVER.search(sentence)
    if leftover is not None:
        # "an old IED left over from the fighting exploded": remnants of war, not an attack
        return _verdict("other", sentence, leftover, dated, killed, injured)
    for kind in PRIORITY:
        for m in TRIGGERS[kind].finditer(masked):
            if kind != "airstrike" and any(a <= m.start() and m.end() <= b for a, b in names):
                continue  # "Operation Inherent Resolve"; but "Turkish warplanes" did strike
            definite = bool(
                NOUN_TRIGGER.fullmatch(m.group(0))
                and DEFINITE.search(masked[max(0, m.start() - 40) : m.start()])
            )
            if definite and CAME_AFTER.match(masked, m.end()):
                continue
            if NOUN_TRIGGER.fullmatch(m.group(0)) and planned(masked, m.end()):
                continue  # "A larger operation, to be carried out by ..., is scheduled"
            if adjectival(masked, m.start(), m.end()):
                continue  # "the families of detained fighters": no arrest told
            if kind == "operation" and infinitive(masked, m.start()):
                continue  # "inked a deal to set up joint checkpoints": a purpose
            if PREDICATE.search(masked[max(0, m.start() - 40) : m.start()]):
                continue  # "... is the second attack on shepherds this month"
            if (
                told
                and PARTICIPLE.fullmatch(m.group(0))
                and VICTIMS_BEFORE.search(masked[max(0, m.start() - 50) : m.start()])
            ):
                continue  # "the two men killed on Sunday were ...": already told
            if told and not dated and kind in VIOLENT and definite:
                continue  # "the raid", "the attack": the event already told
            if kind in VIOLENT:
                if elaboration is None:
                    elaboration = _first_back_reference(masked)
                if m.start() > elaboration:
                    continue  # "the strikes were coordinated ... and destroyed hideouts": told already
            if vetoes.veto(m.start(), hurt=bool(killed or injured), kind=kind):
                continue  # a funeral, denial, trial or plan governs the trigger's clause
            hurt = (killed or 0) + (injured or 0) or None
            if not happened(kind, sentence, m, dated, hurt, parties=parties):
                continue
            acted = retype(sentence, kind, m.start(), m.group(0), actors)
            if acted is not None:
                # "helicopters attacked", "IS militants raided a post": who acts decides
                verdict = _verdict(acted, sentence, m, dated, killed, injured)
                if acted == "operation":
                    verdict = replace(verdict, subtype="clash")
                return _rounded_up(replace(verdict, definite=definite), sentence)
            if kind == "attack" and _forces_strike_first(sentence, m.start()):
                # "Security forces killed 4 ISIS members": the state's side acted: a clash
                # fought by an operation, not an attack on it.
                verdict = _verdict("operation", sentence, m, dated, killed, injured)
                return replace(verdict, subtype="clash")
            if kind == "operation" and _insurgents_raid(sentence, m, actors):
                # "Gunmen raided a Peshmerga outpost", "an ISIS raid on the village": the
                # insurgents acted, an attack; an operation is the state's
                return replace(
                    _verdict("attack", sentence, m, dated, killed, injured), definite=definite
                )
            if kind == "arrest":
                op = _operation_before(sentence, masked, m.start(), dated, killed, injured)
                if op is not None:
                    return op  # "carried out a search operation ... and detained 2 suspects"
            verdict = replace(
                _verdict(kind, sentence, m, dated, killed, injured), definite=definite
            )
            return _rounded_up(verdict, sentence)
    return None


def _rounded_up(verdict: Classification, sentence: str) -> Classification:
    """An aggregate when the sentence rounds up many places or weeks ("in different areas")."""
    if verdict.type in ("other", "meeting", "agreement") or not spread_out(sentence):
        return verdict
    return replace(verdict, aggregate=True, confidence=round(verdict.confidence - 0.15, 2))


def _operation_before(
    sentence: str, masked: str, pos: int, dated: bool, killed: int | None, injured: int | None
) -> Classification | None:
    """An operation told before the arrest it led to, unless only as a setting ("in a raid")."""
    for m in TRIGGERS["operation"].finditer(masked, 0, pos):
        if re.search(
            r"\b(?:in|during|after|following)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$",
            masked[max(0, m.start() - 40) : m.start()],
            re.I,
        ):
            continue
        casualties = (killed or 0) + (injured or 0) or None
        if happened("operation", sentence, m, dated, casualties):
            return _verdict("operation", sentence, m, dated, killed, injured)
    return None


_SECURITY = frozenset(
    {"Peshmerga", "Iraqi Security Forces", "US-led Coalition", "Popular Mobilization Forces"}
)
_AGGRESSOR_AFTER = re.compile(
    r"\b(?:who|which|that)\s+(?:had\s+)?(?:tried|attempted|sought)\s+to\b|\brepel\w*|"
    r"\binfiltrat\w*|\bfoil\w*|\bthwart\w*|\bin response to\b",
    re.I,
)
_MOURNING = re.compile(
    r"\b(?:funerals?|mourn\w*|laid to rest|buried|burial|pay (?:their )?(?:tribute|respects)|"
    r"condolences?)\b",
    re.I,
)
_LEFTOVER = re.compile(
    r"\b(?:left ?over|unexploded|remnants? of (?:the )?war|old (?:IED|mine|landmine|shell|"
    r"ordnance|explosive)s?)\b",
    re.I,
)
_OUTLAWS = re.compile(
    r"\b(?:smugglers?|drug (?:dealers|traffickers)|wanted (?:men|suspects)|suspects|outlaws|"
    r"criminals?|kidnappers)\b",
    re.I,
)
_STRIKE_VERBS = re.compile(
    r"\b(?:killed|shot|shooting|clashed|clash(?:es)?|ambushed|targeted|exchanged|"
    r"attacked|stormed|assault(?:ed)?|pounded|shelled|overran)\b",
    re.I,
)


def _forces_strike_first(sentence: str, trigger: int) -> bool:
    """True when security forces are the subject before the trigger and ISIS only after it."""
    if not _STRIKE_VERBS.match(sentence, trigger):
        return False
    if PASSIVE.search(sentence[max(0, trigger - 25) : trigger]):
        return False  # "two soldiers were killed when militants attacked": the victims
    if _AGGRESSOR_AFTER.search(sentence, trigger):
        return False  # "clashed with militants who tried to infiltrate": ISIS attacked
    actors = find_actors(sentence)
    before = [a.actor for a in actors if a.end <= trigger]
    after = [a.actor for a in actors if a.start >= trigger]
    outlaws = "ISIS" in after or bool(_OUTLAWS.search(sentence, trigger))
    return bool(before) and before[-1] in _SECURITY and "ISIS" not in before and outlaws


_ARMED_GROUPS = frozenset({"ISIS", "Unidentified armed group"})
# a raid or assault the insurgents make; "operation", "patrol" or "sweep" is the state's word
_RAID_WORD = re.compile(r"(?i:raid(?:s|ed|ing)?|assault(?:s|ed)?|stormed|overran)")
_AGAINST_BETWEEN = re.compile(
    r"\b(?:against|on|targeting|by|of|were|was|with|and|alongside)\b", re.I
)


def _insurgents_raid(sentence: str, m: re.Match[str], actors: tuple[ActorMention, ...]) -> bool:
    """Whether the insurgents are the subject of a raid trigger ("Gunmen raided a post").

    The armed group is the last actor before the trigger, at most a few words before it,
    with nothing between that makes it the target ("a raid on ISIS", "raided by") or adds
    the state's forces ("ISIS and the army").
    """
    if not _RAID_WORD.fullmatch(m.group(0)):
        return False
    before = [a for a in actors if a.end <= m.start()]
    if not before or before[-1].actor not in _ARMED_GROUPS:
        return False
    between = sentence[before[-1].end : m.start()]
    return len(between) <= 30 and not _AGAINST_BETWEEN.search(between)


def _verdict(
    kind: EventType,
    s: str,
    m: re.Match[str],
    dated: bool,
    killed: int | None,
    injured: int | None,
) -> Classification:
    stat = STAT.search(s)
    aggregate = False
    count = None
    if stat and kind in ("operation", "airstrike", "attack", "meeting", "arrest"):
        n = parse_number(stat.group("n"))
        if (n is not None and n > 1) or stat.group("n").lower() in ("several", "dozens"):
            aggregate, count = True, n
    subtype = None
    if kind == "other":
        subtype = "protest"
    if kind == "attack":
        subtype = next((name for name, rx in SUBTYPES if rx.search(s)), None)
    elif kind == "operation":
        low = s.lower()
        if re.search(
            r"pushed .{0,40}\bout\b|expelled|offensive|recaptured|retook|took control", low
        ):
            subtype = "offensive"
        elif re.search(r"patrol", low):
            subtype = "patrol"
        elif re.search(r"ambush", low):
            subtype = "ambush"
        elif re.search(r"clearance|combing|sweep|search", low):
            subtype = "clearance"
        if killed:
            subtype = "clash"
    joint: bool | None = None
    if kind == "operation":
        low = s.lower()
        if re.search(r"\bunilateral(?:ly)?\b", low):
            joint = False
        elif re.search(r"\bjoint(?:ly)?\b|\bjointly\b|\btogether\b|\bcoordinated\b", low):
            joint = True
        else:
            joint = False
    anaphoric = bool(
        re.search(r"\b(?:during|at|in) (?:the|that|this) (?:meeting|visit|talks)\b", s, re.I)
    )
    confidence = 0.55 + (0.15 if dated else 0.0) + (0.1 if killed else 0.0)
    confidence -= 0.15 if aggregate else 0.0
    return Classification(
        kind,
        m.group(0),
        m.start(),
        subtype,
        joint,
        aggregate,
        count,
        killed,
        injured,
        round(min(confidence, 0.95), 2),
        anaphoric,
    )


# Every word that can make a sentence an event: one scan before the detailed rules.
_ANY_CUE = re.compile(
    "|".join(p.pattern for p in (*TRIGGERS.values(), CIVIL_UNREST, _LEFTOVER)),
    re.I,
)


# geo.prescan: these patterns skip the texts that hold none of their words (same answers)
_ANY_CUE = screened(_ANY_CUE)

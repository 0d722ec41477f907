"""Whether a trigger word reports an event that happened: the checks per event type.

:mod:`geo.classify` finds the trigger words of a sentence; :func:`happened` decides, for one
of them, whether the sentence reports that event (past, real, of this kind) or only mentions
the word: a plan, a habit, a denial, a topic of talks, an accident, a match report, a budget
approved. :class:`Vetoes` holds the non-event cues of one sentence, found once; they count
only in the clause they govern (:mod:`geo.clauses`).

Pure functions over strings; the cue vocabulary is in :mod:`geo.cues` and :mod:`geo.triggers`.
"""

from __future__ import annotations

import re

from geo.clauses import governed, governs
from geo.cues import (
    ACCIDENT,
    ACCUSED,
    ARREST_VERB,
    ATTACK_NOUN,
    BACKED,
    CONDITION,
    DISTANT,
    FOILED_PLOT,
    FOUND,
    FUTURE_AFTER,
    INSURGENT_DEVICE,
    MEETING_GUEST,
    MEETING_HELD,
    NOT_EVENT,
    NOUN_TRIGGER,
    PARTIES,
    PASSIVE_BEFORE,
    PLAN,
    SECURITY_TOPIC,
    SPORT,
    STALLED,
    TOPIC,
)
from geo.events import EventType
from geo.prescan import screened
from geo.triggers import ALWAYS, HABITUAL, HEDGE, MODAL, NEGATION, PAST_ACTION, STAT

__all__ = ["Vetoes", "happened"]


class Vetoes:
    """The non-event cues of one sentence, found once, and whether one governs a trigger.

    What is mourned, tried, denied or planned is no event, but only in the clause the cue
    governs (:func:`geo.clauses.governs`); a habit ("routinely") unless people were hurt;
    an accident kills without an attacker.
    """

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.not_event = [
            *NOT_EVENT.finditer(sentence),
            # an accident word never vetoes an insurgent device: "caught fire after it was
            # hit by an IED" is an attack
            *(() if _DEVICE.search(sentence) else ACCIDENT.finditer(sentence)),
        ]
        self.distant = list(DISTANT.finditer(sentence))
        self.foiled = list(FOILED_PLOT.finditer(sentence))  # the arrest that foiled it stands
        # "agreed to carry out a second phase in the coming weeks": a plan, as the corpus
        # conventions read it (an agreement is reached or signed, its steps are plans)
        self.plans = [*PLAN.finditer(sentence), *CONDITION.finditer(sentence)]
        self.always = list(ALWAYS.finditer(sentence))
        # a match report: two sports words and no bomb ("the attack dominated the match")
        self.sport = len(
            {m.group(0).lower() for m in SPORT.finditer(sentence)}
        ) >= 2 and not INSURGENT_DEVICE.search(sentence)

    def veto(self, trigger: int, *, hurt: bool, kind: EventType = "attack") -> bool:
        """Whether a non-event cue governs the trigger (of type ``kind``) at ``trigger``."""
        s = self.sentence
        return (
            (self.sport and not hurt and _sport_role(s, trigger))
            # a foiled attempt is no event, but people killed foiling it are one
            or (kind != "arrest" and not hurt and governed(s, self.foiled, trigger))
            or governed(s, self.not_event, trigger)
            or any(_distant_governs(s, d, trigger) for d in self.distant)
            or governed(s, self.plans, trigger)
            or (not hurt and governed(s, self.always, trigger, strict=True))
        )


# insurgent devices and weapons: an accident word ("caught fire") never vetoes an attack by them
_DEVICE = re.compile(
    INSURGENT_DEVICE.pattern[:-3] + r"|mortars?|rockets?|grenades?|shell(?:s|ing|ed))\b", re.I
)
# words of a match report that can be a trigger's subject or object: "the team's attack"
_SPORT_ROLE = re.compile(SPORT.pattern[:-3] + r"|teams?(?:['’]s)?|players?|side['’]s|club)\b", re.I)
# a subordinate clause with its own verb after the distance phrase: "after he was wounded",
# "after he was wounded by an ISIS mortar"
_DISTANT_CLAUSE = re.compile(
    r"\s+(?:(?:he|she|they|it|we|I)\s+|(?:[\w'’-]+\s+){0,2}?(?:was|were|had|has|have)\s+"
    r"(?:been\s+)?(?:\w+ly\s+)?)(?:\w+ed\s+(?:by|in|with|from)\s+(?:[\w'’-]+\s+){0,3})?",
    re.I,
)
_DAY_DATE = re.compile(
    r"\b(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2})\b|\b(?:yesterday|today)\b",
    re.I,
)


def _sport_role(sentence: str, trigger: int) -> bool:
    """Whether a sports word is the trigger's own subject or object ("the team's attack").

    Two words before the trigger, or its object: the three words after it, up to punctuation.
    "Gunmen attacked fans leaving a football match" names a match further on: an attack.
    """
    before = " ".join(sentence[:trigger].split()[-2:])
    word = re.match(r"[\w-]+", sentence[trigger:])
    end = trigger + (word.end() if word else 0)
    after = re.split(r"[,;:.]", sentence[end:], maxsplit=1)[0]
    return bool(_SPORT_ROLE.search(before) or _SPORT_ROLE.search(" ".join(after.split()[:3])))


def _distant_governs(sentence: str, cue: re.Match[str], trigger: int) -> bool:
    """Whether "years after", "months ago" governs the trigger's own verb.

    "three years after he was wounded", "killed two years ago": the trigger's event lies far
    from the day told. "returned months after the liberation attacked a checkpoint near Hawija
    on Saturday": the phrase belongs to another verb; a trigger with its own day is news.
    """
    if cue.end() <= trigger:
        between = sentence[cue.end() : trigger]
        return bool(_DISTANT_CLAUSE.fullmatch(between)) and governs(sentence, cue.span(), trigger)
    tail = sentence[trigger : cue.start()]
    return governs(sentence, cue.span(), trigger) and not _DAY_DATE.search(tail)


def _clause_before(sentence: str, pos: int) -> str:
    """The text of the clause that contains ``pos``, up to it (a comma or "and" ends one)."""
    head = sentence[:pos]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(" — "))
    return head[cut + 1 :]


# a past-tense verb trigger ("attacked", "shot", "blew up"), not a noun ("attacks")
_PAST_VERB = re.compile(
    r"(?i:\w+ed(?: (?:on|at|upon|down|dead|fire|up))?|shot(?: dead| at)?|blew up|blown up|"
    r"set (?:\w+ )?(?:fire|ablaze)|stole|came under (?:\w+ )?fire|fired (?:on|at|upon)|"
    r"exchanged (?:heavy )?fire|repelled|fired (?:\w+ ){0,2}(?:rounds|shells|rockets|missiles|"
    r"bullets|shots|projectiles|mortars?|RPGs?))"
)
# a participle after a noun phrase inside a prepositional phrase: "for the crops burned",
# "over the houses destroyed": it names what an earlier event did, it reports none
_REDUCED_RELATIVE = re.compile(
    r"\b(?:for|over|of|about|after|following|against|with|from)\s+(?:the|their|its|his|her|"
    r"those|these)\s+(?:[\w'’-]+\s+){1,3}$",
    re.I,
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens)\s", re.I
)
_FINITE = re.compile(r"\b(?:\w+ed|is|was|were|are|has|have|had|says|said)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:been\s+|long\s+|repeatedly\s+)?$", re.I)
_TOPIC_BEFORE = re.compile(
    r"\b(?:met|meeting|talks|discuss\w*|review\w*|coordinat\w+ of|agreed)\b", re.I
)


def _violent(kind: EventType, s: str, m: re.Match[str], dated: bool, killed: int | None) -> bool:
    """The checks every violent type shares: modality, habit, negation, accusation."""
    clause = _clause_before(s, m.start())
    lead = s[max(0, m.start() - 80) : m.start()]
    # modal, habit and plan words count in the trigger's own clause only (geo.clauses)
    if not killed and governed(s, MODAL.finditer(s), m.start(), strict=True, before_only=True):
        return False
    if not dated and not killed and governed(s, HABITUAL.finditer(s), m.start(), strict=True):
        return False
    if not killed and governed(s, ALWAYS.finditer(s), m.start(), strict=True):
        return False
    if not killed and (
        re.search(HEDGE.pattern + r"\s+$", s[: m.start()], re.I)
        or re.match(r",?\s+" + HEDGE.pattern, s[m.end() :], re.I)
    ):
        return False  # "mostly attacked patrols", "attacks, mostly in rural parts": a habit
    if not killed and NOUN_TRIGGER.fullmatch(m.group(0)) and FUTURE_AFTER.match(s, m.end()):
        return False  # "further sweeps are planned", "joint patrols will begin"
    if NEGATION.search(clause[-40:]) and not killed:
        return False
    if kind != "arrest" and ACCUSED.search(lead[-60:]):
        return False
    if kind in ("operation", "airstrike") and _TOPIC_BEFORE.search(s[: m.start()]):
        return False  # "a meeting ... on joint operations": the topic, not an event
    if governed(s, TOPIC.finditer(s), m.start(), strict=True, before_only=True):
        return False  # "the meeting reviewed ISIS attacks on villages": what was talked over
    return True


def happened(
    kind: EventType, s: str, m: re.Match[str], dated: bool, hurt: int | None, *, parties: int = 0
) -> bool:
    """Whether the trigger ``m`` of type ``kind`` in sentence ``s`` reports an event that happened.

    ``dated``: the sentence gives a resolvable past date; ``hurt``: the people it says were
    killed or wounded; ``parties``: the number of actors it names (an agreement needs two).
    """
    killed = hurt
    word = m.group(0)
    lead = s[max(0, m.start() - 80) : m.start()]
    if kind in ("attack", "airstrike", "arrest", "operation") and not _violent(
        kind, s, m, dated, killed
    ):
        return False
    if (
        kind == "operation"
        and re.fullmatch(r"(?i:destroyed|seized|dismantled|cleared)", word)
        and PASSIVE_BEFORE.search(lead[-25:])
        and not dated
    ):
        return False  # "Rifles and food stored inside were also destroyed.": a detail
    relative = _REDUCED_RELATIVE.search(lead)
    if (
        relative is not None
        and re.fullmatch(r"(?i:\w+ed|burnt|shot)", word)
        and _FINITE.search(lead[: relative.start()])
        # a verb with its own object is the clause's verb, no participle: "months after the
        # liberation attacked a checkpoint"
        and not _OBJECT_AFTER.match(s, m.end())
    ):
        # "demanded compensation for the crops burned during the summer": the participle
        # names what an earlier event did; the sentence's verb came before ("demanded")
        return False
    if kind == "attack" and ATTACK_NOUN.fullmatch(word) and ARREST_VERB.search(s[: m.start()]):
        return False  # "arrested four men, including one accused of the 2014 assault"
    if kind == "attack" and FOUND.search(lead[-70:]):
        return False  # "engineers defused an IED", "found a cache of mortar rounds"
    if kind == "airstrike" and BACKED.search(lead[-50:]):
        return False  # "troops backed by coalition aircraft raided": the raid is the event
    if kind == "attack":
        plural_generic = word.lower() in ("attacks", "clashes", "bombs")
        if killed or (dated and not plural_generic) or bool(PAST_ACTION.search(s) and dated):
            return True
        # undated, nobody hurt: a past-tense verb still reports one ("Militants attacked a
        # post near Kifri."); kept with a low confidence, its date from the context
        return bool(_PAST_VERB.fullmatch(word)) and not _PERFECT.search(lead)
    if kind in ("airstrike", "arrest"):
        return dated or bool(PAST_ACTION.search(s)) or bool(ARREST_VERB.search(s))
    if kind == "operation":
        return bool(PAST_ACTION.search(s)) or dated or bool(STAT.search(s))
    if kind == "agreement":
        return _agreement(s, m, parties)
    if kind == "other":  # protests: only dated or counted gatherings, not the word in passing
        return dated or bool(
            re.search(r"\b\d[\d,]*\s+(?:people|protesters|demonstrators)\b", s, re.I)
        )
    if kind == "meeting":
        return _meeting(s, m, dated)
    return False


def _agreement(s: str, m: re.Match[str], parties: int) -> bool:
    """An agreement reached or signed between parties about security (not a budget, a contract)."""
    if re.search(
        r"\b(?:mechanism|arrangements?|plan|framework|terms|mechanisms)\s+$", s[: m.start()]
    ):
        return False  # "a coordination mechanism agreed between Baghdad and Erbil"
    if re.search(r"\b(?:will|would|to)\s+(?:enter|take effect)\b|\bwelcomed the\b", s, re.I):
        return False
    if not SECURITY_TOPIC.search(s):
        return False  # "approved the budget", "signed a contract to build a road"
    signed_deal = re.match(
        # "signed a protocol", "signed, in Baghdad, a protocol", "signed in Erbil on Sunday a
        # security protocol": the deal signed, after a place or day
        r"(?:,?\s+(?:in|at|on)\s[^.;]{0,60}?)?\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:agreement|deal|accord|memorandum|protocol)\b",
        s[m.end() :],
        re.I,
    )
    if m.group(0).lower() in ("approved", "decided", "signed", "inked") and not (
        parties >= 2 or PARTIES.search(s) or signed_deal
    ):
        return False  # one body deciding alone is a decision, not an agreement
    # "had previously agreed", "the issues they have agreed on before": an undated
    # reference to an older agreement, not an event of this report.
    return not re.search(
        r"\b(?:previously|earlier|before|in the past)\b",
        s[max(0, m.start() - 30) : m.end() + 40],
        re.I,
    )


def _meeting(s: str, m: re.Match[str], dated: bool) -> bool:
    """A meeting that took place: people met, visited, held talks (not talks "continuing")."""
    word = m.group(0).lower()
    if governed(s, STALLED.finditer(s), m.start(), strict=True):
        return False  # "talks with Baghdad were continuing"
    if word in ("received", "hosted"):
        return bool(MEETING_GUEST.match(s, m.end()))  # a guest, not "received medical aid"
    if word == "arrived in":
        return bool(re.search(r"\b(?:delegation|minister|envoy|commander|official)", s, re.I))
    if word in ("discuss", "talks", "delegation", "conference", "visits"):
        held = [h for h in MEETING_HELD.finditer(s) if h.start() != m.start()]
        if not held:
            return False  # "talks on joint brigades", "a meeting": said about, not held
    if word == "discussed" and not dated and not MEETING_HELD.search(s):
        return False
    return not re.search(r"\bplanning meetings\b|\bmeetings? (?:will|would)\b", s, re.I)


# geo.prescan: these patterns skip the texts that hold none of their words (same answers)
_DEVICE = screened(_DEVICE)

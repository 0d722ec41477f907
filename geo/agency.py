"""Who acts decides the type: the same verb is an airstrike, an attack or an operation.

"Helicopters attacked a group of IS fighters" is an airstrike (aircraft are the subject);
"IS militants raided an army post" is an attack (the insurgents act), "a force raided a
hideout, where a wanted terrorist was killed" an operation (the insurgents are the dead).
:func:`retype` reads one trigger of a sentence for its acting subject; :func:`spread_out`
says a sentence rounds up many events ("in different parts of the province over the past
weeks") rather than telling one.

Pure functions over one sentence (its text and actor mentions); the words are the reporting's,
written per kind of language, never per sentence.
"""

from __future__ import annotations

import re

from geo.actors import ActorMention
from geo.events import EventType

__all__ = ["adjectival", "infinitive", "planned", "retype", "spread_out"]

# aircraft as the subject right before the verb: "army aviation helicopters attacked", "F-16
# jets on Thursday bombed", "a drone reportedly fired on"
_AIRCRAFT_SUBJECT = re.compile(
    r"\b(?:helicopters?|gunships?|jets|warplanes?|aircraft|drones?|aviation|F-?16s?|"
    r"Sukhois?) (?:(?:also|reportedly|later|then|again) )?(?:on (?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)(?: (?:night|morning|evening|afternoon))? )?$",
    re.I,
)
# a verb whose subject acts on others (not "helicopters were shot down", "drones crashed")
_ACTIVE_VIOLENCE = re.compile(
    r"(?i:attacked|targeted|struck|bombed|pounded|shelled|hit|killed|fired\b.*|opened fire|"
    r"raided|stormed|destroyed|engaged|strafed)"
)
# between the insurgents and the operation verb: words that make them its object or victims
_NOT_THEIR_ACT = re.compile(
    r"[;:]|\b(?:by|against|on|targeting|of|from|with|were|was|been|being|is|are|"
    r"hunt\w*|pursu\w*|fled|said|told|according)\b",
    re.I,
)
_ARMED = frozenset({"ISIS", "Unidentified armed group"})
# "a wanted terrorist was killed", "two ISIS operatives who opened fire ... were killed"
_INSURGENTS_KILLED = re.compile(
    r"\b(?:terrorists?|militants?|jihadists?|operatives|insurgents?|gunmen|attackers?|"
    r"assailants?|(?:ISIS|IS|Daesh) (?:members?|fighters?|elements?|suspects?)|wanted (?:man|men|"
    r"suspects?|terrorists?))\b[^.;]{0,70}?\b(?:was|were)\s+(?:\w+ly\s+|also\s+|all\s+)?"
    r"(?:killed|neutrali[sz]ed|shot dead)\b",
    re.I,
)
# an operation named in the sentence: its own verb or the one it belongs to ("during the raid")
_OPERATION_WORD = re.compile(
    r"\b(?:raided|stormed|swept|combed|searched|operations?|raids?|sweeps?|assault force|"
    r"ambush set|security forces? (?:clashed|engaged))\b",
    re.I,
)
# own losses of the forces make it an attack on them: "two soldiers were killed"
_FORCES_KILLED = re.compile(
    r"\b(?:soldiers?|troops|policem[ae]n|officers?|Peshmerga|fighters of|members of the "
    r"(?:security|police|army)|personnel|guards?)\b[^.;]{0,40}?\b(?:was|were)\s+"
    r"(?:\w+ly\s+)?(?:killed|wounded|injured)\b",
    re.I,
)
_ROUNDUP = re.compile(
    r"\bin (?:different|various|several|multiple|separate|a number of) (?:parts|areas|regions|"
    r"districts|provinces|governorates|locations|places|villages|towns)\b|"
    r"\b(?:over|during|in) the (?:past|last|previous) (?:few |several |two |three )?"
    r"(?:weeks|months|days)\b|\bsince the (?:beginning|start) of\b",
    re.I,
)


# after an event noun: "A larger operation, to be carried out by two brigades, is scheduled
# to begin", "a second phase, which is planned for spring": what is to come, not what happened
_PLANNED_AFTER = re.compile(
    r",?\s+(?:(?:which|that)\s+(?:is|are|was|were)\s+)?to\s+be\s+(?:\w+ed|held|carried|"
    r"done|run|led|built)\b|"
    r"(?:,[^,;.]{1,80},|(?:(?!\band\b)[^,;.]){0,50}?)\s(?:is|are|was|were)\s+(?:scheduled|planned|"
    r"due|set|slated)\s+(?:to|for)\b|"
    r",?\s+(?:which|that)\s+(?:is|are|was|were)\s+(?:scheduled|planned|due|set|slated)\b",
    re.I,
)


# a participle used as an adjective: "the families of detained fighters", "the kidnapped men"
_ADJECTIVAL_BEFORE = re.compile(r"\b(?:of|for|the|their|his|her|its|to|with|and other)\s+$", re.I)
_PARTICIPLE = re.compile(r"(?i:detained|arrested|captured|kidnapped|abducted)")
_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:fighters|men|members|suspects|militants|people|"
    r"persons|relatives|detainees|prisoners|shepherds|civilians|soldiers|"
    r"women|children|man|woman|leaders?|operatives)\b"
)


def adjectival(sentence: str, start: int, end: int) -> bool:
    """Whether the trigger at ``start:end`` is a participle describing a noun, no verb.

    "paying the families of detained fighters", "the kidnapped shepherds were released": it
    names people an earlier event concerned; "police detained three suspects" is the verb.
    """
    return bool(
        _PARTICIPLE.fullmatch(sentence[start:end])
        and _ADJECTIVAL_BEFORE.search(sentence[max(0, start - 20) : start])
        and _NOUN_AFTER.match(sentence, end)
    )


# "agreed to set up joint checkpoints", "inked a deal to set up": a purpose, not what was done;
# but "managed to", "went on to", "began to" tell it happened
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
_DONE_TO = re.compile(
    r"\b(?:managed|went on|proceeded|began|started|moved|rushed|were sent|was sent|used)\s+to\s+$",
    re.I,
)


def infinitive(sentence: str, trigger: int) -> bool:
    """Whether the operation verb at ``trigger`` is an infinitive of purpose or plan ("to set up")."""
    lead = sentence[max(0, trigger - 30) : trigger]
    return bool(_TO_BEFORE.search(lead)) and not _DONE_TO.search(lead)


def planned(sentence: str, trigger_end: int) -> bool:
    """Whether the event noun ending at ``trigger_end`` is one to come ("to be carried out")."""
    return bool(_PLANNED_AFTER.match(sentence, trigger_end))


# aircraft only supporting the troops who act: "troops backed by coalition aircraft raided"
_SUPPORTING = re.compile(
    r"\b(?:backed|supported|assisted|covered|aided|escorted)\s+by\b|\b(?:support|cover)\s+of\b|"
    r"\bwith\s+(?:the\s+)?(?:help|support)\b",
    re.I,
)


def _aircraft_acts(sentence: str, trigger: int, word: str) -> bool:
    lead = sentence[max(0, trigger - 60) : trigger]
    subject = _AIRCRAFT_SUBJECT.search(lead)
    return bool(
        _ACTIVE_VIOLENCE.fullmatch(word)
        and subject is not None
        and not _SUPPORTING.search(lead[: subject.start()][-40:])
    )


def _insurgents_act(sentence: str, trigger: int, actors: tuple[ActorMention, ...]) -> bool:
    """The nearest actor before the trigger, in its clause, is ISIS or gunmen acting."""
    before = [a for a in actors if a.end <= trigger]
    if not before:
        return False
    last = before[-1]
    between = sentence[last.end : trigger]
    return last.actor in _ARMED and len(between) <= 60 and not _NOT_THEIR_ACT.search(between)


def _insurgents_killed_by_forces(
    sentence: str, trigger: int, actors: tuple[ActorMention, ...]
) -> bool:
    """Insurgents the ones killed, in an operation of the forces the sentence names."""
    killed = _INSURGENTS_KILLED.search(sentence)
    if killed is None or not killed.start() <= trigger < killed.end():
        return False
    if _FORCES_KILLED.search(sentence):
        return False  # the forces lost men: an attack on them (or a clash told as one)
    # "were killed in the raid", "when troops raided": an operation of the forces
    return bool(_OPERATION_WORD.search(sentence))


def retype(
    sentence: str, kind: EventType, trigger: int, word: str, actors: tuple[ActorMention, ...]
) -> EventType | None:
    """The type the acting subject gives the trigger ``word`` at ``trigger`` (else None).

    - aircraft as the subject of a violent verb: ``airstrike``;
    - ISIS or gunmen as the subject of an operation verb ("raided a post"): ``attack``;
    - an attack word that only tells insurgents killed, in a sentence naming the forces'
      operation ("raided a hideout, where a terrorist was killed"): ``operation``.
    """
    if kind in ("attack", "operation") and _aircraft_acts(sentence, trigger, word):
        return "airstrike"
    if kind == "operation" and _insurgents_act(sentence, trigger, actors):
        return "attack"
    if kind == "attack" and _insurgents_killed_by_forces(sentence, trigger, actors):
        return "operation"
    return None


def spread_out(sentence: str) -> bool:
    """Whether the sentence rounds up events of many places or weeks, not one event."""
    return bool(_ROUNDUP.search(sentence))

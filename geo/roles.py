"""Who did it and to whom: actor roles of an event from the actors its sentence names.

Each actor mention of the sentence is read for its grammatical role before roles are given:
a *speaker* ("police said", "a Peshmerga officer told Rudaw", "according to the army") tells
the story and takes no part in it; the *subject of a passive* ("Peshmerga were wounded",
"two soldiers were killed") is the victim; the *agent* of a passive ("by ISIS militants",
"planted by IS") is the attacker; otherwise the subject of the active verb did it and what
follows the event word suffered it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.actors import SECURITY_FORCES, ActorMention, find_actors
from geo.cues import SPEECH_VERB
from geo.events import Event
from geo.prescan import screened

__all__ = ["ActorRole", "assign_roles", "read_roles"]

_JOINT_SIDES = frozenset({"Peshmerga", "Iraqi Security Forces", "US-led Coalition"})
_ARMED = ("ISIS", "Unidentified armed group")
_SPEECH = SPEECH_VERB
# "police said", "a police source told", "Residents of Buhriz said", "officials in Kirkuk said"
_SPEAKER_AFTER = re.compile(
    r"^(?:\s+(?:source|sources|spokesman|spokesperson|official|officials|officer|officers|"
    r"commander|media office|statement|cell|command|member|members|of|in|at|from|the|a|an|"
    r"[A-Z][\w'’-]*))*?,?\s+" + _SPEECH + r"\b"
)
_SPEAKER_BEFORE = re.compile(
    r"\b(?:according to|quoted|told by|citing|cited|statement (?:by|from)|a statement of)\s+"
    r"(?:(?:the|a|an|its|local|senior|security)\s+)*(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_PASSIVE_AFTER = re.compile(
    r"^(?:\s+(?:fighters?|members?|personnel|soldiers?|troops|officers?|units?|forces|"
    r"positions?|posts?|patrols?|vehicles?|convoy|checkpoints?|and|of|an?|the|[A-Z][\w'’-]*|"
    r"\d+|two|three|four|five|six|seven|eight|nine|ten))*?\s+"
    r"(?:was|were|had been|have been|has been|got|being)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|hurt|attacked|targeted|ambushed|kidnapped|abducted|hit|struck|"
    r"shot|executed|martyred|captured|besieged|shelled)\b",
    re.I,
)
_AGENT_BEFORE = re.compile(
    r"\bby\s+(?:(?:a|an|the|suspected|alleged|unknown|unidentified|armed|remnants of|members "
    r"of|elements of|cells? of)\s+)*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ActorRole:
    """An actor mention and what the sentence makes of it.

    ``role`` is "speaker" (tells the story), "victim" (subject of a passive: "were killed"),
    "agent" (the "by ..." of a passive), "subject" (before the event word) or "object"
    (after it).
    """

    actor: str
    start: int
    role: str


def read_roles(body: str, trigger: int, actors: tuple[ActorMention, ...]) -> list[ActorRole]:
    """The grammatical role of each actor mention of ``body`` (event word at ``trigger``)."""
    out = []
    for m in actors:
        after = body[m.end : m.end + 80]
        before = body[max(0, m.start - 60) : m.start]
        if _SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before):
            role = "speaker"
        elif _AGENT_BEFORE.search(before):
            role = "agent"
        elif _PASSIVE_AFTER.match(after):
            role = "victim"
        elif m.end <= trigger:
            role = "subject"
        else:
            role = "object"
        out.append(ActorRole(m.actor, m.start, role))
    return out


def _first(roles: list[ActorRole], *wanted: str, actors: tuple[str, ...] = ()) -> str | None:
    for want in wanted:
        for r in roles:
            if r.role == want and (not actors or r.actor in actors):
                return r.actor
    return None


def _attack_roles(roles: list[ActorRole]) -> tuple[str | None, str | None]:
    """The attacker and the attacked of an attack, from the roles of the sentence's actors.

    The attacker is the agent of a passive ("by ISIS militants"), else ISIS or unidentified
    gunmen wherever named ("gunmen believed to be ISIS"), else the subject of the active
    verb ("Turkish forces shelled villages"); never a victim. The attacked is the subject of
    a passive ("Peshmerga were wounded"), else who follows the event word.
    """
    acting = [r for r in roles if r.role != "speaker"]
    first = _first(acting, "agent")
    if first is None:
        for armed in _ARMED:
            if any(r.actor == armed and r.role != "victim" for r in acting):
                first = armed
                break
    if first is None:  # "Turkish forces shelled villages": the subject attacked
        first = next(
            (r.actor for r in acting if r.role == "subject" and r.actor != "Civilians"), None
        )
    targets = [r for r in acting if r.actor != first and r.actor not in _ARMED]
    second = _first(targets, "victim", "object", "subject")
    return first, second


def assign_roles(
    event: Event, body: str, trigger: int, *, actors: tuple[ActorMention, ...] | None = None
) -> None:
    """Set ``actor1`` (who did it), ``actor2`` (victims or target) and ``assoc_actors``.

    An attack's roles follow the grammar (:func:`read_roles`); an operation's actor1 is the
    first security force that is not only telling the story, its actor2 the enemy; a
    meeting's actors are its parties. Peshmerga with Iraqi forces, or Iraqi forces with the
    coalition, make an operation joint.
    """
    mentions = actors if actors is not None else find_actors(body)
    roles = read_roles(body, trigger, mentions)
    names: list[str] = list(dict.fromkeys(r.actor for r in roles))
    # who only tells the story takes no part in it (unless it also acts in the sentence)
    acting = list(dict.fromkeys(r.actor for r in roles if r.role != "speaker"))
    forces = [a for a in acting if a in SECURITY_FORCES] or [
        a for a in names if a in SECURITY_FORCES
    ]
    first: str | None
    second: str | None
    if event.type == "attack":
        first, second = _attack_roles(roles)
        names = acting
    elif event.type in ("operation", "airstrike", "arrest"):
        first = forces[0] if forces else None
        if "ISIS" in acting:
            second = "ISIS"
        else:
            second = next(
                (a for a in acting if a != first and not (event.joint and a in SECURITY_FORCES)),
                None,
            )
    else:  # meeting or agreement: the parties, not the enemy they discuss
        parties = [a for a in names if a not in ("ISIS", "Civilians")]
        first = parties[0] if parties else None
        second = parties[1] if len(parties) > 1 else None
        names = parties
    rest = [a for a in names if a not in (first, second)]
    event.actor1, event.actor2 = first, second
    event.assoc_actors = "; ".join(rest) or None
    sides = {r.actor for r in roles if r.actor in _JOINT_SIDES}
    if (
        event.type == "operation"
        and not event.joint
        and len(sides) >= 2
        and not re.search(r"\bunilateral", body, re.I)
    ):
        # Peshmerga and Iraqi forces together, or Iraqi forces backed by the coalition
        event.joint = True
    if first is not None:
        event.confidence += 0.05


# geo.prescan: these patterns search through a case-folded twin, skip texts without their words
_PASSIVE_AFTER = screened(_PASSIVE_AFTER)

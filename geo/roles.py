"""Who did it and to whom: actor roles of an event from the actors its sentence names."""

from __future__ import annotations

import re

from geo.actors import SECURITY_FORCES, ActorMention, find_actors
from geo.events import Event

__all__ = ["assign_roles"]

_JOINT_SIDES = frozenset({"Peshmerga", "Iraqi Security Forces", "US-led Coalition"})


def assign_roles(
    event: Event, body: str, trigger: int, *, actors: tuple[ActorMention, ...] | None = None
) -> None:
    """Set ``actor1`` (who did it), ``actor2`` (victims or target) and ``assoc_actors``.

    The attacker is ISIS when named, else unidentified gunmen, else the subject of the verb;
    an operation's actor1 is the first security force, its actor2 the enemy; a meeting's
    actors are its parties. Peshmerga with Iraqi forces, or Iraqi forces with the coalition,
    make an operation joint.
    """
    names: list[str] = []
    subjects: list[str] = []  # actors named before the trigger word
    for mention in actors if actors is not None else find_actors(body):
        if mention.actor not in names:
            names.append(mention.actor)
        if mention.end <= trigger and mention.actor not in subjects:
            subjects.append(mention.actor)
    forces = [a for a in names if a in SECURITY_FORCES]
    first: str | None
    second: str | None
    if event.type == "attack":
        # the attacker did it (subject of the active verb, agent of the passive): ISIS when
        # named ("gunmen believed to be ISIS"), else unidentified gunmen, else the subject
        armed = ("ISIS", "Unidentified armed group")
        first = next((a for a in armed if a in names), None)
        if first is None:  # "Turkish forces shelled villages": the subject attacked
            first = next((a for a in subjects if a != "Civilians"), None)
        targets = [a for a in names if a != first and a not in armed]
        second = targets[0] if targets else None
    elif event.type in ("operation", "airstrike", "arrest"):
        first = forces[0] if forces else None
        if "ISIS" in names:
            second = "ISIS"
        else:
            second = next(
                (a for a in names if a != first and not (event.joint and a in SECURITY_FORCES)),
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
    sides = {a for a in forces if a in _JOINT_SIDES}
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

"""Actor vocabulary: the names the reporting uses, normalised to a few ACLED-style actors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ACTORS", "ActorMention", "find_actors"]

# canonical name -> aliases (regular expressions, matched case-sensitively where acronyms).
ACTORS: dict[str, tuple[str, ...]] = {
    "ISIS": (
        r"ISIS",
        r"ISIL",
        r"IS(?= (?:militants?|fighters?|cells?|attacks?|members?|gunmen|group|suspects?|"
        r"elements|remnants|hideouts?|positions?|financiers?|emirs?|commanders?))",
        r"Da['’]?esh",
        r"DAESH",
        r"Daish",
        r"[Ii]slamic State",
        r"[Tt]he [Ss]o-called Islamic State",
        r"(?:ISIS |IS |[Tt]errorist |[Jj]ihadist )?(?:[Mm]ilitants?|[Ii]nsurgents|[Jj]ihadists|[Ss]leeper cells?)",
        r"terrorists?(?! organi[sz]ation)",
    ),
    "Peshmerga": (
        r"(?:Kurdish |Kurdistan )?Peshmerga(?: [Ff]orces| units| personnel| members| fighters)?",
        r"Ministry of Peshmerga",
        r"Peshmerga [Mm]inistry",
        r"MoP",
        r"MOP",
        r"MOPE",
        r"Kurdish (?:forces|fighters|troops|security forces)",
        r"KSF",
        r"Kurdish counter-terrorism (?:forces|units|troops)",
        r"KRSC",
        r"Kurdistan Region Security Council",
        r"Zeravani",
        r"Asayish",
    ),
    "Iraqi Security Forces": (
        r"Iraqi [Ss]ecurity [Ff]orces",
        r"ISF",
        r"Iraqi [Aa]rmy",
        r"Iraqi (?:military|forces|troops|soldiers|artillery)",
        r"Joint Operations Command",
        r"JOC",
        r"Iraqi [Aa]ir [Ff]orce",
        r"Iraqi (?:jets|warplanes|aircraft|fighter jets|F-16s?(?: jets| aircraft| fighter jets)?|"
        r"helicopters|drones?)",
        r"Iraqi (?:defen[cs]e|interior) ministry",
        r"Ministry of (?:Defen[cs]e|Interior)",
        r"Counter[- ]Terrorism Service",
        r"CTS",
        r"[Ff]ederal [Pp]olice",
        r"Iraqi police",
        r"(?:[A-Z][\w-]+ ){0,3}Operations Command",
        r"(?:Iraqi )?National Security Service",
        r"NSS",
        r"(?:military )?intelligence (?:forces|officers|units|agents|directorate)",
        r"Intelligence Directorate",
        r"[Cc]ounter[- ][Tt]errorism (?:forces|troops|units)",
        r"(?i:army|police|federal police) (?:units|forces|patrols?|troops|artillery)",
        r"(?:Iraqi |[Ff]ederal )?(?:[Pp]olicem[ae]n|[Pp]olice officers?|[Pp]olice)",
        r"[Tt]roops",
        r"(?:Iraqi )?border (?:guards|forces|police)",
        r"[Aa]rmy",
        r"[Ss]oldiers",
        r"[Ss]ecurity forces",
        r"(?:\d+(?:st|nd|rd|th) )?(?:Infantry |Army )?Division of the Iraqi army",
    ),
    "US-led Coalition": (
        r"(?:US|U\.S\.)[- ]led [Cc]oalition(?: forces)?",
        r"[Ii]nternational [Cc]oalition",
        r"[Gg]lobal [Cc]oalition",
        r"CJTF-OIR",
        r"(?:U\.S\. )?Central Command(?: \(CENTCOM\))?(?: forces)?",
        r"CENTCOM(?: forces)?",
        r"(?:US|U\.S\.|American) (?:forces|troops|aircraft|special forces)",
        r"Operation Inherent Resolve",
        r"MAG-North",
        r"Military Advis[oe]r Group",
        r"[Cc]oalition(?: forces| advis[oe]rs| officials?)?",
    ),
    "Popular Mobilization Forces": (
        r"Popular Mobili[sz]ation (?:Forces|Units)",
        r"PMF",
        r"PMU",
        r"Hashd(?: al-Shaabi)?",
        r"Tribal Mobili[sz]ation(?: Forces| fighters?)?",
        r"(?:Iranian|Iran)-backed (?:militias?|militia forces|groups?)",
    ),
    "Kurdistan Regional Government": (
        r"Kurdistan Regional Government",
        r"KRG(?!_)",
        r"Kurdistan Region(?:al)? (?:government|"
        r"[Pp]residency|President|Prime Minister)",
        r"Erbil government",
    ),
    "Government of Iraq": (
        r"Iraqi (?:federal )?government",
        r"[Ff]ederal government",
        r"Baghdad government",
        r"Iraqi Prime Minister",
        r"Government of Iraq",
    ),
    "Turkish Armed Forces": (
        r"Turkish (?:army|military|forces|troops|soldiers|warplanes|aircraft|drones?|jets|"
        r"artillery|shelling|bombardment)",
        r"Turkey['’]s (?:army|military|forces|troops)",
    ),
    "Iranian Armed Forces": (
        r"Iranian (?:army|military|forces|troops|artillery|shelling|bombardment|drones?)",
        r"Iran['’]s (?:army|military|forces)",
    ),
    "PKK": (r"PKK", r"Kurdistan Workers['’]? Party"),
    "Civilians": (
        r"(?i:civilians?|shepherds?|farmers?|villagers?|residents?|mukhtars?|herders?|"
        r"truffle (?:hunters|gatherers|pickers)|fishermen|tribal (?:elders?|sheikhs?))",
    ),
    "Unidentified armed group": (
        r"(?i:(?:unknown|unidentified) (?:gunmen|assailants|attackers))",
        r"(?i:gunmen)",
    ),
}
_PATTERNS = [
    (name, re.compile(r"(?<![\w@#])(?:" + "|".join(aliases) + r")(?!\w)"))
    for name, aliases in ACTORS.items()
]
SECURITY_FORCES = frozenset(
    {
        "Peshmerga",
        "Iraqi Security Forces",
        "US-led Coalition",
        "Popular Mobilization Forces",
        "Turkish Armed Forces",
        "Iranian Armed Forces",
    }
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: canonical name and the span of the surface form."""

    actor: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def find_actors(text: str) -> tuple[ActorMention, ...]:
    """Every actor mention in ``text``, left to right, longest first where they overlap."""
    hits = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            hits.append(ActorMention(name, m.start(), m.end()))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[ActorMention] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return tuple(out)

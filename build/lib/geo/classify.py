"""Sentence classification: is this sentence an event that happened, and of which type.

Rules over the language of security reporting, not over any one article: trigger words per
type, then filters for what did *not* happen (agreements "to conduct" operations, air support
that "would" come, habitual "routinely conducts airstrikes", generic "attacks increased") and
for statistics ("7,516 operations"), which become one aggregate record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.actors import find_actors
from geo.casualties import count_casualties, parse_number
from geo.events import EventType

__all__ = ["Classification", "classify"]


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)


TRIGGERS: dict[EventType, re.Pattern[str]] = {
    "attack": _rx(
        r"attack(?:ed|s)?",
        r"ambush(?:ed)?(?! set)",
        r"IEDs?",
        r"(?:roadside|car|suicide) bomb\w*",
        r"explosive devices?",
        r"bomb(?:ing|ed|s)?",
        r"sniper(?:s| fire)?",
        r"kidnap\w*",
        r"abduct\w*",
        r"assassinat\w*",
        r"shot dead",
        r"opened fire",
        r"mortars?",
        r"shell(?:ing|ed)",
        r"rockets?",
        r"blast",
        r"explo(?:sion|ded)",
        r"landmine",
        r"gunfire",
        r"clash(?:es|ed)?",
        r"targeted",
        r"stormed",
        r"shot",
        r"shooting",
        r"gunned down",
        r"murdered",
        r"beheaded",
        r"grenades?",
        r"killed",
        r"assault(?:ed)?",
    ),
    "airstrike": _rx(
        r"air ?strikes?",
        r"air raids?",
        r"drone strikes?",
        r"warplanes?",
        r"bombard\w*",
        r"(?:air force|aircraft|jets|drones?) (?:struck|bombed|targeted|hit|pounded)",
    ),
    "arrest": _rx(
        r"arrest(?:ed|s)?",
        r"detain(?:ed)?",
        r"apprehend(?:ed)?",
        r"captured",
        r"in custody",
        r"rounded up",
    ),
    "operation": _rx(
        r"operations?",
        r"patrols?",
        r"sweeps?",
        r"raids?",
        r"offensive",
        r"clearance",
        r"combing",
        r"ambush(?:es)? set",
        r"set (?:up )?an ambush",
        r"pushed .{0,40}\bout\b",
        r"expelled",
        r"recaptured",
        r"retook",
        r"took control",
        r"liberat(?:ed|ion)",
    ),
    "agreement": _rx(
        r"agreed",
        r"reached (?:an?|the) (?:agreement|deal|accord|understanding)",
        r"signed",
        r"conclu(?:ded|sion of) an? agreement",
        r"an agreement was (?:concluded|reached|signed)",
        r"decided",
        r"approved",
    ),
    "meeting": _rx(
        r"met",
        r"meetings?",
        r"visit(?:ed|s)?",
        r"held talks",
        r"talks",
        r"delegation",
        r"discuss(?:ed)?",
        r"hosted",
        r"received",
        r"arrived in",
        r"convened",
        r"conference",
    ),
}
TRIGGERS["other"] = _rx(
    r"demonstrat(?:ed|ion|ions|ors)",
    r"protest(?:ed|s|ers)?",
    r"rall(?:y|ied)",
    r"sit-in",
    r"riot(?:s|ed)?",
)
PRIORITY: tuple[EventType, ...] = (
    "airstrike",
    "attack",
    "arrest",
    "operation",
    "agreement",
    "meeting",
    "other",
)

_MODAL = _rx(
    r"agreed",
    r"agree",
    r"agreement",
    r"plans?",
    r"planned",
    r"will",
    r"would",
    r"could",
    r"should",
    r"must",
    r"may",
    r"might",
    r"aims?",
    r"aimed",
    r"intend\w*",
    r"calls? for",
    r"called for",
    r"urged?",
    r"push(?:ed|ing)? for",
    r"to (?:conduct|carry out|launch|intensify|"
    r"increase|establish|fill|improve|enhance|develop|prevent|address|confront|combat|defeat|"
    r"strengthen|coordinate|hold|discuss|provide|eliminate)",
    r"discuss\w*",
    r"consider\w*",
    r"prepar\w* to",
    r"ready to",
    r"capable of",
    r"able to",
    r"threat\w* to",
    r"warn\w*",
    r"ways to",
    r"need for",
    r"importance of",
    r"on more",
    r"more joint",
    r"expected to",
    r"next steps",
    r"in order to",
    r"so as to",
    r"stressed",
    r"emphasi[sz]ed",
    r"underlined",
)
_ALWAYS = _rx(  # habits and capabilities are never an event, dated or not
    r"routinely",
    r"regularly",
    r"often",
    r"usually",
    r"frequently",
    r"repeatedly",
    r"continues? to",
    r"capable of",
    r"able to",
    r"tend to",
    r"typically",
)
_HABITUAL = _rx(
    r"continued to",
    r"remains?",
    r"still",
    r"have increased",
    r"has increased",
    r"increased recently",
    r"escalating",
    r"sporadic",
    r"hit-and-run",
    r"capable of",
    r"exploit\w*",
    r"in recent (?:months|years|weeks)",
    r"since then",
    r"ongoing",
)
_NEGATION = _rx(
    r"no",
    r"not",
    r"never",
    r"denied",
    r"without",
    r"thwart\w*",
    r"foil\w*",
    r"prevented",
    r"averted",
    r"failed to",
)
_PAST_ACTION = _rx(
    r"carried out",
    r"conducted",
    r"launched",
    r"began",
    r"started",
    r"executed",
    r"performed",
    r"staged",
    r"mounted",
    r"set up",
    r"ambushed",
    r"killed",
    r"wounded",
    r"injured",
    r"targeted",
    r"struck",
    r"hit",
    r"exploded",
    r"detonated",
    r"was (?:killed|wounded|injured)",
    r"were (?:killed|wounded|injured|arrested|detained)",
    r"attacked",
    r"pushed",
    r"expelled",
    r"clashed",
    r"opened fire",
    r"stormed",
    r"seized",
    r"kidnapped",
    r"abducted",
)
_STAT = re.compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|several|hundreds)\s+(?:[\w-]+\s+){0,3}?(?P<what>operations|patrols|raids|"
    r"airstrikes|air strikes|attacks|meetings|arrests|missions)\b",
    re.I,
)
_SUBTYPES = (
    ("abduction", _rx(r"kidnap\w*", r"abduct\w*")),
    ("suicide", _rx(r"suicide")),
    (
        "explosive",
        _rx(
            r"IEDs?",
            r"(?:roadside|car) bomb\w*",
            r"explosive devices?",
            r"landmine",
            r"blast",
            r"explo(?:sion|ded)",
            r"bomb(?:ing|ed|s)?",
        ),
    ),
    ("shelling", _rx(r"mortars?", r"rockets?", r"shell(?:ing|ed)")),
    ("sniper", _rx(r"sniper(?:s| fire)?")),
    ("civilians", _rx(r"civilians?", r"shepherds?", r"farmers?", r"villagers?")),
)


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


def _before(sentence: str, pos: int, pattern: re.Pattern[str], window: int = 80) -> bool:
    return bool(pattern.search(sentence[max(0, pos - window) : pos]))


def _clause_before(sentence: str, pos: int) -> str:
    """The text of the clause that contains ``pos``, up to it (a comma or "and" ends one)."""
    head = sentence[:pos]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(" — "))
    return head[cut + 1 :]


def _valid(kind: EventType, s: str, m: re.Match[str], dated: bool, hurt: int | None) -> bool:
    """Whether the trigger ``m`` reports an event that happened (``hurt``: casualties)."""
    killed = hurt
    clause = _clause_before(s, m.start())
    lead = s[max(0, m.start() - 80) : m.start()]
    if kind in ("attack", "airstrike", "arrest", "operation"):
        if _MODAL.search(lead) and not killed:
            return False
        if _HABITUAL.search(s) and not dated and not killed:
            return False
        if _ALWAYS.search(lead) and not killed:
            return False
        if _NEGATION.search(clause[-40:]) and not killed:
            return False
    if kind == "attack":
        plural_generic = m.group(0).lower() in ("attacks", "clashes", "bombs")
        return (
            bool(killed) or (dated and not plural_generic) or bool(_PAST_ACTION.search(s) and dated)
        )
    if kind in ("airstrike", "arrest"):
        return (
            dated
            or bool(_PAST_ACTION.search(s))
            or bool(re.search(r"\b(?:arrested|detained|captured|apprehended)\b", s, re.I))
        )
    if kind == "operation":
        return bool(_PAST_ACTION.search(s)) or dated or bool(_STAT.search(s))
    if kind == "agreement":
        if re.search(r"\b(?:will|would|to)\s+(?:enter|take effect)\b|\bwelcomed the\b", s, re.I):
            return False
        # "had previously agreed", "the issues they have agreed on before": an undated
        # reference to an older agreement, not an event of this report.
        return not re.search(
            r"\b(?:previously|earlier|before|in the past)\b",
            s[max(0, m.start() - 30) : m.end() + 40],
            re.I,
        )
    if kind == "other":  # protests: only dated or counted gatherings, not the word in passing
        return dated or bool(
            re.search(r"\b\d[\d,]*\s+(?:people|protesters|demonstrators)\b", s, re.I)
        )
    if kind == "meeting":
        word = m.group(0).lower()
        if word in ("discuss", "discussed", "talks", "delegation", "conference", "visits"):
            return dated or bool(re.search(r"\b(?:met|visited|held|arrived)\b", s, re.I))
        if re.search(r"\bplanning meetings\b|\bmeetings? (?:will|would)\b", s, re.I):
            return False
        return True
    return False


def classify(sentence: str, *, dated: bool) -> Classification | None:
    """Classify one sentence; ``dated`` says whether it holds a resolvable date expression."""
    killed, injured = count_casualties(sentence)
    names = [(a.start, a.end) for a in find_actors(sentence)]
    for kind in PRIORITY:
        for m in TRIGGERS[kind].finditer(sentence):
            if any(a <= m.start() and m.end() <= b for a, b in names):  # "Joint Operations Command"
                continue
            casualties = (killed or 0) + (injured or 0) or None
            if not _valid(kind, sentence, m, dated, casualties):
                continue
            if kind == "attack" and _forces_strike_first(sentence, m.start()):
                # "Security forces killed 4 ISIS members": the state's side acted: a clash
                # fought by an operation, not an attack on it.
                verdict = _verdict("operation", sentence, m, dated, killed, injured)
                return replace(verdict, subtype="clash")
            return _verdict(kind, sentence, m, dated, killed, injured)
    return None


_SECURITY = frozenset(
    {"Peshmerga", "Iraqi Security Forces", "US-led Coalition", "Popular Mobilization Forces"}
)
_STRIKE_VERBS = re.compile(
    r"\b(?:killed|shot|shooting|clashed|clash(?:es)?|ambushed|targeted|"
    r"attacked|stormed|assault(?:ed)?)\b",
    re.I,
)


def _forces_strike_first(sentence: str, trigger: int) -> bool:
    """True when security forces are the subject before the trigger and ISIS only after it."""
    if not _STRIKE_VERBS.match(sentence, trigger):
        return False
    actors = find_actors(sentence)
    before = [a.actor for a in actors if a.end <= trigger]
    after = [a.actor for a in actors if a.start >= trigger]
    return bool(before) and before[-1] in _SECURITY and "ISIS" not in before and "ISIS" in after


def _verdict(
    kind: EventType,
    s: str,
    m: re.Match[str],
    dated: bool,
    killed: int | None,
    injured: int | None,
) -> Classification:
    stat = _STAT.search(s)
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
        subtype = next((name for name, rx in _SUBTYPES if rx.search(s)), None)
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

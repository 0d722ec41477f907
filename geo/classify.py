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

__all__ = ["Classification", "classify", "is_summary"]


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
        r"fired (?:on|at|upon)",
        r"came under (?:\w+ )?fire",
        r"shot at",
        r"set fire",
        r"set (?:\w+ )?ablaze",
        r"torch(?:ed|ing)",
        r"burn(?:ed|t|ing)",
        r"fires? set by",
        r"blew up",
        r"blown up",
        r"detonated",
        r"rigged with explosives",
        r"stole",
        r"looted",
        r"rustled",
        r"extort\w*",
    ),
    "airstrike": _rx(
        r"air ?strikes?",
        r"air raids?",
        r"drone strikes?",
        r"warplanes?",
        r"bombard\w*",
        r"(?:air force|aircraft|jets|drones?) (?:struck|bombed|targeted|hit|pounded)",
        r"(?:F-?16|Sukhoi)s?(?: (?:fighter )?(?:jets|aircraft|warplanes))?",
        r"fighter jets",
        r"(?:jets|aircraft|warplanes|helicopters)(?: of [\w -]{3,30}?)? (?:struck|bombed|carried out|"
        r"hit|destroyed|pounded|targeted|killed|engaged)",
        r"strikes?(?= (?:engaged|destroyed|killed|hit|on|against|targeting|near|in))",
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
        r"raided",
        r"swept",
        r"searched",
        r"search(?:es)?(?= (?:operations?|of|in|around|near|through)\b)",
        r"combed",
        r"cleared",
        r"hunted down",
        r"destroyed",
        r"dismantled",
        r"defused",
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
    r"(?-i:may)",  # not the month
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
    r"(?:more|increasingly) (?:frequent|common)",
    r"have become",
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
    r"destroyed",
    r"engaged",
    r"searched",
    r"raided",
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


_PROTEST = _rx(
    r"protest\w*",
    r"demonstrat\w*",
    r"rall(?:y|ied|ies)",
    r"sit-in",
    r"marched",
    r"riot\w*",
    r"demanding",
    r"chanting",
)
_CIVIL_UNREST = _rx(
    r"protest\w*",
    r"demonstrat\w*",
    r"rall(?:y|ied|ies)",
    r"sit-in",
    r"marched",
    r"riot\w*",
    r"(?:residents|crowds?|supporters|employees|graduates|workers|students|farmers|families)"
    r"(?: of [\w' -]{2,40}?)? (?:gathered|blocked|burned|stormed|marched|set)",
    r"tribes?",
    r"tribal(?! mobili[sz]ation)",
    r"clans?",
    r"feud",
    r"(?:land|family|tribal|clan) dispute",
    r"dispute between",
)
# Names of institutions that hold a trigger word: "Kirkuk Operations Command", "Security Media
# Cell", "Counter-Terrorism Service", "operations room": a headquarters, not an operation.
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,3}Operations?\s+(?:Command|Center|Centre|Room)\b|"
    r"\b(?:joint\s+)?operations?\s+(?:command|room|cent(?:er|re)s?)\b|"
    r"\b(?:Security Media Cell|Counter[- ]Terrorism Service|Anti[- ]Terrorism\s+\w+)\b|"
    r"\bair (?:force|defen[cs]e)\s+(?:base|command)\b",
    re.I,
)
# What is said, judged, mourned or denied is not an event of this report.
# "announced the results of operations carried out on Sunday": a summary whose items follow
_RESULTS_OF = re.compile(
    r"\b(?:results?|outcome|toll|details|summary) of (?:the\s+)?(?:[\w-]+\s+){0,7}?"
    r"(?:operations?|raids?|airstrikes|strikes|attacks|campaign)\b",
    re.I,
)
_NOT_EVENT = _rx(
    r"sentenced",
    r"court",
    r"verdict",
    r"trial",
    r"convicted",
    r"funerals?",
    r"mourners",
    r"buried",
    r"condemn\w*",
    r"denied",
    r"denies",
    r"deny",
    r"rumou?rs?",
    r"anniversary",
)
# Plans: "are expected to meet later this month" (an agreement's terms may look ahead)
_PLAN = _rx(r"expected to", r"later this (?:month|week|year)", r"next (?:week|month)")
_AGREED = _rx(r"agreed", r"signed", r"reached (?:an?|the) (?:agreement|deal|accord|understanding)")
# "suspected of planning attacks": the attack is what the arrested are accused of
_ACCUSED = re.compile(
    r"\b(?:suspected of|accused of|charged with|involved in|responsible for|took part in|"
    r"taken part in|part in|links? to|wanted for|behind|planning|plotting|role in|"
    r"(?:carry|carrying) out)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_FOUND = re.compile(
    r"\b(?:defus\w+|dismantl\w+|found|seiz\w+|discover\w+|uncover\w+|confiscat\w+|"
    r"cache|containing|removed|cleared|detonated (?:it|them) in a controlled|stockpile)\b",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|also\s+)?$", re.I)
_ATTACK_NOUN = re.compile(
    r"(?i:attacks?|assaults?|bombings?|ambush(?:es)?|explosions?|blasts?|clash(?:es)?|IEDs?)"
)
_ARREST_VERB = re.compile(r"\b(?:arrested|detained|captured|apprehended)\b", re.I)
_BACKED = re.compile(
    r"\b(?:backed|supported|assisted|covered)\s+by\s+(?:\w+\s+){0,4}$|"
    r"\b(?:with|under)\s+(?:the\s+)?(?:support|cover)\s+of\s+(?:\w+\s+){0,4}$",
    re.I,
)
_DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|its|their)|\w+['’]s)\s+(?:[\w-]+\s+){0,3}$", re.I
)
# "The airstrike came a day after gunmen opened fire": the subject points back, the event
# is in the clause after "after"
_CAME_AFTER = re.compile(r"^\s*(?:came|followed|preceded|coincided|comes|was the|is the)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+)?$", re.I)


_VIOLENT: tuple[EventType, ...] = ("airstrike", "attack", "arrest", "operation")


_PREDICATE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:the|a|an)\s+(?:second|third|fourth|fifth|latest|last|first|"
    r"deadliest|biggest|largest|worst|most\s+\w+|\w+est)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_PARTICIPLE = re.compile(r"(?i:killed|wounded|injured|arrested|detained|captured)")
# "the two men killed on Sunday": a definite group of people, then the participle
_VICTIMS_BEFORE = re.compile(
    r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}(?:men|man|fighters?|soldiers?|militants?|"
    r"members?|suspects?|people|civilians?|shepherds?|farmers?|officers?|policem[ae]n|victims?|"
    r"brothers?|terrorists?)\s+$",
    re.I,
)
# the trigger words that are nouns: "the raid", "the strikes", "the attack"
_NOUN_TRIGGER = re.compile(
    r"(?i:raids?|operations?|attacks?|assaults?|strikes?|air ?strikes?|air raids?|bombings?|"
    r"ambush(?:es)?|explosions?|blasts?|clash(?:es)?|offensive|sweeps?|patrols?|search(?:es)?|"
    r"killing|shooting|shelling|arrests?)"
)


def is_summary(sentence: str) -> bool:
    """Whether the sentence announces results whose items follow ("the results of operations")."""
    return bool(_RESULTS_OF.search(sentence))


def _first_back_reference(masked: str) -> int:
    """Offset of the first "the raid" / "the strikes" style back-reference (else the length)."""
    first = len(masked)
    for kind in _VIOLENT:
        for m in TRIGGERS[kind].finditer(masked):
            if (
                m.start() < first
                and _NOUN_TRIGGER.fullmatch(m.group(0))
                and _DEFINITE.search(masked[max(0, m.start() - 40) : m.start()])
            ):
                first = m.start()
    return first


def mask_institutions(sentence: str) -> str:
    """``sentence`` with institution names blanked out (same length, offsets kept)."""
    return _INSTITUTION.sub(lambda m: " " * len(m.group(0)), sentence)


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
    if kind in ("attack", "operation", "airstrike") and _ACCUSED.search(lead[-60:]):
        return False
    if (
        kind == "attack"
        and _ATTACK_NOUN.fullmatch(m.group(0))
        and _ARREST_VERB.search(s[: m.start()])
    ):
        return False  # "arrested four men, including one accused of the 2014 assault"
    if kind == "attack" and _FOUND.search(lead[-70:]):
        return False  # "engineers defused an IED", "found a cache of mortar rounds"
    if kind == "airstrike" and _BACKED.search(lead[-50:]):
        return False  # "troops backed by coalition aircraft raided": the raid is the event
    if kind in ("operation", "airstrike") and re.search(
        r"\b(?:met|meeting|talks|discuss\w*|review\w*|coordinat\w+ of|agreed)\b",
        s[: m.start()],
        re.I,
    ):
        return False  # "a meeting ... on joint operations": the topic, not an event
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
        if re.search(
            r"\b(?:mechanism|arrangements?|plan|framework|terms|mechanisms)\s+$", s[: m.start()]
        ):
            return False  # "a coordination mechanism agreed between Baghdad and Erbil"
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


def classify(sentence: str, *, dated: bool, told: bool = False) -> Classification | None:
    """Classify one sentence; ``dated`` says whether it holds a resolvable date expression.

    ``told``: an event was already told earlier in the article, so a trigger in a definite
    noun phrase ("The raid was carried out on intelligence...") refers back to it and makes
    no new event.
    """
    if _NOT_EVENT.search(sentence) or _RESULTS_OF.search(sentence):
        return None
    plan = _PLAN.search(sentence)
    if plan is not None:
        agreed = _AGREED.search(sentence)
        if agreed is None or agreed.start() > plan.start():
            return None
    killed, injured = count_casualties(sentence)
    if _ALWAYS.search(sentence) and not (killed or injured):
        return None  # "the two forces routinely run joint patrols": a habit, not an event
    actors = find_actors(sentence)
    names = [(a.start, a.end) for a in actors]
    civil = _CIVIL_UNREST.search(sentence)
    if (
        civil is not None
        and not any(a.actor in ("ISIS", "Unidentified armed group") for a in actors)
        and not re.search(r"\bprotest (?:activist|leader|movement|organi[sz]er)", sentence, re.I)
        and not _MODAL.search(sentence)
        and (dated or killed or injured)
    ):
        # protesters, rioters, feuding tribes: ACLED's protests, riots and communal clashes
        verdict = _verdict("other", sentence, civil, dated, killed, injured)
        if not _PROTEST.search(sentence):
            verdict = replace(verdict, subtype=None)
        return verdict
    masked = mask_institutions(sentence)
    elaboration = _first_back_reference(masked) if told and not dated else len(masked)
    for kind in PRIORITY:
        for m in TRIGGERS[kind].finditer(masked):
            if kind != "airstrike" and any(a <= m.start() and m.end() <= b for a, b in names):
                continue  # "Operation Inherent Resolve"; but "Turkish warplanes" did strike
            definite = bool(
                _NOUN_TRIGGER.fullmatch(m.group(0))
                and _DEFINITE.search(masked[max(0, m.start() - 40) : m.start()])
            )
            if definite and _CAME_AFTER.match(masked, m.end()):
                continue
            if _PREDICATE.search(masked[max(0, m.start() - 40) : m.start()]):
                continue  # "... is the second attack on shepherds this month"
            if (
                told
                and _PARTICIPLE.fullmatch(m.group(0))
                and _VICTIMS_BEFORE.search(masked[max(0, m.start() - 50) : m.start()])
            ):
                continue  # "the two men killed on Sunday were ...": already told
            if told and not dated and kind in _VIOLENT and definite:
                elaboration = min(elaboration, m.start())
                continue  # "the raid", "the attack": the event already told
            if m.start() > elaboration and kind in _VIOLENT:
                continue  # "the strikes were coordinated ... and destroyed hideouts": told already
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
_AGGRESSOR_AFTER = re.compile(
    r"\b(?:who|which|that)\s+(?:had\s+)?(?:tried|attempted|sought)\s+to\b|\brepel\w*|"
    r"\binfiltrat\w*|\bfoil\w*|\bthwart\w*|\bin response to\b",
    re.I,
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
    if _PASSIVE.search(sentence[max(0, trigger - 25) : trigger]):
        return False  # "two soldiers were killed when militants attacked": the victims
    if _AGGRESSOR_AFTER.search(sentence, trigger):
        return False  # "clashed with militants who tried to infiltrate": ISIS attacked
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

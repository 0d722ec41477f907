"""Cues that change what a sentence reports (protests, institutions, plans, back-references).

Protests and communal clashes, institutions whose names hold trigger words, summaries, plans,
accusations, found weapons, back-references to an event already told.

Regular expressions only, no logic: :mod:`geo.classify` reads them.
"""

from __future__ import annotations

import re

from geo.events import EventType
from geo.triggers import rx

__all__ = [
    "ACCUSED",
    "AGREED",
    "ARREST_VERB",
    "ATTACK_NOUN",
    "BACKED",
    "CAME_AFTER",
    "CIVIL_UNREST",
    "DEFINITE",
    "DISTANT",
    "FOUND",
    "FUTURE_AFTER",
    "INSTITUTION",
    "INSURGENT_DEVICE",
    "NOT_EVENT",
    "NOUN_TRIGGER",
    "PARTICIPLE",
    "PASSIVE",
    "PASSIVE_BEFORE",
    "PLAN",
    "PREDICATE",
    "PROTEST",
    "RESULTS_OF",
    "VICTIMS_BEFORE",
    "VIOLENT",
]


PROTEST = rx(
    r"protest\w*",
    r"demonstrat\w*",
    r"rall(?:y|ied|ies)",
    r"sit-in",
    r"marched",
    r"riot\w*",
    r"demanding",
    r"chanting",
)
CIVIL_UNREST = rx(
    r"protest\w*",
    r"demonstrat\w*",
    r"rall(?:y|ied|ies)",
    r"sit-in",
    r"marched",
    r"riot\w*",
    r"(?:residents|crowds?|mobs?|supporters|employees|graduates|workers|students|farmers|families)"
    r"(?: (?:of|in|from) [\w'() -]{2,40}?)? (?:gathered|blocked|burned|stormed|marched|set|attacked)",
    # a tribe or clan is a party to communal violence only when it fights: "a tribal sheikh"
    # killed by an IED is the victim of an attack
    r"(?:tribes?|tribal|clans?|families)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:clash\w*|fight\w*|feud\w*|quarrel\w*|dispute\w*|conflict|exchanged fire|opened fire)",
    r"(?:clash\w*|fight\w*|feud\w*|quarrel\w*|dispute)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:between|among|with)\s+(?:[\w-]+\s+){0,3}?(?:tribes?|tribesmen|clans?|families)",
    r"feud",
    r"(?:land|family|tribal|clan) dispute",
    r"dispute between",
)
# Devices of insurgents, never of a communal clash: an IED near a tribal sheikh's house is an attack
INSURGENT_DEVICE = rx(
    r"IEDs?",
    r"(?:roadside|car|suicide) bomb\w*",
    r"explosive devices?",
    r"bomb(?:ing|ed|s)?",
    r"landmines?",
    r"suicide",
    r"sticky bomb",
)
# Names of institutions that hold a trigger word: "Kirkuk Operations Command", "Security Media
# Cell", "Counter-Terrorism Service", "operations room": a headquarters, not an operation.
INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,3}Operations?\s+(?:Command|Center|Centre|Room)\b|"
    r"\b(?:joint\s+)?operations?\s+(?:command(?:ers?)?|room|cent(?:er|re)s?)\b|"
    r"\b(?:Security Media Cell|Counter[- ]Terrorism Service|Anti[- ]Terrorism\s+\w+)\b|"
    r"\bair (?:force|defen[cs]e)\s+(?:base|command)\b",
    re.I,
)
# What is said, judged, mourned or denied is not an event of this report.
# "announced the results of operations carried out on Sunday": a summary whose items follow
RESULTS_OF = re.compile(
    r"\b(?:results?|outcome|toll|details|summary) of (?:the\s+)?[^.;]{0,60}?"
    r"(?:operations?|raids?|airstrikes|strikes|attacks|campaign)\b",
    re.I,
)
NOT_EVENT = rx(
    r"sentenced",
    r"court",
    r"verdict",
    r"trial",
    r"convicted",
    r"funerals?",
    r"mourners",
    r"buried",
    r"condemn\w*",
    r"den(?:ied|ies|y|ying|ial)",
    r"rumou?rs?",
    r"anniversary",
)
# "more than three years after he was wounded", "killed two years ago": the trigger's event
# lies years or months away from the day the sentence tells
DISTANT = re.compile(
    r"\b(?:years|months|decades)\s+(?:after|before|earlier|ago|later)\b|"
    r"\b(?:a|one|last)\s+year\s+(?:ago|earlier)\b",
    re.I,
)
# "further sweeps are planned", "joint patrols will begin": the noun trigger is the subject
# of a future or planned verb a few words on
FUTURE_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:will|would|could|should|might|must|(?-i:may)|"
    r"(?:is|are|was|were)\s+(?:planned|expected|scheduled|due|set|to\s+be|yet\s+to))\b",
    re.I,
)
# Plans: "are expected to meet later this month" (an agreement's terms may look ahead)
PLAN = rx(r"expected to", r"later this (?:month|week|year)", r"next (?:week|month)")
AGREED = rx(r"agreed", r"signed", r"reached (?:an?|the) (?:agreement|deal|accord|understanding)")
# "suspected of planning attacks": the attack is what the arrested are accused of
ACCUSED = re.compile(
    r"\b(?:suspected of|accused of|charged with|involved in|responsible for|took part in|"
    r"taken part in|part in|links? to|wanted for|behind|planning|plotting|role in|"
    r"(?:carry|carrying) out)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
FOUND = re.compile(
    r"\b(?:defus\w+|dismantl\w+|found|seiz\w+|discover\w+|uncover\w+|confiscat\w+|"
    r"cache|containing|removed|cleared|detonated (?:it|them) in a controlled|stockpile)\b",
    re.I,
)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|also\s+)?$", re.I)
ATTACK_NOUN = re.compile(
    r"(?i:attacks?|assaults?|bombings?|ambush(?:es)?|explosions?|blasts?|clash(?:es)?|IEDs?)"
)
ARREST_VERB = re.compile(r"\b(?:arrested|detained|captured|apprehended)\b", re.I)
BACKED = re.compile(
    r"\b(?:backed|supported|assisted|covered)\s+by\s+(?:\w+\s+){0,4}$|"
    r"\b(?:with|under)\s+(?:the\s+)?(?:support|cover)\s+of\s+(?:\w+\s+){0,4}$",
    re.I,
)
# "the raid", "the two men", "Monday's assault": a determiner and modifiers only; a verb or a
# new article between ("The army launched a search") starts another noun phrase
DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|its|their)|\w+['’]s)\s+"
    r"(?:(?!(?:a|an|the)\b)(?![\w-]+ed\b)(?!(?:was|were|is|are|has|have|had)\b)[\w-]+\s+){0,3}$",
    re.I,
)
# "The airstrike came a day after gunmen opened fire": the subject points back, the event
# is in the clause after "after"
CAME_AFTER = re.compile(r"\s*(?:came|followed|preceded|coincided|comes|was the|is the)\b", re.I)
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+)?$", re.I)


VIOLENT: tuple[EventType, ...] = ("airstrike", "attack", "arrest", "operation")


PREDICATE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:the|a|an)\s+(?:second|third|fourth|fifth|latest|last|first|"
    r"deadliest|biggest|largest|worst|most\s+\w+|\w+est)\s+(?:[\w-]+\s+)?$",
    re.I,
)
PARTICIPLE = re.compile(r"(?i:killed|wounded|injured|arrested|detained|captured)")
# "the two men killed on Sunday": a definite group of people, then the participle
VICTIMS_BEFORE = re.compile(
    r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}(?:men|man|fighters?|soldiers?|militants?|"
    r"members?|suspects?|people|civilians?|shepherds?|farmers?|officers?|policem[ae]n|victims?|"
    r"operatives?|attackers?|assailants?|gunmen|insurgents?|jihadists?|"
    r"brothers?|terrorists?)\s+$",
    re.I,
)
# the trigger words that are nouns: "the raid", "the strikes", "the attack"
NOUN_TRIGGER = re.compile(
    r"(?i:raids?|operations?|attacks?|assaults?|strikes?|air ?strikes?|air raids?|bombings?|"
    r"ambush(?:es)?|explosions?|blasts?|clash(?:es)?|offensive|sweeps?|patrols?|search(?:es)?|"
    r"killing|shooting|shelling|arrests?)"
)

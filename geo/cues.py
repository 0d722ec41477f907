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
    "FOUND",
    "INSTITUTION",
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
    r"denied",
    r"denies",
    r"deny",
    r"rumou?rs?",
    r"anniversary",
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

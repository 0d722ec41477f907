"""Cues that change what a sentence reports (protests, institutions, plans, back-references).

Protests and communal clashes, institutions whose names hold trigger words, summaries, plans,
accusations, found weapons, back-references to an event already told.

Regular expressions only, no logic: :mod:`geo.classify` reads them.
"""

from __future__ import annotations

import re

from geo.events import EventType
from geo.prescan import screened
from geo.triggers import rx

__all__ = [
    "ACCIDENT",
    "ACCUSED",
    "AFTERMATH",
    "AGREED",
    "ARREST_VERB",
    "ATTACK_NOUN",
    "BACKED",
    "CAME_AFTER",
    "CIVIL_UNREST",
    "CONDITION",
    "CONTINUES",
    "DEFINITE",
    "DISTANT",
    "FOILED_PLOT",
    "FOUND",
    "FUTURE_AFTER",
    "INSTITUTION",
    "INSURGENT_DEVICE",
    "MEETING_GUEST",
    "MEETING_HELD",
    "NEW_EVENT",
    "NOT_EVENT",
    "NOUN_TRIGGER",
    "PARTICIPLE",
    "PARTIES",
    "PASSIVE",
    "PASSIVE_BEFORE",
    "PLAN",
    "PREDICATE",
    "PROTEST",
    "RESULTS_OF",
    "SECURITY_TOPIC",
    "SEPARATE",
    "SPEECH_VERB",
    "SPORT",
    "STALLED",
    "STATEMENT_DAY",
    "TOLL_UPDATE",
    "TOPIC",
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
# Accidents and disasters kill without an attacker: "killed in a traffic accident"
ACCIDENT = rx(
    r"(?:traffic|road|car|work|industrial) accidents?",
    r"accident(?:al|ally)?",
    r"crash(?:ed)?",
    r"collision",
    r"collided",
    r"overturned",
    r"drown\w*",
    r"electrocut\w*",
    r"short circuit",
    r"(?:fire|blaze) broke out",
    r"caught fire",
    r"stampede",
    r"gas (?:leak|cylinder)",
    # natural deaths and weather: "died of a heart attack", "heavy rain pounded"
    r"heart attack",
    r"natural causes",
    # weather nouns only: "tried to storm a police station" is an attack
    r"(?:heavy|torrential) rains?",
    r"rainfall",
    r"(?:sand|dust|snow|rain|hail)\s?storms?",
    r"(?:a|the) (?:heavy |severe |violent )?storm\b(?! (?:of|on|into)\b)",
    r"(?:flash )?floods\b",
    r"flash flood",
)
# Sports reporting: "the attack dominated the match", "shot wide"
SPORT = rx(
    r"football",
    r"match(?:es)?",
    r"striker",
    r"scored",
    r"goal(?:s|keeper)?",
    r"league",
    r"tournament",
    r"championship",
    r"stadium",
    r"midfield\w*",
    r"defenders",
    r"kick-?off",
    r"penalty",
)
# "foiled a plot", "thwarted an attempt to bomb", "foiled the attack by arresting": nothing
# happened but the arrest; "repelled an attack", "foiled an infiltration" tell one that did
FOILED_PLOT = re.compile(
    r"\b(?:foil\w*|thwart\w*|prevent\w*|avert\w*)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:plots?|plans?|planned|scheme|attempts? to (?!infiltrat)\w+)\b|"
    r"\b(?:foil\w*|thwart\w*|prevent\w*|avert\w*)\b[^.;]{0,80}?\b(?:by|after|before)\s+"
    r"(?:arrest\w*|detain\w*|captur\w*|defus\w*|dismantl\w*|seiz\w*)",
    re.I,
)
# A meeting took place: someone met, visited, held, hosted or attended it
MEETING_HELD = rx(
    r"met",
    r"sat down",
    r"visited",
    r"held",
    r"hosted",
    r"received",
    r"arrived",
    r"convened",
    r"attended",
    r"took place",
    r"gathered",
    r"headed",
    r"led by",
)
# "received a delegation", "hosted the minister": a guest, not aid or reports
MEETING_GUEST = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:delegations?|ministers?|commanders?|governors?|ambassadors?|"
    r"envoys?|officials?|officers?|counterparts?|heads?|chiefs?|presidents?|representatives?|"
    r"consuls?|generals?|leaders?|members|"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+)\b"
)
# talks that go on, stall or are to resume are no meeting that took place
STALLED = rx(
    r"continu\w*",
    r"ongoing",
    r"under ?way",
    r"stalled",
    r"resum\w*",
    r"yet to",
    r"have been (?:discussing|negotiating|holding)",
    r"no (?:progress|agreement)",
)
# What an agreement must be about (kclmap's agreements are security arrangements)
SECURITY_TOPIC = rx(
    r"security",
    r"military",
    r"joint",
    r"brigades?",
    r"forces?",
    r"troops",
    r"Peshmerga",
    r"army",
    r"police",
    r"checkpoints?",
    r"patrols?",
    r"coordination",
    r"ISIS",
    r"Islamic State",
    r"Daesh",
    r"terror\w*",
    r"deploy\w*",
    r"border",
    r"ceasefire",
    r"truce",
    r"withdraw\w*",
    r"disputed",
    r"intelligence",
    r"liaison",
)
# Two parties: "the two sides", "between Erbil and Baghdad"
PARTIES = rx(
    r"between",
    r"(?:two|both|the) (?:sides|parties|governments|ministries|forces)",
    r"jointly",
    r"together",
    r"with (?:the )?(?:Iraqi|Kurdish|federal|Peshmerga|Kurdistan|KRG|Baghdad|Erbil)",
    r"[A-Z][\w-]+ and (?:the )?[A-Z][\w-]+ (?:signed|agreed|approved|decided|reached)",
)
# Another event than the one just told: "separately", "in another attack", "meanwhile"
SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|another|second|third|also|meanwhile|elsewhere|earlier|later|"
    r"in addition|other)\b",
    re.I,
)
# A sentence that says it tells a new event, not more of the one before: stricter than
# SEPARATE ("searched the area for other devices" continues the story)
NEW_EVENT = re.compile(
    r"\b(?:separate(?:ly)?|meanwhile|elsewhere|in addition|in other news|likewise|"
    r"later (?:on|that)|"
    r"in (?:a|another) (?:related|similar|second|third|new|different)\b|"
    r"another (?:attack|incident|operation|raid|strike|airstrike|bombing|ambush|clash|"
    r"arrest|development)|(?:a|the) (?:second|third) (?:attack|incident|operation|raid|strike|"
    r"airstrike|bombing|ambush|clash)|also)\b",
    re.I,
)
# The aftermath of an event already told: never a new event, even when dated
AFTERMATH = re.compile(
    r"\bclaim(?:ed|s)? (?:of )?responsibility\b|\bresponsibility for\b|"
    r"\b(?:were|was) (?:taken|rushed|transferred|evacuated|moved) to (?:a |the )?hospital\b|"
    r"\bcordon(?:ed)? off\b|\breinforcements\b|"
    r"\b(?:search|hunt|manhunt) for the (?:attackers|assailants|perpetrators|gunmen|culprits|"
    r"militants)\b|\b(?:opened|launched) an investigation\b|"
    r"\bthe (?:attackers|assailants|gunmen|militants) (?:fled|escaped|withdrew)\b|"
    # a claim: "published a statement claiming the raid", "said its fighters carried out the
    # attack"
    r"\bclaim(?:ed|ing|s)?\s+(?:the|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|"
    r"Saturday's|Sunday's|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}?(?:attack|raid|bombing|ambush|"
    r"assault|killing|operation|blast|explosion)s?\b|"
    r"\b(?:its|their) (?:fighters|militants|members|men) (?:had )?carried out the\b",
    re.I,
)
# The toll of an event told, updated: "a toll that later rose to two", "the death toll has
# risen to five"
TOLL_UPDATE = re.compile(
    r"\btoll\s+(?:that\s+|which\s+)?(?:later\s+|has\s+|had\s+|then\s+|since\s+)?"
    r"(?:rose|risen|climbed|increased|reached)\b(?:\s+to)?(?:\s+(?P<count>\d+|[a-z]+)\b)?",
    re.I,
)
# A sentence that goes on telling the event just told: its subject points back to the
# attackers, the victims or the event ("The militants also burned a harvester", "The officer,
# a colonel, was killed"), or the attackers leave the scene ("... before fleeing"). "Also"
# then adds to the same happening; it does not open a new one.
CONTINUES = re.compile(
    r"^\s*(?:(?:The|These|Those|Both)\s+(?:[\w-]+\s+){0,2}?(?:militants|attackers|assailants|"
    r"gunmen|insurgents|jihadists|terrorists|fighters|group|cell|perpetrators|officer|soldiers?|"
    r"policem[ae]n|victims?|wounded|dead|bodies|attack|raid|ambush|assault|bombing|blast|"
    r"explosion|meeting|talks|delegation)|They|He|"
    # "One of the assailants was also killed", "Two of his guards were wounded"
    r"(?:One|Two|Three|Four|Five|Some|Several|Most|All|Both|None|Another)\s+of\s+(?:the|his|"
    r"their|its|them)\b)\b|"
    r"\bbefore (?:withdrawing|fleeing|escaping|retreating|pulling out|leaving the area)\b|"
    r"\b(?:then|later) (?:fled|withdrew|escaped|retreated)\b",
    re.I,
)
# "announced on Tuesday", "said in a statement on Wednesday": the day a statement was made,
# which the event it tells may precede
STATEMENT_DAY = re.compile(
    r"\b(?:said|says|announced|reported|stated|added|told|declared|confirmed|revealed|claimed|"
    r"noted|explained|published|issued)(?:\s+(?:in|via|to)\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:statement|release|briefing|conference|interview|post|"
    r"communiqu\w+))?(?:\s+\w+)?\s+$",
    re.I,
)
# Names of institutions that hold a trigger word: "Kirkuk Operations Command", "Security Media
# Cell", "Counter-Terrorism Service", "operations room": a headquarters, not an operation.
INSTITUTION = re.compile(
    # the name's words are capitalised ("gathered at the Salahuddin Operations Command": the
    # verb before it is no part of the name)
    r"\b(?:(?-i:[A-Z])[\w-]*\s+){0,3}Operations?\s+(?:Command|Center|Centre|Room)\b|"
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
    r"laid to rest",
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
PLAN = rx(
    r"expected to",
    r"scheduled to",
    r"(?:is|are|was|were) scheduled",
    r"due to (?:begin|start|take place|be)",
    r"to be (?:carried out|conducted|launched|deployed|formed)",
    r"later this (?:month|week|year)",
    r"next (?:week|month|year)",
    r"in the coming (?:days|weeks|months)",
    r"starting (?:in|from|next)",
    r"within (?:a|the next|\w+) (?:days?|weeks?|months?)",
)
# "once the money is approved", "if the militants attack": a condition, not an event
CONDITION = rx(
    r"if",
    r"unless",
    r"once (?:the|it|they|he|she|we|both|all)",
    r"provided(?: that)?",
    r"in case",
)
AGREED = rx(r"agreed", r"signed", r"reached (?:an?|the) (?:agreement|deal|accord|understanding)")
# "suspected of planning attacks": the attack is what the arrested are accused of
ACCUSED = re.compile(
    r"\b(?:suspected of|accused of|charged with|involved in|responsible for|took part in|"
    r"taken part in|part in|links? to|wanted for|behind|planning|plotting|role in|"
    r"confess(?:ed|ing)? to|admitt(?:ed|ing) to|admitted|"
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
CAME_AFTER = re.compile(
    # "The attack on Monday was the third in the area": a short phrase may come between
    r"(?:\s+(?:on|in|near|at|against|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
    r"\s*(?:came|followed|preceded|coincided|comes|was the|is the|marks|marked)\b",
    re.I,
)
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
# What a meeting or its participants went over: the attacks and arrests it reviewed are its
# topic, not events of this report ("The meeting also reviewed ISIS attacks on villages",
# "the two sides discussed the attacks that killed three soldiers")
TOPIC = rx(
    r"reviewed",
    r"discussed",
    r"addressed",
    r"focused on",
    r"dealt with",
    r"touched on",
    r"examined",
    r"evaluated",
    r"assessed",
    r"went over",
    r"talked about",
    r"briefed (?:\w+ )?on",
    r"(?:talks|meeting|discussions|consultations) (?:on|about|over|regarding|concerning)",
)
# verbs of saying: "police said", "the army announced on Monday", "a source, speaking to
# Rudaw" (geo.roles: who speaks is no actor of the event; geo.event_dates: the statement's day)
SPEECH_VERB = (
    r"(?:said|says|told|stated|announced|reported|added|confirmed|"
    # "claimed the lives of three soldiers" is no saying
    r"claimed(?! (?:the |their |his |her )?li(?:ves|fe))|noted|explained|"
    r"revealed|declared|indicated|quoted|published|issued|disclosed|speaking|talking|writing)"
)

# Every cue above skips the texts that hold none of its necessary words (geo.prescan: same
# answers, one automaton pass per sentence); the lists above stay plain data.
globals().update(
    {name: screened(value) for name, value in globals().items() if isinstance(value, re.Pattern)}
)

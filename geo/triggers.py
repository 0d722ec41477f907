"""The vocabulary of security reporting: trigger words per event type, and cues of modality.

The cues say an event did not happen (modality, habit, negation) or did (past action verbs).

Regular expressions only, no logic: :mod:`geo.classify` reads them. Each list is written for a
kind of language ("would provide air support", "routinely conducts"), never for one sentence.
"""

from __future__ import annotations

import re

from geo.events import EventType
from geo.prescan import screened

__all__ = [
    "ALWAYS",
    "HABITUAL",
    "HEDGE",
    "MODAL",
    "NEGATION",
    "PAST_ACTION",
    "PRIORITY",
    "STAT",
    "SUBTYPES",
    "TRIGGERS",
    "rx",
]


def rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``parts`` as whole words.

    Screened (:func:`geo.prescan.screened`): a text holding none of the words is not searched.
    """
    return screened(re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I))


TRIGGERS: dict[EventType, re.Pattern[str]] = {
    "attack": rx(
        r"attack(?:ed|s)?",
        # "repelled an infiltration", "foiled an ISIS attack on a post": an attack attempted
        r"repell?(?:ed|s)?",
        r"infiltrat(?:ion|ed|ors?)",
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
        # "overran an army outpost", "pounded the village with mortars"
        r"overr(?:an|un)",
        r"pounded",
        # deaths told without the attack's verb: "two fighters were martyred", "perished
        # when their vehicle hit a mine" (accidents are vetoed by geo.cues.ACCIDENT)
        r"(?:were|was|been|being) martyred",
        r"perished",
        r"lost (?:their|his|her) li(?:ves|fe)",
        r"succumbed to (?:his|her|their) (?:wounds|injuries)",
        r"(?:hit|struck|stepped on|triggered) an? (?:[\w-]+ )?mine",
        r"shot",
        r"shooting",
        r"gunned down",
        r"murdered",
        r"beheaded",
        r"grenades?",
        r"killed",
        # Headline present tense: "militants kill three", "a bomb kills two soldiers".
        r"(?<!to )kills?(?= (?:at least |up to )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|dozens)\b)",
        r"assault(?:ed)?",
        r"fired (?:on|at|upon)",
        r"exchanged (?:heavy )?fire",
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
        # "executed the village mukhtar"; not "executed a raid" (an operation carried out)
        r"(?<!operation was )(?<!operations were )(?<!raid was )(?<!mission was )(?<!plan was )"
        r"executed(?! (?:successfully|with|according|as)\b)"
        r"(?! (?:an?|the|their|its|\w+) (?:[\w-]+ ){0,2}(?:operations?|raids?|plans?|orders?|"
        r"missions?|sweeps?|strikes?|attacks?|tasks?|duties|projects?|warrants?|sentences?|"
        r"contracts?|deals?|agreements?|programmes?|programs?|transfers?|policy|policies))",
        # "fired mortar rounds on the village": an attack, hurt or not
        r"fired (?:\w+ ){0,2}(?:rounds|shells|rockets|missiles|bullets|shots|projectiles|"
        r"mortars?|RPGs?)",
        r"looted",
        r"rustled",
        r"extort\w*",
    ),
    "airstrike": rx(
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
        r"(?:jets|aircraft|warplanes|helicopters|gunships|drones?) (?:attacked|fired on|"
        r"opened fire on|shelled|strafed)",
        r"strikes?(?= (?:engaged|destroyed|killed|hit|on|against|targeting|near|in|were|was))",
        # "The strikes, which were carried out with ...": named with a clause of their own
        r"strikes?(?=, (?:which|that)\b)",
        r"(?:carried out|conducted|launched)\s+(?:[\w-]+\s+){0,2}?strikes?",
    ),
    "arrest": rx(
        r"arrest(?:ed|s|ing)?",
        r"detain(?:ed|ing)?",
        r"apprehend(?:ed)?",
        r"captured",
        r"in custody",
        r"rounded up",
    ),
    "operation": rx(
        r"operations?",
        r"patrols?",
        r"sweeps?",
        r"raids?",
        r"raided",
        r"raiding",
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
        # a deployment: "set up a joint observation post", "set up new checkpoints"
        r"set up (?:an? |new |\w+ ){0,3}(?:checkpoints?|posts?|observation posts?|positions?|"
        r"bases?|barriers?)",
        r"set (?:up )?an ambush",
        r"pushed .{0,40}\bout\b",
        r"expelled",
        r"recaptured",
        r"retook",
        r"took control",
        r"liberat(?:ed|ion)",
    ),
    "agreement": rx(
        r"agreed",
        r"reached (?:an?|the) (?:agreement|deal|accord|understanding)",
        r"signed",
        r"inked",
        r"conclu(?:ded|sion of) an? agreement",
        r"an agreement was (?:concluded|reached|signed)",
        r"decided",
        r"approved",
    ),
    "meeting": rx(
        r"met",
        r"sat down with",
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
        # officials gathered at a command; not a crowd that gathered to demand its salaries
        r"gathered (?:at|in)(?![^.;]{0,80}\b(?:to (?:demand|protest|denounce|condemn|call for|"
        r"mourn)|demanding|protesting|chanting|calling for))",
    ),
}
TRIGGERS["other"] = rx(
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

MODAL = rx(
    r"agreed",
    r"agree",
    r"agreement",
    r"(?:decided|resolved)(?: on \w+)? to",
    # "signed a protocol to set up joint checkpoints": the terms of an agreement
    r"signed",
    r"protocol",
    r"memorandum",
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
    r"strengthen|coordinate|hold|discuss|provide|eliminate|stop|counter|curb|tackle|deter|set up|"
    r"deploy|form|create|build)",
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
ALWAYS = rx(  # habits and capabilities are never an event, dated or not
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
# "attacks, mostly in rural parts", "mainly attacked patrols": a hedge says a habit only when it
# modifies the trigger phrase itself, never a later word ("a village mostly inhabited by")
HEDGE = rx(
    r"primarily",
    r"mainly",
    r"mostly",
    r"generally",
    r"largely",
    r"habitually",
)
HABITUAL = rx(
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
NEGATION = rx(
    r"no",
    r"not",
    r"never",
    r"denied",
    r"without",
    r"prevented",
    r"averted",
    r"failed to",
)
PAST_ACTION = rx(
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
    r"bombed",
    r"pounded",
    r"shelled",
    r"bombarded",
    r"fired (?:\w+ ){0,2}(?:rounds|shells|rockets|missiles|mortars?)",
    r"hit",
    r"exploded",
    r"overr(?:an|un)",
    r"pounded",
    r"shelled",
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
STAT = re.compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens|several|hundreds)\s+(?:[\w-]+\s+){0,3}?(?P<what>operations|patrols|raids|"
    r"airstrikes|air strikes|attacks|meetings|arrests|missions)\b",
    re.I,
)
SUBTYPES = (
    ("abduction", rx(r"kidnap\w*", r"abduct\w*")),
    ("suicide", rx(r"suicide")),
    (
        "explosive",
        rx(
            r"IEDs?",
            r"(?:roadside|car) bomb\w*",
            r"explosive devices?",
            r"landmine",
            r"blast",
            r"explo(?:sion|ded)",
            r"bomb(?:ing|ed|s)?",
        ),
    ),
    ("shelling", rx(r"mortars?", r"rockets?", r"shell(?:ing|ed)")),
    ("sniper", rx(r"sniper(?:s| fire)?")),
    ("civilians", rx(r"civilians?", r"shepherds?", r"farmers?", r"villagers?")),
)

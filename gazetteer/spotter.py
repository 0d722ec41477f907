"""Toponym spotting: find every gazetteer name in a text, with character offsets.

One Aho-Corasick automaton (pyahocorasick) over the folded names scans the folded text in
linear time; overlapping hits keep the longest. A hit on a minor place (a village) is dropped
when its name is a common English word, is not capitalised in the text, or sits inside a run of
capitalised words (a person's or an organisation's name such as "Saleh Hadhar").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import ahocorasick

from gazetteer.context import Context
from gazetteer.model import Match, Place
from gazetteer.normalize import KIND_WORDS, fold_chars
from gazetteer.ranking import MINOR_KINDS
from gazetteer.resolver import Gazetteer
from gazetteer.store import DATA_DIR

__all__ = ["Mention", "Spotter"]

MAJOR = 0.8  # importance of a major place: resolved first, used as context for the rest
# Kinds spotted even when their name is a common word or follows a capitalised word.
MAJOR_KINDS = frozenset({"governorate", "district", "city", "region"})
MIN_LETTERS = 3
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_TITLES = frozenset(
    "mr mrs ms dr gen general col colonel lt maj major brig brigadier capt captain sgt sheikh "
    "minister president commander spokesman said says told st saint prime".split()
)
_LOCATIVE = frozenset(
    "in near at from to of outside around toward towards between into across inside village "
    "district town city region area province governorate sub-district outskirts".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: ``text[start:end]`` and, when resolved, its match."""

    text: str
    start: int
    end: int
    match: Match | None

    @property
    def place(self) -> Place | None:
        """The resolved place, if any."""
        return self.match.place if self.match else None


class Spotter:
    """Find gazetteer names in free text (build once, reuse: the automaton is the cost)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        best: dict[str, tuple[float, bool]] = {}
        minor: dict[str, bool] = {}  # every place of the name is a village or quarter
        for row in gazetteer.names:
            if len(row.spot.replace(" ", "")) < MIN_LETTERS:
                continue
            place = gazetteer.places[row.place]
            major, common = best.get(row.spot, (0.0, True))
            imp = 1.0 if place.kind in MAJOR_KINDS else place.importance
            best[row.spot] = (max(major, imp), common and row.common)
            minor[row.spot] = minor.get(row.spot, True) and place.kind in MINOR_KINDS
        for alias in gazetteer.aliases:
            key = fold_chars(alias.alias)[0].strip()
            if len(key) >= MIN_LETTERS:
                best[key] = (1.0, False)
        lines = (DATA_DIR / "common_en.txt").read_text(encoding="utf-8").splitlines()
        self._common = frozenset(w for w in lines if not w.startswith("#"))
        persons = personal_names(row.spot for row in gazetteer.names)
        self._automaton = ahocorasick.Automaton()
        for key, (importance, common) in best.items():
            cue_only = False
            if common and importance < 1.0:
                # A village named like a frequent word is not spotted, unless the name is a
                # person's (Bashir, Abbas): then only after a place cue ("village of Bashir").
                tokens = key.split()
                if not minor[key] or key in self._common or not persons.issuperset(tokens):
                    continue
                cue_only = True
            self._automaton.add_word(key, (len(key), importance, cue_only))
        self._automaton.make_automaton()

    def _hits(self, folded: str) -> list[tuple[int, int, float, bool]]:
        hits = []
        n = len(folded)
        for end, (length, importance, cue_only) in self._automaton.iter(folded):
            start = end - length + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end + 1 < n and folded[end + 1].isalnum():
                continue
            hits.append((start, end + 1, importance, cue_only))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, float, bool]] = []
        for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
                kept.append(hit)
        return sorted(kept)

    def spot(
        self,
        text: str,
        *,
        resolve: bool = True,
        hint: str | None = None,
        hint_district: str | None = None,
    ) -> list[Mention]:
        """Return the place mentions in ``text``, in order, resolved with each other as context.

        Major places resolve first; their points then pull ambiguous minor names toward them.
        ``hint``/``hint_district`` are as in :meth:`Gazetteer.resolve`.
        """
        folded, index = fold_chars(text)
        spans = []
        for start, end, importance, cue_only in self._hits(folded):
            o_start, o_end = index[start], index[end - 1] + 1
            surface = text[o_start:o_end]
            if cue_only and not _after_place_cue(text, o_start):
                continue
            if importance < 1.0 and not _plausible(text, o_start, o_end, self._common):
                continue
            spans.append((o_start, o_end, surface, cue_only))
        if not resolve:
            return [Mention(s, a, b, None) for a, b, s, _ in spans]
        hints = {"hint": hint, "hint_district": hint_district}
        first = [self.gazetteer.lookup(s, **hints) for _, _, s, _ in spans]
        anchors = [m.place for m in first if m and m.place.importance >= MAJOR and not m.ambiguous]
        out = []
        for (start, end, surface, cue_only), match in zip(spans, first, strict=True):
            final = match
            if match is not None and (
                (match.method != "alias" and (match.ambiguous or match.place.importance < MAJOR))
                or match.place.id in self.gazetteer.shapes  # a range: its part near the others
            ):
                context = _others(anchors, match)
                final = self.gazetteer.lookup(surface, context=context, **hints)
                if final is not None and cue_only and not _settled(final, context, hints):
                    # A village named like a person (Tall Ali, Bashir) has namesakes all over
                    # Iraq: without the text's places or a hint to say which, it is unresolved.
                    final = None
            out.append(Mention(surface, start, end, final))
        return out


def _settled(match: Match, context: Sequence[Place], hints: dict[str, str | None]) -> bool:
    """True when the text's places or a hint say which of a name's namesakes ``match`` is."""
    if hints["hint"] or hints["hint_district"]:
        return True
    if context:
        return Context(places=tuple(context)).near(match.place)
    return not match.ambiguous


def _others(anchors: Sequence[Place], match: Match) -> list[Place]:
    return [a for a in anchors if a.id != match.place.id]


def _plausible(text: str, start: int, end: int, common: frozenset[str]) -> bool:
    """Heuristics for a minor place name: capitalised, not inside a capitalised name run.

    A capitalised word just before the name counts as part of a person's or organisation's
    name unless it is a common English word opening the sentence ("In Kulajo").
    """
    surface = text[start:end]
    first = surface[0]
    if first.isalpha() and first.isascii() and not first.isupper():
        return False
    if surface.isupper() and len(surface) > 3 and not _upper_context(text, start, end):
        return False
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.match(text[end:].lstrip(" ")) if text[end : end + 1] == " " else None
    prev = before[-1] if before else ""
    prev_is_cap = (
        bool(prev)
        and prev[0].isupper()
        and not (_sentence_start(text, start, prev) and prev.lower() in common)
    )
    if prev.lower().rstrip(".") in _TITLES:
        return False
    if prev_is_cap and prev.lower() not in _LOCATIVE and prev.lower() not in KIND_WORDS:
        return False
    if after is not None:
        nxt = after.group(0)
        if nxt[0].isupper() and nxt.lower() not in KIND_WORDS:
            return False
    return True


# Words before a personal name in Iraqi place names: "Abu Ali", "Shaykh Ahmad", "Albu Bashir".
_NAME_PREFIXES = frozenset(
    "abu umm shaykh shaikh sheikh sayyid sayid imam albu bin ibn haji hajji mulla mullah "
    "bayt beit bani awlad".split()
)
_ARTICLES = frozenset("al el as ash ad adh ar at ath az an".split())


def personal_names(spots: Iterable[str]) -> set[str]:
    """Given names, read off the gazetteer's own place names (spot forms).

    A word after a prefix such as "Abu", "Shaykh" or "Albu" is a person's name ("Abu Ali");
    so are the other words of a name made only of a known personal name and one or two more
    words (the patronymic chains "Ali Bashir", "Mahdi Bashir"). Village names that are
    personal names collide with the people of the reporting.

    Examples
    --------
    >>> sorted(personal_names(["abu ali", "ali bashir", "tall bashir"]))
    ['ali', 'bashir']
    """
    rows = [s.split() for s in spots]
    first: set[str] = set()
    for tokens in rows:
        words = [t for t in tokens if t not in _ARTICLES]
        for prev, tok in pairwise(words):
            if prev in _NAME_PREFIXES and tok not in _NAME_PREFIXES:
                first.add(tok)
    out = set(first)
    for tokens in rows:
        words = [t for t in tokens if t not in _ARTICLES]
        if 2 <= len(words) <= 3 and words[0] in first and words[0] not in _NAME_PREFIXES:
            out.update(w for w in words[1:] if w not in _NAME_PREFIXES)
    return out


_CUES = frozenset(
    "in near outside around toward towards into at village town hamlet district area".split()
)
_OF_CUES = frozenset(
    "village town hamlet city district subdistrict sub-district area outskirts suburbs "
    "countryside south north east west southeast southwest northeast northwest".split()
)


def _after_place_cue(text: str, start: int) -> bool:
    """True when the words before ``start`` say a place follows ("in", "near", "village of")."""
    words = _WORD.findall(text[max(0, start - 40) : start])
    if not words:
        return False
    last = words[-1].lower()
    if last == "of":
        return len(words) >= 2 and words[-2].lower() in _OF_CUES
    return last in _CUES


def _sentence_start(text: str, start: int, prev: str) -> bool:
    """True when ``prev`` (the word before ``start``) itself opens a sentence or line."""
    head = text[:start].rstrip()
    head = head[: len(head) - len(prev)].rstrip()
    return not head or head[-1] in '.!?\n:;"“(—–-'


def _upper_context(text: str, start: int, end: int) -> bool:
    """An all-caps name is a place in an all-caps dateline ("ERBIL (Kurdistan 24)")."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[end : end + 2] in (" (", " -", " –", ", ") or start - line_start < 3

"""Split article text into sentences with offsets, leaving out page noise.

Noise is what a scraper brings along with the story: "Read More:" headlines, inline tweets,
photo captions, menus, footers, copyright and captcha lines. Short lines without sentence
punctuation (headlines, menu items) are kept as ``headline`` segments: they name places for
context but never yield events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from geo.prescan import screened

__all__ = ["Segment", "segment"]

_NOISE = re.compile(
    r"^\s*(?:read more|see more|related|also read|most read|tags?|share|top|logo|menu|"
    r"advertisement|listen to|download|subscribe|follow us|your comment|you are replying to|"
    r"captcha|reporter'?s code|news code|author_image|site map|all rights reserved)\b|"
    r"pic\.twitter\.com|twitter\.com/|\(@\w+\)|©|\bcopyright\b|\bprivacy policy\b|"
    r"\bapp store\b|\bgoogle play\b|\b\d{2,3}\.\d\s*fm\b|\(photo:|\bphoto credit\b|"
    r"^\s*(?:photo|image|video|file photo)\s*[:|]",
    re.I,
)


def _noise(line: str) -> bool:
    """Whether ``line`` is page noise.

    Each line is asked twice (as the line after a wrapped one, and as a line of its own):
    the answers for lines of up to 1,000 characters are remembered.
    """
    return _NOISE.search(line) is not None if len(line) > 1_000 else _short_noise(line)


@lru_cache(maxsize=4096)
def _short_noise(line: str) -> bool:
    return _NOISE.search(line) is not None


_ABBREV = frozenset(
    "gen lt col brig maj capt sgt dr mr mrs ms st no jan feb mar apr jun jul aug sep sept oct "
    "nov dec u.s u.n e.g i.e vs approx inc co mt gov sen rep prof staff".split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)$")
# A line that stops mid-sentence (plain-text wires wrap at ~70 characters): it ends with a
# comma, a hyphen or a small word a sentence cannot end on, or the next line goes on in lower
# case. Headlines end on a noun and the next line starts a new sentence: they stay apart.
_OPEN_END = re.compile(
    r"(?:[,;(\-–—]|\b(?:a|an|the|of|in|on|at|near|to|from|by|with|for|and|or|but|that|which|"
    r"who|when|while|after|before|into|onto|than|as|its|their|his|her|"
    r"were|was|is|are|had|has|have|been|some|about|between|against|during|under|over))$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z]{2,}")  # a line needs two words (counted up to two)
_TERMINAL = re.compile(r"[.!?:][\"”’)\]]*$")


def _is_abbreviation(before: str) -> bool:
    m = _LAST_WORD.search(before)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or headline) of the article: ``article.text[start:end]``."""

    text: str
    start: int
    end: int
    paragraph: int
    headline: bool


def _is_headline(line: str) -> bool:
    words = line.split()
    # a coder's trailing tag ("... dispersed them. [size=no report]") does not end the sentence
    body = re.sub(r"(?:\s*\[[^\]]{0,60}\])+\s*$", "", line) if "[" in line else line
    return len(words) < 25 and not re.search(r"[.!?][\"”’)]*\s*$", body)


def _soft_wrapped(line: str, following: str) -> bool:
    """Whether ``line`` stops mid-sentence and ``following`` (the next line) goes on with it."""
    line, following = line.strip(), following.strip()
    if not line or not following or _TERMINAL.search(line) or _noise(following):
        return False
    return bool(_OPEN_END.search(line)) or following[0].islower()


_MAX_JOINED = 1_000


def _lines(text: str) -> list[tuple[int, str]]:
    """Logical lines of ``text`` with their offsets; soft-wrapped lines are joined.

    A hard line break inside a sentence becomes a space (one character for one, so offsets
    into ``text`` stay right). Lines are joined only while the logical line stays under
    ~1,000 characters: wrapped text that never ends a sentence would otherwise become one
    sentence as long as the file, and the sentence-level stages grow with its square.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    raw = text.split("\n")
    i = 0
    while i < len(raw):
        start, parts = pos, [raw[i]]
        pos += len(raw[i]) + 1
        size = len(raw[i])
        while (
            i + 1 < len(raw)
            and size + len(raw[i + 1]) < _MAX_JOINED
            and _soft_wrapped(raw[i], raw[i + 1])
        ):
            i += 1
            parts.append(raw[i])
            size += len(raw[i]) + 1
            pos += len(raw[i]) + 1
        out.append((start, " ".join(parts).replace("\r", " ")))
        i += 1
    return out


def segment(text: str) -> list[Segment]:
    """Sentences and headlines of ``text`` in order, noise lines removed.

    Lines wrapped inside a sentence (plain-text wires) are read as one line, the line break
    as a space.
    """
    out: list[Segment] = []
    paragraph = 0
    for start, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            paragraph += 1
            continue
        if _noise(stripped) or len(list(islice(_WORD.finditer(stripped), 2))) < 2:
            continue
        offset = start + line.index(stripped[0])
        if _is_headline(stripped):
            out.append(Segment(stripped, offset, offset + len(stripped), paragraph, True))
            continue
        cut = 0
        for m in _BOUNDARY.finditer(stripped):
            if stripped[m.start()] == "." and _is_abbreviation(stripped[cut : m.start()]):
                continue
            piece = stripped[cut : m.start() + 1]
            out.append(
                Segment(piece.strip(), offset + cut, offset + m.start() + 1, paragraph, False)
            )
            cut = m.end()
        if cut < len(stripped):
            piece = stripped[cut:]
            out.append(Segment(piece, offset + cut, offset + len(stripped), paragraph, False))
        paragraph += 1
    return out


# geo.prescan: these patterns search through a case-folded twin, skip texts without their words
_NOISE = screened(_NOISE)

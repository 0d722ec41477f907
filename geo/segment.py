"""Split article text into sentences with offsets, leaving out page noise.

Noise is what a scraper brings along with the story: "Read More:" headlines, inline tweets,
photo captions, menus, footers, copyright and captcha lines. Short lines without sentence
punctuation (headlines, menu items) are kept as ``headline`` segments: they name places for
context but never yield events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_ABBREV = frozenset(
    "gen lt col brig maj capt sgt dr mr mrs ms st no jan feb mar apr jun jul aug sep sept oct "
    "nov dec u.s u.n e.g i.e vs approx inc co mt gov sen rep prof staff".split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)$")


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
    body = re.sub(r"(?:\s*\[[^\]]{0,60}\])+\s*$", "", line)
    return len(words) < 25 and not re.search(r"[.!?][\"”’)]*\s*$", body)


def segment(text: str) -> list[Segment]:
    """Sentences and headlines of ``text`` in order, noise lines removed."""
    out: list[Segment] = []
    pos = 0
    paragraph = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            paragraph += 1
            continue
        if _NOISE.search(stripped) or len(re.findall(r"[A-Za-z]{2,}", stripped)) < 2:
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

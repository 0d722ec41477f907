"""The literal pre-scan never changes an answer: screened patterns match exactly as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo import (
    casualties,
    classify,
    cues,
    datewords,
    event_dates,
    place_phrases,
    triggers,
    validity,
)
from geo.prescan import fold, necessary_literals, screened
from geo.segment import segment

DATA = Path(__file__).resolve().parents[1] / "data"
_EVERY_CHAR = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("char", [chr(c) for c in range(128)])
def test_every_character_re_matches_to_an_ascii_one_folds_onto_it(char: str) -> None:
    for flags in (0, re.I):
        for m in re.finditer(re.escape(char), _EVERY_CHAR, flags):
            assert fold(m.group(0)) == char.lower(), (hex(ord(m.group(0))), flags)


def test_fold_keeps_one_character_for_one() -> None:
    assert len(fold(_EVERY_CHAR)) == len(_EVERY_CHAR)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:attack(?:ed|s)?|bomb\w*)\b", {"attack", "bomb"}),
        (r"(?:roadside|car) bomb\w*", {" bomb"}),  # the longest run is the most selective
        (r"kills?(?= \d+)", {"kill"}),  # a lookahead requires nothing of its own
        (r"(?<!to )kill", {"kill"}),
        (r"raids?|raided|raiding", {"raid"}),  # "raided" holds "raid": one is enough
        (r"(?-i:May) \d+", {"may"}),  # folded: a necessary, not a sufficient condition
        (r"\bIEDs?\b", {"ied"}),
        (r"(?:north|south)(?:ern)? of", {"north", "south"}),  # longer than " of"
        (r"©|\bcopyright\b", {"©", "copyright"}),  # an uncased non-ASCII character matches itself
        (r"\d+ km", {" km"}),
    ],
)
def test_necessary_literals_are_read_from_the_parse_tree(pattern: str, expected: set[str]) -> None:
    assert necessary_literals(re.compile(pattern, re.I)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"[A-Z][a-z]+\b",  # no literal at all
        r"attack|\d+",  # one alternative needs none
        r"(?:attack)?",  # optional
    ],
)
def test_patterns_a_literal_cannot_decide_are_left_as_they_are(pattern: str) -> None:
    compiled = re.compile(pattern, re.I)
    assert necessary_literals(compiled) is None
    assert screened(compiled) is compiled


def test_a_pattern_whose_literals_are_too_short_is_left_as_it_is() -> None:
    compiled = re.compile(r"\b(?:in|at|near)\s+", re.I)
    assert screened(compiled) is compiled
    assert screened(re.compile(r"\b(?:19|20)\d\d\b")) is not None  # two digits are rare


def _project_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out: list[tuple[str, re.Pattern[str]]] = []
    modules = (
        casualties,
        classify,
        cues,
        datewords,
        event_dates,
        place_phrases,
        triggers,
        validity,
    )
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, dict):
                out += [(f"{name}[{k}]", v) for k, v in value.items() if hasattr(v, "pattern")]
            elif name == "PATTERNS":  # the date patterns: (kind, pattern)
                out += [(f"{name}[{k}]", v) for k, v in value if hasattr(v, "pattern")]
            elif hasattr(value, "pattern") and hasattr(value, "finditer"):
                out.append((f"{module.__name__}.{name}", value))
    return [(name, p) for name, p in out if not isinstance(p, re.Pattern)]  # screened ones


def _sentences() -> list[str]:
    texts = sorted((DATA / "corpus" / "articles").glob("*.txt"))[:24]
    texts += sorted((DATA / "corpus" / "notes").glob("*.txt"))[:60]
    out = [seg.text for path in texts for seg in segment(path.read_text(encoding="utf-8"))]
    # folded look-alikes: dotless i, long s, Kelvin sign and dotted capital I
    out += [s.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a") for s in out[:40]]
    out += [s.upper().replace("I", "\u0130") for s in out[:40]]
    return out


def test_screened_project_patterns_match_exactly_as_the_plain_ones() -> None:
    patterns = _project_patterns()
    assert len(patterns) > 40  # the cues, triggers and the hot patterns of the stages
    sentences = _sentences()
    for name, pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        for s in sentences:
            for text in (s, s[: len(s) // 2], s[len(s) // 3 :]):
                got = [(m.span(), m.group(0)) for m in pattern.finditer(text)]
                want = [(m.span(), m.group(0)) for m in plain.finditer(text)]
                assert got == want, (name, text)
                assert bool(pattern.search(text)) == bool(plain.search(text)), (name, text)
                assert bool(pattern.match(text, 3)) == bool(plain.match(text, 3)), (name, text)
                assert pattern.sub("_", text) == plain.sub("_", text), (name, text)


def test_uncased_non_ascii_literals_match_only_themselves() -> None:
    chars = {
        c
        for _, p in _project_patterns()
        for lit in necessary_literals(re.compile(p.pattern, p.flags)) or ()
        for c in lit
        if not c.isascii()
    } | {"©"}
    for c in chars:
        found = {m.group(0) for m in re.finditer(re.escape(c), _EVERY_CHAR, re.I)}
        assert found == {c}

"""The literal pre-scan never changes an answer: screened patterns match exactly as before."""

from __future__ import annotations

import importlib
import pickle
import re
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

from geo.prescan import _fold_tree, fold, folded_twin, necessary_literals, screened
from geo.segment import segment

# every module that screens patterns (a module added here is checked by every test below)
_SCREENING_MODULES = (
    "geo.casualties",
    "geo.classify",
    "geo.cues",
    "geo.datewords",
    "geo.event_dates",
    "geo.extract",
    "geo.place_phrases",
    "geo.roles",
    "geo.segment",
    "geo.triggers",
    "geo.validity",
)
DATA = Path(__file__).resolve().parents[1] / "data"
_EVERY_CHAR = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


_FOLDED = fold(_EVERY_CHAR)


_FOLDED_ASCII: dict[str, list[int]] = {}
for _i, _c in enumerate(_FOLDED):
    if _c.isascii():
        _FOLDED_ASCII.setdefault(_c, []).append(_i)


@pytest.mark.parametrize("char", [chr(c) for c in range(128)])
def test_the_characters_re_matches_to_an_ascii_one_are_those_that_fold_onto_it(char: str) -> None:
    matched = [m.start() for m in re.finditer(re.escape(char), _EVERY_CHAR, re.I)]
    assert matched == _FOLDED_ASCII.get(char.lower(), [])
    for m in re.finditer(re.escape(char), _EVERY_CHAR):  # case-sensitive: a subset
        assert fold(m.group(0)) == char.lower()


@pytest.mark.parametrize("cls", [r"\w", r"\W", r"\s", r"\d", r".", r"\n"])
def test_fold_keeps_every_character_in_its_class(cls: str) -> None:
    # \b and \B read \w on either side: they agree too
    pattern = re.compile(cls)
    assert [m.start() for m in pattern.finditer(_EVERY_CHAR)] == [
        m.start() for m in pattern.finditer(_FOLDED)
    ]


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
    assert necessary_literals(re.compile(pattern, re.I)) is None
    compiled = re.compile(pattern)  # case-sensitive: no folded twin either
    assert screened(compiled) is compiled


def test_a_pattern_whose_literals_are_too_short_is_left_as_it_is() -> None:
    compiled = re.compile(r"\b(?:in|at|near)\s+")
    assert screened(compiled) is compiled
    assert screened(re.compile(r"\b(?:19|20)\d\d\b")) is not None  # two digits are rare


def _project_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out: list[tuple[str, re.Pattern[str]]] = []
    for module in map(importlib.import_module, _SCREENING_MODULES):
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
    out.append(" ".join(out[:30]))  # longer than a sentence: not screened, searched folded
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
                assert pattern.findall(text) == plain.findall(text), (name, text)


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


@pytest.mark.parametrize(
    ("pattern", "twin"),
    [
        (r"\b(?:attack(?:ed|s)?|IEDs?)\b", True),
        (r"[A-Z][\w'’-]+ said", True),
        (r"(?<!to )kills?(?= \d)", True),
        (r"\b(?-i:may)\b", False),  # a case-sensitive part cannot read folded text
        (r"(\w+) \1", False),  # a back-reference compares case-insensitively
        (r"Ébrahim", False),  # a cased non-ASCII character
    ],
)
def test_a_case_insensitive_pattern_has_a_folded_twin_unless_a_part_needs_case(
    pattern: str, twin: bool
) -> None:
    assert (folded_twin(re.compile(pattern, re.I)) is not None) is twin
    assert folded_twin(re.compile(pattern)) is None  # case-sensitive already
    assert folded_twin(re.compile(pattern, re.I | re.A)) is None  # "K" (Kelvin) is no "k"


def _leaves(sub: Any) -> list[tuple[Any, Any]]:
    """The one-character nodes (literals, classes) of a parse tree."""
    out: list[tuple[Any, Any]] = []
    for op, av in sub.data:
        if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN):
            out.append((op, av))
        elif op is sre_constants.SUBPATTERN:
            out += _leaves(av[-1])
        elif op is sre_constants.BRANCH:
            out += [leaf for branch in av[1] for leaf in _leaves(branch)]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            out += _leaves(av[2])
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            out += _leaves(av[1])
    return out


def test_every_character_node_of_the_project_twins_matches_the_same_characters() -> None:
    leaves = {
        repr(leaf): leaf
        for _, p in _project_patterns()
        if folded_twin(re.compile(p.pattern, p.flags)) is not None
        for leaf in _leaves(sre_parse.parse(p.pattern, p.flags))
    }
    assert len(leaves) > 20
    for leaf in leaves.values():
        plain = sre_compile.compile(sre_parse.SubPattern(sre_parse.State(), [leaf]), re.I | re.U)
        tree = sre_parse.SubPattern(sre_parse.State(), [leaf])  # _fold_tree makes new nodes
        _fold_tree(tree)
        twin = sre_compile.compile(tree, re.U)
        want = [m.start() for m in plain.finditer(_EVERY_CHAR)]
        assert [m.start() for m in twin.finditer(_FOLDED)] == want, leaf


def test_a_screened_pattern_pickles_as_itself() -> None:
    pattern = screened(re.compile(r"\b(?:attack(?:ed|s)?|bomb\w*)\b", re.I))
    again = pickle.loads(pickle.dumps(pattern))
    text = "Militants attacked a checkpoint near Daquq with a car bomb on Monday night."
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert again.pattern == pattern.pattern
    assert type(again) is type(pattern)


def test_screening_a_pattern_twice_gives_the_same_object() -> None:
    pattern = re.compile(r"\b(?:ambush(?:ed)?|sniper fire)\b", re.I)
    once = screened(pattern)
    assert screened(pattern) is once
    assert screened(once) is once

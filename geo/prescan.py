"""Literal pre-scan: skip a regular expression on a text that holds none of its necessary words.

The cue and trigger patterns are long case-insensitive alternations ("attack(?:ed|s)?",
"bomb(?:ing|ed|s)?", ...). Python's :mod:`re` has no literal-prefix shortcut for them, so a
search tries every alternative at every position, and a sentence is searched by a hundred
of them. Most find nothing. From a pattern's parse tree, :func:`necessary_literals` reads a
set of strings one of which every match must contain ("attack", "bomb", ...); one
Aho-Corasick pass (pyahocorasick, already the spotter's automaton) over a text finds which
of all the screened patterns' literals it holds, and :func:`screened` wraps a pattern so that
a text holding none of its literals is answered "no match" without running it.

The answer is the same as the pattern's own, never an approximation: the literals are
necessary, not sufficient (a text that holds one still runs the pattern). Case: every text
and literal is folded by :func:`fold`, which maps each character that :mod:`re` matches to an
ASCII character under ``re.IGNORECASE`` onto that character (checked over every code point
by the tests), so a case-insensitive match always holds the folded literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# re's own parser (Python >= 3.11; the deprecated sre_parse before): the parse tree of a
# pattern is exactly what the matcher runs, so the literals read from it cannot disagree
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

import ahocorasick

__all__ = ["fold", "necessary_literals", "screened"]

# str.lower() maps these to nothing ASCII (or to two characters: "İ" -> "i̇"), while
# re.IGNORECASE matches them to "i" and "s"; every other character lowers to one character.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
# A screen pays for itself on sentence-sized texts: a short one is searched faster than
# scanned, a page-long one holds most literals anyway.
_MIN_TEXT, _MAX_TEXT = 40, 1_000
# words shorter than this ("in", "at") are in nearly every sentence: a pattern that needs
# one is left unscreened (two digits, "19" of a year, are rare enough)
_MIN_WORD = 3
_REPEATS = tuple(
    op
    for op in (
        _sre.MAX_REPEAT,
        _sre.MIN_REPEAT,
        getattr(_sre, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)


def fold(text: str) -> str:
    """``text`` lower-cased, one character for one, the way :mod:`re` folds it to ASCII."""
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()  # the common case: str.translate costs more than the search
    return text.translate(_FOLD).lower()


def _uncased(char: str) -> bool:
    """Whether ``char`` is matched by itself alone, with or without ``re.IGNORECASE``."""
    return char.isascii() or (
        char.lower() == char == char.upper() and char.casefold() == char and fold(char) == char
    )


Literals = frozenset[str]


def _best(candidates: list[Literals | None]) -> Literals | None:
    """The most selective of several necessary sets: longest shortest literal, then fewest."""
    best: Literals | None = None
    for c in candidates:
        if c and (best is None or (min(map(len, c)), -len(c)) > (min(map(len, best)), -len(best))):
            best = c
    return best


def _sequence(items: Any) -> Literals | None:
    """Necessary literals of a sequence: runs of literal characters, or one item's set."""
    candidates: list[Literals | None] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL and _uncased(chr(av)):
            run += fold(chr(av))
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        candidates.append(_item(op, av))
    if run:
        candidates.append(frozenset({run}))
    return _best(candidates)


def _item(op: Any, av: Any) -> Literals | None:
    """Necessary literals of one parse-tree node (``None``: it may match without any)."""
    if op is _sre.SUBPATTERN:  # (group, add_flags, del_flags, pattern)
        return _sequence(av[-1])
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            lits = _sequence(branch)
            if lits is None:
                return None  # one alternative may match without a literal
            out |= lits
        return frozenset(out)
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op is _sre.LITERAL and _uncased(chr(av)):
        return frozenset({fold(chr(av))})
    # classes, any-character, anchors, lookarounds, back-references: no literal
    return None


def necessary_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` contains (``None``: no such set).

    Read from the parse tree: a sequence needs its longest run of literal characters (or the
    set of one of its groups), an alternation the union of its branches' sets, a repeat its
    body's set if it repeats at least once. Lookarounds and optional parts require nothing.
    Literals that contain a shorter one of the set are dropped (the shorter is found anyway).
    """
    lits = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    if lits is None:
        return None
    kept: list[str] = []
    for lit in sorted(lits, key=len):
        if not any(k in lit for k in kept):
            kept.append(lit)
    return frozenset(kept)


class _Scanner:
    """One automaton over every screened pattern's literals, and the literals of recent texts."""

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.automaton: Any = None
        self.memo: dict[str, frozenset[str]] = {}

    def add(self, literals: frozenset[str]) -> None:
        if not literals <= self.literals:
            self.literals |= literals
            self.automaton = None  # rebuilt on the next scan

    def found(self, text: str) -> frozenset[str]:
        """The literals ``text`` holds (remembered for the last few hundred texts)."""
        got = self.memo.get(text)
        if got is None:
            if self.automaton is None:
                automaton = ahocorasick.Automaton()
                for lit in self.literals:
                    automaton.add_word(lit, lit)
                automaton.make_automaton()
                self.automaton = automaton
                self.memo.clear()
            got = frozenset(lit for _end, lit in self.automaton.iter(fold(text)))
            if len(self.memo) >= 512:
                self.memo.clear()
            self.memo[text] = got
        return got


_SCANNER = _Scanner()


class _Screened:
    """A compiled pattern that answers "no match" at once for texts without its literals.

    Quacks like :class:`re.Pattern`: ``search``, ``match``, ``fullmatch``, ``finditer``,
    ``findall`` and ``sub`` are screened (with ``pos``/``endpos`` the whole text is scanned:
    still a necessary condition); everything else is the wrapped pattern's own.
    """

    __slots__ = ("_literals", "_pattern", "flags", "groupindex", "groups", "pattern")

    def __init__(self, pattern: re.Pattern[str], literals: frozenset[str]) -> None:
        self._pattern = pattern
        self._literals = literals
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        self.groups = pattern.groups
        self.groupindex = pattern.groupindex
        _SCANNER.add(literals)

    def _absent(self, text: str) -> bool:
        return _MIN_TEXT < len(text) <= _MAX_TEXT and self._literals.isdisjoint(
            _SCANNER.found(text)
        )

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._pattern.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._pattern.match(text, *args)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return None if self._absent(text) else self._pattern.fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(text) else self._pattern.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return [] if self._absent(text) else self._pattern.findall(text, *args)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return text if self._absent(text) else self._pattern.sub(repl, text, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"screened({self._pattern!r})"


def screened(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, skipped on texts that hold none of its necessary literals; same answers.

    A pattern without a useful literal set (one alternative needs none, or a literal is a
    word shorter than three letters) comes back as it is. The result is typed as the
    :class:`re.Pattern` it stands for; pass ``.pattern`` (not the object) to :mod:`re`'s
    module-level functions.
    """
    lits = necessary_literals(pattern)
    if lits is None or any(len(lit) < _MIN_WORD and lit.isalpha() for lit in lits):
        return pattern
    return cast(re.Pattern[str], _Screened(pattern, lits))

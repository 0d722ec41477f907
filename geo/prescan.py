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
import sys
from collections.abc import Callable, Iterator

# re's own parser (Python >= 3.11; the deprecated sre_parse before): the parse tree of a
# pattern is exactly what the matcher runs, so the literals read from it cannot disagree
from re import _compiler as _sre_compile  # type: ignore[attr-defined]
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

import ahocorasick

__all__ = ["fold", "folded_twin", "necessary_literals", "screened"]

# str.lower() maps these to nothing ASCII (or to two characters: "İ" -> "i̇"), while
# re.IGNORECASE matches them to "i" and "s"; every other character lowers to one character.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
# A screen pays for itself on sentence-sized texts: a short one is searched faster than
# scanned, a page-long one holds most literals anyway.
_MIN_TEXT, _MAX_TEXT = 40, 1_000
# a longer text (a whole article) is screened only by a pattern with few literals, one
# substring test each
_FEW_LITERALS = 32
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


class _Unfoldable(Exception):
    """A pattern part that has no case-sensitive twin on folded text."""


def _fold_code(code: int) -> int:
    char = chr(code)
    if char.isascii():
        return ord(char.lower())
    if _uncased(char):
        return code
    raise _Unfoldable(char)


def _fold_set(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A character class ``[...]`` as it reads on folded text, ASCII letters lower-cased."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append((op, _fold_code(av)))
        elif op is _sre.RANGE and av[1] < 128:
            out += [
                (_sre.LITERAL, c) for c in sorted({_fold_code(c) for c in range(av[0], av[1] + 1)})
            ]
        elif (
            op is _sre.RANGE
            and av[1] - av[0] < 4096
            and all(_uncased(chr(c)) for c in range(av[0], av[1] + 1))
        ):
            out.append((op, av))
        elif op in (_sre.CATEGORY, _sre.NEGATE):
            out.append((op, av))  # \w, \s, \d keep their members under fold (tests)
        else:
            raise _Unfoldable(op)
    return out


def _fold_tree(sub: Any) -> None:
    """Rewrite a parse tree in place to match on :func:`fold` ed text without ``re.I``."""
    data = sub.data
    for i, (op, av) in enumerate(data):
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            data[i] = (op, _fold_code(av))
        elif op is _sre.IN:
            data[i] = (op, _fold_set(av))
        elif op in (_sre.AT, _sre.ANY, _sre.CATEGORY):
            continue
        elif op is _sre.SUBPATTERN:
            if (av[1] | av[2]) & re.I:
                raise _Unfoldable("(?-i:...)")  # a case-sensitive part cannot read folded text
            _fold_tree(av[-1])
        elif op is _sre.BRANCH:
            for branch in av[1]:
                _fold_tree(branch)
        elif op in _REPEATS:
            _fold_tree(av[2])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _fold_tree(av[1])
        elif op is _sre.ATOMIC_GROUP:
            _fold_tree(av)
        else:
            raise _Unfoldable(op)  # back-references compare text case-insensitively


def folded_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (case-insensitive) as a case-sensitive pattern over :func:`fold` ed text.

    At every position of a text the twin matches the folded text exactly where ``pattern``
    matches the text (``fold`` keeps one character for one, so offsets agree), and runs
    faster: :mod:`re` compares plain characters and uses literal prefixes. ``None`` for a
    pattern that is not case-insensitive (with Unicode case rules) or has a part without a
    twin (a case-sensitive group, a back-reference, a cased non-ASCII character).
    """
    if not pattern.flags & re.I or pattern.flags & (re.A | re.L):
        return None  # ASCII or locale case rules are not what fold() folds
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    try:
        _fold_tree(tree)
    except _Unfoldable:
        return None
    tree.state.flags &= ~re.I
    return cast(re.Pattern[str], _sre_compile.compile(tree, pattern.flags & ~re.I))


class _Scanner:
    """One automaton over every screened pattern's literals; recent texts folded and scanned."""

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.automaton: Any = None
        self.found_memo: dict[str, frozenset[str]] = {}
        self.fold_memo: dict[str, str] = {}

    def add(self, literals: frozenset[str]) -> None:
        if not literals <= self.literals:
            self.literals |= literals
            self.automaton = None  # rebuilt on the next scan

    def folded(self, text: str) -> str:
        """:func:`fold` of ``text`` (remembered for the last few hundred sentence-sized texts)."""
        got = self.fold_memo.get(text)
        if got is None:
            got = fold(text)
            if len(text) <= _MAX_TEXT:
                if len(self.fold_memo) >= 512:
                    self.fold_memo.clear()
                self.fold_memo[text] = got
        return got

    def found(self, text: str) -> frozenset[str]:
        """The literals ``text`` holds (remembered for the last few hundred texts)."""
        got = self.found_memo.get(text)
        if got is None:
            if self.automaton is None:
                automaton = ahocorasick.Automaton()
                for lit in self.literals:
                    automaton.add_word(lit, lit)
                automaton.make_automaton()
                self.automaton = automaton
                self.found_memo.clear()
            got = frozenset(lit for _end, lit in self.automaton.iter(self.folded(text)))
            if len(self.found_memo) >= 512:
                self.found_memo.clear()
            self.found_memo[text] = got
        return got


_SCANNER = _Scanner()
_END = sys.maxsize  # re's default endpos


class _Screened:
    """A compiled pattern that answers "no match" at once for texts without its literals.

    Quacks like :class:`re.Pattern`: ``search``, ``match``, ``fullmatch``, ``finditer``,
    ``findall`` and ``sub`` are screened (with ``pos``/``endpos`` the whole text is scanned:
    still a necessary condition); a case-insensitive pattern then finds where it matches
    with its :func:`folded_twin` and returns its own match there (same span, same groups).
    Everything else is the wrapped pattern's own.
    """

    __slots__ = ("_literals", "_pattern", "_twin", "flags", "groupindex", "groups", "pattern")

    def __init__(
        self,
        pattern: re.Pattern[str],
        literals: frozenset[str] | None,
        twin: re.Pattern[str] | None,
    ) -> None:
        self._pattern = pattern
        self._literals = literals
        self._twin = twin
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        self.groups = pattern.groups
        self.groupindex = pattern.groupindex
        if literals:
            _SCANNER.add(literals)

    def _absent(self, text: str) -> bool:
        lits = self._literals
        if lits is None or len(text) <= _MIN_TEXT:
            return False
        if len(text) <= _MAX_TEXT:
            return lits.isdisjoint(_SCANNER.found(text))
        # a whole article: a few substring tests beat the automaton's many hits
        if len(lits) > _FEW_LITERALS:
            return False
        folded = fold(text)
        return not any(lit in folded for lit in lits)

    def _none_in(self, text: str) -> bool:
        """Whether the pattern surely does not match ``text`` anywhere."""
        if self._absent(text):
            return True
        return self._twin is not None and self._twin.search(_SCANNER.folded(text)) is None

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if self._absent(text):
            return None
        if self._twin is None:
            return self._pattern.search(text, pos, endpos)
        m = self._twin.search(_SCANNER.folded(text), pos, endpos)
        return None if m is None else self._pattern.match(text, m.start(), endpos)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return None if self._absent(text) else self._pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return None if self._absent(text) else self._pattern.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if self._absent(text):
            return iter(())
        if self._twin is None:
            return self._pattern.finditer(text, pos, endpos)
        found = self._twin.finditer(_SCANNER.folded(text), pos, endpos)
        return (cast(re.Match[str], self._pattern.match(text, m.start(), endpos)) for m in found)

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        return [] if self._none_in(text) else self._pattern.findall(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return text if self._none_in(text) else self._pattern.sub(repl, text, count)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not yet set (while unpickling): no forwarding loop
            raise AttributeError(name)
        return getattr(self._pattern, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (screened, (self._pattern,))  # pickled as the pattern, screened again

    def __repr__(self) -> str:
        return f"screened({self._pattern!r})"


def screened(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, skipped on texts that hold none of its necessary literals; same answers.

    A case-insensitive pattern also searches through its :func:`folded_twin`. A pattern
    with neither (its literals are no use: one alternative needs none, or one is a word
    shorter than three letters; and no twin) comes back as it is. The result is typed as
    the :class:`re.Pattern` it stands for; pass ``.pattern`` (not the object) to
    :mod:`re`'s module-level functions.
    """
    if isinstance(pattern, _Screened):
        return cast(re.Pattern[str], pattern)
    key = (pattern.pattern, pattern.flags)
    if key not in _MADE:  # parsing and compiling a twin cost: once per pattern
        try:
            lits = necessary_literals(pattern)
            twin = folded_twin(pattern)
        except (AttributeError, TypeError, ValueError, IndexError):
            # re's private parse tree took another shape (a newer Python): the pattern runs
            # as it is, slower but the same (the tests count the screened patterns)
            lits, twin = None, None
        if lits is not None and any(len(lit) < _MIN_WORD and lit.isalpha() for lit in lits):
            lits = None
        _MADE[key] = (
            None
            if lits is None and twin is None
            else cast(re.Pattern[str], _Screened(pattern, lits, twin))
        )
    return _MADE[key] or pattern


_MADE: dict[tuple[str, int], re.Pattern[str] | None] = {}

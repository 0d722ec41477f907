"""Name normalisation: fold the spellings of Iraqi and Kurdish place names onto shared keys.

Three levels, each a pure function of the name:

* :func:`fold_chars` maps every character to at most one lowercase character, so spans found in
  folded text map back to the original offsets (used by the spotter).
* :func:`parse_query` strips generic words ("district", "camp", "Jabal"...) and Arabic articles,
  returning the exact-match key and the kind those words imply.
* :func:`fuzzy_key` further folds transliteration pairs (k/q, kh/h, ou/u, e/i, doubled letters)
  so "Makhmour", "Makhmur" and "Mexmûr" share one key.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple, overload

__all__ = [
    "OffsetMap",
    "QueryKey",
    "consonant_key",
    "fold_chars",
    "fuzzy_key",
    "light_key",
    "parse_query",
    "spot_key",
    "vowel_key",
]

# Letters that NFKD does not decompose, or whose Kurdish/Turkish reading matters.
_LETTER_MAP = {
    "ş": "sh",
    "ç": "ch",
    "ğ": "gh",
    "x": "kh",
    "ı": "i",
    "ə": "e",
    "ø": "o",
    "æ": "ae",
    "ß": "ss",
    "đ": "d",
    "ł": "l",
    "ħ": "h",
    # Arabic-script folding: alef forms, ta marbuta, alef maqsura, Persian/Kurdish letters.
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ە": "ه",
    "ھ": "ه",
    "ۆ": "و",
    "ۇ": "و",
    "ێ": "ي",
    "ڵ": "ل",
    "ڕ": "ر",
    "گ": "ك",
    "ڤ": "ف",
    "چ": "ج",
    "پ": "ب",
    "ژ": "ز",
    "ؤ": "و",
    "ئ": "ي",
}
# Characters that vanish: apostrophes and ayin/hamza transliterations, Arabic tatweel.
_DROP = set("'`’‘ʿʾʻʼ´ˈ\u0640\u200c\u200d\u200e\u200f")

# Generic words and the kind they imply when they qualify a name.
KIND_WORDS: dict[str, str] = {
    "governorate": "governorate",
    "governate": "governorate",
    "province": "governorate",
    "muhafazat": "governorate",
    "muhafazah": "governorate",
    "muhafaza": "governorate",
    "district": "district",
    "qada": "district",
    "qadha": "district",
    "qadaa": "district",
    "qadhaa": "district",
    "qaza": "district",
    "kaza": "district",
    "subdistrict": "subdistrict",
    "nahiyat": "subdistrict",
    "nahiyah": "subdistrict",
    "nahiya": "subdistrict",
    "nahia": "subdistrict",
    "nahya": "subdistrict",
    "village": "village",
    "qaryat": "village",
    "qarya": "village",
    "town": "town",
    "city": "city",
    "camp": "camp",
    "camps": "camp",
    "mount": "mountain",
    "mountain": "mountain",
    "mountains": "mountain",
    "mt": "mountain",
    "jabal": "mountain",
    "jebel": "mountain",
    "jibal": "mountain",
    "range": "mountain",
    "region": "region",
    "area": "region",
    "areas": "region",
    "administration": "region",
    "dam": "dam",
    "lake": "lake",
    "airbase": "base",
    "base": "base",
    "airport": "airfield",
    "airfield": "airfield",
    "crossing": "crossing",
    "wadi": "valley",
    "silsilat": "mountain",
    "oilfield": "oilfield",
    "oilfields": "oilfield",
    "oil": "oilfield",
    "gas": "oilfield",
    "field": "oilfield",
    "fields": "oilfield",
    "refinery": "oilfield",
    "bridge": "bridge",
    # Arabic-script generic words, in folded form (ta marbuta already folded to ha).
    "محافظه": "governorate",
    "قضاء": "district",
    "ناحيه": "subdistrict",
    "قريه": "village",
    "جبل": "mountain",
    "مخيم": "camp",
    "سد": "dam",
    "بحيره": "lake",
    "وادي": "valley",
    "جسر": "bridge",
}
# Words that qualify without naming: "Aradi X" (the lands of X) is X.
_FILLER = {
    "of",
    "the",
    "sub",
    "border",
    "air",
    "idp",
    "refugee",
    "center",
    "centre",
    "markaz",
    "aradi",
    "aradhi",
    "lands",
}
_ARTICLES = {"al", "el", "as", "ash", "ad", "adh", "ar", "at", "ath", "az", "an", "ul"}
_AR_ARTICLE = "ال"

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_FUZZY_RULES = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"q"), "k"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"ch"), "j"),
    (re.compile(r"[dt]h"), "d"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"p"), "b"),
    # Kurdish Latin (Hawar) letters: c is /dʒ/ (Celewla = Jalawla, Hawîce = Hawija); initial
    # d/t alternate in Kurdish and Turkmen forms (Dûz Xurmatû = Tuz Khurmatu, Tawuq = Daquq).
    (re.compile(r"c"), "j"),
    (re.compile(r"^d"), "t"),
    (re.compile(r"(?<=[aeiouy])h$"), ""),
    (re.compile(r"[aeiouy]+"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def _fold_char(ch: str) -> str:
    """Fold one character to lowercase, diacritic-free text (possibly empty or two letters)."""
    if ch in _DROP:
        return ""
    low = ch.lower()
    if low in _LETTER_MAP:
        return _LETTER_MAP[low]
    decomposed = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if base and unicodedata.category(base[0]).startswith("M"):
        return ""
    if not base:
        return ""
    if not base.isalnum():
        return " "
    return base


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each code point on first sight, then caches it.

    ``odd`` collects the characters whose fold is not exactly one character long (dropped
    apostrophes, "x" -> "kh"): only they shift offsets between a text and its fold.
    """

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()
        self._odd_rx: tuple[int, re.Pattern[str] | None] = (0, None)

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        if len(folded) != 1:
            self.odd.add(chr(code))
        return folded

    def odd_pattern(self) -> re.Pattern[str] | None:
        """A character class matching the odd characters seen so far (cached)."""
        if self._odd_rx[0] != len(self.odd):
            chars = "".join(sorted(self.odd))
            self._odd_rx = (len(self.odd), re.compile(f"[{re.escape(chars)}]") if chars else None)
        return self._odd_rx[1]


_FOLD = _FoldTable()


class OffsetMap(Sequence[int]):
    """Maps each position of a folded text back to the original text's index.

    Stored as the few break points where a character folded to zero or several characters,
    so building it costs one regex scan, not a loop over every character.
    """

    def __init__(self, length: int, breaks: list[tuple[int, int, int, int]]) -> None:
        self._length = length
        self._breaks = breaks  # (folded start, original index, folded length, shift after)
        self._starts = [b[0] for b in breaks]

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        fstart, orig, flen, shift = self._breaks[k]
        if i < fstart + flen:
            return orig
        return i - shift


def fold_chars(text: str) -> tuple[str, OffsetMap]:
    """Fold ``text`` for spotting and return it with each folded char's original index.

    Case, diacritics, apostrophes and punctuation are folded; the fold runs in C
    (``str.translate``) and the offsets are kept as a few break points.

    Examples
    --------
    >>> folded, index = fold_chars("Mexmûr")
    >>> folded, index[3], index[4]
    ('mekhmur', 2, 3)
    """
    folded = text.translate(_FOLD)
    pattern = _FOLD.odd_pattern()
    breaks: list[tuple[int, int, int, int]] = []
    if pattern is not None:
        shift = 0
        for m in pattern.finditer(text):
            orig = m.start()
            flen = len(_FOLD[ord(text[orig])])
            fstart = orig + shift
            shift += flen - 1
            breaks.append((fstart, orig, flen, shift))
    return folded, OffsetMap(len(folded), breaks)


def _tokens(name: str) -> list[str]:
    if not name.isascii():  # NFKC leaves ASCII unchanged; skip it on the common path
        name = unicodedata.normalize("NFKC", name)
    return [t for t in _NON_WORD.split(name.translate(_FOLD)) if t]


@lru_cache(maxsize=65536)
def spot_key(name: str) -> str:
    """Return the space-joined folded tokens of ``name``, the form the spotter searches for."""
    if not name.isascii():
        name = unicodedata.normalize("NFKC", name)
    # The fold maps every character that is not a letter or digit to a space (or nothing),
    # so a whitespace split gives the same tokens as _tokens' regex split, in C.
    return " ".join(name.translate(_FOLD).split())


class QueryKey(NamedTuple):
    """A name reduced to its exact-match key plus the kind its generic words imply."""

    key: str
    kind_hint: str | None
    tokens: tuple[str, ...] = ()


_TA_MARBUTA = re.compile(r"(?<=[a-z]{2}[ae])h$")


def _strip_article(token: str) -> str:
    """Drop an attached Arabic article and a romanised final ta marbuta ("-ah" -> "-a")."""
    if token.startswith(_AR_ARTICLE) and len(token) > 3:
        return token[2:]
    return _TA_MARBUTA.sub("", token)


@lru_cache(maxsize=65536)
def parse_query(name: str) -> QueryKey:
    """Reduce a place name to a key without generic words or articles, and the kind they imply.

    Examples
    --------
    >>> parse_query("Makhmour district")[:2]
    ('makhmour', 'district')
    >>> parse_query("Al-Qush").key
    'qush'
    """
    tokens = _tokens(name)
    kind: str | None = None
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in KIND_WORDS and not (i > 1 and tokens[i - 1] in _ARTICLES):
            # ("Mansuriyat al-Jabal": a generic word after an article is part of the name)
            implied = KIND_WORDS[tok]
            if tok == "sub" or (tok == "district" and i > 0 and tokens[i - 1] == "sub"):
                implied = "subdistrict"
            kind = kind or implied
            if tok == "district" and i > 0 and tokens[i - 1] == "sub":
                kind = "subdistrict"
            continue
        if tok in _FILLER:
            if tok == "sub":
                kind = "subdistrict"
            continue
        if tok in _ARTICLES and i + 1 < len(tokens):
            continue
        kept.append(_strip_article(tok))
    if not kept:  # the name was only generic words ("The Camp"): keep it whole
        kept = [_strip_article(t) for t in tokens]
        kind = None
    return QueryKey("".join(kept), kind, tuple(kept))


def light_key(name: str) -> str:
    """Return the exact-match key of ``name`` (see :func:`parse_query`)."""
    return parse_query(name).key


@lru_cache(maxsize=65536)
def _skeleton(token: str) -> str:
    out = token
    for pattern, repl in _FUZZY_RULES:
        out = pattern.sub(repl, out)
    return out or token


_VOWEL_CLASS = str.maketrans("eoy", "aui")


def vowel_key(key: str) -> str:
    """Fold a light key's vowels into three classes (a/e, o/u, i/y) for spelling similarity.

    Kurdish Latin writes the short vowel "e" where Arabic-derived spellings write "a"
    (Qeretepe = Qara Tapa, Celewla = Jalawla), so similarity between two spellings of one
    name is measured on this form.

    Examples
    --------
    >>> vowel_key("qeretepe") == vowel_key("qaratapa")
    True
    """
    return key.translate(_VOWEL_CLASS)


# The skeleton's consonant folds minus its vowel rules and the Kurdish single letters (c = j,
# initial d = t): those two need the skeleton's match to be trusted ("Hắc ín" is no "Hajin").
_CONSONANT_RULES = tuple(
    r for r in _FUZZY_RULES if "aeiouy" not in r[0].pattern and r[0].pattern not in ("c", "^d")
)


@lru_cache(maxsize=65536)
def consonant_key(key: str) -> str:
    """A light key with the skeleton's consonant pairs folded but its vowels kept (in classes).

    Examples
    --------
    >>> consonant_key("kocho") == consonant_key("kuju")
    True
    """
    out = key
    for pattern, repl in _CONSONANT_RULES:
        out = pattern.sub(repl, out)
    return vowel_key(out)


def fuzzy_key(name: str) -> str:
    """Return the consonant skeleton of a name, so transliteration variants collide.

    Pairs such as k/q, kh/h/x, sh/s, doubled letters and every vowel fold away, per word.

    Examples
    --------
    >>> fuzzy_key("Makhmour") == fuzzy_key("Mexmûr") == fuzzy_key("Makhmur")
    True
    >>> fuzzy_key("Qarah Tabah") == fuzzy_key("Qaratapa")
    True
    """
    return "".join(_skeleton(t) for t in parse_query(name).tokens)

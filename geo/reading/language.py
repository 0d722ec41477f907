"""Is a text English? kclmap's rules read English reporting only.

A cheap count of English function words decides most texts; a short text it cannot decide
("BREAKING: ISIS militants kill three Peshmerga fighters near Makhmour ...", mostly names)
goes to py3langid, a language identifier whose model ships inside the package.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["looks_english"]

_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from were said have has it an be "
    "this are which forces their".split()
)
_WORD = re.compile(r"[A-Za-z]+")
# English-based labels py3langid may give a short English text full of names.
_ENGLISH_LABELS = frozenset({"en", "pcm", "sco"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _function_word_share(text: str) -> tuple[float, int]:
    words = _WORD.findall(text[:5000].lower())
    if not words:
        return 0.0, 0
    return sum(w in _ENGLISH for w in words) / len(words), len(words)


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English (function words, else a language identifier)."""
    share, count = _function_word_share(text)
    if count >= 8 and share > 0.08:
        return True
    if count == 0:
        return False
    try:
        identifier = _identifier()
    except ImportError:  # py3langid missing: the function-word count alone decides
        letters = len(re.findall(r"[^\W\d_]", text[:2000]))
        return count < 8 and letters < 3 * len(" ".join(_WORD.findall(text[:5000]))) + 10
    label, _ = identifier.classify(text[:3000])
    return str(label) in _ENGLISH_LABELS

"""Which words of a sentence govern a trigger word: the scope of a non-event cue.

A funeral, a denial, a trial or a plan makes no event of the words it governs, but a
sentence often tells two things: "Gunmen killed two farmers near Daquq on Monday, a day after
the funeral of a tribal leader" reports a killing; "Security officials denied reports that
ISIS had attacked a checkpoint" reports none. A cue governs a trigger when

- the cue comes first and no punctuation (comma, semicolon, colon, parenthesis, dash) lies
  between them: what follows a verb of denial or mourning in its clause ("denied reports
  that ...", "the funeral of the soldiers killed ...") is its complement. For modal and habit
  cues a subordinating word ("after", "when", "while") also ends the scope: "would step up
  patrols after militants attacked a post" reports the attack;
- or the cue comes after the trigger in the same clause: no punctuation and no subordinating
  word between ("the two shepherds killed on Friday were buried on Saturday").

Pure functions over strings and offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["governed", "governs"]

_PUNCTUATION = re.compile(r"[,;:()\[\]]|\s[—–-]\s|—")
_SUBORDINATE = re.compile(
    r"[,;:()\[\]]|\s[—–-]\s|—|"
    r"\b(?:after|before|following|while|whereas|when|whilst|amid|despite|since|because|"
    r"but|until|then|as soon as|hours? later|days? later)\b",
    re.I,
)


def governs(sentence: str, cue: tuple[int, int], trigger: int, *, strict: bool = False) -> bool:
    """Whether the cue at ``cue`` (start, end offsets) governs the trigger word at ``trigger``.

    ``strict``: a subordinating word ends the scope of a cue before the trigger too (modal
    and habit cues); else only punctuation does (denials, funerals, trials).
    """
    start, end = cue
    if end <= trigger:
        between = sentence[end:trigger]
        return not (_SUBORDINATE if strict else _PUNCTUATION).search(between)
    if start >= trigger:
        return not _SUBORDINATE.search(sentence[trigger:start])
    return True  # the cue holds the trigger ("funeral attack"?): same words


def governed(
    sentence: str,
    cues: Iterable[re.Match[str]],
    trigger: int,
    *,
    strict: bool = False,
    before_only: bool = False,
) -> bool:
    """Whether any of the ``cues`` governs the trigger at ``trigger`` (see :func:`governs`)."""
    return any(
        governs(sentence, m.span(), trigger, strict=strict)
        for m in cues
        if not (before_only and m.end() > trigger)
    )

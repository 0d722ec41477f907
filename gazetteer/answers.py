"""Precomputed answers: the resolver's result for every name the gazetteer knows, no context.

``scripts/build_gazetteer.py`` resolves every distinct spotting form of every name and alias
once and writes ``gazetteer/data/answers.tsv.gz`` (a name that resolves to nothing, such as a
neighbour's city, is stored as a miss with its suggestions and reason); a context-free lookup of a known name then
costs one dictionary access instead of a ranking (the cold exact-lookup rate this buys is in
``bench/RESULTS.md``). The answer of a name is a function of its spotting form
(:func:`gazetteer.normalize.spot_key`), so it is exact, not an approximation; the file records
the SHA-256 of ``aliases.csv`` and is ignored when the alias table changed since the build,
and a test checks it against the full resolver.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import NamedTuple

from gazetteer.errors import GazetteerError

__all__ = [
    "ALTERNATIVES",
    "Answer",
    "aliases_digest",
    "encode_answer",
    "encode_miss",
    "load_answers",
]

ALTERNATIVES = 4  # runners-up stored per answer (Gazetteer.resolve's default)


class Answer(NamedTuple):
    """A stored result: place row index, name score, method, matched name, runners-up."""

    place: int
    score: float
    method: str
    matched_name: str
    alternatives: tuple[tuple[int, float], ...]


def aliases_digest(path: Path) -> str:
    """SHA-256 (hex) of the alias table the answers were computed with."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as err:
        raise GazetteerError(f"Cannot read alias table {str(path)!r}: {err}.") from err


def encode_answer(spot: str, answer: Answer) -> str:
    """One TSV line: spot, place, score, method, matched name, ``idx:score|...``."""
    alts = "|".join(f"{i}:{s:g}" for i, s in answer.alternatives)
    return "\t".join(
        (spot, str(answer.place), f"{answer.score:g}", answer.method, answer.matched_name, alts)
    )


def encode_miss(spot: str, suggestions: tuple[str, ...], reason: str) -> str:
    """One TSV line for a known name that resolves to nothing: empty place, reason, names.

    The resolver raises :class:`~gazetteer.errors.UnknownPlaceError` with these suggestions
    and reason, as the full cascade does (a neighbour's city, a namesake too weak alone).
    """
    clean = (s.replace("|", " ").replace("\t", " ") for s in suggestions)
    return "\t".join((spot, "", "0", "none", reason.replace("\t", " "), "|".join(clean)))


def decode_answer(line: str) -> Answer:
    """Parse a line written by :func:`encode_answer` (spot column included)."""
    _, place, score, method, matched, alts = line.split("\t")
    pairs = tuple((int(i), float(s)) for i, s in (a.split(":") for a in alts.split("|") if a))
    return Answer(int(place), float(score), method, matched, pairs)


def load_answers(path: Path, aliases: Path) -> dict[str, str]:
    """Read ``answers.tsv.gz`` as spot form -> raw line (decoded on use).

    Returns an empty mapping when the file is absent or was built with another alias table,
    so the resolver falls back to ranking every query.
    """
    if not path.exists():
        return {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise GazetteerError(f"Cannot read answers file {str(path)!r}: {err}.") from err
    header, _, body = text.partition("\n")
    if header.removeprefix("# aliases-sha256=") != aliases_digest(aliases):
        return {}
    out: dict[str, str] = {}
    for line in body.split("\n"):
        if line:
            out[line[: line.index("\t")]] = line
    return out

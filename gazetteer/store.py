"""Load the shipped gazetteer files (the package's only disk I/O)."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import NamedTuple, overload

from gazetteer.errors import GazetteerError
from gazetteer.model import Place

__all__ = [
    "DATA_DIR",
    "Alias",
    "NameRow",
    "PlaceTable",
    "load_aliases",
    "load_names",
    "load_places",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


class NameRow(NamedTuple):
    """One name of one place, with its precomputed keys (see ``gazetteer.normalize``)."""

    place: int
    name: str
    key: str
    fkey: str
    spot: str
    common: bool


@dataclass(frozen=True, slots=True)
class Alias:
    """A curated spelling that points at a place id, with the reason it exists."""

    alias: str
    place_id: str
    source: str


def _read_lines(path: Path) -> list[str]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise GazetteerError(
            f"Cannot read gazetteer file {str(path)!r}: {err}. "
            "Rebuild it with 'python scripts/build_gazetteer.py'."
        ) from err
    lines = text.split("\n")
    return [line for line in lines[1:] if line]


def _parse_place(line: str) -> Place:
    r = line.split("\t")
    # Positional, in Place's field order (id, name, kind, lon, lat, ...): the hot path of a
    # cold lookup parses a few records, and keywords cost a third more.
    return Place(
        r[0],
        r[1],
        r[2],
        float(r[4]),
        float(r[3]),
        r[5],
        r[6],
        r[7],
        int(r[8]) if r[8] else None,
        float(r[9]),
        int(r[10]),
        float(r[11]),
        r[12],
        r[13] if len(r) > 13 else "",
    )


class PlaceTable(Sequence[Place]):
    """The places of ``places.tsv.gz``, parsed on first access so loading stays fast."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._cache: list[Place | None] = [None] * len(lines)
        self.ids = [line.split("\t", 1)[0] for line in lines]

    def __len__(self) -> int:
        return len(self._lines)

    def kind(self, idx: int) -> str:
        """The ``kind`` of place ``idx`` without parsing the whole record."""
        return self.kinds[idx]

    @cached_property
    def kinds(self) -> list[str]:
        """Every place's ``kind``, read once without parsing the records."""
        return [line.split("\t", 3)[2] for line in self._lines]

    @overload
    def __getitem__(self, idx: int) -> Place: ...

    @overload
    def __getitem__(self, idx: slice) -> list[Place]: ...

    def __getitem__(self, idx: int | slice) -> Place | list[Place]:
        if isinstance(idx, slice):
            return [self[i] for i in range(*idx.indices(len(self)))]
        place = self._cache[idx]
        if place is None:
            place = self._cache[idx] = _parse_place(self._lines[idx])
        return place

    def __iter__(self) -> Iterator[Place]:
        return (self[i] for i in range(len(self)))


def load_places(data_dir: str | PathLike[str] = DATA_DIR) -> PlaceTable:
    """Read ``places.tsv.gz`` as a lazily parsed table of :class:`Place` records."""
    return PlaceTable(_read_lines(Path(data_dir) / "places.tsv.gz"))


def load_names(data_dir: str | PathLike[str] = DATA_DIR) -> list[NameRow]:
    """Read ``names.tsv.gz``: every name of every place with its match keys."""
    out = []
    for line in _read_lines(Path(data_dir) / "names.tsv.gz"):
        p, name, key, fkey, spot, common = line.split("\t")
        out.append(NameRow(int(p), name, key, fkey, spot, common == "1"))
    return out


def load_aliases(path: str | PathLike[str] = DATA_DIR / "aliases.csv") -> list[Alias]:
    """Read the curated alias table (CSV with columns alias, place_id, source)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [Alias(r["alias"], r["place_id"], r["source"]) for r in csv.DictReader(fh)]
    except (OSError, KeyError) as err:
        raise GazetteerError(f"Cannot read alias table {str(path)!r}: {err}.") from err

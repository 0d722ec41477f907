"""Load the shipped gazetteer files (the package's only disk I/O)."""

from __future__ import annotations

import csv
import gc
import gzip
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
    "ForeignCity",
    "NameRow",
    "PlaceTable",
    "load_aliases",
    "load_foreign",
    "load_names",
    "load_places",
    "paused_gc",
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


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading (restored afterwards).

    Loading creates some 400,000 long-lived strings and tuples in one go; each allocation
    burst would otherwise trigger collections that rescan the growing heap, which costs a
    third of the load time for nothing (none of these objects form cycles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_places(lines: list[str]) -> list[Place]:
    """Parse ``places.tsv.gz`` rows into :class:`Place` records (file order: lat before lon)."""
    out = []
    for line in lines:
        r = line.split("\t")
        if len(r) == 13:  # files built before the ``city`` column
            r.append("")
        pid, name, kind, lat, lon, adm1, adm2, adm3, gid, radius, pop, importance, src, city = r
        out.append(
            Place(
                pid,
                name,
                kind,
                float(lon),
                float(lat),
                adm1,
                adm2,
                adm3,
                int(gid) if gid else None,
                float(radius),
                int(pop),
                float(importance),
                src,
                city,
            )
        )
    return out


class PlaceTable(Sequence[Place]):
    """The places of ``places.tsv.gz``, parsed once at load (lookups only index a list)."""

    def __init__(self, lines: list[str]) -> None:
        try:
            self._places = _parse_places(lines)
        except (ValueError, IndexError) as err:
            raise GazetteerError(
                f"Malformed gazetteer places table: {err}. "
                "Rebuild it with 'python scripts/build_gazetteer.py'."
            ) from err
        self.ids = [p.id for p in self._places]

    def __len__(self) -> int:
        return len(self._places)

    def kind(self, idx: int) -> str:
        """The ``kind`` of place ``idx``."""
        return self._places[idx].kind

    @cached_property
    def kinds(self) -> list[str]:
        """Every place's ``kind``, in row order."""
        return [p.kind for p in self._places]

    @overload
    def __getitem__(self, idx: int) -> Place: ...

    @overload
    def __getitem__(self, idx: slice) -> list[Place]: ...

    def __getitem__(self, idx: int | slice) -> Place | list[Place]:
        return self._places[idx]

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def as_list(self) -> list[Place]:
        """The records as a plain list (shared, do not modify): the resolver's hot path."""
        return self._places


def load_places(data_dir: str | PathLike[str] = DATA_DIR) -> PlaceTable:
    """Read ``places.tsv.gz`` as a table of :class:`Place` records."""
    lines = _read_lines(Path(data_dir) / "places.tsv.gz")
    with paused_gc():
        return PlaceTable(lines)


def load_names(data_dir: str | PathLike[str] = DATA_DIR) -> list[NameRow]:
    """Read ``names.tsv.gz``: every name of every place with its match keys."""
    lines = _read_lines(Path(data_dir) / "names.tsv.gz")
    out = []
    with paused_gc():
        try:
            for line in lines:
                p, name, key, fkey, spot, common = line.split("\t")
                out.append(NameRow(int(p), name, key, fkey, spot, common == "1"))
        except ValueError as err:
            raise GazetteerError(
                f"Malformed gazetteer names table: {err}. "
                "Rebuild it with 'python scripts/build_gazetteer.py'."
            ) from err
    return out


class ForeignCity(NamedTuple):
    """A city of a neighbouring country: its GeoNames name, country and population."""

    name: str
    country: str
    population: int


def load_foreign(path: str | PathLike[str] = DATA_DIR / "foreign.tsv.gz") -> dict[str, ForeignCity]:
    """Read ``foreign.tsv.gz``: light key -> the neighbouring country's city it names.

    Returns an empty mapping when the file is absent (a gazetteer built before it).
    """
    path = Path(path)
    if not path.exists():
        return {}
    out = {}
    for line in _read_lines(path):
        key, name, country, population = line.split("\t")
        out[key] = ForeignCity(name, country, int(population))
    return out


def load_aliases(path: str | PathLike[str] = DATA_DIR / "aliases.csv") -> list[Alias]:
    """Read the curated alias table (CSV with columns alias, place_id, source)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [Alias(r["alias"], r["place_id"], r["source"]) for r in csv.DictReader(fh)]
    except (OSError, KeyError) as err:
        raise GazetteerError(f"Cannot read alias table {str(path)!r}: {err}.") from err

"""Resolve a place name to the most plausible gazetteer entry, with its score and runners-up.

The cascade is: curated alias or exact key -> transliteration skeleton -> fuzzy (rapidfuzz).
Candidates from the first stage that finds any are ranked by how well the name matched, the
kind the query implies ("district", "camp"), the place's kind and population, a governorate
hint, and the distance to other places named in the same text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from gazetteer.errors import UnknownPlaceError
from gazetteer.geometry import distance_km
from gazetteer.model import SETTLEMENT_KINDS, Match, MatchMethod, Place
from gazetteer.normalize import QueryKey, fuzzy_key, parse_query, spot_key
from gazetteer.store import (
    DATA_DIR,
    Alias,
    NameRow,
    PlaceTable,
    load_aliases,
    load_names,
    load_places,
)

__all__ = ["Gazetteer"]

MAX_QUERY_CHARS = 200
FUZZY_CUTOFF = 86.0  # rapidfuzz ratio (0-100) below which a fuzzy hit is not a candidate
TRANSLIT_FLOOR = 0.7  # light-key similarity a skeleton hit needs (0-1)
SEAT_BONUS = 0.5  # a settlement inside a same-named district, region or feature
MEMO_SIZE = 100_000  # resolved queries remembered (news repeats the same names constantly)
_UNIT_HINTS = frozenset({"governorate", "district", "subdistrict"})
ALIAS_BONUS = 0.5  # a curated alias states which homonym the reporting means


def _within(place: Place, area: Place) -> bool:
    """True when ``place`` lies in the admin unit ``area`` names, or within its radius."""
    if area.kind == "district":
        return place.admin2 == area.name
    if area.kind == "subdistrict":
        return place.admin3 == area.name
    if area.kind == "governorate":
        return place.admin1 == area.name
    # A feature (mountain, camp, region) named after a town lies close to it; a large range or
    # region does not make every namesake village inside it its eponym.
    return distance_km(place, area) <= min(area.precision_km, 10.0) + 10.0


# Kinds a query's generic word accepts, and the bonus for each.
_KIND_FIT: dict[str, dict[str, float]] = {
    "governorate": {"governorate": 1.0},
    "district": {"district": 1.0, "region": 0.6},
    "subdistrict": {"subdistrict": 1.0, "town": 0.7, "village": 0.6},
    "mountain": {"range": 1.0, "mountain": 1.0},
    "camp": {"camp": 1.0},
    "region": {"region": 1.0, "district": 0.5, "governorate": 0.5, "range": 0.4, "valley": 0.4},
    "village": {"village": 1.0, "town": 0.6},
    "town": {"town": 1.0, "city": 0.8, "village": 0.6},
    "city": {"city": 1.0, "town": 0.8},
    "dam": {"dam": 1.0, "lake": 0.5},
    "lake": {"lake": 1.0, "dam": 0.5},
    "base": {"base": 1.0, "airfield": 0.8},
    "airfield": {"airfield": 1.0, "base": 0.8},
    "crossing": {"crossing": 1.0, "town": 0.3, "village": 0.3},
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    place: Place
    quality: float
    method: MatchMethod
    name: str


class Gazetteer:
    """An in-memory, offline gazetteer of Iraqi places.

    Build it with :meth:`load` (the shipped data) or from records, as tests do.

    Examples
    --------
    >>> gaz = Gazetteer.load()
    >>> gaz.resolve("Mexmûr").place.name
    'Makhmur'
    """

    def __init__(
        self, places: Sequence[Place], names: Iterable[NameRow], aliases: Iterable[Alias] = ()
    ) -> None:
        self.places: Sequence[Place] = places
        ids = places.ids if isinstance(places, PlaceTable) else [p.id for p in places]
        self._by_id = {pid: i for i, pid in enumerate(ids)}
        self._exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._alias: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.names = names if isinstance(names, list) else list(names)
        exact = self._exact
        for row in self.names:
            exact[row.key].append((row.place, row.name))
        self._memo: dict[tuple[object, ...], Match | UnknownPlaceError] = {}
        self.aliases = list(aliases)
        for alias in self.aliases:
            idx = self._by_id.get(alias.place_id)
            if idx is None:
                continue  # reported by ``unknown_alias_targets``; never crash on a stale row
            self._alias[parse_query(alias.alias).key].append((idx, alias.alias))

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        """Load the gazetteer shipped in ``gazetteer/data`` (or another directory)."""
        return cls(
            load_places(data_dir), load_names(data_dir), load_aliases(data_dir / "aliases.csv")
        )

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place:
        """Return the place with this id (``ocha:IQG13``, ``wof:...``, ``region:...``)."""
        try:
            return self.places[self._by_id[place_id]]
        except KeyError as err:
            raise UnknownPlaceError(place_id) from err

    def unknown_alias_targets(self) -> list[Alias]:
        """Alias rows whose place id is not in the data (a review aid, tested to be empty)."""
        return [a for a in self.aliases if a.place_id not in self._by_id]

    # -- candidate generation --------------------------------------------------------------

    @cached_property
    def _skeleton(self) -> dict[str, list[tuple[int, str, str]]]:
        """Names grouped by transliteration skeleton (built on the first non-exact query)."""
        out: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for row in self.names:
            out[row.fkey].append((row.place, row.name, row.key))
        return out

    @cached_property
    def _area_skeleton(self) -> dict[str, list[tuple[int, str, str]]]:
        """Skeleton index of the places that are not settlements (units, regions, features)."""
        out: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for fkey, rows in self._skeleton.items():
            keep = [r for r in rows if self.places[r[0]].kind not in SETTLEMENT_KINDS]
            if keep:
                out[fkey] = keep
        return out

    @cached_property
    def _fuzzy_buckets(
        self,
    ) -> dict[tuple[str, int], tuple[list[str], list[list[tuple[int, str]]]]]:
        """Exact keys grouped by skeleton initial and length, for bounded fuzzy search."""
        grouped: dict[tuple[str, int], dict[str, list[tuple[int, str]]]] = defaultdict(dict)
        for row in self.names:
            bucket = grouped[(row.fkey[:1], len(row.key))]
            if row.key not in bucket:
                bucket[row.key] = self._exact[row.key]
        return {b: (list(d), list(d.values())) for b, d in grouped.items()}

    def _fuzzy_pool(self, key: str, initial: str) -> tuple[list[str], list[list[tuple[int, str]]]]:
        """Keys that could reach FUZZY_CUTOFF against ``key``: same initial, similar length."""
        ratio = FUZZY_CUTOFF / (200 - FUZZY_CUTOFF)  # min/max length ratio ratio() allows
        lo, hi = math.ceil(len(key) * ratio), math.floor(len(key) / ratio)
        keys: list[str] = []
        hits: list[list[tuple[int, str]]] = []
        for length in range(lo, hi + 1):
            bucket = self._fuzzy_buckets.get((initial, length))
            if bucket:
                keys += bucket[0]
                hits += bucket[1]
        return keys, hits

    def _candidates(
        self, key: str, raw: str, kind_hint: str | None = None
    ) -> tuple[list[_Candidate], list[_Candidate]]:
        """Return (candidates, evidence): the places the name may mean, and look-alike units.

        Evidence holds administrative units and areas whose name is a transliteration of the
        query; they never win by themselves but tell which same-named settlement is the seat
        ("Makhmour" district -> Makhmur town; "Qara Tapa" -> the village in Qara Tabe).
        """
        out: list[_Candidate] = []
        seen: set[int] = set()

        def add(
            into: list[_Candidate], idx: int, quality: float, method: MatchMethod, name: str
        ) -> None:
            if idx not in seen:
                seen.add(idx)
                into.append(_Candidate(self.places[idx], quality, method, name))

        for idx, name in self._alias.get(key, ()):
            add(out, idx, 1.0, "alias", name)
        for idx, name in self._exact.get(key, ()):
            add(out, idx, 1.0, "exact", name)
        if kind_hint in _UNIT_HINTS and not any(c.place.kind == kind_hint for c in out):
            # "Sulaimani province": the query names a unit kind no exact hit has; take the
            # unit whose name is a transliteration of it (Al-Sulaymaniyah governorate).
            for idx, name, other in self._area_skeleton.get(fuzzy_key(raw), ()):
                if self.places[idx].kind == kind_hint:
                    add(
                        out,
                        idx,
                        round(0.8 + 0.15 * fuzz.ratio(key, other) / 100, 4),
                        "transliteration",
                        name,
                    )
        if len(out) == 1 and not out[0].place.is_area:
            # One exact settlement or feature: no look-alike unit can change the answer.
            return out, []
        skeleton = fuzzy_key(raw)
        index = self._area_skeleton if out else self._skeleton
        translit: list[_Candidate] = []
        for idx, name, other in index.get(skeleton, ()):
            sim = fuzz.ratio(key, other) / 100
            if sim >= TRANSLIT_FLOOR:
                add(translit, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
        if not out:
            out = translit
        else:
            # A unit named like the query whose seat is spelled differently ("Makhmour"
            # district, "Makhmur" town): bring the seat in unless an exact hit lies there.
            units = [
                c.place
                for c in (*out, *translit)
                if c.place.is_area
                and not any(
                    s.place.kind in SETTLEMENT_KINDS and _within(s.place, c.place) for s in out
                )
            ]
            if units:
                for idx, name, other in self._skeleton.get(skeleton, ()):
                    place = self.places[idx]
                    if place.kind in SETTLEMENT_KINDS and any(_within(place, u) for u in units):
                        sim = fuzz.ratio(key, other) / 100
                        add(out, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
        evidence = [
            c for c in (*out, *translit) if c.place.is_area or c.place.kind not in SETTLEMENT_KINDS
        ]
        if out or len(key) < 4:
            return out, evidence
        keys, hits = self._fuzzy_pool(key, skeleton[:1])
        for _, score, pos in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=12
        ):
            for idx, name in hits[pos]:
                add(out, idx, round(0.95 * score / 100, 4), "fuzzy", name)
        return out, evidence

    # -- ranking ---------------------------------------------------------------------------

    def _admin1_of(self, hint: str | None) -> str | None:
        if not hint:
            return None
        for idx, _ in self._exact.get(parse_query(hint).key, ()):
            place = self.places[idx]
            if place.kind == "governorate":
                return place.name
            if place.kind in SETTLEMENT_KINDS | {"district"} and place.importance >= 0.8:
                return place.admin1
        return None

    def _rank(
        self,
        found: tuple[list[_Candidate], list[_Candidate]],
        query: QueryKey,
        admin1: str | None,
        context: Sequence[Place],
        verbatim: str,
    ) -> list[tuple[float, _Candidate]]:
        cands, evidence = found
        if len(cands) == 1 and not evidence and not context:
            return [(0.0, cands[0])]
        ranked = []
        for c in cands:
            p = c.place
            total = 2.0 * c.quality + p.importance
            fit = _KIND_FIT.get(query.kind_hint, {}).get(p.kind, 0.0) if query.kind_hint else None
            if c.method == "alias" and fit != 0.0:
                total += ALIAS_BONUS  # unless the query's own word names another kind
            if fit is not None:
                total += fit
            elif (
                p.kind in SETTLEMENT_KINDS
                and p.kind != "neighbourhood"
                and any(e.place.id != p.id and _within(p, e.place) for e in evidence)
            ):
                total += SEAT_BONUS  # the town that gives its name to the unit around it
            if spot_key(c.name) == verbatim:
                total += 0.1
            if admin1 and p.admin1 == admin1:
                total += 0.6
            others = [q for q in context if q.id != p.id]
            if others:
                near = min(max(0.0, distance_km(p, q) - q.precision_km) for q in others)
                total += 0.6 * math.exp(-near / 40.0)
            ranked.append((total, c))
        ranked.sort(key=lambda t: (-t[0], -t[1].place.importance, t[1].place.id))
        return ranked

    # -- public API ------------------------------------------------------------------------

    def candidates(
        self,
        name: str,
        *,
        hint: str | None = None,
        context: Sequence[Place] = (),
    ) -> list[tuple[Place, float, float]]:
        """All candidate places for ``name`` as ``(place, name_score, rank_score)``, best first."""
        if not isinstance(name, str) or len(name) > MAX_QUERY_CHARS:
            return []
        query = parse_query(name)
        if not query.key:
            return []
        ranked = self._rank(
            self._candidates(query.key, name, query.kind_hint),
            query,
            self._admin1_of(hint),
            context,
            spot_key(name),
        )
        return [(c.place, c.quality, total) for total, c in ranked]

    def resolve(
        self,
        name: str,
        *,
        hint: str | None = None,
        context: Sequence[Place] = (),
        max_alternatives: int = 4,
    ) -> Match:
        """Return the best :class:`Match` for ``name`` or raise :class:`UnknownPlaceError`.

        ``hint`` is a governorate (or its capital) that pulls the choice toward homonyms in it;
        ``context`` holds places named nearby in the same text. ACLED-style ``"Town - Quarter"``
        resolves the quarter near the town, else the town.
        """
        if not isinstance(name, str):
            raise UnknownPlaceError(repr(name))
        memo_key = (name, hint, tuple(p.id for p in context), max_alternatives)
        hit = self._memo.get(memo_key)
        if hit is not None:
            if isinstance(hit, UnknownPlaceError):
                raise UnknownPlaceError(hit.query, hit.suggestions)
            return hit
        result: Match | UnknownPlaceError
        try:
            result = self._resolve(name, hint=hint, context=context, limit=max_alternatives)
        except UnknownPlaceError as err:
            result = err
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = result
        if isinstance(result, UnknownPlaceError):
            raise UnknownPlaceError(result.query, result.suggestions)
        return result

    def _resolve(
        self, name: str, *, hint: str | None, context: Sequence[Place], limit: int
    ) -> Match:
        clean = " ".join(name.split())
        if " - " in clean and len(clean) <= MAX_QUERY_CHARS:
            return self._resolve_quarter(clean, hint=hint, context=context)
        query = parse_query(clean) if len(clean) <= MAX_QUERY_CHARS else None
        if query is None or not query.key:
            raise UnknownPlaceError(name[:80])
        ranked = self._rank(
            self._candidates(query.key, clean, query.kind_hint),
            query,
            self._admin1_of(hint),
            context,
            spot_key(clean),
        )
        if not ranked:
            raise UnknownPlaceError(name[:80])  # suggestions cost a wide scan: see suggest()
        best = ranked[0][1]
        alts = tuple((c.place, c.quality) for _, c in ranked[1 : 1 + limit])
        return Match(name, best.place, best.quality, best.method, best.name, alts)

    def _resolve_quarter(self, name: str, *, hint: str | None, context: Sequence[Place]) -> Match:
        town_name, _, quarter = name.partition(" - ")
        town = self.resolve(town_name, hint=hint, context=context)
        try:
            part = self.resolve(quarter, context=[town.place], hint=town.place.admin1 or hint)
        except UnknownPlaceError:
            part = None
        if part is not None and distance_km(part.place, town.place) <= 30:
            return Match(
                name,
                part.place,
                part.score,
                part.method,
                part.matched_name,
                ((town.place, town.score), *part.alternatives),
            )
        return Match(
            name, town.place, town.score * 0.9, town.method, town.matched_name, town.alternatives
        )

    def lookup(self, name: str, **kwargs: object) -> Match | None:
        """Like :meth:`resolve` but return ``None`` when nothing matches."""
        try:
            return self.resolve(name, **kwargs)  # type: ignore[arg-type]
        except UnknownPlaceError:
            return None

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` place names that look like ``name`` (for not-found messages)."""
        key = parse_query(name[:MAX_QUERY_CHARS]).key
        if not key:
            return []
        initial = fuzzy_key(name[:MAX_QUERY_CHARS])[:1]
        keys: list[str] = []
        hits: list[list[tuple[int, str]]] = []
        for (first, _length), (k, h) in self._fuzzy_buckets.items():
            if first == initial:
                keys += k
                hits += h
        scored: dict[str, float] = {}
        for _, score, pos in process.extract(
            key, keys, scorer=fuzz.ratio, limit=limit * 6, score_cutoff=60
        ):
            idx, _ = max(hits[pos], key=lambda h: self.places[h[0]].importance)
            label = self.places[idx].name
            rank = score + 15 * self.places[idx].importance  # prefer known places among equals
            scored[label] = max(scored.get(label, 0.0), rank)
        return sorted(scored, key=lambda n: -scored[n])[:limit]

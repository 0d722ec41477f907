"""Candidate generation: the places a name may mean, by stage (exact, skeleton, fuzzy).

:class:`NameIndex` holds the name indexes (exact keys, aliases, built lazily: skeletons, fuzzy
buckets, towns by first word) and the cascade: curated alias or exact key, then
transliteration skeleton, then fuzzy (rapidfuzz). A context (hint, nearby places) filters
look-alike candidates at every stage and reaches past an exact stage that finds nothing near.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property

from rapidfuzz import fuzz, process

from gazetteer.context import Context
from gazetteer.model import SETTLEMENT_KINDS, MatchMethod, Place
from gazetteer.normalize import fuzzy_key, parse_query
from gazetteer.ranking import KIND_FIT, MINOR_KINDS, Candidate, similarity, within
from gazetteer.store import NameRow, PlaceTable

__all__ = ["FUZZY_CUTOFF", "TRANSLIT_FLOOR", "NameIndex"]

FUZZY_CUTOFF = 86.0  # rapidfuzz ratio (0-100) below which a fuzzy hit is not a candidate
TRANSLIT_FLOOR = 0.7  # light-key similarity a skeleton hit needs (0-1)
PARTIAL_QUALITY = 0.9  # "Taza" for Taza Khurmatu: the first word of a town's only name
_UNIT_HINTS = frozenset({"governorate", "district", "subdistrict"})
# Kind words that name a feature ("X field", "X dam", "X base"): a settlement is not what they
# mean, so the feature is looked for past an exact settlement of the same name.
_FEATURE_HINTS = frozenset(KIND_FIT) - _UNIT_HINTS - {"village", "town", "city", "region"}


class NameIndex:
    """The name indexes of a gazetteer and the candidate cascade over them."""

    places: Sequence[Place]
    names: list[NameRow]
    _by_id: dict[str, int]
    _exact: dict[str, list[tuple[int, str]]]
    _alias: dict[str, list[tuple[int, str]]]

    @cached_property
    def _kinds(self) -> list[str]:
        """Every place's kind, without parsing the records when the table is lazy."""
        table = self.places
        return table.kinds if isinstance(table, PlaceTable) else [p.kind for p in table]

    def _kind(self, idx: int) -> str:
        return self._kinds[idx]

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
        kind = self._kinds.__getitem__
        for fkey, rows in self._skeleton.items():
            keep = [r for r in rows if kind(r[0]) not in SETTLEMENT_KINDS]
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

    @cached_property
    def _first_word(self) -> dict[str, list[tuple[int, str]]]:
        """Towns and cities by the first word of their names ("taza" -> Taza Khurmatu)."""
        out: dict[str, dict[int, str]] = defaultdict(dict)
        kind = self._kinds.__getitem__
        for row in self.names:
            if kind(row.place) in ("town", "city"):
                tokens = parse_query(row.name).tokens
                if len(tokens) >= 2 and len(tokens[0]) >= 4:
                    out[tokens[0]].setdefault(row.place, row.name)
        return {k: list(v.items()) for k, v in out.items()}

    @cached_property
    def _feature_first_word(self) -> dict[str, list[tuple[int, str]]]:
        """Features by the first word of a longer name ("qayyara" -> Qayyarah Oil Facility)."""
        out: dict[str, dict[int, str]] = defaultdict(dict)
        kind = self._kinds.__getitem__
        for row in self.names:
            k = kind(row.place)
            if k not in SETTLEMENT_KINDS and k not in _UNIT_HINTS:
                tokens = parse_query(row.name).tokens
                if len(tokens) >= 2 and len(tokens[0]) >= 4:
                    out[tokens[0]].setdefault(row.place, row.name)
        return {k: list(v.items()) for k, v in out.items()}

    def _candidates(
        self, key: str, raw: str, kind_hint: str | None = None, ctx: Context | None = None
    ) -> tuple[list[Candidate], list[Candidate]]:
        """Return (candidates, evidence): the places the name may mean, and look-alike units.

        Evidence holds administrative units and areas whose name is a transliteration of the
        query; they never win by themselves but tell which same-named settlement is the seat
        ("Makhmour" district -> Makhmur town; "Qara Tapa" -> the village in Qara Tabe).
        With a context, a candidate found by skeleton or fuzzily must lie near it, and when no
        exact candidate does, the later stages are searched for one that does.
        """
        ctx = ctx or Context()
        out: list[Candidate] = []
        seen: set[int] = set()

        def add(
            into: list[Candidate], idx: int, quality: float, method: MatchMethod, name: str
        ) -> None:
            if idx not in seen:
                seen.add(idx)
                into.append(Candidate(self.places[idx], quality, method, name))

        places = self.places
        anywhere = ctx.empty

        def fits(idx: int) -> bool:
            return anywhere or ctx.near(places[idx])

        for idx, name in self._alias.get(key, ()):
            add(out, idx, 1.0, "alias", name)
        for idx, name in self._exact.get(key, ()):
            add(out, idx, 1.0, "exact", name)
        fit = KIND_FIT.get(kind_hint or "", {})
        if kind_hint in _UNIT_HINTS and not any(fit.get(c.place.kind, 0.0) >= 0.8 for c in out):
            # "Sulaimani province": the query names a unit kind no exact hit has (a
            # sub-district counts for "district": "Al-Qayarra district" is not Aqra); take
            # the unit whose name is a transliteration of it (Al-Sulaymaniyah governorate).
            for idx, name, other in self._area_skeleton.get(fuzzy_key(raw), ()):
                if self.places[idx].kind == kind_hint:
                    add(
                        out,
                        idx,
                        round(0.8 + 0.15 * similarity(key, other), 4),
                        "transliteration",
                        name,
                    )
        if kind_hint in _FEATURE_HINTS and not any(fit.get(c.place.kind, 0.0) >= 1.0 for c in out):
            # "Khabbaz field", "Qayyarah field": the query's word names a feature kind that no
            # exact hit has (a village of the name elsewhere is not an oil field). Take the
            # features of that kind spelled alike, or whose longer name starts with the name.
            for idx, name, other in self._skeleton.get(fuzzy_key(raw), ()):
                if fit.get(self._kind(idx), 0.0) >= 1.0 and fits(idx):
                    sim = similarity(key, other)
                    if sim >= TRANSLIT_FLOOR:
                        add(out, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
            for idx, name in self._feature_first_word.get(key, ()):
                if fit.get(self._kind(idx), 0.0) >= 1.0 and fits(idx):
                    add(out, idx, PARTIAL_QUALITY, "partial", name)
        if out and all(c.place.kind in MINOR_KINDS for c in out):
            # "Taza": the short form of one town (Taza Khurmatu) beats villages of that name.
            towns = self._first_word.get(key, [])
            if len(towns) == 1 and fits(towns[0][0]):
                add(out, towns[0][0], PARTIAL_QUALITY, "partial", towns[0][1])
        exact_near = any(fits(self._by_id[c.place.id]) for c in out)
        if len(out) == 1 and not out[0].place.is_area and exact_near:
            # One exact settlement or feature: no look-alike unit can change the answer.
            return out, []
        skeleton = fuzzy_key(raw)
        index = self._area_skeleton if out and exact_near else self._skeleton
        translit: list[Candidate] = []
        for idx, name, other in index.get(skeleton, ()):
            if not fits(idx):  # the cheap test first: most look-alikes lie elsewhere
                continue
            sim = similarity(key, other)
            if sim >= TRANSLIT_FLOOR:
                add(translit, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
        if not out or not exact_near:
            out += translit
        else:
            # A unit named like the query whose seat is spelled differently ("Makhmour"
            # district, "Makhmur" town): bring the seat in unless an exact hit lies there.
            units = [
                c.place
                for c in (*out, *translit)
                if c.place.is_area
                and not any(
                    s.place.kind in SETTLEMENT_KINDS and within(s.place, c.place) for s in out
                )
            ]
            if units:
                for idx, name, other in self._skeleton.get(skeleton, ()):
                    place = self.places[idx]
                    if (
                        place.kind in SETTLEMENT_KINDS
                        and fits(idx)
                        and any(within(place, u) for u in units)
                    ):
                        sim = similarity(key, other)
                        if sim >= TRANSLIT_FLOOR:
                            add(out, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
        evidence = [
            c for c in (*out, *translit) if c.place.is_area or c.place.kind not in SETTLEMENT_KINDS
        ]
        if out or len(key) < 4:  # fuzzy search only when no stage found the name at all
            return out, evidence
        keys, hits = self._fuzzy_pool(key, skeleton[:1])
        for _, score, pos in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=12
        ):
            for idx, name in hits[pos]:
                if fits(idx):
                    add(out, idx, round(0.95 * score / 100, 4), "fuzzy", name)
        return out, evidence

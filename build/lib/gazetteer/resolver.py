"""Resolve a place name to the most plausible gazetteer entry, with its score and runners-up.

The cascade is: curated alias or exact key -> transliteration skeleton -> fuzzy (rapidfuzz).
Candidates from the first stage that finds any are ranked by how well the name matched, the
kind the query implies ("district", "camp"), the place's kind and population, a governorate
hint, and the distance to other places named in the same text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from os import PathLike
from pathlib import Path

from rapidfuzz import fuzz, process

from gazetteer.compound import split_compound
from gazetteer.context import Context
from gazetteer.errors import UnknownPlaceError
from gazetteer.geometry import distance_km
from gazetteer.model import ADMIN_KINDS, SETTLEMENT_KINDS, Match, MatchMethod, Place
from gazetteer.normalize import QueryKey, fuzzy_key, parse_query, spot_key, vowel_key
from gazetteer.shapes import Line, load_shapes, nearest_part
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
PARTIAL_QUALITY = 0.9  # "Taza" for Taza Khurmatu: the first word of a town's only name
MINOR_KINDS = frozenset({"village", "neighbourhood"})  # places too small to guess at
WEAK_SKELETON = 6  # consonants a look-alike village's name needs to stand without context
WEAK_QUALITY = 0.93  # ...and its match quality (0.8 + 0.15 x similarity: similarity >= 0.87)


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
    "valley": {"valley": 1.0},
    "oilfield": {"oilfield": 1.0, "site": 0.6},
    "bridge": {"bridge": 1.0},
}
_KIND_FIT["mountain"] = {"range": 1.0, "mountain": 1.0, "pass": 0.5}


def _weak(c: _Candidate, query: QueryKey) -> bool:
    """A look-alike village that nothing supports: too short a skeleton or too loose a match.

    Short skeletons collide across languages (Kobani ~ Gopan, Ankara ~ An Nakarah), so a
    village found only by skeleton or fuzzily needs six consonants and a close spelling.
    """
    if c.method not in ("transliteration", "fuzzy") or c.place.kind not in MINOR_KINDS:
        return False
    return len(fuzzy_key(" ".join(query.tokens))) < WEAK_SKELETON or c.quality < WEAK_QUALITY


def _similarity(key: str, other: str) -> float:
    """Spelling similarity (0-1) of two light keys, Kurdish e/a and o/u vowels folded."""
    return max(fuzz.ratio(key, other), fuzz.ratio(vowel_key(key), vowel_key(other))) / 100


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
        self,
        places: Sequence[Place],
        names: Iterable[NameRow],
        aliases: Iterable[Alias] = (),
        shapes: Mapping[str, Line] | None = None,
    ) -> None:
        self.places: Sequence[Place] = places
        self.shapes: Mapping[str, Line] = shapes or {}
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
    def load(cls, data_dir: str | PathLike[str] = DATA_DIR) -> Gazetteer:
        """Load the gazetteer shipped in ``gazetteer/data`` (or another directory)."""
        data_dir = Path(data_dir)
        shapes = data_dir / "shapes.geojson"
        return cls(
            load_places(data_dir),
            load_names(data_dir),
            load_aliases(data_dir / "aliases.csv"),
            load_shapes(shapes) if shapes.exists() else None,
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

    @cached_property
    def _first_word(self) -> dict[str, list[tuple[int, str]]]:
        """Towns and cities by the first word of their names ("taza" -> Taza Khurmatu)."""
        out: dict[str, dict[int, str]] = defaultdict(dict)
        for row in self.names:
            place = self.places[row.place]
            if place.kind in ("town", "city"):
                tokens = parse_query(row.name).tokens
                if len(tokens) >= 2 and len(tokens[0]) >= 4:
                    out[tokens[0]].setdefault(row.place, row.name)
        return {k: list(v.items()) for k, v in out.items()}

    def _candidates(
        self, key: str, raw: str, kind_hint: str | None = None, ctx: Context | None = None
    ) -> tuple[list[_Candidate], list[_Candidate]]:
        """Return (candidates, evidence): the places the name may mean, and look-alike units.

        Evidence holds administrative units and areas whose name is a transliteration of the
        query; they never win by themselves but tell which same-named settlement is the seat
        ("Makhmour" district -> Makhmur town; "Qara Tapa" -> the village in Qara Tabe).
        With a context, a candidate found by skeleton or fuzzily must lie near it, and when no
        exact candidate does, the later stages are searched for one that does.
        """
        ctx = ctx or Context()
        out: list[_Candidate] = []
        seen: set[int] = set()

        def add(
            into: list[_Candidate], idx: int, quality: float, method: MatchMethod, name: str
        ) -> None:
            if idx not in seen:
                seen.add(idx)
                into.append(_Candidate(self.places[idx], quality, method, name))

        def fits(idx: int) -> bool:
            return ctx.empty or ctx.near(self.places[idx])

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
                        round(0.8 + 0.15 * _similarity(key, other), 4),
                        "transliteration",
                        name,
                    )
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
        translit: list[_Candidate] = []
        for idx, name, other in index.get(skeleton, ()):
            sim = _similarity(key, other)
            if sim >= TRANSLIT_FLOOR and fits(idx):
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
                    s.place.kind in SETTLEMENT_KINDS and _within(s.place, c.place) for s in out
                )
            ]
            if units:
                for idx, name, other in self._skeleton.get(skeleton, ()):
                    place = self.places[idx]
                    if (
                        place.kind in SETTLEMENT_KINDS
                        and fits(idx)
                        and any(_within(place, u) for u in units)
                    ):
                        sim = _similarity(key, other)
                        if sim >= TRANSLIT_FLOOR:
                            add(out, idx, round(0.8 + 0.15 * sim, 4), "transliteration", name)
        evidence = [
            c for c in (*out, *translit) if c.place.is_area or c.place.kind not in SETTLEMENT_KINDS
        ]
        if (out and (exact_near or any(c.method != "exact" for c in out))) or len(key) < 4:
            return out, evidence
        keys, hits = self._fuzzy_pool(key, skeleton[:1])
        for _, score, pos in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=12
        ):
            for idx, name in hits[pos]:
                if fits(idx):
                    add(out, idx, round(0.95 * score / 100, 4), "fuzzy", name)
        return out, evidence

    # -- ranking ---------------------------------------------------------------------------

    def governorate(self, hint: str | None) -> str | None:
        """The OCHA governorate a hint names, in any common form, or ``None``.

        Accepts governorate names and spellings ("Ninewa", "Nineveh", "Sala al-Din",
        "Salahuddin", "Dahuk", "Babylon", "Thi-Qar") and a major city or district, which
        stands for its governorate ("Kirkuk", "Mosul").
        """
        if not hint or not isinstance(hint, str):
            return None
        key = parse_query(hint).key
        hits = [self.places[i] for i, _ in self._exact.get(key, ())]
        hits += [self.places[i] for i, _, _ in self._area_skeleton.get(fuzzy_key(hint), ())]
        for place in hits:
            if place.kind == "governorate":
                return place.name
        for place in hits:
            if place.kind in SETTLEMENT_KINDS | {"district"} and place.importance >= 0.8:
                return place.admin1
        names = self._governorate_names
        best = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=80)
        return names[best[0]] if best else None

    @cached_property
    def _governorate_names(self) -> dict[str, str]:
        """Every light key of every governorate name -> the governorate's OCHA name."""
        out: dict[str, str] = {}
        for row in self.names:
            place = self.places[row.place]
            if place.kind == "governorate":
                out.setdefault(row.key, place.name)
        return out

    def district(self, hint: str | None) -> str | None:
        """The OCHA district (qadha) a hint names ("Tuz", "Daquq district"), or ``None``."""
        if not hint or not isinstance(hint, str):
            return None
        query = parse_query(hint)
        found = self._candidates(query.key, hint, "district")
        units = [c.place for c in found[0] if c.place.kind == "district"]
        if units:
            return max(units, key=lambda p: p.importance).name
        return None

    def _admin1_of(self, hint: str | None) -> str | None:
        return self.governorate(hint)

    def _rank(
        self,
        found: tuple[list[_Candidate], list[_Candidate]],
        query: QueryKey,
        ctx: Context,
        verbatim: str,
    ) -> list[tuple[float, _Candidate]]:
        cands, evidence = found
        if len(cands) == 1 and not evidence and ctx.empty:
            return [(0.0, cands[0])]
        if any(c.quality >= 1.0 and c.place.kind in ADMIN_KINDS for c in cands):
            # An exactly-named unit ("Rashad": Al-Rashad sub-district) makes only its own seat
            # a seat, not a village inside a differently spelled unit (Ar Rashid, Baghdad).
            evidence = [e for e in evidence if e.quality >= 1.0]
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
            total += ctx.bonus(p)
            ranked.append((total, c))
        ranked.sort(key=lambda t: (-t[0], -t[1].place.importance, t[1].place.id))
        return ranked

    # -- public API ------------------------------------------------------------------------

    def _context(
        self, hint: str | None, hint_district: str | None, context: Sequence[Place]
    ) -> Context:
        admin2 = self.district(hint_district)
        admin1 = self.governorate(hint)
        if admin2 and not admin1:
            admin1 = next(
                (p.admin1 for p in self.places_named(admin2) if p.kind == "district"), None
            )
        return Context(admin1, admin2, tuple(context))

    def places_named(self, name: str) -> list[Place]:
        """Every place with exactly this name key (no ranking), e.g. all "Qarah Tabbah"."""
        return [self.places[i] for i, _ in self._exact.get(parse_query(name).key, ())]

    def candidates(
        self,
        name: str,
        *,
        hint: str | None = None,
        hint_district: str | None = None,
        context: Sequence[Place] = (),
    ) -> list[tuple[Place, float, float]]:
        """All candidate places for ``name`` as ``(place, name_score, rank_score)``, best first."""
        if not isinstance(name, str) or len(name) > MAX_QUERY_CHARS:
            return []
        query = parse_query(name)
        if not query.key:
            return []
        ctx = self._context(hint, hint_district, context)
        ranked = self._rank(
            self._candidates(query.key, name, query.kind_hint, ctx), query, ctx, spot_key(name)
        )
        return [(c.place, c.quality, total) for total, c in ranked]

    def resolve(
        self,
        name: str,
        *,
        hint: str | None = None,
        hint_district: str | None = None,
        context: Sequence[Place] = (),
        max_alternatives: int = 4,
    ) -> Match:
        """Return the best :class:`Match` for ``name`` or raise :class:`UnknownPlaceError`.

        Parameters
        ----------
        name : str
            A place name in any spelling, or a compound ("Kirkuk's Rashad",
            "Mosul - Al-Zuhur", "Qaryat Ghaydah (Gaida)").
        hint : str, optional
            A governorate in any common form ("Ninewa", "Sala al-Din", "Dahuk") or a major
            city standing for it: homonyms inside it win at every stage.
        hint_district : str, optional
            A district (qadha) name: homonyms inside it win over the rest of the governorate.
        context : sequence of Place
            Places named nearby in the same text: they pull homonyms toward them and place a
            long feature (a range, a wadi) at its part nearest to them.

        Raises
        ------
        UnknownPlaceError
            No place matches; or, with no context, only a look-alike village far from any
            evidence (a foreign name such as "Kobani" is not an Iraqi village). With a context,
            a look-alike far from every context place is likewise not an answer.
        """
        if not isinstance(name, str):
            raise UnknownPlaceError(repr(name))
        memo_key = (name, hint, hint_district, tuple(p.id for p in context), max_alternatives)
        hit = self._memo.get(memo_key)
        if hit is not None:
            if isinstance(hit, UnknownPlaceError):
                raise UnknownPlaceError(hit.query, hit.suggestions)
            return hit
        result: Match | UnknownPlaceError
        try:
            ctx = self._context(hint, hint_district, context)
            result = self._resolve(name, ctx=ctx, limit=max_alternatives)
        except UnknownPlaceError as err:
            result = err
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = result
        if isinstance(result, UnknownPlaceError):
            raise UnknownPlaceError(result.query, result.suggestions)
        return result

    def _resolve(self, name: str, *, ctx: Context, limit: int) -> Match:
        clean = " ".join(name.split())
        if len(clean) > MAX_QUERY_CHARS:
            raise UnknownPlaceError(name[:80])
        compound = split_compound(clean) if any(c in clean for c in "-–—('’`[") else None
        if compound is not None:
            found = self._resolve_compound(
                clean, compound.form, compound.first, compound.second, ctx
            )
            if found is not None:
                return found
        query = parse_query(clean)
        if not query.key:
            raise UnknownPlaceError(name[:80])
        ranked = self._rank(
            self._candidates(query.key, clean, query.kind_hint, ctx), query, ctx, spot_key(clean)
        )
        if not ranked:
            raise UnknownPlaceError(name[:80])  # suggestions cost a wide scan: see suggest()
        best = ranked[0][1]
        if ctx.empty and _weak(best, query):
            # A look-alike village with nothing to say it is meant: "I don't know" (with the
            # look-alikes as suggestions) beats a confident village 600 km off.
            names = dict.fromkeys(c.place.name for _, c in ranked[: limit + 1])
            raise UnknownPlaceError(name[:80], tuple(names))
        alts = tuple((c.place, c.quality) for _, c in ranked[1 : 1 + limit])
        place = best.place
        line = self.shapes.get(place.id)
        if line is not None:
            place = nearest_part(place, line, ctx.anchors())
        return Match(name, place, best.quality, best.method, best.name, alts)

    def _resolve_compound(
        self, name: str, form: str, first: str, second: str, ctx: Context
    ) -> Match | None:
        """Resolve "Owner's Place", "Town - Quarter" or "Name (Alternative)"; None if no part does."""
        hint, hint2, places = ctx.admin1, ctx.admin2, ctx.places
        if form == "alternative":
            alt = self._lookup_ctx(second, ctx)
            main_ctx = Context(hint, hint2, (*places, alt.place)) if alt else ctx
            main = self._lookup_ctx(first, main_ctx)
            if main and alt and not Context(places=(alt.place,)).near(main.place):
                main = None  # the parenthetical is there to say which homonym is meant
            chosen = main or alt
            if chosen is None:
                return None
            return Match(
                name,
                chosen.place,
                chosen.score,
                chosen.method,
                chosen.matched_name,
                chosen.alternatives,
            )
        outer = self._lookup_ctx(first, ctx)
        if outer is None:
            return None
        o = outer.place
        if form == "possessive":
            inner_ctx = Context(
                o.admin1 or hint,
                o.name if o.kind == "district" else hint2,
                places if o.kind in ADMIN_KINDS else (*places, o),
            )
        else:
            inner_ctx = Context(o.admin1 or hint, hint2, (*places, o))
        part = self._lookup_ctx(second, inner_ctx)
        if part is not None and (form == "possessive" or distance_km(part.place, o) <= 30):
            return Match(
                name,
                part.place,
                part.score,
                part.method,
                part.matched_name,
                ((o, outer.score), *part.alternatives),
            )
        return Match(
            name, o, outer.score * 0.9, outer.method, outer.matched_name, outer.alternatives
        )

    def _lookup_ctx(self, name: str, ctx: Context) -> Match | None:
        try:
            return self._resolve(name, ctx=ctx, limit=4)
        except UnknownPlaceError:
            return None

    def lookup(self, name: str, **kwargs: object) -> Match | None:
        """Like :meth:`resolve` but return ``None`` when nothing matches."""
        try:
            return self.resolve(name, **kwargs)  # type: ignore[arg-type]
        except UnknownPlaceError:
            return None

    def shape(self, place_id: str) -> dict[str, object] | None:
        """The GeoJSON LineString (WGS84 lon/lat) of a long feature, or ``None``.

        Ranges and wadis listed in ``gazetteer/data/shapes.csv`` have one (the Hamrin
        range, Wadi Hauran); draw it instead of a circle around the feature's point.
        """
        line = self.shapes.get(place_id)
        if line is None:
            return None
        return {"type": "LineString", "coordinates": [list(xy) for xy in line]}

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

"""Resolve a place name to the most plausible gazetteer entry, with its score and runners-up.

The cascade (``candidates.py``) is: curated alias or exact key -> transliteration skeleton ->
fuzzy (rapidfuzz); a hint or context decides at every stage. Candidates are ranked
(``ranking.py``) by how well the name matched, the kind the query implies ("district",
"camp"), the place's kind and population, a governorate or district hint, and the distance to
other places named in the same text. Compound names ("Kirkuk's Rashad", "Mosul - Al-Zuhur",
"Qaryat Ghaydah (Gaida)") resolve part by part; long features resolve to their part nearest
the context. Context-free lookups of known names use precomputed answers (``answers.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from operator import methodcaller
from os import PathLike
from pathlib import Path

from rapidfuzz import fuzz, process

from gazetteer.answers import ALTERNATIVES, load_answers
from gazetteer.candidates import NameIndex
from gazetteer.compound import split_compound
from gazetteer.context import Context
from gazetteer.errors import UnknownPlaceError
from gazetteer.geometry import distance_km
from gazetteer.model import ADMIN_KINDS, SETTLEMENT_KINDS, Match, Place
from gazetteer.normalize import QueryKey, fuzzy_key, parse_query, spot_key
from gazetteer.ranking import MINOR_KINDS, Candidate, rank, weak
from gazetteer.shapes import Line, load_shapes, nearest_part
from gazetteer.store import (
    DATA_DIR,
    Alias,
    ForeignCity,
    NameRow,
    PlaceTable,
    load_aliases,
    load_foreign,
    load_names,
    load_places,
    paused_gc,
)

_split_pair = methodcaller("partition", ":")  # "idx:score" -> (idx, ":", score)

__all__ = ["Gazetteer"]

MAX_QUERY_CHARS = 200
_COMPOUND_CHARS = re.compile(r"[-–—(\['’`]")  # characters a compound name needs
FAMOUS = 100_000  # a neighbour's city this large outweighs an exact Iraqi village namesake
MEMO_SIZE = 100_000  # resolved queries remembered (news repeats the same names constantly)


class Gazetteer(NameIndex):
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
        answers: Mapping[str, str] | None = None,
        *,
        foreign: Mapping[str, ForeignCity] | None = None,
    ) -> None:
        self.places: Sequence[Place] = places
        self.foreign: Mapping[str, ForeignCity] = foreign or {}
        self.shapes: Mapping[str, Line] = shapes or {}
        self.answers: Mapping[str, str] = answers or {}
        # A plain list for the hot path (a PlaceTable is already parsed: share its list).
        self._places = places.as_list() if isinstance(places, PlaceTable) else list(places)
        ids = places.ids if isinstance(places, PlaceTable) else [p.id for p in self._places]
        self._by_id = {pid: i for i, pid in enumerate(ids)}
        self._exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._alias: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.names = names if isinstance(names, list) else list(names)
        exact = self._exact
        for row in self.names:
            exact[row.key].append((row.place, row.name))
        self._memo: dict[tuple[object, ...], Match | UnknownPlaceError] = {}
        self._hints: dict[tuple[str | None, str | None], tuple[str | None, str | None]] = {}
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
        with paused_gc():
            return cls(
                load_places(data_dir),
                load_names(data_dir),
                load_aliases(data_dir / "aliases.csv"),
                load_shapes(shapes) if shapes.exists() else None,
                load_answers(data_dir / "answers.tsv.gz", data_dir / "aliases.csv"),
                foreign=load_foreign(data_dir / "foreign.tsv.gz"),
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

    # -- public API ------------------------------------------------------------------------

    def _context(
        self, hint: str | None, hint_district: str | None, context: Sequence[Place]
    ) -> Context:
        units = self._hints.get((hint, hint_district))
        if units is None:
            admin2 = self.district(hint_district)
            admin1 = self.governorate(hint)
            if admin2 and not admin1:
                admin1 = next(
                    (p.admin1 for p in self.places_named(admin2) if p.kind == "district"), None
                )
            if len(self._hints) >= MEMO_SIZE:
                self._hints.clear()
            units = self._hints[(hint, hint_district)] = (admin1, admin2)
        return Context(units[0], units[1], tuple(context))

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
        ranked = rank(
            self._found(query.key, name, query.kind_hint, ctx), query, ctx, spot_key(name)
        )
        return [(c.place, c.quality, total) for total, c in ranked]

    def _found(
        self, key: str, raw: str, kind_hint: str | None, ctx: Context
    ) -> tuple[list[Candidate], list[Candidate]]:
        """The cascade's candidates; the hinted governorate's when the district has none.

        A district hint narrows the governorate hint (``Context.near``); when nothing of the
        name lies in that district, the governorate still decides before anywhere in Iraq
        does ("Tal Ali" hinted Kirkuk/Daquq is the Kirkuk one, not Tall 'Ali in Ninewa).
        """
        found = self._candidates(key, raw, kind_hint, ctx)
        if ctx.admin1 and ctx.admin2 and not any(c.place.admin2 == ctx.admin2 for c in found[0]):
            found = self._candidates(key, raw, kind_hint, Context(ctx.admin1, None, ctx.places))
        return found

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
        if (
            hint is None
            and hint_district is None
            and not context
            and max_alternatives == ALTERNATIVES
            and len(name) <= MAX_QUERY_CHARS
        ):
            line = self.answers.get(spot_key(name))
            if line is not None:  # a known name, no context: its precomputed answer
                return self._stored(name, line)
        memo_key = (name, hint, hint_district, tuple(p.id for p in context), max_alternatives)
        hit = self._memo.get(memo_key)
        if hit is not None:
            if isinstance(hit, UnknownPlaceError):
                raise UnknownPlaceError(hit.query, hit.suggestions, reason=hit.reason)
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
            raise UnknownPlaceError(result.query, result.suggestions, reason=result.reason)
        return result

    def _stored(self, name: str, line: str) -> Match:
        """The match for ``name`` from its precomputed answer line (see ``answers.py``).

        Raises
        ------
        UnknownPlaceError
            The line records a miss (the full cascade refuses the name).
        """
        _, idx, score, method, matched, alts = line.split("\t")
        if not idx:  # a known name that resolves to nothing: "matched" holds the reason
            raise UnknownPlaceError(
                name[:80], tuple(alts.split("|")) if alts else (), reason=matched
            )
        places = self._places
        runners: tuple[tuple[Place, float], ...] = ()
        if alts:
            runners = tuple(
                [(places[int(i)], float(q)) for i, _, q in map(_split_pair, alts.split("|"))]
            )
        return Match(name, places[int(idx)], float(score), method, matched, runners)  # type: ignore[arg-type]

    def _resolve(self, name: str, *, ctx: Context, limit: int) -> Match:
        clean = " ".join(name.split())
        if len(clean) > MAX_QUERY_CHARS:
            raise UnknownPlaceError(name[:80])
        compound = split_compound(clean) if _COMPOUND_CHARS.search(clean) else None
        if compound is not None:
            whole = parse_query(clean).key  # a known name that merely looks compound
            if whole in self._exact or whole in self._alias:
                compound = None
        if compound is not None:
            found = self._resolve_compound(
                clean, compound.form, compound.first, compound.second, ctx
            )
            if found is not None:
                return found
            if compound.form == "possessive":
                # "Syria's Hasakah": the owner is no Iraqi place, so neither is what it owns.
                raise UnknownPlaceError(name[:80], tuple(self.suggest(compound.second, 3)))
        query = parse_query(clean)
        if not query.key:
            raise UnknownPlaceError(name[:80])
        ranked = rank(
            self._found(query.key, clean, query.kind_hint, ctx), query, ctx, spot_key(clean)
        )
        if not ranked:
            raise UnknownPlaceError(name[:80])  # suggestions cost a wide scan: see suggest()
        best = ranked[0][1]
        if ctx.empty and weak(best, query):
            # A look-alike village with nothing to say it is meant: an exact namesake wins,
            # else "I don't know" (with the look-alikes as suggestions) beats a confident
            # village 600 km off.
            exact = [rc for rc in ranked if rc[1].method in ("exact", "alias")]
            if not exact:
                names = dict.fromkeys(c.place.name for _, c in ranked[: limit + 1])
                raise UnknownPlaceError(name[:80], tuple(names), reason=self._abroad(query))
            ranked = [exact[0], *(rc for rc in ranked if rc is not exact[0])]
            best = ranked[0][1]
        # Only a bare name is a neighbour's city: "Qaryat Hamid" (a village) is no Isparta.
        bare = ctx.empty and query.kind_hint is None
        foreign = self.foreign.get(query.key) if bare else None
        if (
            foreign is not None
            and best.place.kind in MINOR_KINDS
            and (best.method not in ("exact", "alias") or foreign.population >= FAMOUS)
        ):
            # "Qamishli", "Raqqa" named alone: the neighbour's city, not the Iraqi village that
            # looks like it (or, for a large city, that merely shares its name).
            names = dict.fromkeys(c.place.name for _, c in ranked[:limit])
            raise UnknownPlaceError(name[:80], tuple(names), reason=self._abroad(query))
        alts = tuple((c.place, c.quality) for _, c in ranked[1 : 1 + limit])
        place = best.place
        line = self.shapes.get(place.id)
        if line is not None:
            place = nearest_part(place, line, ctx.anchors())
        return Match(name, place, best.quality, best.method, best.name, alts)

    def _abroad(self, query: QueryKey) -> str:
        """Why a bare name is refused when it is a neighbouring country's city ("" if not)."""
        foreign = self.foreign.get(query.key) if query.kind_hint is None else None
        if foreign is None:
            return ""
        return f"{foreign.name} is a city in {foreign.country}; give a hint for Iraq"

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

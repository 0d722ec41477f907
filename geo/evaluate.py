"""Score extracted events against a hand-annotated gold set (the corpus formats).

Two gold formats, the ones of ``tests/data/corpus/`` (see its README):

- **articles**: a JSON list, one object per page (``file``, ``published``, ``events`` with
  ``type``, ``type_alt``, ``date``, ``place_any``, ``lat``/``lon``, ``tolerance_km``,
  ``fatalities``, ``required``);
- **notes**: a CSV, one row per one-paragraph note (``file``, ``kclmap_type``, ``lat``,
  ``lon``, ``geo_precision``).

The matching rules are those of the project's shared scorer, so both give the same figures: a
gold event is found when one unused prediction of the same file has an accepted type, the date
(when gold gives one) and the place (a gold spelling contained in, or containing, the predicted
place, admin2 or admin1, or the predicted point within ``tolerance_km``, default 30 km,
great-circle distance on the WGS84 mean radius). Predictions are plain dicts in the shape of
``kclmap extract --json`` (:meth:`geo.events.Event.to_json`); aggregate and background records
are not scored as events. Pure: no file is read here.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ArticleScore",
    "FieldScore",
    "NoteScore",
    "score_articles",
    "score_notes",
]

Record = Mapping[str, Any]
SPLIT_TYPES = {"joint_operation": ("operation", True), "unilateral_operation": ("operation", False)}
NOTE_TOL_KM = {"1": 10.0, "2": 30.0, "3": 60.0}


def _norm(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _one_type_ok(gold_type: str, pred: Record) -> bool:
    got = pred.get("type")
    if gold_type in SPLIT_TYPES:
        want, joint = SPLIT_TYPES[gold_type]
        return got == gold_type or (got == want and pred.get("joint") in (joint, None))
    if gold_type == "arrest":
        return got in ("arrest", "other")
    return bool(got == gold_type)


def type_ok(gold: Record, pred: Record) -> bool:
    """Whether the predicted type is the gold type or one of its ``type_alt``."""
    return any(_one_type_ok(t, pred) for t in [gold["type"], *(gold.get("type_alt") or [])])


def place_ok(gold: Record, pred: Record) -> bool:
    """Whether the predicted place names a gold spelling or lies within the tolerance."""
    spellings = gold.get("place_any") or [gold.get("place"), gold.get("place_canonical")]
    names = [_norm(n) for n in spellings if n]
    if gold.get("place_any") == [] and not gold.get("lat"):
        return True  # the text names no place: nothing to score
    cand = [_norm(pred.get(k)) for k in ("place", "admin2", "admin1") if pred.get(k)]
    if any(n and c and (n in c or c in n) for n in names for c in cand):
        return True
    if gold.get("lat") is not None and pred.get("lat") is not None:
        dist = _km(float(gold["lat"]), float(gold["lon"]), float(pred["lat"]), float(pred["lon"]))
        return dist <= float(gold.get("tolerance_km", 30))
    return False


def date_ok(gold: Record, pred: Record) -> bool:
    """Whether the event date is the gold day (always true when gold has no date)."""
    return gold.get("date") is None or str(pred.get("event_date") or "")[:10] == gold["date"]


def _gold_kind(gold: Record) -> str:
    kind = str(gold["type"])
    return SPLIT_TYPES[kind][0] if kind in SPLIT_TYPES else kind


@dataclass
class FieldScore:
    """Precision, recall and F1 of one field: ``hits`` over predictions / over gold."""

    hits_pred: int = 0
    n_pred: int = 0
    hits_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right on this field."""
        return self.hits_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found right on this field."""
        return self.hits_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    """The figures of an articles-format evaluation, with every miss and extra quoted."""

    files: int = 0
    published_right: int = 0
    required: int = 0
    found: int = 0
    predictions: int = 0
    matched: int = 0
    fatalities_n: int = 0
    fatalities_right: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Required gold events found / required gold events."""
        return self.found / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        """Predictions that match a gold event (optional ones too) / predictions."""
        return self.matched / self.predictions if self.predictions else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of event precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _scored(pred: Record) -> bool:
    return not pred.get("aggregate") and not pred.get("background")


def _group(preds: Sequence[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for p in preds:
        out.setdefault(os.path.basename(str(p.get("source", ""))), []).append(p)
    return out


def _field_scores(score: ArticleScore, events: Sequence[Record], pool: Sequence[Record]) -> None:
    """Per-field P/R: a field is right on a prediction when some gold event agrees on it."""
    checks = {
        "type": type_ok,
        "date": lambda g, p: g.get("date") is not None and date_ok(g, p),
        "place": place_ok,
        "fatalities": lambda g, p: (
            g.get("fatalities") is not None
            and p.get("fatalities") in [g["fatalities"], *(g.get("fatalities_any") or [])]
        ),
    }
    applies = {
        "type": lambda g: True,
        "date": lambda g: g.get("date") is not None,
        "place": lambda g: True,
        "fatalities": lambda g: g.get("fatalities") is not None,
    }
    for name, check in checks.items():
        fs = score.fields.setdefault(name, FieldScore())
        gold = [g for g in events if applies[name](g)]
        fs.n_gold += len(gold)
        fs.hits_gold += sum(any(check(g, p) for p in pool) for g in gold)
        fs.n_pred += len(pool) if gold or name in ("type", "place") else 0
        fs.hits_pred += sum(any(check(g, p) for g in gold) for p in pool) if gold else 0


def score_articles(gold: Sequence[Record], preds: Sequence[Record]) -> ArticleScore:
    """Score ``preds`` (``kclmap extract --json`` dicts) against articles-format ``gold``."""
    score = ArticleScore(files=len(gold))
    files = {str(a["file"]) for a in gold}
    published: dict[str, object] = {}
    by_file: dict[str, list[Record]] = {}
    for name, items in _group(preds).items():
        if name in files:
            published[name] = items[0].get("published")
            by_file[name] = [p for p in items if _scored(p)]
    for art in gold:
        name = str(art["file"])
        pool = by_file.get(name, [])
        used: set[int] = set()
        lines: list[str] = []
        want_pub = art.get("published")
        got_pub = str(published.get(name) or "")[:10] or None
        if name not in published and not pool:
            got_pub = "(no events, not seen)"
        score.published_right += got_pub == want_pub or (name not in published and not want_pub)
        events = sorted(art.get("events", []), key=lambda g: not g.get("required", True))
        for g in events:
            required = g.get("required", True)
            score.required += bool(required)
            hit = next(
                (
                    i
                    for i, p in enumerate(pool)
                    if i not in used and type_ok(g, p) and date_ok(g, p) and place_ok(g, p)
                ),
                None,
            )
            if hit is None:
                if required:
                    where = next((p for p in pool if place_ok(g, p) and date_ok(g, p)), None)
                    got = str(where.get("type")) if where else "-"
                    score.confusion[(_gold_kind(g), got)] += 1
                    lines.append(
                        f"  MISS {g['type']} {g.get('date')} {g.get('place')!r}: "
                        f"{str(g.get('evidence', ''))[:90]!r}"
                    )
                continue
            used.add(hit)
            score.found += bool(required)
            score.confusion[(_gold_kind(g), str(pool[hit].get("type")))] += 1
            if g.get("fatalities") is not None:
                score.fatalities_n += 1
                ok = [g["fatalities"], *(g.get("fatalities_any") or [])]
                score.fatalities_right += pool[hit].get("fatalities") in ok
        for i, p in enumerate(pool):
            if i not in used:
                score.confusion[("-", str(p.get("type")))] += 1
                lines.append(
                    f"  EXTRA {p.get('type')} {str(p.get('event_date'))[:10]} "
                    f"{p.get('place')!r}: {str(p.get('quote', ''))[:90]!r}"
                )
        score.matched += len(used)
        score.predictions += len(pool)
        _field_scores(score, events, pool)
        if lines or got_pub != want_pub:
            pub = "" if got_pub == want_pub else f" (published: gold {want_pub}, got {got_pub})"
            score.lines += [f"{name}{pub}", *lines]
    return score


@dataclass
class NoteScore:
    """The figures of a notes-format evaluation."""

    notes: int = 0
    placed: int = 0
    typed: int = 0
    both: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    def share(self, count: int) -> float:
        """``count`` as a percentage of the notes."""
        return 100 * count / self.notes if self.notes else 0.0


def score_notes(rows: Sequence[Record], preds: Sequence[Record]) -> NoteScore:
    """Score predictions against notes-format gold rows (one note, one gold event each).

    A note is right when one prediction of it has an accepted type and lies within the
    tolerance of the row's ``geo_precision`` (1: 10 km, 2: 30 km, 3: 60 km).
    """
    score = NoteScore(notes=len(rows))
    by_file = _group(preds)
    for r in rows:
        evs = by_file.get(str(r["file"]), [])
        tol = NOTE_TOL_KM.get(str(r.get("geo_precision")), 30.0)
        lat, lon = float(r["lat"]), float(r["lon"])
        near = [
            e
            for e in evs
            if e.get("lat") is not None and _km(lat, lon, float(e["lat"]), float(e["lon"])) <= tol
        ]
        want = str(r["kclmap_type"])
        kinds = {want} | ({"other"} if want == "arrest" else set())
        good = [e for e in evs if e.get("type") in kinds]
        score.placed += bool(near)
        score.typed += bool(good)
        ok = any(e in good for e in near)
        score.both += ok
        first = str(good[0]["type"]) if good else str(evs[0].get("type")) if evs else "-"
        score.confusion[(want, first)] += 1
        if not ok:
            got = "; ".join(f"{e.get('type')} @ {e.get('place')!r}" for e in evs) or "no event"
            score.lines.append(f"{r['file']}: want {want} @ {r.get('location')!r}; got {got}")
    return score

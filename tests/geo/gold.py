"""Score extracted events against the hand-annotated gold set (tests/data/gold_events.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gazetteer import Spotter
from geo.articles import read_article
from geo.events import Event
from geo.extract import extract_events

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "gold_events.json").read_text(encoding="utf-8"))
GOLD_FILES = {k: v for k, v in GOLD.items() if not k.startswith("_")}


@dataclass
class Score:
    extracted: int = 0
    gold: int = 0
    type_ok: int = 0
    date_ok: int = 0
    place_ok: int = 0

    def precision(self, field: str) -> float:
        return getattr(self, f"{field}_ok") / self.extracted if self.extracted else 1.0

    def recall(self, field: str) -> float:
        return getattr(self, f"{field}_ok") / self.gold if self.gold else 1.0


def _matches(event: Event, anchor: str) -> bool:
    return any(anchor in " ".join(q.split()) for q in (event.quote, *event.extra_quotes))


def _place_ok(event: Event, expected: str | list[str] | None) -> bool:
    if expected is None:
        return event.place is None
    names = [expected] if isinstance(expected, str) else expected
    if expected == "Kulajo":
        return event.place_query == "Kulajo"
    return event.place in names


def score_file(rel: str, spotter: Spotter) -> tuple[Score, list[str]]:
    """Score one article; return the score and a list of human-readable mismatches."""
    events = extract_events(read_article(ROOT / rel), spotter=spotter).events
    gold = GOLD_FILES[rel]
    score = Score(extracted=len(events), gold=len(gold))
    problems = []
    used: set[int] = set()
    for g in gold:
        hit = next(
            (i for i, e in enumerate(events) if i not in used and _matches(e, g["anchor"])), None
        )
        if hit is None:
            problems.append(f"{rel}: missed {g['anchor']!r}")
            continue
        used.add(hit)
        ev = events[hit]
        want_date = date.fromisoformat(g["event_date"]) if g["event_date"] else None
        if ev.type == g["type"]:
            score.type_ok += 1
            score.date_ok += ev.event_date == want_date
            score.place_ok += _place_ok(ev, g["place"])
            if ev.event_date != want_date:
                problems.append(f"{rel}: date {ev.event_date} != {want_date} for {g['anchor']!r}")
            if not _place_ok(ev, g["place"]):
                problems.append(f"{rel}: place {ev.place} != {g['place']} for {g['anchor']!r}")
        else:
            problems.append(f"{rel}: type {ev.type} != {g['type']} for {g['anchor']!r}")
    for i, e in enumerate(events):
        if i not in used:
            problems.append(f"{rel}: spurious {e.type} {e.quote[:70]!r}")
    return score, problems


def score_all(spotter: Spotter) -> tuple[Score, list[str]]:
    """Micro-averaged score over every gold file."""
    total = Score()
    problems: list[str] = []
    for rel in GOLD_FILES:
        s, p = score_file(rel, spotter)
        for f in ("extracted", "gold", "type_ok", "date_ok", "place_ok"):
            setattr(total, f, getattr(total, f) + getattr(s, f))
        problems += p
    return total, problems

"""Where, when and who of an event, by kind of reporting language (tests/data/where_when_who.json).

Each case is one sentence and what the extractor must make of it; the kinds come in pairs
(the trap and its plain form), so a rule that only flips an answer fails one of the two.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from geo.articles import article_from_text
from geo.extract import extract_events

CASES = json.loads(
    (Path(__file__).parent.parent / "data" / "where_when_who.json").read_text(encoding="utf-8")
)["cases"]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}: {c['text'][:50]}" for c in CASES])
def test_event_has_the_place_date_and_roles_its_sentence_gives(spotter, case):
    published = date.fromisoformat(case["published"]) if case["published"] else None
    article = article_from_text(case["text"], source="case.txt", published=published)
    (event,) = extract_events(article, spotter=spotter).events
    want = case["expect"]
    got = {
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "date_precision": event.date_precision,
        "geo_precision": event.geo_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "background": event.background,
        "fatalities": event.fatalities,
        "admin2": event.admin2,
    }
    for key in got.keys() & want.keys():
        assert got[key] == want[key], (key, event)
    if "place" in want:
        assert want["place"].lower() in str(event.place).lower(), event
    if "min_precision_km" in want:
        assert (event.precision_km or 0) >= want["min_precision_km"], event
    if "near" in want:
        lat, lon, km = want["near"]
        assert event.lat is not None
        assert event.lon is not None
        assert _km(lat, lon, event.lat, event.lon) <= km, event


def test_event_the_meeting_came_days_after_is_dated_back_from_the_meeting(spotter):
    text = (
        "Iraqi army and PMF commanders met in Tikrit on Wednesday.\n\n"
        "The talks took place three days after a soldier was killed by a roadside bomb near "
        "Baiji."
    )
    article = article_from_text(text, source="case.txt", published=date(2023, 3, 16))
    events = {e.type: e for e in extract_events(article, spotter=spotter).events}
    assert events["meeting"].event_date == date(2023, 3, 15)
    assert events["attack"].event_date == date(2023, 3, 12)


@pytest.mark.parametrize(
    ("before", "place"),
    [
        # a movement names where someone went, not where the next event happened
        ("The gunmen then withdrew towards the Hamrin mountains.", None),
        ("The gunmen had hidden in the Hamrin mountains for weeks.", "Hamrin Mountains"),
    ],
)
def test_next_sentence_takes_a_place_not_a_direction(spotter, before, place):
    text = f"{before} On Monday, army units launched a search operation in the area."
    article = article_from_text(text, source="case.txt", published=date(2023, 3, 16))
    events = [e for e in extract_events(article, spotter=spotter).events if e.type == "operation"]
    assert [e.place for e in events] == [place]

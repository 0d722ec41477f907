"""Follow-ups, casualty and trigger wording, terrain places, meetings: both polarities.

Texts and expected events in ``tests/data/kinds/follow_ups_and_wording.json`` (see the
README there): written for kinds of language seen to fail on reporting the rules were not
written on, each kind in several wordings, with texts where the cue must not stop an event.
"""

import json
import re
import unicodedata
from datetime import date

import pytest

from geo.articles import article_from_text
from geo.events import Event
from geo.extract import extract_events
from geo.merge import absorb
from tests.conftest import DATA

CASES = json.loads((DATA / "kinds" / "follow_ups_and_wording.json").read_text(encoding="utf-8"))


def _norm(text: object) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def _place_matches(want: str, event: dict) -> bool:
    """The scorer's rule: a spelling contained in, or containing, a place, district or governorate."""
    names = [_norm(event.get(k)) for k in ("place", "admin2", "admin1") if event.get(k)]
    return any(_norm(want) in n or n in _norm(want) for n in names)


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['kind']}-{i}-{len(c['events'])}ev" for i, c in enumerate(CASES)]
)
def test_text_yields_exactly_the_expected_events(spotter, case):
    published = date.fromisoformat(case.get("published", "2023-03-14"))
    article = article_from_text(case["text"], source="kind.txt", published=published)
    events = [e.to_json() for e in extract_events(article, spotter=spotter).events]
    got = [{k: e.get(k) for k in ("type", "event_date", "place", "fatalities")} for e in events]
    assert len(events) == len(case["events"]), (case["note"], got)
    for want, event in zip(case["events"], events, strict=True):
        for key, value in want.items():
            if key == "place" and value is not None:
                assert _place_matches(value, event), (case["note"], key, got)
            else:
                assert event.get(key) == value, (case["note"], key, got)


def _event(place: str, notes: str | None, geo_precision: int) -> Event:
    event = Event(
        event_id=place,
        type="operation",
        quote=f"quote at {place}",
        quote_start=0,
        quote_end=1,
        source="a.txt",
        notes=notes,
    )
    event.place, event.place_id, event.geo_precision = place, f"id:{place}", geo_precision
    event.lat, event.lon = 34.0, 44.0
    return event


@pytest.mark.parametrize(
    ("later_notes", "kept"),
    [
        # the follow-up only borrowed the dateline's town: the event keeps its own place
        ("place from the dateline", "Sulayman Bak"),
        ("place from the previous sentence", "Sulayman Bak"),
        # the follow-up names a finer place of its own: it replaces the coarser one
        (None, "Baghdad"),
    ],
)
def test_a_follow_ups_borrowed_place_never_replaces_the_events_own(later_notes, kept):
    first = _event("Sulayman Bak", "about 15 km from Sulayman Bak", 2)
    absorb(first, _event("Baghdad", later_notes, 1))
    assert first.place == kept

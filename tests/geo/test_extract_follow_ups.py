"""Follow-ups, casualty and trigger wording, terrain places, meetings: both polarities.

Texts and expected events in ``tests/data/kinds/follow_ups_and_wording.json`` (see the
README there): written for kinds of language seen to fail on reporting the rules were not
written on, each kind in several wordings, with texts where the cue must not stop an event.
"""

import json

import pytest

from geo.events import Event
from geo.merge import absorb
from tests.conftest import DATA
from tests.geo.kinds import assert_yields

CASES = json.loads((DATA / "kinds" / "follow_ups_and_wording.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['kind']}-{i}-{len(c['events'])}ev" for i, c in enumerate(CASES)]
)
def test_text_yields_exactly_the_expected_events(spotter, case):
    assert_yields(spotter, case, scorer_places=True)


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

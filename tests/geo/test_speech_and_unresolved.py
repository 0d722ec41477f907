"""One list of verbs of saying for roles and statement dates; unresolved names noted once."""

from __future__ import annotations

from datetime import date

import pytest

from geo.actors import find_actors
from geo.articles import article_from_text
from geo.extract import extract_events
from geo.roles import read_roles

_VERBS = ["said", "told reporters", "disclosed", "issued a statement saying", "stated", "revealed"]


@pytest.mark.parametrize("verb", _VERBS)
@pytest.mark.parametrize("who", ["Police in Kirkuk", "The Peshmerga command"])
def test_who_says_is_the_speaker_for_every_verb_of_saying(verb, who):
    body = f"{who} {verb} that gunmen killed a farmer in Daquq."
    roles = read_roles(body, body.index("killed"), tuple(find_actors(body)))
    assert roles[0].role == "speaker"


@pytest.mark.parametrize("verb", ["arrested a man after", "stopped a car before"])
def test_who_acts_is_no_speaker(verb):
    body = f"Police in Kirkuk {verb} gunmen killed a farmer in Daquq."
    roles = read_roles(body, body.index("killed"), tuple(find_actors(body)))
    assert roles[0].role != "speaker"


@pytest.mark.parametrize("verb", ["disclosed", "said", "revealed"])
def test_a_statement_day_after_any_verb_of_saying_is_not_the_event_date(spotter, verb):
    text = f"Police in Kirkuk {verb} on Wednesday that gunmen killed a farmer in Daquq."
    article = article_from_text(text, source="c.txt", published=date(2023, 3, 16))
    (event,) = extract_events(article, spotter=spotter).events
    assert event.event_date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen killed a farmer on Monday in the village of Zzyzx Fawqani.\n\n"
            "On Tuesday, ISIS militants burned crops in the village of Zzyzx Fawqani.",
            ["Zzyzx Fawqani"],
        ),
        (
            "Gunmen killed a farmer on Monday in the village of Zzyzx Fawqani.\n\n"
            "On Tuesday, ISIS militants burned crops in the village of Qzyx Tahtani.",
            ["Zzyzx Fawqani", "Qzyx Tahtani"],
        ),
    ],
)
def test_an_unresolved_name_is_noted_once_per_article(spotter, text, expected):
    article = article_from_text(text, source="c.txt", published=date(2023, 3, 16))
    result = extract_events(article, spotter=spotter)
    assert len(result.events) == 2
    assert result.unresolved == expected

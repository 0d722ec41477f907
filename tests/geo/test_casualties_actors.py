import pytest

from geo.actors import find_actors
from geo.casualties import count_casualties, parse_number


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("a dozen Peshmerga personnel were killed in an ISIS attack", 12, None),
        ("5 Peshmerga members were killed last Saturday by a roadside bomb", 5, None),
        ("two soldiers wounded", None, 2),
        ("at least six civilians were killed and 3 injured", 6, 3),
        ("killing two soldiers and wounding three", 2, 3),
        ("An IED killed a soldier near the town", 1, None),  # the IED is the agent, not a count
        ("Peshmerga carried out 7,516 operations", None, None),
        ("there were no casualties", 0, 0),
        # The present tense of headlines and flashes.
        ("ISIS militants kill three Peshmerga fighters near Makhmour", 3, None),
        ("Roadside bomb kills two soldiers, wounds four in Tarmiyah", 2, 4),
    ],
)
def test_casualty_counts(sentence, killed, injured):
    assert count_casualties(sentence) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "value"),
    [("7,516", 7516), ("twenty-one", 21), ("a dozen", 12), ("several", 3), ("xyz", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Da'esh remnants", "ISIS"),
        ("the Islamic State group", "ISIS"),
        ("ISIL fighters", "ISIS"),
        ("the Ministry of Peshmerga (MoP)", "Peshmerga"),
        ("Kurdish forces", "Peshmerga"),
        ("the Joint Operations Command (JOC)", "Iraqi Security Forces"),
        ("the Iraqi Air Force", "Iraqi Security Forces"),
        ("CJTF-OIR said", "US-led Coalition"),
        ("MAG-North officials", "US-led Coalition"),
        ("the Popular Mobilization Forces", "Popular Mobilization Forces"),
        ("Iran-backed militias", "Popular Mobilization Forces"),
        # Generic nouns opening a sentence are the same actors as in mid-sentence.
        ("Security forces killed four militants", "Iraqi Security Forces"),
        ("Troops raided a hideout", "Iraqi Security Forces"),
        ("Police arrested a suspect", "Iraqi Security Forces"),
        ("Militants attacked a checkpoint", "ISIS"),
    ],
)
def test_actor_aliases_normalise(text, actor):
    assert find_actors(text)[0].actor == actor


@pytest.mark.parametrize(
    "text",
    [
        "The Mines Advisory Group (MAG) cleared a field",  # a demining charity, not the coalition
        "a statement signed Islamic Stata",  # a misspelling is not a vocabulary entry
    ],
)
def test_words_that_are_not_a_listed_actor_name_none(text):
    assert find_actors(text) == ()

"""Compound names: possessive owner as hint, "Town - Quarter", parenthetical alternatives."""

import pytest

from gazetteer.compound import Compound, split_compound


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Kirkuk's Rashad", ("possessive", "Kirkuk", "Rashad")),
        ("Diyala’s Mandali", ("possessive", "Diyala", "Mandali")),
        ("Mosul - Al-Zuhur", ("quarter", "Mosul", "Al-Zuhur")),
        ("Baghdad – Rusafa", ("quarter", "Baghdad", "Rusafa")),
        ("Qaryat Ghaydah (Gaida)", ("alternative", "Qaryat Ghaydah", "Gaida")),
        ("Abu Jarad (Tall Abu Jarad)", ("alternative", "Abu Jarad", "Tall Abu Jarad")),
    ],
)
def test_compound_names_split_into_their_parts(name, parts):
    assert split_compound(name) == Compound(*parts)


@pytest.mark.parametrize("name", ["Kirkuk", "Ba'shiqah", "Al-Hawija", "Tall 'Afar", "Ra's"])
def test_simple_names_are_not_compounds(name):
    assert split_compound(name) is None


def test_possessive_owner_acts_as_hint(gaz):
    # Kirkuk's Rashad: Al-Rashad in Daquq (Kirkuk), not Ar Rashid in Baghdad.
    assert gaz.resolve("Kirkuk's Rashad").place.admin1 == "Kirkuk"


def test_unknown_quarter_falls_back_to_its_city_with_lower_score(gaz):
    match = gaz.resolve("Mosul - Nowhereville")
    assert (match.place.name, match.place.kind) == ("Mosul", "city")
    assert match.score < 1.0


def test_known_quarter_is_a_neighbourhood_of_its_city(gaz):
    place = gaz.resolve("Baghdad - Karrada").place
    assert (place.kind, place.city) == ("neighbourhood", "Baghdad")


def test_a_known_name_that_looks_compound_resolves_as_itself(gaz):
    assert gaz.resolve("Ra's as Sahl").place.name == "Ra's as Sahl"

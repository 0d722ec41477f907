import pytest

from gazetteer import Spotter
from gazetteer.geometry import distance_km


def _names(spotter: Spotter, text: str) -> list[str]:
    return [m.text for m in spotter.spot(text)]


def test_spotting_reports_offsets_into_original_text(spotter):
    text = "Clashes near Qara Tapa and in Tuz Khurmatu on Monday."
    mentions = spotter.spot(text)
    assert [(m.text, text[m.start : m.end]) for m in mentions] == [
        ("Qara Tapa", "Qara Tapa"),
        ("Tuz Khurmatu", "Tuz Khurmatu"),
    ]


def test_longest_match_wins_over_contained_names(spotter):
    mentions = spotter.spot("Displaced families returned to the Nineveh Plains last year.")
    assert [m.text for m in mentions] == ["Nineveh Plains"]
    assert mentions[0].place is not None
    assert mentions[0].place.kind == "region"


def test_multiword_and_diacritic_names_are_found(spotter):
    assert _names(spotter, "Fighting in Mexmûr and Altun Kupri.") == ["Mexmûr", "Altun Kupri"]


@pytest.mark.parametrize(
    "text",
    [
        "The price of bread rose in the market on Sunday and the top story was about a new law.",
        "Saleh Hadhar, the commander of the division, confirmed the plan.",
        "Brig. Gen. Fogarty said the meeting was productive.",
        "officials said that the work of joint centres will continue to be a priority.",
    ],
)
def test_common_words_and_person_names_are_not_places(spotter, text):
    assert _names(spotter, text) == []


def test_arabic_script_names_are_spotted(spotter):
    mentions = spotter.spot("هجوم في كركوك يوم الاثنين")
    assert [m.place.name for m in mentions if m.place] == ["Kirkuk"]


def test_context_resolves_kulajo_into_garmiyan(spotter):
    mentions = spotter.spot("An attack in Kulajo, in the Garmian region, killed five.")
    places = {m.text: m.place for m in mentions}
    assert places["Kulajo"] is not None
    assert places["Kulajo"].admin1 in {"Diyala", "Al-Sulaymaniyah"}


def test_spotting_a_long_text_is_linear_not_per_name(spotter):
    text = "Peshmerga forces patrolled near Makhmour. " * 2000
    mentions = spotter.spot(text, resolve=False)
    assert len(mentions) == 2000


def test_all_caps_dateline_is_a_place(spotter):
    assert _names(spotter, "ERBIL (Kurdistan 24) – Officials met.")[:1] == ["ERBIL"]


def test_range_in_a_text_is_placed_at_its_part_near_the_other_places(spotter, gaz):
    # "in the Hamrin mountains near Tuz Khurmatu": not the range's NW end near Tikrit.
    text = "ISIS attacked a Peshmerga post in the Hamrin mountains near Tuz Khurmatu on Monday."
    found = {m.text: m.place for m in spotter.spot(text)}
    hamrin, tuz = found["Hamrin mountains"], found["Tuz Khurmatu"]
    assert hamrin is not None
    assert tuz is not None
    assert distance_km(hamrin, tuz) < 50
    assert hamrin.precision_km <= 20


@pytest.mark.parametrize(
    ("text", "spotted"),
    [
        # Bashir, a village south of Kirkuk, is also a common personal name: a place only
        # after a place cue.
        ("Militants attacked the village of Bashir, south of Kirkuk.", ["Bashir", "Kirkuk"]),
        ("Clashes near Bashir continued on Monday.", ["Bashir"]),
        ("Bashir said the road to Kirkuk was open.", ["Kirkuk"]),
        ("Omar Bashir told reporters in Erbil that the talks went well.", ["Erbil"]),
    ],
)
def test_place_named_like_a_person_is_spotted_only_after_a_place_cue(spotter, text, spotted):
    assert _names(spotter, text) == spotted


def test_person_named_village_far_from_the_texts_places_stays_unresolved(spotter):
    # Tall Ali villages lie in several governorates; none of them in Kirkuk's Daquq district,
    # which the sentence names: a namesake in Ninewa is not the answer.
    text = (
        "IS militants attacked an army post near Tal Ali village "
        "(Al-Rashad subdistrict, Daquq district, Kirkuk), killing 2 soldiers."
    )
    places = {m.text: m.place for m in spotter.spot(text)}
    assert "Tal Ali" in places
    tal_ali = places["Tal Ali"]
    assert tal_ali is None or tal_ali.admin1 == "Kirkuk"

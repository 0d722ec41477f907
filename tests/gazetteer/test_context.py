"""Hints and nearby places decide homonyms at every stage; look-alikes far from them lose."""

import pytest

from gazetteer import UnknownPlaceError
from gazetteer.context import Context
from gazetteer.geometry import distance_km
from gazetteer.model import Place


@pytest.mark.parametrize(
    ("hint", "governorate"),
    [
        # The forms event datasets use for the OCHA governorates.
        ("Sala al-Din", "Salah Al-Din"),
        ("Salahuddin", "Salah Al-Din"),
        ("Ninewa", "Ninewa"),
        ("Nineveh", "Ninewa"),
        ("Dahuk", "Duhok"),
        ("Babylon", "Babil"),
        ("Thi-Qar", "Thi Qar"),
        ("Kirkuk", "Kirkuk"),
        ("Mosul", "Ninewa"),  # a major city stands for its governorate
        ("Sulaimani", "Al-Sulaymaniyah"),
    ],
)
def test_hint_forms_name_their_governorate(gaz, hint, governorate):
    assert gaz.governorate(hint) == governorate


@pytest.mark.parametrize("hint", ["Atlantis", "", "Springfield County"])
def test_unknown_hint_names_no_governorate(gaz, hint):
    assert gaz.governorate(hint) is None


@pytest.mark.parametrize(
    ("hint", "district"),
    [("Daquq", "Daquq"), ("Tuz", "Tooz Khurmato"), ("Sinjar district", "Sinjar")],
)
def test_district_hint_names_its_district(gaz, hint, district):
    assert gaz.district(hint) == district


@pytest.mark.parametrize(
    ("name", "hint", "admin1"),
    [
        # Bashir: the Kirkuk village, not Basra 500 km south (a skeleton look-alike).
        ("Bashir", "Kirkuk", "Kirkuk"),
        # Taza: Taza Khurmatu (the town's short name), not the village Jadidah (alias Taza).
        ("Taza", "Kirkuk", "Kirkuk"),
        # Four villages are called Qarah Tabbah.
        ("Qarah Tabbah", "Al-Sulaymaniyah", "Al-Sulaymaniyah"),
        ("Palkana", "Salah Al-Din", "Salah Al-Din"),
        ("Palkana", "Kirkuk", "Kirkuk"),
    ],
)
def test_governorate_hint_decides_homonyms(gaz, name, hint, admin1):
    assert gaz.resolve(name, hint=hint).place.admin1 == admin1


def test_taza_with_kirkuk_hint_is_taza_khurmatu(gaz):
    place = gaz.resolve("Taza", hint="Kirkuk").place
    assert place.kind == "town"
    assert place.name == "Tazah Khurmatu"


@pytest.mark.parametrize(
    ("name", "district"),
    # Tobzawa/Topzawa: villages of that name in Daquq, Koysinjaq, Shaqlawa, Rania...
    [("Tobzawa", "Daquq"), ("Topzawa", "Koysinjaq"), ("Topzawa", "Shaqlawa")],
)
def test_district_hint_decides_homonyms(gaz, name, district):
    assert gaz.resolve(name, hint_district=district).place.admin2 == district


@pytest.mark.parametrize(
    "name",
    # Case 11: places in Turkey, Syria and Iran; none may come back as an Iraqi village.
    [
        *("Ankara", "Kobani", "Afrin", "Hajin", "Urmia", "al-Hol", "Tehran", "Raqqa"),
        # Syria's Qamishli looks like the Ninewa village Al Qamishliyah; Syria's Hasakah
        # (GeoNames population 422,445) shares its name with a village in Thi Qar.
        "Qamishli",
        "Hasakah",
        "Qara Gokh",  # looks like Tar (Thi Qar) and villages across Iraq; none is meant
        "Syria",  # looks like Sharya camp
        "Iran",  # looks like an air base's name
        # Case 12: a possessive owner that is no Iraqi place makes the whole name foreign.
        "Syria's Hasakah province",
        "Iran's Kermanshah",
        *("Aleppo", "Manbij", "Deir ez-Zor"),
    ],
)
def test_foreign_or_unknown_name_is_not_a_lookalike_village(gaz, name):
    with pytest.raises(UnknownPlaceError) as err:
        gaz.resolve(name)
    assert err.value.suggestions or gaz.suggest(name)


def test_lookalike_far_from_every_context_place_is_not_found(gaz):
    # "Qara Gokh" looks like villages across Iraq; none is near Kalar, so none is the answer.
    kalar = gaz.resolve("Kalar").place
    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Qara Gokh", context=[kalar])


def test_context_reaches_past_a_far_exact_hit_to_a_near_lookalike(gaz):
    # "Tall Abu Jarad" exists only as a spelling variant near Baiji; with Baiji named, the
    # exact "Abu Jarad" village in Hatra (170 km away) is not the answer.
    baiji = gaz.resolve("Baiji").place
    place = gaz.resolve("Tall Abu Jarad", context=[baiji]).place
    assert distance_km(place, baiji) < 40


def _place(name: str, lon: float, lat: float, admin1: str, admin2: str = "") -> Place:
    return Place(name, name, "village", lon, lat, admin1, admin2, "", None, 1.0, 0, 0.3, "")


@pytest.mark.parametrize(
    ("ctx", "near"),
    [
        (Context(admin1="Kirkuk"), True),  # inside the hinted governorate
        (Context(admin1="Diyala"), False),
        (Context(admin2="Daquq"), True),
        (Context(admin1="Kirkuk", admin2="Dibis"), False),  # the district narrows the hint
        (Context(places=(_place("a", 44.40, 35.10, "Kirkuk"),)), True),  # ~11 km away
        (Context(places=(_place("b", 46.80, 30.90, "Thi Qar"),)), False),  # ~560 km away
    ],
)
def test_context_near_follows_hint_and_distance(ctx, near):
    village = _place("v", 44.30, 35.05, "Kirkuk", "Daquq")
    assert ctx.near(village) is near


def test_bonus_grows_with_what_the_context_confirms():
    village = _place("v", 44.30, 35.05, "Kirkuk", "Daquq")
    other_governorate = Context(admin1="Diyala").bonus(village)
    same_governorate = Context(admin1="Kirkuk").bonus(village)
    same_district = Context(admin1="Kirkuk", admin2="Daquq").bonus(village)
    assert other_governorate < same_governorate < same_district


def test_empty_context_says_nothing():
    assert Context().empty
    assert Context().bonus(_place("v", 44.3, 35.0, "Kirkuk")) == 0.0


def test_lookalike_of_another_kind_than_the_query_names_is_not_an_answer(gaz):
    # "Wadi al-Shay" (not in the data) near Kirkuk is no village that looks like "Shay".
    kirkuk = gaz.resolve("Kirkuk").place
    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Wadi al-Shay", context=[kirkuk])


@pytest.mark.parametrize(
    ("name", "country"), [("Qamishli", "Syria"), ("Raqqa", "Syria"), ("Hasakah", "Syria")]
)
def test_neighbours_city_named_alone_says_why_it_is_not_found(gaz, name, country):
    with pytest.raises(UnknownPlaceError, match=f"city in {country}") as err:
        gaz.resolve(name)
    assert country in err.value.reason


@pytest.mark.parametrize(
    ("name", "hint", "expected"),
    [
        # With a hint the Iraqi namesake is meant: the village Hasakah in Thi Qar.
        ("Hasakah", "Thi Qar", "Hasakah"),
        # A neighbour's small town (Sardasht, Iran) leaves an exact Iraqi village namesake be.
        ("Sardasht", None, "Sardasht"),
    ],
)
def test_iraqi_namesake_of_a_foreign_city_is_found_with_a_hint_or_when_small(
    gaz, name, hint, expected
):
    assert gaz.resolve(name, hint=hint).place.name == expected


@pytest.mark.parametrize(
    "name",
    [
        # Qarachogh (the range near Makhmour) is in no reference file; the kind word says a
        # mountain, so the look-alike village Qala Chaghah (Chamchamal) is not the answer.
        "Qarachogh mountain",
        "Wadi al-Shay",  # in no reference file: no look-alike village either
    ],
)
def test_feature_word_refuses_a_lone_lookalike_of_another_kind(gaz, name):
    with pytest.raises(UnknownPlaceError):
        gaz.resolve(name)


@pytest.mark.parametrize(
    ("name", "context", "governorate"),
    [
        # a Kirkuk village and a Salah al-Din one share the name; the text names Tuz Khurmatu,
        # and two governorates whose radii also take in the Kirkuk one
        ("Albu Sabah", ("Tuz Khurmatu", "Salah al-Din", "Diyala"), "Salah Al-Din"),
        ("Albu Sabah", ("Salah al-Din",), "Salah Al-Din"),
    ],
)
def test_a_governorate_in_the_context_counts_by_membership_not_by_radius(
    gaz, name, context, governorate
):
    places = [gaz.resolve(n).place for n in context]
    assert gaz.resolve(name).place.admin1 != governorate  # without context: the other one
    assert gaz.resolve(name, context=places).place.admin1 == governorate


@pytest.mark.parametrize(
    "name",
    [
        # Common Arabic names and Iraqi places that are only *alternate* names of a
        # neighbour's city (Isparta, Al Ahmadi, Baneh, Sari, Erzurum, Zahedan): not refused.
        *("Hamid", "Qaryat Hamid", "Ahmad", "Bani", "Sali", "Karin", "Zaidan"),
        # The refusal applies to a bare name only: "Qaryat X" names a village.
        "Qaryat Sina",
        "Qaryat al Madinah",
    ],
)
def test_alternate_names_of_foreign_cities_do_not_refuse_iraqi_places(gaz, name):
    reason = ""
    try:
        gaz.resolve(name)
    except UnknownPlaceError as err:
        reason = err.reason
    assert "city in" not in reason, reason


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # A world city named alone is no Iraqi look-alike ("Paris" ~ the village Bari/Baris).
        ("Paris", "France"),
        ("Rome", "Italy"),  # ~ the village Rumah
        ("Perth", "Australia"),  # ~ the village Al Barth
        # Neighbours' cities keyed by their primary names keep their refusals.
        ("Qamishli", "Syria"),
        ("Raqqa", "Syria"),
    ],
)
def test_foreign_city_is_refused_not_a_lookalike_village(gaz, name, country):
    with pytest.raises(UnknownPlaceError, match=f"city in {country}"):
        gaz.resolve(name)


def test_spotted_arabic_name_is_an_iraqi_place_not_a_foreign_city(spotter):
    text = "ISIS militants attacked a checkpoint in Zaidan on Saturday, killing a soldier."
    found = [m for m in spotter.spot(text) if m.text == "Zaidan"]
    assert found
    assert found[0].match.place.admin1 == "Baghdad"


@pytest.mark.parametrize(
    ("name", "hint", "district", "admin1"),
    [
        # No "Tal Ali" in Daquq district: the Kirkuk governorate still decides (not Hatra's).
        ("Tal Ali", "Kirkuk", "Daquq", "Kirkuk"),
        ("Tal Ali", None, "Daquq", "Kirkuk"),
        ("Tel Ali", "Kirkuk", "Daquq", "Kirkuk"),  # found nothing before
        ("Tal Ali", "Kirkuk", "Dibis", "Kirkuk"),
        # A namesake in the district itself still wins over the rest of the governorate.
        ("Tal Ali", "Ninewa", "Hatra", "Ninewa"),
    ],
)
def test_governorate_hint_decides_when_the_district_has_no_candidate(
    gaz, name, hint, district, admin1
):
    assert gaz.resolve(name, hint=hint, hint_district=district).place.admin1 == admin1


@pytest.mark.parametrize(
    ("name", "governorate", "admin2"),
    [
        # A governorate named in the same text decides for the look-alike inside it over an
        # exact namesake outside it (Saidiya, a Baghdad neighbourhood).
        ("As Saidiyah", "Diyala", "Khanaqin"),
        ("Saidiyah", "Diyala", "Khanaqin"),
    ],
)
def test_context_governorate_keeps_an_inside_lookalike_ahead_of_an_outside_namesake(
    gaz, name, governorate, admin2
):
    unit = gaz.resolve(governorate).place
    assert gaz.resolve(name, context=[unit]).place.admin2 == admin2

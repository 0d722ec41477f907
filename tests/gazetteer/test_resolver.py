import csv

import pytest

from gazetteer import Gazetteer, UnknownPlaceError
from gazetteer.geometry import distance_km
from gazetteer.model import Place
from tests.conftest import DATA


def _cases() -> list[dict[str, str]]:
    with (DATA / "geocode_cases.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CASES = _cases()


def test_case_table_is_large_and_cited():
    assert len(CASES) >= 150
    assert all(c["source"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['variant']}|{c['hint']}" for c in CASES])
def test_variant_resolves_within_tolerance(gaz: Gazetteer, case: dict[str, str]):
    match = gaz.resolve(case["variant"], hint=case["hint"] or None)
    expected = Place(
        id=case["expected_id"],
        name=case["expected_name"],
        kind="",
        lon=float(case["lon"]),
        lat=float(case["lat"]),
        admin1="",
        admin2="",
        admin3="",
        geonames_id=None,
        precision_km=0,
        population=0,
        importance=0,
        source="",
    )
    assert distance_km(match.place, expected) <= float(case["tolerance_km"]), match.place


# Minimal pairs: a generic word flips the answer between a town and the unit named after it.
@pytest.mark.parametrize(
    ("query", "kind", "admin2"),
    [
        ("Makhmour", "town", "Makhmour"),  # Makhmur town, seat of the district
        ("Makhmour district", "district", "Makhmour"),  # the district polygon
        ("Makhmour camp", "camp", "Makhmour"),  # the refugee camp near the town
        ("Kirkuk", "city", "Kirkuk"),  # Kirkuk city
        ("Kirkuk governorate", "governorate", ""),  # the governorate
        ("Sinjar", "town", "Sinjar"),  # Sinjar town
        ("Sinjar district", "district", "Sinjar"),  # the district
        ("Sinjar Mountains", "range", "Sinjar"),  # the range, not the town
        ("Mount Sinjar", "range", "Sinjar"),
    ],
)
def test_generic_word_selects_town_unit_or_feature(gaz, query, kind, admin2):
    place = gaz.resolve(query).place
    assert (place.kind, place.admin2) == (kind, admin2)


def test_resolve_prefers_town_over_district_of_same_name(gaz):
    # Kifri town (GeoNames "Kifrī") over Kifri district: reporting means the town.
    match = gaz.resolve("Kifri")
    assert match.place.kind == "town"
    assert any(p.kind == "district" for p, _ in match.alternatives)


def test_governorate_hint_pulls_homonym_into_that_governorate(gaz):
    # Four villages are called Qarah Tabbah; the hint picks the one in Kirkuk governorate.
    place = gaz.resolve("Qarah Tabbah", hint="Kirkuk").place
    assert place.admin1 == "Kirkuk"
    other = gaz.resolve("Qarah Tabbah", hint="Al-Sulaymaniyah").place
    assert other.admin1 == "Al-Sulaymaniyah"


def test_context_places_pull_homonym_toward_them(gaz):
    # "Balkanah" (Palkana) exists in Dibis and in Kirkuk district; Altun Kupri is in Dibis.
    altun = gaz.resolve("Altun Kupri").place
    near = gaz.resolve("Palkana", context=[altun]).place
    assert distance_km(near, altun) < 20


def test_ambiguous_homonym_lists_runner_up(gaz):
    # Kulajo: two villages in Garmiyan share the alias; neither is chosen silently.
    match = gaz.resolve("Kulajo")
    assert match.alternatives
    assert match.ambiguous
    assert match.to_dict()["alternatives"][0]["name"]


def test_city_inside_its_governorate_is_not_ambiguous(gaz):
    assert not gaz.resolve("Baghdad").ambiguous


@pytest.mark.parametrize(
    ("query", "method"),
    [
        ("Makhmur", "alias"),
        ("Mexmûr", "exact"),
        ("Khurmato", "transliteration"),
        ("Kirkukk", "transliteration"),
        ("Chamchamall", "transliteration"),
        ("Qayyarrah", "transliteration"),
        ("Sulaymaniyeh", "transliteration"),
    ],
)
def test_spelling_variants_match_by_method(gaz, query, method):
    assert gaz.resolve(query).method == method


@pytest.mark.parametrize("query", ["Darbandikhaan", "Khaanaqin", "Penjwine"])
def test_misspellings_resolve_with_score_below_one(gaz, query):
    match = gaz.resolve(query)
    assert 0.8 <= match.score < 1.0


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\t\n", "x" * 10_000, "\x00\x01\x02", "!!!", "Atlantis Springfield"],
)
def test_bad_input_gives_not_found_not_crash(gaz, query):
    with pytest.raises(UnknownPlaceError, match="No place matches"):
        gaz.resolve(query)


@pytest.mark.parametrize(
    ("query", "admin1"),
    [("كركوك", "Kirkuk"), ("Kerkûk", "Kirkuk"), ("هەولێر", "Erbil"), ("الموصل", "Ninewa")],
)
def test_arabic_and_kurdish_script_resolve(gaz, query, admin1):
    assert gaz.resolve(query).place.admin1 == admin1


def test_control_characters_inside_a_name_are_ignored(gaz):
    assert gaz.resolve("Kir\x00kuk\u200f").place.name == "Kirkuk"


def test_not_found_name_gets_near_suggestions(gaz):
    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Kirkukzzz")
    assert gaz.suggest("Kirkukzzz")[0] == "Kirkuk"


def test_quarter_of_town_resolves_near_the_town(gaz):
    # ACLED style "Town - Quarter": unknown quarter falls back to the town itself.
    match = gaz.resolve("Mosul - Nowhereville")
    assert match.place.name == "Mosul"
    assert match.score < 1.0


def test_nahiyat_prefix_means_subdistrict_or_its_seat(gaz):
    place = gaz.resolve("Nahiyat Qara Tabe").place
    assert place.kind in {"subdistrict", "town", "village"}
    assert place.admin2 == "Kifri"


def test_region_is_an_area_with_large_radius(gaz):
    place = gaz.resolve("Garmiyan").place
    assert place.is_area
    assert place.precision_km >= 40


def test_every_alias_points_at_a_known_place(gaz):
    assert gaz.unknown_alias_targets() == []


def test_get_unknown_id_raises_lookup_error(gaz):
    with pytest.raises(LookupError, match="nowhere"):
        gaz.get("nowhere")


@pytest.mark.parametrize(
    ("query", "kind", "name"),
    [
        # The generic word names a unit kind that no exact hit has: the transliterated unit.
        ("Sulaimani province", "governorate", "Al-Sulaymaniyah"),
        ("Slemani governorate", "governorate", "Al-Sulaymaniyah"),
        # A curated alias does not override the kind the query's own word asks for.
        ("Nahiyat Hamrin", "subdistrict", "Hamreen"),
        ("Hawija district", "district", "Al-Hawiga"),
        ("Hawija", "town", "Al Hawijah"),
    ],
)
def test_kind_word_in_query_selects_that_kind(gaz, query, kind, name):
    place = gaz.resolve(query).place
    assert (place.kind, place.name) == (kind, name)


@pytest.mark.parametrize(
    ("query", "kind", "name"),
    [
        # "military" is no filler: the village keeps its name, the base is named in full or
        # by its kind word, or by the short name no other place bears ("Kisik").
        ("Halabiyah", "village", "Halabiyah"),
        ("Halabiyah Military Base", "base", "Halabiyah Military Base"),
        ("Halabiyah base", "base", "Halabiyah Military Base"),
        ("Jalawla Military Base", "base", "Jalawla Military Base"),
        ("Kisik", "base", "Al Kisik Military Base"),
        ("Jalawla", "town", "Jalawlah"),
    ],
)
def test_base_names_do_not_take_their_towns_names(gaz, query, kind, name):
    place = gaz.resolve(query).place
    assert (place.kind, place.name) == (kind, name)

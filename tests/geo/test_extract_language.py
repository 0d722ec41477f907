"""Extraction rules written for kinds of reporting language, one minimal sentence per kind."""

from datetime import date

import pytest

from geo.articles import article_from_text
from geo.extract import extract_events
from geo.pipeline import extract_with_report
from geo.place_phrases import strip_dateline

PUB = date(2022, 11, 20)  # a Sunday


def _events(spotter, text, published=PUB):
    article = article_from_text(text, source="t.txt", published=published)
    return extract_events(article, spotter=spotter).events


@pytest.mark.parametrize(
    ("sentence", "prefix"),
    [
        ("ERBIL, Kurdistan Region - A bomb went off.", "ERBIL, Kurdistan Region - "),
        ("KIRKUK, Iraq (AP) — Militants stormed a village.", "KIRKUK, Iraq (AP) — "),
        ("BAGHDAD, June 13 (Reuters) - Militants attacked.", "BAGHDAD, June 13 (Reuters) - "),
        ("Shafaq News/ Three militants were killed.", "Shafaq News/ "),
        ("Baghdad / NINA / - The Command announced.", "Baghdad / NINA / - "),
        ("SULAIMANI — One fighter was killed.", "SULAIMANI — "),
        ("Two soldiers were killed - and three wounded.", ""),
        ("Iraqi forces arrested two men.", ""),
    ],
)
def test_dateline_and_agency_tag_are_measured_off_the_sentence(sentence, prefix):
    assert sentence[: strip_dateline(sentence)] == prefix


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the dateline is where the story was filed; the subdistrict after the possessive is
        # where it happened (Multaqa: Al-Multaka subdistrict, Kirkuk)
        (
            "ERBIL, Kurdistan Region - A roadside bomb struck an army vehicle in southern "
            "Kirkuk's Multaqa subdistrict on Saturday, killing three soldiers.",
            "Al-Multaka",
        ),
        # the village, not the district and governorate that only narrow it down
        (
            "ISIS terrorists attacked Likcha village in Makhmour district of Erbil province on "
            "Saturday night, killing a farmer.",
            "Likjah",
        ),
        # a framing "In X," yields to the more specific place named later
        (
            "In Sinjar, officers arrested two men in the town of Sinuni on Saturday.",
            "Sinuni",
        ),
        # "X, north of Y": Y is the reference point
        (
            "Militants attacked an army post in the farmland of Tarmiyah, north of Baghdad, "
            "on Saturday.",
            "Tarmiyah",
        ),
        # a name the spotter does not know goes through the resolver (Buhruz -> Buhriz)
        ("Unknown gunmen killed a farmer on Saturday in Buhruz, south of Baquba.", "Buhriz"),
    ],
)
def test_event_is_placed_at_the_place_the_phrase_ties_it_to(spotter, text, place):
    (event,) = _events(spotter, text)
    assert place.lower().replace(" ", "") in str(event.place).lower().replace(" ", "")


def test_offset_from_a_reference_town_widens_the_precision(spotter):
    (event,) = _events(
        spotter, "Militants attacked a checkpoint 20 km east of Tuz Khurmatu on Saturday."
    )
    assert event.geo_precision == 2
    assert event.precision_km is not None
    assert event.precision_km >= 20


@pytest.mark.parametrize(
    "text",
    [
        "Since 2014, shepherds in the area have been targeted by the group.",
        "Hawija fell to ISIS in June 2014 and stayed in the group's hands for three years.",
        "The group was declared defeated in 2017, but attacks on the army continued.",
        "Years ago, militants attacked the village and killed its mukhtar.",
    ],
)
def test_history_told_in_the_text_is_background_not_an_event(spotter, text):
    assert all(e.background for e in _events(spotter, text, published=None))


@pytest.mark.parametrize(
    "text",
    [
        "A criminal court in Kirkuk on Sunday sentenced a man to death for the 2019 bombing.",
        "Hundreds of mourners attended the funeral in Kalar on Saturday of a Peshmerga fighter.",
        "The ministry on Saturday denied reports that ISIS had attacked a Peshmerga post.",
        "The governor condemned the attack on the police checkpoint on Saturday.",
        "Khanaqin's mayor said a meeting between the two sides is expected to be held soon.",
        # A threat or a plot to kill is no killing, whatever the tense of "kill".
        "ISIS threatened to kill two hostages held near Hawija, officials said on Monday.",
        "Police foiled a plot to kill three officials in Kirkuk on Sunday.",
    ],
)
def test_statements_sentences_funerals_denials_and_plans_are_not_events(spotter, text):
    assert _events(spotter, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an Operations Command is a headquarters; visits and discussions are meetings
        (
            "On Saturday, a Peshmerga general visited the headquarters of the Kirkuk "
            "Operations Command, where he discussed joint patrols with Iraqi officers.",
            "meeting",
        ),
        # the attacker is the subject: an attack, though soldiers were killed
        (
            "Two soldiers were killed when ISIS militants attacked an army post near Daquq on "
            "Saturday night.",
            "attack",
        ),
        ("Iraqi F-16 jets killed three militants in a strike near Daquq on Saturday.", "airstrike"),
        ("On 19 May 2022, army engineers defused an IED planted near Daquq.", "operation"),
        ("On 16 May 2022, hundreds of residents protested in Daquq over power cuts.", "other"),
    ],
)
def test_type_follows_who_did_what(spotter, text, kind):
    assert [e.type for e in _events(spotter, text)] == [kind]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Three Peshmerga fighters were killed on Saturday when ISIS militants attacked a "
            "Peshmerga position near Kifri.",
            "ISIS",
            "Peshmerga",
        ),
        (
            "Gunmen believed to be ISIS killed three shepherds near Daquq on Saturday.",
            "ISIS",
            "Civilians",
        ),
    ],
)
def test_attacker_is_actor1_and_victims_actor2(spotter, text, actor1, actor2):
    (event,) = _events(spotter, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    "text",
    [
        "In neighbouring Syria, the SDF said its fighters killed three ISIS members in a raid "
        "near Hasakah on Saturday.",
        "Turkish drones struck a vehicle in Syria's Hasakah province on Saturday.",
        "Separately, ISIS militants attacked an SDF checkpoint in Deir ez-Zor, Syria, on Saturday.",
    ],
)
def test_events_abroad_are_left_out_with_a_warning(spotter, text):
    article = article_from_text(text, source="t.txt", published=PUB)
    result = extract_events(article, spotter=spotter)
    assert result.events == []
    assert any("abroad" in w for w in result.warnings)


def test_arrest_of_a_man_who_fought_in_syria_is_an_iraqi_event(spotter):
    (event,) = _events(
        spotter, "On Saturday, Asayish arrested a man in Kalar who had fought with IS in Syria."
    )
    assert event.type == "arrest"


def test_one_event_told_twice_is_one_event_with_both_quotes(spotter):
    text = (
        "Two soldiers were killed when ISIS militants attacked an army post near Daquq on "
        "Saturday night.\n\nThe army sent reinforcements to the area.\n\n"
        "Two soldiers were killed when ISIS militants attacked an army post near Daquq on "
        "Saturday night, the sources added."
    )
    (event,) = [e for e in _events(spotter, text) if e.type == "attack"]
    assert len(event.extra_quotes) == 1


def test_syndicated_copies_in_one_run_are_one_event(spotter, tmp_path):
    body = (
        "An IED exploded near an Iraqi army patrol in Tuz Khurmatu on Sunday, killing two "
        "soldiers and wounding three others, a security source said.\n\n"
        "On Monday, the army launched a search operation in villages near Tuz Khurmatu.\n"
    )
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            f"published: 2022-03-14\n\nHeadline {name}\n\n{body}", encoding="utf-8"
        )
    _, report = extract_with_report([tmp_path], spotter=spotter)
    # one attack (2 killed, not 4) and one search operation, each told by both outlets
    assert sorted(e.type for e in report.events) == ["attack", "operation"]
    (attack,) = [e for e in report.events if e.type == "attack"]
    assert attack.fatalities == 2
    assert all("also reported by" in (e.notes or "") for e in report.events)


def test_seed_002_roadside_bomb_that_killed_five_peshmerga_is_an_attack(spotter):
    from pathlib import Path

    from geo.articles import read_article

    root = Path(__file__).resolve().parents[2]
    events = extract_events(
        read_article(root / "seeds" / "002_8b3e90d49362e193.txt"), spotter=spotter
    ).events
    bomb = [e for e in events if "roadside bomb" in e.quote]
    assert [(e.type, e.fatalities) for e in bomb] == [("attack", 5)]

from datetime import date

import pytest

from geo.articles import article_from_text
from geo.extract import extract_events


def _events(spotter, text, published=date(2023, 3, 14)):
    article = article_from_text(text, source="test.txt", published=published)
    return extract_events(article, spotter=spotter).events


def test_event_carries_evidence_offsets_and_stable_id(spotter):
    text = "ISIS militants attacked a checkpoint near Daquq on Sunday, killing two soldiers."
    first = _events(spotter, text)
    again = _events(spotter, text)
    (event,) = first
    assert text[event.quote_start : event.quote_end] == event.quote
    assert event.event_id == again[0].event_id
    assert (event.type, event.fatalities, event.place) == ("attack", 2, "Daquq")
    assert event.acled_event_type == "Battles"


def test_unresolvable_place_is_kept_without_coordinates(spotter):
    (event,) = _events(
        spotter, "ISIS militants attacked a checkpoint in Zzyzxville on Sunday, killing a soldier."
    )
    assert (event.lat, event.lon, event.place_query) == (None, None, "Zzyzxville")


def test_dateline_places_an_event_without_a_place(spotter):
    text = "KIRKUK (Example) – Security forces arrested three suspects on Monday."
    article = article_from_text(text, source="t.txt", published=date(2023, 3, 14))
    (event,) = extract_events(article, spotter=spotter).events
    assert event.place == "Kirkuk"


def test_background_history_is_marked(spotter):
    (event,) = _events(spotter, "In October 2017, Iraqi forces pushed the Peshmerga out of Kirkuk.")
    assert event.background


def test_read_more_headlines_and_tweets_make_no_events(spotter):
    text = (
        "Read More: Peshmerga forces carry out clearance operation in Kani Masi village\n\n"
        "The visit, pic.twitter.com/abc — Ministry of Peshmerga (@KRG_MOPE) August 9, 2022\n"
    )
    assert _events(spotter, text) == []


def test_non_english_text_yields_no_events_and_a_warning(spotter):
    article = article_from_text(
        "هاجم مسلحون من داعش نقطة تفتيش في كركوك يوم الاثنين",
        source="ar.txt",
        published=date(2023, 1, 1),
    )
    result = extract_events(article, spotter=spotter)
    assert result.events == []
    assert any("English" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("paragraph", "kind", "fatalities"),
    [
        (
            "On 12 March 2023, an IED planted by ISIS exploded near an Iraqi army vehicle in "
            "Tarmiyah, killing 2 soldiers.",
            "attack",
            2,
        ),
        (
            "On 5 March 2023, Iraqi security forces arrested an ISIS member in Al-Hawija.",
            "arrest",
            None,
        ),
        (
            "On 1 March 2023, Iraqi aircraft carried out airstrikes on ISIS hideouts in Wadi "
            "al-Shay south of Kirkuk, killing 4 militants.",
            "airstrike",
            4,
        ),
    ],
)
def test_acled_style_paragraphs(spotter, paragraph, kind, fatalities):
    (event,) = _events(spotter, paragraph)
    assert (event.type, event.fatalities) == (kind, fatalities)
    assert event.date_precision == "day"


def _acled_rows():
    import csv

    from tests.conftest import DATA

    with (DATA / "acled_style.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("row", _acled_rows(), ids=lambda r: r["paragraph"][15:50])
def test_coder_style_paragraph_gives_one_event(spotter, row):
    # One-paragraph descriptions in the style of conflict-data coders: exactly one event.
    (event,) = _events(spotter, row["paragraph"], published=date(2022, 3, 20))
    assert event.type == row["type"]
    assert event.fatalities == (int(row["fatalities"]) if row["fatalities"] else None)
    assert event.place == (row["place"] or None)
    assert event.actor1 == (row["actor1"] or None)
    assert event.date_precision == "day"

"""Kinds of reporting language, both polarities: the events each short text must yield.

The texts and their expected events are in ``tests/data/kinds/events.json`` (see its README):
written for kinds of language (a veto word in another clause, a follow-up sentence, a bare
trigger), never copied from the development corpus.
"""

import json
from datetime import date

import pytest

from geo.articles import article_from_text
from geo.extract import extract_events
from tests.conftest import DATA
from tests.geo.kinds import assert_yields

CASES = json.loads((DATA / "kinds" / "events.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['kind']}-{i}-{len(c['events'])}ev" for i, c in enumerate(CASES)]
)
def test_text_yields_exactly_the_expected_events(spotter, case):
    assert_yields(spotter, case)


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        # only the publication date: nothing says the two outlets tell one event
        (
            "Gunmen attacked an army checkpoint near Daquq, killing two soldiers and a driver.",
            "Gunmen attacked an army checkpoint near Daquq, killing two soldiers and a shepherd.",
            2,
        ),
        # the same day given by the text, the same place, nearly the same words: one event
        (
            "Gunmen attacked an army checkpoint near Daquq on Sunday, killing two soldiers.",
            "Gunmen attacked an army checkpoint near Daquq on Sunday, killing two soldiers, "
            "police said.",
            1,
        ),
    ],
)
def test_articles_of_one_run_fold_only_events_dated_by_their_text(
    spotter, tmp_path, first, second, events
):
    from geo.pipeline import extract_with_report

    for name, body in (("a", first), ("b", second)):
        (tmp_path / f"{name}.txt").write_text(
            f"published: 2022-03-14\n\nHeadline {name}\n\n{body}\n", encoding="utf-8"
        )
    _, report = extract_with_report([tmp_path], spotter=spotter)
    assert len(report.events) == events


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "a"/"an" as the object of killed/wounded is one person unless it is a known thing
        ("Gunmen killed a bride near Daquq on Saturday.", 1, None),
        ("Gunmen killed a Yazidi and wounded a Kakai near Sinjar on Saturday.", 1, 1),
        ("Gunmen killed a tribesman near Hawija on Saturday.", 1, None),
        ("Gunmen killed a 10-year-old near Kifri on Saturday.", 1, None),
        ("A sniper wounded a passer-by in Tuz Khurmatu.", None, 1),
        ("ISIS killed a number of villagers near Tarmiyah.", None, None),
        ("The blast wounded a checkpoint guard and damaged a house.", None, 1),
        ("Militants killed a series of informants.", None, None),
    ],
)
def test_a_or_an_after_killed_or_wounded_counts_one_unless_a_thing(text, killed, injured):
    from geo.casualties import count_casualties

    assert count_casualties(text) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a Peshmerga post near Kifri.",
        "Gunmen stormed a farm near Daquq, police said.",
    ],
)
def test_undated_event_on_the_publication_day_is_a_low_confidence_guess(spotter, text):
    article = article_from_text(text, source="kind.txt", published=date(2024, 5, 12))
    events = extract_events(article, spotter=spotter).events
    assert len(events) == 1
    assert events[0].event_date == date(2024, 5, 12)
    assert events[0].date_precision == "unknown"
    assert events[0].confidence < 0.5

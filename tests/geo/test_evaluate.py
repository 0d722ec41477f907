"""The evaluation code (the shared scorer's matching rules) and the corpus floors it guards."""

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from geo.articles import read_article
from geo.evaluate import date_ok, place_ok, score_articles, score_notes, type_ok
from geo.extract import extract_events

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
NOTES = list(csv.DictReader((CORPUS / "notes_gold.csv").read_text(encoding="utf-8").splitlines()))


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ({"type": "attack"}, {"type": "attack"}, True),
        ({"type": "attack"}, {"type": "operation"}, False),
        ({"type": "attack", "type_alt": ["operation"]}, {"type": "operation"}, True),
        ({"type": "joint_operation"}, {"type": "operation", "joint": True}, True),
        ({"type": "joint_operation"}, {"type": "operation", "joint": False}, False),
        ({"type": "unilateral_operation"}, {"type": "operation", "joint": None}, True),
        ({"type": "arrest"}, {"type": "other"}, True),  # an arrest may be typed other
    ],
)
def test_type_match_follows_the_corpus_conventions(gold, pred, ok):
    assert type_ok(gold, pred) is ok


@pytest.mark.parametrize(
    ("pred", "ok"),
    [
        ({"place": "Al Hawijah"}, True),  # a gold spelling contained in the predicted name
        ({"place": "Hawija"}, True),
        ({"place": "Kirkuk", "admin2": "Al-Hawiga"}, False),  # no spelling, no point
        ({"place": "X", "lat": 35.33, "lon": 43.78}, True),  # a point 2 km off
        ({"place": "X", "lat": 35.60, "lon": 43.78}, False),  # 31 km north: beyond 20 km
    ],
)
def test_place_match_by_spelling_or_within_tolerance(pred, ok):
    # Hawija town (35.3188, 43.7779), tolerance 20 km
    gold = {"place_any": ["hawija", "hawijah"], "lat": 35.3188, "lon": 43.7779, "tolerance_km": 20}
    assert place_ok(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold_date", "got", "ok"),
    [("2022-06-12", "2022-06-12", True), ("2022-06-12", "2022-06-13", False), (None, None, True)],
)
def test_date_match_is_the_day_or_anything_when_gold_has_none(gold_date, got, ok):
    assert date_ok({"date": gold_date}, {"event_date": got}) is ok


def test_scores_count_misses_extras_and_quote_them():
    gold = [
        {
            "file": "a.txt",
            "published": "2022-06-13",
            "events": [
                {"type": "attack", "date": "2022-06-12", "place_any": ["tarmiyah"], "lat": None},
                {"type": "arrest", "date": "2022-06-13", "place_any": ["kirkuk"], "lat": None},
            ],
        }
    ]
    preds = [
        {
            "source": "x/a.txt",
            "published": "2022-06-13",
            "type": "attack",
            "event_date": "2022-06-12",
            "place": "At Tarmiyah",
            "quote": "militants attacked",
        },
        {
            "source": "x/a.txt",
            "published": "2022-06-13",
            "type": "airstrike",
            "event_date": "2022-06-13",
            "place": "Hit",
            "quote": "jets struck",
        },
        {"source": "x/a.txt", "type": "operation", "background": True, "quote": "in 2014"},
    ]
    score = score_articles(gold, preds)
    assert (score.found, score.required, score.matched, score.predictions) == (1, 2, 1, 2)
    assert score.published_right == 1
    assert any("MISS arrest" in line for line in score.lines)
    assert any("EXTRA airstrike" in line and "jets struck" in line for line in score.lines)
    assert score.confusion[("attack", "attack")] == 1


def test_a_note_is_right_when_typed_and_within_its_precision_radius():
    rows = [
        {
            "file": "n1.txt",
            "kclmap_type": "attack",
            "lat": "35.0",
            "lon": "44.0",
            "geo_precision": "1",
            "location": "X",
        }
    ]
    near = {"source": "n1.txt", "type": "attack", "lat": 35.05, "lon": 44.0}  # 5.6 km
    far = {"source": "n1.txt", "type": "attack", "lat": 35.2, "lon": 44.0}  # 22 km
    assert score_notes(rows, [near]).both == 1
    assert score_notes(rows, [far]).both == 0


@pytest.fixture(scope="module")
def corpus_predictions(spotter):
    """Extraction of the corpus pages twice: as read, and given the gold publication date."""
    as_read, given_date = [], []
    for art in GOLD:
        article = read_article(CORPUS / "articles" / art["file"])
        as_read += [e.to_json() for e in extract_events(article, spotter=spotter).events]
        pub = date.fromisoformat(art["published"]) if art.get("published") else None
        dated = replace(article, published=pub)
        given_date += [e.to_json() for e in extract_events(dated, spotter=spotter).events]
    return as_read, given_date


# Floors a little below what the extractor reaches (see README "Quality, measured"); the
# publication date is read by geo.articles, so extraction alone is also measured with the gold
# publication date given.
def test_corpus_pages_score_at_least_the_floor(corpus_predictions):
    as_read, given_date = corpus_predictions
    pages = score_articles(GOLD, as_read)
    assert pages.f1 >= 0.93, "\n".join(pages.lines)
    assert pages.published_right >= 46
    extraction = score_articles(GOLD, given_date)
    assert extraction.f1 >= 0.93, "\n".join(extraction.lines)
    assert extraction.fields["type"].f1 >= 0.95
    assert extraction.fields["place"].f1 >= 0.94


def test_confident_events_are_mostly_right(corpus_predictions):
    # calibration: events at confidence >= 0.7 match a gold event (one-to-one) >= 95 %
    as_read, _ = corpus_predictions
    confident = score_articles(GOLD, [p for p in as_read if p["confidence"] >= 0.7])
    assert confident.precision >= 0.95


def test_corpus_notes_placed_and_typed_at_least_the_floor(spotter):
    preds = []
    for row in NOTES:
        article = read_article(CORPUS / "notes" / row["file"])
        preds += [e.to_json() for e in extract_events(article, spotter=spotter).events]
    score = score_notes(NOTES, preds)
    assert score.both / score.notes >= 0.88, "\n".join(score.lines)


# A second development set (tests/data/dev4/): 14 pages and 30 notes in new outlets' layouts,
# written by a helper who had not read the code; its figures before and after the rules written
# on its misses are in the README ("Quality, measured"). Floors a little below what is reached.
DEV4 = Path(__file__).resolve().parents[1] / "data" / "dev4"


def test_second_dev_set_pages_and_notes_score_at_least_the_floor(spotter):
    gold = json.loads((DEV4 / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for art in gold:
        article = read_article(DEV4 / "articles" / art["file"])
        pages += [e.to_json() for e in extract_events(article, spotter=spotter).events]
    score = score_articles(gold, pages)
    assert score.f1 >= 0.9, "\n".join(score.lines)
    assert score.published_right >= 14
    confident = score_articles(gold, [p for p in pages if p["confidence"] >= 0.7])
    assert confident.precision >= 0.85, "\n".join(confident.lines)
    rows = list(csv.DictReader((DEV4 / "notes_gold.csv").read_text(encoding="utf-8").splitlines()))
    notes = []
    for row in rows:
        article = read_article(DEV4 / "notes" / row["file"])
        notes += [e.to_json() for e in extract_events(article, spotter=spotter).events]
    placed = score_notes(rows, notes)
    assert placed.both / placed.notes >= 0.95, "\n".join(placed.lines)

"""Homonym villages placed by the places the article names, not by the spotter's first guess."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer.geometry import distance_km
from geo.articles import Article
from geo.extract import extract_events


@pytest.mark.parametrize(
    ("text", "admin1", "near"),
    [
        (
            "Three soldiers were killed on Monday when militants attacked an army post in the "
            "village of Albu Sabah, east of Tuz Khurmatu in Salahaddin province.",
            "Salah Al-Din",
            "Tuz Khurmatu",
        ),
        (
            "Gunmen killed two shepherds on Sunday near Albu Sabah, a village of Tuz Khurmatu "
            "district.",
            "Salah Al-Din",
            "Tuz Khurmatu",
        ),
    ],
)
def test_village_namesake_is_the_one_in_the_area_the_text_names(spotter, text, admin1, near):
    article = Article(source="t.txt", text=text, published=date(2024, 10, 15))
    (event,) = extract_events(article, spotter=spotter).events
    assert event.admin1 == admin1
    anchor = spotter.gazetteer.resolve(near).place
    assert event.lat is not None
    assert distance_km(anchor, event) < 40

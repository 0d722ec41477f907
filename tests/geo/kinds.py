"""Run one kinds-of-language case: a short text and exactly the events it must yield.

The cases are in ``tests/data/kinds/*.json`` (see its README): ``text``, optional
``published`` (default 2023-03-14), ``note`` and ``events``, each a dict of the fields to check.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from gazetteer import Spotter
from geo.articles import article_from_text
from geo.extract import extract_events

SHOWN = ("type", "event_date", "place", "fatalities")


def _norm(text: object) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def place_matches(want: str, event: dict[str, Any]) -> bool:
    """The scorer's rule: a spelling contained in, or containing, a place, district or governorate."""
    names = [_norm(event.get(k)) for k in ("place", "admin2", "admin1") if event.get(k)]
    return any(_norm(want) in n or n in _norm(want) for n in names)


def assert_yields(spotter: Spotter, case: dict[str, Any], *, scorer_places: bool = False) -> None:
    """Assert that ``case["text"]`` yields exactly ``case["events"]``, in order.

    Every key of an expected event must be equal; with ``scorer_places`` a ``place`` is matched
    by the scorer's spelling rule (:func:`place_matches`) instead.
    """
    published = date.fromisoformat(case.get("published", "2023-03-14"))
    article = article_from_text(case["text"], source="kind.txt", published=published)
    events = [e.to_json() for e in extract_events(article, spotter=spotter).events]
    keys = dict.fromkeys([*SHOWN, *(k for want in case["events"] for k in want)])
    got = [{k: e.get(k) for k in keys} for e in events]
    assert len(events) == len(case["events"]), (case["note"], got)
    for want, event in zip(case["events"], events, strict=True):
        for key, value in want.items():
            if scorer_places and key == "place" and value is not None:
                assert place_matches(value, event), (case["note"], key, got)
            else:
                assert event.get(key) == value, (case["note"], key, got)

"""Kinds of reporting language, both polarities: who acts, verbs, plans, places and days.

The texts and their expected events are in ``tests/data/kinds/acting.json`` and
``context.json`` (same format as ``events.json``, see ``tests/data/kinds/README.md``).
``acting.json``: aircraft as the subject make an airstrike, insurgents as the subject of
"raided" an attack, insurgents killed in the forces' raid an operation; "executed", "fired
mortar rounds", "signed, in X, a protocol"; an operation "to be carried out" or "scheduled";
arrests "in different parts" of a province. ``context.json``: a town named after a road, the
relation words "adjoining" and "overlooking", "X, a village of the Y subdistrict", "X
province", the assailants who fled, the day told by the attackers named again, "combing the
area", a back-reference that places an event told in a province, a meeting retold, a
participle used as an adjective.
"""

import json

import pytest

from tests.conftest import DATA
from tests.geo.kinds import assert_yields

CASES = [
    case
    for name in ("acting.json", "context.json")
    for case in json.loads((DATA / "kinds" / name).read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['kind']}-{i}-{len(c['events'])}ev" for i, c in enumerate(CASES)]
)
def test_text_yields_exactly_the_expected_events(spotter, case):
    assert_yields(spotter, case)

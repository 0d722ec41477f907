"""The precomputed answers are exactly what the full resolver says (no stale shortcut)."""

import csv
import gzip
import random

import pytest

from gazetteer import Gazetteer, UnknownPlaceError
from gazetteer.answers import Answer, decode_answer, encode_answer, load_answers
from gazetteer.normalize import parse_query, spot_key
from gazetteer.shapes import load_shapes
from gazetteer.store import DATA_DIR, load_aliases, load_foreign, load_names, load_places
from tests.conftest import DATA

with (DATA / "geocode_cases.csv").open(encoding="utf-8", newline="") as _fh:
    CASES = list(csv.DictReader(_fh))


@pytest.fixture(scope="module")
def ranking_only(gaz: Gazetteer) -> Gazetteer:
    """The shipped data without its answers file: every query is ranked."""
    return Gazetteer(
        load_places(),
        load_names(),
        load_aliases(DATA_DIR / "aliases.csv"),
        load_shapes(DATA_DIR / "shapes.geojson"),
        foreign=load_foreign(DATA_DIR / "foreign.tsv.gz"),
    )


def _sample(gaz: Gazetteer) -> list[str]:
    rng = random.Random(10)
    names = [row.name for row in rng.sample(gaz.names, 400)]
    return [*names, "Kirkuk", "Makhmour", "Sinjar", "Qara Tapa", "Ra's as Sahl", "Taza"]


def test_shipped_gazetteer_has_answers(gaz):
    assert len(gaz.answers) > 60_000


def test_stored_answers_equal_full_ranking(gaz, ranking_only):
    for name in _sample(gaz):
        assert gaz.answers.get(spot_key(name)), name
        if _outcome(gaz, name, None)[0] == "not found":  # a stored miss
            assert _outcome(gaz, name, None) == _outcome(ranking_only, name, None), name
            continue
        fast = gaz.resolve(name)
        try:
            slow = ranking_only.resolve(name)
        except UnknownPlaceError:
            pytest.fail(f"{name!r} has a stored answer but ranks to nothing")
        assert (fast.place, fast.score, fast.method, fast.matched_name) == (
            slow.place,
            slow.score,
            slow.method,
            slow.matched_name,
        ), name
        assert [p.id for p, _ in fast.alternatives] == [p.id for p, _ in slow.alternatives]


@pytest.mark.parametrize(
    "answer",
    [
        Answer(3, 1.0, "exact", "Kirkuk", ()),
        Answer(17, 0.935, "transliteration", "Qarah Tabah", ((4, 1.0), (9, 0.9))),
    ],
)
def test_answer_line_round_trips(answer):
    assert decode_answer(encode_answer("spot form", answer)) == answer


def test_answers_built_with_another_alias_table_are_ignored(tmp_path):
    answers = tmp_path / "answers.tsv.gz"
    with gzip.open(answers, "wt", encoding="utf-8") as fh:
        fh.write("# aliases-sha256=0000\nkirkuk\t1\t1\texact\tKirkuk\t\n")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,place_id,source\n", encoding="utf-8")
    assert load_answers(answers, aliases) == {}


def _outcome(gaz: Gazetteer, name: str, hint: str | None) -> tuple[object, ...]:
    """Everything a caller sees of a resolution: the match's fields, or the not-found error."""
    try:
        m = gaz.resolve(name, hint=hint)
    except UnknownPlaceError as err:
        return ("not found", err.query, err.suggestions, err.reason)
    alts = [(p, round(q, 4)) for p, q in m.alternatives]
    return (m.place, round(m.score, 4), m.method, m.matched_name, alts, m.ambiguous)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['variant']}|{c['hint']}" for c in CASES])
def test_fast_path_and_full_cascade_give_the_same_answer(gaz, ranking_only, case):
    # The precomputed answers, the place table and the name keys serve the fast path; the
    # gazetteer without its answers file ranks every query through the full cascade.
    for hint in dict.fromkeys((None, case["hint"] or None)):
        assert _outcome(gaz, case["variant"], hint) == _outcome(
            ranking_only, case["variant"], hint
        ), (case["variant"], hint)


def test_fast_path_is_taken_for_known_names(gaz):
    # A known name with no context is answered from answers.tsv.gz, not ranked: the memo of
    # ranked queries stays untouched.
    before = len(gaz._memo)
    for name in ("Makhmur", "Kirkuk", "Mexmûr", "Tuz Khurmatu"):
        assert gaz.answers.get(spot_key(name)), name
        gaz.resolve(name)
    assert len(gaz._memo) == before


@pytest.mark.parametrize("name", ["Hasakah", "Homs", "Mashhad"])
def test_known_name_refused_on_purpose_is_a_stored_miss(gaz, ranking_only, name):
    # Neighbours' cities that are also Iraqi village names: stored as misses, with the
    # suggestions and reason the full cascade gives.
    line = gaz.answers.get(spot_key(name))
    assert line is not None
    assert line.split("\t")[1] == ""
    assert _outcome(gaz, name, None) == _outcome(ranking_only, name, None)
    assert _outcome(gaz, name, None)[0] == "not found"


def test_no_stored_answer_prefers_a_lookalike_to_a_place_bearing_the_name(gaz):
    # A bare name that some place bears exactly is never answered, with no context, by a
    # differently spelled look-alike ("Bebaz" is the Bebaz sub-district, not the town
    # Piwaz; "Hardi" the Kalar village, not Al Harithah in Basra).
    loose = []
    for spot, line in gaz.answers.items():
        if not line.split("\t")[1]:
            continue  # a stored miss
        answer = decode_answer(line)
        if answer.method not in ("transliteration", "fuzzy") or answer.score >= 0.95:
            continue
        query = parse_query(spot)
        if query.kind_hint is None and (query.key in gaz._exact or query.key in gaz._alias):
            loose.append(spot)
    assert not loose, loose[:20]

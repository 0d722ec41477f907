import pytest

from tests.geo.gold import GOLD_FILES, score_all, score_file


@pytest.fixture(scope="module")
def scored(spotter):
    return score_all(spotter)


@pytest.mark.parametrize("field", ["type", "date", "place"])
def test_precision_and_recall_on_gold_set_reach_target(scored, field):
    score, problems = scored
    assert score.gold >= 30
    assert score.precision(field) >= 0.9, problems
    assert score.recall(field) >= 0.9, problems


@pytest.mark.parametrize("rel", sorted(GOLD_FILES))
def test_each_gold_article_has_no_missed_or_spurious_event(spotter, rel):
    _, problems = score_file(rel, spotter)
    assert [p for p in problems if "missed" in p or "spurious" in p] == []

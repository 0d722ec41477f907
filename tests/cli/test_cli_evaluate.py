"""``kclmap evaluate`` and ``kclmap extract --min-confidence`` as a user meets them."""

import json

import pytest

from kclmap.cli import main
from tests.conftest import DATA, SEEDS

CORPUS = DATA / "corpus"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_evaluate_articles_prints_fields_confusion_misses_and_headline(capsys):
    code, out, _ = run(capsys, "evaluate", str(CORPUS / "gold.json"), str(CORPUS / "articles"))
    assert code == 0
    assert "field        precision  recall    F1" in out
    assert "gold/got" in out
    assert "MISS " in out or "EXTRA " in out
    assert out.strip().splitlines()[-1].startswith("events: recall ")


def test_evaluate_notes_reads_predictions_from_a_file(capsys, tmp_path):
    pred = tmp_path / "pred.jsonl"
    rows = [{"source": "n0001.txt", "type": "attack", "lat": 35.127, "lon": 44.017}]
    pred.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "evaluate",
        str(CORPUS / "notes_gold.csv"),
        str(CORPUS / "notes"),
        "--pred",
        str(pred),
        "-q",
    )
    assert code == 0
    assert out.strip() == "notes: placed and typed 0.5% (1/200), placed 0.5%, typed 0.5%"


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "neither a notes .csv nor JSON"), ('{"a": 1}', "expected a JSON list")],
)
def test_evaluate_bad_gold_is_one_line_and_exit_two(capsys, tmp_path, content, message):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(gold), str(tmp_path))
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_extract_min_confidence_keeps_only_confident_events(capsys):
    _, out_all, _ = run(capsys, "extract", str(SEEDS), "--json")
    code, out, err = run(capsys, "extract", str(SEEDS), "--json", "--min-confidence", "0.8")
    kept = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert all(e["confidence"] >= 0.8 for e in kept)
    assert 0 < len(kept) < len(out_all.splitlines())
    assert "below confidence 0.8" in err


def test_extract_min_confidence_outside_zero_one_is_refused(capsys):
    code, _, err = run(capsys, "extract", str(SEEDS), "--min-confidence", "7")
    assert code == 2
    assert "--min-confidence must be between 0 and 1" in err

"""Exit codes say whether anything was skipped; ``--strict`` makes any problem fatal."""

import json

import pytest
from geopy.exc import GeocoderUnavailable

from gazetteer import OnlineFallback
from tests.cli.conftest import ROBUST, kclmap


@pytest.fixture
def mixed(tmp_path):
    """A folder with one English and one French article."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("good.txt", "french.txt"):
        (folder / name).write_bytes((ROBUST / name).read_bytes())
    return folder


@pytest.mark.parametrize("command", ["extract", "build"])
def test_empty_input_folder_exits_one_and_says_so(capsys, tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [command, empty] + (["-o", tmp_path / "out"] if command == "build" else [])
    code, _, err = kclmap(capsys, *argv)
    assert code == 1
    assert "no article files" in err


@pytest.mark.parametrize(
    "content", [None, b"\x89PNG\r\n\x1a\n\x00\x00binary", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
)
def test_a_build_that_reads_no_article_leaves_the_earlier_build(capsys, tmp_path, content):
    out = tmp_path / "out"
    assert kclmap(capsys, "build", ROBUST / "good.txt", "-o", out)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    folder = tmp_path / "nothing"
    folder.mkdir()
    if content is not None:
        (folder / "scan.txt").write_bytes(content)
    code, _, err = kclmap(capsys, "build", folder, "-o", out)
    assert code == 1
    assert "nothing written" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("name", ["events.csv", "events.geojson", "events.gpkg"])
def test_a_table_named_as_an_article_is_refused_with_a_pointer_to_events(capsys, tmp_path, name):
    table = tmp_path / name
    table.write_text("event_id,type,event_date\nx1,attack,2024-01-02\n", encoding="utf-8")
    code, _, err = kclmap(capsys, "extract", table, "-o", tmp_path / "out.csv")
    assert code == 1
    assert "is a table, not an article" in err
    assert "--events" in err


@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_skipped_french_article_exits_one_and_the_rest_is_kept(capsys, tmp_path, mixed, command):
    out = tmp_path / "out"
    argv = [command, mixed, "-o", out if command == "build" else out.with_suffix(".csv")]
    code, _, err = kclmap(capsys, *argv)
    assert code == 1
    assert "french.txt: text does not look like English" in err
    assert "Traceback" not in err
    written = out / "events.geojson" if command == "build" else out.with_suffix(".csv")
    assert "Daquq" in written.read_text(encoding="utf-8")


def test_english_only_run_exits_zero(capsys, tmp_path):
    code, _, _ = kclmap(capsys, "build", ROBUST / "good.txt", "-o", tmp_path / "out")
    assert code == 0


@pytest.mark.parametrize("command", ["extract", "build"])
def test_strict_makes_a_skipped_article_fatal_and_writes_nothing(capsys, tmp_path, mixed, command):
    out = tmp_path / "out"
    target = out if command == "build" else out.with_suffix(".csv")
    code, stdout, err = kclmap(capsys, command, mixed, "-o", target, "--strict")
    assert code == 1
    assert "--strict: 1 problem(s), nothing written" in err
    assert not target.exists()
    assert stdout == ""


def test_strict_makes_an_unresolved_place_fatal(capsys, tmp_path):
    code, _, err = kclmap(
        capsys, "build", ROBUST / "hostile_names.txt", "-o", tmp_path / "out", "--strict"
    )
    assert code == 1
    assert "unresolved place 'Qaryat Zzq'" in err
    assert not (tmp_path / "out").exists()


def test_strict_run_without_problems_exits_zero(capsys, tmp_path):
    code, _, _ = kclmap(capsys, "extract", ROBUST / "good.txt", "--strict", "--json")
    assert code == 0


def test_max_events_refuses_a_map_too_big_before_writing(capsys, tmp_path):
    code, _, err = kclmap(
        capsys, "build", ROBUST / "hostile_names.txt", "-o", tmp_path / "out", "--max-events", "1"
    )
    assert code == 2
    assert "more than the 1 a map can show" in err
    assert not (tmp_path / "out").exists()


def test_max_bytes_skips_a_large_article_and_says_how_to_raise_it(capsys, tmp_path):
    code, _, err = kclmap(capsys, "extract", ROBUST / "good.txt", "--max-bytes", "10", "--json")
    assert code == 1
    assert "over the 10-byte limit (raise it with --max-bytes)" in err


class _DownNominatim:
    def __init__(self):
        self.calls = 0

    def __call__(self, query):
        self.calls += 1
        raise GeocoderUnavailable("Failed to establish a new connection: network is unreachable")


def test_geocode_online_without_network_still_answers_offline(capsys, tmp_path, monkeypatch):
    down = _DownNominatim()
    monkeypatch.setattr(
        "gazetteer.OnlineFallback",  # imported when the command runs
        lambda cache: OnlineFallback(tmp_path / "cache.json", geocode_fn=down),
    )
    code, out, err = kclmap(
        capsys, "geocode", "--online", "--json", "Wadi al-Shay", "Xqzzv Nowhere", "Kirkuk"
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1  # a name was not found
    assert [r.get("name") for r in rows] == [None, None, "Kirkuk"]
    assert [r.get("error") for r in rows[:2]] == ["not found", "not found"]
    assert down.calls == 1  # the service is not asked again once it failed
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "online fallback failed (GeocoderUnavailable" in lines[0]
    assert "Traceback" not in err


def test_build_online_without_network_still_builds(capsys, tmp_path, monkeypatch):
    down = _DownNominatim()
    monkeypatch.setattr(
        "gazetteer.OnlineFallback",
        lambda cache: OnlineFallback(tmp_path / "cache.json", geocode_fn=down),
    )
    code, _, err = kclmap(
        capsys, "build", ROBUST / "hostile_names.txt", "-o", tmp_path / "out", "--online"
    )
    assert code == 0
    assert "online geocoding unavailable, kept the offline answers" in err
    assert (tmp_path / "out" / "map.html").exists()


def test_an_extraction_bug_on_one_article_costs_only_that_article(capsys, tmp_path, monkeypatch):
    import geo.pipeline

    real = geo.pipeline.extract_events

    def broken_on_french(article, **kwargs):
        if article.source.endswith("french.txt"):
            raise IndexError("list index out of range")
        return real(article, **kwargs)

    monkeypatch.setattr(geo.pipeline, "extract_events", broken_on_french)
    # the CLI extracts through the engine's work unit (geo.engine.work)
    import geo.engine.work

    monkeypatch.setattr(geo.engine.work, "extract_events", broken_on_french)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("good.txt", "french.txt"):
        (folder / name).write_bytes((ROBUST / name).read_bytes())
    code, out, err = kclmap(capsys, "extract", folder, "--json")
    assert code == 1
    assert "french.txt: extraction failed (IndexError: list index out of range)" in err
    assert "internal error" not in err
    assert [json.loads(line)["place"] for line in out.splitlines()] == ["Daquq"]

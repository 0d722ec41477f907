"""The command line as a user meets it: exit codes, one-line errors, JSON contracts."""

import json
import subprocess
import sys

import pytest

from kclmap.cli import main
from tests.conftest import DATA, SEEDS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_geocode_json_has_the_contract_keys(capsys):
    code, out, _ = run(capsys, "geocode", "--json", "Makhmour", "Qara Tapa")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    keys = {"query", "name", "lat", "lon", "kind", "admin1", "admin2", "precision_km", "score"}
    assert all(keys <= set(r) for r in rows)
    assert rows[0]["name"] == "Makhmur"


def test_geocode_not_found_line_and_exit_one_after_all_names(capsys):
    code, out, _ = run(capsys, "geocode", "--json", "Xqzzv Nowhere", "Kirkuk")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert lines[0]["error"] == "not found"
    assert isinstance(lines[0]["suggestions"], list)
    assert lines[1]["name"] == "Kirkuk"


def test_geocode_reads_names_from_a_file(capsys, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Kerkûk\n\nSlemani\n", encoding="utf-8")
    code, out, _ = run(capsys, "geocode", "--file", str(names), "--json")
    assert code == 0
    assert [json.loads(x)["name"] for x in out.splitlines()] == ["Kirkuk", "Sulaymaniyah"]


def test_geocode_hint_pulls_homonym(capsys):
    _, out, _ = run(capsys, "geocode", "--json", "--hint", "Kirkuk", "Qarah Tabbah")
    assert json.loads(out)["admin1"] == "Kirkuk"


@pytest.mark.parametrize(
    ("options", "name", "admin2"),
    [
        (["--hint", "Sala al-Din"], "Palkana", "Tooz Khurmato"),
        (["--hint-district", "Daquq"], "Tobzawa", "Daquq"),
        (["--hint-district", "Koysinjaq"], "Topzawa", "Koysinjaq"),
    ],
)
def test_geocode_hint_forms_and_district_hint(capsys, options, name, admin2):
    code, out, _ = run(capsys, "geocode", "--json", *options, name)
    assert code == 0
    assert json.loads(out)["admin2"] == admin2


@pytest.mark.parametrize(
    ("option", "value"), [("--hint", "Atlantis"), ("--hint-district", "Nowhere Qadha")]
)
def test_geocode_unknown_hint_is_one_line_error(capsys, option, value):
    code, out, err = run(capsys, "geocode", option, value, "Kirkuk")
    assert code == 2
    assert value in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def test_geocode_foreign_names_are_not_found_with_suggestions(capsys):
    # Case 11: none of these is in Iraq, so none may come back as an Iraqi village.
    code, out, _ = run(capsys, "geocode", "--json", "Ankara", "Kobani", "Afrin")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r.get("error") for r in rows] == ["not found"] * 3
    assert all(r["suggestions"] for r in rows)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Paris", "city in France"),
        ("Qamishli", "city in Syria"),
        ("Xqzzv Nowhere", None),
    ],
)
def test_geocode_says_why_a_neighbours_city_is_not_found(capsys, name, reason):
    _, out, _ = run(capsys, "geocode", "--json", name)
    row = json.loads(out)
    assert row["error"] == "not found"
    assert (reason in row["reason"]) if reason else row["reason"] is None
    _, out, _ = run(capsys, "geocode", name)
    assert (reason in out) if reason else ": " not in out.split("(")[0]


def test_places_lists_mentions_with_offsets(capsys):
    seed = next(SEEDS.glob("002_*"))
    code, out, _ = run(capsys, "places", str(seed), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    text = seed.read_text(encoding="utf-8")
    assert code == 0
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert "Makhmur" in {r["text"] for r in rows}


def test_extract_json_lines_have_the_contract_keys(capsys):
    code, out, _ = run(capsys, "extract", str(SEEDS), "--json")
    keys = {
        "event_id",
        "type",
        "joint",
        "event_date",
        "date_precision",
        "place",
        "lat",
        "lon",
        "admin1",
        "actor1",
        "actor2",
        "fatalities",
        "source",
        "published",
        "quote",
        "confidence",
    }
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert rows
    assert all(keys <= set(r) for r in rows)


def test_extract_skips_bad_files_keeps_the_rest_and_exits_one(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(
        "published: 2023-01-01\n\nISIS militants attacked a "
        "checkpoint near Daquq on Monday, killing a soldier."
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x00")
    code, out, err = run(capsys, "extract", str(tmp_path), "--json")
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "is empty" in err
    assert "looks binary" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "/no/such/dir"], "does not exist"),
        (["enrich", "/no/such.geojson", "-o", "x.geojson"], "does not exist"),
        (["build", "-o", "out"], "nothing to map"),
        (["extract", str(DATA / "articles"), "-o", "events.shp"], ".gpkg or .csv"),
        (["geocode"], "no names given"),
        (["zones", "-o", "z", "--band-km", "-5"], "above 0"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_date_option_is_one_line_and_exit_two(capsys):
    code, _, err = run(capsys, "extract", str(SEEDS), "--published", "yesterday")
    assert code == 2
    assert "YYYY-MM-DD" in err
    assert len(err.strip().splitlines()) == 1


def test_enrich_and_stats_round_trip(capsys, tmp_path):
    events = tmp_path / "e.gpkg"
    assert run(capsys, "extract", str(SEEDS), "-o", str(events))[0] == 0
    assert run(capsys, "enrich", str(events), "-o", str(tmp_path / "en.geojson"))[0] == 0
    code, out, _ = run(capsys, "stats", str(tmp_path / "en.geojson"), "--json")
    tables = json.loads(out)
    assert code == 0
    assert {"by_district_type_month", "by_distance_band"} <= set(tables)


def test_build_from_an_edited_events_file(capsys, tmp_path):
    events = tmp_path / "e.csv"
    run(capsys, "extract", str(SEEDS), "-o", str(events))
    code, _, err = run(capsys, "build", "--events", str(events), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "map.html" in err
    assert (tmp_path / "out" / "kclmap.gpkg").exists()


def test_build_refuses_a_file_as_output_directory(capsys, tmp_path):
    target = tmp_path / "file"
    target.write_text("keep me")
    code, _, err = run(capsys, "build", str(SEEDS), "-o", str(target))
    assert code == 2
    assert "not a directory" in err
    assert target.read_text() == "keep me"


def test_module_entry_point_and_help():
    out = subprocess.run(
        [sys.executable, "-m", "kclmap", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("geocode", "places", "extract", "zones", "enrich", "stats", "build", "report"):
        assert command in out.stdout


@pytest.mark.parametrize(
    ("only", "files"),
    [
        ("map", {"map.html"}),
        ("map,gpkg", {"map.html", "kclmap.gpkg"}),
        ("report", {"report.html"}),
        ("static,stats", {"map.png", "map.svg", "stats.json"}),
    ],
)
def test_build_only_writes_the_outputs_asked_for(capsys, tmp_path, only, files):
    out = tmp_path / "out"
    code, _, _ = run(
        capsys, "build", "--events", str(DATA / "map_events.csv"), "-o", str(out), "--only", only
    )
    assert code == 0
    # unresolved.csv, the place names to check, comes with every build
    assert {p.name for p in out.iterdir()} == files | {"unresolved.csv"}


def test_build_only_refuses_an_unknown_output(capsys, tmp_path):
    argv = ["build", "--events", str(DATA / "map_events.csv"), "-o", str(tmp_path)]
    assert main([*argv, "--only", "map,pdf"]) == 2
    assert "expected a comma-separated list of" in capsys.readouterr().err


def test_build_counts_region_wide_events_apart(capsys, tmp_path):
    # map_events.csv: Garmiyan (region), Kirkuk governorate, the disputed territories; one unplaced
    code, _, err = run(
        capsys,
        "build",
        "--events",
        str(DATA / "map_events.csv"),
        "-o",
        str(tmp_path),
        "--only",
        "map",
    )
    assert code == 0
    assert "1 without coordinates; 3 placed only to a region or governorate" in err

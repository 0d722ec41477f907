"""ACLED and UCDP tables through the command line: import, build, enrich, stats, report."""

import contextlib
import io
import json
import sqlite3

import pyogrio
import pytest

from kclmap.cli import main
from tests.conftest import DATA, SEEDS

TABLES = DATA / "datasets"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    """One build from the seed articles, an ACLED export and a UCDP GED file."""
    out = tmp_path_factory.mktemp("mixed")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(
            [
                "build",
                str(SEEDS),
                "--events",
                str(TABLES / "acled_current.csv"),
                "--events",
                str(TABLES / "ucdp_ged.csv"),
                "-o",
                str(out),
            ]
        )
    return code, out, err.getvalue()


@pytest.mark.parametrize(
    ("fmt", "name", "count", "dataset"),
    [
        ("auto", "acled_current.csv", 6, "acled"),
        ("acled", "acled_api.json", 2, "acled"),
        ("acled-legacy", "acled_legacy.csv", 5, "acled"),
        ("ucdp", "ucdp_ged.csv", 3, "ucdp"),
    ],
)
def test_import_writes_a_kclmap_events_file(capsys, tmp_path, fmt, name, count, dataset):
    target = tmp_path / "events.gpkg"
    code, _, err = run(capsys, "import", fmt, TABLES / name, "-o", target)
    assert code == 0
    assert f"wrote {count} event(s) ({count} {dataset})" in err
    frame = pyogrio.read_dataframe(target, layer="events")
    assert len(frame) == count
    assert set(frame["dataset"]) == {dataset}


def test_import_refuses_a_table_of_another_format(capsys, tmp_path):
    code, _, err = run(
        capsys, "import", "ucdp", TABLES / "acled_current.csv", "-o", tmp_path / "x.gpkg"
    )
    assert code == 2
    assert err.count("\n") == 1
    assert "is not a ucdp table: it lacks the column(s) best, date_start, id," in err
    assert "it looks like acled: use FORMAT acled or auto" in err


def test_extract_acled_layout_round_trips_through_import(capsys, tmp_path):
    acled = tmp_path / "acled.csv"
    code, _, _ = run(capsys, "extract", SEEDS, "-o", acled, "--schema", "acled")
    assert code == 0
    assert acled.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,year,")
    code, _, err = run(capsys, "import", "acled", acled, "-o", tmp_path / "back.csv")
    assert code == 0
    from geo.gisio import read_events

    back = read_events(tmp_path / "back.csv")
    original = [
        json.loads(line) for line in run(capsys, "extract", SEEDS, "--json")[1].splitlines()
    ]
    assert list(back["event_id"]) == [o["event_id"] for o in original]
    assert list(back["type"]) == [o["type"] for o in original]
    # kclmap's own rows, recognised by their KCL- ids
    assert f"({len(original)} kclmap)" in err


def test_mixed_build_maps_every_dataset_and_links_them(mixed_build):
    code, out, err = mixed_build
    assert code == 0
    events = json.loads((out / "events.geojson").read_text())["features"]
    own = sum(f["properties"]["dataset"] == "kclmap" for f in events)
    assert f"datasets: {own} kclmap, 6 acled, 3 ucdp" in err
    # seed 002: the Dec 2 Makhmour attack and the Nov 27 roadside bomb near Kulajo (issue 9: an
    # attack, typed operation before) are both in the ACLED table
    assert "2 of the 2 extracted attacks are also in ACLED" in err
    events = json.loads((out / "events.geojson").read_text())["features"]
    props = {f["properties"]["event_id"]: f["properties"] for f in events}
    assert {p["dataset"] for p in props.values()} == {"kclmap", "acled", "ucdp"}
    assert props["d5a561dab78c0316"]["same_as"] == "acled:IRQ90001; ucdp:900001"
    # The same zones and enrichment for every source.
    for key in ("acled:IRQ90001", "ucdp:900001", "d5a561dab78c0316"):
        assert props[key]["side"] in ("krg", "federal")
        assert props[key]["dist_to_line_km"] is not None


def _attack_overlap(out, dataset):
    """(linked, total) kclmap attacks of a mixed build, counted from its events file."""
    feats = json.loads((out / "events.geojson").read_text())["features"]
    attacks = [
        f["properties"]
        for f in feats
        if f["properties"]["dataset"] == "kclmap" and f["properties"]["type"] == "attack"
    ]
    linked = [p for p in attacks if f"{dataset}:" in (p.get("same_as") or "")]
    return len(linked), len(attacks)


def test_mixed_build_states_the_overlap_in_stats_json(mixed_build):
    _, out, _ = mixed_build
    stats = json.loads((out / "stats.json").read_text())
    linked, total = _attack_overlap(out, "ucdp")
    assert linked >= 1  # the IS attack near Makhmur on 2 December 2021 is in UCDP's rows
    noun = "attack is" if total == 1 else "attacks are"
    assert f"{linked} of the {total} extracted {noun} also in UCDP" in stats["cross_source"]


def test_enrich_links_a_file_holding_several_datasets(capsys, mixed_build, tmp_path):
    _, out, _ = mixed_build
    code, _, err = run(capsys, "enrich", out / "events.geojson", "-o", tmp_path / "e.csv")
    assert code == 0
    linked, total = _attack_overlap(out, "acled")
    assert linked >= 1
    noun = "attack is" if total == 1 else "attacks are"
    assert f"{linked} of the {total} extracted {noun} also in ACLED" in err


def test_build_writes_geopackage_1_2(mixed_build):
    _, out, _ = mixed_build
    con = sqlite3.connect(out / "kclmap.gpkg")
    try:
        (version,) = con.execute("PRAGMA user_version").fetchone()
    finally:
        con.close()
    assert version == 10200  # GeoPackage 1.2.0: QGIS 3.22 / GDAL 3.6 open it without warnings


@pytest.mark.parametrize("name", ["acled_current.csv", "acled_legacy.csv", "ucdp_ged.csv"])
def test_enrich_and_stats_take_acled_and_ucdp_files(capsys, tmp_path, name):
    target = tmp_path / "enriched.geojson"
    code, _, err = run(capsys, "enrich", TABLES / name, "-o", target)
    assert code == 0
    assert f"note: {name}: read as " in err
    features = json.loads(target.read_text())["features"]
    assert all("dist_to_line_km" in f["properties"] for f in features)
    code, out, _ = run(capsys, "stats", TABLES / name, "--json")
    assert code == 0
    tables = json.loads(out)
    assert sum(r["events"] for r in tables["by_distance_band"]) == len(features)


def test_report_takes_a_ucdp_file(capsys, tmp_path):
    target = tmp_path / "report.html"
    code, _, _ = run(capsys, "report", TABLES / "ucdp_ged.csv", "-o", target)
    assert code == 0
    assert "IS attack near Makhmour kills Peshmerga" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("case", "count", "note"),
    [
        (
            "17-blank-ids-dropped/events_edited.csv",
            21,
            "2 row(s) without an event_id were given one",
        ),
        ("18-excel-ansi-csv/events_excel_ansi.csv", 19, "read as Windows-1252"),
    ],
)
def test_spreadsheet_cases_are_read_with_a_note(capsys, tmp_path, case, count, note):
    target = tmp_path / "e.geojson"
    code, _, err = run(capsys, "enrich", DATA / "cases" / case, "-o", target)
    assert code == 0
    assert note in err
    assert len(json.loads(target.read_text())["features"]) == count


def test_edited_file_wins_over_the_articles_it_came_from():
    from geo.gisio import read_events
    from geo.readers import EventTable
    from kclmap.cmd_import import combine

    articles = read_events(TABLES / "kclmap_events.csv")
    deleted = articles["event_id"].iloc[0]
    edited = articles.iloc[1:].copy()
    edited.loc[edited.index[0], "type"] = "attack"  # an edit
    others = articles[articles["source"] != articles["source"].iloc[0]]
    new_article = articles[articles["source"] == articles["source"].iloc[0]]
    # The user deleted one row and edited another: neither comes back from the articles.
    events, notes = combine(articles, [EventTable(edited, "kclmap")])
    assert deleted not in set(events["event_id"])
    assert events.set_index("event_id").loc[edited["event_id"].iloc[0], "type"] == "attack"
    assert len(events) == len(articles) - 1
    assert any("the edited file wins" in n for n in notes)
    # An article the edited file does not cover keeps all its events.
    events, _ = combine(articles, [EventTable(others, "kclmap")])
    assert set(new_article["event_id"]) <= set(events["event_id"])


def test_edited_file_wins_however_the_article_path_is_written(monkeypatch):
    from geo.gisio import read_events
    from geo.readers import EventTable
    from kclmap.cmd_import import combine

    monkeypatch.chdir(DATA.parent.parent)  # the fixture's sources are "seeds/..." from the root
    articles = read_events(TABLES / "kclmap_events.csv")
    articles["source"] = "./" + articles["source"]  # the same files, named another way
    edited = read_events(TABLES / "kclmap_events.csv").iloc[1:]
    events, _ = combine(articles, [EventTable(edited, "kclmap")])
    assert len(events) == len(edited)


def test_import_picks_a_geopackage_layer(capsys, tmp_path):
    source = tmp_path / "two.gpkg"
    code, _, _ = run(capsys, "import", "kclmap", TABLES / "kclmap_events.csv", "-o", source)
    assert code == 0
    events = pyogrio.read_dataframe(source, layer="events")
    pyogrio.write_dataframe(events, source, layer="copy", append=True)
    code, _, err = run(
        capsys, "import", "auto", source, "--layer", "copy", "-o", tmp_path / "c.csv"
    )
    assert code == 0
    assert f"wrote {len(events)} event(s)" in err


def test_one_unreadable_events_file_does_not_cost_the_others(capsys, tmp_path):
    bad = tmp_path / "broken.csv"
    bad.write_text("name,value\nx,1\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "build", "--events", bad, "--events", TABLES / "acled_current.csv", "-o", out
    )
    assert code == 1
    assert f"skipped {bad}: " in err
    assert "lacks the column(s)" in err
    features = json.loads((out / "events.geojson").read_text())["features"]
    assert len(features) == 6


def test_no_readable_events_file_is_an_error(capsys, tmp_path):
    bad = tmp_path / "broken.csv"
    bad.write_text("name,value\nx,1\n", encoding="utf-8")
    code, _, err = run(capsys, "build", "--events", bad, "-o", tmp_path / "out")
    assert code == 2
    assert "no events file could be read" in err


def test_stats_of_a_mixed_file_counts_the_shared_events(capsys, mixed_build):
    _, out, _ = mixed_build
    code, stdout, _ = run(capsys, "stats", out / "events.geojson", "--json")
    assert code == 0
    linked, total = _attack_overlap(out, "acled")
    noun = "attack is" if total == 1 else "attacks are"
    assert (
        f"{linked} of the {total} extracted {noun} also in ACLED"
        in json.loads(stdout)["cross_source"]
    )


def test_same_file_given_twice_is_mapped_once_with_a_note():
    from geo.readers import read_table
    from kclmap.cmd_import import combine

    table = read_table(TABLES / "acled_current.csv")
    events, notes = combine(None, [table, table])
    assert len(events) == len(table.frame)
    assert any("6 row(s) repeated an event_id of a later input" in n for n in notes)


def test_mixed_map_groups_refer_to_layers_that_exist(mixed_build):
    # The dataset layer control names its layers by JS variable; stable ids renumber them.
    import re

    _, out, _ = mixed_build
    html = (out / "map.html").read_text(encoding="utf-8")
    start = re.search(r"L\.control\.groupedLayers\(\s*null", html)
    assert start is not None
    control = html[start.end() : html.index("</script>", start.end())]
    referenced = set(re.findall(r"feature_group_[0-9a-f]{32}", control))
    assert referenced
    defined = set(re.findall(r"var (feature_group_[0-9a-f]{32}) =", html))
    assert referenced <= defined

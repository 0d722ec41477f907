"""The scaling options as a user meets them: jobs, cache, problems list, fail fast, start-up."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys

import pytest

from kclmap.cli import main
from tests.conftest import DATA, ROOT, SEEDS

HEAVY = (
    "geo",
    "gazetteer",
    "geopandas",
    "pandas",
    "shapely",
    "folium",
    "matplotlib",
    "pyogrio",
    "dask",
    "rich",
)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for src in [*SEEDS.iterdir(), *(DATA / "articles").iterdir()]:
        shutil.copy(src, folder / src.name)
    return folder


def test_importing_the_cli_loads_no_heavy_library():
    code = f"import sys, kclmap.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["extract", "--help"],
        ["build", "--help"],
        ["enrich", "--help"],
        ["extract", "x.txt", "--jobs", "0"],  # an argument error
    ],
)
def test_help_and_argument_errors_load_no_heavy_library(argv):
    code = (
        "import sys\nfrom kclmap.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT
    )
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_jobs_two_writes_the_file_jobs_one_writes(capsys, articles, tmp_path):
    outputs, codes = [], []
    for jobs in (1, 2):
        target = tmp_path / f"events{jobs}.csv"
        code, _, _ = run(capsys, "extract", articles, "-o", target, "--jobs", jobs, "--no-cache")
        codes.append(code)
        outputs.append(target.read_bytes())
    assert codes[0] == codes[1] in (0, 1)  # 1: the Arabic-script test article is skipped
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") > 20


def test_rerun_takes_every_article_from_the_cache(capsys, articles, tmp_path):
    argv = ["extract", articles, "-o", tmp_path / "e.gpkg", "--cache-dir", tmp_path / "cache"]
    run(capsys, *argv)
    first = (tmp_path / "e.gpkg").stat().st_size
    code, _, err = run(capsys, *argv)
    assert code in (0, 1)  # 1: the Arabic-script test article is skipped
    assert re.search(r"\b(\d+) article\(s\) \(\1 from the cache\)", err)
    assert (tmp_path / "e.gpkg").stat().st_size == first


def _edit_article(folder, tmp_path):
    first = sorted(folder.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nUpdated.\n", encoding="utf-8")


def _new_article(folder, tmp_path):
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], folder / "zz_new.txt")


def _touch_output(folder, tmp_path):
    (tmp_path / "e.gpkg").write_bytes(b"")


def _remove_problems(folder, tmp_path):
    (tmp_path / "e.problems.csv").unlink()


@pytest.mark.parametrize(
    ("change", "extra"),
    [
        (None, []),
        (_edit_article, []),
        (_new_article, []),
        (_touch_output, []),
        (_remove_problems, []),
        (None, ["--min-confidence", "0.5"]),
        (None, ["--no-cache"]),
    ],
    ids=[
        "unchanged",
        "edited",
        "grown",
        "output-changed",
        "problems-removed",
        "option",
        "no-cache",
    ],
)
def test_rerun_writes_again_only_when_something_changed(capsys, articles, tmp_path, change, extra):
    argv = ["extract", articles, "-o", tmp_path / "e.gpkg", "--cache-dir", tmp_path / "cache"]
    first_code, _, _ = run(capsys, *argv)
    assert (tmp_path / "e.problems.csv").exists()  # the Arabic-script article is listed
    if change is not None:
        change(articles, tmp_path)
    before = (tmp_path / "e.gpkg").stat().st_mtime_ns
    code, _, err = run(capsys, *argv, *extra)
    unchanged = change is None and not extra
    assert ("nothing changed since the last run" in err) is unchanged
    assert ((tmp_path / "e.gpkg").stat().st_mtime_ns == before) is unchanged
    assert (tmp_path / "e.problems.csv").exists()
    if unchanged:  # the last run's summary is told again, with its exit code
        assert code == first_code
        assert re.search(r"\b(\d+) article\(s\) \(\1 from the cache\)", err)
        assert "wrote " not in err


def test_run_with_an_unreadable_file_is_never_taken_as_unchanged(capsys, articles, tmp_path):
    limit = max(p.stat().st_size for p in articles.iterdir()) + 1
    (articles / "huge.txt").write_text("Kirkuk. " * limit, encoding="utf-8")  # over the limit
    argv = ["extract", articles, "-o", tmp_path / "e.csv", "--cache-dir", tmp_path / "cache"]
    argv += ["--max-bytes", limit]
    run(capsys, *argv)
    _, _, err = run(capsys, *argv)
    assert "nothing changed" not in err
    assert "huge.txt" in err


def test_an_article_that_failed_once_is_tried_again(capsys, articles, tmp_path, monkeypatch):
    from geo.engine import work

    real = work.extract_events
    victim = sorted(articles.glob("*.txt"))[0].name

    def flaky(article, **kwargs):
        if article.source.endswith(victim):
            raise MemoryError("transient")
        return real(article, **kwargs)

    argv = ["extract", articles, "-o", tmp_path / "e.csv", "--cache-dir", tmp_path / "cache"]
    monkeypatch.setattr(work, "extract_events", flaky)
    _, _, err = run(capsys, *argv, "--jobs", "1")
    assert "extraction failed" in err
    monkeypatch.setattr(work, "extract_events", real)
    _, _, err = run(capsys, *argv, "--jobs", "1")
    assert "nothing changed" not in err
    assert "extraction failed" not in err


@pytest.mark.parametrize(
    ("problems", "message"),
    [("e.csv", "is the events output itself"), ("p.txt", "is a .csv file")],
)
def test_problems_list_must_be_a_csv_apart_from_the_output(capsys, tmp_path, problems, message):
    out = tmp_path / "e.csv"
    code, _, err = run(capsys, "extract", SEEDS, "-o", out, "--problems", tmp_path / problems)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("content", [None, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"])
def test_a_run_that_reads_no_article_leaves_the_earlier_output(capsys, tmp_path, content):
    out = tmp_path / "e.gpkg"
    assert run(capsys, "extract", SEEDS, "-o", out, "--no-cache")[0] == 0
    before = out.read_bytes()
    folder = tmp_path / "nothing"
    folder.mkdir()
    if content is not None:
        (folder / "scan.txt").write_bytes(content)
    code, _, err = run(capsys, "extract", folder, "-o", out, "--no-cache")
    assert code == 1
    assert "nothing written" in err
    assert out.read_bytes() == before


def test_an_unusable_cache_is_reported_once(capsys, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "extract.sqlite").write_bytes(b"this is not a database" * 100)
    argv = ["extract", SEEDS, "-o", tmp_path / "e.csv", "--cache-dir", cache]
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert err.count("running without the cache") == 1


def test_no_cache_extracts_again(capsys, articles, tmp_path):
    argv = ["extract", articles, "-o", tmp_path / "e.csv", "--cache-dir", tmp_path / "cache"]
    run(capsys, *argv)
    _, _, err = run(capsys, *argv, "--no-cache")
    assert "from the cache" not in err


def test_repeated_warning_is_one_line_and_problems_csv_lists_each(capsys, tmp_path):
    undated = (DATA / "articles" / "a04_no_date.txt").read_text(encoding="utf-8")
    folder = tmp_path / "undated"
    folder.mkdir()
    for i in range(3):  # three different articles, none dated
        (folder / f"{i}.txt").write_text(undated + f"\nUpdate {i}.\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", folder, "-o", tmp_path / "e.csv", "--no-cache")
    assert code == 0
    lines = [ln for ln in err.splitlines() if "no publication date" in ln]
    assert len(lines) == 1
    assert lines[0].startswith("warning x3: ")
    assert str(tmp_path / "e.problems.csv") in lines[0]
    with (tmp_path / "e.problems.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    dated = [r for r in rows if "no publication date" in r["message"]]
    assert sorted(r["source"] for r in dated) == [str(folder / f"{i}.txt") for i in range(3)]


def test_build_writes_problems_csv_in_the_output_folder(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("002_*")), folder / "a.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "build", folder, "-o", tmp_path / "out", "--no-cache")
    assert code == 1
    with (tmp_path / "out" / "problems.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"kind": "skipped", "source": str(folder / "empty.txt")}.items() <= rows[0].items()
    assert "skipped" in err


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("events.shp", "use a .geojson, .gpkg or .csv"),
        ("a_file/events.gpkg", "is not a directory"),
    ],
)
def test_bad_output_fails_before_any_article_is_read(capsys, tmp_path, output, message):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    cache = tmp_path / "cache"
    code, out, err = run(capsys, "extract", SEEDS, "-o", tmp_path / output, "--cache-dir", cache)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert not cache.exists()  # nothing was looked up, let alone extracted


def test_build_into_a_file_fails_before_extraction(capsys, tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    cache = tmp_path / "cache"
    code, _, err = run(capsys, "build", SEEDS, "-o", tmp_path / "taken", "--cache-dir", cache)
    assert code == 2
    assert "not a directory" in err
    assert not cache.exists()


def test_scheduler_needs_the_dask_engine(capsys, tmp_path):
    code, _, err = run(capsys, "extract", SEEDS, "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2
    assert "--scheduler needs --engine dask" in err


@pytest.mark.parametrize("flag", ["--quiet", None])
def test_no_progress_bar_when_quiet_or_not_a_terminal(capsys, tmp_path, flag):
    argv = ["extract", SEEDS, "-o", tmp_path / "e.csv"] + ([flag] if flag else [])
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert "extracting" not in err
    assert "\x1b[" not in err  # no terminal control sequences


def test_json_lines_stream_to_stdout(capsys):
    code, out, _ = run(capsys, "extract", SEEDS, "--json", "--jobs", "1")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len({r["event_id"] for r in rows}) == len(rows) > 5


def test_import_formats_are_the_readers_formats():
    from geo.datasets import FORMATS
    from kclmap import cmd_import

    assert cmd_import.FORMATS == FORMATS


def test_default_max_bytes_is_the_readers_limit():
    from geo.articles import DEFAULT_MAX_BYTES
    from kclmap import cmd_extract

    assert cmd_extract.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


def test_enrich_reads_and_writes_geoparquet(capsys, tmp_path):
    import geopandas as gpd

    from geo.gisio import read_events

    events = tmp_path / "events.gpkg"
    run(capsys, "extract", SEEDS, "-o", events)
    assert run(capsys, "enrich", events, "-o", tmp_path / "enriched.parquet")[0] == 0
    assert (
        run(capsys, "enrich", tmp_path / "enriched.parquet", "-o", tmp_path / "again.gpkg")[0] == 0
    )
    parquet = gpd.read_parquet(tmp_path / "enriched.parquet")
    again = read_events(tmp_path / "again.gpkg")
    assert list(parquet["event_id"]) == list(again["event_id"])
    assert list(parquet["side"]) == list(again["side"])
    assert parquet["event_date"].iloc[0] == again["event_date"].iloc[0]


def test_dask_enrich_needs_geoparquet(capsys, tmp_path):
    events = tmp_path / "events.gpkg"
    run(capsys, "extract", SEEDS, "-o", events)
    code, _, err = run(capsys, "enrich", events, "-o", tmp_path / "e.gpkg", "--engine", "dask")
    assert code == 2
    assert "GeoParquet" in err

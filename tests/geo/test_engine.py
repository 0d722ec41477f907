"""The extraction engine: same events on any number of workers, streamed, cached, written."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import geo.engine.cache as cache_module
from geo.engine import (
    EventSink,
    ExtractionCache,
    ExtractOptions,
    LocalEngine,
    RunReport,
    check_events_path,
    extractor_version,
    iter_event_batches,
)
from geo.engine.cache import cache_key
from geo.errors import InputError
from geo.gisio import read_events, write_events
from geo.pipeline import extract_with_report
from geo.table import events_to_frame
from tests.conftest import DATA, SEEDS

ARTICLES = DATA / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and the test articles (19 files, one sidecar) in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for src in [*SEEDS.iterdir(), *ARTICLES.iterdir()]:
        shutil.copy(src, folder / src.name)
    return folder


def run(paths, engine, cache=None, options=None, flush_every=256):
    report = RunReport()
    batches = list(
        iter_event_batches(
            paths, report, engine=engine, cache=cache, options=options, flush_every=flush_every
        )
    )
    return [e for b in batches for e in b], report, batches


class CountingEngine(LocalEngine):
    """A one-process engine that remembers which files it was asked to extract."""

    def __init__(self, **kwargs):
        super().__init__(1, **kwargs)
        self.asked: list[str] = []

    def map(self, sources, options):
        self.asked += list(sources)
        return super().map(sources, options)


@pytest.fixture(scope="module")
def reference(corpus, spotter):
    events, report, _ = run([corpus], LocalEngine(1))
    return events, report


def test_one_worker_gives_the_events_of_extract_with_report(corpus, spotter, reference):
    frame, _ = extract_with_report([corpus], spotter=spotter)
    events, _ = reference
    assert events_to_frame(events).equals(frame)


@pytest.mark.parametrize(
    ("jobs", "batch_size"),
    [
        (2, None),  # a real pool of two processes
        (2, 3),  # many small batches through the pool
        (1, 1),  # one article per batch in this process
    ],
)
def test_workers_and_batches_keep_rows_ids_and_order(corpus, reference, jobs, batch_size):
    with LocalEngine(jobs, batch_size=batch_size, min_parallel=1) as engine:
        events, report, _ = run([corpus], engine)
    expected, expected_report = reference
    assert [e.event_id for e in events] == [e.event_id for e in expected]
    assert events == expected
    assert report.problems == expected_report.problems


@pytest.mark.parametrize("batch_size", [3, 4, 64])
def test_written_lists_are_cut_every_flush_every_articles_whatever_the_batch(corpus, batch_size):
    _, report, batches = run([corpus], LocalEngine(1, batch_size=batch_size), flush_every=4)
    assert len(batches) == -(-report.files // 4)


class RecordingEngine(LocalEngine):
    """A one-process engine that logs when batches are handed over and when results are read."""

    def __init__(self, log: list[str], **kwargs):
        super().__init__(1, **kwargs)
        self.log = log

    def map(self, sources, options):
        self.log.append(f"submit {len(self.log)}")
        results = super().map(sources, options)
        return (self.log.append("read") or r for r in results)


def test_next_batch_is_handed_over_before_this_one_is_written(corpus):
    log: list[str] = []
    engine = RecordingEngine(log, batch_size=4)
    for _ in iter_event_batches([corpus], RunReport(), engine=engine, flush_every=4):
        log.append("write")
    submits = [i for i, entry in enumerate(log) if entry.startswith("submit")]
    writes = [i for i, entry in enumerate(log) if entry == "write"]
    assert len(submits) == len(writes) >= 3
    # batch k+1 was submitted before batch k was written, so the workers never wait on it
    assert all(s < w for s, w in zip(submits[1:], writes[:-1], strict=True))


SYNDICATED = (
    "An IED exploded near an Iraqi army patrol in Tuz Khurmatu on Sunday, killing two "
    "soldiers and wounding three others, a security source said.\n"
)


@pytest.mark.parametrize("batch_size", [1, 64])
def test_syndicated_copy_in_a_later_batch_is_folded_into_the_first(tmp_path, batch_size):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"published: 2022-03-14\n\nHeadline {name}\n\n{SYNDICATED}", encoding="utf-8"
        )
    events, report, _ = run([tmp_path], LocalEngine(1, batch_size=batch_size), flush_every=2)
    assert [e.source.rsplit("/", 1)[-1] for e in events] == ["a.txt"]
    assert report.events == 1
    # b came before a was written: named in its notes; c came after: left out with a warning
    assert events[0].notes.count("also reported by") == 1
    assert [(Path(s).name, w.split(" of ")[0]) for s, w in report.warnings] == [
        ("c.txt", "retells an event")
    ]


def test_retellings_fold_the_same_way_on_any_number_of_workers(tmp_path):
    # the same sentence in the first and the 80th of 100 files: which copy is folded, and
    # how, must not depend on the engine's batches (64 articles a worker)
    for i in range(100):
        body = SYNDICATED if i in (0, 80) else f"Officials in Erbil discussed budget item {i}.\n"
        (tmp_path / f"{i:03}.txt").write_text(
            f"published: 2022-03-14\n\nHeadline {i}\n\n{body}", encoding="utf-8"
        )
    runs = []
    for jobs in (1, 2):
        with LocalEngine(jobs, min_parallel=1) as engine:
            events, report, _ = run([tmp_path], engine)
        runs.append(([(e.event_id, e.confidence, e.notes) for e in events], report.warnings))
    assert runs[0] == runs[1]
    assert any("also reported by" in (notes or "") for _, _, notes in runs[0][0])


def test_retired_tellings_keep_no_event(tmp_path):
    from geo.pipeline import Retellings

    (tmp_path / "a.txt").write_text(
        f"published: 2022-03-14\n\nHeadline\n\n{SYNDICATED}", encoding="utf-8"
    )
    events, _, _ = run([tmp_path], LocalEngine(1))
    told = Retellings()
    assert not told.fold(events[0])
    told.retire()
    assert all(t.event is None for tellings in told.seen.values() for t in tellings)
    retold = replace(events[0], source="b.txt", notes=None)
    assert told.fold(retold)  # still recognised, though the first telling is gone


def test_duplicate_in_a_later_batch_is_skipped_once(tmp_path):
    seed = next(SEEDS.glob("002_*"))
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(seed, tmp_path / name)
    events, report, _ = run([tmp_path], LocalEngine(1, batch_size=1))
    assert report.articles == 1
    assert [p.message for p in report.problems] == [
        f"duplicate of {tmp_path / 'a.txt'}: skipped",
        f"duplicate of {tmp_path / 'a.txt'}: skipped",
    ]
    assert events
    assert all(e.source == str(tmp_path / "a.txt") for e in events)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01binary", "looks binary"),
    ],
)
def test_unreadable_file_is_a_problem_and_the_rest_is_extracted(tmp_path, content, message):
    shutil.copy(next(SEEDS.glob("002_*")), tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(content)
    events, report, _ = run([tmp_path], LocalEngine(1))
    assert report.articles == 1
    assert len(report.problems) == 1
    assert message in report.problems[0].message
    assert events


def test_missing_path_fails_before_any_extraction(tmp_path):
    engine = CountingEngine()
    with pytest.raises(InputError, match="does not exist"):
        run([tmp_path / "nowhere"], engine)
    assert engine.asked == []


def test_rerun_on_unchanged_folder_extracts_nothing(corpus, tmp_path, reference):
    with ExtractionCache(tmp_path) as cache:
        run([corpus], LocalEngine(1), cache)
    engine = CountingEngine()
    with ExtractionCache(tmp_path) as cache:
        events, report, _ = run([corpus], engine, cache)
    assert engine.asked == []
    assert report.from_cache == report.articles == reference[1].articles
    assert events == reference[0]


def test_grown_folder_extracts_only_the_new_article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, folder / seed.name)
    with ExtractionCache(tmp_path / "cache") as cache:
        run([folder], LocalEngine(1), cache)
    shutil.copy(seeds[3], folder / seeds[3].name)
    engine = CountingEngine()
    with ExtractionCache(tmp_path / "cache") as cache:
        _, report, _ = run([folder], engine, cache)
    assert engine.asked == [str(folder / seeds[3].name)]
    assert (report.articles, report.from_cache) == (4, 3)


def test_edited_article_is_extracted_again(tmp_path):
    article = tmp_path / "a.txt"
    shutil.copy(next(SEEDS.glob("002_*")), article)
    with ExtractionCache(tmp_path / "cache") as cache:
        run([article], LocalEngine(1), cache)
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    engine = CountingEngine()
    with ExtractionCache(tmp_path / "cache") as cache:
        run([article], engine, cache)
    assert engine.asked == [str(article)]


def test_new_extractor_version_invalidates_the_cache(tmp_path, monkeypatch):
    article = next(SEEDS.glob("002_*"))
    with ExtractionCache(tmp_path) as cache:
        run([article], LocalEngine(1), cache)
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "a-changed-rule")
    engine = CountingEngine()
    with ExtractionCache(tmp_path) as cache:
        run([article], engine, cache)
    assert engine.asked == [str(article)]


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("source", "b.txt"),
        ("data", b"text!"),
        ("sidecar", b"{}"),
        ("published", date(2022, 1, 1)),
    ],
)
def test_cache_key_changes_with_every_input_of_extraction(change, value):
    base = {"source": "a.txt", "data": b"text", "sidecar": None, "published": None}
    other = {**base, change: value}
    assert cache_key(**base) != cache_key(**other)
    assert cache_key(**base) == cache_key(**dict(base))


def test_extractor_version_is_a_short_hex_digest():
    version = extractor_version()
    assert len(version) == 16
    int(version, 16)


def test_unreadable_cache_file_is_an_oserror(tmp_path):
    (tmp_path / cache_module.CACHE_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(OSError, match="unusable"):
        ExtractionCache(tmp_path)


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_streamed_file_reads_back_as_the_one_written_at_once(reference, tmp_path, suffix):
    events, _ = reference
    sink = EventSink(tmp_path / f"streamed{suffix}")
    sink.buffer_events = 7  # several appends / spliced chunks
    for start in range(0, len(events), 10):
        sink.write(events[start : start + 10])
    sink.commit()
    whole = write_events(events_to_frame(events), tmp_path / f"whole{suffix}")
    streamed = read_events(tmp_path / f"streamed{suffix}")
    assert sink.written == len(events) == len(streamed)
    assert streamed.equals(read_events(whole))


def test_streamed_geojson_has_the_bytes_of_one_write(reference, tmp_path):
    events, _ = reference
    sink = EventSink(tmp_path / "streamed.geojson")
    sink.buffer_events = 5
    sink.write(events)
    sink.commit()
    whole = write_events(events_to_frame(events), tmp_path / "whole.geojson")
    assert (tmp_path / "streamed.geojson").read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_run_without_events_writes_an_empty_events_file(tmp_path, suffix):
    import pyogrio

    from geo.events import COLUMNS

    sink = EventSink(tmp_path / f"none{suffix}")
    sink.write([])
    sink.commit()
    target = tmp_path / f"none{suffix}"
    if suffix == ".csv":
        assert target.read_text(encoding="utf-8").splitlines() == [",".join(COLUMNS)]
    else:
        frame = pyogrio.read_dataframe(target)
        assert len(frame) == 0
        if suffix == ".gpkg":  # GeoJSON keeps no field list without a feature
            assert list(frame.columns) == [*COLUMNS, "geometry"]


def test_aborted_sink_leaves_the_old_file(reference, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old", encoding="utf-8")
    sink = EventSink(target)
    sink.write(reference[0])
    sink.abort()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("events.shp", "use a .geojson, .gpkg or .csv"),
        ("a_file/events.gpkg", "is not a directory"),
        ("a_dir", "it is a directory"),
    ],
)
def test_output_that_cannot_take_events_is_refused(tmp_path, name, message):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    (tmp_path / "a_dir.csv").mkdir()
    path = tmp_path / (name + ".csv" if name == "a_dir" else name)
    with pytest.raises(InputError, match=message):
        check_events_path(path)


def test_options_reach_the_workers(tmp_path):
    article = next(ARTICLES.glob("a04_*"))  # states no publication date
    options = ExtractOptions(published=date(2023, 5, 2))
    events, report, _ = run([article], LocalEngine(1), options=options)
    assert report.articles == 1
    assert {e.published.isoformat() for e in events} == {"2023-05-02"}


@pytest.mark.parametrize(
    "module",
    ["geo.engine", "geo.engine.cluster", "geo.engine.parquet", "kclmap.problems", "kclmap.engines"],
)
def test_every_public_name_exists(module):
    import importlib

    mod = importlib.import_module(module)
    assert all(hasattr(mod, name) for name in mod.__all__)


@pytest.mark.parametrize(
    ("pairs", "same_as_base"),
    [
        ([("a.txt", "k1"), ("b.txt", "k2")], True),
        ([("b.txt", "k2"), ("a.txt", "k1")], False),  # order is part of the run
        ([("a.txt", "k1"), ("b.txt", "k3")], False),  # an edited file
        ([("a.txt", "k1"), ("c.txt", "k2")], False),  # a renamed file
        ([("a.txt", "k1")], False),  # a removed file
    ],
)
def test_inputs_digest_changes_with_any_article_file(pairs, same_as_base):
    from geo.engine.stamp import InputsDigest

    base = InputsDigest().update([("a.txt", "k1"), ("b.txt", "k2")]).hexdigest
    assert (InputsDigest().update(pairs).hexdigest == base) is same_as_base


@pytest.mark.parametrize("pairs", [[("a.txt", None)], [("a.txt", "k1"), ("b.txt", None)], []])
def test_inputs_digest_is_none_when_a_file_has_no_key(pairs):
    from geo.engine.stamp import InputsDigest

    assert InputsDigest().update(pairs).hexdigest is None


def _same_size_edit(path):
    before = path.stat()
    path.write_text("b\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would


def _replaced(path):
    other = path.with_name("other.csv")
    other.write_text("a\n")
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    other.replace(path)


@pytest.mark.parametrize(
    "change",
    [None, lambda p: p.write_text("ab\n"), _same_size_edit, _replaced, lambda p: p.unlink()],
    ids=["untouched", "edited", "same-size-same-mtime", "replaced", "removed"],
)
def test_stamp_holds_only_while_its_outputs_are_untouched(tmp_path, change):
    from geo.engine.stamp import RunStamp, file_signature

    out = tmp_path / "e.csv"
    out.write_text("a\n")
    stamp = RunStamp("d", "s", {str(out): file_signature(out)}, ["1 article(s)"], 1)
    again = RunStamp.from_json(stamp.to_json())
    assert again == stamp
    assert not again.holds("other", "s")
    assert not again.holds("d", "other")
    assert not again.holds(None, "s")
    if change is not None:
        change(out)
    assert again.holds("d", "s") is (change is None)


@pytest.mark.parametrize("text", [None, "not json", "{}", '{"digest": "d"}'])
def test_a_stored_stamp_that_is_not_one_is_ignored(text):
    from geo.engine.stamp import RunStamp

    assert RunStamp.from_json(text) is None

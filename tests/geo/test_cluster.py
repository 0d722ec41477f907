"""The Dask engine on a two-worker LocalCluster: the same rows and ids as the local engine."""

from __future__ import annotations

import shutil

import pytest

from geo.analysis import enrich
from geo.engine import LocalEngine, RunReport, iter_event_batches
from geo.engine.cluster import DaskEngine, enrich_parquet
from geo.errors import InputError
from tests.conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def engine():
    with DaskEngine(jobs=2) as dask_engine:
        yield dask_engine


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for src in [*SEEDS.iterdir(), *(DATA / "articles").iterdir()]:
        shutil.copy(src, folder / src.name)
    return folder


def events_of(paths, engine):
    report = RunReport()
    events = [e for b in iter_event_batches(paths, report, engine=engine) for e in b]
    return events, report


def test_cluster_has_the_two_workers_asked_for(engine):
    assert engine.jobs == 2


def test_dask_extraction_gives_the_local_rows_ids_and_order(engine, corpus):
    local, local_report = events_of([corpus], LocalEngine(1))
    dask, dask_report = events_of([corpus], engine)
    assert [e.event_id for e in dask] == [e.event_id for e in local]
    assert dask == local
    assert dask_report.problems == local_report.problems


def plain(series):
    """Values as Python objects with one null (None), whatever the dtype."""
    values = series.astype(object)
    return values.where(series.notna(), None).rename(None)


def test_dask_enrich_of_partitioned_geoparquet_equals_local_enrich(engine, tmp_path):
    import geopandas as gpd
    import pandas as pd

    from bench.bench_enrich import synthetic

    events = synthetic(3000, seed=3)
    source = tmp_path / "events.parquet"
    source.mkdir()
    for i, part in enumerate((events.iloc[:1000], events.iloc[1000:2500], events.iloc[2500:])):
        part.to_parquet(source / f"part.{i:06d}.parquet", index=False)
    rows = enrich_parquet(source, tmp_path / "enriched.parquet")
    assert rows == 3000
    got = gpd.read_parquet(tmp_path / "enriched.parquet")
    expected = enrich(events)
    assert list(got["event_id"]) == list(expected["event_id"])
    for column in ("admin1", "admin2", "side", "in_gap_band", "in_disputed", "dist_to_line_km"):
        pd.testing.assert_series_equal(plain(got[column]), plain(expected[column]))


def test_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        DaskEngine(scheduler="tcp://127.0.0.1:9")

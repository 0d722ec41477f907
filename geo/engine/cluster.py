"""The Dask engine: extraction and enrichment on a ``dask.distributed`` cluster.

Extraction is a Dask bag over article partitions; enrichment runs dask-geopandas over
partitioned GeoParquet.

Optional: ``pip install 'kclmap[dask]'``; nothing here imports Dask until an engine is made.
Against an existing cluster (``scheduler="tcp://host:8786"``) every worker needs kclmap at the
same version (checked) and must see the article files at the same paths (a shared filesystem);
without a scheduler a ``LocalCluster`` of one single-threaded process per core is started.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.engine.cache import extractor_version
from geo.engine.work import ArticleResult, ExtractOptions, extract_files
from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.analysis import Zones

__all__ = ["DaskEngine", "enrich_parquet", "require_dask"]

PARTITION_ARTICLES = 32  # articles per bag partition (one task)
EXTRA_HINT = "install the Dask extra: pip install 'kclmap[dask]'"


def require_dask() -> None:
    """Raise :class:`InputError` naming the extra when Dask or its friends are missing."""
    try:
        import dask.bag  # noqa: F401
        import dask_geopandas  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise InputError(f"--engine dask needs {err.name!r}: {EXTRA_HINT}") from err


def _worker_version() -> str:
    return extractor_version()


class DaskEngine:
    """Extract article files on a Dask cluster, results in the order the files were given.

    Parameters
    ----------
    scheduler
        Address of a running scheduler (``tcp://10.0.0.5:8786``); ``None`` starts a
        ``LocalCluster`` of ``jobs`` single-threaded worker processes.
    jobs
        Workers of the LocalCluster (default: every core). Ignored with ``scheduler``.
    client
        An existing ``distributed.Client`` to use (not closed by :meth:`close`).

    Raises
    ------
    InputError
        When Dask is not installed, the scheduler cannot be reached, or its workers run
        another version of kclmap's extractor.
    """

    name = "dask"

    def __init__(
        self, *, scheduler: str | None = None, jobs: int | None = None, client: Any = None
    ) -> None:
        require_dask()
        import logging

        from distributed import Client, LocalCluster

        self._cluster: Any = None
        self._owned = client is None
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = Client(scheduler, timeout="15s")
            except (OSError, TimeoutError) as err:
                raise InputError(f"cannot reach the Dask scheduler {scheduler!r}: {err}") from err
        else:
            from geo.engine.local import default_jobs

            self._cluster = LocalCluster(
                n_workers=jobs or default_jobs(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never clash with a running one
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        versions = set(self.client.run(_worker_version).values())
        if versions - {extractor_version()}:
            self.close()
            raise InputError(
                f"the Dask workers run another kclmap extractor ({', '.join(sorted(versions))}) "
                f"than this one ({extractor_version()}): install the same kclmap on every worker"
            )
        self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})))
        # Articles per round trip: enough partitions to keep every worker busy.
        self.batch_size = PARTITION_ARTICLES * 16 * self.jobs

    def map(self, sources: Sequence[str], options: ExtractOptions) -> Iterator[ArticleResult]:
        """Results for ``sources`` in their order (one bag partition per ~32 articles).

        The bag is submitted to the cluster when this is called; the iterator waits for it.
        """
        if not sources:
            return iter(())
        import dask.bag as db

        bag = db.from_sequence(list(sources), partition_size=PARTITION_ARTICLES)
        parts = bag.map_partitions(extract_files, options)
        future = self.client.compute(parts)
        return _gathered(future)

    def close(self) -> None:
        """Close the client and the LocalCluster this engine started."""
        if self._owned:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _gathered(future: Any) -> Iterator[ArticleResult]:
    """The results of a computed bag, waited for when first read."""
    yield from future.result()


@cache
def _worker_zones(band_km: float, line_wkb: bytes | None) -> Zones:
    """The zones, built once per worker process (the default ones, or a user's line)."""
    from geo.analysis import Zones

    if line_wkb is None:
        return Zones.default(band_km=band_km)
    import geopandas as gpd
    import shapely

    line = gpd.GeoDataFrame(geometry=[shapely.from_wkb(line_wkb)], crs="EPSG:4326")
    return Zones.default(band_km=band_km, line=line)


def _enrich_partition(
    part: gpd.GeoDataFrame, band_km: float, line_wkb: bytes | None
) -> gpd.GeoDataFrame:
    from geo.analysis import enrich

    return enrich(part, zones_=_worker_zones(band_km, line_wkb))


def _arrow_schema(meta: gpd.GeoDataFrame) -> Any:
    """The Arrow schema of the enriched table: event columns typed by ``FIELD_TYPES``.

    Given whole, so Dask need not infer types from placeholder values (it cannot for dates).
    """
    import pandas as pd
    import pyarrow as pa

    from geo.table import FIELD_TYPES

    arrow = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    fields = []
    for column, dtype in meta.dtypes.items():
        name = str(column)
        if name == meta.geometry.name:
            kind = pa.binary()
        elif name in FIELD_TYPES:
            kind = arrow[FIELD_TYPES[name]]
        elif pd.api.types.is_bool_dtype(dtype):
            kind = pa.bool_()
        elif pd.api.types.is_integer_dtype(dtype):
            kind = pa.int64()
        elif pd.api.types.is_float_dtype(dtype):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def enrich_parquet(
    source: Path,
    target: Path,
    *,
    band_km: float = 10.0,
    line: gpd.GeoDataFrame | None = None,
) -> int:
    """Enrich partitioned GeoParquet events with dask-geopandas; return the rows written.

    ``source`` is a GeoParquet file or a folder of them (one partition each, read in name
    order); ``target`` becomes a folder of ``part.NNNNNN.parquet`` files, one per partition,
    in the same order, written beside it and swapped in when complete. Columns and values are
    those of :func:`geo.analysis.enrich` (EPSG:4326).
    """
    import os
    import shutil
    import tempfile

    import dask
    import dask_geopandas

    from geo.analysis import enrich

    # Keep object columns as they are (as the local engine does), not as pyarrow strings.
    dask.config.set({"dataframe.convert-string": False})
    events = dask_geopandas.read_parquet(str(source))
    line_wkb = None if line is None else line.geometry.union_all().wkb
    meta = enrich(events._meta, zones_=_worker_zones(band_km, line_wkb))
    enriched = events.map_partitions(_enrich_partition, band_km, line_wkb, meta=meta)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        enriched.to_parquet(
            str(tmp),
            name_function=lambda i: f"part.{i:06d}.parquet",
            schema=_arrow_schema(meta),
            write_metadata_file=False,
            write_index=False,
        )
        import pyarrow.parquet as pq

        rows = sum(pq.read_metadata(part).num_rows for part in tmp.glob("*.parquet"))
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return int(rows)

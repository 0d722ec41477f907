"""Events as GeoParquet: one file, or a folder of partition files (as Dask writes them).

GeoParquet keeps the column types (dates, nullable integers and booleans) and is read and
written column by column, so a 10-million-event table never passes through GeoJSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["PARQUET_SUFFIX", "is_parquet", "read_parquet_events", "write_parquet_events"]

PARQUET_SUFFIX = ".parquet"


def is_parquet(path: Path) -> bool:
    """True for a ``.parquet`` file or folder name."""
    return path.suffix.lower() == PARQUET_SUFFIX


def read_parquet_events(path: Path) -> gpd.GeoDataFrame:
    """Read a GeoParquet events file (or a folder of partitions, in name order); EPSG:4326.

    Raises
    ------
    InputError
        When the path does not exist, is not GeoParquet, or lacks the events columns.
    """
    import geopandas as gpd

    if not path.exists():
        raise InputError(f"events file {str(path)!r} does not exist")
    try:
        frame = gpd.read_parquet(path)
    except (ValueError, OSError, TypeError) as err:
        raise InputError(f"cannot read GeoParquet events from {str(path)!r}: {err}") from err
    missing = {"event_id", "type", "event_date"} - set(frame.columns)
    if missing:
        raise InputError(
            f"{str(path)!r} lacks the column(s) {', '.join(sorted(missing))}: "
            "is it an events table written by kclmap?"
        )
    return frame.to_crs("EPSG:4326") if frame.crs is not None else frame.set_crs("EPSG:4326")


def write_parquet_events(frame: gpd.GeoDataFrame, path: Path) -> Path:
    """Write ``frame`` as one GeoParquet file, atomically (temporary file, then rename)."""
    from geo.gisio import atomic_path

    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)
    return path

"""Write events batch by batch into one file, so a run never holds every event in memory.

GeoPackage and GeoJSON batches are appended through pyogrio, CSV rows through :mod:`csv`, all
into a temporary file beside the target that replaces it only when the run completes (an
interrupted run leaves the old file, or none). The result is the file
:func:`geo.gisio.write_events` writes for the same events.
"""

from __future__ import annotations

import csv
import math
import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO

from geo.errors import InputError
from geo.events import COLUMNS, Event
from geo.gisio import EVENT_SUFFIXES

__all__ = ["EventSink", "check_events_path"]


def check_events_path(path: Path, *, schema: str = "kclmap") -> None:
    """Fail before any work when ``path`` cannot take an events file.

    Raises
    ------
    InputError
        For an unknown extension or schema, an ACLED layout not in a .csv, a directory in the
        way, or a folder that does not exist (and cannot be created) or is not writable.
    """
    if path.suffix.lower() not in EVENT_SUFFIXES:
        raise InputError(
            f"cannot write events to {str(path)!r}: use a .geojson, .gpkg or .csv file name"
        )
    if schema not in ("kclmap", "acled"):
        raise InputError(f"unknown schema {schema!r}: expected 'kclmap' or 'acled'")
    if schema == "acled" and path.suffix.lower() != ".csv":
        raise InputError(
            f"the ACLED layout is a CSV table: write {str(path.with_suffix('.csv'))!r} instead"
        )
    if path.is_dir():
        raise InputError(f"cannot write events to {str(path)!r}: it is a directory")
    check_writable_dir(path.parent)


def check_writable_dir(folder: Path) -> None:
    """Fail when ``folder`` (or its nearest existing parent) is not a writable directory."""
    probe = folder.absolute()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise InputError(f"cannot write into {str(folder)!r}: {str(probe)!r} is not a directory")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise InputError(f"cannot write into {str(folder)!r}: permission denied")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


class EventSink:
    """Append events to ``path`` (.gpkg, .geojson or .csv) in batches; :meth:`commit` at the end.

    Parameters
    ----------
    path
        Target file; its folder is created. Checked by :func:`check_events_path`.
    schema
        ``"kclmap"`` (every column) or ``"acled"`` (a CSV in ACLED's layout, as
        :func:`geo.gisio.write_events` writes it).

    Raises
    ------
    InputError
        For a path that cannot take events (see :func:`check_events_path`).
    """

    buffer_events = 20_000

    def __init__(self, path: Path, *, schema: str = "kclmap") -> None:
        check_events_path(path, schema=schema)
        self.path = path
        self.schema = schema
        self.suffix = path.suffix.lower()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
        os.close(fd)
        os.unlink(tmp)  # the GIS drivers want to create the file themselves
        self._tmp = Path(tmp)
        self._written = 0
        self._buffer: list[Event] = []
        self._geojson: IO[str] | None = None
        self._footer = ""
        self._csv: IO[str] | None = None
        if self.suffix == ".csv" and schema == "kclmap":
            self._csv = self._tmp.open("w", encoding="utf-8", newline="")
            writer = csv.writer(self._csv)
            writer.writerow(COLUMNS)

    @property
    def written(self) -> int:
        """Events written so far."""
        return self._written

    def write(self, events: Iterable[Event]) -> None:
        """Append one batch (empty batches are fine).

        GIS rows are buffered up to :attr:`buffer_events` and written together: each pyogrio
        append opens the file and commits, so many small appends are slow.
        """
        batch = list(events)
        self._written += len(batch)
        if self._csv is not None:
            writer = csv.writer(self._csv)
            for event in batch:
                writer.writerow([_cell(getattr(event, c)) for c in COLUMNS])
            return
        self._buffer += batch
        if len(self._buffer) >= self.buffer_events:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        from geo.gisio import write_layer
        from geo.table import events_to_frame

        frame = events_to_frame(self._buffer)[[*COLUMNS, "geometry"]]
        self._buffer = []
        if self.schema == "acled":
            from geo.datasets.acled import to_acled

            first = not self._tmp.exists()
            with self._tmp.open("a", encoding="utf-8", newline="") as fh:
                to_acled(frame).to_csv(fh, index=False, header=first)
            return
        if self.suffix == ".gpkg":
            write_layer(frame, self._tmp, layer="events", append=self._tmp.exists())
            return
        # GDAL cannot append to GeoJSON: each chunk is written on its own and its feature
        # lines (one per line in GDAL's output) are spliced into the one collection.
        part = self._tmp.with_name(self._tmp.name + ".part.geojson")
        try:
            write_layer(frame, part, layer="events")
            text = part.read_text(encoding="utf-8")
        finally:
            part.unlink(missing_ok=True)
        head, sep, rest = text.partition('"features": [\n')
        end = rest.rindex("\n]")
        features = rest[:end].strip("\n")
        if self._geojson is None:
            self._geojson = self._tmp.open("w", encoding="utf-8")
            self._geojson.write(head + sep)
            self._footer = rest[end:]
        elif features:
            self._geojson.write(",\n")
        self._geojson.write(features)

    def commit(self) -> Path:
        """Put the finished file in place of the target (an empty file when no event came)."""
        self._finish()
        os.replace(self._tmp, self.path)
        return self.path

    def _finish(self) -> None:
        """Close the temporary file with everything written (an empty table when no event)."""
        if self._csv is not None:
            self._csv.close()
        else:
            self._flush()
        if self._geojson is not None:
            self._geojson.write(self._footer)
            self._geojson.close()
        elif self._csv is None and not self._tmp.exists():  # no event: an empty file
            from geo.gisio import write_events, write_layer
            from geo.table import empty_frame

            if self.schema == "acled":
                write_events(empty_frame(), self._tmp, schema="acled")
            else:
                write_layer(empty_frame()[[*COLUMNS, "geometry"]], self._tmp, layer="events")

    def commit_inode(self) -> int:
        """:meth:`commit`, and return the inode of the file put in place (a rename keeps it)."""
        self._finish()
        inode = self._tmp.stat().st_ino
        os.replace(self._tmp, self.path)
        return inode

    def abort(self) -> None:
        """Drop the temporary file; the target is left as it was."""
        for handle in (self._csv, self._geojson):
            if handle is not None and not handle.closed:
                handle.close()
        if self._tmp.exists():
            self._tmp.unlink()

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


def check_events_path(path: Path) -> None:
    """Fail before any work when ``path`` cannot take an events file.

    Raises
    ------
    InputError
        For an unknown extension, a directory in the way, or a folder that does not exist
        (and cannot be created) or is not writable.
    """
    if path.suffix.lower() not in EVENT_SUFFIXES:
        raise InputError(
            f"cannot write events to {str(path)!r}: use a .geojson, .gpkg or .csv file name"
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

    Raises
    ------
    InputError
        For a path that cannot take events (see :func:`check_events_path`).
    """

    def __init__(self, path: Path) -> None:
        check_events_path(path)
        self.path = path
        self.suffix = path.suffix.lower()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
        os.close(fd)
        os.unlink(tmp)  # the GIS drivers want to create the file themselves
        self._tmp = Path(tmp)
        self._written = 0
        self._csv: IO[str] | None = None
        if self.suffix == ".csv":
            self._csv = self._tmp.open("w", encoding="utf-8", newline="")
            writer = csv.writer(self._csv)
            writer.writerow(COLUMNS)

    @property
    def written(self) -> int:
        """Events written so far."""
        return self._written

    def write(self, events: Iterable[Event]) -> None:
        """Append one batch (empty batches are fine)."""
        batch = list(events)
        if self._csv is not None:
            writer = csv.writer(self._csv)
            for event in batch:
                record = event.to_record()
                writer.writerow([_cell(record[c]) for c in COLUMNS])
            self._written += len(batch)
            return
        if not batch:
            return
        from geo.gisio import write_layer
        from geo.table import events_to_frame

        write_layer(
            events_to_frame(batch)[[*COLUMNS, "geometry"]],
            self._tmp,
            layer="events",
            append=self._tmp.exists(),
        )
        self._written += len(batch)

    def commit(self) -> Path:
        """Put the finished file in place of the target (an empty file when no event came)."""
        if self._csv is not None:
            self._csv.close()
        elif not self._tmp.exists():  # no event at all: an empty layer, as write_events writes
            from geo.gisio import write_layer
            from geo.table import empty_frame

            write_layer(empty_frame()[[*COLUMNS, "geometry"]], self._tmp, layer="events")
        os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the temporary file; the target is left as it was."""
        if self._csv is not None and not self._csv.closed:
            self._csv.close()
        if self._tmp.exists():
            self._tmp.unlink()

"""``kclmap import``: an ACLED or UCDP GED table (or kclmap's own) -> a kclmap events file.

Also the helpers every command that takes an events file uses to read it and say how.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from geo.datasets import FORMATS

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.readers import EventTable

__all__ = ["combine", "configure", "read_noted", "read_tables", "run"]


def read_noted(path: Path, *, format: str = "auto", layer: str | None = None) -> EventTable:
    """Read an events table and print, on stderr, each liberty the reader took."""
    from geo.readers import read_table

    table = read_table(path, format=format, layer=layer)  # type: ignore[arg-type]
    for note in table.notes:
        print(f"note: {note}", file=sys.stderr)
    return table


def read_tables(paths: list[Path]) -> tuple[list[EventTable], list[Path]]:
    """Read several events files; one that cannot be read is skipped with one stderr line.

    One bad file never costs the rest of the run: the caller maps the others and exits 1.
    """
    from geo.errors import InputError

    tables, skipped = [], []
    for path in paths:
        try:
            tables.append(read_noted(path))
        except InputError as err:
            print(f"skipped {path}: {err}", file=sys.stderr)
            skipped.append(path)
    return tables, skipped


def _source_key(source: object) -> str:
    """An article's identity whether written ``seeds/a.txt``, ``./seeds/a.txt`` or absolute."""
    text = str(source)
    if "://" in text:
        return text
    return os.path.normcase(os.path.abspath(text))


def combine(
    articles: gpd.GeoDataFrame | None, tables: list[EventTable]
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Articles' events and events files as one frame, with what was set aside and why.

    An edited kclmap events file wins over the articles it came from: an article event is
    left out when its ``source`` article is in one of the files (a row the user deleted stays
    deleted; articles the files do not cover keep their events). Rows sharing an ``event_id``
    across inputs keep the later one (files after articles, in command-line order).
    """
    import pandas as pd

    from geo.table import empty_frame

    notes: list[str] = []
    frames = []
    if articles is not None:
        edited = {
            _source_key(s)
            for t in tables
            if t.format == "kclmap"
            for s in t.frame["source"].dropna()
        }
        replaced = articles["source"].map(_source_key).isin(edited)
        if replaced.any():
            notes.append(
                f"{int(replaced.sum())} event(s) of articles that an events file already covers "
                "were left out: the edited file wins"
            )
        frames.append(articles[~replaced])
    frames += [t.frame for t in tables]
    frames = [f for f in frames if len(f)]
    events = pd.concat(frames, ignore_index=True) if frames else empty_frame()
    if "dataset" in events.columns:
        events["dataset"] = events["dataset"].fillna("kclmap")
    duplicated = int(events["event_id"].duplicated(keep="last").sum())
    if duplicated:
        notes.append(f"{duplicated} row(s) repeated an event_id of a later input and were replaced")
    events = events.drop_duplicates("event_id", keep="last").reset_index(drop=True)
    return events, notes


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap import``."""
    p.add_argument(
        "format",
        choices=("auto", *FORMATS),
        metavar="FORMAT",
        help=f"the table's format: auto (by its columns), {', '.join(FORMATS)}",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the table (.csv, .json, .gpkg...)")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="events file to write (.gpkg, .geojson or .csv)",
    )
    p.add_argument(
        "--schema",
        choices=("kclmap", "acled"),
        default="kclmap",
        help="column layout of a .csv output (default kclmap; acled: ACLED's layout)",
    )
    p.add_argument(
        "--layer",
        metavar="NAME",
        help="the GeoPackage layer to read (default: 'events', else the only point layer)",
    )


def run(args: argparse.Namespace) -> int:
    """Read the table, write it as kclmap events, and say what it held."""
    from geo.gisio import write_events

    table = read_noted(args.file, format=args.format, layer=args.layer)
    write_events(table.frame, args.output, schema=args.schema)
    kinds = Counter(str(t) for t in table.frame["type"])
    datasets = Counter(str(d) for d in table.frame["dataset"])
    unplaced = int(table.frame.geometry.isna().sum())
    print(
        f"wrote {len(table.frame)} event(s) "
        f"({', '.join(f'{n} {d}' for d, n in datasets.most_common())}) "
        f"read as {table.format} to {args.output}: "
        + (", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none")
        + f"; {unplaced} without coordinates",
        file=sys.stderr,
    )
    return 0

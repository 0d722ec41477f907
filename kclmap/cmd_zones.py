"""``kclmap zones``, ``kclmap enrich`` and ``kclmap stats``.

The reference geography, and the measurements on events.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kclmap.options import check_writable_dir, positive_km

if TYPE_CHECKING:  # the packages load when a command runs, not when the parser is built
    from geo.analysis import Zones

__all__ = [
    "add_line_options",
    "check_line_options",
    "configure_enrich",
    "configure_stats",
    "configure_zones",
    "run_enrich",
    "run_stats",
    "run_zones",
]


def add_line_options(p: argparse.ArgumentParser) -> None:
    """Options for the coordination line and the band, shared with ``kclmap build``."""
    p.add_argument(
        "--line",
        type=Path,
        metavar="FILE",
        help="your own coordination line (GeoJSON, GeoPackage...) instead of kclmap's",
    )
    p.add_argument(
        "--band-km",
        type=positive_km,
        default=10.0,
        metavar="KM",
        help="half-width of the security-gap band (default 10)",
    )


def check_line_options(args: argparse.Namespace) -> None:
    """Fail before any work if ``--line`` is not a readable line file or ``--band-km`` is bad."""
    from geo.errors import InputError

    if not (math.isfinite(args.band_km) and args.band_km > 0):
        raise InputError(f"--band-km must be a finite number of km above 0, got {args.band_km}")
    if args.line is not None:
        from geo import zones

        if not args.line.is_file():
            raise InputError(f"--line {str(args.line)!r} is not a file")
        zones.load_line(args.line)


def configure_zones(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap zones``."""
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help="directory for the GeoJSON layers and zones.gpkg",
    )
    add_line_options(p)


def run_zones(args: argparse.Namespace) -> int:
    """Write every reference layer as GeoJSON and into one GeoPackage."""
    from geo.layers import reference_layers, write_reference_layers

    check_line_options(args)
    check_writable_dir(args.output)
    layers = reference_layers(band_km=args.band_km, line_file=args.line)
    for path in write_reference_layers(layers, args.output):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def configure_enrich(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap enrich``."""
    p.add_argument(
        "events", type=Path, metavar="EVENTS", help="events file: kclmap's, ACLED or UCDP GED"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="enriched events (.geojson, .gpkg, .csv or .parquet for GeoParquet)",
    )
    add_line_options(p)
    g = p.add_argument_group("scaling")
    g.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="dask: partitioned GeoParquet in and out through dask-geopandas "
        "(pip install 'kclmap[dask]')",
    )
    g.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (default: a LocalCluster)",
    )
    g.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="LocalCluster workers (default: every core)"
    )


def _zones(args: argparse.Namespace) -> Zones:
    from geo import zones
    from geo.analysis import Zones

    check_line_options(args)
    line = zones.load_line(args.line) if args.line else None
    return Zones.default(band_km=args.band_km, line=line)


def _check_enrich_paths(args: argparse.Namespace) -> None:
    """Input, output extension and output folder checked before any work."""
    from geo.engine import check_events_path, check_writable_dir
    from geo.engine.parquet import is_parquet
    from geo.errors import InputError

    if not args.events.exists():
        raise InputError(f"events file {str(args.events)!r} does not exist")
    if args.engine == "dask":
        if not (is_parquet(args.events) and is_parquet(args.output)):
            raise InputError(
                "--engine dask reads and writes GeoParquet: give a .parquet EVENTS file or "
                "folder and a .parquet output"
            )
    elif args.scheduler:
        raise InputError("--scheduler needs --engine dask")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, got {args.jobs}")
    if is_parquet(args.output):
        check_writable_dir(args.output.parent)
    else:
        check_events_path(args.output)


def run_enrich(args: argparse.Namespace) -> int:
    """Add district, distance to the line, side, gap band and disputed columns."""
    from geo import zones
    from geo.analysis import enrich
    from geo.engine.parquet import is_parquet, read_parquet_events, write_parquet_events
    from geo.gisio import write_events
    from kclmap.cmd_import import read_noted

    _check_enrich_paths(args)
    zones_ = _zones(args)
    if args.engine == "dask":
        from geo.engine.cluster import DaskEngine, enrich_parquet

        with DaskEngine(scheduler=args.scheduler, jobs=args.jobs):
            rows = enrich_parquet(
                args.events,
                args.output,
                band_km=args.band_km,
                line=zones.load_line(args.line) if args.line else None,
            )
        print(f"wrote {rows} enriched event(s) to {args.output}", file=sys.stderr)
        return 0
    if is_parquet(args.events):
        events = read_parquet_events(args.events)
    else:
        events = read_noted(args.events).frame
    enriched = enrich(events, zones_=zones_)
    if "dataset" in enriched.columns and enriched["dataset"].nunique() > 1:
        # a file holding several sources: link them too
        from geo.datasets import link_sources, overlap_summary

        enriched = link_sources(enriched)
        for line in overlap_summary(enriched):
            print(line, file=sys.stderr)
    if is_parquet(args.output):
        write_parquet_events(enriched, args.output)
    else:
        write_events(enriched, args.output)
    sides = enriched["side"].value_counts().to_dict()
    print(
        f"wrote {len(enriched)} enriched event(s) to {args.output}: "
        + ", ".join(f"{n} {k}" for k, n in sides.items()),
        file=sys.stderr,
    )
    return 0


def configure_stats(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap stats``."""
    p.add_argument("events", type=Path, metavar="EVENTS", help="events file (enriched or not)")
    p.add_argument("--json", action="store_true", help="print the tables as JSON")
    add_line_options(p)


def run_stats(args: argparse.Namespace) -> int:
    """Print counts by district x type x month and by distance band."""
    from geo.analysis import enrich, summary_tables
    from kclmap.cmd_import import read_noted

    events = read_noted(args.events).frame
    if "side" not in events.columns:
        events = enrich(events, zones_=_zones(args))
    tables = summary_tables(events)
    overlap: list[str] = []
    if events["dataset"].nunique() > 1:  # several sources: how many events each shares
        from geo.datasets import link_sources, overlap_summary

        overlap = overlap_summary(link_sources(events))
    if args.json:
        result: dict[str, object] = {k: v.to_dict("records") for k, v in tables.items()}
        if overlap:
            result["cross_source"] = overlap
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    for name, table in tables.items():
        print(f"\n{name.replace('_', ' ')}")
        print(table.to_string(index=False) if len(table) else "  (no events)")
    if overlap:
        print("\ncross source\n" + "\n".join(overlap))
    return 0

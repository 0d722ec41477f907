"""``kclmap zones``, ``kclmap enrich`` and ``kclmap stats``.

The reference geography, and the measurements on events.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from geo.analysis import Zones
from geo.errors import InputError
from kclmap.options import check_writable_dir, positive_km

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
        help="enriched events (.geojson, .gpkg or .csv)",
    )
    add_line_options(p)


def _zones(args: argparse.Namespace) -> Zones:
    from geo import zones

    check_line_options(args)
    line = zones.load_line(args.line) if args.line else None
    return Zones.default(band_km=args.band_km, line=line)


def run_enrich(args: argparse.Namespace) -> int:
    """Add district, distance to the line, side, gap band and disputed columns."""
    from geo.analysis import enrich
    from geo.gisio import write_events
    from kclmap.cmd_import import read_noted

    enriched = enrich(read_noted(args.events).frame, zones_=_zones(args))
    if enriched["dataset"].nunique() > 1:  # a file holding several sources: link them too
        from geo.datasets import link_sources, overlap_summary

        enriched = link_sources(enriched)
        for line in overlap_summary(enriched):
            print(line, file=sys.stderr)
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

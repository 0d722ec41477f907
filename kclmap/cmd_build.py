"""``kclmap build`` and ``kclmap report``.

Articles or an events file in; map, GIS files, images, snippet and report out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kclmap.cmd_extract import add_article_options, print_run_summary
from kclmap.cmd_zones import add_line_options
from kclmap.engines import add_engine_options, check_engine_options, stream_events
from kclmap.problems import PROBLEMS_FILE, ProblemLog

__all__ = ["configure_build", "configure_report", "run_build", "run_report"]


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError as err:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not LON_MIN,LAT_MIN,LON_MAX,LAT_MAX"
        ) from err
    if len(values) != 4 or not (values[0] < values[2] and values[1] < values[3]):
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected LON_MIN,LAT_MIN,LON_MAX,LAT_MAX with min < max"
        )
    return (values[0], values[1], values[2], values[3])


def _only(text: str) -> frozenset[str]:
    """``--only map,gpkg``: a comma-separated subset of the build's outputs."""
    from maps.build import OUTPUTS

    parts = frozenset(p.strip().lower() for p in text.split(",") if p.strip())
    unknown = sorted(parts - set(OUTPUTS))
    if unknown or not parts:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected a comma-separated list of {', '.join(OUTPUTS)}"
        )
    return parts


def configure_build(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap build``."""
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or directories (optional with --events)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR")
    p.add_argument(
        "--events",
        type=Path,
        action="append",
        metavar="FILE",
        help="an events file to map as well: kclmap's (edited or not), ACLED or UCDP GED; "
        "repeat for several",
    )
    add_line_options(p)
    p.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet from CDNs (small HTML that needs the network)",
    )
    p.add_argument(
        "--online",
        action="store_true",
        help="geocode unresolved places with OpenStreetMap Nominatim (network)",
    )
    p.add_argument("--dpi", type=int, default=150, help="resolution of map.png (300 for print)")
    p.add_argument("--bbox", type=_bbox, metavar="W,S,E,N", help="static map extent, lon/lat")
    p.add_argument("--around", metavar="PLACE", help="centre the static map on a place")
    p.add_argument(
        "--radius",
        type=float,
        default=50.0,
        metavar="KM",
        help="with --around: half-width of the static map (default 50)",
    )
    p.add_argument("--title", default="Security incidents along the Kurdistan Coordination Line")
    p.add_argument(
        "--only",
        type=_only,
        metavar="PARTS",
        help="write only these outputs, e.g. 'map' or 'map,gpkg' (geojson, gpkg, map, static, "
        "snippet, report, stats; default: all)",
    )
    add_article_options(p)
    add_engine_options(p)


def _online_fill(frame, cache: Path) -> int:  # type: ignore[no-untyped-def]
    """Geocode unresolved places online (only with --online); return how many were filled."""
    from gazetteer import OnlineFallback, UnknownPlaceError

    online = OnlineFallback(cache)
    filled = 0
    for idx in frame.index[frame["lat"].isna() & frame["place_query"].notna()]:
        try:
            match = online.resolve(str(frame.at[idx, "place_query"]))
        except UnknownPlaceError:
            continue
        frame.loc[idx, ["lat", "lon", "place", "precision_km"]] = [
            match.place.lat,
            match.place.lon,
            match.place.name,
            match.place.precision_km,
        ]
        filled += 1
    if filled:
        import geopandas as gpd

        frame["geometry"] = gpd.points_from_xy(frame["lon"], frame["lat"])
        frame.loc[frame["lat"].isna(), "geometry"] = None
    return filled


def run_build(args: argparse.Namespace) -> int:
    """Extract (or read) events and write every output; exit 1 when inputs were skipped."""
    from geo.datasets import link_sources, overlap_summary
    from geo.engine import check_writable_dir
    from geo.errors import InputError
    from geo.events import Event
    from geo.table import events_to_frame
    from kclmap.cmd_import import combine, read_noted
    from kclmap.progress import progress_bar
    from maps.build import BuildOptions, build_outputs
    from maps.static_map import around_extent

    if not args.paths and not args.events:
        raise InputError("nothing to map: give article PATHs, --events FILE, or both")
    if not args.band_km > 0:
        raise InputError(f"--band-km must be positive, got {args.band_km}")
    if not 30 <= args.dpi <= 1200:
        raise InputError(f"--dpi must be between 30 and 1200, got {args.dpi}")
    if args.max_bytes <= 0:
        raise InputError(f"--max-bytes must be positive, got {args.max_bytes}")
    if args.output.exists() and not args.output.is_dir():
        raise InputError(f"output {str(args.output)!r} exists and is not a directory")
    check_writable_dir(args.output)
    check_engine_options(args)
    # Everything that can fail on the user's input fails here, before the long extraction.
    tables = [read_noted(path) for path in args.events or []]
    extent = args.bbox
    if args.around:
        from gazetteer import default_gazetteer

        place = default_gazetteer().resolve(args.around).place
        extent = around_extent(place.lon, place.lat, args.radius)
    report = None
    problems = ProblemLog()
    articles = None
    if args.paths:
        extracted: list[Event] = []
        report = stream_events(args, extracted.extend, problems)
        articles = events_to_frame(extracted)
        del extracted
    events, notes = combine(articles, tables)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    events = link_sources(events)
    if args.online:
        filled = _online_fill(events, Path.home() / ".cache" / "kclmap" / "nominatim.json")
        print(f"online geocoding placed {filled} event(s)", file=sys.stderr)
    options = BuildOptions(
        line_file=args.line,
        band_km=args.band_km,
        cdn=args.cdn,
        dpi=args.dpi,
        extent=extent,
        title=args.title,
        only=args.only,
    )
    with progress_bar("building", min_items=1, quiet=args.quiet, unit="steps") as update:
        steps = iter(range(1, 100))
        files = build_outputs(
            events, args.output, options, step=lambda msg: update(next(steps), 8, msg)
        )
    csv_path = args.output / PROBLEMS_FILE
    if len(problems):
        files.append(problems.write_csv(csv_path))
    elif csv_path.exists():
        csv_path.unlink()  # no stale list from an earlier run
    if report is not None:
        print_run_summary(report, problems, csv_path if len(problems) else None)
    kinds = Counter(str(t) for t in events["type"])
    unplaced = int(events["lat"].isna().sum())
    print(
        f"{len(events)} event(s) mapped: "
        + (", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none")
        + f"; {unplaced} without coordinates",
        file=sys.stderr,
    )
    datasets = Counter(str(d) for d in events["dataset"])
    if len(datasets) > 1:
        print(
            "datasets: " + ", ".join(f"{n} {d}" for d, n in datasets.most_common()),
            file=sys.stderr,
        )
    for line in overlap_summary(events):
        print(line, file=sys.stderr)
    for warning in options.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print("files written:\n" + "\n".join(f"  {p}" for p in files), file=sys.stderr)
    return 1 if report is not None and report.problems else 0


def configure_report(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap report``."""
    p.add_argument("events", type=Path, metavar="EVENTS", help="events file")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the report (.html)"
    )
    p.add_argument("--title", default="kclmap report")


def run_report(args: argparse.Namespace) -> int:
    """Write one self-contained HTML report for an events file."""
    from geo.analysis import enrich, summary_tables
    from geo.gisio import atomic_path
    from geo.layers import reference_layers
    from kclmap.cmd_import import read_noted
    from maps.report import report_html
    from maps.static_map import render_static

    events = enrich(read_noted(args.events).frame)
    zones = reference_layers()
    html = report_html(
        events,
        summary_tables(events),
        map_figure=render_static(events, zones, title=args.title),
        title=args.title,
        map_link=None,
    )
    with atomic_path(args.output) as tmp:
        tmp.write_text(html, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0

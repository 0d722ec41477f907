"""``kclmap build`` and ``kclmap report``.

Articles or an events file in; map, GIS files, images, snippet and report out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from kclmap.cmd_extract import (
    add_article_options,
    check_article_paths,
    note_nothing_read,
    print_run_summary,
    run_problems,
    strict_problems,
)
from kclmap.cmd_zones import add_line_options, check_line_options
from kclmap.engines import add_engine_options, check_engine_options, stream_events
from kclmap.options import bbox, check_around, check_writable_dir, count, report_path
from kclmap.problems import PROBLEMS_FILE, ProblemLog

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.engine import RunReport
    from maps.static_map import Extent

__all__ = ["DEFAULT_MAX_EVENTS", "configure_build", "configure_report", "run_build", "run_report"]

# A map of more events than this is no longer readable (the 100,000-event benchmark loads in
# about 7 s); raise it with --max-events.
DEFAULT_MAX_EVENTS = 250_000


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
    p.add_argument("--bbox", type=bbox, metavar="W,S,E,N", help="static map extent, lon/lat")
    p.add_argument("--around", metavar="PLACE", help="centre the static map on a place")
    p.add_argument(
        "--radius",
        type=float,
        default=None,
        metavar="KM",
        help="with --around: half-width of the static map (default 50)",
    )
    p.add_argument(
        "--max-events",
        type=count,
        default=DEFAULT_MAX_EVENTS,
        metavar="N",
        help=f"refuse to map more than N events (default {DEFAULT_MAX_EVENTS:,})",
    )
    p.add_argument("--title", default="Security incidents along the Kurdistan Coordination Line")
    p.add_argument(
        "--only",
        type=_only,
        metavar="PARTS",
        help="write only these outputs, e.g. 'map' or 'map,gpkg' (geojson, gpkg, map, static, "
        "snippet, report, stats; default: all); unresolved.csv is always written",
    )
    add_article_options(p)
    add_engine_options(p)


def _online_fill(frame, cache: Path) -> int:  # type: ignore[no-untyped-def]
    """Geocode unresolved places online (only with --online); return how many were filled."""
    from geopy.exc import GeopyError

    from gazetteer import OnlineFallback, UnknownPlaceError

    online = OnlineFallback(cache)
    filled = 0
    for idx in frame.index[frame["lat"].isna() & frame["place_query"].notna()]:
        try:
            match = online.resolve(str(frame.at[idx, "place_query"]))
        except UnknownPlaceError:
            continue
        except GeopyError as err:
            print(f"online geocoding unavailable, kept the offline answers: {err}", file=sys.stderr)
            break
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


def _check_build_options(args: argparse.Namespace) -> Extent | None:
    """Every check that needs no extraction, before any work; return the static-map extent."""
    from geo.errors import InputError

    check_engine_options(args)
    if not args.paths and not args.events:
        raise InputError("nothing to map: give article PATHs, --events FILE, or both")
    if not 30 <= args.dpi <= 1200:
        raise InputError(f"--dpi must be between 30 and 1200, got {args.dpi}")
    if args.max_bytes <= 0:
        raise InputError(f"--max-bytes must be positive, got {args.max_bytes}")
    for path in args.events or []:
        if not path.is_file():
            raise InputError(f"--events {str(path)!r} is not a file")
    radius = check_around(args.around, args.radius)
    if args.around and args.bbox:
        raise InputError("give --bbox or --around, not both")
    check_line_options(args)
    check_writable_dir(args.output)
    if args.paths:
        check_article_paths(args.paths, args.max_articles)
    if args.around and radius is not None:
        from gazetteer import UnknownPlaceError, default_gazetteer
        from maps.static_map import around_extent

        try:
            place = default_gazetteer().resolve(args.around).place
        except UnknownPlaceError as err:
            raise InputError(f"--around {args.around!r}: no such place in the gazetteer") from err
        return around_extent(place.lon, place.lat, radius)
    return args.bbox


def _read_inputs(
    args: argparse.Namespace, problems: ProblemLog
) -> tuple[gpd.GeoDataFrame, RunReport, list[Path]]:
    """Extract the articles (streamed, on the chosen engine) and read the events files.

    Returns one events table, the run report and the events files that could not be read
    (each skipped with one stderr line: one bad file never costs the rest of the run).
    """
    from geo.datasets import link_sources
    from geo.engine import RunReport
    from geo.errors import InputError
    from geo.events import Event
    from geo.table import events_to_frame
    from kclmap.cmd_import import combine, read_tables

    report = RunReport()
    tables, skipped = read_tables(args.events or [])
    if skipped and not tables and not args.paths:
        raise InputError("no events file could be read: nothing to map")
    articles = None
    if args.paths:
        extracted: list[Event] = []
        report = stream_events(args, extracted.extend, problems)
        articles = events_to_frame(extracted)
        del extracted
    events, notes = combine(articles, tables)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return link_sources(events), report, skipped


def run_build(args: argparse.Namespace) -> int:
    """Extract (or read) events and write every output; exit 1 when inputs were skipped."""
    from gazetteer import default_gazetteer
    from geo.datasets import overlap_summary
    from geo.errors import InputError
    from kclmap.progress import progress_bar
    from kclmap.unresolved import unresolved_csv, unresolved_rows
    from maps.build import BuildOptions, build_outputs

    extent = _check_build_options(args)
    problems = ProblemLog()
    events, report, skipped = _read_inputs(args, problems)
    paths = list(args.paths)
    if args.strict and (refused := strict_problems(report, paths) if paths else []):
        for line in refused:
            print(line, file=sys.stderr)
        print(f"--strict: {len(refused)} problem(s), nothing written", file=sys.stderr)
        return 1
    if paths and not report.articles and events.empty:
        # nothing could be read: an earlier build in the output folder is worth more than an
        # empty map, so nothing is written
        note_nothing_read(report, paths, problems)
        print_run_summary(report, problems, None)
        print(
            f"no article could be read: nothing written ({args.output} is left as it was)",
            file=sys.stderr,
        )
        return 1
    if len(events) > args.max_events:
        raise InputError(
            f"{len(events):,} events is more than the {args.max_events:,} a map can show; "
            "raise the limit with --max-events N or map a subset"
        )
    if args.online:
        filled = _online_fill(events, Path.home() / ".cache" / "kclmap" / "nominatim.json")
        print(f"online geocoding placed {filled} event(s)", file=sys.stderr)
    rows = unresolved_rows(events, default_gazetteer(), mentions=report.unresolved)
    options = BuildOptions(
        line_file=args.line,
        band_km=args.band_km,
        cdn=args.cdn,
        dpi=args.dpi,
        extent=extent,
        title=args.title,
        # problems.csv is part of every set built from articles (a header alone when all went
        # well), so a rebuild never keeps an earlier run's list as if it were the user's file.
        extra_files={"unresolved.csv": unresolved_csv(rows)}
        | ({PROBLEMS_FILE: problems.csv_text()} if paths else {}),
        only=args.only,
    )
    with progress_bar("building", min_items=1, quiet=args.quiet, unit="steps") as update:
        steps = iter(range(1, 100))
        files = build_outputs(
            events, args.output, options, step=lambda msg: update(next(steps), 9, msg)
        )
    if paths:
        note_nothing_read(report, paths, problems)
        listed = args.output / PROBLEMS_FILE if len(problems) else None
        print_run_summary(report, problems, listed)
    kinds = Counter(str(t) for t in events["type"])
    unplaced = int(events["lat"].isna().sum())
    from maps.event_data import derived_codes

    region_wide = int((derived_codes(events)["drawn_as"] == 2).sum()) - unplaced
    print(
        f"{len(events)} event(s) mapped: "
        + (", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none")
        + f"; {unplaced} without coordinates"
        + f"; {region_wide} placed only to a region or governorate (listed, not drawn)"
        + (f"; {len(rows)} place name(s) to check in unresolved.csv" if rows else ""),
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
    return 1 if skipped or (paths and run_problems(report, paths)) else 0


def configure_report(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap report``."""
    p.add_argument("events", type=Path, metavar="EVENTS", help="events file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the report (.html), or a folder to write report.html into",
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

    output = report_path(args.output)
    check_writable_dir(output.parent)
    events = enrich(read_noted(args.events).frame)
    zones = reference_layers()
    figure = render_static(events, zones, title=args.title)
    html = report_html(
        events,
        summary_tables(events),
        map_figure=figure,
        title=args.title,
        map_link=None,
    )
    import matplotlib.pyplot as plt

    plt.close(figure)
    with atomic_path(output) as tmp:
        tmp.write_text(html, encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)
    return 0

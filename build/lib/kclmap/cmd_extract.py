"""``kclmap extract``: articles -> events table (GeoJSON, GeoPackage, CSV or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from geo.articles import DEFAULT_MAX_BYTES
from geo.errors import InputError
from geo.gisio import write_events
from geo.pipeline import ExtractionReport, extract_with_report
from kclmap.progress import progress_bar

__all__ = ["add_article_options", "configure", "parse_date", "print_report", "run"]


def parse_date(text: str) -> date:
    """Argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from err


def add_article_options(p: argparse.ArgumentParser) -> None:
    """Options shared by commands that read articles."""
    p.add_argument(
        "--published",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="publication date for articles that state none",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"skip files larger than N bytes (default {DEFAULT_MAX_BYTES:,})",
    )


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap extract``."""
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article files (.txt, .md, .html) or directories",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write events to FILE (.geojson, .gpkg or .csv)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per event")
    add_article_options(p)


def print_report(report: ExtractionReport) -> None:
    """The run's closing summary on stderr: events by type, problems, unresolved places."""
    err = sys.stderr
    kinds = Counter(e.type for e in report.events)
    summary = ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none"
    print(f"{len(report.articles)} article(s), {len(report.events)} event(s): {summary}", file=err)
    for problem in report.problems:
        print(f"skipped {problem.source}: {problem.message}", file=err)
    for source, warning in report.warnings:
        print(f"warning {source}: {warning}", file=err)
    if report.unresolved:
        names = ", ".join(sorted({n for _, n in report.unresolved}))
        print(f"unresolved places (events kept without coordinates): {names}", file=err)


def run(args: argparse.Namespace) -> int:
    """Extract, write and report; exit 1 when a file had to be skipped."""
    if args.max_bytes <= 0:
        raise InputError(f"--max-bytes must be positive, got {args.max_bytes}")
    with progress_bar("extracting") as update:
        frame, report = extract_with_report(
            args.paths, published=args.published, max_bytes=args.max_bytes, progress=update
        )
    if args.output is not None:
        write_events(frame, args.output)
        print(f"wrote {len(frame)} event(s) to {args.output}", file=sys.stderr)
    if args.json or args.output is None:
        for event in report.events:
            print(json.dumps(event.to_json(), ensure_ascii=False))
    print_report(report)
    return 1 if report.problems else 0

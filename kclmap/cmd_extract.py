"""``kclmap extract``: articles -> events table (GeoJSON, GeoPackage, CSV or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kclmap.engines import (
    add_engine_options,
    check_engine_options,
    cli_version,
    find_stamp,
    open_cache,
    save_stamp,
    stream_events,
)
from kclmap.options import count
from kclmap.problems import NOT_FOUND_LINE, ProblemLog

if TYPE_CHECKING:
    from geo.articles import ReadProblem
    from geo.engine import ExtractionCache, RunReport
    from geo.events import Event
    from geo.pipeline import ExtractionReport

__all__ = [
    "DEFAULT_MAX_ARTICLES",
    "NOTHING_READ",
    "add_article_options",
    "check_article_paths",
    "check_problems_path",
    "configure",
    "note_nothing_read",
    "parse_date",
    "print_report",
    "print_run_summary",
    "problems_path",
    "run",
    "run_problems",
    "run_settings",
    "run_summary_lines",
    "strict_problems",
]

DEFAULT_MAX_ARTICLES = 100_000
# The default of --max-bytes, as geo.articles.DEFAULT_MAX_BYTES (not imported: the parser
# must build without loading the packages; a test keeps the two equal).
DEFAULT_MAX_BYTES = 5_000_000


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
    p.add_argument(
        "--max-articles",
        type=count,
        default=DEFAULT_MAX_ARTICLES,
        metavar="N",
        help=f"refuse runs of more than N article files (default {DEFAULT_MAX_ARTICLES:,})",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="make any problem fatal: a skipped file, a warning or an unresolved place "
        "stops the run before anything is written (exit 1)",
    )


def check_article_paths(paths: list[Path], max_articles: int) -> int:
    """Count the article files under ``paths`` before any is read; return the count.

    Raises
    ------
    InputError
        A path does not exist, or there are more than ``max_articles`` files.
    """
    from geo.articles import iter_article_paths
    from geo.errors import InputError

    n = 0
    for _ in iter_article_paths(paths):
        n += 1
        if n > max_articles:
            raise InputError(
                f"more than {max_articles:,} article files under the given paths; "
                "raise the limit with --max-articles N"
            )
    return n


NOTHING_READ = "no article files (.txt, .md, .html, .htm) found: nothing read"


def run_problems(report: ExtractionReport | RunReport, paths: list[Path]) -> list[ReadProblem]:
    """What the run skipped: unreadable files, articles not in English, no input at all.

    These make the exit code 1. (Warnings and unresolved places are problems only with
    ``--strict``: see :func:`strict_problems`.) Takes a whole run's report or a streamed one.
    """
    from geo.articles import ReadProblem

    problems = list(report.problems)
    problems += [
        ReadProblem(source, warning)
        for source, warning in report.warnings
        if "no events extracted" in warning
    ]
    if not report.articles and not report.problems:
        problems.append(ReadProblem(", ".join(str(p) for p in paths), NOTHING_READ))
    return problems


def note_nothing_read(
    report: ExtractionReport | RunReport, paths: list[Path], problems: ProblemLog
) -> None:
    """Add the one-line problem of a run that found no article file at all (if it is one)."""
    if not report.articles and not report.problems:
        problems.add("skipped", ", ".join(str(p) for p in paths), NOTHING_READ)


def strict_problems(report: ExtractionReport | RunReport, paths: list[Path]) -> list[str]:
    """Every problem of the run, one line each: what ``--strict`` refuses."""
    lines = [f"skipped {p.source}: {p.message}" for p in run_problems(report, paths)]
    lines += [
        f"warning {source}: {w}" for source, w in report.warnings if "no events extracted" not in w
    ]
    lines += [f"unresolved place {name!r} in {source}" for source, name in report.unresolved]
    return lines


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
    p.add_argument(
        "--schema",
        choices=("kclmap", "acled"),
        default="kclmap",
        help="column layout of a .csv output (acled: ACLED's, to append to an ACLED table)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per event")
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="keep only events with confidence >= X (0.7 keeps events right >= 90%% of the time "
        "on the development corpus)",
    )
    p.add_argument(
        "--problems",
        type=Path,
        metavar="FILE",
        help="list every skipped file, warning and unresolved name in FILE (.csv; "
        "default with -o: OUTPUT_STEM.problems.csv beside the output)",
    )
    add_article_options(p)
    add_engine_options(p)


def print_report(report: ExtractionReport, paths: list[Path] | None = None) -> None:
    """The run's closing summary on stderr: events by type, problems, unresolved places."""
    err = sys.stderr
    kinds = Counter(e.type for e in report.events)
    summary = ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none"
    print(f"{len(report.articles)} article(s), {len(report.events)} event(s): {summary}", file=err)
    for problem in run_problems(report, paths or []):
        print(f"skipped {problem.source}: {problem.message}", file=err)
    for source, warning in report.warnings:
        if "no events extracted" not in warning:
            print(f"warning {source}: {warning}", file=err)
    if report.unresolved:
        names = ", ".join(sorted({n for _, n in report.unresolved}))
        print(NOT_FOUND_LINE + f"{names}", file=err)


def run_summary_lines(
    report: RunReport, problems: ProblemLog, csv_path: Path | None, *, from_cache: int | None = None
) -> list[str]:
    """The closing summary of a streamed run: counts, then problems collapsed by kind."""
    summary = ", ".join(f"{n} {k}" for k, n in report.by_type.most_common()) or "none"
    cached_n = report.from_cache if from_cache is None else from_cache
    cached = f" ({cached_n} from the cache)" if cached_n else ""
    lines = [f"{report.articles} article(s){cached}, {report.events} event(s): {summary}"]
    return lines + problems.summary_lines(csv_path=csv_path)


def print_run_summary(report: RunReport, problems: ProblemLog, csv_path: Path | None) -> None:
    """Print :func:`run_summary_lines` on stderr."""
    for line in run_summary_lines(report, problems, csv_path):
        print(line, file=sys.stderr)


def problems_path(args: argparse.Namespace) -> Path | None:
    """Where the problems list goes: ``--problems``, else beside ``--output``, else nowhere."""
    if args.problems is not None:
        return Path(args.problems)
    if args.output is not None:
        return Path(args.output).with_name(Path(args.output).stem + ".problems.csv")
    return None


def run_settings(args: argparse.Namespace, csv_path: Path | None) -> str:
    """Everything besides the articles that decides what ``run`` writes (for its stamp)."""
    from geo.engine.stamp import settings_key

    return settings_key(
        {
            "command": "extract",
            "cli": cli_version(),
            "output": str(Path(args.output).absolute()),
            "schema": args.schema,
            "min_confidence": args.min_confidence,
            "strict": args.strict,
            "published": args.published,
            "max_bytes": args.max_bytes,
            "problems": str(csv_path.absolute()) if csv_path is not None else None,
        }
    )


def check_problems_path(csv_path: Path, output: Path | None) -> None:
    """Refuse a problems list that is not a .csv, or that would overwrite the output."""
    from geo.engine import check_writable_dir
    from geo.errors import InputError

    if csv_path.suffix.lower() != ".csv":
        raise InputError(f"--problems {str(csv_path)!r}: the problems list is a .csv file")
    if output is not None and csv_path.absolute() == Path(output).absolute():
        raise InputError(f"--problems {str(csv_path)!r} is the events output itself")
    check_writable_dir(csv_path.parent)


def run(args: argparse.Namespace) -> int:
    """Extract, write and report; exit 1 when a file had to be skipped.

    Everything that can be checked is checked before any article is read: the options, the
    output's extension and folder, the input paths and their number. Events are written in
    batches to a temporary file that replaces the output at the end (with ``--strict``, only
    when the run had no problem; never when no article could be read). With the cache on, a
    rerun whose articles, settings and output files are all as the last run left them writes
    nothing and says so (see :mod:`geo.engine.stamp`).
    """
    from geo.engine import check_events_path
    from geo.errors import InputError

    if args.max_bytes <= 0:
        raise InputError(f"--max-bytes must be positive, got {args.max_bytes}")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise InputError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    check_engine_options(args)
    csv_path = problems_path(args)
    if csv_path is not None:
        check_problems_path(csv_path, args.output)
    if args.output is not None:
        check_events_path(args.output, schema=args.schema)
    check_article_paths(args.paths, args.max_articles)
    to_stdout = args.json or args.output is None
    cache = open_cache(args)
    try:
        settings = run_settings(args, csv_path) if not to_stdout and cache is not None else None
        keys = None
        if cache is not None and settings is not None:
            stamp, keys = find_stamp(args, cache, args.output, settings)
            if stamp is not None:
                for line in stamp.lines:
                    print(line, file=sys.stderr)
                print(
                    f"nothing changed since the last run: {args.output} left as it was "
                    "(--no-cache to extract again)",
                    file=sys.stderr,
                )
                return stamp.code
        return _extract(args, cache, keys, settings, csv_path)
    finally:
        if cache is not None:
            cache.close()


def _extract(
    args: argparse.Namespace,
    cache: ExtractionCache | None,
    keys: dict[str, str | None] | None,
    settings: str | None,
    csv_path: Path | None,
) -> int:
    """The run proper: stream, write, summarise, stamp."""
    from geo.engine import EventSink
    from geo.engine.stamp import file_signature

    to_stdout = args.json or args.output is None
    sink = EventSink(args.output, schema=args.schema) if args.output is not None else None
    held: list[Event] = []  # with --strict, JSON lines wait for the verdict
    problems = ProblemLog()
    dropped = 0

    def consume(batch: list[Event]) -> None:
        nonlocal dropped
        if args.min_confidence > 0:
            kept = [e for e in batch if e.confidence >= args.min_confidence]
            dropped += len(batch) - len(kept)
            batch = kept
        if sink is not None:
            sink.write(batch)
        if to_stdout and args.strict:
            held.extend(batch)
        elif to_stdout:
            sys.stdout.write(
                "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in batch)
            )

    signature = None
    try:
        report = stream_events(args, consume, problems, cache=cache, keys=keys)
        if args.strict and (refused := strict_problems(report, args.paths)):
            for line in refused:
                print(line, file=sys.stderr)
            print(f"--strict: {len(refused)} problem(s), nothing written", file=sys.stderr)
            return 1
        if sink is not None and not report.articles:
            # nothing could be read: the earlier output is worth more than an empty one
            note_nothing_read(report, args.paths, problems)
            for line in run_summary_lines(report, problems, None):
                print(line, file=sys.stderr)
            print(
                f"no article could be read: nothing written ({args.output} is left as it was)",
                file=sys.stderr,
            )
            return 1
        if sink is not None:
            inode = sink.commit_inode()
            signature = file_signature(args.output)
            if signature is not None and not signature.endswith(f":{inode}"):
                signature = None  # another run replaced the file meanwhile: no stamp
    finally:
        if sink is not None:
            sink.abort()
    for event in held:
        print(json.dumps(event.to_json(), ensure_ascii=False))
    head: list[str] = []
    if args.min_confidence > 0:
        head.append(f"left out {dropped} event(s) below confidence {args.min_confidence}")
    note_nothing_read(report, args.paths, problems)
    if csv_path is not None and (len(problems) or csv_path.exists()):
        problems.write_csv(csv_path)
    shown_csv = csv_path if len(problems) else None
    if sink is not None:
        print(f"wrote {sink.written} event(s) to {args.output}", file=sys.stderr)
    for line in head + run_summary_lines(report, problems, shown_csv):
        print(line, file=sys.stderr)
    code = 1 if run_problems(report, args.paths) else 0
    if cache is not None and settings is not None and signature is not None:
        outputs: dict[Path, str | None] = {args.output: signature}
        if csv_path is not None:
            outputs[csv_path] = file_signature(csv_path)
        # told again by a rerun that finds nothing changed: all its articles "from the cache"
        again = head + run_summary_lines(report, problems, shown_csv, from_cache=report.articles)
        save_stamp(cache, args.output, report, settings, outputs, lines=again, code=code)
    return code

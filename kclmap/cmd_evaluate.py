"""``kclmap evaluate GOLD ARTICLES_DIR``: measure extraction on articles you annotated.

Gold is an articles-format ``.json`` or a notes-format ``.csv`` (the formats of
``tests/data/corpus/``, described in its README); the articles are extracted here, or read
from a ``--pred`` file of ``kclmap extract --json`` lines.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the packages load when the command runs, not when the parser is built
    from geo.evaluate import ArticleScore, NoteScore

__all__ = ["configure", "run"]


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap evaluate``."""
    p.add_argument("gold", type=Path, metavar="GOLD", help="gold.json (articles) or .csv (notes)")
    p.add_argument("folder", type=Path, metavar="ARTICLES_DIR", help="the annotated articles")
    p.add_argument(
        "--pred",
        type=Path,
        metavar="FILE",
        help="score these `kclmap extract --json` lines instead of extracting",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="score only events with confidence >= X",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print the figures only")


def _load_gold(path: Path) -> tuple[str, list[dict[str, Any]]]:
    from geo.errors import InputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read gold file {str(path)!r}: {err}") from err
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        missing = {"file", "kclmap_type", "lat", "lon"} - set(rows[0] if rows else {})
        if missing:
            raise InputError(f"{str(path)!r} is no notes gold: missing {sorted(missing)}")
        return "notes", rows
    try:
        data = json.loads(text)
    except ValueError as err:
        raise InputError(f"{str(path)!r} is neither a notes .csv nor JSON: {err}") from err
    if not isinstance(data, list) or not all(isinstance(a, dict) and "file" in a for a in data):
        raise InputError(f"{str(path)!r}: expected a JSON list of objects with a 'file' key")
    return "articles", data


def _predictions(args: argparse.Namespace) -> list[dict[str, Any]]:
    from geo.errors import InputError
    from geo.pipeline import extract_with_report

    if args.pred is not None:
        try:
            lines = args.pred.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"cannot read predictions {str(args.pred)!r}: {err}") from err
        preds = []
        for line in lines:
            if line.strip().startswith("{"):
                try:
                    preds.append(json.loads(line))
                except ValueError:
                    continue
        return preds
    if not args.folder.is_dir():
        raise InputError(f"{str(args.folder)!r} is not a directory of articles")
    _frame, report = extract_with_report([args.folder])
    for problem in report.problems:
        print(f"skipped {problem.source}: {problem.message}", file=sys.stderr)
    return [e.to_json() for e in report.events]


def _confusion(table: dict[tuple[str, str], int], title: str) -> list[str]:
    gold = sorted({g for g, _ in table})
    got = sorted({p for _, p in table})
    corner = "gold/got"
    width = max(len(x) for x in [*gold, *got, corner]) + 1
    head = corner.ljust(width) + "".join(p.rjust(width) for p in got)
    rows = [
        f"{g:<{width}}" + "".join(f"{table.get((g, p), 0):>{width}}" for p in got) for g in gold
    ]
    return [title, head, *rows]


def _print_articles(score: ArticleScore, quiet: bool) -> None:
    out: list[str] = [] if quiet else list(score.lines)
    out.append("field        precision  recall    F1")
    for name, fs in score.fields.items():
        out.append(f"{name:<12} {fs.precision:9.2f} {fs.recall:7.2f} {fs.f1:5.2f}")
    if not quiet:
        out += _confusion(dict(score.confusion), "types (rows gold, '-' = none; columns got):")
    out.append(
        f"published date right: {score.published_right}/{score.files}; "
        f"fatalities exact: {score.fatalities_right}/{score.fatalities_n}"
    )
    out.append(
        f"events: recall {score.recall:.2f} ({score.found}/{score.required} required), "
        f"precision {score.precision:.2f} ({score.matched}/{score.predictions}), F1 {score.f1:.2f}"
    )
    print("\n".join(out))


def _print_notes(score: NoteScore, quiet: bool) -> None:
    out: list[str] = [] if quiet else list(score.lines)
    if not quiet:
        out += _confusion(dict(score.confusion), "types (rows gold, columns got; '-' = no event):")
    out.append(
        f"notes: placed and typed {score.share(score.both):.1f}% ({score.both}/{score.notes}), "
        f"placed {score.share(score.placed):.1f}%, typed {score.share(score.typed):.1f}%"
    )
    print("\n".join(out))


def run(args: argparse.Namespace) -> int:
    """Extract (or read predictions), score against gold and print the figures."""
    from geo.evaluate import score_articles, score_notes

    kind, gold = _load_gold(args.gold)
    preds = [
        p for p in _predictions(args) if float(p.get("confidence") or 0) >= args.min_confidence
    ]
    if kind == "articles":
        _print_articles(score_articles(gold, preds), args.quiet)
    else:
        _print_notes(score_notes(gold, preds), args.quiet)
    return 0

"""``kclmap geocode`` and ``kclmap places``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the packages load when a command runs, not when the parser is built
    from gazetteer import OnlineFallback
    from gazetteer.model import Match

__all__ = ["configure_geocode", "configure_places", "run_geocode", "run_places"]

CACHE = Path.home() / ".cache" / "kclmap" / "nominatim.json"


def configure_geocode(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap geocode``."""
    p.add_argument("names", nargs="*", metavar="NAME", help="place names to resolve")
    p.add_argument("--file", type=Path, help="read names from FILE, one per line")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    _hint_arguments(p)
    p.add_argument(
        "--online",
        action="store_true",
        help="ask OpenStreetMap Nominatim for names the gazetteer lacks (network)",
    )


def _hint_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--hint",
        metavar="GOVERNORATE",
        help="prefer places in this governorate (any common form: Ninewa, Sala al-Din, Dahuk, "
        "Babylon, Thi-Qar, or a major city)",
    )
    p.add_argument(
        "--hint-district",
        metavar="DISTRICT",
        help="prefer places in this district (qadha), e.g. Tuz, Daquq, Sinjar",
    )


def _check_hints(args: argparse.Namespace) -> None:
    """Refuse a hint that names no governorate or district (a typo would silently do nothing)."""
    from gazetteer import default_gazetteer
    from gazetteer.errors import KclmapError

    gaz = default_gazetteer()
    if args.hint and gaz.governorate(args.hint) is None:
        raise KclmapError(
            f"--hint {args.hint!r} names no Iraqi governorate; use e.g. Ninewa, Kirkuk, Diyala"
        )
    if args.hint_district and gaz.district(args.hint_district) is None:
        raise KclmapError(
            f"--hint-district {args.hint_district!r} names no Iraqi district; use e.g. Daquq"
        )


def _line(match: Match) -> str:
    p = match.place
    where = ", ".join(x for x in (p.admin2, p.admin1) if x and x != p.name)
    alt = ""
    if match.ambiguous:
        alt = (
            "  [ambiguous; also: "
            + "; ".join(
                f"{a.name} ({a.kind}, {a.admin2 or a.admin1})" for a, _ in match.alternatives[:3]
            )
            + "]"
        )
    return (
        f"{match.query}\t{p.name} ({p.kind}{', ' + where if where else ''})\t"
        f"{p.lat:.5f}, {p.lon:.5f}\t±{p.precision_km:g} km\tscore {match.score:.2f}{alt}"
    )


def _online_resolve(online: OnlineFallback, name: str) -> Match | None:
    """Nominatim's answer for ``name``; ``None`` (and one stderr line) when the service fails.

    Raises
    ------
    UnknownPlaceError
        Nominatim answered and does not know ``name``.
    """
    from geopy.exc import GeopyError

    try:
        return online.resolve(name)
    except GeopyError as err:
        reason = f"{type(err).__name__}: {err}".splitlines()[0]
        print(
            f"kclmap geocode: online fallback failed ({reason}); giving offline answers only",
            file=sys.stderr,
        )
        return None


def run_geocode(args: argparse.Namespace) -> int:
    """Resolve every name; print a line each; exit 1 if any was not found."""
    from gazetteer import OnlineFallback, UnknownPlaceError, default_gazetteer
    from gazetteer.errors import KclmapError
    from kclmap.textio import read_text_file

    names = list(args.names)
    if args.file is not None:
        names += [ln.strip() for ln in read_text_file(args.file).splitlines() if ln.strip()]
    if not names:
        raise KclmapError("no names given: pass NAME arguments or --file FILE")
    _check_hints(args)
    gaz = default_gazetteer()
    online = OnlineFallback(CACHE) if args.online else None
    failed = 0
    for name in names:
        try:
            try:
                match = gaz.resolve(name, hint=args.hint, hint_district=args.hint_district)
            except UnknownPlaceError:
                if online is None:
                    raise
                online_match = _online_resolve(online, name)
                if online_match is None:  # the service failed: offline answers only from now on
                    online = None
                    raise
                match = online_match
        except UnknownPlaceError as err:
            failed += 1
            suggestions = list(dict.fromkeys([*err.suggestions, *gaz.suggest(name)]))[:5]
            if args.json:
                print(
                    json.dumps(
                        {
                            "query": name,
                            "error": "not found",
                            "reason": err.reason or None,
                            "suggestions": suggestions,
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                why = f": {err.reason}" if err.reason else ""
                print(
                    f"{name}\tnot found{why}"
                    + (f" (did you mean: {', '.join(suggestions)})" if suggestions else "")
                )
            continue
        print(json.dumps(match.to_dict(), ensure_ascii=False) if args.json else _line(match))
    sys.stdout.flush()
    return 1 if failed else 0


def configure_places(p: argparse.ArgumentParser) -> None:
    """Arguments of ``kclmap places``."""
    p.add_argument("file", type=Path, metavar="FILE", help="a text file (UTF-8)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    _hint_arguments(p)


def run_places(args: argparse.Namespace) -> int:
    """Print each place mention in FILE with its offsets and resolution."""
    from gazetteer import default_spotter
    from kclmap.textio import read_text_file

    _check_hints(args)
    text = read_text_file(args.file)
    spotter = default_spotter()
    for m in spotter.spot(text, hint=args.hint, hint_district=args.hint_district):
        record = {"text": m.text, "start": m.start, "end": m.end}
        if m.match is not None:
            record |= {k: v for k, v in m.match.to_dict().items() if k != "query"}
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        elif m.match is None:
            print(f"{m.start}-{m.end}\t{m.text}\tunresolved")
        else:
            print(f"{m.start}-{m.end}\t{_line(m.match)}")
    return 0

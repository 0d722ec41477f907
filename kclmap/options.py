"""Option values checked before any work: argparse types and checks of paths and combinations.

Every check raises :class:`~geo.errors.InputError` (or :class:`argparse.ArgumentTypeError`
inside argparse) with a one-line message that echoes the value and says what was expected,
so a bad option costs nothing: no file is read, no output is written.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
from pathlib import Path

__all__ = [
    "IRAQ_BOUNDS",
    "MAX_RADIUS_KM",
    "bbox",
    "check_around",
    "check_writable_dir",
    "count",
    "positive_km",
    "report_path",
]

# lon_min, lat_min, lon_max, lat_max (EPSG:4326) of Iraq's outline (OCHA COD-AB admin 0,
# geo/data/reference/iraq_adm0.geojson: 38.795, 29.070, 48.624, 37.377), rounded outwards.
IRAQ_BOUNDS = (38.7, 29.0, 48.7, 37.4)
# A static map "around" a place wider than this is no longer a zoom on northern Iraq.
MAX_RADIUS_KM = 1000.0


def positive_km(text: str) -> float:
    """Argparse type: a finite distance in km greater than zero (``inf``, ``nan``, ``-1`` fail)."""
    try:
        value = float(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of km") from err
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a finite number of km above 0")
    return value


def count(text: str) -> int:
    """Argparse type: a whole number of at least 1 (limits such as ``--max-articles``)."""
    try:
        value = int(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from err
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number of at least 1")
    return value


def bbox(text: str) -> tuple[float, float, float, float]:
    """Argparse type: ``W,S,E,N`` in degrees (EPSG:4326) with min < max, overlapping Iraq."""
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError as err:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not LON_MIN,LAT_MIN,LON_MAX,LAT_MAX"
        ) from err
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected four finite numbers LON_MIN,LAT_MIN,LON_MAX,LAT_MAX"
        )
    west, south, east, north = values
    if not (west < east and south < north):
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected LON_MIN,LAT_MIN,LON_MAX,LAT_MAX with min < max"
        )
    i_west, i_south, i_east, i_north = IRAQ_BOUNDS
    if east <= i_west or west >= i_east or north <= i_south or south >= i_north:
        raise argparse.ArgumentTypeError(
            f"{text!r} lies outside Iraq (lon {i_west:g} to {i_east:g}, lat {i_south:g} to "
            f"{i_north:g}); give LON_MIN,LAT_MIN,LON_MAX,LAT_MAX, e.g. 43,34.5,45.5,36.5"
        )
    return (west, south, east, north)


def check_around(around: str | None, radius: float | None) -> float | None:
    """The static map's half-width in km for ``--around``/``--radius`` (default 50).

    Raises
    ------
    InputError
        ``--radius`` without ``--around``, or a radius that is not finite, not above 0 or
        over :data:`MAX_RADIUS_KM`.
    """
    from geo.errors import InputError

    if radius is None:
        return 50.0 if around else None
    if not around:
        raise InputError(
            f"--radius {radius:g} needs --around PLACE (or give the extent with --bbox W,S,E,N)"
        )
    if not math.isfinite(radius) or radius <= 0 or radius > MAX_RADIUS_KM:
        raise InputError(
            f"--radius must be a number of km above 0 and at most {MAX_RADIUS_KM:g}, got {radius:g}"
        )
    return radius


def _probe(folder: Path) -> None:
    """Create and remove a file in ``folder``: the only test of writability that root obeys."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".kclmap-probe-")
    os.close(fd)
    os.unlink(name)


def check_writable_dir(path: Path, *, what: str = "output folder") -> None:
    """Fail now, before any work, if ``path`` cannot be (created and) written as a folder.

    Nothing is created: for a folder that does not exist yet, the nearest existing parent
    must be a writable folder.

    Raises
    ------
    InputError
        ``path`` is a file, or it (or its nearest existing parent) is not writable.
    """
    from geo.errors import InputError

    if path.exists() and not path.is_dir():
        raise InputError(f"{what} {str(path)!r} exists and is not a directory")
    existing = path
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(f"cannot create {what} {str(path)!r}: {str(existing)!r} is a file")
    try:
        _probe(existing)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        where = "" if existing == path else f" (in {str(existing)!r})"
        raise InputError(
            f"cannot write the {what} {str(path)!r}{where}: {reason}; choose another -o"
        ) from err


def report_path(text: str) -> Path:
    """Where ``kclmap report -o PATH`` writes the report.

    ``PATH`` itself if it ends in ``.html``/``.htm``; ``PATH/report.html`` if ``PATH`` is a
    folder or ends with a slash (the raw text is needed: ``Path`` drops the slash).

    Raises
    ------
    InputError
        Any other extension (``report.pdf``): the report is HTML.
    """
    from geo.errors import InputError

    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        return path / "report.html"
    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(
            f"the report is HTML: {text!r} should end in .html (or name a folder for "
            "report.html); print it to PDF from a browser"
        )
    return path

"""Lines of long features (the Hamrin range, Wadi Hauran) and the part nearest a context.

``gazetteer/data/shapes.geojson`` is built by ``scripts/build_gazetteer.py`` from
``gazetteer/data/shapes.csv``: for each feature, its own cited points in order along it. A
feature named with other places is placed at the point of its line nearest to them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from gazetteer.errors import GazetteerError
from gazetteer.model import Place

__all__ = ["PART_KM", "Line", "load_shapes", "nearest_part"]

Line = tuple[tuple[float, float], ...]  # (lon, lat) vertices, WGS84
PART_KM = 20.0  # radius given to the part of a long feature chosen by its context


def load_shapes(path: Path) -> dict[str, Line]:
    """Read ``shapes.geojson``: feature id -> LineString vertices (lon, lat)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as err:
        raise GazetteerError(f"Cannot read feature shapes {str(path)!r}: {err}.") from err
    return {
        f["properties"]["id"]: tuple((float(x), float(y)) for x, y in f["geometry"]["coordinates"])
        for f in features
        if f["geometry"]["type"] == "LineString"
    }


def _project(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    """Equirectangular km around latitude ``lat0`` (good to < 1 % over a few hundred km)."""
    return lon * 111.32 * math.cos(math.radians(lat0)), lat * 110.57


def _closest_on_line(line: Line, lon: float, lat: float) -> tuple[float, float, float]:
    """(lon, lat, km) of the point of ``line`` closest to (lon, lat)."""
    lat0 = lat
    px, py = _project(lon, lat, lat0)
    best = (line[0][0], line[0][1], math.inf)
    for (ax_, ay_), (bx_, by_) in pairwise(line):
        ax, ay = _project(ax_, ay_, lat0)
        bx, by = _project(bx_, by_, lat0)
        dx, dy = bx - ax, by - ay
        seg = dx * dx + dy * dy
        t = 0.0 if seg == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg))
        cx, cy = ax + t * dx, ay + t * dy
        d = math.hypot(px - cx, py - cy)
        if d < best[2]:
            best = (ax_ + t * (bx_ - ax_), ay_ + t * (by_ - ay_), d)
    return best


def nearest_part(place: Place, line: Line, anchors: Sequence[Place]) -> Place:
    """The part of a long feature nearest the ``anchors`` (the other places of the text).

    Returns ``place`` moved to the line's point closest to the nearest anchor, with radius
    :data:`PART_KM` (never more than the feature's own) and no admin units (those
    were its cited point's; locate the part in polygons if needed); ``place`` itself with no
    anchors. Distances are equirectangular km around the anchor (< 1 % off at this scale).
    """
    if not anchors or len(line) < 2:
        return place
    lon, lat, _ = min(
        (_closest_on_line(line, a.lon, a.lat) for a in anchors), key=lambda hit: hit[2]
    )
    return replace(
        place,
        lon=round(lon, 5),
        lat=round(lat, 5),
        admin1="",  # the units of the feature's own point, not of this part
        admin2="",
        admin3="",
        precision_km=min(place.precision_km, PART_KM),
    )

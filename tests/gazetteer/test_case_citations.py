"""The expected points of ``tests/data/geocode_cases.csv`` are the cited reference rows."""

import csv
import re

import pytest

from tests.conftest import DATA, ROOT

REF = ROOT / "geo" / "data" / "reference"
# Cited file -> (id column, id prefix to strip, lat column, lon column).
_FILES = {
    "iraq_places_extra.tsv": ("id", "", "lat", "lon"),
    "wikipedia_iraq_conflict_map_places.tsv": ("id", "", "lat", "lon"),
    "iraq_features_curated.tsv": ("id", "", "lat", "lon"),
    "geonames_iq_cities500.tsv": ("geonameid", "gn:", "latitude", "longitude"),
}


def _points(fname: str) -> dict[str, tuple[float, float]]:
    id_col, prefix, lat, lon = _FILES[fname]
    with (REF / fname).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {prefix + r[id_col]: (float(r[lat]), float(r[lon])) for r in rows}


def _cited() -> list[dict[str, str]]:
    with (DATA / "geocode_cases.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r for r in rows if any(f in r["source"] for f in _FILES)]


CITED = _cited()


def test_most_cases_cite_a_reference_row():
    assert len(CITED) >= 150


@pytest.mark.parametrize("case", CITED, ids=[f"{c['variant']}|{c['hint']}" for c in CITED])
def test_expected_point_is_the_cited_reference_row(case):
    fname = next(f for f in _FILES if f in case["source"])
    row_id = case["expected_id"]
    cited = re.search(r"row (\S+?)[),]", case["source"])
    if cited and not row_id.startswith("gn:"):
        assert cited.group(1) == row_id
    lat, lon = _points(fname)[row_id]
    assert (round(lat, 4), round(lon, 4)) == (
        round(float(case["lat"]), 4),
        round(float(case["lon"]), 4),
    )

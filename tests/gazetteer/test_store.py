import gzip

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.normalize import fuzzy_key, light_key, spot_key
from gazetteer.store import DATA_DIR, load_names, load_places


def test_shipped_keys_match_the_current_normaliser():
    # The keys in names.tsv.gz are precomputed; a normaliser change needs `make gazetteer`.
    rows = load_names()
    for row in rows[:: max(1, len(rows) // 2000)]:
        assert (row.key, row.fkey, row.spot) == (
            light_key(row.name),
            fuzzy_key(row.name),
            spot_key(row.name),
        ), row


def test_places_have_coordinates_inside_iraq_and_positive_radius():
    places = load_places()
    assert len(places) > 23_000
    for p in places:
        assert 29.0 < p.lat < 37.5, p
        assert 38.7 < p.lon < 48.9, p  # Basra's offshore oil terminals lie at 48.81 E
        assert p.precision_km > 0


def test_missing_data_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="Rebuild it"):
        load_places(tmp_path)


def test_corrupt_data_file_is_a_clear_error(tmp_path):
    (tmp_path / "places.tsv.gz").write_bytes(b"not gzip")
    with pytest.raises(GazetteerError, match="Cannot read"):
        load_places(tmp_path)


def test_data_files_carry_their_header():
    with gzip.open(DATA_DIR / "names.tsv.gz", "rt", encoding="utf-8") as fh:
        assert fh.readline().split("\t")[0] == "place"

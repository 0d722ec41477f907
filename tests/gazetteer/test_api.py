import subprocess
import sys

import pytest

import gazetteer
from gazetteer import OfflineGazetteer, OnlineFallback, UnknownPlaceError


@pytest.mark.parametrize("name", gazetteer.__all__)
def test_every_public_name_exists(name):
    assert hasattr(gazetteer, name)


def test_importing_gazetteer_loads_no_heavy_libraries():
    code = (
        "import sys, gazetteer; gazetteer.default_gazetteer().resolve('Kirkuk');"
        "print(sorted(m for m in ('folium','matplotlib','geopandas','pandas','shapely')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_geopy_geocoder_returns_location_with_full_record(gaz):
    loc = OfflineGazetteer(gaz).geocode("Makhmour")
    assert loc is not None
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (35.78, 43.58)
    assert loc.raw["kind"] == "town"
    assert loc.raw["admin1"] == "Erbil"


def test_geopy_geocoder_returns_none_when_not_found(gaz):
    assert OfflineGazetteer(gaz).geocode("Qwxzz Nowhere") is None


def test_geopy_geocoder_lists_alternatives_when_not_exactly_one(gaz):
    locs = OfflineGazetteer(gaz).geocode("Sinjar", exactly_one=False)
    assert isinstance(locs, list)
    assert len(locs) >= 2


class FakeNominatim:
    """Stands in for geopy's Nominatim (geopandas' ForwardMock idea): no network in tests."""

    def __init__(self):
        self.calls = []

    def __call__(self, query):
        from geopy.location import Location

        self.calls.append(query)
        if query == "Nowhere":
            return None
        return Location("Kolajo, Kalar, Iraq", (34.8, 45.1), {})


def test_online_fallback_caches_answers_on_disk(tmp_path):
    fake = FakeNominatim()
    cache = tmp_path / "cache.json"
    online = OnlineFallback(cache, geocode_fn=fake)
    first = online.resolve("Kolajo")
    again = OnlineFallback(cache, geocode_fn=fake).resolve("kolajo")
    assert (first.place.lat, again.place.lat) == (34.8, 34.8)
    assert fake.calls == ["Kolajo"]
    assert first.method == "online"


def test_online_fallback_not_found_raises_and_is_cached(tmp_path):
    fake = FakeNominatim()
    online = OnlineFallback(tmp_path / "c.json", geocode_fn=fake)
    for _ in range(2):
        with pytest.raises(UnknownPlaceError, match="Nowhere"):
            online.resolve("Nowhere")
    assert fake.calls == ["Nowhere"]


def test_loading_the_default_gazetteer_leaves_the_callers_gc_alone():
    # A library call must not move the caller's live objects into the permanent generation
    # (gc.freeze): only a process that owns its lifetime (an extraction worker) may.
    code = (
        "import gc, gazetteer; keep = [[i] for i in range(1000)]; n = gc.get_freeze_count();"
        "gazetteer.default_gazetteer().resolve('Kirkuk'); print(gc.get_freeze_count() - n)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"

"""Every public function that takes a path accepts ``str`` and any ``os.PathLike``, as geopandas
and folium do (``maps.save_map(m, "map.html")`` raised AttributeError before)."""

import os
from pathlib import Path

import pytest

from tests.conftest import DATA, SEEDS


class FsPath:
    """A PathLike that is not a pathlib.Path (as fsspec/pyfilesystem-style objects are)."""

    def __init__(self, path):
        self._path = os.fspath(path)

    def __fspath__(self):
        return self._path


KINDS = [
    pytest.param(str, id="str"),
    pytest.param(Path, id="Path"),
    pytest.param(FsPath, id="PathLike"),
]
EVENTS = DATA / "datasets" / "kclmap_events.csv"


@pytest.mark.parametrize("kind", KINDS)
def test_save_map_takes_any_path(tmp_path, kind):
    import folium

    from maps import save_map

    save_map(folium.Map(tiles=None), kind(tmp_path / "map.html"), cdn=True)
    assert (tmp_path / "map.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("kind", KINDS)
def test_save_figure_takes_any_path(tmp_path, kind):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from maps import save_figure

    written = save_figure(Figure(), kind(tmp_path / "map.png"))
    assert Path(written).read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".gpkg"])
def test_events_files_take_any_path(tmp_path, kind, suffix):
    from geo import read_events, write_events
    from geo.readers import read_table

    events = read_events(kind(EVENTS))
    target = kind(tmp_path / f"events{suffix}")
    write_events(events, target)
    assert len(read_events(target)) == len(events)
    assert read_table(target).format == "kclmap"


@pytest.mark.parametrize("kind", KINDS)
def test_articles_take_any_path(kind):
    from geo import extract, read_article
    from geo.articles import read_articles

    seed = next(SEEDS.glob("*.txt"))
    assert read_article(kind(seed)).source == str(seed)
    articles, problems = read_articles([kind(SEEDS)])
    assert len(articles) == 5
    assert problems == []
    assert len(extract(str(seed))) >= 1


@pytest.mark.parametrize("kind", KINDS)
def test_gis_writers_and_line_reader_take_any_path(tmp_path, kind):
    from geo import zones
    from geo.gisio import write_gpkg
    from geo.layers import field_types, write_reference_layers
    from maps.qgis import store_styles, write_qml

    line = zones.coordination_line()
    written = write_reference_layers(
        {"coordination_line": line}, kind(tmp_path), gpkg_name="z.gpkg"
    )
    assert [Path(p).name for p in written] == ["coordination_line.geojson", "z.gpkg"]
    assert len(zones.load_line(kind(tmp_path / "coordination_line.geojson"))) == 1
    gpkg = write_gpkg({"coordination_line": (line, field_types(line))}, kind(tmp_path / "l.gpkg"))
    store_styles(kind(gpkg), ["coordination_line"])
    assert write_qml("coordination_line", kind(tmp_path / "l.qml")).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_loaders_take_any_path(tmp_path, kind):
    from gazetteer.geocoder import OnlineFallback
    from gazetteer.store import DATA_DIR, load_aliases

    assert load_aliases(kind(DATA_DIR / "aliases.csv"))
    fallback = OnlineFallback(kind(tmp_path / "cache.json"), geocode_fn=lambda _q: None)
    assert fallback.cache_path == tmp_path / "cache.json"

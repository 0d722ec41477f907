"""The same inputs and options give byte-identical outputs, so they diff in version control."""

import pyogrio
import pytest

from kclmap.cli import main
from tests.cli.conftest import ROBUST
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("twice")
    outs = []
    for name in ("first", "second"):
        assert (
            main(["build", str(SEEDS), str(ROBUST / "hostile_names.txt"), "-o", str(root / name)])
            == 0
        )
        outs.append(root / name)
    return outs


def test_every_file_but_the_geopackage_is_byte_identical(two_builds):
    first, second = two_builds
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert {
        "map.html",
        "map.svg",
        "map.png",
        "events.geojson",
        "report.html",
        "unresolved.csv",
    } <= set(names)
    differ = [
        n
        for n in names
        if n != "kclmap.gpkg" and (first / n).read_bytes() != (second / n).read_bytes()
    ]
    assert differ == []


@pytest.mark.parametrize("layer", ["events", "coordination_line", "gap_band", "districts"])
def test_geopackage_attribute_content_is_identical(two_builds, layer):
    first, second = (pyogrio.read_dataframe(out / "kclmap.gpkg", layer=layer) for out in two_builds)
    assert first.drop(columns="geometry").equals(second.drop(columns="geometry"))
    assert first.geometry.to_wkb().tolist() == second.geometry.to_wkb().tolist()


def test_map_html_has_no_random_element_ids(two_builds):
    import re

    html = (two_builds[0] / "map.html").read_text(encoding="utf-8")
    ids = set(re.findall(r"\b[a-z_]+_([0-9a-f]{32})\b", html))
    assert ids
    assert all(int(i, 16) < 10_000 for i in ids)  # renumbered in tree order, not uuid4s

"""Inputs are never modified; outputs never land outside the output folder."""

import hashlib
import shutil

import pytest

from geo.pipeline import extract
from maps.build import BuildOptions, build_outputs
from tests.cli.conftest import ROBUST, kclmap
from tests.conftest import DATA


def _state(folder):
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_extract_build_and_report_leave_their_inputs_untouched(capsys, tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(DATA / "articles", inputs / "articles")
    shutil.copy(ROBUST / "hostile_names.txt", inputs / "articles")
    events = tmp_path / "events.csv"
    assert kclmap(capsys, "extract", inputs / "articles", "-o", events)[0] == 1  # a13 is Arabic
    shutil.copy(events, inputs / "events.csv")
    before = _state(inputs)
    kclmap(
        capsys,
        "build",
        inputs / "articles",
        "--events",
        inputs / "events.csv",
        "-o",
        tmp_path / "out",
    )
    kclmap(capsys, "report", inputs / "events.csv", "-o", tmp_path / "report.html")
    kclmap(capsys, "enrich", inputs / "events.csv", "-o", tmp_path / "enriched.gpkg")
    assert _state(inputs) == before


def test_every_output_is_inside_the_output_folder(tmp_path, spotter):
    events = extract(ROBUST / "hostile_names.txt", spotter=spotter)
    out = tmp_path / "nested" / "out"
    files = build_outputs(events, out, BuildOptions(title="../../escape"))
    assert files
    assert all(p.parent == out.resolve() or p.parent == out for p in files)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        p.name for p in files
    )


@pytest.mark.parametrize(
    "name", ["../evil.csv", "/tmp/evil.csv", "sub/evil.csv", "..", "", "a\\b.csv"]
)
def test_an_extra_output_name_cannot_leave_the_folder(tmp_path, spotter, name):
    with pytest.raises(ValueError, match="plain file name"):
        build_outputs(
            extract(ROBUST / "good.txt", spotter=spotter),
            tmp_path / "out",
            BuildOptions(extra_files={name: "x"}),
        )
    assert not (tmp_path / "out").exists()

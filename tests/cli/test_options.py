"""Every option is checked before any work: one stderr line, exit 2, nothing written."""

import os

import pytest

from kclmap.options import IRAQ_BOUNDS, bbox, check_writable_dir, report_path
from tests.cli.conftest import ROBUST, kclmap, read_only_folder
from tests.conftest import DATA, SEEDS

EVENTS_CSV = DATA / "acled_style.csv"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        # --around with a radius that draws nothing (the NaN-extent crash of issue 11)
        (["build", SEEDS, "-o", "OUT", "--around", "Kirkuk", "--radius", "0"], "above 0"),
        (["build", SEEDS, "-o", "OUT", "--around", "Kirkuk", "--radius", "-5"], "above 0"),
        (["build", SEEDS, "-o", "OUT", "--around", "Kirkuk", "--radius", "nan"], "above 0"),
        (["build", SEEDS, "-o", "OUT", "--around", "Kirkuk", "--radius", "inf"], "above 0"),
        # an option that would be ignored is refused
        (["build", SEEDS, "-o", "OUT", "--radius", "20"], "needs --around"),
        (["build", SEEDS, "-o", "OUT", "--around", "Xqzzv Nowhere"], "no such place"),
        (["build", SEEDS, "-o", "OUT", "--bbox", "0,0,1,1"], "outside Iraq"),
        (["build", SEEDS, "-o", "OUT", "--bbox", "44,35,43,36"], "min < max"),
        (["build", SEEDS, "-o", "OUT", "--bbox", "44,35,nan,36"], "finite"),
        (["build", SEEDS, "-o", "OUT", "--dpi", "5"], "between 30 and 1200"),
        (["build", SEEDS, "-o", "OUT", "--max-events", "0"], "at least 1"),
        (["build", SEEDS, "-o", "OUT", "--events", "/no/such.csv"], "not a file"),
        (["build", SEEDS, "-o", "OUT", "--line", EVENTS_CSV], "no geometry"),
        (["build", "/no/such/dir", "-o", "OUT"], "does not exist"),
        (["zones", "-o", "OUT", "--band-km", "inf"], "finite number of km"),
        (["zones", "-o", "OUT", "--band-km", "nan"], "finite number of km"),
        (["zones", "-o", "OUT", "--band-km", "-1"], "finite number of km"),
        (["zones", "-o", "OUT", "--band-km", "ten"], "not a number"),
        (["zones", "-o", "OUT", "--line", EVENTS_CSV], "no geometry"),
        (["zones", "-o", "OUT", "--line", "/no/such.geojson"], "not a file"),
        (["enrich", EVENTS_CSV, "-o", "OUT.csv", "--band-km", "0"], "finite number of km"),
        (["report", EVENTS_CSV, "-o", "report.pdf"], "should end in .html"),
        (["extract", SEEDS, "--max-articles", "2"], "--max-articles"),
        (["extract", SEEDS, "--max-articles", "-1"], "at least 1"),
        (["places", DATA.parent.parent / "docs" / "demo_map.png"], "not a text file"),
        (["extract", SEEDS, "--no-such-option"], "unrecognized arguments"),
    ],
)
def test_bad_option_is_one_line_exit_two_and_writes_nothing(
    capsys, tmp_path, monkeypatch, argv, message
):
    monkeypatch.chdir(tmp_path)
    code, out, err = kclmap(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["build", "zones"])
def test_read_only_output_folder_is_refused_before_any_work(capsys, tmp_path, command):
    target = read_only_folder(tmp_path) / "out"
    argv = [command, SEEDS, "-o", target] if command == "build" else [command, "-o", target]
    code, _, err = kclmap(capsys, *argv)
    assert code == 2
    assert "cannot write the output folder" in err
    assert len(err.strip().splitlines()) == 1


def test_read_only_existing_folder_is_refused(tmp_path):
    folder = read_only_folder(tmp_path)
    with pytest.raises(ValueError, match="cannot write the output folder"):
        check_writable_dir(folder)


def test_writable_check_creates_nothing(tmp_path):
    check_writable_dir(tmp_path / "a" / "b")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("report.html", "report.html"),
        ("Report.HTM", "Report.HTM"),
        ("folder/", "folder/report.html"),
        (f"folder{os.sep}", "folder/report.html"),
    ],
)
def test_report_path_is_html_or_a_folder_report(text, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert report_path(text).as_posix() == expected


def test_report_into_a_folder_writes_report_html(capsys, tmp_path):
    events = tmp_path / "events.csv"
    assert kclmap(capsys, "extract", ROBUST / "good.txt", "-o", events)[0] == 0
    folder = tmp_path / "folder"
    folder.mkdir()
    code, _, err = kclmap(capsys, "report", events, "-o", f"{folder}/")
    assert code == 0
    assert (folder / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(folder / "report.html") in err


@pytest.mark.parametrize(
    "text",
    [
        "43,34.5,45.5,36.5",  # Kirkuk and around
        "30,25,40,30",  # only the western desert corner overlaps
        f"{IRAQ_BOUNDS[0]},{IRAQ_BOUNDS[1]},{IRAQ_BOUNDS[2]},{IRAQ_BOUNDS[3]}",
    ],
)
def test_bbox_overlapping_iraq_is_accepted(text):
    west, south, east, north = bbox(text)
    assert west < east
    assert south < north


def test_iraq_bounds_contain_the_country_outline():
    from geo.zones import iraq_outline

    minx, miny, maxx, maxy = iraq_outline().bounds
    west, south, east, north = IRAQ_BOUNDS
    assert west <= minx
    assert south <= miny
    assert maxx <= east
    assert maxy <= north


def test_a_file_in_another_encoding_is_a_one_line_error_not_an_internal_one(capsys, tmp_path):
    events = tmp_path / "events.csv"
    assert kclmap(capsys, "extract", ROBUST / "good.txt", "-o", events)[0] == 0
    text = events.read_text(encoding="utf-8").replace("Daquq", "Daqūq – “town”")
    events.write_bytes(text.encode("cp1252", errors="replace"))
    code, _, err = kclmap(capsys, "report", events, "-o", tmp_path / "r.html")
    assert code in (0, 2)  # read (a reader that detects cp1252) or refused in one line
    assert "internal error" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1
        assert "save it as UTF-8" in err or "encoding" in err


@pytest.mark.parametrize(
    "name",
    ["evil\x1b[2J\x1b]0;pwned\x07.txt", "two\nlines.txt", "tab\there\r.txt"],
    ids=["terminal-escapes", "newline", "tab-cr"],
)
def test_error_lines_never_carry_control_characters(capsys, tmp_path, name):
    code, _, err = kclmap(capsys, "places", tmp_path / name)
    assert code == 2
    assert "does not exist" in err
    assert err.endswith("\n")
    assert err.count("\n") == 1
    assert not any(ord(c) < 32 and c != "\n" for c in err)
    assert "\x7f" not in err

"""``unresolved.csv`` lists every place name to check, with counts and candidates."""

import csv
import io

import pandas as pd
import pytest

from geo.pipeline import extract_with_report
from kclmap.unresolved import UNRESOLVED_COLUMNS, unresolved_csv, unresolved_rows
from tests.cli.conftest import ROBUST
from tests.conftest import DATA


@pytest.fixture(scope="module")
def rows(gaz, spotter):
    files = [ROBUST / "hostile_names.txt", DATA / "articles" / "a08_acled_style.txt"]
    frame, report = extract_with_report(files, spotter=spotter)
    twice = pd.concat([frame, frame[frame["place_query"] == "Qaryat Zzq"]], ignore_index=True)
    return {r["place_query"]: r for r in unresolved_rows(twice, gaz, mentions=report.unresolved)}


def test_unresolved_name_has_its_count_sources_and_look_alikes(rows):
    row = rows["Qaryat Zzq"]
    assert row["status"] == "unresolved"
    assert row["count"] == 2  # two events use it
    assert row["sources"].endswith("hostile_names.txt")


def test_unresolved_misspelling_suggests_the_place_meant(gaz):
    from geo.table import frame_records

    frame = frame_records(
        [{"event_id": "x1", "type": "attack", "place_query": "Daquqq Zzzq", "source": "a.txt"}]
    )
    (row,) = unresolved_rows(frame, gaz)
    assert row["status"] == "unresolved"
    assert "Daquq" in row["candidates"].split("; ")


def test_ambiguous_name_lists_the_choice_and_the_far_homonyms(rows):
    # Rashad in Daquq district (Kirkuk) was chosen; Ar Rashid (Baghdad) lies 200 km away
    row = rows["Al-Rashad"]
    first, *others = row["candidates"].split("; ")
    assert row["status"] == "ambiguous"
    assert first.startswith(row["placed_at"] + " (")
    assert ", Daquq, " in first
    assert any(c.startswith("Ar Rashid (") and "Al-Mahmoudiya" in c for c in others)


def test_a_name_placed_without_doubt_is_not_listed(rows):
    assert "Daquq" not in rows


def test_unresolved_rows_come_before_ambiguous_ones(gaz, rows):
    assert [r["status"] for r in rows.values()] == sorted(
        (r["status"] for r in rows.values()), key=lambda s: s != "unresolved"
    )


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+971", "'+971"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Tuz Khurmatu", "Tuz Khurmatu"),
    ],
)
def test_csv_cells_never_start_a_formula(cell, written):
    text = unresolved_csv([{"place_query": cell, "status": "unresolved", "count": 1}])
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == list(UNRESOLVED_COLUMNS)
    assert row[0] == written


def test_no_events_give_a_header_only_file(gaz):
    from geo.table import empty_frame

    assert (
        unresolved_csv(unresolved_rows(empty_frame(), gaz)) == ",".join(UNRESOLVED_COLUMNS) + "\n"
    )

"""ACLED and UCDP tables read into kclmap's model, by the codebooks, keeping their columns."""

from datetime import date

import pytest

from geo.datasets import detect_format, to_acled
from geo.datasets.acled import LEGACY_EVENT_TYPES, SUB_EVENT_TYPES, from_acled
from geo.datasets.ucdp import from_ucdp
from geo.events import EVENT_TYPES
from geo.gisio import read_events, write_events
from geo.readers import read_table
from tests.conftest import DATA

TABLES = DATA / "datasets"


@pytest.mark.parametrize(
    ("name", "fmt", "rows", "dataset"),
    [
        ("acled_current.csv", "acled", 6, "acled"),
        ("acled_api.json", "acled", 2, "acled"),
        ("acled_legacy.csv", "acled-legacy", 5, "acled"),
        ("ucdp_ged.csv", "ucdp", 3, "ucdp"),
    ],
)
def test_table_is_recognised_by_its_columns(name, fmt, rows, dataset):
    table = read_table(TABLES / name)
    assert table.format == fmt
    assert len(table.frame) == rows
    assert set(table.frame["dataset"]) == {dataset}
    assert table.frame.crs.to_epsg() == 4326
    assert table.frame.geometry.notna().all()


@pytest.mark.parametrize(
    ("name", "event_id", "expected"),
    [
        # Armed clash with IS as actor1: an attack; with state forces as actor1: an operation.
        ("acled_current.csv", "acled:IRQ90001", {"type": "attack", "fatalities": 12}),
        ("acled_current.csv", "acled:IRQ90002", {"type": "operation", "subtype": "clash"}),
        # time_precision 2 (week) and geo_precision 2 (~25 km).
        (
            "acled_current.csv",
            "acled:IRQ90003",
            {"type": "attack", "subtype": "explosive", "date_precision": "week"},
        ),
        # time_precision 3: the month, dated by its first day; geo_precision 3: a region.
        (
            "acled_current.csv",
            "acled:IRQ90004",
            {"type": "arrest", "event_date": date(2022, 6, 1), "precision_km": 75.0},
        ),
        (
            "acled_current.csv",
            "acled:IRQ90006",
            {"type": "airstrike", "actor2": "PKK: Kurdistan Workers Party"},
        ),
        # The API's JSON holds strings for every value.
        ("acled_api.json", "acled:IRQ90001", {"fatalities": 12, "lat": 35.776, "lon": 43.58}),
        # Pre-2019: "4-Jan-18" dates; Remote violence by air is an airstrike, by IED an attack.
        (
            "acled_legacy.csv",
            "acled:IRQ80001",
            {"type": "airstrike", "event_date": date(2018, 1, 4)},
        ),
        ("acled_legacy.csv", "acled:IRQ80002", {"type": "attack", "subtype": "explosive"}),
        ("acled_legacy.csv", "acled:IRQ80003", {"type": "operation", "subtype": "clash"}),
        (
            "acled_legacy.csv",
            "acled:IRQ80004",
            {
                "type": "other",
                "assoc_actors": "Military Forces of Iraq (2014-2018) Kurdistan Regional Government Peshmerga",
            },
        ),
        # UCDP: best estimate as fatalities, low/high kept; date_start..date_end.
        (
            "ucdp_ged.csv",
            "ucdp:900001",
            {
                "type": "attack",
                "fatalities": 11,
                "fatalities_low": 11,
                "fatalities_high": 13,
                "actor1": "Government of Iraq",
                "actor2": "IS",
                "place": "Makhmur town",
                "admin1": "Arbil",
            },
        ),
        (
            "ucdp_ged.csv",
            "ucdp:900002",
            {
                "subtype": "civilians",
                "date_precision": "month",
                "date_end": date(2022, 5, 31),
                "precision_km": 40.0,
            },
        ),
    ],
)
def test_row_maps_onto_the_event_model(name, event_id, expected):
    frame = read_events(TABLES / name)
    row = frame.set_index("event_id").loc[event_id]
    for column, value in expected.items():
        assert row[column] == value, column


def test_originals_are_kept_in_prefixed_columns():
    acled = read_events(TABLES / "acled_current.csv").set_index("event_id")
    assert acled.loc["acled:IRQ90001", "acled_event_id_cnty"] == "IRQ90001"
    assert acled.loc["acled:IRQ90001", "acled_time_precision"] == "1"
    assert acled.loc["acled:IRQ90001", "acled_inter1"] == "Rebel group"
    assert acled.loc["acled:IRQ90004", "acled_event_date"] == "2022-06-15"
    assert acled.loc["acled:IRQ90004", "acled_sub_event_type"] == "Arrests"
    ucdp = read_events(TABLES / "ucdp_ged.csv").set_index("event_id")
    assert ucdp.loc["ucdp:900001", "ucdp_type_of_violence"] == "1"
    assert ucdp.loc["ucdp:900001", "ucdp_where_prec"] == "1"
    assert ucdp.loc["ucdp:900001", "ucdp_date_prec"] == "1"


def test_newline_inside_a_quoted_field_is_one_row():
    # where_description of UCDP row 900001 and the notes of ACLED IRQ90005 span two lines.
    ucdp = read_events(TABLES / "ucdp_ged.csv").set_index("event_id")
    assert (
        ucdp.loc["ucdp:900001", "ucdp_where_description"] == "Qarachogh hills,\nnear Makhmur town"
    )
    acled = read_events(TABLES / "acled_current.csv").set_index("event_id")
    assert acled.loc["acled:IRQ90005", "quote"].endswith('"pay us".\n[size=around 200]')


@pytest.mark.parametrize(("sub_event_type", "mapped"), sorted(SUB_EVENT_TYPES.items()))
def test_every_acled_sub_event_type_maps_to_a_kclmap_type(sub_event_type, mapped):
    record = from_acled({"sub_event_type": sub_event_type, "inter1": "Rebel group"})
    assert record["type"] == mapped[0] in EVENT_TYPES
    assert record["acled_sub_event_type"] == sub_event_type


@pytest.mark.parametrize(("event_type", "mapped"), sorted(LEGACY_EVENT_TYPES.items()))
def test_every_pre_2019_event_type_maps_to_a_kclmap_type(event_type, mapped):
    record = from_acled({"event_type": event_type, "inter1": "2"})
    assert record["type"] in EVENT_TYPES
    assert record["acled_event_type"] == event_type


@pytest.mark.parametrize(
    ("code", "precision_km"), [("1", 5.0), ("2", 25.0), ("3", 75.0), ("", None)]
)
def test_acled_geo_precision_becomes_precision_km(code, precision_km):
    assert from_acled({"geo_precision": code})["precision_km"] == precision_km


@pytest.mark.parametrize(
    ("code", "precision"), [("1", "day"), ("2", "week"), ("3", "month"), ("9", "unknown")]
)
def test_acled_time_precision_becomes_date_precision(code, precision):
    assert from_acled({"time_precision": code})["date_precision"] == precision


@pytest.mark.parametrize(
    ("code", "precision_km", "geo_precision"),
    [
        ("1", 5.0, 1),
        ("2", 25.0, 2),
        ("3", 40.0, 3),
        ("4", 100.0, 3),
        ("6", 400.0, 3),
        ("7", 400.0, 3),
    ],
)
def test_ucdp_where_prec_becomes_precision_km(code, precision_km, geo_precision):
    record = from_ucdp({"where_prec": code})
    assert (record["precision_km"], record["geo_precision"]) == (precision_km, geo_precision)


@pytest.mark.parametrize(
    ("code", "precision"),
    [("1", "day"), ("2", "week"), ("3", "week"), ("4", "month"), ("5", "year")],
)
def test_ucdp_date_prec_becomes_date_precision(code, precision):
    assert from_ucdp({"date_prec": code})["date_precision"] == precision


@pytest.mark.parametrize(
    ("violence", "kind", "subtype"),
    [("1", "attack", "state-based"), ("2", "attack", "non-state"), ("3", "attack", "civilians")],
)
def test_ucdp_types_of_violence_map_to_attacks(violence, kind, subtype):
    record = from_ucdp({"type_of_violence": violence})
    assert (record["type"], record["subtype"]) == (kind, subtype)


@pytest.mark.parametrize(
    ("columns", "fmt"),
    [
        (["event_id", "type", "event_date", "lat", "lon"], "kclmap"),
        (["type", "event_date"], "kclmap"),
        (["EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "LATITUDE"], "acled-legacy"),
        (["event_id_cnty", "event_date", "event_type", "sub_event_type"], "acled"),
        (["id", "type_of_violence", "date_start", "where_prec", "best"], "ucdp"),
        (["name", "value"], None),
    ],
)
def test_detect_format_by_columns(columns, fmt):
    assert detect_format(columns) == fmt


def test_acled_layout_has_acled_columns_in_order(tmp_path):
    from geo.datasets.acled import ACLED_COLUMNS

    kclmap = read_events(DATA / "datasets" / "kclmap_events.csv")
    path = write_events(kclmap, tmp_path / "acled.csv", schema="acled")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == ACLED_COLUMNS
    assert list(to_acled(kclmap)["event_id_cnty"].str[:4].unique()) == ["KCL-"]


@pytest.mark.parametrize("source", ["kclmap_events.csv", "acled_current.csv", "ucdp_ged.csv"])
def test_acled_layout_round_trips_through_import(tmp_path, source):
    events = read_events(TABLES / source)
    back = read_table(write_events(events, tmp_path / "acled.csv", schema="acled"))
    assert back.format == "acled"
    frame = back.frame
    assert list(frame["event_id"]) == list(events["event_id"])
    assert list(frame["dataset"]) == list(events["dataset"])
    for column in (
        "type",
        "subtype",
        "joint",
        "event_date",
        "date_precision",
        "fatalities",
        "actor1",
        "actor2",
        "quote",
    ):
        assert list(frame[column].astype(object).fillna("-")) == list(
            events[column].astype(object).fillna("-")
        ), column
    assert list(frame["lat"].round(6)) == list(events["lat"].round(6))
    assert list(frame["geo_precision"].fillna(-1)) == list(events["geo_precision"].fillna(-1))


def test_acled_layout_is_only_a_csv(tmp_path):
    from geo.errors import InputError

    events = read_events(TABLES / "acled_current.csv")
    with pytest.raises(InputError, match=r"ACLED layout is a CSV.*acled\.csv"):
        write_events(events, tmp_path / "acled.gpkg", schema="acled")


@pytest.mark.parametrize(
    ("name", "column", "bad", "message"),
    [
        (
            "acled_current.csv",
            "latitude",
            "north",
            r"column 'latitude' \(kclmap's 'lat'\) in row 3",
        ),
        ("ucdp_ged.csv", "best", "eleven", r"column 'best' \(kclmap's 'fatalities'\) in row 2"),
    ],
)
def test_bad_cell_of_a_dataset_is_named_by_its_own_column(tmp_path, name, column, bad, message):
    import csv

    from geo.errors import InputError

    with (TABLES / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = 1 if name.startswith("acled") else 0
    rows[row][column] = bad
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(InputError, match=message):
        read_events(path)

"""Events files as spreadsheets and QGIS save them, read back faithfully or refused clearly."""

import csv
import io

import pyogrio
import pytest

from geo.errors import InputError
from geo.gisio import read_events, write_events
from geo.readers import read_table
from tests.conftest import DATA

KCLMAP = DATA / "datasets" / "kclmap_events.csv"
CASES = DATA / "cases"


def _rows() -> list[dict[str, str]]:
    with KCLMAP.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path, rows, *, delimiter=",", encoding="utf-8", columns=None):
    columns = columns or list(rows[0])
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_excel_ansi_csv_is_read_as_windows_1252():
    # user case 18-excel-ansi-csv (copied to tests/data/cases/): an en dash, curly quotes and "Mexmûr", CRLF line ends.
    table = read_table(CASES / "18-excel-ansi-csv/events_excel_ansi.csv")
    assert len(table.frame) == 19
    assert "Mexmûr" in set(table.frame["place_query"])
    assert any("– checked by analyst “OK”" in q for q in table.frame["quote"])
    assert any("Windows-1252" in n for n in table.notes)


def test_rows_added_by_hand_without_id_get_ids_and_a_note():
    # user case 17-blank-ids-dropped (copied to tests/data/cases/): two hand-added rows (Daquq, Kifri) with no event_id.
    table = read_table(CASES / "17-blank-ids-dropped/events_edited.csv")
    frame = table.frame
    assert len(frame) == 21
    assert frame["event_id"].is_unique
    assert {"Daquq", "Kifri"} <= set(frame["place"])
    assert any("2 row(s) without an event_id" in n and "(21, 22)" in n for n in table.notes)
    again = read_events(CASES / "17-blank-ids-dropped/events_edited.csv")
    assert list(again["event_id"]) == list(frame["event_id"])  # stable across reads


def test_repeated_event_ids_are_kept_apart_with_a_note(tmp_path):
    rows = _rows()
    rows[1]["event_id"] = rows[0]["event_id"]
    table = read_table(_write(tmp_path / "e.csv", rows))
    assert len(table.frame) == len(rows)
    assert table.frame["event_id"].is_unique
    assert any("repeated event_id" in n for n in table.notes)


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    frame = read_events(_write(tmp_path / "e.csv", _rows(), delimiter=delimiter))
    assert list(frame["event_id"]) == [r["event_id"] for r in _rows()]


def test_excel_sep_line_sets_the_delimiter(tmp_path):
    rows = _rows()[:2]
    rows[1]["fatalities"] = "many"
    path = _write(tmp_path / "e.csv", rows, delimiter=";")
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    # Excel hides the sep= line: the header is still row 1, the bad cell row 3.
    with pytest.raises(InputError, match=r"'fatalities' in row 3"):
        read_events(path)
    rows[1]["fatalities"] = "2"
    path = _write(tmp_path / "e.csv", rows, delimiter=";")
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    assert list(read_events(path)["fatalities"].fillna(-1)) == [-1, 2]


def test_decimal_commas_in_coordinates_are_read_with_a_note(tmp_path):
    rows = _rows()
    for row in rows:
        row["lat"], row["lon"] = row["lat"].replace(".", ","), row["lon"].replace(".", ",")
    table = read_table(_write(tmp_path / "e.csv", rows, delimiter=";"))
    assert table.frame["lat"].round(5).tolist() == [float(r["lat"]) for r in _rows()]
    assert any("semicolon" in n for n in table.notes)
    assert any("'lat'" in n and "decimal comma" in n for n in table.notes)


@pytest.mark.parametrize(
    ("written", "expected", "how"),
    [
        # 25/12/2021 can only be day-first, so the whole column is.
        (["08/08/2022", "25/12/2021"], ["2022-08-08", "2021-12-25"], "day/month/year"),
        (["12/25/2021", "08/08/2022"], ["2021-12-25", "2022-08-08"], "month/day/year"),
        # Day equals month: either order gives the same date.
        (["08/08/2022", "03/03/2022"], ["2022-08-08", "2022-03-03"], "day/month/year"),
        (["4-Jan-18", "15 May 2018"], ["2018-01-04", "2018-05-15"], "month names"),
    ],
)
def test_spreadsheet_dates_are_read_when_unambiguous(tmp_path, written, expected, how):
    rows = _rows()[:2]
    for row, text in zip(rows, written, strict=True):
        row["event_date"] = text
    table = read_table(_write(tmp_path / "e.csv", rows))
    assert [d.isoformat() for d in table.frame["event_date"]] == expected
    assert any("'event_date'" in n and how in n for n in table.notes)


def test_ambiguous_spreadsheet_dates_are_refused(tmp_path, monkeypatch):
    for key in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # no locale to say which order
    rows = _rows()[:2]
    rows[0]["event_date"], rows[1]["event_date"] = "01/02/2022", "03/04/2022"
    with pytest.raises(InputError, match=r"'01/02/2022' could be day/month or month/day"):
        read_events(_write(tmp_path / "e.csv", rows))


@pytest.mark.parametrize(
    ("locale", "expected", "how"),
    [
        (
            "en_GB.UTF-8",
            ["2022-02-01", "2022-04-03"],
            "day/month/year, the order of the locale en_GB",
        ),
        ("de_DE.UTF-8", ["2022-02-01", "2022-04-03"], "day/month/year"),
        (
            "en_US.UTF-8",
            ["2022-01-02", "2022-03-04"],
            "month/day/year, the order of the locale en_US",
        ),
    ],
)
def test_ambiguous_dates_follow_the_locale(tmp_path, monkeypatch, locale, expected, how):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_TIME", locale)
    rows = _rows()[:2]
    rows[0]["event_date"], rows[1]["event_date"] = "01/02/2022", "03/04/2022"
    table = read_table(_write(tmp_path / "e.csv", rows))
    assert [d.isoformat() for d in table.frame["event_date"]] == expected
    assert any(how in n for n in table.notes)


@pytest.mark.parametrize("column", ["WKT", "wkt_geom", "geometry"])
def test_wkt_geometry_column_places_events(tmp_path, column):
    rows = _rows()
    for row in rows:
        row[column] = f"POINT ({row.pop('lon')} {row.pop('lat')})"
    table = read_table(_write(tmp_path / "e.csv", rows))
    assert table.frame.geometry.notna().all()
    assert table.frame["lat"].round(5).tolist() == [float(r["lat"]) for r in _rows()]
    assert any(f"WKT column {column!r}" in n for n in table.notes)


def test_x_y_columns_place_events(tmp_path):
    rows = _rows()
    for row in rows:
        row["X"], row["Y"] = row.pop("lon"), row.pop("lat")
    frame = read_events(_write(tmp_path / "e.csv", rows))
    assert frame.geometry.notna().all()


def test_utf16_tab_separated_text_is_read(tmp_path):
    path = _write(tmp_path / "e.csv", _rows(), delimiter="\t", encoding="utf-16")
    assert len(read_events(path)) == len(_rows())


def test_error_counts_rows_as_a_spreadsheet_does(tmp_path):
    rows = _rows()[:3]
    rows[0]["quote"] = "a quote\nover two lines"  # one record, two text lines
    rows[1]["fatalities"] = "many"
    with pytest.raises(InputError, match=r"'fatalities' in row 3: 'many' is not a whole number"):
        read_events(_write(tmp_path / "e.csv", rows))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("name,value\nx,1\n", r"lacks the column\(s\) event_date, type"),
        ("type,event_date\nattack,2022-01-01,extra\n", "row 2 has 3 cells but the header has 2"),
    ],
)
def test_unusable_csv_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "e.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_events(path)


def test_geopackage_layer_named_after_the_file_is_read(tmp_path):
    events = read_events(KCLMAP)
    path = write_events(events, tmp_path / "saved.gpkg")
    renamed = tmp_path / "my_events.gpkg"
    frame = pyogrio.read_dataframe(path, layer="events")
    pyogrio.write_dataframe(frame, renamed, layer="my_events")
    table = read_table(renamed)
    assert list(table.frame["event_id"]) == list(events["event_id"])
    assert any("'my_events'" in n for n in table.notes)


def test_geopackage_with_several_point_layers_asks_which(tmp_path):
    frame = pyogrio.read_dataframe(write_events(read_events(KCLMAP), tmp_path / "e.gpkg"))
    path = tmp_path / "two.gpkg"
    pyogrio.write_dataframe(frame, path, layer="first")
    pyogrio.write_dataframe(frame, path, layer="second", append=True)
    with pytest.raises(InputError, match=r"several point layers \(first, second\)"):
        read_events(path)
    assert len(read_events(path, layer="second")) == len(frame)


def test_geojson_edited_geometry_wins_over_stale_lat_lon(tmp_path):
    import json

    path = write_events(read_events(KCLMAP), tmp_path / "e.geojson")
    data = json.loads(path.read_text())
    data["features"][0]["geometry"]["coordinates"] = [44.5, 35.5]
    path.write_text(json.dumps(data))
    frame = read_events(path)
    assert (frame.loc[0, "lon"], frame.loc[0, "lat"]) == (44.5, 35.5)


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_layer_in_a_projected_crs_is_reprojected(tmp_path, suffix):
    # QGIS "Save Features As" in UTM 38N (EPSG:32638) writes metres, not degrees.
    events = read_events(KCLMAP)
    path = tmp_path / f"utm{suffix}"
    options = {"RFC7946": "NO"} if suffix == ".geojson" else {}
    pyogrio.write_dataframe(events.to_crs("EPSG:32638"), path, layer="utm", **options)
    table = read_table(path)
    assert table.frame["lat"].round(4).tolist() == events["lat"].round(4).tolist()
    assert any("EPSG:32638" in n for n in table.notes)


def test_arabic_windows_1256_csv_is_read(tmp_path):
    # An Arabic-locale Excel saves "CSV" in Windows-1256.
    rows = _rows()
    for row in rows:
        row["place_query"] = "كركوك"
        row["quote"] = "هجوم على قرية قرب داقوق"
    table = read_table(_write(tmp_path / "e.csv", rows, encoding="cp1256"))
    assert set(table.frame["place_query"]) == {"كركوك"}
    assert any("cp1256" in n for n in table.notes)


def test_geometry_of_a_gis_file_wins_over_a_leftover_wkt_column(tmp_path):
    events = read_events(KCLMAP)
    events["WKT"] = "POINT (40 30)"  # a stale text column, as a CSV round trip leaves
    path = write_events(events, tmp_path / "e.gpkg")
    table = read_table(path)
    assert table.frame["lat"].round(5).tolist() == events["lat"].round(5).tolist()
    assert not any("WKT" in n for n in table.notes)

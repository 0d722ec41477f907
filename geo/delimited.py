"""Delimited text as spreadsheets save it: encodings, delimiters, locale numbers and dates.

A CSV an analyst edited comes back in many forms: Windows-1252 bytes (Excel "CSV" on
Windows), UTF-16 with a byte-order mark (Excel "Unicode text"), semicolons for delimiters and
decimal commas (spreadsheets in many European locales), dates rewritten as ``08/08/2022``.
Everything here reads such a file faithfully or says why it cannot, and every liberty taken is
returned as a note the CLI prints. Row numbers count as a spreadsheet does: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from geo.errors import InputError

__all__ = [
    "Sheet",
    "decode_bytes",
    "locale_date_order",
    "normalise_dates",
    "normalise_decimals",
    "read_delimited",
]

_DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$")
_NUMERIC_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s+[\d:]+(?:\s*[AP]M)?)?$"
)
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s+[\d:]+)?$")
_NAMED_FORMATS = ("%d-%b-%y", "%d-%b-%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


@dataclass
class Sheet:
    """The records of a delimited file: ``rows[i]`` is spreadsheet row ``row_numbers[i]``."""

    columns: list[str]
    rows: list[dict[str, Any]]
    row_numbers: list[int]
    notes: list[str] = field(default_factory=list)
    row_word: str = "row"  # how messages name a record: "row" (spreadsheet), "feature"...


def decode_bytes(raw: bytes, *, name: str) -> tuple[str, list[str]]:
    """Text of a file and notes on how it was decoded.

    The articles' decoder (:func:`geo.reading.encoding.decode_bytes`): byte-order marks,
    UTF-16, UTF-8, then charset detection, a Western guess read as Windows-1252 (spreadsheet
    "CSV" on Windows), Arabic as Windows-1256; binary files are refused.
    """
    from geo.reading.encoding import decode_bytes as decode

    decoded = decode(raw, name=name)
    return decoded.text, [f"{name}: {w}" for w in decoded.warnings]


_SEP_HINT = re.compile(r"^\ufeff?sep=(.)\r?\n", re.I)  # Excel's first line "sep=;"


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most fields (comma on a tie)."""
    header = next(iter(text.splitlines()), "")
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in _DELIMITERS}
    best = max(counts.values())
    return "," if counts[","] == best else max(counts, key=lambda d: counts[d])


def read_delimited(path: str | PathLike[str]) -> Sheet:
    """Read a CSV (or semicolon/tab/pipe separated) file with a header row.

    Fields may hold delimiters and newlines inside quotes (a real CSV parser, not lines).
    Blank records are skipped; a record with more cells than the header is an error.

    Raises
    ------
    InputError
        When the file cannot be read, has no header, or a record does not fit the header.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {str(path)!r}: {err.strerror or err}") from err
    text, notes = decode_bytes(raw, name=path.name)
    if hint := _SEP_HINT.match(text):  # Excel reads and hides it: the header stays row 1
        delimiter, text = hint[1], text[hint.end() :]
    else:
        delimiter = _sniff_delimiter(text)
    if delimiter != ",":
        notes.append(f"{path.name}: {_NAMES.get(delimiter, repr(delimiter))}-delimited")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as err:
        raise InputError(f"{str(path)!r} is not a readable CSV file: {err}") from err
    if not records or not any(c.strip() for c in records[0]):
        raise InputError(f"{str(path)!r} is empty: expected a header row and events")
    columns = [c.strip().lstrip("\ufeff") for c in records[0]]
    rows, numbers = [], []
    for number, record in enumerate(records[1:], start=2):
        if not any(c.strip() for c in record):
            continue
        if len(record) > len(columns) and any(c.strip() for c in record[len(columns) :]):
            raise InputError(
                f"{str(path)!r} row {number} has {len(record)} cells but the header has "
                f"{len(columns)}: a delimiter inside a field needs quotes"
            )
        cells: list[Any] = [*record[: len(columns)]]
        cells += [None] * (len(columns) - len(cells))
        rows.append(dict(zip(columns, cells, strict=True)))
        numbers.append(number)
    return Sheet(columns, rows, numbers, notes)


def normalise_decimals(sheet: Sheet, columns: list[str]) -> None:
    """Turn decimal commas (``36,19``) into points in number ``columns``, noting each column.

    A column is converted only when every value in it that has a separator has a comma.
    """
    for column in columns:
        if column not in sheet.columns:
            continue
        values = [
            v.strip() for r in sheet.rows if isinstance(v := r.get(column), str) and v.strip()
        ]
        commas = [v for v in values if _DECIMAL_COMMA.match(v)]
        if not commas or any("." in v for v in values):
            continue
        for row in sheet.rows:
            value = row.get(column)
            if isinstance(value, str) and _DECIMAL_COMMA.match(value.strip()):
                row[column] = value.strip().replace(",", ".")
        sheet.notes.append(f"column {column!r}: read {len(commas)} decimal comma(s) as points")


def _year(text: str) -> int:
    number = int(text)
    return number if len(text) == 4 else 2000 + number if number < 70 else 1900 + number


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named(text: str) -> date | None:
    for fmt in _NAMED_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


_MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "BZ"})


def locale_date_order(environ: Mapping[str, str]) -> tuple[str, str] | None:
    """("dmy" or "mdy", locale name) from ``LC_ALL``/``LC_TIME``/``LANG``, or ``None`` (C, unset).

    Only the numeric day/month order matters here; countries writing month first are few.
    """
    for key in ("LC_ALL", "LC_TIME", "LANG"):
        name = environ.get(key, "")
        if name:
            match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", name)
            if not match:
                return None  # C, POSIX, C.UTF-8: no date convention
            return ("mdy" if match[1] in _MONTH_FIRST_COUNTRIES else "dmy"), name
    return None


def normalise_dates(
    sheet: Sheet, columns: list[str], *, locale_order: tuple[str, str] | None = None
) -> None:
    """Rewrite non-ISO dates in ``columns`` as ``YYYY-MM-DD`` when the column is unambiguous.

    Numeric dates (``08/08/2022``, ``8.8.22``) are read day-first or month-first, whichever the
    whole column allows; when both are possible and give different dates, in the order of
    ``locale_order`` (see :func:`locale_date_order`), else an :class:`InputError` asks for ISO
    dates. Month names (``4-Jan-18``, ``4 January 2018``) and ``2022/08/08`` are unambiguous.
    A note says how each column was read.
    """
    for column in columns:
        if column not in sheet.columns:
            continue
        cells = [
            (i, v.strip())
            for i, r in enumerate(sheet.rows)
            if isinstance(v := r.get(column), str) and v.strip() and not _ISO.match(v.strip())
        ]
        if not cells:
            continue
        day_first: dict[int, date | None] = {}
        month_first: dict[int, date | None] = {}
        other: dict[int, date] = {}
        for i, text in cells:
            if m := _NUMERIC_DATE.match(text):
                a, b, year = int(m[1]), int(m[2]), _year(m[3])
                day_first[i], month_first[i] = _valid(year, b, a), _valid(year, a, b)
            elif m := _YMD_SLASH.match(text):
                if parsed := _valid(int(m[1]), int(m[2]), int(m[3])):
                    other[i] = parsed
            elif parsed := _named(text):
                other[i] = parsed
        if len(day_first) + len(other) < len(cells):
            continue  # some value is no date at all: the reader's error names it
        dmy_ok = all(v is not None for v in day_first.values())
        mdy_ok = all(v is not None for v in month_first.values())
        same = dmy_ok and mdy_ok and day_first == month_first
        chosen: dict[int, date | None] = dict(other)
        how = "month names" if other else ""
        if day_first:
            if (dmy_ok and not mdy_ok) or same:
                chosen |= day_first
                how = "day/month/year"
            elif mdy_ok and not dmy_ok:
                chosen |= month_first
                how = "month/day/year"
            elif dmy_ok and mdy_ok and locale_order is not None:
                chosen |= day_first if locale_order[0] == "dmy" else month_first
                order = "day/month/year" if locale_order[0] == "dmy" else "month/day/year"
                how = f"{order}, the order of the locale {locale_order[1]}"
            elif dmy_ok and mdy_ok:
                raise InputError(
                    f"column {column!r}: dates like {cells[0][1]!r} could be day/month or "
                    "month/day in this file: write them as YYYY-MM-DD (or set LC_TIME to "
                    "your locale, e.g. en_GB.UTF-8)"
                )
            else:
                continue  # invalid either way: the reader's error names the value
        for i, value in chosen.items():
            sheet.rows[i][column] = value.isoformat() if value else None
        example = cells[0][1]
        sheet.notes.append(
            f"column {column!r}: read {len(cells)} date(s) like {example!r} as {how}"
        )

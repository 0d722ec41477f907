"""Event tables analysts already hold (ACLED, UCDP GED) read into kclmap's event model.

A table is recognised by its columns (:func:`detect_format`); its rows become kclmap records
(:func:`to_records`) with a ``dataset`` column, the source's own values kept in prefixed
columns, and its types mapped by the documented tables in :mod:`geo.datasets.acled` and
:mod:`geo.datasets.ucdp`. :mod:`geo.datasets.linking` finds the same event in two sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from geo.datasets.acled import from_acled, to_acled
from geo.datasets.common import FAMILIES, ensure_id
from geo.datasets.linking import link_sources, overlap_summary
from geo.datasets.ucdp import from_ucdp
from geo.errors import InputError

__all__ = [
    "DATASETS",
    "FAMILIES",
    "FORMATS",
    "Format",
    "detect_format",
    "ensure_id",
    "link_sources",
    "missing_columns",
    "overlap_summary",
    "to_acled",
    "to_records",
]

Format = Literal["kclmap", "acled", "acled-legacy", "ucdp"]
FORMATS: tuple[Format, ...] = ("kclmap", "acled", "acled-legacy", "ucdp")
DATASETS = ("kclmap", "acled", "ucdp")  # the values of the ``dataset`` column
# Columns that identify each format (compared in lower case).
_SIGNATURES: dict[Format, frozenset[str]] = {
    "ucdp": frozenset({"id", "type_of_violence", "date_start", "where_prec", "best"}),
    "acled": frozenset({"event_id_cnty", "event_date", "event_type", "sub_event_type"}),
    "acled-legacy": frozenset({"event_id_cnty", "event_date", "event_type"}),
    "kclmap": frozenset({"type", "event_date"}),
}
_NEEDS_POINT: dict[Format, tuple[str, str]] = {
    "ucdp": ("latitude", "longitude"),
    "acled": ("latitude", "longitude"),
    "acled-legacy": ("latitude", "longitude"),
}


def detect_format(columns: Iterable[str]) -> Format | None:
    """The format whose identifying columns ``columns`` has (``None`` for none of them)."""
    names = {str(c).strip().lower() for c in columns}
    for fmt, needed in _SIGNATURES.items():
        if needed <= names and (fmt != "kclmap" or "event_id_cnty" not in names):
            return fmt
    return None


def missing_columns(columns: Iterable[str], fmt: Format) -> list[str]:
    """The identifying columns of ``fmt`` that ``columns`` lacks, sorted."""
    names = {str(c).strip().lower() for c in columns}
    return sorted(_SIGNATURES[fmt] - names)


def to_records(rows: Iterable[Mapping[str, Any]], fmt: Format) -> list[dict[str, Any]]:
    """Rows of an ACLED or UCDP table as kclmap records (cells still untyped text).

    Raises
    ------
    InputError
        For ``fmt="kclmap"``: kclmap's own rows need no conversion.
    """
    if fmt == "kclmap":
        raise InputError("kclmap's own events need no conversion")
    convert = from_ucdp if fmt == "ucdp" else from_acled
    return [convert({str(k).strip().lower(): v for k, v in row.items()}) for row in rows]

"""Events: the model, article reading, extraction, zones, spatial analysis and GIS I/O.

>>> import geo
>>> events = geo.extract("seeds/")          # doctest: +SKIP
>>> geo.write_events(events, Path("events.gpkg"))  # doctest: +SKIP
"""

from __future__ import annotations

from geo import analysis, datasets, zones
from geo.articles import Article, read_article, read_articles
from geo.errors import InputError
from geo.events import COLUMNS, EVENT_TYPES, Event
from geo.extract import extract_events
from geo.gisio import read_events, write_events
from geo.pipeline import extract, extract_with_report
from geo.readers import read_table

__all__ = [
    "COLUMNS",
    "EVENT_TYPES",
    "Article",
    "Event",
    "InputError",
    "analysis",
    "datasets",
    "extract",
    "extract_events",
    "extract_with_report",
    "read_article",
    "read_articles",
    "read_events",
    "read_table",
    "write_events",
    "zones",
]

"""Extraction at scale: process pools, a Dask cluster, an incremental cache, streamed output.

>>> from geo.engine import LocalEngine, RunReport, iter_event_batches
>>> report = RunReport()
>>> with LocalEngine(jobs=2) as engine:                                   # doctest: +SKIP
...     for events in iter_event_batches([Path("articles/")], report, engine=engine):
...         ...
"""

from __future__ import annotations

from geo.engine.cache import ExtractionCache, default_cache_dir, extractor_version
from geo.engine.local import LocalEngine, default_jobs
from geo.engine.run import Engine, RunReport, iter_event_batches
from geo.engine.sink import EventSink, check_events_path, check_writable_dir
from geo.engine.work import ArticleResult, ExtractOptions

__all__ = [
    "ArticleResult",
    "Engine",
    "EventSink",
    "ExtractOptions",
    "ExtractionCache",
    "LocalEngine",
    "RunReport",
    "check_events_path",
    "check_writable_dir",
    "default_cache_dir",
    "default_jobs",
    "extractor_version",
    "iter_event_batches",
]

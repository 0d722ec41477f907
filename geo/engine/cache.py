"""The incremental extraction cache: one SQLite file of results keyed by content and version.

A key is the SHA-256 of the extractor's version (a hash of kclmap's own extraction source and
gazetteer data, so any rule change invalidates every entry), the article's path, its bytes, its
sidecar's bytes and the ``--published`` fallback. A rerun on an unchanged folder finds every
article here and extracts nothing; a grown folder extracts only the new files.

Location: ``$KCLMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/kclmap``, else ``~/.cache/kclmap``
(``--cache-dir`` on the command line). Delete the folder to clear it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from dataclasses import fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from geo.engine.work import ArticleResult
from geo.events import Event

__all__ = ["CACHE_FILE", "ExtractionCache", "cache_key", "default_cache_dir", "extractor_version"]

CACHE_FILE = "extract.sqlite"
_PACKAGES = ("geo", "gazetteer")
_FIELDS = tuple(f.name for f in fields(Event) if f.name != "extra_quotes")
_DATE_FIELDS = frozenset(f.name for f in fields(Event) if "date" in str(f.type)) | {"published"}


def default_cache_dir() -> Path:
    """``$KCLMAP_CACHE_DIR``, ``$XDG_CACHE_HOME/kclmap`` or ``~/.cache/kclmap``."""
    if os.environ.get("KCLMAP_CACHE_DIR"):
        return Path(os.environ["KCLMAP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kclmap"


@cache
def extractor_version() -> str:
    """A hash (16 hex) of every source file and data file that extraction results depend on.

    All of ``geo/`` (but its ``engine/``, which only schedules work) and all of ``gazetteer/``
    with its data: a changed rule, alias or place invalidates the cache.
    """
    import geo

    digest = hashlib.sha256()
    root = Path(geo.__file__).resolve().parent.parent
    for package in _PACKAGES:
        base = root / package
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root)
            if (
                not path.is_file()
                or "__pycache__" in rel.parts
                or rel.parts[:2] == ("geo", "engine")
            ):
                continue
            if path.suffix not in (".py", ".csv", ".gz", ".txt", ".geojson", ".json", ".tsv"):
                continue
            digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_key(source: str, data: bytes, sidecar: bytes | None, published: date | None) -> str:
    """The key of one article file: version, path, bytes, sidecar bytes and ``published``."""
    digest = hashlib.sha256()
    for part in (
        extractor_version().encode(),
        source.encode(),
        hashlib.sha256(data).digest(),
        b"-" if sidecar is None else hashlib.sha256(sidecar).digest(),
        (published.isoformat() if published else "-").encode(),
    ):
        digest.update(part + b"\0")
    return digest.hexdigest()


def _encode(result: ArticleResult) -> bytes:
    events = []
    for event in result.events:
        record = {name: getattr(event, name) for name in _FIELDS}
        record["extra_quotes"] = list(event.extra_quotes)
        for key in _DATE_FIELDS & record.keys():
            if isinstance(record[key], date):
                record[key] = record[key].isoformat()
        events.append(record)
    payload = {
        "content_hash": result.content_hash,
        "events": events,
        "unresolved": result.unresolved,
        "warnings": list(result.warnings),
    }
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode(), 1)


def _decode(source: str, blob: bytes) -> ArticleResult:
    payload: dict[str, Any] = json.loads(zlib.decompress(blob))
    events = []
    for record in payload["events"]:
        for key in _DATE_FIELDS & record.keys():
            if isinstance(record[key], str):
                record[key] = date.fromisoformat(record[key])
        events.append(Event(**record))
    return ArticleResult(
        source=source,
        content_hash=payload["content_hash"],
        events=events,
        unresolved=list(payload["unresolved"]),
        warnings=tuple(payload["warnings"]),
        cached=True,
    )


def _target(path: Path) -> str:
    return str(path.absolute())


class ExtractionCache:
    """Extraction results on disk, read and written by one process (the run's parent).

    Parameters
    ----------
    directory
        Folder of the cache file (created when missing).

    Raises
    ------
    OSError
        When the folder cannot be created or the file opened (callers report it and run on
        without a cache).
    """

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CACHE_FILE
        self._db = sqlite3.connect(self.path, timeout=30)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS stamps (target TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise OSError(f"cache {str(self.path)!r} is unusable: {err}") from err
        self._pending: list[tuple[str, bytes]] = []

    def get(self, key: str, source: str) -> ArticleResult | None:
        """The cached result for ``key`` (with ``source`` as its path), or ``None``."""
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return _decode(source, row[0])
        except (ValueError, TypeError, KeyError, zlib.error):
            return None  # an entry from an older layout: extract again

    def put(self, key: str, result: ArticleResult) -> None:
        """Store a successful result (committed in batches, and by :meth:`close`)."""
        if result.problem is not None or result.content_hash is None:
            return
        self._pending.append((key, _encode(result)))
        if len(self._pending) >= 500:
            self.flush()

    def get_stamp(self, target: Path) -> str | None:
        """The stamp (text) of the last completed run that wrote ``target``, or ``None``."""
        row = self._db.execute("SELECT value FROM stamps WHERE target = ?", (_target(target),))
        found = row.fetchone()
        return str(found[0]) if found is not None else None

    def put_stamp(self, target: Path, stamp: str | None) -> None:
        """Record (or with ``None`` forget) the stamp of the run that just wrote ``target``."""
        with self._db:
            if stamp is None:
                self._db.execute("DELETE FROM stamps WHERE target = ?", (_target(target),))
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO stamps (target, value) VALUES (?, ?)",
                    (_target(target), stamp),
                )

    def flush(self) -> None:
        """Commit the pending entries."""
        if self._pending:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending
                )
            self._pending.clear()

    def close(self) -> None:
        """Commit and close."""
        try:
            self.flush()
        finally:
            self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

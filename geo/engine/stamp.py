"""Is an output up to date? The digest of a run's inputs and the signature of what it wrote.

A run that writes ``events.gpkg`` from a folder records, in the cache file, a :class:`RunStamp`:
the SHA-256 of its inputs (every article's cache key in path order, see
:func:`geo.engine.cache.cache_key`, which covers the extractor's version, the path, the bytes,
the sidecar and ``--published``), the version of the code that writes files and the run's
settings (output format, schema, ``--min-confidence``...), the size and modification time
(ns) of each file it wrote, and its closing summary. A rerun whose digest is the same and whose
files are still the ones it wrote has nothing to do, and says so instead of rewriting them.

A run with an unreadable or oversized file, or without the cache, is never stamped (its
inputs cannot all be fingerprinted), so it always runs again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["InputsDigest", "RunStamp", "code_version", "file_signature"]

_WRITERS = ("geo", "gazetteer", "kclmap")


@cache
def code_version() -> str:
    """A hash (16 hex) of the extractor's version and every ``.py`` of geo, gazetteer, kclmap.

    A changed writer, filter or summary makes every stamp stale.
    """
    import geo
    from geo.engine.cache import extractor_version

    root = Path(geo.__file__).resolve().parent.parent
    digest = hashlib.sha256(extractor_version().encode())
    for package in _WRITERS:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class InputsDigest:
    """The running SHA-256 of a run's inputs: ``(source, cache key)`` pairs in path order.

    :attr:`hexdigest` is ``None`` once a source had no key (unreadable, too big, no cache).
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._complete = True
        self.count = 0

    def add(self, source: str, key: str | None) -> None:
        """Feed one article file and its cache key (``None``: it could not be fingerprinted)."""
        self.count += 1
        if key is None:
            self._complete = False
            return
        self._hash.update(source.encode() + b"\0" + key.encode() + b"\0")

    def update(self, pairs: Iterable[tuple[str, str | None]]) -> InputsDigest:
        """Feed many pairs; returns ``self``."""
        for source, key in pairs:
            self.add(source, key)
        return self

    @property
    def hexdigest(self) -> str | None:
        """The digest (64 hex), or ``None`` when a source could not be fingerprinted."""
        return self._hash.hexdigest() if self._complete and self.count else None


def file_signature(path: Path) -> str | None:
    """``"size:mtime_ns"`` of ``path``, or ``None`` when it does not exist."""
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def settings_key(settings: Mapping[str, object]) -> str:
    """The run's settings and the code version as one canonical string."""
    return json.dumps({"code": code_version(), **settings}, sort_keys=True, default=str)


@dataclass
class RunStamp:
    """What a completed run read and wrote.

    Attributes
    ----------
    digest
        :attr:`InputsDigest.hexdigest` of its inputs.
    settings
        :func:`settings_key` of its settings.
    outputs
        Each file it wrote (absolute path) -> :func:`file_signature` (``None``: none written).
    summary
        Whatever the command needs to tell the run's outcome again (counts, lines, exit code).
    """

    digest: str
    settings: str
    outputs: dict[str, str | None] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)

    def holds(self, digest: str | None, settings: str) -> bool:
        """Same inputs and settings, and every output still the file this run wrote."""
        return (
            digest is not None
            and digest == self.digest
            and settings == self.settings
            and all(file_signature(Path(p)) == sig for p, sig in self.outputs.items())
        )

    def to_json(self) -> str:
        """The stamp as JSON text (stored in the cache)."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> RunStamp | None:
        """The stamp stored as ``text``, or ``None`` when it is not one."""
        try:
            data = json.loads(text)
            return cls(
                digest=str(data["digest"]),
                settings=str(data["settings"]),
                outputs={str(k): v for k, v in dict(data["outputs"]).items()},
                summary=dict(data["summary"]),
            )
        except (ValueError, TypeError, KeyError):
            return None
